/* test-client-fake.c — RcrmClient and RcrmLeadListModel against an in-process
 * SoupServer that answers what the real server never would: wrong shapes,
 * proxy pages, paged reference lists, duplicates, and 100,000 leads. */
#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "client-fixture.h"
#include "rcrm-lead-list-model-private.h"

#define BIG_TOTAL 100000

static SoupServer *fake;
static char *fake_url;
static guint lead_list_requests;
static guint users_requests;
static guint delay_ms;
static guint in_flight;
static guint max_in_flight;

/* ---- the fake server --------------------------------------------------------------- */

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static char *
lead_json (guint id,
           guint position)
{
  return g_strdup_printf ("{\"id\":%u,\"name\":\"ลีด %u\",\"company\":null,\"phone\":\"+66812345678\","
                          "\"email\":null,\"tax_id\":null,\"source\":\"LINE\",\"value\":%u,\"owner_id\":2,"
                          "\"pipeline_id\":1,\"step\":0,\"state\":\"in_progress\",\"account_id\":null,"
                          "\"label_ids\":[],\"custom\":{},\"unfollow_reason\":null,"
                          "\"created_at\":\"2026-11-23T09:30:00Z\",\"updated_at\":\"2026-11-23T09:30:00Z\","
                          "\"last_activity_at\":\"2026-11-23T09:30:00Z\",\"version\":1}",
                          id, position, position * 100);
}

/* GET /leads: BIG_TOTAL leads, id = BIG_TOTAL - position; with q only 3 */
static char *
lead_list (GHashTable *query)
{
  const char *q = query != NULL ? g_hash_table_lookup (query, "q") : NULL;
  const char *text;
  guint total = q != NULL ? 3 : BIG_TOTAL;
  guint offset = 0, limit = 50;
  GString *out = g_string_new ("{\"items\":[");

  if (query != NULL && (text = g_hash_table_lookup (query, "offset")) != NULL)
    offset = (guint) g_ascii_strtoull (text, NULL, 10);
  if (query != NULL && (text = g_hash_table_lookup (query, "limit")) != NULL)
    limit = (guint) g_ascii_strtoull (text, NULL, 10);

  for (guint p = offset; p < total && p < offset + limit; p++)
    {
      g_autofree char *lead = lead_json (total - p, p);

      g_string_append_printf (out, "%s%s", p > offset ? "," : "", lead);
    }
  g_string_append_printf (out, "],\"next_cursor\":%s,\"total\":%u}",
                          offset + limit < total ? "\"more\"" : "null", total);
  return g_string_free (out, FALSE);
}

