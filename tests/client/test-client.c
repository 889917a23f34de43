/* test-client.c — RcrmClient against the real rcrm-server (--demo) */
#include "config.h"

#include <string.h>

#include "client-fixture.h"
#include "rcrm-client-private.h"

static TcServer *server;

static const char *
url (void)
{
  return tc_server_url (server);
}

/* ---- errors and queries, no server ----------------------------------------------- */

static void
test_error_extended_copy (void)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) details = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;

  json_object_set_string_member (fields, "phone", "เบอร์โทรไม่ถูกต้อง");
  json_object_set_string_member (details, "action", "allow");
  error = rcrm_client_error_new_full (RCRM_CLIENT_ERROR_INVALID, 422, "invalid", "ข้อมูลบางช่องไม่ถูกต้อง",
                                      fields, details);
  copy = g_error_copy (error);
  g_clear_error (&error);

  g_assert_error (copy, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (copy->message, ==, "ข้อมูลบางช่องไม่ถูกต้อง");
  g_assert_cmpuint (rcrm_client_error_get_status (copy), ==, 422);
  g_assert_cmpstr (rcrm_client_error_get_server_code (copy), ==, "invalid");
  g_assert_cmpstr (rcrm_client_error_get_field_message (copy, "phone"), ==, "เบอร์โทรไม่ถูกต้อง");
  g_assert_null (rcrm_client_error_get_field_message (copy, "email"));
  g_assert_cmpstr (json_object_get_string_member (rcrm_client_error_get_details (copy), "action"), ==, "allow");

  /* other domains have none of it */
  g_clear_error (&error);
  error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");
  g_assert_null (rcrm_client_error_get_fields (error));
  g_assert_null (rcrm_client_error_get_details (error));
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 0);
}

