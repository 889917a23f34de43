/* test-client-admin.c — RcrmClient's administrator calls against the real
 * rcrm-server (--demo): PATCH /settings, GET|PUT /forms/{entity}, erasure
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "client-fixture.h"
#include "rcrm-client-admin.h"

static TcServer *server;
static RcrmClient *admin;
static RcrmClient *somchai;

/* ---- helpers ---------------------------------------------------------------------- */

static JsonObject *
get_settings (RcrmClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *settings;

  rcrm_client_get_settings_async (client, NULL, tc_store_result, &result);
  settings = rcrm_client_get_settings_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  return settings;
}

static JsonObject *
patch_settings (RcrmClient  *client,
                gint64       version,
                const char  *json,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  rcrm_client_update_settings_async (client, version, json_node_get_object (node), NULL,
                                     tc_store_result, &result);
  return rcrm_client_update_settings_finish (client, tc_await (&result), error);
}

static gint64
settings_version (RcrmClient *client)
{
  g_autoptr(JsonObject) settings = get_settings (client);

  return json_object_get_int_member (settings, "version");
}

static RcrmForm *
get_form (RcrmClient *client,
          const char *entity)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmForm *form;

  rcrm_client_get_form_async (client, entity, NULL, tc_store_result, &result);
  form = rcrm_client_get_form_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (form);
  return form;
}

static RcrmForm *
put_form (RcrmClient  *client,
          RcrmForm    *form,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_put_form_async (client, form, NULL, tc_store_result, &result);
  return rcrm_client_put_form_finish (client, tc_await (&result), error);
}

static gboolean
erase (RcrmClient  *client,
       const char  *kind,
       gint64       id,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_erase_async (client, kind, id, NULL, tc_store_result, &result);
  return rcrm_client_erase_finish (client, tc_await (&result), error);
}

/* ---- the form model, no server --------------------------------------------------------- */

static void
test_form_json (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"entity\": \"account\", \"version\": 4, \"updated_at\": null, "
                                               "\"fields\": [{\"key\": \"size\", \"label\": \"ขนาด\", "
                                               "\"type\": \"choice\", \"required\": true, "
                                               "\"choices\": [\"S\", \"L\"], \"order\": 7}, "
                                               "{\"key\": \"since\", \"label\": \"Since\", \"type\": \"date\", "
                                               "\"required\": false, \"order\": 9}]}", NULL);
  g_autoptr(JsonNode) bad = json_from_string ("{\"entity\": \"lead\", \"version\": 1, \"fields\": "
                                              "[{\"key\": \"x\", \"label\": \"X\", \"type\": \"colour\"}]}", NULL);
  g_autoptr(RcrmForm) form = NULL;
  g_autoptr(RcrmForm) copy = NULL;
  g_autoptr(RcrmForm) none = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *fields;
  const char *sizes[] = { "S", "L", NULL };

  form = rcrm_form_new_from_json (json_node_get_object (node), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rcrm_form_get_entity (form), ==, "account");
  g_assert_cmpint (rcrm_form_get_version (form), ==, 4);
  g_assert_cmpuint (rcrm_form_get_fields (form)->len, ==, 2);
  g_assert_cmpstrv (rcrm_form_field_get_choices (rcrm_form_lookup_field (form, "size")), sizes);
  g_assert_null (rcrm_form_field_get_choices (rcrm_form_lookup_field (form, "since"))[0]);
  g_assert_null (rcrm_form_lookup_field (form, "other"));

  /* a deep copy: changing it leaves the original alone */
  copy = rcrm_form_copy (form);
  rcrm_form_field_set_label (rcrm_form_lookup_field (copy, "size"), "ไซซ์");
  g_ptr_array_remove_index (rcrm_form_get_fields (copy), 1);
  g_assert_cmpstr (rcrm_form_field_get_label (rcrm_form_lookup_field (form, "size")), ==, "ขนาด");
  g_assert_cmpuint (rcrm_form_get_fields (form)->len, ==, 2);

  /* the PUT body: the order is the position; choices only for choice fields */
  {
    GPtrArray *array = rcrm_form_get_fields (form);
    gpointer first = array->pdata[0];

    array->pdata[0] = array->pdata[1];
    array->pdata[1] = first;
  }
  body = rcrm_form_to_json (form);
  g_assert_false (json_object_has_member (body, "version"));
  fields = json_object_get_array_member (body, "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 0), "key"), ==, "since");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (fields, 0), "order"), ==, 1);
  g_assert_false (json_object_has_member (json_array_get_object_element (fields, 0), "choices"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (fields, 1), "order"), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (fields, 1), "required"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (fields, 1),
                                                                         "choices")), ==, 2);

  /* an unknown type is the server's mistake: PROTOCOL */
  none = rcrm_form_new_from_json (json_node_get_object (bad), &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PROTOCOL);
  g_assert_null (none);
}

