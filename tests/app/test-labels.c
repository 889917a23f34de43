/* test-labels.c — the label manager, labels applied in the inbox and label chips (R12)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's real windows against the real rcrm-server (--demo), signed in as
 * somchai (no admin); what the app does is checked over HTTP.
 */
#include "config.h"

#include <string.h>

#include "app-fixture.h"
#include "rcrm-client-labels.h"
#include "rcrm-labels-private.h"

static TcServer *server;
static RcrmApplication *app;
static RcrmClient *somchai;   /* the tests' own view of the server */

typedef struct {
  RcrmClient    *client;      /* the window's */
  RcrmWindow    *window;
  RcrmInboxPage *inbox;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->client = tc_client_signed_in (tc_server_url (server), TA_DEMO_USER, TC_DEMO_PASSWORD);
  fixture->window = ta_main_window_new (app, fixture->client, 1200, 760);
  fixture->inbox = rcrm_window_get_inbox_page (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ta_destroy_all_windows ();
  g_clear_object (&fixture->client);
}

/* ---- the server ------------------------------------------------------------------ */

static GPtrArray *
server_labels (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *labels;

  rcrm_client_list_labels_usage_async (somchai, NULL, tc_store_result, &result);
  labels = rcrm_client_list_labels_usage_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  return labels;
}

/* the label named name as the server has it, or NULL */
static RcrmLabel *
server_label_named (const char *name)
{
  g_autoptr(GPtrArray) labels = server_labels ();

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (rcrm_label_get_name (g_ptr_array_index (labels, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (labels, i));
  return NULL;
}

static RcrmLabel *
server_create_label (const char *name,
                     const char *color)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmLabel *label;

  rcrm_client_create_label_async (somchai, name, color, FALSE, NULL, tc_store_result, &result);
  label = rcrm_client_create_label_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  return label;
}

static RcrmLead *
server_set_labels (RcrmLead *lead,
                   gint64    label_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmLead *updated;

  rcrm_client_set_lead_labels_async (somchai, rcrm_lead_get_id (lead), rcrm_lead_get_version (lead),
                                     &label_id, 1, NULL, tc_store_result, &result);
  updated = rcrm_client_set_lead_labels_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  return updated;
}

static char *
unique_token (void)
{
  static const char letters[] = "bcdfghjkmnpqrstvwxz";
  char token[9];

  for (guint i = 0; i < sizeof token - 1; i++)
    token[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  token[sizeof token - 1] = '\0';
  return g_strdup (token);
}

/* ---- the label manager --------------------------------------------------------------- */

static gboolean
manager_idle (RcrmLabelManager *manager)
{
  return rcrm_label_manager_get_labels (manager) != NULL && !rcrm_label_manager_get_busy (manager);
}

static const char *
stack_page (RcrmLabelManager *manager)
{
  return gtk_stack_get_visible_child_name (rcrm_label_manager_get_stack (manager));
}

static void
click (gpointer button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

static gint64
manager_label_id (RcrmLabelManager *manager,
                  const char       *name)
{
  GPtrArray *labels = rcrm_label_manager_get_labels (manager);

  for (guint i = 0; labels != NULL && i < labels->len; i++)
    if (g_strcmp0 (rcrm_label_get_name (g_ptr_array_index (labels, i)), name) == 0)
      return rcrm_label_get_id (g_ptr_array_index (labels, i));
  return 0;
}

static void
test_manager (Fixture       *fixture,
              gconstpointer  data)
{
  RcrmLabelManager *manager = rcrm_window_open_label_manager (fixture->window);
  g_autofree char *token = unique_token ();
  g_autofree char *name = g_strconcat ("ติดตามด่วน ", token, NULL);
  g_autofree char *renamed = g_strconcat ("ลูกค้ารายใหญ่ ", token, NULL);
  g_autofree char *usage = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(RcrmLabel) created = NULL;
  g_autoptr(RcrmLabel) changed = NULL;
  g_autoptr(RcrmLabel) gone = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(RcrmLead) labelled = NULL;
  g_autoptr(RcrmLead) after = NULL;
  GListModel *catalog_labels = rcrm_catalog_get_labels (rcrm_window_get_catalog (fixture->window));
  AdwMessageDialog *dialog;
  GPtrArray *labels;
  guint n_before;
  gint64 id = 0;

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (manager)) == GTK_WINDOW (fixture->window));
  TA_WAIT (manager_idle (manager));

  /* somchai is no admin: the demo's system labels are shown read-only */
  labels = rcrm_label_manager_get_labels (manager);
  n_before = labels->len;
  for (guint i = 0; i < labels->len; i++)
    {
      RcrmLabel *label = g_ptr_array_index (labels, i);

      g_assert_nonnull (rcrm_label_manager_get_row (manager, rcrm_label_get_id (label)));
      if (rcrm_label_is_system (label))
        {
          g_assert_null (rcrm_label_manager_get_row_button (manager, rcrm_label_get_id (label), "edit"));
          g_assert_null (rcrm_label_manager_get_row_button (manager, rcrm_label_get_id (label), "delete"));
        }
      else
        g_assert_nonnull (rcrm_label_manager_get_row_button (manager, rcrm_label_get_id (label), "edit"));
    }
  g_assert_false (gtk_widget_get_visible (rcrm_label_manager_get_new_button (manager, TRUE)));
  g_assert_nonnull (ta_find_label (GTK_WIDGET (manager), ta_gettext ("System Labels")));
  g_assert_nonnull (ta_find_label (GTK_WIDGET (manager), ta_gettext ("My Labels")));

  /* a new personal label */
  click (rcrm_label_manager_get_new_button (manager, FALSE));
  g_assert_cmpstr (stack_page (manager), ==, "edit");
  gtk_editable_set_text (GTK_EDITABLE (rcrm_label_manager_get_name_row (manager)), name);
  rcrm_label_manager_select_color (manager, "#33D17A");
  rcrm_label_manager_save (manager);
  TA_WAIT (g_strcmp0 (stack_page (manager), "list") == 0 && manager_idle (manager)
           && manager_label_id (manager, name) != 0);
  created = server_label_named (name);
  g_assert_nonnull (created);
  g_assert_cmpstr (rcrm_label_get_kind (created), ==, "personal");
  g_assert_cmpstr (rcrm_label_get_color (created), ==, "#33D17A");
  id = rcrm_label_get_id (created);
  /* the catalog follows: the inbox's filter and chips know it */
  TA_WAIT (rcrm_catalog_lookup_label (rcrm_window_get_catalog (fixture->window), id) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (catalog_labels), ==, n_before + 1);

  /* the same name again: the server's Thai message, and the name stays */
  click (rcrm_label_manager_get_new_button (manager, FALSE));
  gtk_editable_set_text (GTK_EDITABLE (rcrm_label_manager_get_name_row (manager)), name);
  rcrm_label_manager_save (manager);
  TA_WAIT (!rcrm_label_manager_get_busy (manager)
           && gtk_widget_get_visible (GTK_WIDGET (rcrm_label_manager_get_error_label (manager))));
  g_assert_cmpstr (stack_page (manager), ==, "edit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_label_manager_get_name_row (manager))), ==, name);
  g_assert_true (g_utf8_validate (gtk_label_get_text (rcrm_label_manager_get_error_label (manager)), -1, NULL));
  g_test_message ("duplicate: %s", gtk_label_get_text (rcrm_label_manager_get_error_label (manager)));
  g_assert_cmpstr (gtk_label_get_text (rcrm_label_manager_get_error_label (manager)), !=, "");
  shot = ta_save_screenshot (GTK_WIDGET (manager), "label-editor-error");
  g_test_message ("screenshot: %s", shot);
  g_clear_pointer (&shot, g_free);
  /* an empty name is refused before any request */
  gtk_editable_set_text (GTK_EDITABLE (rcrm_label_manager_get_name_row (manager)), "  ");
  rcrm_label_manager_save (manager);
  g_assert_false (rcrm_label_manager_get_busy (manager));
  g_assert_cmpstr (gtk_label_get_text (rcrm_label_manager_get_error_label (manager)), ==,
                   ta_gettext ("Enter a name for the label."));
  click (ta_find_button (GTK_WIDGET (manager), ta_gettext ("_Cancel")));
  g_assert_cmpstr (stack_page (manager), ==, "list");

  /* rename and recolour */
  click (rcrm_label_manager_get_row_button (manager, id, "edit"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_label_manager_get_name_row (manager))), ==, name);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_label_manager_get_name_row (manager)), renamed);
  rcrm_label_manager_select_color (manager, "#E01B24");
  rcrm_label_manager_save (manager);
  TA_WAIT (g_strcmp0 (stack_page (manager), "list") == 0 && manager_idle (manager)
           && manager_label_id (manager, renamed) == id);
  changed = server_label_named (renamed);
  g_assert_nonnull (changed);
  g_assert_cmpint (rcrm_label_get_id (changed), ==, id);
  g_assert_cmpstr (rcrm_label_get_color (changed), ==, "#E01B24");

  /* on a lead: the row says so, and so does the confirmation */
  lead = tc_create_lead (somchai, "ลีดป้ายกำกับ");
  labelled = server_set_labels (lead, id);
  rcrm_label_manager_reload (manager);
  TA_WAIT (manager_idle (manager) && rcrm_label_manager_get_row (manager, id) != NULL);
  usage = rcrm_label_usage_text (1, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (rcrm_label_manager_get_row (manager, id)), ==, usage);

  shot = ta_save_screenshot (GTK_WIDGET (manager), "label-manager");
  g_test_message ("screenshot: %s", shot);

  click (rcrm_label_manager_get_row_button (manager, id, "delete"));
  dialog = rcrm_label_manager_get_delete_dialog (manager);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), usage));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), renamed));
  g_clear_pointer (&shot, g_free);
  shot = ta_save_screenshot (GTK_WIDGET (dialog), "label-manager-delete");
  g_test_message ("screenshot: %s", shot);
  adw_message_dialog_response (dialog, "delete");
  TA_WAIT (manager_idle (manager) && rcrm_label_manager_get_row (manager, id) == NULL);
  gone = server_label_named (renamed);
  g_assert_null (gone);
  after = ta_fetch_lead (somchai, rcrm_lead_get_id (lead));
  g_assert_false (rcrm_lead_has_label (after, id));
  TA_WAIT (rcrm_catalog_lookup_label (rcrm_window_get_catalog (fixture->window), id) == NULL);
}

