/* test-lead.c — the lead page and the "new lead" dialog against the real server
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Signed in as the demo salesperson somchai (not an administrator, so the
 * server refuses to move his leads back a step: allow_step_back is off).
 * Every test that changes a lead makes its own, owned by somchai, with a
 * unique latin token in its name to find it with the inbox's search.
 */
#include "config.h"

#include <string.h>

#include "app-fixture.h"
#include "rcrm-core.h"
#include "rcrm-client-admin.h"

static TcServer *server;
static RcrmApplication *app;
static RcrmClient *somchai;   /* the tests' own session of the window's user */
static RcrmClient *sudarat;   /* his team lead: "someone else" */

typedef struct {
  RcrmClient    *client;
  RcrmWindow    *window;
  RcrmInboxPage *inbox;
  RcrmLeadView  *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->client = tc_client_signed_in (tc_server_url (server), TA_DEMO_USER, TC_DEMO_PASSWORD);
  fixture->window = ta_main_window_new (app, fixture->client, 1100, 760);
  fixture->inbox = rcrm_window_get_inbox_page (fixture->window);
  fixture->view = RCRM_LEAD_VIEW (rcrm_window_get_lead_view (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ta_destroy_all_windows ();
  g_clear_object (&fixture->client);
}

/* ---- helpers ------------------------------------------------------------------------ */

static const char *
window_title (Fixture *fixture)
{
  return adw_window_title_get_title (rcrm_window_get_title_widget (fixture->window));
}

static const char *
last_toast (Fixture *fixture)
{
  const char *toast = rcrm_window_get_last_toast (fixture->window);

  return toast != NULL ? toast : "";
}

/* finds the lead with the inbox's search (the text is typed into the entry)
 * and opens it as the user does: activating its row */
static RcrmLeadView *
open_from_inbox (Fixture    *fixture,
                 const char *search,
                 gint64      id)
{
  GListModel *model = G_LIST_MODEL (rcrm_inbox_page_get_model (fixture->inbox));
  guint position = G_MAXUINT;

  ta_inbox_search (fixture->inbox, search);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RcrmLead) lead = ta_inbox_get_lead (fixture->inbox, i);

      if (rcrm_lead_get_id (lead) == id)
        position = i;
    }
  if (position == G_MAXUINT)
    ta_fail ("the inbox's search for “%s” does not list lead %" G_GINT64_FORMAT, search, id);

  ta_inbox_activate_row (fixture->inbox, position);
  return ta_window_wait_lead (fixture->window, id);
}

static RcrmPipeline *
lead_pipeline (Fixture  *fixture,
               RcrmLead *lead)
{
  RcrmPipeline *pipeline = rcrm_catalog_lookup_pipeline (rcrm_window_get_catalog (fixture->window),
                                                         rcrm_lead_get_pipeline_id (lead));

  g_assert_nonnull (pipeline);
  return pipeline;
}

/* the step buttons show step as the current one, and only it */
static void
assert_current_step (RcrmLeadView *view,
                     guint         step)
{
  guint n = rcrm_lead_view_get_n_step_buttons (view);

  g_assert_cmpint (rcrm_lead_get_step (rcrm_lead_view_get_lead (view)), ==, step);
  g_assert_cmpuint (step, <, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (rcrm_lead_view_get_step_button (view, i)),
                                               "suggested-action"), ==, i == step);
}

static void
server_move (RcrmClient *client,
             gint64      id,
             guint       step)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_move_lead_async (client, id, 0, step, NULL, tc_store_result, &result);
  lead = rcrm_client_move_lead_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_lead_get_step (lead), ==, step);
}

static GPtrArray *
server_timeline (gint64 id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *entries;

  rcrm_client_get_timeline_async (somchai, id, NULL, tc_store_result, &result);
  entries = rcrm_client_get_timeline_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  return entries;
}

static char *
server_user_name (gint64 id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_list_directory_async (somchai, NULL, tc_store_result, &result);
  users = rcrm_client_list_directory_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    if (rcrm_user_get_id (g_ptr_array_index (users, i)) == id)
      return g_strdup (rcrm_user_get_display_name (g_ptr_array_index (users, i)));
  g_error ("no user %" G_GINT64_FORMAT " in the directory", id);
}

static char *
expected_value_label (gint64 satang)
{
  g_autofree char *money = rcrm_money_format (satang);

  /* the same message as rcrm-lead-view.c */
  return g_strdup_printf (ta_gettext ("฿%s"), money);
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *msgid)
{
  GtkButton *button = NULL;

  TA_WAIT (gtk_widget_get_mapped (root) && (button = ta_find_button (root, ta_gettext (msgid))) != NULL);
  return button;
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
row_text (RcrmLeadView *view,
          const char   *member)
{
  return gtk_editable_get_text (GTK_EDITABLE (rcrm_lead_view_get_entry_row (view, member)));
}

/* ---- the demo lead with the richest timeline: what the screenshot shows ------------- */

static RcrmLead *
demo_lead_with_notes (void)
{
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmLeadPage) page = NULL;
  g_autoptr(GError) error = NULL;
  RcrmLead *best = NULL;
  guint best_notes = 0;

  query->state = g_strdup ("in_progress");
  query->owner_id = rcrm_user_get_id (rcrm_client_get_user (somchai));
  query->limit = 100;
  rcrm_client_list_leads_async (somchai, query, NULL, tc_store_result, &result);
  page = rcrm_client_list_leads_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < page->items->len; i++)
    {
      RcrmLead *lead = g_ptr_array_index (page->items, i);
      g_autoptr(GPtrArray) timeline = NULL;
      guint notes = 0;

      if (rcrm_lead_get_company (lead) == NULL || rcrm_lead_get_step (lead) < 2)
        continue;
      timeline = server_timeline (rcrm_lead_get_id (lead));
      for (guint j = 0; j < timeline->len; j++)
        if (rcrm_timeline_entry_is_note (g_ptr_array_index (timeline, j)))
          notes++;
      if (notes > best_notes)
        {
          best = lead;
          best_notes = notes;
        }
    }

  g_assert_nonnull (best);
  g_assert_cmpuint (best_notes, >=, 2);
  return g_object_ref (best);
}