static void
test_error_codes (void)
{
  static const struct { const char *code; guint status; RcrmClientError expected; } cases[] = {
    { "bad_request", 400, RCRM_CLIENT_ERROR_BAD_REQUEST },
    { "unauthorized", 401, RCRM_CLIENT_ERROR_UNAUTHORIZED },
    { "forbidden", 403, RCRM_CLIENT_ERROR_FORBIDDEN },
    { "admin_only", 403, RCRM_CLIENT_ERROR_ADMIN_ONLY },
    { "step_back_disabled", 403, RCRM_CLIENT_ERROR_STEP_BACK_DISABLED },
    { "price_edit_disabled", 403, RCRM_CLIENT_ERROR_PRICE_EDIT_DISABLED },
    { "erasure_disabled", 403, RCRM_CLIENT_ERROR_ERASURE_DISABLED },
    { "not_found", 404, RCRM_CLIENT_ERROR_NOT_FOUND },
    { "method_not_allowed", 405, RCRM_CLIENT_ERROR_METHOD_NOT_ALLOWED },
    { "append_only", 405, RCRM_CLIENT_ERROR_APPEND_ONLY },
    { "duplicate_lead", 409, RCRM_CLIENT_ERROR_DUPLICATE_LEAD },
    { "limit_reached", 409, RCRM_CLIENT_ERROR_LIMIT_REACHED },
    { "conflict", 409, RCRM_CLIENT_ERROR_CONFLICT },
    { "precondition_failed", 412, RCRM_CLIENT_ERROR_PRECONDITION_FAILED },
    { "precondition_required", 428, RCRM_CLIENT_ERROR_PRECONDITION_REQUIRED },
    { "too_large", 413, RCRM_CLIENT_ERROR_TOO_LARGE },
    { "unsupported_media_type", 415, RCRM_CLIENT_ERROR_UNSUPPORTED_MEDIA_TYPE },
    { "invalid", 422, RCRM_CLIENT_ERROR_INVALID },
    { "rate_limited", 429, RCRM_CLIENT_ERROR_RATE_LIMITED },
    { "internal", 500, RCRM_CLIENT_ERROR_SERVER },
    /* no or unknown code: the status decides */
    { NULL, 404, RCRM_CLIENT_ERROR_NOT_FOUND },
    { "some_new_code", 409, RCRM_CLIENT_ERROR_CONFLICT },
    { NULL, 502, RCRM_CLIENT_ERROR_SERVER },
    { NULL, 418, RCRM_CLIENT_ERROR_PROTOCOL },
    { NULL, 302, RCRM_CLIENT_ERROR_PROTOCOL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (rcrm_client_error_code_from_server (cases[i].code, cases[i].status), ==, cases[i].expected);
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_error_from_response (void)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = bytes_from_string ("{\"error\":{\"code\":\"invalid\",\"message\":\"bad\",\"fields\":{\"name\":\"required\"}}}");
  error = rcrm_client_error_new_from_response (422, body);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "bad");
  g_assert_cmpstr (rcrm_client_error_get_field_message (error, "name"), ==, "required");
  g_assert_null (rcrm_client_error_get_details (error));
  g_clear_error (&error);
  g_clear_pointer (&body, g_bytes_unref);

  /* a proxy's HTML page: the status and a message of our own */
  body = bytes_from_string ("<html>Bad Gateway</html>");
  error = rcrm_client_error_new_from_response (502, body);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_SERVER);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (rcrm_client_error_get_server_code (error));
  g_clear_error (&error);

  /* wrong types inside the error object are ignored, not trusted */
  g_clear_pointer (&body, g_bytes_unref);
  body = bytes_from_string ("{\"error\":{\"code\":5,\"message\":[],\"fields\":\"x\"}}");
  error = rcrm_client_error_new_from_response (403, body);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_FORBIDDEN);
  g_assert_null (rcrm_client_error_get_fields (error));
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_lead_query_string (void)
{
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(RcrmLeadQuery) copy = NULL;
  g_autofree char *text = NULL;

  text = rcrm_lead_query_to_string (query);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  query->q = g_strdup ("สม ชาย&x");
  query->state = g_strdup ("in_progress,closed");
  query->step = 0;
  query->owner_id = 3;
  query->sort = g_strdup ("-value");
  query->offset = 400;
  query->limit = 200;
  text = rcrm_lead_query_to_string (query);
  g_assert_cmpstr (text, ==,
                   "q=%E0%B8%AA%E0%B8%A1%20%E0%B8%8A%E0%B8%B2%E0%B8%A2%26x&state=in_progress%2Cclosed"
                   "&step=0&owner_id=3&sort=-value&offset=400&limit=200");

  copy = rcrm_lead_query_copy (query);
  g_assert_true (rcrm_lead_query_equal (query, copy));
  copy->offset = 0;
  g_assert_false (rcrm_lead_query_equal (query, copy));
  g_assert_true (rcrm_lead_query_equal_filters (query, copy));
  g_free (copy->q);
  copy->q = g_strdup ("x");
  g_assert_false (rcrm_lead_query_equal_filters (query, copy));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_lead_json (void)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(RcrmLead) lead = rcrm_lead_new ();
  g_autoptr(GError) error = NULL;
  guint notifications = 0;
  JsonObject *object;

  node = json_from_string ("{\"id\":7,\"name\":\"นายสมชายใจดี\",\"company\":null,\"phone\":\"+66812345678\","
                           "\"email\":null,\"tax_id\":null,\"source\":\"LINE\",\"value\":123450,\"owner_id\":2,"
                           "\"pipeline_id\":1,\"step\":2,\"state\":\"in_progress\",\"account_id\":null,"
                           "\"label_ids\":[1,4],\"custom\":{},\"unfollow_reason\":null,"
                           "\"created_at\":\"2026-11-23T09:30:00Z\",\"updated_at\":\"2026-11-23T09:30:00Z\","
                           "\"last_activity_at\":\"2026-11-23T09:30:00Z\",\"version\":3,\"future\":true}", &error);
  g_assert_no_error (error);
  object = json_node_get_object (node);

  g_assert_false (rcrm_lead_get_loaded (lead));
  g_signal_connect (lead, "notify", G_CALLBACK (count_notify), &notifications);
  g_assert_true (rcrm_lead_update_from_json (lead, object, &error));
  g_assert_no_error (error);
  g_assert_true (rcrm_lead_get_loaded (lead));
  g_assert_cmpint (rcrm_lead_get_id (lead), ==, 7);
  g_assert_cmpstr (rcrm_lead_get_name (lead), ==, "นายสมชายใจดี");
  g_assert_null (rcrm_lead_get_company (lead));
  g_assert_cmpint (rcrm_lead_get_value (lead), ==, 123450);
  g_assert_cmpint (rcrm_lead_get_step (lead), ==, 2);
  g_assert_cmpint (rcrm_lead_get_account_id (lead), ==, 0);
  g_assert_cmpuint (rcrm_lead_get_label_ids (lead)->len, ==, 2);
  g_assert_true (rcrm_lead_has_label (lead, 4));
  g_assert_false (rcrm_lead_has_label (lead, 2));
  g_assert_cmpint (rcrm_lead_get_version (lead), ==, 3);
  g_assert_cmpuint (notifications, >, 0);

  /* the same data again: no notification at all */
  notifications = 0;
  g_assert_true (rcrm_lead_update_from_json (lead, object, &error));
  g_assert_cmpuint (notifications, ==, 0);

  /* one member changes: one notification */
  json_object_set_string_member (object, "name", "สมชาย");
  g_assert_true (rcrm_lead_update_from_json (lead, object, &error));
  g_assert_cmpuint (notifications, ==, 1);

  /* wrong types: PROTOCOL, and the lead stays as it was */
  notifications = 0;
  json_object_set_string_member (object, "value", "123450");
  g_assert_false (rcrm_lead_update_from_json (lead, object, &error));
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "value"));
  g_clear_error (&error);
  g_assert_cmpint (rcrm_lead_get_value (lead), ==, 123450);
  g_assert_cmpuint (notifications, ==, 0);

  json_object_set_int_member (object, "value", 1);
  json_object_set_array_member (object, "label_ids", json_array_new ());
  json_array_add_string_element (json_object_get_array_member (object, "label_ids"), "1");
  g_assert_null (rcrm_lead_new_from_json (object, &error));
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
  g_clear_error (&error);

  json_object_set_array_member (object, "label_ids", json_array_new ());
  json_object_remove_member (object, "id");
  g_assert_null (rcrm_lead_new_from_json (object, &error));
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
  g_clear_error (&error);

  json_object_set_int_member (object, "id", 7);
  json_object_set_double_member (object, "step", 1.5);
  g_assert_null (rcrm_lead_new_from_json (object, &error));
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
}

/* ---- session ------------------------------------------------------------------- */

static void
count_signal (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_login_success (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (url ());
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmUser) user = NULL;
  g_autoptr(RcrmUser) me = NULL;
  g_autoptr(GError) error = NULL;
  guint token_notifies = 0;

  g_signal_connect (client, "notify::token", G_CALLBACK (count_notify), &token_notifies);
  g_assert_null (rcrm_client_get_token (client));
  rcrm_client_login_async (client, "somchai", TC_DEMO_PASSWORD, NULL, tc_store_result, &result);
  user = rcrm_client_login_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_true (RCRM_IS_USER (user));
  g_assert_cmpstr (rcrm_user_get_username (user), ==, "somchai");
  g_assert_cmpstr (rcrm_user_get_display_name (user), ==, "สมชาย ใจดี");
  g_assert_cmpstr (rcrm_user_get_role (user), ==, "user");
  g_assert_false (rcrm_user_is_admin (user));
  g_assert_true (rcrm_user_get_active (user));
  g_assert_nonnull (rcrm_client_get_token (client));
  g_assert_cmpuint (token_notifies, ==, 1);
  g_assert_true (rcrm_client_get_user (client) == user);

  g_clear_object (&result);
  rcrm_client_get_me_async (client, NULL, tc_store_result, &result);
  me = rcrm_client_get_me_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_user_get_id (me), ==, rcrm_user_get_id (user));
  g_assert_cmpstr (rcrm_user_get_phone (me), ==, "+66812345678");
  g_assert_cmpstr (rcrm_user_get_email (me), ==, "somchai@rcrm-demo.co.th");
  g_assert_cmpint (rcrm_user_get_version (me), >, 0);
  g_assert_true (rcrm_client_get_user (client) == me);
}