/* an admin edits system labels */
static void
test_manager_admin (void)
{
  g_autoptr(RcrmClient) admin = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  RcrmWindow *window = ta_main_window_new (app, admin, 1100, 720);
  RcrmLabelManager *manager = rcrm_window_open_label_manager (window);
  g_autofree char *token = unique_token ();
  g_autofree char *name = g_strconcat ("ลูกค้าองค์กร ", token, NULL);
  g_autoptr(RcrmLabel) created = NULL;
  GPtrArray *labels;

  TA_WAIT (manager_idle (manager));
  g_assert_true (gtk_widget_get_visible (rcrm_label_manager_get_new_button (manager, TRUE)));
  labels = rcrm_label_manager_get_labels (manager);
  for (guint i = 0; i < labels->len; i++)
    g_assert_nonnull (rcrm_label_manager_get_row_button (manager, rcrm_label_get_id (g_ptr_array_index (labels, i)),
                                                         "edit"));

  click (rcrm_label_manager_get_new_button (manager, TRUE));
  gtk_editable_set_text (GTK_EDITABLE (rcrm_label_manager_get_name_row (manager)), name);
  rcrm_label_manager_select_color (manager, "#1C71D8");
  rcrm_label_manager_save (manager);
  TA_WAIT (g_strcmp0 (stack_page (manager), "list") == 0 && manager_idle (manager)
           && manager_label_id (manager, name) != 0);

  /* everyone sees it, as a system label */
  created = server_label_named (name);
  g_assert_nonnull (created);
  g_assert_true (rcrm_label_is_system (created));

  ta_destroy_all_windows ();
}

