/* test-inbox.c — the main window's lead inbox and unfollowed box, with the demo data
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only: nothing here changes a lead, so the demo data stays as the
 * server made it and the screenshot of the inbox shows it.
 */
#include "config.h"

#include "app-fixture.h"

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
  fixture->window = ta_main_window_new (app, fixture->client, 1100, 720);
  fixture->inbox = rcrm_window_get_inbox_page (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ta_destroy_all_windows ();
  g_clear_object (&fixture->client);
}

/* the server's answer to GET /leads?… for query (first page) */
static RcrmLeadPage *
server_leads (const char *q,
              const char *state)
{
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmLeadPage *page;

  query->q = g_strdup (q);
  query->state = g_strdup (state);
  query->limit = 500;
  rcrm_client_list_leads_async (somchai, query, NULL, tc_store_result, &result);
  page = rcrm_client_list_leads_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  return page;
}

static char *
describe_page (RcrmInboxPage *page)
{
  RcrmLeadListModel *model = rcrm_inbox_page_get_model (page);

  return g_strdup_printf ("count label “%s”, %u items, loading %d, stack “%s”",
                          gtk_label_get_text (rcrm_inbox_page_get_count_label (page)),
                          g_list_model_get_n_items (G_LIST_MODEL (model)),
                          rcrm_lead_list_model_get_loading (model),
                          gtk_stack_get_visible_child_name (rcrm_inbox_page_get_stack (page)));
}

static void
assert_count_label (RcrmInboxPage *page,
                    guint          n)
{
  g_autofree char *expected = ta_count_text (n);

  TA_WAIT_STATE (g_strcmp0 (gtk_label_get_text (rcrm_inbox_page_get_count_label (page)), expected) == 0,
                 describe_page (page));
}

static void
test_inbox_demo (Fixture       *fixture,
                 gconstpointer  data)
{
  RcrmInboxPage *inbox = fixture->inbox;
  GListModel *model = G_LIST_MODEL (rcrm_inbox_page_get_model (inbox));
  g_autoptr(RcrmLeadPage) expected = server_leads (NULL, NULL);
  GPtrArray *items = expected->items;
  g_autoptr(RcrmLead) first = NULL;
  g_autofree char *screenshot = NULL;
  g_autofree char *owner = NULL;

  /* the header and the signed-in user */
  g_assert_cmpstr (adw_window_title_get_title (rcrm_window_get_title_widget (fixture->window)), ==,
                   ta_gettext ("Lead Inbox"));
  g_assert_cmpstr (gtk_label_get_text (rcrm_window_get_user_label (fixture->window)), ==, TA_DEMO_USER_NAME);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (fixture->window)), ==, "inbox");

  /* as many leads as the server has for the inbox, in the server's order */
  g_assert_cmpuint ((guint) expected->total, >, 100);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, (guint) expected->total);
  assert_count_label (inbox, (guint) expected->total);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (rcrm_inbox_page_get_stack (inbox)), ==, "list");

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(RcrmLead) lead = ta_inbox_get_lead (inbox, i);
      g_autofree char *name = rcrm_inbox_page_dup_cell_text (inbox, "name", lead);

      g_assert_cmpint (rcrm_lead_get_id (lead), ==, rcrm_lead_get_id (g_ptr_array_index (items, i)));
      g_assert_cmpstr (name, ==, rcrm_lead_get_name (g_ptr_array_index (items, i)));
      g_assert_false (rcrm_lead_is_unfollowed (lead));
    }

  /* the first row is on screen: its name cell is a label the user sees, and
   * the owner and step columns show names, not ids */
  first = ta_inbox_get_lead (inbox, 0);
  ta_wait_painted (GTK_WIDGET (fixture->window), 1);
  TA_WAIT (ta_find_cell_text (GTK_WIDGET (rcrm_inbox_page_get_column_view (inbox)), rcrm_lead_get_name (first)) != NULL);
  owner = rcrm_inbox_page_dup_cell_text (inbox, "owner", first);
  g_assert_nonnull (owner);
  g_assert_nonnull (ta_find_cell_text (GTK_WIDGET (rcrm_inbox_page_get_column_view (inbox)), owner));
  {
    g_autofree char *step = rcrm_inbox_page_dup_cell_text (inbox, "step", first);
    RcrmPipeline *pipeline = rcrm_catalog_lookup_pipeline (rcrm_window_get_catalog (fixture->window),
                                                           rcrm_lead_get_pipeline_id (first));

    g_assert_nonnull (pipeline);
    g_assert_cmpstr (step, ==, rcrm_pipeline_get_step_name (pipeline, rcrm_lead_get_step (first)));
  }
  g_assert_null (rcrm_inbox_page_get_column (inbox, "reason"));

  screenshot = ta_save_screenshot (GTK_WIDGET (fixture->window), "inbox");
  g_assert_true (g_file_test (screenshot, G_FILE_TEST_IS_REGULAR));
}

