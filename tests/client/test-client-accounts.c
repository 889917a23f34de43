/* test-client-accounts.c — the account register through RcrmClient, against
 * the real rcrm-server (--demo): accounts, contacts and the quota (R11),
 * history (R3), new leads from an account (R4)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "client-fixture.h"
#include "rcrm-client-accounts.h"

static TcServer *server;

/* the check digit of 010555123456: (11 − Σ digit × (13 − position) mod 11) mod 10 */
#define VALID_CHECK_DIGIT "7"

static RcrmAccountPage *
list_accounts (RcrmClient             *client,
               const RcrmAccountQuery *query)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmAccountPage *page;

  rcrm_client_list_accounts_async (client, query, NULL, tc_store_result, &result);
  page = rcrm_client_list_accounts_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

static RcrmAccount *
create_account (RcrmClient  *client,
                JsonObject  *fields,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_create_account_async (client, fields, NULL, tc_store_result, &result);
  return rcrm_client_create_account_finish (client, tc_await (&result), error);
}

static RcrmContact *
create_contact (RcrmClient  *client,
                gint64       account_id,
                const char  *name,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();

  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "position", "ผู้จัดการฝ่ายจัดซื้อ");
  json_object_set_string_member (fields, "phone", "02-123-4567");
  rcrm_client_create_contact_async (client, account_id, fields, NULL, tc_store_result, &result);
  return rcrm_client_create_contact_finish (client, tc_await (&result), error);
}

static void
test_list_and_query (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(RcrmAccountQuery) query = rcrm_account_query_new ();
  g_autoptr(RcrmAccountPage) all = NULL;
  g_autoptr(RcrmAccountPage) first = NULL;
  g_autoptr(RcrmAccountPage) second = NULL;
  g_autoptr(RcrmAccountPage) found = NULL;
  g_autofree char *params = NULL;

  all = list_accounts (client, NULL);
  g_assert_cmpint (all->total, >=, 50);

  /* paging by cursor: two pages of 20 without overlap */
  query->limit = 20;
  first = list_accounts (client, query);
  g_assert_cmpuint (first->items->len, ==, 20);
  g_assert_nonnull (first->next_cursor);
  query->cursor = g_strdup (first->next_cursor);
  second = list_accounts (client, query);
  g_assert_cmpuint (second->items->len, ==, 20);
  for (guint i = 0; i < first->items->len; i++)
    for (guint j = 0; j < second->items->len; j++)
      g_assert_cmpint (rcrm_account_get_id (g_ptr_array_index (first->items, i)), !=,
                       rcrm_account_get_id (g_ptr_array_index (second->items, j)));

  /* Thai substring search, without spaces */
  g_clear_pointer (&query->cursor, g_free);
  query->limit = 0;
  query->q = g_strdup ("ล้านนาคอฟฟี่");
  query->status = g_strdup ("pending,confirmed,sold");
  params = rcrm_account_query_to_string (query);
  g_assert_true (g_str_has_prefix (params, "q=%E0%B8%A5"));
  g_assert_nonnull (strstr (params, "&status=pending%2Cconfirmed%2Csold"));
  g_clear_pointer (&query->q, g_free);
  query->q = g_strdup ("ล้านนา");
  found = list_accounts (client, query);
  g_assert_cmpint (found->total, ==, 1);
  g_assert_cmpstr (rcrm_account_get_name (g_ptr_array_index (found->items, 0)), ==,
                   "บริษัท ล้านนา คอฟฟี่ จำกัด");
  g_assert_cmpstr (rcrm_account_get_province (g_ptr_array_index (found->items, 0)), ==, "เชียงใหม่");
}

