/* rcrm-application.c — the rcrm application: sign-in, windows, app actions
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rcrm-app-private.h"
#include "rcrm-app-settings.h"
#include "rcrm-application.h"
#include "rcrm-login-window.h"
#include "rcrm-secret.h"
#include "rcrm-window.h"

#ifndef LOCALEDIR
# define LOCALEDIR "/usr/share/locale"
#endif

struct _RcrmApplication
{
  AdwApplication    parent_instance;

  char             *server_override;   /* --server */
  RcrmClient       *client;
  GCancellable     *cancellable;       /* startup, sign-out and keyring calls */
  RcrmWindow       *main_window;       /* weak */
  RcrmLoginWindow  *login_window;      /* weak */
  gboolean          starting;
  gboolean          token_from_env;    /* RCRM_TOKEN: never stored or cleared */
  gboolean          keyring_missing;   /* the lookup failed: do not wait for a store */
  gboolean          signing_out;
  char             *pending_toast;     /* for the main window once it exists */
  char             *session_username;  /* the user of the main window's session */
  gboolean          rows_waiting;      /* the main window waits for the inbox's first rows */
  gboolean          rows_startup;      /* … and then ends the startup */
  guint             rows_timeout;
};

G_DEFINE_FINAL_TYPE (RcrmApplication, rcrm_application, ADW_TYPE_APPLICATION)

static void show_login          (RcrmApplication *self,
                                 const char      *message);
static void show_main_with_rows (RcrmApplication *self,
                                 gboolean         startup);

/* ---- i18n and resources ---------------------------------------------------------------- */

void
rcrm_application_setup_i18n (void)
{
  const char *localedir = g_getenv ("RCRM_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
rcrm_app_ensure_resources (void)
{
  static gboolean done;
  GdkDisplay *display;

  if (done)
    return;

  /* GtkApplication does this for the app; windows made by tests need it too */
  display = gdk_display_get_default ();
  if (display == NULL)
    return;

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display), "/io/rcrm/Desktop/icons");
  done = TRUE;
}

/* ---- windows ------------------------------------------------------------------------------ */

static void
set_weak (gpointer *slot,
          gpointer  object)
{
  if (*slot == object)
    return;
  if (*slot != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*slot), slot);
  *slot = object;
  if (object != NULL)
    g_object_add_weak_pointer (G_OBJECT (object), slot);
}

static void
show_toast (RcrmApplication *self,
            const char      *message)
{
  if (self->main_window != NULL)
    rcrm_window_show_toast (self->main_window, message);
  else
    {
      g_free (self->pending_toast);
      self->pending_toast = g_strdup (message);
    }
}

static void
show_main (RcrmApplication *self)
{
  RcrmUser *user = rcrm_client_get_user (self->client);
  RcrmWindow *window;

  if (self->main_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->main_window));

  g_free (self->session_username);
  self->session_username = user != NULL ? g_strdup (rcrm_user_get_username (user)) : NULL;

  window = rcrm_window_new (GTK_APPLICATION (self), self->client);
  set_weak ((gpointer *) &self->main_window, window);
  gtk_window_present (GTK_WINDOW (window));

  if (self->login_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->login_window));

  if (self->pending_toast != NULL)
    {
      g_autofree char *message = g_steal_pointer (&self->pending_toast);

      rcrm_window_show_toast (window, message);
    }
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RcrmApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rcrm_secret_store_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_message ("Cannot store the session token in the keyring: %s", error->message);
          self->keyring_missing = TRUE;
          show_toast (self, _("The keyring is not available: you will have to sign in again next time."));
        }
    }

  g_application_release (G_APPLICATION (self));
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcrmApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rcrm_secret_clear_finish (result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Cannot remove the session token from the keyring: %s", error->message);

  g_application_release (G_APPLICATION (self));
}

/* forgets the stored token of the client's user (not one from RCRM_TOKEN) */
static void
forget_token (RcrmApplication *self,
              const char      *username)
{
  if (self->token_from_env || self->keyring_missing || username == NULL || *username == '\0')
    return;

  g_application_hold (G_APPLICATION (self));
  rcrm_secret_clear_async (rcrm_client_get_base_url (self->client), username,
                           self->cancellable, on_cleared, self);
}

static void
use_client (RcrmApplication *self,
            RcrmClient      *client);