static void
test_thai_search (Fixture       *fixture,
                  gconstpointer  data)
{
  RcrmInboxPage *inbox = fixture->inbox;
  GtkWidget *column_view = GTK_WIDGET (rcrm_inbox_page_get_column_view (inbox));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (inbox)));
  g_autoptr(RcrmLead) lead = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *owner = NULL;

  ta_inbox_search (inbox, TA_DEMO_SEARCH);

  /* exactly one lead: "นายสมชายใจดี" (no other demo lead has สมชาย in its name,
   * company, e-mail or phone; the owner สมชาย ใจดี is not searched) */
  names = ta_inbox_dup_names (inbox);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, TA_DEMO_SEARCH_RESULT);
  assert_count_label (inbox, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (rcrm_inbox_page_get_stack (inbox)), ==, "list");

  lead = ta_inbox_get_lead (inbox, 0);
  owner = rcrm_inbox_page_dup_cell_text (inbox, "owner", lead);
  g_assert_cmpstr (owner, ==, TA_DEMO_USER_NAME);

  /* the row the user sees */
  ta_wait_painted (GTK_WIDGET (fixture->window), 1);
  TA_WAIT (ta_find_cell_text (column_view, TA_DEMO_SEARCH_RESULT) != NULL);
  g_assert_nonnull (ta_find_cell_text (column_view, TA_DEMO_USER_NAME));

  /* clearing the search brings every lead back */
  ta_inbox_search (inbox, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (inbox))), ==, total);
  assert_count_label (inbox, total);
}

static void
test_search_no_match (Fixture       *fixture,
                      gconstpointer  data)
{
  RcrmInboxPage *inbox = fixture->inbox;
  AdwStatusPage *status = rcrm_inbox_page_get_status_page (inbox);

  ta_inbox_search (inbox, "ไม่มีลีดชื่อนี้แน่นอน");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (inbox))), ==, 0);
  assert_count_label (inbox, 0);
  TA_WAIT_STATE (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_inbox_page_get_stack (inbox)), "empty") == 0,
                 describe_page (inbox));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, ta_gettext ("No Matching Leads"));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (status)));
}

static void
test_step_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  RcrmInboxPage *inbox = fixture->inbox;
  RcrmPipeline *pipeline = rcrm_catalog_get_standard_pipeline (rcrm_window_get_catalog (fixture->window));
  g_autoptr(GListModel) names = NULL;
  guint n;

  g_assert_nonnull (pipeline);
  rcrm_inbox_page_select_filter (inbox, "pipeline", rcrm_pipeline_get_id (pipeline));
  rcrm_inbox_page_select_filter (inbox, "step", 1);
  TA_WAIT_STATE (rcrm_lead_list_model_get_query (rcrm_inbox_page_get_model (inbox))->step == 1
                 && !rcrm_lead_list_model_get_loading (rcrm_inbox_page_get_model (inbox)),
                 describe_page (inbox));

  /* the step dropdown lists the pipeline's steps after "all" */
  names = g_object_ref (gtk_drop_down_get_model (rcrm_inbox_page_get_step_dropdown (inbox)));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, rcrm_pipeline_get_n_steps (pipeline) + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==,
                   rcrm_pipeline_get_step_name (pipeline, 1));

  n = g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (inbox)));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcrmLead) lead = ta_inbox_get_lead (inbox, i);
      g_autofree char *step = rcrm_inbox_page_dup_cell_text (inbox, "step", lead);

      g_assert_cmpint (rcrm_lead_get_pipeline_id (lead), ==, rcrm_pipeline_get_id (pipeline));
      g_assert_cmpint (rcrm_lead_get_step (lead), ==, 1);
      g_assert_cmpstr (step, ==, rcrm_pipeline_get_step_name (pipeline, 1));
    }
  assert_count_label (inbox, n);

  rcrm_inbox_page_clear_filters (inbox);
  TA_WAIT_STATE (rcrm_lead_list_model_get_query (rcrm_inbox_page_get_model (inbox))->pipeline_id == 0
                 && !rcrm_lead_list_model_get_loading (rcrm_inbox_page_get_model (inbox)),
                 describe_page (inbox));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (inbox))), >, n);
}

