/* test-lead-list-model.c — RcrmLeadListModel against the real rcrm-server (--demo) */
#include "config.h"

#include "client-fixture.h"
#include "rcrm-lead-list-model-private.h"

static TcServer *server;

typedef struct {
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *changed = user_data;

  changed->position = position;
  changed->removed = removed;
  changed->added = added;
  changed->count++;
}

static gboolean idle;

static void
on_loading (GObject    *object,
            GParamSpec *pspec,
            gpointer    user_data)
{
  if (!rcrm_lead_list_model_get_loading (RCRM_LEAD_LIST_MODEL (object)))
    idle = TRUE;
}

static void
wait_idle (RcrmLeadListModel *model)
{
  idle = !rcrm_lead_list_model_get_loading (model);
  g_assert_true (tc_iterate_until (&idle, 30));
}

static RcrmLeadListModel *
model_new (RcrmClient   *client,
           ItemsChanged *changed)
{
  RcrmLeadListModel *model = rcrm_lead_list_model_new (client);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), changed);
  g_signal_connect (model, "notify::loading", G_CALLBACK (on_loading), NULL);
  return model;
}

/* every id of the query in order, by cursor paging (independent of offset) */
static GArray *
all_ids (RcrmClient          *client,
         const RcrmLeadQuery *filters)
{
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_copy (filters);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  query->limit = 500;
  for (guint page = 0; page < 1000; page++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(RcrmLeadPage) leads = NULL;
      g_autoptr(GError) error = NULL;

      rcrm_client_list_leads_async (client, query, NULL, tc_store_result, &result);
      leads = rcrm_client_list_leads_finish (client, tc_await (&result), &error);
      g_assert_no_error (error);
      for (guint i = 0; i < leads->items->len; i++)
        {
          gint64 id = rcrm_lead_get_id (g_ptr_array_index (leads->items, i));
          g_array_append_val (ids, id);
        }
      if (leads->next_cursor == NULL)
        {
          g_assert_cmpint (ids->len, ==, leads->total);
          return ids;
        }
      g_free (query->cursor);
      query->cursor = g_strdup (leads->next_cursor);
    }
  g_assert_not_reached ();
}

static guint notify_loaded_count;

static void
on_loaded (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  notify_loaded_count++;
}

static void
test_pages_on_demand (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(RcrmLeadListModel) model = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(RcrmLead) first = NULL;
  g_autoptr(RcrmLead) far = NULL;
  g_autoptr(RcrmLead) far_again = NULL;
  ItemsChanged changed = { 0 };
  guint n, requests;

  query->state = g_strdup ("all");
  query->sort = g_strdup ("name");
  expected = all_ids (client, query);
  g_assert_cmpuint (expected->len, >=, 200);

  model = model_new (client, &changed);
  rcrm_lead_list_model_set_page_size (model, 50);
  g_assert_cmpuint (rcrm_lead_list_model_get_page_size (model), ==, 50);
  rcrm_lead_list_model_set_query (model, query);
  g_assert_true (rcrm_lead_list_model_get_loading (model));
  /* nothing yet: the old (empty) contents stay until the first page is here */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  wait_idle (model);

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, expected->len);
  g_assert_cmpuint (rcrm_lead_list_model_get_total (model), ==, n);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.added, ==, n);
  g_assert_cmpuint (rcrm_lead_list_model_get_n_requests (model), ==, 1);
  g_assert_cmpuint (rcrm_lead_list_model_get_n_pages (model), ==, 1);

  /* the first page came with the reload */
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (rcrm_lead_get_loaded (first));
  g_assert_cmpint (rcrm_lead_get_id (first), ==, g_array_index (expected, gint64, 0));
  g_assert_false (rcrm_lead_list_model_get_loading (model));

  /* a far row: a placeholder now, the same object filled later */
  far = g_list_model_get_item (G_LIST_MODEL (model), 120);
  g_assert_false (rcrm_lead_get_loaded (far));
  g_assert_cmpint (rcrm_lead_get_id (far), ==, 0);
  g_signal_connect (far, "notify::loaded", G_CALLBACK (on_loaded), NULL);
  g_assert_true (rcrm_lead_list_model_get_loading (model));
  wait_idle (model);
  g_assert_cmpuint (notify_loaded_count, ==, 1);
  g_assert_true (rcrm_lead_get_loaded (far));
  g_assert_cmpint (rcrm_lead_get_id (far), ==, g_array_index (expected, gint64, 120));
  far_again = g_list_model_get_item (G_LIST_MODEL (model), 120);
  g_assert_true (far_again == far);
  g_assert_cmpuint (rcrm_lead_list_model_get_n_requests (model), ==, 2);

  /* every row of that page is there, at its place; no new request */
  for (guint i = 100; i < 150; i++)
    {
      g_autoptr(RcrmLead) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (rcrm_lead_get_loaded (item));
      g_assert_cmpint (rcrm_lead_get_id (item), ==, g_array_index (expected, gint64, i));
    }
  g_assert_cmpuint (rcrm_lead_list_model_get_n_requests (model), ==, 2);

  /* the rest, asked for all at once: one request per page, two at a time */
  requests = rcrm_lead_list_model_get_n_requests (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcrmLead) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_nonnull (item);
    }
  wait_idle (model);
  g_assert_cmpuint (rcrm_lead_list_model_get_n_requests (model) - requests, ==, (n + 49) / 50 - 2);
  g_assert_cmpuint (rcrm_lead_list_model_get_max_in_flight (model), <=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcrmLead) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (rcrm_lead_get_loaded (item));
      g_assert_cmpint (rcrm_lead_get_id (item), ==, g_array_index (expected, gint64, i));
    }
}