/* scrolls the lead page so that the note entry is at the top */
static void
scroll_to_notes (RcrmLeadView *view)
{
  GtkWidget *notes = gtk_widget_get_ancestor (GTK_WIDGET (rcrm_lead_view_get_note_view (view)),
                                              ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *page = NULL;
  GtkAdjustment *adjustment;
  graphene_point_t point;

  /* the outermost scrolled window inside the view (the note entry has its own) */
  for (GtkWidget *w = gtk_widget_get_parent (notes); w != NULL && w != GTK_WIDGET (view); w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      page = w;
  g_assert_nonnull (page);

  g_assert_true (gtk_widget_compute_point (notes, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (page)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
  ta_wait_painted (GTK_WIDGET (view), 1);
}

static void
test_demo_lead (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RcrmLead) lead = demo_lead_with_notes ();
  g_autoptr(GPtrArray) timeline = server_timeline (rcrm_lead_get_id (lead));
  RcrmTimelineEntry *newest = g_ptr_array_index (timeline, timeline->len - 1);
  g_autofree char *owner = server_user_name (rcrm_lead_get_owner_id (lead));
  g_autofree char *value = expected_value_label (rcrm_lead_get_value (lead));
  g_autofree char *screenshot = NULL;
  RcrmPipeline *pipeline;
  RcrmLeadView *view;

  view = open_from_inbox (fixture, rcrm_lead_get_name (lead), rcrm_lead_get_id (lead));
  pipeline = lead_pipeline (fixture, lead);

  /* the header */
  g_assert_cmpstr (window_title (fixture), ==, rcrm_lead_get_name (lead));
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_view_get_name_label (view)), ==, rcrm_lead_get_name (lead));
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_view_get_owner_label (view)), ==, owner);
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_view_get_value_label (view)), ==, value);
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_view_get_state_label (view)), ==, ta_gettext ("In Progress"));
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_view_get_pipeline_label (view)), ==, rcrm_pipeline_get_name (pipeline));
  g_assert_cmpuint (rcrm_lead_view_get_n_step_buttons (view), ==, rcrm_pipeline_get_n_steps (pipeline));
  assert_current_step (view, rcrm_lead_get_step (lead));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rcrm_lead_view_get_unfollow_button (view))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_lead_view_get_restore_button (view))));

  /* the details form */
  g_assert_cmpstr (row_text (view, "name"), ==, rcrm_lead_get_name (lead));
  g_assert_cmpstr (row_text (view, "company"), ==, rcrm_lead_get_company (lead));
  g_assert_cmpstr (row_text (view, "email"), ==, rcrm_lead_get_email (lead) != NULL ? rcrm_lead_get_email (lead) : "");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (rcrm_lead_view_get_save_button (view))));

  /* the timeline: every entry, newest first */
  g_assert_cmpuint (ta_timeline_n_rows (view), ==, timeline->len);
  if (rcrm_timeline_entry_is_note (newest))
    {
      g_autofree char *text = ta_timeline_first_text (view);

      g_assert_nonnull (strstr (text, rcrm_timeline_entry_get_body (newest)));
    }
  g_assert_nonnull (ta_timeline_first_sentence (view));

  /* the top of the page (header, steps, details) … */
  screenshot = ta_save_screenshot (GTK_WIDGET (fixture->window), "lead-header");
  g_assert_true (g_file_test (screenshot, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&screenshot, g_free);

  /* … and, scrolled down, the notes and the timeline (the metainfo's
   * "A lead with its timeline of follow-up notes") */
  scroll_to_notes (view);
  screenshot = ta_save_screenshot (GTK_WIDGET (fixture->window), "lead");
  g_assert_true (g_file_test (screenshot, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *text = ta_timeline_first_text (view);
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (rcrm_lead_view_get_timeline (view), 0));

    /* what the screenshot shows: the newest timeline row is on screen */
    g_assert_true (gtk_widget_is_drawable (row));
    (void) text;
  }

  /* back to the inbox, which still shows the search */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (fixture->window)), "inbox") == 0);
  g_assert_cmpstr (window_title (fixture), ==, ta_gettext ("Lead Inbox"));
}

/* ---- a new lead through the dialog ---------------------------------------------------------- */

static RcrmLeadDialog *
open_lead_dialog (Fixture *fixture)
{
  RcrmLeadDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-lead", NULL);
  TA_WAIT (rcrm_window_get_lead_dialog (fixture->window) != NULL);
  dialog = RCRM_LEAD_DIALOG (rcrm_window_get_lead_dialog (fixture->window));
  TA_WAIT (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  /* the lead sources come from the server's settings */
  TA_WAIT (adw_combo_row_get_model (ADW_COMBO_ROW (rcrm_lead_dialog_get_row (dialog, "source"))) != NULL
           && g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (rcrm_lead_dialog_get_row (dialog, "source")))) > 1);
  return dialog;
}

