/* app-fixture.c — helpers for the UI tests of the app (tests/app)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "app-fixture.h"
#include "rcrm-cell-text.h"
#include "rcrm-format.h"

/* ---- setup --------------------------------------------------------------------- */

static void
require_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    g_error ("%s is not set: run the UI tests with `meson test --suite app` "
             "(tests/app/meson.build sets the environment)", name);
}

void
ta_init (int    *argc,
         char ***argv)
{
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  const char *locale;

  /* as the app does: setlocale (LC_ALL, "") and the text domain bound to
   * $RCRM_LOCALEDIR (the build's po/ directory) */
  rcrm_application_setup_i18n ();

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* G_TEST_OPTION_ISOLATE_DIRS points XDG_DATA_DIRS at an empty directory
   * (again for each test case).  The icon theme (Adwaita, hicolor: created
   * below) and the GSettings schema source (GTK's schemas besides ours) are
   * set up once, from the system's data directories, which no test writes. */
  g_setenv ("XDG_DATA_DIRS", data_dirs != NULL && *data_dirs != '\0' ? data_dirs : "/usr/local/share:/usr/share", TRUE);

  require_env ("RCRM_SERVER");
  require_env ("GSETTINGS_SCHEMA_DIR");
  require_env ("RCRM_LOCALEDIR");
  require_env ("RCRM_SCREENSHOT_DIR");
  require_env ("DISPLAY");

  locale = setlocale (LC_MESSAGES, NULL);
  if (locale == NULL || !g_str_has_prefix (locale, "th_TH"))
    g_error ("the tests run under LANG=th_TH.UTF-8, but the locale is “%s” "
             "(generate it with scripts/setup.sh: localedef -i th_TH -f UTF-8 th_TH.UTF-8)",
             locale != NULL ? locale : "(null)");

  gtk_init ();
  adw_init ();
  rcrm_app_ensure_resources ();

  /* GTK 4.8's cursor blink timer warns "GtkText - did not receive a
   * focus-out event" when a focused entry turns insensitive (the sign-in
   * window does that while it waits for the server), and the tests make
   * warnings fatal.  A steady cursor also makes screenshots reproducible. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  /* no transitions: what a test waits for is shown at once, and a screenshot
   * never catches an entry row's title or a stack page half-way */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_assert_true (rcrm_app_settings_is_persistent (rcrm_app_settings_get_default ()));
}

RcrmApplication *
ta_application_new (void)
{
  g_autoptr(RcrmApplication) app = rcrm_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  return g_steal_pointer (&app);
}

/* ---- a whole application run ------------------------------------------------------- */

static void
on_run_window_added (GtkApplication *application,
                     GtkWindow      *window,
                     TaRun          *run)
{
  if (RCRM_IS_LOGIN_WINDOW (window))
    run->n_login_windows++;
  else if (RCRM_IS_WINDOW (window))
    run->n_main_windows++;
}

static gboolean
run_body (gpointer user_data)
{
  TaRun *run = user_data;

  run->body (run);
  return G_SOURCE_REMOVE;
}

static void
on_run_activate (GApplication *application,
                 TaRun        *run)
{
  g_idle_add (run_body, run);
}

void
ta_run_app (TaRunBody body,
            gpointer  data)
{
  static guint n_starts;
  char *argv[] = { (char *) "rcrm", NULL };
  g_autoptr(GError) error = NULL;
  TaRun run = { 0 };
  GLogLevelFlags fatal;
  int status;

  run.app = rcrm_application_new ();
  run.body = body;
  run.data = data;
  g_signal_connect (run.app, "window-added", G_CALLBACK (on_run_window_added), &run);
  g_signal_connect_after (run.app, "activate", G_CALLBACK (on_run_activate), &run);

  /* Registering (which emits "startup") is what g_application_run does first.
   * Each startup names the program (g_set_application_name), and GLib warns
   * from the second time on in one process: a real process starts the app
   * once.  Only that startup runs with warnings not fatal. */
  fatal = n_starts++ > 0 ? g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL) : 0;
  g_application_register (G_APPLICATION (run.app), NULL, &error);
  if (fatal != 0)
    g_log_set_always_fatal (fatal);
  g_assert_no_error (error);

  status = g_application_run (G_APPLICATION (run.app), 1, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (run.app)));

  g_signal_handlers_disconnect_by_data (run.app, &run);
  g_assert_finalize_object (run.app);
}