static GError *
login_error (RcrmClient *client,
             const char *username,
             const char *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmUser) user = NULL;
  GError *error = NULL;

  rcrm_client_login_async (client, username, password, NULL, tc_store_result, &result);
  user = rcrm_client_login_finish (client, tc_await (&result), &error);
  g_assert_null (user);
  g_assert_nonnull (error);
  return error;
}

static gboolean
has_thai (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x0E00 && g_utf8_get_char (p) <= 0x0E7F)
      return TRUE;
  return FALSE;
}

static void
test_login_failure (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (url ());
  g_autoptr(GError) error = NULL;
  guint unauthorized = 0;

  g_signal_connect_swapped (client, "unauthorized", G_CALLBACK (count_signal), &unauthorized);

  /* English */
  rcrm_client_set_language (client, "en");
  error = login_error (client, "sudarat", "wrong-password");
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 401);
  g_assert_cmpstr (rcrm_client_error_get_server_code (error), ==, "unauthorized");
  g_assert_cmpstr (error->message, ==, "Wrong username or password.");
  g_assert_null (rcrm_client_get_token (client));
  g_clear_error (&error);

  /* Thai, from the "language" property */
  rcrm_client_set_language (client, "th");
  error = login_error (client, "sudarat", "wrong-password");
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
  g_clear_error (&error);

  /* a wrong password is not an expired session */
  g_assert_cmpuint (unauthorized, ==, 0);

  /* an unknown user reads the same */
  error = login_error (client, "nobody-here", "whatever-1");
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
  g_clear_error (&error);

  /* empty fields: 422 with fields */
  error = login_error (client, "", "");
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "username"));
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "password"));
}

static void
test_login_thai_locale (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  g_autoptr(RcrmClient) client = NULL;
  g_autoptr(GError) error = NULL;

  /* no "language": Accept-Language comes from g_get_language_names () */
  g_setenv ("LANGUAGE", "th_TH:th", TRUE);
  client = rcrm_client_new (url ());
  g_assert_null (rcrm_client_get_language (client));
  error = login_error (client, "wichai", "wrong-password");
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpstr (error->message, ==, "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");
  g_clear_error (&error);
  g_clear_object (&client);

  g_setenv ("LANGUAGE", "en_US:en", TRUE);
  client = rcrm_client_new (url ());
  error = login_error (client, "wichai", "wrong-password");
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_false (has_thai (error->message));

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static void
test_login_rate_limited (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (url ());
  g_autoptr(GError) error = NULL;
  guint i;

  rcrm_client_set_language (client, "th");
  for (i = 0; i < 10; i++)
    {
      g_clear_error (&error);
      error = login_error (client, "rate-limit-probe", "wrong-password");
      if (!g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED))
        break;
    }
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_RATE_LIMITED);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 429);
  g_assert_true (has_thai (error->message));
}

static void
test_session_unauthorized (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (url ());
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmLeadPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_token = NULL;
  guint unauthorized = 0;

  g_signal_connect_swapped (client, "unauthorized", G_CALLBACK (count_signal), &unauthorized);

  /* no token */
  rcrm_client_list_leads_async (client, NULL, NULL, tc_store_result, &result);
  page = rcrm_client_list_leads_finish (client, tc_await (&result), &error);
  g_assert_null (page);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (unauthorized, ==, 1);
  g_clear_error (&error);
  g_clear_object (&result);

  /* sign in, out; the old token is dead */
  g_clear_object (&client);
  client = tc_client_signed_in (url (), "nok", TC_DEMO_PASSWORD);
  g_signal_connect_swapped (client, "unauthorized", G_CALLBACK (count_signal), &unauthorized);
  old_token = g_strdup (rcrm_client_get_token (client));
  rcrm_client_logout_async (client, NULL, tc_store_result, &result);
  g_assert_true (rcrm_client_logout_finish (client, tc_await (&result), &error));
  g_assert_no_error (error);
  g_assert_null (rcrm_client_get_token (client));
  g_assert_null (rcrm_client_get_user (client));
  g_clear_object (&result);

  rcrm_client_set_token (client, old_token);
  rcrm_client_get_me_async (client, NULL, tc_store_result, &result);
  g_assert_null (rcrm_client_get_me_finish (client, tc_await (&result), &error));
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (unauthorized, ==, 2);
  g_clear_error (&error);
  g_clear_object (&result);

  /* signing out with a dead token still signs out */
  rcrm_client_logout_async (client, NULL, tc_store_result, &result);
  g_assert_true (rcrm_client_logout_finish (client, tc_await (&result), &error));
  g_assert_no_error (error);
  g_assert_null (rcrm_client_get_token (client));
}

/* ---- reference data -------------------------------------------------------------- */