static void
on_signed_in (RcrmApplication *self,
              RcrmClient      *client)
{
  RcrmAppSettings *settings = rcrm_app_settings_get_default ();
  RcrmUser *user = rcrm_client_get_user (client);

  use_client (self, client);
  self->token_from_env = FALSE;
  /* the inbox's first rows travel while the window is built */
  rcrm_inbox_page_prefetch (client);

  rcrm_app_settings_set_string (settings, "server-url", rcrm_client_get_base_url (client));
  if (user != NULL)
    rcrm_app_settings_set_string (settings, "last-username", rcrm_user_get_username (user));

  show_main_with_rows (self, FALSE);

  if (user == NULL || rcrm_client_get_token (client) == NULL)
    return;

  if (self->keyring_missing)
    show_toast (self, _("The keyring is not available: you will have to sign in again next time."));
  else
    {
      g_application_hold (G_APPLICATION (self));
      rcrm_secret_store_async (rcrm_client_get_base_url (client), rcrm_user_get_username (user),
                               rcrm_client_get_token (client), self->cancellable, on_stored, self);
    }
}

static void
show_login (RcrmApplication *self,
            const char      *message)
{
  g_autofree char *username = NULL;
  RcrmLoginWindow *window;

  if (self->login_window == NULL)
    {
      window = rcrm_login_window_new (GTK_APPLICATION (self), self->client);
      set_weak ((gpointer *) &self->login_window, window);
      g_signal_connect_object (window, "signed-in", G_CALLBACK (on_signed_in), self, G_CONNECT_SWAPPED);

      /* the user of the session that just ended, else the last one who signed in */
      if (self->session_username != NULL)
        username = g_strdup (self->session_username);
      else
        username = rcrm_app_settings_get_string (rcrm_app_settings_get_default (), "last-username");
      rcrm_login_window_set_username (window, username);
    }

  rcrm_login_window_show_error (self->login_window, message);
  gtk_window_present (GTK_WINDOW (self->login_window));

  if (self->main_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->main_window));
}

static gboolean
expired_idle (gpointer user_data)
{
  RcrmApplication *self = user_data;

  if (self->main_window != NULL && !self->signing_out)
    show_login (self, _("Your session has ended. Please sign in again."));

  return G_SOURCE_REMOVE;
}

/* a 401 while working: the token expired or was revoked */
static void
on_unauthorized (RcrmApplication *self,
                 RcrmClient      *client)
{
  if (self->main_window == NULL || self->signing_out || client != self->client)
    return;

  forget_token (self, self->session_username);
  rcrm_client_set_token (client, NULL);

  /* not from inside the failing request's callback chain */
  g_idle_add_full (G_PRIORITY_DEFAULT, expired_idle, g_object_ref (self), g_object_unref);
}

static void
use_client (RcrmApplication *self,
            RcrmClient      *client)
{
  if (self->client == client)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);
  if (client != NULL)
    g_signal_connect_object (client, "unauthorized", G_CALLBACK (on_unauthorized), self, G_CONNECT_SWAPPED);
}

/* ---- startup: token → GET /me → main window, else the sign-in window ---------------------- */

/* how long the main window waits for the inbox's first rows at most */
#define ROWS_WAIT_MS 250

static void
startup_done (RcrmApplication *self)
{
  self->starting = FALSE;
  g_application_release (G_APPLICATION (self));
}

static void
rows_wait_over (RcrmApplication *self)
{
  if (!self->rows_waiting)
    return;

  self->rows_waiting = FALSE;
  g_clear_handle_id (&self->rows_timeout, g_source_remove);
  /* still signed in (no 401 meanwhile) */
  if (rcrm_client_get_token (self->client) != NULL)
    show_main (self);
  if (self->rows_startup)
    {
      self->rows_startup = FALSE;
      startup_done (self);
    }
}

static gboolean
on_rows_timeout (gpointer user_data)
{
  RcrmApplication *self = user_data;

  self->rows_timeout = 0;
  rows_wait_over (self);
  return G_SOURCE_REMOVE;
}