/* ---- settings ----------------------------------------------------------------------- */

static void
test_settings_patch (void)
{
  g_autoptr(JsonObject) before = get_settings (admin);
  gint64 version = json_object_get_int_member (before, "version");
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) stale = NULL;
  g_autoptr(JsonObject) fetched = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *duplicates;
  JsonArray *fields;

  after = patch_settings (admin, version,
                          "{\"duplicates\": {\"enabled\": true, \"action\": \"disallow\", \"fields\": [\"phone\"]}}",
                          &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (after, "version"), ==, version + 1);
  duplicates = json_object_get_object_member (after, "duplicates");
  g_assert_true (json_object_get_boolean_member (duplicates, "enabled"));
  g_assert_cmpstr (json_object_get_string_member (duplicates, "action"), ==, "disallow");
  fields = json_object_get_array_member (duplicates, "fields");
  g_assert_cmpuint (json_array_get_length (fields), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (fields, 0), ==, "phone");
  /* the other members stay (merge) */
  g_assert_true (json_object_has_member (duplicates, "scope"));

  /* the old version is stale now: 412, nothing changes */
  stale = patch_settings (admin, version, "{\"duplicates\": {\"action\": \"allow\"}}", &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED);
  g_assert_null (stale);
  g_clear_error (&error);

  fetched = get_settings (somchai);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (fetched, "duplicates"), "action"),
                   ==, "disallow");

  /* a bad value: 422 naming the member */
  stale = patch_settings (admin, version + 1, "{\"duplicates\": {\"action\": \"maybe\"}}", &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "duplicates.action"));
  g_clear_error (&error);

  /* a salesperson may read but not write */
  stale = patch_settings (somchai, version + 1, "{\"allow_step_back\": true}", &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ADMIN_ONLY);
  g_clear_error (&error);

  /* back to the defaults for the other tests */
  g_clear_pointer (&after, json_object_unref);
  after = patch_settings (admin, version + 1, "{\"duplicates\": {\"enabled\": false, \"action\": \"allow\", "
                                              "\"fields\": [\"email\", \"phone\", \"tax_id\"]}}", &error);
  g_assert_no_error (error);
}

/* ---- custom forms --------------------------------------------------------------------- */