static void
test_reference_data (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (url (), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmClient) admin = tc_client_signed_in (url (), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) pipelines = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_somchai = FALSE, found_standard = FALSE, found_personal = FALSE;
  gint64 me = rcrm_user_get_id (rcrm_client_get_user (client));

  /* everyone reads the directory */
  rcrm_client_list_directory_async (client, NULL, tc_store_result, &result);
  users = rcrm_client_list_directory_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, >=, 7);   /* admin and six demo users */
  for (guint i = 0; i < users->len; i++)
    {
      RcrmUser *user = g_ptr_array_index (users, i);

      g_assert_true (RCRM_IS_USER (user));
      /* names and roles only */
      g_assert_null (rcrm_user_get_phone (user));
      if (g_strcmp0 (rcrm_user_get_username (user), "somchai") == 0)
        {
          found_somchai = TRUE;
          g_assert_cmpint (rcrm_user_get_id (user), ==, me);
          g_assert_true (rcrm_user_get_active (user));
          g_assert_cmpint (rcrm_user_get_team_id (user), >, 0);
        }
    }
  g_assert_true (found_somchai);
  g_clear_pointer (&users, g_ptr_array_unref);
  g_clear_object (&result);

  /* the full user list is for administrators */
  rcrm_client_list_users_async (client, NULL, tc_store_result, &result);
  users = rcrm_client_list_users_finish (client, tc_await (&result), &error);
  g_assert_null (users);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ADMIN_ONLY);
  g_clear_error (&error);
  g_clear_object (&result);

  rcrm_client_list_users_async (admin, NULL, tc_store_result, &result);
  users = rcrm_client_list_users_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, >=, 7);
  found_somchai = FALSE;
  for (guint i = 0; i < users->len; i++)
    if (g_strcmp0 (rcrm_user_get_username (g_ptr_array_index (users, i)), "somchai") == 0)
      {
        found_somchai = TRUE;
        g_assert_cmpstr (rcrm_user_get_phone (g_ptr_array_index (users, i)), ==, "+66812345678");
        g_assert_cmpint (rcrm_user_get_version (g_ptr_array_index (users, i)), >, 0);
      }
  g_assert_true (found_somchai);
  g_clear_object (&result);

  rcrm_client_list_pipelines_async (client, NULL, tc_store_result, &result);
  pipelines = rcrm_client_list_pipelines_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pipelines->len, >=, 1);
  for (guint i = 0; i < pipelines->len; i++)
    {
      RcrmPipeline *pipeline = g_ptr_array_index (pipelines, i);

      g_assert_cmpuint (rcrm_pipeline_get_n_steps (pipeline), >=, 2);
      if (rcrm_pipeline_get_standard (pipeline))
        {
          found_standard = TRUE;
          g_assert_cmpuint (rcrm_pipeline_get_n_steps (pipeline), ==, 4);
          g_assert_cmpstr (rcrm_pipeline_get_step_name (pipeline, 0), ==, "ติดต่อ");
          g_assert_cmpstr (rcrm_pipeline_get_step_name (pipeline, 3), ==, "ปิดการขาย");
          g_assert_null (rcrm_pipeline_get_step_name (pipeline, 4));
        }
    }
  g_assert_true (found_standard);
  g_clear_object (&result);

  rcrm_client_list_labels_async (client, NULL, tc_store_result, &result);
  labels = rcrm_client_list_labels_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, >, 0);
  for (guint i = 0; i < labels->len; i++)
    {
      RcrmLabel *label = g_ptr_array_index (labels, i);

      g_assert_nonnull (rcrm_label_get_name (label));
      g_assert_nonnull (rcrm_label_get_color (label));
      if (rcrm_label_is_system (label))
        g_assert_cmpint (rcrm_label_get_owner_id (label), ==, 0);
      else
        {
          /* only the caller's own personal labels */
          g_assert_cmpstr (rcrm_label_get_kind (label), ==, "personal");
          g_assert_cmpint (rcrm_label_get_owner_id (label), ==, me);
          found_personal = TRUE;
        }
    }
  g_assert_true (found_personal);
  g_clear_object (&result);

  rcrm_client_get_settings_async (client, NULL, tc_store_result, &result);
  settings = rcrm_client_get_settings_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_false (json_object_get_boolean_member (settings, "allow_step_back"));
  g_assert_cmpint (json_object_get_int_member (settings, "version"), >, 0);
  g_assert_true (json_object_has_member (settings, "lead_sources"));
}

/* ---- leads ------------------------------------------------------------------------ */

static RcrmLeadPage *
list_leads (RcrmClient          *client,
            const RcrmLeadQuery *query,
            GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_list_leads_async (client, query, NULL, tc_store_result, &result);
  return rcrm_client_list_leads_finish (client, tc_await (&result), error);
}