static gboolean
unpause (gpointer user_data)
{
  SoupServerMessage *msg = user_data;

  in_flight--;
  soup_server_message_unpause (msg);
  g_object_unref (msg);
  return G_SOURCE_REMOVE;
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (g_str_equal (path, "/api/v1/leads") && g_str_equal (method, "GET"))
    {
      g_autofree char *body = lead_list (query);

      lead_list_requests++;
      respond (msg, 200, "application/json", body);
      if (delay_ms > 0)
        {
          in_flight++;
          max_in_flight = MAX (max_in_flight, in_flight);
          soup_server_message_pause (msg);
          g_timeout_add (delay_ms, unpause, g_object_ref (msg));
        }
    }
  else if (g_str_equal (path, "/api/v1/leads") && g_str_equal (method, "POST"))
    respond (msg, 409, "application/json",
             "{\"error\":{\"code\":\"duplicate_lead\",\"message\":\"มีลีดที่ข้อมูลซ้ำกันอยู่แล้ว\","
             "\"details\":{\"action\":\"allow\",\"matches\":[{\"lead_id\":null,\"name\":null,"
             "\"owner\":{\"id\":5,\"display_name\":\"อนันต์ แสงอรุณ\"},\"matched_on\":[\"phone\"],"
             "\"state\":\"in_progress\"}]}}}");
  else if (g_str_equal (path, "/api/v1/leads/1"))
    respond (msg, 200, "application/json", "{\"id\":\"1\",\"name\":\"x\"}");
  else if (g_str_equal (path, "/api/v1/leads/2"))
    respond (msg, 200, "application/json", "this is not JSON");
  else if (g_str_equal (path, "/api/v1/leads/3"))
    respond (msg, 502, "text/html", "<html><body>Bad Gateway</body></html>");
  else if (g_str_equal (path, "/api/v1/leads/4"))
    respond (msg, 418, NULL, NULL);
  else if (g_str_equal (path, "/api/v1/leads/5"))
    respond (msg, 200, "application/json", "[1, 2]");
  else if (g_str_equal (path, "/api/v1/leads/6"))
    {
      g_autofree char *lead = lead_json (6, 0);
      g_autofree char *broken = NULL;
      char *labels = strstr (lead, "\"label_ids\":[]");

      g_assert_nonnull (labels);
      *labels = '\0';
      broken = g_strconcat (lead, "\"label_ids\":[1,\"2\"]", labels + strlen ("\"label_ids\":[]"), NULL);
      respond (msg, 200, "application/json", broken);
    }
  else if (g_str_equal (path, "/api/v1/leads/7"))
    respond (msg, 200, "application/json", "");
  else if (g_str_equal (path, "/api/v1/users"))
    {
      const char *cursor = query != NULL ? g_hash_table_lookup (query, "cursor") : NULL;

      users_requests++;
      if (cursor == NULL)
        respond (msg, 200, "application/json",
                 "{\"items\":[{\"id\":1,\"username\":\"admin\",\"display_name\":\"ผู้ดูแลระบบ\",\"role\":\"admin\","
                 "\"team_id\":null,\"active\":true},"
                 "{\"id\":2,\"username\":\"somchai\",\"display_name\":\"สมชาย ใจดี\",\"role\":\"user\","
                 "\"team_id\":1,\"active\":true}],\"next_cursor\":\"page 2\",\"total\":3}");
      else if (g_str_equal (cursor, "page 2"))
        respond (msg, 200, "application/json",
                 "{\"items\":[{\"id\":3,\"username\":\"nok\",\"display_name\":\"กนกวรรณ\",\"role\":\"user\","
                 "\"team_id\":1,\"active\":false}],\"next_cursor\":null,\"total\":3}");
      else
        respond (msg, 400, "application/json", "{\"error\":{\"code\":\"bad_request\",\"message\":\"cursor\"}}");
    }
  else if (g_str_equal (path, "/api/v1/me"))
    {
      /* echoes the headers the client sent */
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;
      const char *language = soup_message_headers_get_one (headers, "Accept-Language");
      const char *agent = soup_message_headers_get_one (headers, "User-Agent");
      const char *authorization = soup_message_headers_get_one (headers, "Authorization");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, 1);
      json_builder_set_member_name (builder, "username");
      json_builder_add_string_value (builder, agent != NULL ? agent : "");
      json_builder_set_member_name (builder, "display_name");
      json_builder_add_string_value (builder, language != NULL ? language : "");
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, "user");
      json_builder_set_member_name (builder, "email");
      if (authorization != NULL)
        json_builder_add_string_value (builder, authorization);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      text = json_to_string (root, FALSE);
      respond (msg, 200, "application/json", text);
    }
  else
    respond (msg, 404, "application/json", "{\"error\":{\"code\":\"not_found\",\"message\":\"Not found.\"}}");
}

static void
fake_start (void)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fake = soup_server_new (NULL, NULL);
  soup_server_add_handler (fake, NULL, handler, NULL, NULL);
  soup_server_listen_local (fake, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fake);
  g_assert_nonnull (uris);
  fake_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

/* ---- client ---------------------------------------------------------------------------- */

static RcrmLead *
get_lead (RcrmClient  *client,
          gint64       id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_get_lead_async (client, id, NULL, tc_store_result, &result);
  return rcrm_client_get_lead_finish (client, tc_await (&result), error);
}

static void
test_protocol_errors (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (fake_url);
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = NULL;

  /* wrong member type */
  lead = get_lead (client, 1, &error);
  g_assert_null (lead);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "id"));
  g_clear_error (&error);

  /* not JSON */
  lead = get_lead (client, 2, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
  g_clear_error (&error);

  /* a proxy's error page */
  lead = get_lead (client, 3, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_SERVER);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 502);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  /* a status the API never uses, without a body */
  lead = get_lead (client, 4, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "418"));
  g_clear_error (&error);

  /* an array where an object belongs */
  lead = get_lead (client, 5, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
  g_clear_error (&error);

  /* a wrong element deep inside */
  lead = get_lead (client, 6, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "label_ids"));
  g_clear_error (&error);

  /* an empty 200 */
  lead = get_lead (client, 7, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
  g_clear_error (&error);

  /* the fake's 404 */
  lead = get_lead (client, 8, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);
}