/* the server's 422 message for a lead without a name */
static char *
server_missing_name_message (void)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (fields, "name", "");
  json_object_set_string_member (fields, "source", "LINE");
  rcrm_client_create_lead_async (somchai, fields, NULL, tc_store_result, &result);
  lead = rcrm_client_create_lead_finish (somchai, tc_await (&result), &error);
  g_assert_null (lead);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "name"));
  return g_strdup (rcrm_client_error_get_field_message (error, "name"));
}

static void
test_create_lead (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing_name = server_missing_name_message ();
  g_autofree char *phone = tc_unique_phone ();
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *token = NULL;
  g_autoptr(RcrmLead) created = NULL;
  RcrmLeadDialog *dialog;
  AdwComboRow *source_row;
  g_autofree char *source = NULL;
  RcrmLeadView *view;
  gint64 id;

  /* a latin token to search for, as in ta_create_lead() */
  token = g_strdup_printf ("dlg%u", (guint) g_random_int_range (100000, 999999));
  name = g_strdup_printf ("คุณทดสอบ หน้าต่างใหม่ %s", token);

  dialog = open_lead_dialog (fixture);
  source_row = ADW_COMBO_ROW (rcrm_lead_dialog_get_row (dialog, "source"));

  /* without a name the server refuses; the dialog shows its message on the
   * name row and keeps what was typed */
  set_text (ADW_ENTRY_ROW (rcrm_lead_dialog_get_row (dialog, "phone")), phone);
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_dialog_get_create_button (dialog)));
  TA_WAIT (!rcrm_lead_dialog_get_busy (dialog) && rcrm_lead_dialog_get_field_error (dialog, "name") != NULL);
  g_assert_cmpstr (rcrm_lead_dialog_get_field_error (dialog, "name"), ==, missing_name);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rcrm_lead_dialog_get_row (dialog, "name")), "error"));
  g_assert_nonnull (ta_find_label (GTK_WIDGET (dialog), missing_name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_lead_dialog_get_row (dialog, "phone"))), ==, phone);
  g_assert_true (rcrm_window_get_lead_dialog (fixture->window) == GTK_WINDOW (dialog));

  /* now complete */
  set_text (ADW_ENTRY_ROW (rcrm_lead_dialog_get_row (dialog, "name")), name);
  g_assert_null (rcrm_lead_dialog_get_field_error (dialog, "name"));
  set_text (ADW_ENTRY_ROW (rcrm_lead_dialog_get_row (dialog, "company")), "บริษัท ทดสอบ จำกัด");
  set_text (ADW_ENTRY_ROW (rcrm_lead_dialog_get_row (dialog, "value")), "12,500.50");
  adw_combo_row_set_selected (source_row, 1);
  source = g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (adw_combo_row_get_selected_item (source_row))));

  gtk_widget_activate (GTK_WIDGET (rcrm_lead_dialog_get_create_button (dialog)));
  dialog = NULL;   /* it closes itself on success */
  TA_WAIT (rcrm_window_get_lead_dialog (fixture->window) == NULL);

  /* the toast, and the new lead's page */
  toast = g_strdup_printf (ta_gettext ("Lead “%s” created"), name);
  g_assert_cmpstr (last_toast (fixture), ==, toast);
  view = RCRM_LEAD_VIEW (rcrm_window_get_lead_view (fixture->window));
  TA_WAIT (rcrm_lead_view_get_lead_id (view) != 0);
  id = rcrm_lead_view_get_lead_id (view);
  view = ta_window_wait_lead (fixture->window, id);
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_view_get_name_label (view)), ==, name);
  g_assert_cmpstr (window_title (fixture), ==, name);

  /* what the server stored */
  created = ta_fetch_lead (somchai, id);
  g_assert_cmpstr (rcrm_lead_get_name (created), ==, name);
  g_assert_cmpstr (rcrm_lead_get_company (created), ==, "บริษัท ทดสอบ จำกัด");
  g_assert_cmpstr (rcrm_lead_get_source (created), ==, source);
  g_assert_cmpint (rcrm_lead_get_value (created), ==, 1250050);
  g_assert_cmpint (rcrm_lead_get_step (created), ==, 0);

  /* the page shows the same (the Bangkok team hands new leads round-robin:
   * the owner is whoever the server chose) */
  owner = server_user_name (rcrm_lead_get_owner_id (created));
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_view_get_owner_label (view)), ==, owner);
  {
    g_autofree char *value = expected_value_label (1250050);

    g_assert_cmpstr (gtk_label_get_text (rcrm_lead_view_get_value_label (view)), ==, value);
  }
  assert_current_step (view, 0);
  g_assert_cmpuint (ta_timeline_n_rows (view), ==, 1);

  /* and the inbox lists it */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  ta_inbox_search (fixture->inbox, token);
  {
    g_auto(GStrv) names = ta_inbox_dup_names (fixture->inbox);

    g_assert_cmpuint (g_strv_length (names), ==, 1);
    g_assert_cmpstr (names[0], ==, name);
  }
}

/* ---- duplicates (R25) ------------------------------------------------------------------------ */

/* settings.duplicates as the administrator: on with every field and state and
 * action, or off (action NULL) */
