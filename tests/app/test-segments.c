/* test-segments.c — saving the inbox's filters as a segment and opening it
 * from the sidebar (R13)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "app-fixture.h"
#include "rcrm-client-labels.h"
#include "rcrm-labels-private.h"

static TcServer *server;
static RcrmApplication *app;
static RcrmClient *somchai;

typedef struct {
  RcrmClient    *client;
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

static RcrmSegment *
server_segment_named (const char *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = NULL;

  rcrm_client_list_segments_async (somchai, "leads", NULL, tc_store_result, &result);
  segments = rcrm_client_list_segments_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < segments->len; i++)
    if (g_strcmp0 (rcrm_segment_get_name (g_ptr_array_index (segments, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (segments, i));
  return NULL;
}

static RcrmLead *
labelled_lead (const char *name,
               gint64      label_id,
               gint64      value)
{
  g_autoptr(RcrmLead) lead = tc_create_lead (somchai, name);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmLead *updated;

  json_array_add_int_element (ids, label_id);
  json_object_set_array_member (changes, "label_ids", json_array_ref (ids));
  json_object_set_int_member (changes, "value", value);
  rcrm_client_update_lead_async (somchai, rcrm_lead_get_id (lead), rcrm_lead_get_version (lead), changes,
                                 NULL, tc_store_result, &result);
  updated = rcrm_client_update_lead_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  return updated;
}

static void
test_save_and_open (Fixture       *fixture,
                    gconstpointer  data)
{
  RcrmCatalog *catalog = rcrm_window_get_catalog (fixture->window);
  RcrmSegmentSidebar *sidebar = rcrm_window_get_segment_sidebar (fixture->window);
  RcrmInboxPage *segment_page = rcrm_window_get_segment_page (fixture->window);
  g_autofree char *token = unique_token ();
  g_autofree char *label_name = g_strconcat ("งานประมูล ", token, NULL);
  g_autofree char *segment_name = g_strconcat ("ลูกค้าประมูลมูลค่าสูง ", token, NULL);
  g_autofree char *count = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(RcrmLabel) label = NULL;
  g_autoptr(RcrmLead) big_a = NULL;
  g_autoptr(RcrmLead) big_b = NULL;
  g_autoptr(RcrmLead) small = NULL;
  g_autoptr(RcrmSegment) saved = NULL;
  g_autoptr(RcrmSegment) gone = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmSegmentDialog *dialog;
  GtkListBoxRow *row;
  GtkLabel *count_label;
  gint64 label_id;

  rcrm_client_create_label_async (somchai, label_name, "#F6D32D", FALSE, NULL, tc_store_result, &result);
  label = rcrm_client_create_label_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  label_id = rcrm_label_get_id (label);
  /* two above 100,000 baht, one below */
  big_a = labelled_lead ("ประมูลใหญ่ ก", label_id, 25000000);
  big_b = labelled_lead ("ประมูลใหญ่ ข", label_id, 18000000);
  small = labelled_lead ("ประมูลเล็ก", label_id, 500000);

  rcrm_catalog_reload_labels (catalog);
  TA_WAIT (rcrm_catalog_lookup_label (catalog, label_id) != NULL);
  rcrm_inbox_page_select_filter (fixture->inbox, "label", label_id);
  TA_WAIT (rcrm_lead_list_model_get_query (rcrm_inbox_page_get_model (fixture->inbox))->label_id == label_id);
  ta_inbox_wait_loaded (fixture->inbox);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (fixture->inbox))), ==, 3);

  /* save as segment, with a value range the inbox has no control for */
  dialog = rcrm_inbox_page_save_segment (fixture->inbox);
  TA_WAIT (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  /* somchai is no admin: no sharing */
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (rcrm_segment_dialog_get_shared_switch (dialog))));
  gtk_editable_set_text (GTK_EDITABLE (rcrm_segment_dialog_get_name_row (dialog)), segment_name);

  /* bad input first: a clear message, nothing lost */
  gtk_editable_set_text (GTK_EDITABLE (rcrm_segment_dialog_get_row (dialog, "value_min")), "หนึ่งแสน");
  gtk_editable_set_text (GTK_EDITABLE (rcrm_segment_dialog_get_row (dialog, "created_from")), "31/12/2569");
  rcrm_segment_dialog_submit (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rcrm_segment_dialog_get_error_label (dialog))));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rcrm_segment_dialog_get_row (dialog, "value_min")), "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rcrm_segment_dialog_get_row (dialog, "created_from")), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_segment_dialog_get_name_row (dialog))), ==, segment_name);

  /* then a range the server refuses: its message, nothing lost */
  gtk_editable_set_text (GTK_EDITABLE (rcrm_segment_dialog_get_row (dialog, "value_min")), "100000");
  gtk_editable_set_text (GTK_EDITABLE (rcrm_segment_dialog_get_row (dialog, "value_max")), "50");
  gtk_editable_set_text (GTK_EDITABLE (rcrm_segment_dialog_get_row (dialog, "created_from")), "");
  rcrm_segment_dialog_submit (dialog);
  TA_WAIT (gtk_widget_has_css_class (GTK_WIDGET (rcrm_segment_dialog_get_row (dialog, "value_max")), "error"));
  g_test_message ("server says: %s", gtk_label_get_text (rcrm_segment_dialog_get_error_label (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_segment_dialog_get_row (dialog, "value_min"))), ==, "100000");

  shot = ta_save_screenshot (GTK_WIDGET (dialog), "segment-dialog");
  g_test_message ("screenshot: %s", shot);

  gtk_editable_set_text (GTK_EDITABLE (rcrm_segment_dialog_get_row (dialog, "value_max")), "");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  rcrm_segment_dialog_submit (dialog);
  TA_WAIT (dialog == NULL);

  /* on the server: the label and the value floor, two members */
  saved = server_segment_named (segment_name);
  g_assert_nonnull (saved);
  g_assert_false (rcrm_segment_get_shared (saved));
  g_assert_cmpint (rcrm_segment_get_count (saved), ==, 2);
  g_assert_cmpint (json_object_get_int_member (rcrm_segment_get_filter (saved), "value_min"), ==, 10000000);

  /* in the sidebar with its count */
  TA_WAIT (rcrm_segment_sidebar_get_row (sidebar, rcrm_segment_get_id (saved)) != NULL);
  row = rcrm_segment_sidebar_get_row (sidebar, rcrm_segment_get_id (saved));
  count = ta_count_text (2);
  g_clear_pointer (&count, g_free);
  count = rcrm_format_count (2);
  count_label = ta_find_label (GTK_WIDGET (row), count);
  g_assert_nonnull (count_label);
  g_assert_nonnull (ta_find_label (GTK_WIDGET (row), segment_name));

  /* opened: the inbox of its members, with its name as the title */
  g_signal_emit_by_name (rcrm_window_get_sidebar (fixture->window), "row-activated", row);
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (fixture->window)), "segment") == 0);
  g_assert_cmpstr (adw_window_title_get_title (rcrm_window_get_title_widget (fixture->window)), ==, segment_name);
  TA_WAIT (rcrm_lead_list_model_get_query (rcrm_inbox_page_get_model (segment_page)) != NULL
           && rcrm_lead_list_model_get_query (rcrm_inbox_page_get_model (segment_page))->segment_id
              == rcrm_segment_get_id (saved));
  ta_inbox_wait_loaded (segment_page);
  g_clear_pointer (&count, g_free);
  count = ta_count_text (2);
  g_assert_cmpstr (gtk_label_get_text (rcrm_inbox_page_get_count_label (segment_page)), ==, count);
  g_assert_true (ta_inbox_has_lead (segment_page, rcrm_lead_get_id (big_a)));
  g_assert_true (ta_inbox_has_lead (segment_page, rcrm_lead_get_id (big_b)));
  g_assert_false (ta_inbox_has_lead (segment_page, rcrm_lead_get_id (small)));

  ta_wait_painted (GTK_WIDGET (fixture->window), 3);
  g_clear_pointer (&shot, g_free);
  shot = ta_save_screenshot (GTK_WIDGET (fixture->window), "segment-page");
  g_test_message ("screenshot: %s", shot);

  /* renamed from its context menu: the sidebar and the title follow */
  {
    g_autofree char *new_name = g_strconcat ("ประมูลรายใหญ่ ", token, NULL);
    g_autoptr(RcrmSegment) renamed = NULL;
    AdwMessageDialog *rename;

    rcrm_segment_sidebar_rename (sidebar, rcrm_segment_get_id (saved));
    rename = g_object_get_data (G_OBJECT (sidebar), "rcrm-dialog");
    g_assert_nonnull (rename);
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (rename), "rcrm-entry")), new_name);
    adw_message_dialog_response (rename, "rename");
    TA_WAIT (ta_find_label (GTK_WIDGET (rcrm_window_get_sidebar (fixture->window)), new_name) != NULL);
    TA_WAIT (g_strcmp0 (adw_window_title_get_title (rcrm_window_get_title_widget (fixture->window)), new_name) == 0);
    renamed = server_segment_named (new_name);
    g_assert_nonnull (renamed);
    g_assert_cmpint (rcrm_segment_get_id (renamed), ==, rcrm_segment_get_id (saved));
    g_free (segment_name);
    segment_name = g_strdup (new_name);
  }

  /* deleted from its context menu: gone from the server and the sidebar */
  rcrm_segment_sidebar_delete (sidebar, rcrm_segment_get_id (saved));
  {
    AdwMessageDialog *confirm = g_object_get_data (G_OBJECT (sidebar), "rcrm-dialog");

    g_assert_nonnull (confirm);
    g_assert_nonnull (strstr (adw_message_dialog_get_heading (confirm), segment_name));
    adw_message_dialog_response (confirm, "delete");
  }
  TA_WAIT (rcrm_segment_sidebar_get_row (sidebar, rcrm_segment_get_id (saved)) == NULL
           && !rcrm_segment_sidebar_get_loading (sidebar));
  gone = server_segment_named (segment_name);
  g_assert_null (gone);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (fixture->window)), ==, "inbox");
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

  g_test_add ("/app/segments/save-and-open", Fixture, NULL, fixture_set_up, test_save_and_open, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&somchai);
  tc_server_stop (server);
  return status;
}