static void
test_duplicate_details (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (fake_url);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *details;
  JsonArray *matches;
  JsonObject *match;

  json_object_set_string_member (fields, "name", "ลีดซ้ำ");
  rcrm_client_create_lead_async (client, fields, NULL, tc_store_result, &result);
  lead = rcrm_client_create_lead_finish (client, tc_await (&result), &error);
  g_assert_null (lead);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_DUPLICATE_LEAD);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 409);
  g_assert_cmpstr (error->message, ==, "มีลีดที่ข้อมูลซ้ำกันอยู่แล้ว");
  details = rcrm_client_error_get_details (error);
  g_assert_nonnull (details);
  g_assert_cmpstr (json_object_get_string_member (details, "action"), ==, "allow");
  matches = json_object_get_array_member (details, "matches");
  g_assert_cmpuint (json_array_get_length (matches), ==, 1);
  match = json_array_get_object_element (matches, 0);
  g_assert_true (json_object_get_null_member (match, "lead_id"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (match, "owner"), "display_name"),
                   ==, "อนันต์ แสงอรุณ");
}

static void
test_list_all_follows_cursor (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (fake_url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  users_requests = 0;
  rcrm_client_list_users_async (client, NULL, tc_store_result, &result);
  users = rcrm_client_list_users_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 3);
  g_assert_cmpuint (users_requests, ==, 2);
  g_assert_cmpstr (rcrm_user_get_username (g_ptr_array_index (users, 0)), ==, "admin");
  g_assert_true (rcrm_user_is_admin (g_ptr_array_index (users, 0)));
  g_assert_cmpint (rcrm_user_get_team_id (g_ptr_array_index (users, 0)), ==, 0);
  g_assert_cmpstr (rcrm_user_get_username (g_ptr_array_index (users, 2)), ==, "nok");
  g_assert_false (rcrm_user_get_active (g_ptr_array_index (users, 2)));
}

static RcrmUser *
echo (RcrmClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmUser *user;

  rcrm_client_get_me_async (client, NULL, tc_store_result, &result);
  user = rcrm_client_get_me_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  return user;
}