static void
test_leads_list (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (url (), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(RcrmLeadPage) page = NULL;
  g_autoptr(RcrmLeadPage) all = NULL;
  g_autoptr(RcrmLeadPage) next = NULL;
  g_autoptr(GError) error = NULL;
  gint64 me = rcrm_user_get_id (rcrm_client_get_user (client));
  gint64 inbox_total, unfollowed_total;

  /* the inbox: in progress and closed */
  page = list_leads (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page->total, >, 0);
  g_assert_cmpuint (page->items->len, ==, MIN (page->total, 50));
  for (guint i = 0; i < page->items->len; i++)
    {
      RcrmLead *lead = g_ptr_array_index (page->items, i);

      g_assert_true (rcrm_lead_get_loaded (lead));
      g_assert_cmpint (rcrm_lead_get_id (lead), >, 0);
      g_assert_cmpstr (rcrm_lead_get_state (lead), !=, "unfollowed");
    }
  inbox_total = page->total;
  g_clear_pointer (&page, rcrm_lead_page_free);

  /* the unfollowed box */
  query->state = g_strdup ("unfollowed");
  query->limit = 500;
  page = list_leads (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page->total, >, 0);
  for (guint i = 0; i < page->items->len; i++)
    {
      RcrmLead *lead = g_ptr_array_index (page->items, i);

      g_assert_cmpstr (rcrm_lead_get_state (lead), ==, "unfollowed");
      g_assert_true (rcrm_lead_is_unfollowed (lead));
      g_assert_nonnull (rcrm_lead_get_unfollow_reason (lead));
    }
  unfollowed_total = page->total;
  g_clear_pointer (&page, rcrm_lead_page_free);

  g_free (query->state);
  query->state = g_strdup ("all");
  all = list_leads (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (all->total, ==, inbox_total + unfollowed_total);

  /* Thai search without spaces: สมชาย finds นายสมชายใจดี */
  g_clear_pointer (&query->state, g_free);
  query->q = g_strdup ("สมชาย");
  page = list_leads (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page->total, ==, 1);
  g_assert_cmpuint (page->items->len, ==, 1);
  g_assert_cmpstr (rcrm_lead_get_name (g_ptr_array_index (page->items, 0)), ==, "นายสมชายใจดี");
  g_assert_null (page->next_cursor);
  g_clear_pointer (&page, rcrm_lead_page_free);

  /* owner and pipeline filters */
  g_clear_pointer (&query->q, g_free);
  query->owner_id = me;
  query->state = g_strdup ("all");
  page = list_leads (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page->total, >, 0);
  g_assert_cmpint (page->total, <, all->total);
  for (guint i = 0; i < page->items->len; i++)
    g_assert_cmpint (rcrm_lead_get_owner_id (g_ptr_array_index (page->items, i)), ==, me);
  g_clear_pointer (&page, rcrm_lead_page_free);

  query->owner_id = 0;
  query->pipeline_id = rcrm_lead_get_pipeline_id (g_ptr_array_index (all->items, 0));
  query->step = 0;
  page = list_leads (client, query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < page->items->len; i++)
    {
      RcrmLead *lead = g_ptr_array_index (page->items, i);

      g_assert_cmpint (rcrm_lead_get_pipeline_id (lead), ==, query->pipeline_id);
      g_assert_cmpint (rcrm_lead_get_step (lead), ==, 0);
    }
  g_clear_pointer (&page, rcrm_lead_page_free);

  /* sorted by name */
  query->pipeline_id = 0;
  query->step = -1;
  query->sort = g_strdup ("name");
  query->limit = 20;
  page = list_leads (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 20);
  g_assert_nonnull (page->next_cursor);

  /* the cursor gives the next 20; offset gives the same rows */
  query->cursor = g_strdup (page->next_cursor);
  next = list_leads (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (next->items->len, ==, 20);
  g_assert_cmpint (next->total, ==, page->total);
  g_clear_pointer (&query->cursor, g_free);
  query->offset = 20;
  g_clear_pointer (&page, rcrm_lead_page_free);
  page = list_leads (client, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->items->len, ==, 20);
  for (guint i = 0; i < 20; i++)
    g_assert_cmpint (rcrm_lead_get_id (g_ptr_array_index (page->items, i)), ==,
                     rcrm_lead_get_id (g_ptr_array_index (next->items, i)));
  g_clear_pointer (&page, rcrm_lead_page_free);

  /* a bad filter is the server's 400 */
  query->offset = 0;
  g_free (query->sort);
  query->sort = g_strdup ("colour");
  page = list_leads (client, query, &error);
  g_assert_null (page);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_BAD_REQUEST);
}

static RcrmLead *
create_lead (RcrmClient  *client,
             JsonObject  *fields,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_create_lead_async (client, fields, NULL, tc_store_result, &result);
  return rcrm_client_create_lead_finish (client, tc_await (&result), error);
}

static void
test_leads_create (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (url (), "anan", TC_DEMO_PASSWORD);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(RcrmPipeline) standard = tc_standard_pipeline (client);
  g_autoptr(GError) error = NULL;
  const char *source;

  rcrm_client_get_settings_async (client, NULL, tc_store_result, &result);
  settings = rcrm_client_get_settings_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  source = json_array_get_string_element (json_object_get_array_member (settings, "lead_sources"), 0);

  json_object_set_string_member (fields, "name", "บริษัท ทดสอบลูกค้า จำกัด");
  json_object_set_string_member (fields, "company", "ทดสอบลูกค้า");
  json_object_set_string_member (fields, "source", source);
  json_object_set_string_member (fields, "phone", "081-234-5679");
  json_object_set_int_member (fields, "value", 1500000);
  lead = create_lead (client, fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_lead_get_id (lead), >, 0);
  g_assert_cmpstr (rcrm_lead_get_name (lead), ==, "บริษัท ทดสอบลูกค้า จำกัด");
  g_assert_cmpstr (rcrm_lead_get_phone (lead), ==, "+66812345679");
  g_assert_cmpint (rcrm_lead_get_value (lead), ==, 1500000);
  /* anan's team hands out no leads: the creator owns it */
  g_assert_cmpint (rcrm_lead_get_owner_id (lead), ==, rcrm_user_get_id (rcrm_client_get_user (client)));
  g_assert_cmpint (rcrm_lead_get_pipeline_id (lead), ==, rcrm_pipeline_get_id (standard));
  g_assert_cmpint (rcrm_lead_get_step (lead), ==, 0);
  g_assert_cmpstr (rcrm_lead_get_state (lead), ==, "in_progress");
  g_assert_cmpint (rcrm_lead_get_version (lead), ==, 1);
  g_assert_true (rcrm_lead_get_loaded (lead));
  g_clear_object (&lead);

  /* R1: a way to reach the customer; a bad e-mail — 422 with every field */
  json_object_remove_member (fields, "phone");
  lead = create_lead (client, fields, &error);
  g_assert_null (lead);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 422);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "phone"));
  g_clear_error (&error);

  json_object_set_string_member (fields, "email", "not-an-email");
  json_object_set_string_member (fields, "source", "ไม่มีในรายการ");
  lead = create_lead (client, fields, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "email"));
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "source"));
  g_clear_error (&error);

  /* no mass assignment: unknown members are a 400 */
  json_object_set_string_member (fields, "email", "buyer@example.co.th");
  json_object_set_string_member (fields, "source", source);
  json_object_set_int_member (fields, "version", 9);
  lead = create_lead (client, fields, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_BAD_REQUEST);
}