static void
set_duplicates (const char *action)
{
  g_autoptr(RcrmClient) admin = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(JsonObject) patched = NULL;
  g_autoptr(JsonObject) patch = json_object_new ();
  JsonObject *duplicates = json_object_new ();
  JsonArray *fields = json_array_new ();
  JsonArray *scope = json_array_new ();

  json_array_add_string_element (fields, "email");
  json_array_add_string_element (fields, "phone");
  json_array_add_string_element (fields, "tax_id");
  json_array_add_string_element (scope, "closed");
  json_array_add_string_element (scope, "in_progress");
  json_array_add_string_element (scope, "unfollowed");
  json_object_set_boolean_member (duplicates, "enabled", action != NULL);
  json_object_set_array_member (duplicates, "fields", fields);
  json_object_set_array_member (duplicates, "scope", scope);
  json_object_set_string_member (duplicates, "action", action != NULL ? action : "allow");
  json_object_set_object_member (patch, "duplicates", duplicates);

  rcrm_client_get_settings_async (admin, NULL, tc_store_result, &result);
  settings = rcrm_client_get_settings_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);
  rcrm_client_update_settings_async (admin, json_object_get_int_member (settings, "version"), patch, NULL,
                                     tc_store_result, &result2);
  patched = rcrm_client_update_settings_finish (admin, tc_await (&result2), &error);
  g_assert_no_error (error);
}

/* how many leads (any state) the server finds for q, as somchai */
static gint64
server_count (const char *q)
{
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLeadPage) page = NULL;

  query->q = g_strdup (q);
  query->state = g_strdup ("all");
  rcrm_client_list_leads_async (somchai, query, NULL, tc_store_result, &result);
  page = rcrm_client_list_leads_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  return page->total;
}

/* the create-lead dialog on a duplicate: the matches with their owner
 * ("another user's"), "create anyway" under allow, a refusal under disallow;
 * what was typed stays */
static void
test_duplicate_dialog (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(RcrmLead) other = ta_create_lead (sudarat, "คุณซ้ำ ของผู้อื่น", NULL);
  const char *e164 = rcrm_lead_get_phone (other);
  g_autofree char *local = NULL;
  g_autofree char *token = g_strdup_printf ("dup%u", (guint) g_random_int_range (100000, 999999));
  g_autofree char *name = g_strdup_printf ("คุณทดสอบ ลีดซ้ำ %s", token);
  g_autofree char *name2 = g_strdup_printf ("คุณทดสอบ ลีดซ้ำสอง %s", token);
  const char *sudarat_name = rcrm_user_get_display_name (rcrm_client_get_user (sudarat));
  g_autofree char *shot = NULL;
  RcrmLeadDialog *dialog;
  AdwActionRow *row;
  const char *subtitle;

  g_assert_true (g_str_has_prefix (e164, "+66"));
  /* the same number as typed in Thailand: 0XX-XXX-XXXX */
  local = g_strdup_printf ("0%.2s-%.3s-%s", e164 + 3, e164 + 5, e164 + 8);

  /* allow: warned, shown, may go on */
  set_duplicates ("allow");
  dialog = open_lead_dialog (fixture);
  set_text (ADW_ENTRY_ROW (rcrm_lead_dialog_get_row (dialog, "name")), name);
  set_text (ADW_ENTRY_ROW (rcrm_lead_dialog_get_row (dialog, "phone")), local);
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_dialog_get_create_button (dialog)));
  TA_WAIT (!rcrm_lead_dialog_get_busy (dialog)
           && gtk_widget_get_visible (rcrm_lead_dialog_get_duplicate_box (dialog)));
  row = ADW_ACTION_ROW (gtk_widget_get_first_child (GTK_WIDGET (rcrm_lead_dialog_get_duplicate_list (dialog))));
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (row);
  g_assert_nonnull (strstr (subtitle, "ซ้ำกับผู้ใช้งานอื่น"));
  g_assert_nonnull (strstr (subtitle, sudarat_name));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rcrm_lead_dialog_get_create_anyway_button (dialog))));
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_dialog_get_duplicate_message (dialog)), ==,
                   ta_gettext ("Leads with the same details already exist. Check them before you create another one."));
  g_assert_cmpint (server_count (token), ==, 0);
  ta_wait_painted (GTK_WIDGET (dialog), 2);
  shot = ta_save_screenshot (GTK_WIDGET (dialog), "duplicate-allow");
  g_test_message ("screenshot: %s", shot);

  gtk_widget_activate (GTK_WIDGET (rcrm_lead_dialog_get_create_anyway_button (dialog)));
  TA_WAIT (rcrm_window_get_lead_dialog (fixture->window) == NULL);
  g_assert_cmpint (server_count (token), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);

  /* disallow: refused, nothing created, the input kept */
  set_duplicates ("disallow");
  dialog = open_lead_dialog (fixture);
  set_text (ADW_ENTRY_ROW (rcrm_lead_dialog_get_row (dialog, "name")), name2);
  set_text (ADW_ENTRY_ROW (rcrm_lead_dialog_get_row (dialog, "phone")), local);
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_dialog_get_create_button (dialog)));
  TA_WAIT (!rcrm_lead_dialog_get_busy (dialog)
           && gtk_widget_get_visible (rcrm_lead_dialog_get_duplicate_box (dialog)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_lead_dialog_get_create_anyway_button (dialog))));
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_dialog_get_duplicate_message (dialog)), ==,
                   ta_gettext ("A lead with the same details already exists, and the duplicate rules do not allow "
                               "another one. Change the details, or ask the owner of the existing lead."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_lead_dialog_get_row (dialog, "name"))), ==, name2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_lead_dialog_get_row (dialog, "phone"))), ==, local);
  g_assert_true (rcrm_window_get_lead_dialog (fixture->window) == GTK_WINDOW (dialog));
  g_assert_cmpint (server_count (token), ==, 1);
  ta_wait_painted (GTK_WIDGET (dialog), 2);
  g_free (shot);
  shot = ta_save_screenshot (GTK_WIDGET (dialog), "duplicate-disallow");
  g_test_message ("screenshot: %s", shot);

  gtk_window_destroy (GTK_WINDOW (dialog));
  set_duplicates (NULL);
}