static void
test_create_update_conflict (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = NULL;
  g_autoptr(RcrmAccount) updated = NULL;
  g_autoptr(RcrmAccount) stale = NULL;
  g_autoptr(RcrmAccount) bad = NULL;
  g_autoptr(RcrmAccount) fetched = NULL;

  json_object_set_string_member (fields, "name", "บริษัท ทดสอบ ลูกค้าใหม่ จำกัด");
  json_object_set_string_member (fields, "tax_id", "0-1055-51234-56-" VALID_CHECK_DIGIT);
  json_object_set_string_member (fields, "branch", "สาขาที่ 3");
  json_object_set_string_member (fields, "address", "99 ถนนนิมมานเหมินท์ ต.สุเทพ อ.เมือง จ.เชียงใหม่ 50200");
  json_object_set_string_member (fields, "phone", "053-123-456");
  account = create_account (client, fields, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_assert_cmpstr (rcrm_account_get_branch (account), ==, "00003");
  g_assert_cmpstr (rcrm_account_get_province (account), ==, "เชียงใหม่");
  g_assert_cmpstr (rcrm_account_get_phone (account), ==, "+6653123456");
  g_assert_cmpstr (rcrm_account_get_status (account), ==, "pending");
  g_assert_cmpint (rcrm_account_get_contact_count (account), ==, 0);
  g_assert_false (rcrm_account_get_location (account, NULL, NULL));

  /* a bad tax ID: 422 naming the field */
  json_object_set_string_member (fields, "tax_id", "1234567890123");
  bad = create_account (client, fields, &error);
  g_assert_null (bad);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "tax_id"));
  g_clear_error (&error);

  json_object_set_string_member (changes, "status", "confirmed");
  json_object_set_boolean_member (changes, "favourite", TRUE);
  rcrm_client_update_account_async (client, rcrm_account_get_id (account), rcrm_account_get_version (account),
                                    changes, NULL, tc_store_result, &result);
  updated = rcrm_client_update_account_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rcrm_account_get_status (updated), ==, "confirmed");
  g_assert_true (rcrm_account_get_favourite (updated));
  g_assert_cmpint (rcrm_account_get_version (updated), >, rcrm_account_get_version (account));

  /* the old version again: 412 */
  g_clear_object (&result);
  rcrm_client_update_account_async (client, rcrm_account_get_id (account), rcrm_account_get_version (account),
                                    changes, NULL, tc_store_result, &result);
  stale = rcrm_client_update_account_finish (client, tc_await (&result), &error);
  g_assert_null (stale);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED);
  g_clear_error (&error);

  g_clear_object (&result);
  rcrm_client_get_account_async (client, rcrm_account_get_id (account), NULL, tc_store_result, &result);
  fetched = rcrm_client_get_account_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_account_get_version (fetched), ==, rcrm_account_get_version (updated));
}

static void
test_contacts_quota (void)
{
  g_autoptr(RcrmClient) admin = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = NULL;
  g_autoptr(RcrmContact) renamed = NULL;
  g_autoptr(RcrmContact) refused = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) after = NULL;
  JsonObject *details;
  gint64 limit;

  rcrm_client_get_settings_async (admin, NULL, tc_store_result, &result);
  settings = rcrm_client_get_settings_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);
  limit = json_object_get_int_member (settings, "max_contacts_per_account");
  g_assert_cmpint (limit, >, 0);

  json_object_set_string_member (fields, "name", "ร้าน ทดสอบผู้ติดต่อ");
  account = create_account (admin, fields, &error);
  g_assert_no_error (error);

  for (gint64 i = 0; i < limit; i++)
    {
      g_autofree char *name = g_strdup_printf ("คุณทดสอบ %" G_GINT64_FORMAT, i + 1);
      g_autoptr(RcrmContact) contact = create_contact (admin, rcrm_account_get_id (account), name, &error);

      g_assert_no_error (error);
      g_assert_cmpint (rcrm_contact_get_account_id (contact), ==, rcrm_account_get_id (account));
      g_assert_cmpstr (rcrm_contact_get_phone (contact), ==, "+6621234567");
    }

  refused = create_contact (admin, rcrm_account_get_id (account), "คนที่เกินโควตา", &error);
  g_assert_null (refused);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_LIMIT_REACHED);
  details = rcrm_client_error_get_details (error);
  g_assert_nonnull (details);
  g_assert_cmpint (json_object_get_int_member (details, "limit"), ==, limit);
  g_clear_error (&error);

  g_clear_object (&result);
  rcrm_client_list_contacts_async (admin, rcrm_account_get_id (account), NULL, tc_store_result, &result);
  contacts = rcrm_client_list_contacts_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, limit);

  /* edit one, delete one: room for a new one */
  {
    RcrmContact *first = g_ptr_array_index (contacts, 0);
    g_autoptr(JsonObject) changes = json_object_new ();
    g_autoptr(RcrmContact) again = NULL;

    json_object_set_string_member (changes, "name", "คุณสมศรี ใหม่");
    g_clear_object (&result);
    rcrm_client_update_contact_async (admin, rcrm_contact_get_id (first), rcrm_contact_get_version (first),
                                      changes, NULL, tc_store_result, &result);
    renamed = rcrm_client_update_contact_finish (admin, tc_await (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rcrm_contact_get_name (renamed), ==, "คุณสมศรี ใหม่");

    g_clear_object (&result);
    rcrm_client_delete_contact_async (admin, rcrm_contact_get_id (first), NULL, tc_store_result, &result);
    g_assert_true (rcrm_client_delete_contact_finish (admin, tc_await (&result), &error));
    g_assert_no_error (error);

    again = create_contact (admin, rcrm_account_get_id (account), "คนใหม่", &error);
    g_assert_no_error (error);
    g_assert_nonnull (again);
  }

  g_clear_object (&result);
  rcrm_client_list_contacts_async (admin, rcrm_account_get_id (account), NULL, tc_store_result, &result);
  after = rcrm_client_list_contacts_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, limit);
}