RcrmLoginWindow *
ta_run_login_window (TaRun *run)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (run->app)); l != NULL; l = l->next)
    if (RCRM_IS_LOGIN_WINDOW (l->data))
      return l->data;
  return NULL;
}

RcrmWindow *
ta_run_main_window (TaRun *run)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (run->app)); l != NULL; l = l->next)
    if (RCRM_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

void
ta_run_close_windows (TaRun *run)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (run->app))) != NULL)
    {
      GtkWindow *window = windows->data;

      gtk_window_close (window);
      /* a window that refused to close would loop forever */
      g_assert_true (g_list_find (gtk_application_get_windows (GTK_APPLICATION (run->app)), window) == NULL);
    }
}

/* ---- waiting ---------------------------------------------------------------------- */

static gboolean
tick (gpointer user_data)
{
  /* only wakes g_main_context_iteration up, so that the deadline is checked */
  return G_SOURCE_CONTINUE;
}

void
ta_wait_begin (TaWait *wait)
{
  wait->deadline = g_get_monotonic_time () + (gint64) TA_WAIT_TIMEOUT_S * G_USEC_PER_SEC;
  wait->ticker = g_timeout_add (50, tick, NULL);
}

void
ta_wait_step (TaWait     *wait,
              const char *file,
              int         line,
              const char *func,
              const char *what,
              char       *state)
{
  if (g_get_monotonic_time () > wait->deadline)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf ("gave up after %d s waiting for: %s%s%s", TA_WAIT_TIMEOUT_S, what,
                                 state != NULL ? "; the widgets show: " : "",
                                 state != NULL ? state : "");
      g_free (state);
      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
      return;
    }

  g_free (state);
  g_main_context_iteration (NULL, TRUE);
}

void
ta_wait_end (TaWait *wait)
{
  g_clear_handle_id (&wait->ticker, g_source_remove);
}

static void
count_paint (GdkFrameClock *clock,
             guint         *painted)
{
  (*painted)++;
}

void
ta_wait_painted (GtkWidget *widget,
                 guint      n)
{
  GdkFrameClock *clock;
  guint painted = 0;
  gulong handler;

  TA_WAIT (gtk_widget_get_mapped (widget) && gtk_widget_get_frame_clock (widget) != NULL);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &painted);
  while (painted < n)
    {
      gtk_widget_queue_draw (widget);
      TA_WAIT (painted > 0);
      if (painted < n)
        {
          guint before = painted;

          gtk_widget_queue_draw (widget);
          TA_WAIT (painted > before);
        }
    }
  g_signal_handler_disconnect (clock, handler);
}

/* ---- what the widgets show ------------------------------------------------------------ */