static RcrmLead *
update_lead (RcrmClient  *client,
             gint64       id,
             gint64       version,
             JsonObject  *changes,
             GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_update_lead_async (client, id, version, changes, NULL, tc_store_result, &result);
  return rcrm_client_update_lead_finish (client, tc_await (&result), error);
}

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
test_leads_update (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (url (), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmClient) other = tc_client_signed_in (url (), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmLead) lead = tc_create_lead (client, "ลีดแก้ไขพร้อมกัน");
  g_autoptr(RcrmLead) theirs = NULL;
  g_autoptr(RcrmLead) mine = NULL;
  g_autoptr(RcrmLead) fresh = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GError) error = NULL;
  gint64 id = rcrm_lead_get_id (lead);
  guint notifications = 0;

  g_assert_cmpint (rcrm_lead_get_version (lead), ==, 1);

  /* someone else saves first */
  json_object_set_string_member (changes, "company", "บริษัทของเขา");
  theirs = update_lead (other, id, 1, changes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_lead_get_version (theirs), ==, 2);
  g_assert_cmpstr (rcrm_lead_get_company (theirs), ==, "บริษัทของเขา");

  /* our stale version 1 is refused */
  rcrm_client_set_language (client, "th");
  json_object_set_string_member (changes, "company", "บริษัทของเรา");
  mine = update_lead (client, id, 1, changes, &error);
  g_assert_null (mine);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 412);
  g_assert_true (has_thai (error->message));
  g_clear_error (&error);

  /* the newer version is there to reload, in place */
  g_signal_connect (lead, "notify::company", G_CALLBACK (count_notify), &notifications);
  fresh = get_lead (client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_lead_get_version (fresh), ==, 2);
  g_assert_cmpstr (rcrm_lead_get_company (fresh), ==, "บริษัทของเขา");
  rcrm_lead_update_from_lead (lead, fresh);
  g_assert_cmpuint (notifications, ==, 1);
  g_assert_cmpint (rcrm_lead_get_version (lead), ==, 2);

  /* and with it the change goes through */
  mine = update_lead (client, id, rcrm_lead_get_version (lead), changes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_lead_get_version (mine), ==, 3);
  g_assert_cmpstr (rcrm_lead_get_company (mine), ==, "บริษัทของเรา");

  /* step and owner change through /move and /assign only */
  g_clear_object (&mine);
  json_object_set_int_member (changes, "step", 2);
  mine = update_lead (client, id, 3, changes, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_BAD_REQUEST);
}

static RcrmLead *
move_lead (RcrmClient  *client,
           gint64       id,
           gint64       pipeline_id,
           guint        step,
           GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_move_lead_async (client, id, pipeline_id, step, NULL, tc_store_result, &result);
  return rcrm_client_move_lead_finish (client, tc_await (&result), error);
}

static GPtrArray *
get_timeline (RcrmClient  *client,
              gint64       id,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_get_timeline_async (client, id, NULL, tc_store_result, &result);
  return rcrm_client_get_timeline_finish (client, tc_await (&result), error);
}

static void
test_leads_move (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (url (), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmLead) lead = tc_create_lead (client, "ลีดย้ายขั้นตอน");
  g_autoptr(RcrmLead) moved = NULL;
  g_autoptr(GPtrArray) pipelines = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = rcrm_lead_get_id (lead);
  RcrmPipeline *custom = NULL;
  RcrmTimelineEntry *last;

  /* forward two steps */
  moved = move_lead (client, id, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_lead_get_step (moved), ==, 2);
  g_assert_cmpint (rcrm_lead_get_version (moved), ==, 2);
  g_clear_object (&moved);

  /* back one: turned off for users (R8) */
  rcrm_client_set_language (client, "th");
  moved = move_lead (client, id, 0, 1, &error);
  g_assert_null (moved);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_STEP_BACK_DISABLED);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 403);
  g_assert_cmpstr (error->message, ==, "ผู้ดูแลระบบปิดการย้อนกลับไปขั้นตอนก่อนหน้า");
  g_clear_error (&error);

  /* a step that does not exist */
  moved = move_lead (client, id, 0, 9, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "step"));
  g_clear_error (&error);

  /* the last step closes it */
  moved = move_lead (client, id, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rcrm_lead_get_state (moved), ==, "closed");
  g_clear_object (&moved);

  /* another pipeline, any step there (R9) */
  rcrm_client_list_pipelines_async (client, NULL, tc_store_result, &result);
  pipelines = rcrm_client_list_pipelines_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pipelines->len; i++)
    if (!rcrm_pipeline_get_standard (g_ptr_array_index (pipelines, i)))
      custom = g_ptr_array_index (pipelines, i);
  g_assert_nonnull (custom);
  moved = move_lead (client, id, rcrm_pipeline_get_id (custom), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_lead_get_pipeline_id (moved), ==, rcrm_pipeline_get_id (custom));
  g_assert_cmpint (rcrm_lead_get_step (moved), ==, 0);
  g_assert_cmpstr (rcrm_lead_get_state (moved), ==, "in_progress");

  timeline = get_timeline (client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 5);   /* created, step, step, account_linked (R3), pipeline */
  g_assert_cmpstr (rcrm_timeline_entry_get_kind (g_ptr_array_index (timeline, 0)), ==, "created");
  g_assert_cmpstr (rcrm_timeline_entry_get_kind (g_ptr_array_index (timeline, 1)), ==, "step");
  g_assert_cmpint (json_object_get_int_member (rcrm_timeline_entry_get_data (g_ptr_array_index (timeline, 1)), "to"),
                   ==, 2);
  g_assert_cmpstr (rcrm_timeline_entry_get_kind (g_ptr_array_index (timeline, 3)), ==, "account_linked");
  last = g_ptr_array_index (timeline, 4);
  g_assert_cmpstr (rcrm_timeline_entry_get_kind (last), ==, "pipeline");
  g_assert_cmpint (json_object_get_int_member (rcrm_timeline_entry_get_data (last), "to_pipeline_id"), ==,
                   rcrm_pipeline_get_id (custom));
  g_assert_false (rcrm_timeline_entry_is_note (last));
}