static void
on_rows_here (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!rcrm_client_prefetch_wait_finish (RCRM_CLIENT (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  rows_wait_over (user_data);
}

/* The main window, once the inbox's first page (rcrm_inbox_page_prefetch) is
 * here, so that its first frame already shows rows; a slow server only delays
 * it by ROWS_WAIT_MS, then the rows come in as they would anyway. */
static void
show_main_with_rows (RcrmApplication *self,
                     gboolean         startup)
{
  if (self->rows_waiting)
    return;

  self->rows_waiting = TRUE;
  self->rows_startup = startup;
  self->rows_timeout = g_timeout_add (ROWS_WAIT_MS, on_rows_timeout, self);
  rcrm_client_prefetch_wait_async (self->client, self->cancellable, on_rows_here, self);
}

static void
on_me (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  RcrmApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmUser) user = rcrm_client_get_me_finish (RCRM_CLIENT (source), result, &error);

  if (user != NULL)
    {
      /* startup_done once the window is there */
      show_main_with_rows (self, TRUE);
      return;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED))
    {
      g_autofree char *username = rcrm_app_settings_get_string (rcrm_app_settings_get_default (),
                                                                "last-username");

      forget_token (self, username);
      rcrm_client_set_token (self->client, NULL);
      show_login (self, self->token_from_env
                        ? _("The token in RCRM_TOKEN is not valid. Please sign in.")
                        : _("Your session has ended. Please sign in again."));
    }
  else
    {
      /* e.g. the server is down: the keyring keeps the token for the next start */
      rcrm_client_set_token (self->client, NULL);
      show_login (self, error->message);
    }

  startup_done (self);
}

static void
validate_token (RcrmApplication *self,
                const char      *token)
{
  rcrm_client_set_token (self->client, token);
  rcrm_client_get_me_async (self->client, self->cancellable, on_me, self);
  /* side by side with GET /me: the inbox's first rows are here when the
   * window is built (an invalid token just fails both) */
  rcrm_inbox_page_prefetch (self->client);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RcrmApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = rcrm_secret_lookup_finish (result, &error);

  if (token != NULL)
    {
      validate_token (self, token);
      return;
    }

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_message ("Cannot read the keyring: %s", error->message);
      self->keyring_missing = TRUE;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_login (self, NULL);
  startup_done (self);
}

static void
start (RcrmApplication *self)
{
  RcrmAppSettings *settings = rcrm_app_settings_get_default ();
  g_autofree char *server = NULL;
  g_autofree char *username = NULL;
  g_autoptr(RcrmClient) client = NULL;
  const char *token = g_getenv ("RCRM_TOKEN");

  server = self->server_override != NULL
           ? g_strdup (self->server_override)
           : rcrm_app_settings_get_string (settings, "server-url");
  client = rcrm_client_new (server);
  use_client (self, client);

  self->starting = TRUE;
  g_application_hold (G_APPLICATION (self));

  if (token != NULL && *token != '\0')
    {
      self->token_from_env = TRUE;
      validate_token (self, token);
      return;
    }

  username = rcrm_app_settings_get_string (settings, "last-username");
  if (*username == '\0')
    {
      show_login (self, NULL);
      startup_done (self);
      return;
    }

  rcrm_secret_lookup_async (server, username, self->cancellable, on_looked_up, self);
}

/* ---- actions ------------------------------------------------------------------------------- */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RcrmApplication *self = user_data;
  GList *windows;

  if (self->main_window != NULL)
    rcrm_window_save_state (self->main_window);

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));

  g_application_quit (G_APPLICATION (self));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RcrmApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/rcrm/Desktop/rcrm-shortcuts.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_application (window, GTK_APPLICATION (self));
  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RcrmApplication *self = user_data;
  static const char *developers[] = { "R-CRM developers", NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                "application-icon", RCRM_APPLICATION_ID,
                "application-name", _("R-CRM"),
                "developer-name", _("R-CRM developers"),
                "version", PACKAGE_VERSION,
                "comments", _("A sales CRM for Thai businesses: leads, pipelines, customers and quotes."),
                "developers", developers,
                "copyright", _("© 2026 R-CRM developers"),
                "license-type", GTK_LICENSE_GPL_3_0,
                /* Translators: your names, one per line, shown in the About window */
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_logged_out (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RcrmApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->signing_out = FALSE;

  if (!rcrm_client_logout_finish (RCRM_CLIENT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_application_release (G_APPLICATION (self));
          return;
        }
      /* signed out here anyway; the token simply expires on the server */
      rcrm_client_set_token (RCRM_CLIENT (source), NULL);
      /* Translators: %s is an error message */
      message = g_strdup_printf (_("Signed out, but the server could not be told: %s"), error->message);
    }

  show_login (self, message);
  g_application_release (G_APPLICATION (self));
}

static void
logout_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  RcrmApplication *self = user_data;

  if (self->client == NULL || self->main_window == NULL || self->signing_out)
    return;

  forget_token (self, self->session_username);
  self->token_from_env = FALSE;
  self->signing_out = TRUE;

  g_application_hold (G_APPLICATION (self));
  rcrm_client_logout_async (self->client, self->cancellable, on_logged_out, self);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "shortcuts", shortcuts_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "logout", logout_action, NULL, NULL, NULL, { 0 } },
};

