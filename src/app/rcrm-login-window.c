/* rcrm-login-window.c — the sign-in window
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rcrm-app-private.h"
#include "rcrm-login-window.h"

struct _RcrmLoginWindow
{
  AdwApplicationWindow  parent_instance;

  AdwEntryRow          *server_row;
  AdwEntryRow          *username_row;
  AdwEntryRow          *password_row;
  GtkLabel             *error_label;
  GtkButton            *sign_in_button;
  GtkSpinner           *spinner;

  RcrmClient           *client;
  RcrmClient           *pending_client;   /* the client of the request in flight */
  GCancellable         *cancellable;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (RcrmLoginWindow, rcrm_login_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_busy (RcrmLoginWindow *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->username_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.sign-in", !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

void
rcrm_login_window_show_error (RcrmLoginWindow *self,
                              const char      *message)
{
  g_return_if_fail (RCRM_IS_LOGIN_WINDOW (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}

static void
show_field_error (RcrmLoginWindow *self,
                  AdwEntryRow     *row,
                  const char      *message)
{
  rcrm_login_window_show_error (self, message);
  set_row_error (row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* "http://host:8080/" → "http://host:8080"; NULL when it is no http(s) address */
static char *
normalize_server (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  gsize len;

  if (*stripped == '\0')
    return NULL;

  if (strstr (stripped, "://") == NULL)
    with_scheme = g_strconcat ("http://", stripped, NULL);
  else
    with_scheme = g_steal_pointer (&stripped);

  len = strlen (with_scheme);
  while (len > 0 && with_scheme[len - 1] == '/')
    with_scheme[--len] = '\0';

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL
      || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0
          && g_strcmp0 (g_uri_get_scheme (uri), "https") != 0)
      || g_uri_get_host (uri) == NULL
      || *g_uri_get_host (uri) == '\0')
    return NULL;

  return g_steal_pointer (&with_scheme);
}

static void
on_login (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RcrmLoginWindow *self = user_data;
  RcrmClient *client = RCRM_CLIENT (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmUser) user = rcrm_client_login_finish (client, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  g_clear_object (&self->pending_client);

  if (user == NULL)
    {
      /* the server's own (Thai) message; keep everything the user typed */
      rcrm_login_window_show_error (self, error->message);
      if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NETWORK)
          || g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL))
        {
          set_row_error (self->server_row, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->server_row));
        }
      else if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED))
        {
          set_row_error (self->password_row, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
        }
      return;
    }

  if (self->client != client)
    {
      g_set_object (&self->client, client);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
    }

  /* the password is not needed any more */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  rcrm_login_window_show_error (self, NULL);

  g_signal_emit (self, signals[SIGNED_IN], 0, client);
}

void
rcrm_login_window_submit (RcrmLoginWindow *self)
{
  g_autofree char *server = NULL;
  g_autofree char *username = NULL;
  const char *password;
  RcrmClient *client;

  g_return_if_fail (RCRM_IS_LOGIN_WINDOW (self));

  if (self->busy)
    return;

  set_row_error (self->server_row, FALSE);
  set_row_error (self->username_row, FALSE);
  set_row_error (self->password_row, FALSE);

  server = normalize_server (gtk_editable_get_text (GTK_EDITABLE (self->server_row)));
  if (server == NULL)
    {
      show_field_error (self, self->server_row,
                        _("Enter the server address, for example http://crm.example.co.th:8080."));
      return;
    }

  username = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->username_row))));
  if (*username == '\0')
    {
      show_field_error (self, self->username_row, _("Enter your user name."));
      return;
    }

  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  if (*password == '\0')
    {
      show_field_error (self, self->password_row, _("Enter your password."));
      return;
    }

  /* another server: another client (the old one stays until this one works) */
  if (g_strcmp0 (server, rcrm_client_get_base_url (self->client)) == 0)
    client = self->client;
  else
    {
      client = rcrm_client_new (server);
      rcrm_client_set_language (client, rcrm_client_get_language (self->client));
    }
  g_set_object (&self->pending_client, client);
  if (client != self->client)
    g_object_unref (client);

  rcrm_login_window_show_error (self, NULL);
  set_busy (self, TRUE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  rcrm_client_login_async (self->pending_client, username, password,
                           self->cancellable, on_login, self);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rcrm_login_window_submit (RCRM_LOGIN_WINDOW (widget));
}