static void
test_leads_unfollow_restore (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (url (), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmLead) lead = tc_create_lead (client, "ลีดเลิกติดตาม");
  g_autoptr(RcrmLead) changed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = rcrm_lead_get_id (lead);

  /* a reason is required */
  rcrm_client_unfollow_lead_async (client, id, "  ", NULL, tc_store_result, &result);
  changed = rcrm_client_unfollow_lead_finish (client, tc_await (&result), &error);
  g_assert_null (changed);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "reason"));
  g_clear_error (&error);
  g_clear_object (&result);

  /* restoring a followed lead is a conflict */
  rcrm_client_restore_lead_async (client, id, NULL, tc_store_result, &result);
  changed = rcrm_client_restore_lead_finish (client, tc_await (&result), &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_object (&result);

  rcrm_client_unfollow_lead_async (client, id, "ลูกค้าไม่มีงบประมาณ", NULL, tc_store_result, &result);
  changed = rcrm_client_unfollow_lead_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rcrm_lead_get_state (changed), ==, "unfollowed");
  g_assert_cmpstr (rcrm_lead_get_unfollow_reason (changed), ==, "ลูกค้าไม่มีงบประมาณ");
  g_clear_object (&changed);
  g_clear_object (&result);

  /* it cannot move while unfollowed */
  changed = move_lead (client, id, 0, 1, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_CONFLICT);
  g_clear_error (&error);

  rcrm_client_restore_lead_async (client, id, NULL, tc_store_result, &result);
  changed = rcrm_client_restore_lead_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rcrm_lead_get_state (changed), ==, "in_progress");
  g_assert_null (rcrm_lead_get_unfollow_reason (changed));
  g_assert_cmpint (rcrm_lead_get_step (changed), ==, 0);
}

static RcrmTimelineEntry *
add_note (RcrmClient  *client,
          gint64       id,
          const char  *body,
          gint64       corrects,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_add_note_async (client, id, body, corrects, NULL, tc_store_result, &result);
  return rcrm_client_add_note_finish (client, tc_await (&result), error);
}

static void
test_leads_notes_timeline (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (url (), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmLead) lead = tc_create_lead (client, "ลีดบันทึกการติดตาม");
  g_autoptr(RcrmTimelineEntry) note = NULL;
  g_autoptr(RcrmTimelineEntry) correction = NULL;
  g_autoptr(RcrmTimelineEntry) bad = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 id = rcrm_lead_get_id (lead);
  gint64 me = rcrm_user_get_id (rcrm_client_get_user (client));
  RcrmTimelineEntry *entry;

  note = add_note (client, id, "โทรคุยแล้ว ลูกค้าสนใจแพ็กเกจ 50,000 บาท", 0, &error);
  g_assert_no_error (error);
  g_assert_true (rcrm_timeline_entry_is_note (note));
  g_assert_cmpint (rcrm_timeline_entry_get_lead_id (note), ==, id);
  g_assert_cmpint (rcrm_timeline_entry_get_author_id (note), ==, me);
  g_assert_cmpstr (rcrm_timeline_entry_get_body (note), ==, "โทรคุยแล้ว ลูกค้าสนใจแพ็กเกจ 50,000 บาท");
  g_assert_cmpint (rcrm_timeline_entry_get_corrects_note_id (note), ==, 0);
  g_assert_nonnull (rcrm_timeline_entry_get_created_at (note));

  correction = add_note (client, id, "แก้ไข: แพ็กเกจ 55,000 บาท", rcrm_timeline_entry_get_id (note), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_timeline_entry_get_corrects_note_id (correction), ==, rcrm_timeline_entry_get_id (note));

  /* a correction must point at a note of this lead */
  bad = add_note (client, id, "ผิดลีด", 999999, &error);
  g_assert_null (bad);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "corrects_note_id"));
  g_clear_error (&error);

  /* R5: notes are append-only, whatever the method */
  path = g_strdup_printf ("/leads/%" G_GINT64_FORMAT "/notes/%" G_GINT64_FORMAT, id,
                          rcrm_timeline_entry_get_id (note));
  body = json_from_string ("{\"body\": \"เปลี่ยน\"}", NULL);
  rcrm_client_call_async (client, "PATCH", path, body, 0, NULL, tc_store_result, &result);
  answer = rcrm_client_call_finish (client, tc_await (&result), &error);
  g_assert_null (answer);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_APPEND_ONLY);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 405);
  g_clear_error (&error);
  g_clear_object (&result);

  rcrm_client_call_async (client, "DELETE", path, NULL, 0, NULL, tc_store_result, &result);
  answer = rcrm_client_call_finish (client, tc_await (&result), &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_APPEND_ONLY);
  g_clear_error (&error);

  timeline = get_timeline (client, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, ==, 3);
  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpstr (rcrm_timeline_entry_get_kind (entry), ==, "created");
  g_assert_nonnull (rcrm_timeline_entry_get_data (entry));
  g_assert_cmpint (rcrm_timeline_entry_get_actor_id (entry), ==, me);
  entry = g_ptr_array_index (timeline, 1);
  g_assert_cmpint (rcrm_timeline_entry_get_id (entry), ==, rcrm_timeline_entry_get_id (note));
  g_assert_cmpstr (rcrm_timeline_entry_get_body (entry), ==, rcrm_timeline_entry_get_body (note));
  g_assert_null (rcrm_timeline_entry_get_data (entry));
  entry = g_ptr_array_index (timeline, 2);
  g_assert_cmpint (rcrm_timeline_entry_get_corrects_note_id (entry), ==, rcrm_timeline_entry_get_id (note));
}