/* ---- notes -------------------------------------------------------------------------------- */

static void
test_add_note (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(RcrmLead) lead = ta_create_lead (somchai, "คุณทดสอบ บันทึก", &token);
  g_autofree char *body = g_strdup_printf ("โทรหาคุณวิภาแล้ว นัดประชุมวันศุกร์ %s", token);
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *first = NULL;
  RcrmTimelineEntry *newest;
  GtkTextBuffer *buffer;
  RcrmLeadView *view;
  guint rows;

  view = open_from_inbox (fixture, token, rcrm_lead_get_id (lead));
  rows = ta_timeline_n_rows (view);
  g_assert_cmpuint (rows, ==, 1);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (rcrm_lead_view_get_note_button (view))));

  buffer = gtk_text_view_get_buffer (rcrm_lead_view_get_note_view (view));
  gtk_text_buffer_set_text (buffer, body, -1);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (rcrm_lead_view_get_note_button (view))));
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_view_get_note_button (view)));

  TA_WAIT (gtk_text_buffer_get_char_count (buffer) == 0 && ta_timeline_n_rows (view) == rows + 1);
  ta_lead_view_wait_idle (view);

  /* the newest row is the note, with its text */
  g_assert_cmpuint (ta_timeline_n_rows (view), ==, rows + 1);
  first = ta_timeline_first_text (view);
  g_assert_nonnull (strstr (first, body));
  g_assert_cmpstr (last_toast (fixture), ==, ta_gettext ("Note added"));

  /* the server has it */
  timeline = server_timeline (rcrm_lead_get_id (lead));
  newest = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_true (rcrm_timeline_entry_is_note (newest));
  g_assert_cmpstr (rcrm_timeline_entry_get_body (newest), ==, body);
  g_assert_cmpint (rcrm_timeline_entry_get_author_id (newest), ==, rcrm_user_get_id (rcrm_client_get_user (somchai)));
}

/* ---- moving ----------------------------------------------------------------------------------- */

static void
test_move_forward (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(RcrmLead) lead = ta_create_lead (somchai, "คุณทดสอบ ย้ายขั้น", &token);
  g_autoptr(RcrmLead) stored = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *toast = NULL;
  RcrmMoveDialog *dialog;
  RcrmPipeline *pipeline;
  RcrmLeadView *view;

  view = open_from_inbox (fixture, token, rcrm_lead_get_id (lead));
  pipeline = lead_pipeline (fixture, lead);
  assert_current_step (view, 0);

  /* one step forward with a click on the next step */
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_view_get_step_button (view, 1)));
  TA_WAIT (rcrm_lead_get_step (rcrm_lead_view_get_lead (view)) == 1);
  ta_lead_view_wait_idle (view);
  assert_current_step (view, 1);
  toast = g_strdup_printf (ta_gettext ("Moved to %s"), rcrm_pipeline_get_step_name (pipeline, 1));
  g_assert_cmpstr (last_toast (fixture), ==, toast);
  sentence = g_strdup_printf (ta_gettext ("Moved from %s to %s"),
                              rcrm_pipeline_get_step_name (pipeline, 0), rcrm_pipeline_get_step_name (pipeline, 1));
  TA_WAIT (g_strcmp0 (ta_timeline_first_sentence (view), sentence) == 0);

  /* and another through the "Move…" dialog */
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_view_get_move_button (view)));
  TA_WAIT (rcrm_lead_view_get_dialog (view) != NULL && RCRM_IS_MOVE_DIALOG (rcrm_lead_view_get_dialog (view)));
  dialog = RCRM_MOVE_DIALOG (rcrm_lead_view_get_dialog (view));
  g_assert_true (rcrm_move_dialog_select (dialog, rcrm_pipeline_get_id (pipeline), 2));
  gtk_widget_activate (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "_Move")));
  TA_WAIT (rcrm_lead_get_step (rcrm_lead_view_get_lead (view)) == 2);
  ta_lead_view_wait_idle (view);
  assert_current_step (view, 2);
  TA_WAIT (rcrm_lead_view_get_dialog (view) == NULL);

  stored = ta_fetch_lead (somchai, rcrm_lead_get_id (lead));
  g_assert_cmpint (rcrm_lead_get_step (stored), ==, 2);

  /* the inbox row shows the new step */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  {
    g_autoptr(RcrmLead) row = NULL;
    g_autofree char *step = NULL;

    TA_WAIT (g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (fixture->inbox))) == 1);
    row = ta_inbox_get_lead (fixture->inbox, 0);
    TA_WAIT (rcrm_lead_get_step (row) == 2);
    step = rcrm_inbox_page_dup_cell_text (fixture->inbox, "step", row);
    g_assert_cmpstr (step, ==, rcrm_pipeline_get_step_name (pipeline, 2));
  }
}