static void
test_account_leads_and_history (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) lead_fields = json_object_new ();
  g_autoptr(JsonObject) history = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = NULL;
  g_autoptr(RcrmLead) first = NULL;
  g_autoptr(RcrmLead) second = NULL;
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(RcrmLeadPage) leads = NULL;
  g_autofree char *source = NULL;
  g_autofree char *phone = tc_unique_phone ();

  json_object_set_string_member (fields, "name", "บริษัท ประวัติการซื้อ จำกัด");
  json_object_set_string_member (fields, "phone", phone);
  account = create_account (client, fields, &error);
  g_assert_no_error (error);

  /* R4: any number of leads from the account, pre-filled from it */
  source = tc_first_lead_source (client);
  json_object_set_string_member (lead_fields, "source", source);
  json_object_set_int_member (lead_fields, "value", 1250050);
  rcrm_client_create_account_lead_async (client, rcrm_account_get_id (account), lead_fields,
                                         NULL, tc_store_result, &result);
  first = rcrm_client_create_account_lead_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rcrm_lead_get_name (first), ==, "บริษัท ประวัติการซื้อ จำกัด");
  g_assert_cmpint (rcrm_lead_get_account_id (first), ==, rcrm_account_get_id (account));
  g_assert_nonnull (rcrm_lead_get_phone (first));

  json_object_set_string_member (lead_fields, "name", "งานที่สอง");
  json_object_set_boolean_member (lead_fields, "confirm_duplicate", TRUE);
  g_clear_object (&result);
  rcrm_client_create_account_lead_async (client, rcrm_account_get_id (account), lead_fields,
                                         NULL, tc_store_result, &result);
  second = rcrm_client_create_account_lead_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rcrm_lead_get_name (second), ==, "งานที่สอง");

  query->account_id = rcrm_account_get_id (account);
  query->state = g_strdup ("all");
  g_clear_object (&result);
  rcrm_client_list_leads_async (client, query, NULL, tc_store_result, &result);
  leads = rcrm_client_list_leads_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (leads->total, ==, 2);

  /* R3: a won lead is in the history with its value */
  {
    g_autoptr(RcrmPipeline) standard = tc_standard_pipeline (client);
    g_autoptr(RcrmLead) moved = NULL;
    guint last = rcrm_pipeline_get_n_steps (standard) - 1;
    g_clear_object (&result);
    rcrm_client_move_lead_async (client, rcrm_lead_get_id (first), rcrm_lead_get_pipeline_id (first), last,
                                 NULL, tc_store_result, &result);
    moved = rcrm_client_move_lead_finish (client, tc_await (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rcrm_lead_get_state (moved), ==, "closed");
  }

  g_clear_object (&result);
  rcrm_client_get_account_history_async (client, rcrm_account_get_id (account), NULL, tc_store_result, &result);
  history = rcrm_client_get_account_history_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (history, "won_count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (history, "total_won"), ==, 1250050);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (history, "won_leads")), ==, 1);
}

static void
test_hidden_account (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "somchai", TC_DEMO_PASSWORD);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) none = NULL;

  rcrm_client_get_account_async (client, 999999, NULL, tc_store_result, &result);
  none = rcrm_client_get_account_finish (client, tc_await (&result), &error);
  g_assert_null (none);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);
  /* the message is for people (Accept-Language) */
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!tc_have_server ())
    {
      g_test_skip ("RCRM_SERVER is not set");
      return g_test_run ();
    }

  g_test_add_func ("/client/accounts/list-and-query", test_list_and_query);
  g_test_add_func ("/client/accounts/create-update-conflict", test_create_update_conflict);
  g_test_add_func ("/client/accounts/contacts-quota", test_contacts_quota);
  g_test_add_func ("/client/accounts/leads-and-history", test_account_leads_and_history);
  g_test_add_func ("/client/accounts/hidden", test_hidden_account);

  server = tc_server_start (TRUE);
  status = g_test_run ();
  tc_server_stop (server);
  return status;
}