static void
test_leads_assign (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (url (), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmClient) admin = tc_client_signed_in (url (), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(RcrmLead) lead = tc_create_lead (client, "ลีดมอบหมาย");
  g_autoptr(RcrmUser) malee = tc_find_user (client, "malee");
  g_autoptr(RcrmLead) assigned = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = rcrm_lead_get_id (lead);
  RcrmTimelineEntry *last;

  g_assert_true (rcrm_user_is_admin (rcrm_client_get_user (admin)));

  /* a plain user does not assign */
  rcrm_client_assign_lead_async (client, id, rcrm_user_get_id (malee), NULL, tc_store_result, &result);
  assigned = rcrm_client_assign_lead_finish (client, tc_await (&result), &error);
  g_assert_null (assigned);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_clear_object (&result);

  rcrm_client_assign_lead_async (admin, id, rcrm_user_get_id (malee), NULL, tc_store_result, &result);
  assigned = rcrm_client_assign_lead_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_lead_get_owner_id (assigned), ==, rcrm_user_get_id (malee));

  timeline = get_timeline (admin, id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_cmpstr (rcrm_timeline_entry_get_kind (last), ==, "owner");
  g_assert_cmpint (json_object_get_int_member (rcrm_timeline_entry_get_data (last), "to"), ==,
                   rcrm_user_get_id (malee));
}

static void
test_leads_not_found (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (url (), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_set_language (client, "th");
  lead = get_lead (client, 987654321, &error);
  g_assert_null (lead);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 404);
  g_assert_true (has_thai (error->message));
  g_clear_error (&error);

  timeline = get_timeline (client, 987654321, &error);
  g_assert_null (timeline);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);
}

/* ---- transport ------------------------------------------------------------------------- */

static void
test_call_generic (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (url ());
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_call_async (client, "GET", "/health", NULL, 0, NULL, tc_store_result, &result);
  answer = rcrm_client_call_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (answer));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (answer), "status"), ==, "ok");
  g_clear_object (&result);
  g_clear_pointer (&answer, json_node_unref);

  rcrm_client_call_async (client, "GET", "/no/such/thing", NULL, 0, NULL, tc_store_result, &result);
  answer = rcrm_client_call_finish (client, tc_await (&result), &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);

  rcrm_client_call_async (client, "PUT", "/health", NULL, 0, NULL, tc_store_result, &result);
  answer = rcrm_client_call_finish (client, tc_await (&result), &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_METHOD_NOT_ALLOWED);
}

static void
test_cancel (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (url (), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmLeadPage) page = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_list_leads_async (client, NULL, cancellable, tc_store_result, &result);
  g_cancellable_cancel (cancellable);
  page = rcrm_client_list_leads_finish (client, tc_await (&result), &error);
  g_assert_null (page);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_network_error (void)
{
  g_autoptr(TcServer) own = tc_server_start (FALSE);
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (own), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmUser) me = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_get_me_async (client, NULL, tc_store_result, &result);
  me = rcrm_client_get_me_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&me);
  g_clear_object (&result);

  /* the server goes away */
  tc_server_stop (g_steal_pointer (&own));

  rcrm_client_get_me_async (client, NULL, tc_store_result, &result);
  me = rcrm_client_get_me_finish (client, tc_await (&result), &error);
  g_assert_null (me);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NETWORK);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 0);
  g_assert_nonnull (strstr (error->message, rcrm_client_get_base_url (client)));
  g_clear_error (&error);
  g_clear_object (&result);
  g_clear_object (&client);

  /* an address that is not one */
  client = rcrm_client_new ("not a url");
  rcrm_client_get_me_async (client, NULL, tc_store_result, &result);
  me = rcrm_client_get_me_finish (client, tc_await (&result), &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NETWORK);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* the default proxy resolver reads GSettings, which isolated dirs lack */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/client/error/extended-copy", test_error_extended_copy);
  g_test_add_func ("/client/error/codes", test_error_codes);
  g_test_add_func ("/client/error/from-response", test_error_from_response);
  g_test_add_func ("/client/lead-query/to-string", test_lead_query_string);
  g_test_add_func ("/client/lead/json", test_lead_json);

  if (!tc_have_server ())
    return g_test_run ();

  g_test_add_func ("/client/login/success", test_login_success);
  g_test_add_func ("/client/login/failure", test_login_failure);
  g_test_add_func ("/client/login/thai-locale", test_login_thai_locale);
  g_test_add_func ("/client/login/rate-limited", test_login_rate_limited);
  g_test_add_func ("/client/session/unauthorized", test_session_unauthorized);
  g_test_add_func ("/client/reference-data", test_reference_data);
  g_test_add_func ("/client/leads/list", test_leads_list);
  g_test_add_func ("/client/leads/create", test_leads_create);
  g_test_add_func ("/client/leads/update-stale", test_leads_update);
  g_test_add_func ("/client/leads/move", test_leads_move);
  g_test_add_func ("/client/leads/unfollow-restore", test_leads_unfollow_restore);
  g_test_add_func ("/client/leads/notes-timeline", test_leads_notes_timeline);
  g_test_add_func ("/client/leads/assign", test_leads_assign);
  g_test_add_func ("/client/leads/not-found", test_leads_not_found);
  g_test_add_func ("/client/call/generic", test_call_generic);
  g_test_add_func ("/client/cancel", test_cancel);
  g_test_add_func ("/client/network-error", test_network_error);

  server = tc_server_start (TRUE);
  status = g_test_run ();
  tc_server_stop (g_steal_pointer (&server));
  return status;
}