static void
test_request_headers (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autoptr(RcrmClient) client = NULL;
  g_autoptr(RcrmUser) user = NULL;

  g_setenv ("LANGUAGE", "th_TH:th", TRUE);
  client = rcrm_client_new (fake_url);
  user = echo (client);
  /* Accept-Language, th first */
  g_assert_true (g_str_has_prefix (rcrm_user_get_display_name (user), "th"));
  g_assert_cmpstr (rcrm_user_get_username (user), ==, "rcrm/" PACKAGE_VERSION);
  g_assert_null (rcrm_user_get_email (user));
  g_clear_object (&user);

  rcrm_client_set_language (client, "en");
  rcrm_client_set_token (client, "secret-token");
  user = echo (client);
  g_assert_cmpstr (rcrm_user_get_display_name (user), ==, "en");
  g_assert_cmpstr (rcrm_user_get_email (user), ==, "Bearer secret-token");
  g_clear_object (&user);
  g_clear_object (&client);

  g_setenv ("LANGUAGE", "en_GB:en", TRUE);
  client = rcrm_client_new (fake_url);
  user = echo (client);
  g_assert_true (g_str_has_prefix (rcrm_user_get_display_name (user), "en"));
  g_assert_null (strstr (rcrm_user_get_display_name (user), "th"));

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* ---- the list model over 100,000 leads --------------------------------------------- */

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

static gboolean loading_done;

static void
on_loading (GObject    *object,
            GParamSpec *pspec,
            gpointer    user_data)
{
  if (!rcrm_lead_list_model_get_loading (RCRM_LEAD_LIST_MODEL (object)))
    loading_done = TRUE;
}

static void
wait_idle (RcrmLeadListModel *model)
{
  loading_done = !rcrm_lead_list_model_get_loading (model);
  g_assert_true (tc_iterate_until (&loading_done, 30));
}

static void
test_model_100k (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (fake_url);
  g_autoptr(RcrmLeadListModel) model = rcrm_lead_list_model_new (client);
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(RcrmLead) last = NULL;
  g_autoptr(RcrmLead) again = NULL;
  ItemsChanged changed = { 0 };
  gint64 started;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_signal_connect (model, "notify::loading", G_CALLBACK (on_loading), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == RCRM_TYPE_LEAD);

  lead_list_requests = 0;
  delay_ms = 0;
  started = g_get_monotonic_time ();
  rcrm_lead_list_model_set_query (model, query);
  g_assert_true (rcrm_lead_list_model_get_loading (model));
  wait_idle (model);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, BIG_TOTAL);
  g_assert_cmpuint (rcrm_lead_list_model_get_total (model), ==, BIG_TOTAL);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.position, ==, 0);
  g_assert_cmpuint (changed.removed, ==, 0);
  g_assert_cmpuint (changed.added, ==, BIG_TOTAL);
  g_assert_cmpuint (lead_list_requests, ==, 1);
  g_assert_cmpuint (rcrm_lead_list_model_get_n_pages (model), ==, 1);
  /* far from materialising 100,000 objects */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);

  /* the last row: a placeholder, filled in place */
  last = g_list_model_get_item (G_LIST_MODEL (model), BIG_TOTAL - 1);
  g_assert_true (RCRM_IS_LEAD (last));
  g_assert_false (rcrm_lead_get_loaded (last));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), BIG_TOTAL));
  wait_idle (model);
  g_assert_true (rcrm_lead_get_loaded (last));
  g_assert_cmpint (rcrm_lead_get_id (last), ==, 1);
  g_assert_cmpstr (rcrm_lead_get_name (last), ==, "ลีด 99999");
  again = g_list_model_get_item (G_LIST_MODEL (model), BIG_TOTAL - 1);
  g_assert_true (again == last);
  g_assert_cmpuint (lead_list_requests, ==, 2);
  g_assert_cmpuint (rcrm_lead_list_model_get_n_pages (model), ==, 2);

  /* a fast scroll over 30 pages, each asked for many times: each fetched once,
   * at most two at a time */
  delay_ms = 20;
  max_in_flight = 0;
  lead_list_requests = 0;
  for (guint round = 0; round < 3; round++)
    for (guint page = 10; page < 40; page++)
      for (guint i = 0; i < 200; i += 50)
        {
          g_autoptr(RcrmLead) item = g_list_model_get_item (G_LIST_MODEL (model), page * 200 + i);

          g_assert_nonnull (item);
        }
  g_assert_true (rcrm_lead_list_model_get_loading (model));
  wait_idle (model);
  g_assert_cmpuint (lead_list_requests, ==, 30);
  g_assert_cmpuint (max_in_flight, <=, 2);
  g_assert_cmpuint (rcrm_lead_list_model_get_max_in_flight (model), <=, 2);
  g_assert_cmpuint (rcrm_lead_list_model_get_n_pages (model), ==, 32);
  for (guint page = 10; page < 40; page++)
    {
      g_autoptr(RcrmLead) item = g_list_model_get_item (G_LIST_MODEL (model), page * 200 + 150);

      g_assert_true (rcrm_lead_get_loaded (item));
      g_assert_cmpint (rcrm_lead_get_id (item), ==, BIG_TOTAL - (page * 200 + 150));
    }
  g_assert_cmpuint (lead_list_requests, ==, 30);

  /* a new query replaces everything at once */
  delay_ms = 0;
  changed.count = 0;
  query->q = g_strdup ("สมชาย");
  rcrm_lead_list_model_set_query (model, query);
  wait_idle (model);
  g_assert_cmpuint (changed.count, ==, 1);
  g_assert_cmpuint (changed.removed, ==, BIG_TOTAL);
  g_assert_cmpuint (changed.added, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpuint (rcrm_lead_list_model_get_n_pages (model), ==, 1);
}

/* a long scroll keeps only the most recently used pages */
static void
test_model_evicts_pages (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (fake_url);
  g_autoptr(RcrmLeadListModel) model = rcrm_lead_list_model_new (client);
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(RcrmLead) held = NULL;
  g_autoptr(RcrmLead) again = NULL;
  g_autoptr(RcrmLead) recent = NULL;

  g_signal_connect (model, "notify::loading", G_CALLBACK (on_loading), NULL);
  delay_ms = 0;
  rcrm_lead_list_model_set_max_pages (model, 4);
  rcrm_lead_list_model_set_query (model, query);
  wait_idle (model);

  /* a row a view still shows, on page 1 */
  held = g_list_model_get_item (G_LIST_MODEL (model), 250);
  wait_idle (model);
  g_assert_true (rcrm_lead_get_loaded (held));

  lead_list_requests = 0;
  for (guint page = 2; page < 12; page++)
    {
      g_autoptr(RcrmLead) item = g_list_model_get_item (G_LIST_MODEL (model), page * 200 + 7);

      wait_idle (model);
      g_assert_true (rcrm_lead_get_loaded (item));
      g_assert_cmpint (rcrm_lead_get_id (item), ==, BIG_TOTAL - (page * 200 + 7));
      g_assert_cmpuint (rcrm_lead_list_model_get_n_pages (model), <=, 4);
    }
  g_assert_cmpuint (lead_list_requests, ==, 10);

  /* the row held by the view stays whole after its page went */
  g_assert_true (rcrm_lead_get_loaded (held));
  g_assert_cmpint (rcrm_lead_get_id (held), ==, BIG_TOTAL - 250);

  /* asked for again: a new placeholder, filled by a new request */
  again = g_list_model_get_item (G_LIST_MODEL (model), 250);
  g_assert_true (again != held);
  g_assert_false (rcrm_lead_get_loaded (again));
  wait_idle (model);
  g_assert_true (rcrm_lead_get_loaded (again));
  g_assert_cmpint (rcrm_lead_get_id (again), ==, BIG_TOTAL - 250);
  g_assert_cmpuint (lead_list_requests, ==, 11);

  /* a recently used page is still there: no request */
  recent = g_list_model_get_item (G_LIST_MODEL (model), 11 * 200 + 8);
  g_assert_true (rcrm_lead_get_loaded (recent));
  g_assert_cmpuint (lead_list_requests, ==, 11);
}