static void
test_reload_on_set_query (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(RcrmLeadListModel) model = NULL;
  g_autoptr(RcrmLead) item = NULL;
  ItemsChanged changed = { 0 };
  guint inbox;

  model = model_new (client, &changed);
  rcrm_lead_list_model_set_query (model, query);
  wait_idle (model);
  inbox = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (inbox, >, 1);

  /* Thai search */
  query->q = g_strdup ("สมชาย");
  rcrm_lead_list_model_set_query (model, query);
  /* the old rows stay until the answer is here */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, inbox);
  wait_idle (model);
  g_assert_cmpuint (changed.count, ==, 2);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, inbox);
  g_assert_cmpuint (changed.added, ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (rcrm_lead_get_name (item), ==, "นายสมชายใจดี");
  g_assert_cmpstr (rcrm_lead_list_model_get_query (model)->q, ==, "สมชาย");
  g_clear_object (&item);

  /* the unfollowed box */
  g_clear_pointer (&query->q, g_free);
  query->state = g_strdup ("unfollowed");
  rcrm_lead_list_model_set_query (model, query);
  wait_idle (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(RcrmLead) lead = g_list_model_get_item (G_LIST_MODEL (model), i);
      wait_idle (model);
      g_assert_cmpstr (rcrm_lead_get_state (lead), ==, "unfollowed");
    }

  /* reload picks up a new lead */
  g_clear_pointer (&query->state, g_free);
  query->q = g_strdup ("ลีดใหม่สำหรับโหลดซ้ำ");
  rcrm_lead_list_model_set_query (model, query);
  wait_idle (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_object_unref (tc_create_lead (client, "ลีดใหม่สำหรับโหลดซ้ำ"));
  rcrm_lead_list_model_reload (model);
  wait_idle (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
}

static void
on_error (RcrmLeadListModel *model,
          const GError      *error,
          gpointer           user_data)
{
  GError **out = user_data;

  g_clear_error (out);
  *out = g_error_copy (error);
}

static void
test_error_signal (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(RcrmLeadListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };

  model = model_new (client, &changed);
  g_signal_connect (model, "error", G_CALLBACK (on_error), &error);
  rcrm_lead_list_model_set_query (model, query);
  wait_idle (model);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);

  query->sort = g_strdup ("colour");
  rcrm_lead_list_model_set_query (model, query);
  wait_idle (model);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_BAD_REQUEST);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (changed.added, ==, 0);
  g_clear_error (&error);

  /* a signed-out client: the error says so */
  g_clear_pointer (&query->sort, g_free);
  rcrm_client_set_token (client, NULL);
  rcrm_lead_list_model_set_query (model, query);
  wait_idle (model);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED);
}

static void
test_update_lead (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(RcrmLeadListModel) model = NULL;
  g_autoptr(RcrmLead) created = tc_create_lead (client, "ลีดในรายการแก้ไขชื่อ");
  g_autoptr(RcrmLead) row = NULL;
  g_autoptr(RcrmLead) moved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged changed = { 0 };
  guint notifications = 0;

  model = model_new (client, &changed);
  query->q = g_strdup ("ลีดในรายการแก้ไขชื่อ");
  rcrm_lead_list_model_set_query (model, query);
  wait_idle (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (rcrm_lead_get_id (row), ==, rcrm_lead_get_id (created));
  g_signal_connect (row, "notify::step", G_CALLBACK (on_loaded), NULL);
  notify_loaded_count = 0;
  (void) notifications;

  rcrm_client_move_lead_async (client, rcrm_lead_get_id (created), 0, 1, NULL, tc_store_result, &result);
  moved = rcrm_client_move_lead_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_true (rcrm_lead_list_model_update_lead (model, moved));
  g_assert_cmpint (rcrm_lead_get_step (row), ==, 1);
  g_assert_cmpint (rcrm_lead_get_version (row), ==, 2);
  g_assert_cmpuint (notify_loaded_count, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* the default proxy resolver reads GSettings, which isolated dirs lack */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (!tc_have_server ())
    {
      g_print ("1..0 # SKIP RCRM_SERVER is not set\n");
      return 0;
    }

  g_test_add_func ("/lead-list-model/pages-on-demand", test_pages_on_demand);
  g_test_add_func ("/lead-list-model/reload-on-set-query", test_reload_on_set_query);
  g_test_add_func ("/lead-list-model/error-signal", test_error_signal);
  g_test_add_func ("/lead-list-model/update-lead", test_update_lead);

  server = tc_server_start (TRUE);
  status = g_test_run ();
  tc_server_stop (g_steal_pointer (&server));
  return status;
}