static void
on_entry_activated (RcrmLoginWindow *self,
                    AdwEntryRow     *row)
{
  rcrm_login_window_submit (self);
}

static void
on_changed (RcrmLoginWindow *self,
            GtkEditable     *editable)
{
  set_row_error (ADW_ENTRY_ROW (editable), FALSE);
}

static void
rcrm_login_window_map (GtkWidget *widget)
{
  RcrmLoginWindow *self = RCRM_LOGIN_WINDOW (widget);
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));

  GTK_WIDGET_CLASS (rcrm_login_window_parent_class)->map (widget);

  if (*username == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
rcrm_login_window_constructed (GObject *object)
{
  RcrmLoginWindow *self = RCRM_LOGIN_WINDOW (object);

  G_OBJECT_CLASS (rcrm_login_window_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), rcrm_client_get_base_url (self->client));
}

static void
rcrm_login_window_dispose (GObject *object)
{
  RcrmLoginWindow *self = RCRM_LOGIN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pending_client);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rcrm_login_window_parent_class)->dispose (object);
}

static void
rcrm_login_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RcrmLoginWindow *self = RCRM_LOGIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_login_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RcrmLoginWindow *self = RCRM_LOGIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_login_window_class_init (RcrmLoginWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rcrm_login_window_constructed;
  object_class->dispose = rcrm_login_window_dispose;
  object_class->get_property = rcrm_login_window_get_property;
  object_class->set_property = rcrm_login_window_set_property;
  widget_class->map = rcrm_login_window_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RCRM_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcrmLoginWindow::signed-in:
   * @client: the RcrmClient now holding the token and the user
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RCRM_TYPE_CLIENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-login-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmLoginWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLoginWindow, username_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLoginWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLoginWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLoginWindow, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLoginWindow, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "login.sign-in", NULL, sign_in_action);

  rcrm_app_ensure_resources ();
}

static void
rcrm_login_window_init (RcrmLoginWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RcrmLoginWindow *
rcrm_login_window_new (GtkApplication *application,
                       RcrmClient     *client)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);

  return g_object_new (RCRM_TYPE_LOGIN_WINDOW,
                       "application", application,
                       "client", client,
                       NULL);
}

RcrmClient *
rcrm_login_window_get_client (RcrmLoginWindow *self)
{
  g_return_val_if_fail (RCRM_IS_LOGIN_WINDOW (self), NULL);

  return self->client;
}

void
rcrm_login_window_set_username (RcrmLoginWindow *self,
                                const char      *username)
{
  g_return_if_fail (RCRM_IS_LOGIN_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username != NULL ? username : "");
}

gboolean
rcrm_login_window_get_busy (RcrmLoginWindow *self)
{
  g_return_val_if_fail (RCRM_IS_LOGIN_WINDOW (self), FALSE);

  return self->busy;
}

/* ---- rcrm-app-private.h --------------------------------------------------------------- */

AdwEntryRow *
rcrm_login_window_get_server_row (RcrmLoginWindow *self)
{
  return self->server_row;
}

AdwEntryRow *
rcrm_login_window_get_username_row (RcrmLoginWindow *self)
{
  return self->username_row;
}

AdwEntryRow *
rcrm_login_window_get_password_row (RcrmLoginWindow *self)
{
  return self->password_row;
}

GtkButton *
rcrm_login_window_get_sign_in_button (RcrmLoginWindow *self)
{
  return self->sign_in_button;
}

GtkLabel *
rcrm_login_window_get_error_label (RcrmLoginWindow *self)
{
  return self->error_label;
}

GtkSpinner *
rcrm_login_window_get_spinner (RcrmLoginWindow *self)
{
  return self->spinner;
}