static gboolean
flag_true (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* lets the client take in answers for a while */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_true, &done);
  g_assert_true (tc_iterate_until (&done, 5));
}

/* a model given query: returns the number of GET /leads it cost */
static guint
requests_for_model (RcrmClient          *client,
                    const RcrmLeadQuery *query)
{
  g_autoptr(RcrmLeadListModel) model = rcrm_lead_list_model_new (client);
  guint before = lead_list_requests;

  g_signal_connect (model, "notify::loading", G_CALLBACK (on_loading), NULL);
  rcrm_lead_list_model_set_query (model, query);
  wait_idle (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, query->q != NULL ? 3 : BIG_TOTAL);
  {
    g_autoptr(RcrmLead) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_true (rcrm_lead_get_loaded (first));
    g_assert_cmpint (rcrm_lead_get_id (first), ==, query->q != NULL ? 3 : BIG_TOTAL);
  }
  return lead_list_requests - before;
}

/* the inbox's first page asked for ahead of the window (rcrm_client_prefetch_leads) */
static void
test_prefetch (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (fake_url);
  g_autoptr(RcrmLeadQuery) inbox = rcrm_lead_query_new ();
  g_autoptr(RcrmLeadQuery) search = rcrm_lead_query_new ();

  inbox->sort = g_strdup ("-last_activity_at");
  search->q = g_strdup ("ก");
  rcrm_client_set_token (client, "token-1");
  lead_list_requests = 0;

  /* still on its way when the model asks: the model waits for it */
  delay_ms = 50;
  rcrm_lead_list_model_prefetch (client, inbox);
  g_assert_cmpuint (requests_for_model (client, inbox), ==, 1);
  g_assert_cmpuint (lead_list_requests, ==, 1);

  /* already answered when the model asks: no request at all */
  delay_ms = 0;
  rcrm_lead_list_model_prefetch (client, inbox);
  spin (200);
  g_assert_cmpuint (lead_list_requests, ==, 2);
  g_assert_cmpuint (requests_for_model (client, inbox), ==, 0);

  /* once only: the next model asks the server */
  g_assert_cmpuint (requests_for_model (client, inbox), ==, 1);

  /* another query is not served by it */
  rcrm_lead_list_model_prefetch (client, inbox);
  spin (200);
  g_assert_cmpuint (requests_for_model (client, search), ==, 1);

  /* a new token drops it: the model asks for itself (the dropped request
   * still reaches the server meanwhile, hence two) */
  rcrm_lead_list_model_prefetch (client, inbox);
  rcrm_client_set_token (client, "token-2");
  g_assert_cmpuint (requests_for_model (client, inbox), ==, 2);

  /* without a token nothing is sent */
  rcrm_client_set_token (client, NULL);
  lead_list_requests = 0;
  rcrm_lead_list_model_prefetch (client, inbox);
  spin (100);
  g_assert_cmpuint (lead_list_requests, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* the default proxy resolver reads GSettings, which isolated dirs lack */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fake_start ();

  g_test_add_func ("/client-fake/protocol-errors", test_protocol_errors);
  g_test_add_func ("/client-fake/duplicate-details", test_duplicate_details);
  g_test_add_func ("/client-fake/list-all-follows-cursor", test_list_all_follows_cursor);
  g_test_add_func ("/client-fake/request-headers", test_request_headers);
  g_test_add_func ("/client-fake/lead-list-model/100k", test_model_100k);
  g_test_add_func ("/client-fake/prefetch", test_prefetch);
  g_test_add_func ("/client-fake/lead-list-model/evicts-pages", test_model_evicts_pages);

  status = g_test_run ();
  soup_server_disconnect (fake);
  g_clear_object (&fake);
  g_free (fake_url);
  return status;
}