GtkLabel *
ta_find_label (GtkWidget  *root,
               const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = ta_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
ta_find_cell_text (GtkWidget  *root,
                   const char *text)
{
  if (RCRM_IS_CELL_TEXT (root) && gtk_widget_is_drawable (root)
      && g_strcmp0 (rcrm_cell_text_get_text (RCRM_CELL_TEXT (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ta_find_cell_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
without_underscores (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

GtkButton *
ta_find_button (GtkWidget  *root,
                const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_is_drawable (root))
    {
      g_autofree char *shown = without_underscores (gtk_button_get_label (GTK_BUTTON (root)));
      g_autofree char *wanted = without_underscores (label);

      if (g_strcmp0 (shown, wanted) == 0)
        return GTK_BUTTON (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = ta_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
ta_destroy_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  tc_drain ();
}

const char *
ta_gettext (const char *msgid)
{
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

char *
ta_count_text (guint n)
{
  g_autofree char *count = rcrm_format_count (n);

  /* the same message as rcrm-inbox-page.c */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s lead", "%s leads", n), count);
}

/* ---- screenshots ------------------------------------------------------------------------ */

char *
ta_save_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *dir = g_getenv ("RCRM_SCREENSHOT_DIR");
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  graphene_rect_t bounds;
  int width, height;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  ta_wait_painted (widget, 2);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);

  if (!gdk_texture_save_to_png (texture, path))
    g_error ("could not write %s", path);
  g_test_message ("screenshot: %s (%d×%d)", path, width, height);

  return g_steal_pointer (&path);
}

/* ---- the main window ----------------------------------------------------------------------- */

void
ta_inbox_wait_loaded (RcrmInboxPage *page)
{
  RcrmLeadListModel *model = rcrm_inbox_page_get_model (page);

  TA_WAIT (rcrm_lead_list_model_get_query (model) != NULL && !rcrm_lead_list_model_get_loading (model));
}

RcrmWindow *
ta_main_window_new (RcrmApplication *app,
                    RcrmClient      *client,
                    int              width,
                    int              height)
{
  RcrmAppSettings *settings = rcrm_app_settings_get_default ();
  RcrmWindow *window;

  rcrm_app_settings_set_int (settings, "window-width", width);
  rcrm_app_settings_set_int (settings, "window-height", height);
  rcrm_app_settings_set_boolean (settings, "window-maximized", FALSE);

  window = rcrm_window_new (app != NULL ? GTK_APPLICATION (app) : NULL, client);
  gtk_window_present (GTK_WINDOW (window));

  TA_WAIT (gtk_widget_get_mapped (GTK_WIDGET (window)));
  TA_WAIT (rcrm_catalog_get_loaded (rcrm_window_get_catalog (window)));
  ta_inbox_wait_loaded (rcrm_window_get_inbox_page (window));

  return window;
}

static gboolean
search_done (RcrmInboxPage *page,
             const char    *text)
{
  RcrmLeadListModel *model = rcrm_inbox_page_get_model (page);
  const RcrmLeadQuery *query = rcrm_lead_list_model_get_query (model);

  return query != NULL
         && g_strcmp0 (query->q, text != NULL && *text != '\0' ? text : NULL) == 0
         && !rcrm_lead_list_model_get_loading (model);
}

void
ta_inbox_search (RcrmInboxPage *page,
                 const char    *text)
{
  GtkSearchEntry *entry = rcrm_inbox_page_get_search_entry (page);

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  /* GtkSearchEntry reports the change after a short delay ("search-changed") */
  TA_WAIT (search_done (page, text));
}

RcrmLead *
ta_inbox_get_lead (RcrmInboxPage *page,
                   guint          position)
{
  GListModel *model = G_LIST_MODEL (rcrm_inbox_page_get_model (page));
  g_autoptr(RcrmLead) lead = NULL;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (model));
  lead = g_list_model_get_item (model, position);
  TA_WAIT (rcrm_lead_get_loaded (lead));
  return g_steal_pointer (&lead);
}

gboolean
ta_inbox_has_lead (RcrmInboxPage *page,
                   gint64         id)
{
  GListModel *model = G_LIST_MODEL (rcrm_inbox_page_get_model (page));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RcrmLead) lead = ta_inbox_get_lead (page, i);

      if (rcrm_lead_get_id (lead) == id)
        return TRUE;
    }
  return FALSE;
}

GStrv
ta_inbox_dup_names (RcrmInboxPage *page)
{
  GListModel *model = G_LIST_MODEL (rcrm_inbox_page_get_model (page));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RcrmLead) lead = ta_inbox_get_lead (page, i);
      g_autofree char *text = rcrm_inbox_page_dup_cell_text (page, "name", lead);

      g_strv_builder_add (builder, text != NULL ? text : "");
    }
  return g_strv_builder_end (builder);
}

void
ta_inbox_activate_row (RcrmInboxPage *page,
                       guint          position)
{
  g_autoptr(RcrmLead) lead = ta_inbox_get_lead (page, position);

  /* what a double click or Enter on the row emits */
  g_signal_emit_by_name (rcrm_inbox_page_get_column_view (page), "activate", position);
}

static GtkWidget *
find_drawable_status_page (GtkWidget *root)
{
  if (ADW_IS_STATUS_PAGE (root) && gtk_widget_is_drawable (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drawable_status_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
describe_lead_view (RcrmLeadView *view)
{
  GtkWidget *status = find_drawable_status_page (GTK_WIDGET (view));
  const char *last_error = rcrm_lead_view_get_last_error (view);
  g_autofree char *status_text = NULL;

  /* the error page is an AdwStatusPage: its title and description */
  if (status != NULL)
    status_text = g_strdup_printf (", status page “%s”: %s",
                                   adw_status_page_get_title (ADW_STATUS_PAGE (status)),
                                   adw_status_page_get_description (ADW_STATUS_PAGE (status)) != NULL
                                   ? adw_status_page_get_description (ADW_STATUS_PAGE (status)) : "");

  return g_strdup_printf ("page “%s”, busy %d, lead-id %" G_GINT64_FORMAT ", last error “%s”%s",
                          rcrm_lead_view_get_page_name (view),
                          rcrm_lead_view_get_busy (view),
                          rcrm_lead_view_get_lead_id (view),
                          last_error != NULL ? last_error : "",
                          status_text != NULL ? status_text : "");
}

void
ta_lead_view_wait_idle (RcrmLeadView *view)
{
  TA_WAIT_STATE (!rcrm_lead_view_get_busy (view), describe_lead_view (view));
  if (g_strcmp0 (rcrm_lead_view_get_page_name (view), "lead") != 0)
    {
      g_autofree char *state = describe_lead_view (view);

      ta_fail ("the lead page does not show the lead: %s", state);
    }
}

RcrmLeadView *
ta_window_wait_lead (RcrmWindow *window,
                     gint64      id)
{
  RcrmLeadView *view = RCRM_LEAD_VIEW (rcrm_window_get_lead_view (window));

  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), "lead") == 0);
  TA_WAIT_STATE (rcrm_lead_view_get_lead_id (view) == id
                 && !rcrm_lead_view_get_busy (view)
                 && g_strcmp0 (rcrm_lead_view_get_page_name (view), "loading") != 0,
                 describe_lead_view (view));
  ta_lead_view_wait_idle (view);
  g_assert_nonnull (rcrm_lead_view_get_lead (view));
  g_assert_cmpint (rcrm_lead_get_id (rcrm_lead_view_get_lead (view)), ==, id);
  return view;
}

static GtkWidget *
timeline_first_row (RcrmLeadView *view)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (rcrm_lead_view_get_timeline (view), 0);

  return row != NULL && RCRM_IS_TIMELINE_ROW (row) ? GTK_WIDGET (row) : NULL;
}

const char *
ta_timeline_first_sentence (RcrmLeadView *view)
{
  GtkWidget *row = timeline_first_row (view);

  return row != NULL ? rcrm_timeline_row_get_sentence (RCRM_TIMELINE_ROW (row)) : NULL;
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

char *
ta_timeline_first_text (RcrmLeadView *view)
{
  GtkWidget *row = timeline_first_row (view);
  GString *out = g_string_new (NULL);

  if (row != NULL)
    collect_labels (row, out);
  return g_string_free (out, FALSE);
}

guint
ta_timeline_n_rows (RcrmLeadView *view)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (rcrm_lead_view_get_timeline (view), (int) n) != NULL)
    n++;
  return n;
}

/* ---- the server ------------------------------------------------------------------------------ */

RcrmLead *
ta_fetch_lead (RcrmClient *client,
               gint64      id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmLead *lead;

  rcrm_client_get_lead_async (client, id, NULL, tc_store_result, &result);
  lead = rcrm_client_get_lead_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  return lead;
}

RcrmLead *
ta_create_lead (RcrmClient  *client,
                const char  *prefix,
                char       **token)
{
  static const char letters[] = "bcdfghjkmnpqrstvwxz";
  g_autofree char *name = NULL;
  char unique[9];

  /* latin letters only: no demo lead, phone or e-mail contains the token */
  for (guint i = 0; i < sizeof unique - 1; i++)
    unique[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  unique[sizeof unique - 1] = '\0';

  name = g_strdup_printf ("%s %s", prefix, unique);
  if (token != NULL)
    *token = g_strdup (unique);
  return tc_create_lead (client, name);
}