static GtkListBoxRow *
sidebar_row (RcrmWindow *window,
             const char *name)
{
  GtkListBox *sidebar = rcrm_window_get_sidebar (window);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (sidebar, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
      return row;
  g_error ("no sidebar row “%s”", name);
}

static void
test_unfollowed_box (Fixture       *fixture,
                     gconstpointer  data)
{
  RcrmWindow *window = fixture->window;
  RcrmInboxPage *box = rcrm_window_get_unfollowed_page (window);
  g_autoptr(RcrmLeadPage) expected = server_leads (NULL, "unfollowed");
  GPtrArray *items = expected->items;
  guint n;

  g_assert_cmpuint ((guint) expected->total, >, 0);

  /* the user picks "unfollowed" in the sidebar */
  g_signal_emit_by_name (sidebar_row (window, "unfollowed"), "activate");
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), "unfollowed") == 0);
  g_assert_cmpstr (adw_window_title_get_title (rcrm_window_get_title_widget (window)), ==,
                   ta_gettext ("Unfollowed Leads"));
  ta_inbox_wait_loaded (box);

  n = g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (box)));
  g_assert_cmpuint (n, ==, (guint) expected->total);
  assert_count_label (box, n);
  g_assert_nonnull (rcrm_inbox_page_get_column (box, "reason"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_inbox_page_get_state_dropdown (box))));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcrmLead) lead = ta_inbox_get_lead (box, i);
      g_autofree char *reason = rcrm_inbox_page_dup_cell_text (box, "reason", lead);

      g_assert_true (rcrm_lead_is_unfollowed (lead));
      g_assert_cmpint (rcrm_lead_get_id (lead), ==, rcrm_lead_get_id (g_ptr_array_index (items, i)));
      g_assert_nonnull (reason);
      g_assert_cmpstr (reason, ==, rcrm_lead_get_unfollow_reason (g_ptr_array_index (items, i)));
    }

  /* and back to the inbox */
  g_signal_emit_by_name (sidebar_row (window, "inbox"), "activate");
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), "inbox") == 0);
  g_assert_cmpstr (adw_window_title_get_title (rcrm_window_get_title_widget (window)), ==, ta_gettext ("Lead Inbox"));
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

  g_test_add ("/app/inbox/demo-leads", Fixture, NULL, fixture_set_up, test_inbox_demo, fixture_tear_down);
  g_test_add ("/app/inbox/thai-search", Fixture, NULL, fixture_set_up, test_thai_search, fixture_tear_down);
  g_test_add ("/app/inbox/search-no-match", Fixture, NULL, fixture_set_up, test_search_no_match, fixture_tear_down);
  g_test_add ("/app/inbox/step-filter", Fixture, NULL, fixture_set_up, test_step_filter, fixture_tear_down);
  g_test_add ("/app/inbox/unfollowed-box", Fixture, NULL, fixture_set_up, test_unfollowed_box, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&somchai);
  /* app stays registered until the process ends: only g_application_run
   * unregisters an application (see ta_application_new) */
  tc_server_stop (server);
  return status;
}