/* to the last step: the sale is closed and the lead joins its customer's
 * history, which the timeline says in words (R3) */
static void
test_close_sale (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(RcrmLead) lead = ta_create_lead (somchai, "คุณทดสอบ ปิดการขาย", &token);
  g_autoptr(GPtrArray) timeline = NULL;
  RcrmTimelineEntry *newest;
  RcrmPipeline *pipeline;
  RcrmLeadView *view;
  const char *expected;
  guint last;

  view = open_from_inbox (fixture, token, rcrm_lead_get_id (lead));
  pipeline = lead_pipeline (fixture, lead);
  last = rcrm_pipeline_get_n_steps (pipeline) - 1;

  gtk_widget_activate (GTK_WIDGET (rcrm_lead_view_get_step_button (view, last)));
  TA_WAIT (rcrm_lead_get_step (rcrm_lead_view_get_lead (view)) == (gint) last);
  ta_lead_view_wait_idle (view);

  timeline = server_timeline (rcrm_lead_get_id (lead));
  newest = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_cmpstr (rcrm_timeline_entry_get_kind (newest), ==, "account_linked");
  expected = json_object_get_boolean_member (rcrm_timeline_entry_get_data (newest), "created")
             ? ta_gettext ("Sale closed: the customer was added to the customer register")
             : ta_gettext ("Sale closed: added to the customer's purchase history");
  g_assert_cmpstr (expected, ==, json_object_get_boolean_member (rcrm_timeline_entry_get_data (newest), "created")
                                 ? "ปิดการขายแล้ว: เพิ่มลูกค้าเข้าทะเบียนลูกค้า"
                                 : "ปิดการขายแล้ว: บันทึกในประวัติการซื้อของลูกค้า");
  TA_WAIT (g_strcmp0 (ta_timeline_first_sentence (view), expected) == 0);
}

/* the server's own refusal of a step back (read from the server, in Thai) */
static char *
server_step_back_message (gint64 id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_move_lead_async (somchai, id, 0, 0, NULL, tc_store_result, &result);
  lead = rcrm_client_move_lead_finish (somchai, tc_await (&result), &error);
  g_assert_null (lead);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_STEP_BACK_DISABLED);
  return g_strdup (error->message);
}

static void
test_step_back_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(RcrmLead) lead = ta_create_lead (somchai, "คุณทดสอบ ถอยขั้น", &token);
  g_autoptr(RcrmLead) stored = NULL;
  g_autofree char *expected = NULL;
  AdwMessageDialog *dialog;
  RcrmLeadView *view;
  guint rows;

  server_move (somchai, rcrm_lead_get_id (lead), 2);
  expected = server_step_back_message (rcrm_lead_get_id (lead));
  g_assert_cmpstr (expected, ==, "ผู้ดูแลระบบปิดการย้อนกลับไปขั้นตอนก่อนหน้า");

  view = open_from_inbox (fixture, token, rcrm_lead_get_id (lead));
  assert_current_step (view, 2);
  rows = ta_timeline_n_rows (view);

  /* the user clicks an earlier step */
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_view_get_step_button (view, 0)));
  TA_WAIT (rcrm_lead_view_get_dialog (view) != NULL && ADW_IS_MESSAGE_DIALOG (rcrm_lead_view_get_dialog (view)));
  ta_lead_view_wait_idle (view);

  /* a dialog with the server's message */
  dialog = ADW_MESSAGE_DIALOG (rcrm_lead_view_get_dialog (view));
  TA_WAIT (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, ta_gettext ("Cannot Move Back"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
  g_assert_nonnull (ta_find_label (GTK_WIDGET (dialog), expected));
  g_assert_cmpstr (rcrm_lead_view_get_last_error (view), ==, expected);

  /* nothing moved */
  assert_current_step (view, 2);
  g_assert_cmpuint (ta_timeline_n_rows (view), ==, rows);
  stored = ta_fetch_lead (somchai, rcrm_lead_get_id (lead));
  g_assert_cmpint (rcrm_lead_get_step (stored), ==, 2);

  /* OK closes it */
  gtk_widget_activate (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "_OK")));
  TA_WAIT (rcrm_lead_view_get_dialog (view) == NULL);
  assert_current_step (view, 2);
}

/* ---- unfollow and restore ------------------------------------------------------------------------ */

static void
wait_search_result (RcrmInboxPage *page,
                    gint64         id,
                    gboolean       listed)
{
  RcrmLeadListModel *model = rcrm_inbox_page_get_model (page);
  g_autofree char *count = ta_count_text (listed ? 1 : 0);

  /* the page reloads when the lead joins or leaves it */
  TA_WAIT (!rcrm_lead_list_model_get_loading (model)
           && g_list_model_get_n_items (G_LIST_MODEL (model)) == (listed ? 1u : 0u)
           && (!listed || ta_inbox_has_lead (page, id)));
  TA_WAIT (g_strcmp0 (gtk_label_get_text (rcrm_inbox_page_get_count_label (page)), count) == 0);
}