static void
test_form_put (void)
{
  g_autoptr(RcrmForm) form = get_form (admin, "lead");
  g_autoptr(RcrmForm) saved = NULL;
  g_autoptr(RcrmForm) again = NULL;
  g_autoptr(RcrmForm) stale = NULL;
  g_autoptr(GError) error = NULL;
  RcrmFormField *field;
  const char *choices[] = { "ร้านอาหาร", "โรงงาน", "ค้าปลีก", NULL };
  gint64 version = rcrm_form_get_version (form);

  g_assert_cmpstr (rcrm_form_get_entity (form), ==, "lead");

  field = rcrm_form_field_new ("business_type", "ประเภทธุรกิจ", RCRM_FORM_FIELD_CHOICE, TRUE);
  rcrm_form_field_set_choices (field, choices);
  g_ptr_array_add (rcrm_form_get_fields (form), field);
  g_ptr_array_add (rcrm_form_get_fields (form),
                   rcrm_form_field_new ("visit_date", "วันที่เข้าพบ", RCRM_FORM_FIELD_DATE, FALSE));

  saved = put_form (admin, form, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_form_get_version (saved), ==, version + 1);
  g_assert_cmpuint (rcrm_form_get_fields (saved)->len, ==, rcrm_form_get_fields (form)->len);
  field = rcrm_form_lookup_field (saved, "business_type");
  g_assert_nonnull (field);
  g_assert_cmpint (rcrm_form_field_get_field_type (field), ==, RCRM_FORM_FIELD_CHOICE);
  g_assert_true (rcrm_form_field_get_required (field));
  g_assert_cmpstrv (rcrm_form_field_get_choices (field), choices);
  g_assert_cmpstr (rcrm_form_field_get_label (field), ==, "ประเภทธุรกิจ");

  /* everyone reads it */
  again = get_form (somchai, "lead");
  g_assert_cmpint (rcrm_form_get_version (again), ==, version + 1);
  g_assert_nonnull (rcrm_form_lookup_field (again, "visit_date"));

  /* the old version: 412 */
  stale = put_form (admin, form, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED);
  g_clear_error (&error);

  /* a bad key: 422 on fields.N.key */
  g_clear_object (&form);
  form = rcrm_form_copy (saved);
  g_ptr_array_add (rcrm_form_get_fields (form),
                   rcrm_form_field_new ("Bad Key", "ผิด", RCRM_FORM_FIELD_TEXT, FALSE));
  stale = put_form (admin, form, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "fields.2.key"));
  g_clear_error (&error);

  /* not for salespeople */
  g_ptr_array_set_size (rcrm_form_get_fields (form), 0);
  stale = put_form (somchai, form, &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ADMIN_ONLY);
  g_clear_error (&error);

  /* empty again for the other tests */
  g_clear_object (&stale);
  stale = put_form (admin, form, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rcrm_form_get_fields (stale)->len, ==, 0);
}

/* ---- erasure (R26) ------------------------------------------------------------------------ */

static void
test_erasure (void)
{
  g_autoptr(RcrmLead) lead = tc_create_lead (somchai, "ลบข้อมูล ทดสอบ");
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmLead) gone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = rcrm_lead_get_id (lead);

  /* lead erasure off (the default): refused */
  g_assert_false (erase (admin, "lead", id, &error));
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ERASURE_DISABLED);
  g_clear_error (&error);

  settings = patch_settings (admin, settings_version (admin), "{\"erasure\": {\"leads\": true}}", &error);
  g_assert_no_error (error);

  /* salespeople never */
  g_assert_false (erase (somchai, "lead", id, &error));
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ADMIN_ONLY);
  g_clear_error (&error);

  g_assert_true (erase (admin, "lead", id, &error));
  g_assert_no_error (error);

  rcrm_client_get_lead_async (admin, id, NULL, tc_store_result, &result);
  gone = rcrm_client_get_lead_finish (admin, tc_await (&result), &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  /* once erased, there is nothing left to erase */
  g_assert_false (erase (admin, "lead", id, &error));
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* contacts and accounts: refused while account erasure is off (checked
   * before the record is looked up) */
  g_assert_false (erase (admin, "contact", 1, &error));
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ERASURE_DISABLED);
  g_clear_error (&error);
  g_assert_false (erase (admin, "account", 1, &error));
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ERASURE_DISABLED);
  g_clear_error (&error);

  g_clear_pointer (&settings, json_object_unref);
  settings = patch_settings (admin, settings_version (admin), "{\"erasure\": {\"leads\": false}}", &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* no proxy look-ups (GSettings) for 127.0.0.1 */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/client/admin/form-json", test_form_json);

  if (!tc_have_server ())
    {
      g_test_skip ("RCRM_SERVER is not set");
      return g_test_run ();
    }

  server = tc_server_start (TRUE);
  admin = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  rcrm_client_set_language (admin, "th");
  somchai = tc_client_signed_in (tc_server_url (server), "somchai", TC_DEMO_PASSWORD);

  g_test_add_func ("/client/admin/settings-patch", test_settings_patch);
  g_test_add_func ("/client/admin/form-put", test_form_put);
  g_test_add_func ("/client/admin/erasure", test_erasure);

  status = g_test_run ();

  g_clear_object (&somchai);
  g_clear_object (&admin);
  tc_server_stop (server);
  return status;
}