/* ---- the inbox ----------------------------------------------------------------------- */

static gboolean
collect_chips (GtkWidget  *widget,
               const char *name,
               guint      *n)
{
  if (RCRM_IS_LABEL_CHIPS (widget) && gtk_widget_get_mapped (widget))
    {
      g_auto(GStrv) names = rcrm_label_chips_dup_names (RCRM_LABEL_CHIPS (widget));

      if (g_strv_contains ((const char * const *) names, name))
        (*n)++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_chips (child, name, n);
  return TRUE;
}

static guint
count_chips (GtkWidget  *root,
             const char *name)
{
  guint n = 0;

  collect_chips (root, name, &n);
  return n;
}

static void
test_inbox_apply (Fixture       *fixture,
                  gconstpointer  data)
{
  RcrmInboxPage *inbox = fixture->inbox;
  RcrmCatalog *catalog = rcrm_window_get_catalog (fixture->window);
  GtkSelectionModel *selection = rcrm_inbox_page_get_selection (inbox);
  GtkMenuButton *labels_button = rcrm_inbox_page_get_labels_button (inbox);
  RcrmLabelPicker *picker = rcrm_inbox_page_get_label_picker (inbox);
  g_autofree char *token = unique_token ();
  g_autofree char *label_name = g_strconcat ("โทรนัดเดโม ", token, NULL);
  g_autofree char *name_a = g_strconcat ("บริษัท ทดสอบป้าย ", token, " ก", NULL);
  g_autofree char *name_b = g_strconcat ("บริษัท ทดสอบป้าย ", token, " ข", NULL);
  g_autofree char *shot = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(RcrmLabel) label = server_create_label (label_name, "#3584E4");
  g_autoptr(RcrmLead) a = tc_create_lead (somchai, name_a);
  g_autoptr(RcrmLead) b = tc_create_lead (somchai, name_b);
  g_autoptr(RcrmLead) a2 = NULL;
  g_autoptr(RcrmLead) b2 = NULL;
  gint64 id = rcrm_label_get_id (label);

  rcrm_catalog_reload_labels (catalog);
  TA_WAIT (rcrm_catalog_lookup_label (catalog, id) != NULL);

  ta_inbox_search (inbox, token);
  TA_WAIT (g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (inbox))) == 2);

  /* the button is there in selection mode only, and needs a selection */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (labels_button)));
  gtk_toggle_button_set_active (rcrm_inbox_page_get_select_button (inbox), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (labels_button)));
  g_assert_false (gtk_column_view_get_single_click_activate (rcrm_inbox_page_get_column_view (inbox)));
  gtk_selection_model_unselect_all (selection);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (labels_button)));
  g_clear_object (&a2);
  a2 = ta_inbox_get_lead (inbox, 0);
  g_clear_object (&a2);
  a2 = ta_inbox_get_lead (inbox, 1);
  g_clear_object (&a2);
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (labels_button)));

  /* the picker: nobody carries it yet */
  gtk_menu_button_popup (labels_button);
  TA_WAIT (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  g_assert_nonnull (rcrm_label_picker_get_check (picker, id));
  g_assert_false (gtk_check_button_get_active (rcrm_label_picker_get_check (picker, id)));
  g_assert_false (gtk_check_button_get_inconsistent (rcrm_label_picker_get_check (picker, id)));
  gtk_check_button_set_active (rcrm_label_picker_get_check (picker, id), TRUE);
  rcrm_label_picker_apply (picker);
  g_assert_cmpuint (rcrm_inbox_page_get_n_labelling (inbox), ==, 2);
  TA_WAIT (rcrm_inbox_page_get_n_labelling (inbox) == 0);

  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Labels changed on %u lead", "Labels changed on %u leads", 2), 2);
  g_assert_cmpstr (rcrm_window_get_last_toast (fixture->window), ==, toast);

  /* over HTTP, both carry it */
  a2 = ta_fetch_lead (somchai, rcrm_lead_get_id (a));
  b2 = ta_fetch_lead (somchai, rcrm_lead_get_id (b));
  g_assert_true (rcrm_lead_has_label (a2, id));
  g_assert_true (rcrm_lead_has_label (b2, id));

  /* and both rows show the chip */
  TA_WAIT (count_chips (GTK_WIDGET (rcrm_inbox_page_get_column_view (inbox)), label_name) == 2);

  /* the picker now shows it checked for both */
  gtk_menu_button_popup (labels_button);
  TA_WAIT (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  g_assert_true (gtk_check_button_get_active (rcrm_label_picker_get_check (picker, id)));
  gtk_menu_button_popdown (labels_button);
  gtk_toggle_button_set_active (rcrm_inbox_page_get_select_button (inbox), FALSE);
  g_assert_true (gtk_column_view_get_single_click_activate (rcrm_inbox_page_get_column_view (inbox)));

  /* filter by it: just these two */
  ta_inbox_search (inbox, NULL);
  rcrm_inbox_page_select_filter (inbox, "label", id);
  TA_WAIT (rcrm_lead_list_model_get_query (rcrm_inbox_page_get_model (inbox))->label_id == id);
  ta_inbox_wait_loaded (inbox);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (inbox))), ==, 2);
  g_assert_true (ta_inbox_has_lead (inbox, rcrm_lead_get_id (a)));
  g_assert_true (ta_inbox_has_lead (inbox, rcrm_lead_get_id (b)));

  /* the inbox with chips (all leads, the demo's labels too) */
  rcrm_inbox_page_clear_filters (inbox);
  ta_inbox_wait_loaded (inbox);
  ta_wait_painted (GTK_WIDGET (fixture->window), 3);
  shot = ta_save_screenshot (GTK_WIDGET (fixture->window), "inbox-label-chips");
  g_test_message ("screenshot: %s", shot);
}