static void
test_unfollow_restore (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(RcrmLead) lead = ta_create_lead (somchai, "คุณทดสอบ เลิกติดตาม", &token);
  RcrmInboxPage *unfollowed = rcrm_window_get_unfollowed_page (fixture->window);
  gint64 id = rcrm_lead_get_id (lead);
  g_autoptr(RcrmLead) stored = NULL;
  g_autofree char *reason_text = NULL;
  RcrmUnfollowDialog *dialog;
  GtkCheckButton *choice;
  const char *reason;
  RcrmLeadView *view;

  server_move (somchai, id, 1);

  /* the inbox lists it (the search stays while the lead page is open) */
  view = open_from_inbox (fixture, token, id);
  assert_current_step (view, 1);
  ta_inbox_search (unfollowed, token);
  wait_search_result (unfollowed, id, FALSE);

  /* "Unfollow…": the dialog lists the server's reasons; pick the second */
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_view_get_unfollow_button (view)));
  TA_WAIT (rcrm_lead_view_get_dialog (view) != NULL && RCRM_IS_UNFOLLOW_DIALOG (rcrm_lead_view_get_dialog (view)));
  dialog = RCRM_UNFOLLOW_DIALOG (rcrm_lead_view_get_dialog (view));
  choice = rcrm_unfollow_dialog_get_choice (dialog, 1);
  g_assert_nonnull (choice);
  gtk_check_button_set_active (choice, TRUE);
  reason = rcrm_unfollow_dialog_get_reason (dialog);
  g_assert_cmpstr (reason, ==, "เลือกคู่แข่ง");
  gtk_widget_activate (GTK_WIDGET (find_button (GTK_WIDGET (dialog), "_Unfollow")));
  dialog = NULL;

  TA_WAIT (rcrm_lead_is_unfollowed (rcrm_lead_view_get_lead (view)));
  ta_lead_view_wait_idle (view);
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_view_get_state_label (view)), ==, ta_gettext ("Unfollowed"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rcrm_lead_view_get_restore_button (view))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_lead_view_get_unfollow_button (view))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_lead_view_get_move_button (view))));
  reason_text = g_strdup_printf (ta_gettext ("Unfollowed, reason: %s"), "เลือกคู่แข่ง");
  g_assert_nonnull (ta_find_label (GTK_WIDGET (view), reason_text));
  g_assert_cmpstr (last_toast (fixture), ==, ta_gettext ("Lead unfollowed"));

  /* out of the inbox, into the unfollowed box with its reason */
  wait_search_result (fixture->inbox, id, FALSE);
  wait_search_result (unfollowed, id, TRUE);
  {
    g_autoptr(RcrmLead) row = ta_inbox_get_lead (unfollowed, 0);
    g_autofree char *cell = rcrm_inbox_page_dup_cell_text (unfollowed, "reason", row);

    g_assert_cmpstr (cell, ==, "เลือกคู่แข่ง");
  }

  /* "Restore": back in the inbox at the same step */
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_view_get_restore_button (view)));
  TA_WAIT (!rcrm_lead_is_unfollowed (rcrm_lead_view_get_lead (view)));
  ta_lead_view_wait_idle (view);
  g_assert_cmpstr (gtk_label_get_text (rcrm_lead_view_get_state_label (view)), ==, ta_gettext ("In Progress"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rcrm_lead_view_get_unfollow_button (view))));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_lead_view_get_restore_button (view))));
  assert_current_step (view, 1);
  g_assert_cmpstr (last_toast (fixture), ==, ta_gettext ("Lead restored"));

  wait_search_result (fixture->inbox, id, TRUE);
  wait_search_result (unfollowed, id, FALSE);
  {
    g_autoptr(RcrmLead) row = ta_inbox_get_lead (fixture->inbox, 0);

    g_assert_cmpint (rcrm_lead_get_step (row), ==, 1);
    g_assert_false (rcrm_lead_is_unfollowed (row));
  }

  stored = ta_fetch_lead (somchai, id);
  g_assert_false (rcrm_lead_is_unfollowed (stored));
  g_assert_cmpint (rcrm_lead_get_step (stored), ==, 1);
}

/* ---- a 412 conflict on save --------------------------------------------------------------------- */