/* ---- GApplication ---------------------------------------------------------------------------- */

static int
rcrm_application_handle_local_options (GApplication *application,
                                       GVariantDict *options)
{
  RcrmApplication *self = RCRM_APPLICATION (application);
  const char *server = NULL;

  if (g_variant_dict_lookup (options, "server", "&s", &server))
    {
      g_autofree char *url = g_strstrip (g_strdup (server));
      gsize len = strlen (url);

      /* "http://host:8080/" → "http://host:8080": the client appends /api/v1 */
      while (len > 0 && url[len - 1] == '/')
        url[--len] = '\0';

      if (len == 0)
        {
          g_printerr ("%s\n", _("The server address must not be empty."));
          return EXIT_FAILURE;
        }

      g_free (self->server_override);
      self->server_override = g_steal_pointer (&url);
    }

  return G_APPLICATION_CLASS (rcrm_application_parent_class)->handle_local_options (application, options);
}

static void
rcrm_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (rcrm_application_parent_class)->startup (application);

  g_set_application_name (_("R-CRM"));
  gtk_window_set_default_icon_name (RCRM_APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.shortcuts", shortcuts_accels);

  rcrm_app_ensure_resources ();
}

static void
rcrm_application_activate (GApplication *application)
{
  RcrmApplication *self = RCRM_APPLICATION (application);

  if (self->main_window != NULL)
    gtk_window_present (GTK_WINDOW (self->main_window));
  else if (self->login_window != NULL)
    gtk_window_present (GTK_WINDOW (self->login_window));
  else if (!self->starting)
    start (self);
}

static void
rcrm_application_shutdown (GApplication *application)
{
  RcrmApplication *self = RCRM_APPLICATION (application);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->rows_timeout, g_source_remove);
  self->rows_waiting = FALSE;

  G_APPLICATION_CLASS (rcrm_application_parent_class)->shutdown (application);
}

static void
rcrm_application_dispose (GObject *object)
{
  RcrmApplication *self = RCRM_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  set_weak ((gpointer *) &self->main_window, NULL);
  set_weak ((gpointer *) &self->login_window, NULL);
  use_client (self, NULL);

  G_OBJECT_CLASS (rcrm_application_parent_class)->dispose (object);
}

static void
rcrm_application_finalize (GObject *object)
{
  RcrmApplication *self = RCRM_APPLICATION (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->server_override, g_free);
  g_clear_pointer (&self->pending_toast, g_free);
  g_clear_pointer (&self->session_username, g_free);

  G_OBJECT_CLASS (rcrm_application_parent_class)->finalize (object);
}

static void
rcrm_application_class_init (RcrmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rcrm_application_dispose;
  object_class->finalize = rcrm_application_finalize;
  app_class->handle_local_options = rcrm_application_handle_local_options;
  app_class->startup = rcrm_application_startup;
  app_class->activate = rcrm_application_activate;
  app_class->shutdown = rcrm_application_shutdown;
}

static void
rcrm_application_init (RcrmApplication *self)
{
  static const GOptionEntry options[] = {
    { "server", 's', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("The address of the R-CRM server, e.g. http://127.0.0.1:8080"), N_("URL") },
    { NULL },
  };

  self->cancellable = g_cancellable_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self), _("R-CRM, the sales CRM for Thai businesses."));
}

/* ---- public ----------------------------------------------------------------------------------- */

RcrmApplication *
rcrm_application_new (void)
{
  const char *token = g_getenv ("RCRM_TOKEN");
  GApplicationFlags flags = G_APPLICATION_DEFAULT_FLAGS;

  rcrm_application_setup_i18n ();

  if (token != NULL && *token != '\0')
    flags |= G_APPLICATION_NON_UNIQUE;

  return g_object_new (RCRM_TYPE_APPLICATION,
                       "application-id", RCRM_APPLICATION_ID,
                       "flags", flags,
                       "resource-base-path", "/io/rcrm/Desktop",
                       NULL);
}

RcrmClient *
rcrm_application_get_client (RcrmApplication *self)
{
  g_return_val_if_fail (RCRM_IS_APPLICATION (self), NULL);

  return self->client;
}