/* ---- the lead page ------------------------------------------------------------------- */

static void
test_lead_page (Fixture       *fixture,
                gconstpointer  data)
{
  RcrmCatalog *catalog = rcrm_window_get_catalog (fixture->window);
  g_autofree char *token = unique_token ();
  g_autofree char *label_name = g_strconcat ("นัดสาธิต ", token, NULL);
  g_autofree char *shot = NULL;
  g_autoptr(RcrmLabel) label = server_create_label (label_name, "#9141AC");
  g_autoptr(RcrmLead) lead = tc_create_lead (somchai, "คุณวรรณา ศรีสุข");
  g_autoptr(RcrmLead) after = NULL;
  g_auto(GStrv) names = NULL;
  RcrmLeadView *view;
  GtkMenuButton *button;
  RcrmLabelPicker *picker;
  gint64 id = rcrm_label_get_id (label);

  rcrm_catalog_reload_labels (catalog);
  TA_WAIT (rcrm_catalog_lookup_label (catalog, id) != NULL);

  rcrm_window_open_lead (fixture->window, rcrm_lead_get_id (lead), rcrm_lead_get_name (lead));
  view = ta_window_wait_lead (fixture->window, rcrm_lead_get_id (lead));
  button = rcrm_lead_view_get_labels_button (view);
  g_assert_nonnull (button);
  picker = RCRM_LABEL_PICKER (gtk_menu_button_get_popover (button));

  gtk_menu_button_popup (button);
  TA_WAIT (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  g_assert_false (gtk_check_button_get_active (rcrm_label_picker_get_check (picker, id)));
  gtk_check_button_set_active (rcrm_label_picker_get_check (picker, id), TRUE);
  rcrm_label_picker_apply (picker);

  TA_WAIT (g_strcmp0 (rcrm_window_get_last_toast (fixture->window), ta_gettext ("Labels changed")) == 0);
  after = ta_fetch_lead (somchai, rcrm_lead_get_id (lead));
  g_assert_true (rcrm_lead_has_label (after, id));
  names = rcrm_label_chips_dup_names (RCRM_LABEL_CHIPS (rcrm_lead_view_get_label_chips (view)));
  g_assert_true (g_strv_contains ((const char * const *) names, label_name));

  ta_lead_view_wait_idle (view);
  ta_wait_painted (GTK_WIDGET (fixture->window), 3);
  shot = ta_save_screenshot (GTK_WIDGET (fixture->window), "lead-label-chips");
  g_test_message ("screenshot: %s", shot);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ta_init (&argc, &argv);
  server = tc_server_start (TRUE);
  app = ta_application_new ();
  somchai = tc_client_signed_in (tc_server_url (server), TA_DEMO_USER, TC_DEMO_PASSWORD);

  g_test_add ("/app/labels/manager", Fixture, NULL, fixture_set_up, test_manager, fixture_tear_down);
  g_test_add_func ("/app/labels/manager-admin", test_manager_admin);
  g_test_add ("/app/labels/inbox-apply", Fixture, NULL, fixture_set_up, test_inbox_apply, fixture_tear_down);
  g_test_add ("/app/labels/lead-page", Fixture, NULL, fixture_set_up, test_lead_page, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&somchai);
  tc_server_stop (server);
  return status;
}