static void
test_conflict_keeps_edits (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(RcrmLead) lead = ta_create_lead (somchai, "คุณทดสอบ แก้พร้อมกัน", &token);
  gint64 id = rcrm_lead_get_id (lead);
  const char *mine = "บริษัท ของฉัน จำกัด";
  const char *theirs = "บริษัท ของหัวหน้าทีม จำกัด";
  const char *their_email = "team.lead@example.co.th";
  g_autoptr(RcrmLead) stored = NULL;
  GtkRevealer *banner;
  const char *label;
  RcrmLeadView *view;

  view = open_from_inbox (fixture, token, id);
  banner = rcrm_lead_view_get_conflict_banner (view);
  g_assert_false (gtk_revealer_get_reveal_child (banner));

  /* somchai edits the company … */
  set_text (rcrm_lead_view_get_entry_row (view, "company"), mine);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (rcrm_lead_view_get_save_button (view))));

  /* … while his team lead saves another company and an e-mail */
  {
    g_autoptr(JsonObject) changes = json_object_new ();
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(RcrmLead) saved = NULL;
    g_autoptr(GError) error = NULL;

    json_object_set_string_member (changes, "company", theirs);
    json_object_set_string_member (changes, "email", their_email);
    rcrm_client_update_lead_async (sudarat, id, rcrm_lead_get_version (lead), changes, NULL, tc_store_result, &result);
    saved = rcrm_client_update_lead_finish (sudarat, tc_await (&result), &error);
    g_assert_no_error (error);
  }

  /* Save: 412 → the banner names both values; the edit is kept */
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_view_get_save_button (view)));
  TA_WAIT (gtk_revealer_get_reveal_child (banner));
  ta_lead_view_wait_idle (view);
  label = gtk_label_get_text (rcrm_lead_view_get_conflict_label (view));
  g_assert_nonnull (strstr (label, theirs));
  g_assert_nonnull (strstr (label, mine));
  g_assert_nonnull (strstr (label, their_email));
  g_assert_cmpstr (row_text (view, "company"), ==, mine);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (rcrm_lead_view_get_save_button (view))));
  stored = ta_fetch_lead (somchai, id);
  g_assert_cmpstr (rcrm_lead_get_company (stored), ==, theirs);
  g_clear_object (&stored);

  /* "Save Mine Over Theirs": my company on their version, their e-mail kept */
  gtk_widget_activate (GTK_WIDGET (find_button (GTK_WIDGET (view), "_Save Mine Over Theirs")));
  TA_WAIT (!gtk_revealer_get_reveal_child (banner));
  TA_WAIT (g_strcmp0 (last_toast (fixture), ta_gettext ("Lead saved")) == 0);
  ta_lead_view_wait_idle (view);

  stored = ta_fetch_lead (somchai, id);
  g_assert_cmpstr (rcrm_lead_get_company (stored), ==, mine);
  g_assert_cmpstr (rcrm_lead_get_email (stored), ==, their_email);
  g_assert_cmpstr (row_text (view, "company"), ==, mine);
  g_assert_cmpstr (row_text (view, "email"), ==, their_email);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (rcrm_lead_view_get_save_button (view))));
}

/* ---- a 422 on save ---------------------------------------------------------------------------------- */

/* the server's 422 message for an e-mail address it does not accept */
static char *
server_invalid_email_message (RcrmLead *lead)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmLead) saved = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (changes, "email", "ไม่ใช่อีเมล");
  rcrm_client_update_lead_async (somchai, rcrm_lead_get_id (lead), rcrm_lead_get_version (lead), changes,
                                 NULL, tc_store_result, &result);
  saved = rcrm_client_update_lead_finish (somchai, tc_await (&result), &error);
  g_assert_null (saved);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "email"));
  return g_strdup (rcrm_client_error_get_field_message (error, "email"));
}

static void
test_invalid_field (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autoptr(RcrmLead) lead = ta_create_lead (somchai, "คุณทดสอบ อีเมลผิด", &token);
  g_autofree char *expected = server_invalid_email_message (lead);
  g_autoptr(RcrmLead) stored = NULL;
  RcrmLeadView *view;

  view = open_from_inbox (fixture, token, rcrm_lead_get_id (lead));
  set_text (rcrm_lead_view_get_entry_row (view, "email"), "ไม่ใช่อีเมล");
  gtk_widget_activate (GTK_WIDGET (rcrm_lead_view_get_save_button (view)));
  TA_WAIT (rcrm_lead_view_get_field_error (view, "email") != NULL);
  ta_lead_view_wait_idle (view);

  /* the server's message on the row and under the form; the text stays */
  g_assert_cmpstr (rcrm_lead_view_get_field_error (view, "email"), ==, expected);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rcrm_lead_view_get_entry_row (view, "email")), "error"));
  g_assert_cmpstr (row_text (view, "email"), ==, "ไม่ใช่อีเมล");
  {
    g_autofree char *under = g_strdup_printf (ta_gettext ("%s: %s"), ta_gettext ("E-mail"), expected);

    g_assert_nonnull (ta_find_label (GTK_WIDGET (view), under));
  }
  stored = ta_fetch_lead (somchai, rcrm_lead_get_id (lead));
  g_assert_null (rcrm_lead_get_email (stored));
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
  sudarat = tc_client_signed_in (tc_server_url (server), TA_DEMO_TEAM_LEAD, TC_DEMO_PASSWORD);

  g_test_add ("/app/lead/demo-lead", Fixture, NULL, fixture_set_up, test_demo_lead, fixture_tear_down);
  g_test_add ("/app/lead/create", Fixture, NULL, fixture_set_up, test_create_lead, fixture_tear_down);
  g_test_add ("/app/lead/add-note", Fixture, NULL, fixture_set_up, test_add_note, fixture_tear_down);
  g_test_add ("/app/lead/move-forward", Fixture, NULL, fixture_set_up, test_move_forward, fixture_tear_down);
  g_test_add ("/app/lead/duplicate-dialog", Fixture, NULL, fixture_set_up, test_duplicate_dialog, fixture_tear_down);
  g_test_add ("/app/lead/close-sale", Fixture, NULL, fixture_set_up, test_close_sale, fixture_tear_down);
  g_test_add ("/app/lead/step-back-refused", Fixture, NULL, fixture_set_up, test_step_back_refused, fixture_tear_down);
  g_test_add ("/app/lead/unfollow-restore", Fixture, NULL, fixture_set_up, test_unfollow_restore, fixture_tear_down);
  g_test_add ("/app/lead/conflict-keeps-edits", Fixture, NULL, fixture_set_up, test_conflict_keeps_edits, fixture_tear_down);
  g_test_add ("/app/lead/invalid-field", Fixture, NULL, fixture_set_up, test_invalid_field, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&sudarat);
  g_clear_object (&somchai);
  /* app stays registered until the process ends: only g_application_run
   * unregisters an application (see ta_application_new) */
  tc_server_stop (server);
  return status;
}
