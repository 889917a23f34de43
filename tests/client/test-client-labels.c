/* test-client-labels.c — labels (R12) and segments (R13) through RcrmClient,
 * against the real rcrm-server (--demo)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "client-fixture.h"
#include "rcrm-client-labels.h"

static TcServer *server;

static RcrmClient *
sign_in (const char *username)
{
  return tc_client_signed_in (tc_server_url (server), username,
                              g_str_equal (username, "admin") ? TC_ADMIN_PASSWORD : TC_DEMO_PASSWORD);
}

static char *
unique_name (const char *prefix)
{
  static guint counter;

  return g_strdup_printf ("%s %u-%u", prefix, (guint) getpid (), ++counter);
}

static RcrmLabel *
create_label (RcrmClient  *client,
              const char  *name,
              const char  *color,
              gboolean     system,
              GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_create_label_async (client, name, color, system, NULL, tc_store_result, &result);
  return rcrm_client_create_label_finish (client, tc_await (&result), error);
}

static GPtrArray *
list_labels (RcrmClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *labels;

  rcrm_client_list_labels_usage_async (client, NULL, tc_store_result, &result);
  labels = rcrm_client_list_labels_usage_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  return labels;
}

static RcrmLabel *
find_label (GPtrArray *labels,
            gint64     id)
{
  for (guint i = 0; i < labels->len; i++)
    if (rcrm_label_get_id (g_ptr_array_index (labels, i)) == id)
      return g_ptr_array_index (labels, i);
  return NULL;
}

static RcrmLead *
set_labels (RcrmClient    *client,
            RcrmLead      *lead,
            const gint64  *ids,
            guint          n,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_set_lead_labels_async (client, rcrm_lead_get_id (lead), rcrm_lead_get_version (lead),
                                     ids, n, NULL, tc_store_result, &result);
  return rcrm_client_set_lead_labels_finish (client, tc_await (&result), error);
}

static RcrmLead *
get_lead (RcrmClient *client,
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

static void
test_labels_lifecycle (void)
{
  g_autoptr(RcrmClient) somchai = sign_in ("somchai");
  g_autofree char *name = unique_name ("ป้ายทดสอบ");
  g_autofree char *renamed = unique_name ("ป้ายใหม่");
  g_autoptr(RcrmLabel) label = NULL;
  g_autoptr(RcrmLabel) duplicate = NULL;
  g_autoptr(RcrmLabel) bad = NULL;
  g_autoptr(RcrmLabel) updated = NULL;
  g_autoptr(RcrmLabel) stale = NULL;
  g_autoptr(RcrmLead) lead = tc_create_lead (somchai, "ลีดป้ายกำกับ");
  g_autoptr(RcrmLead) labelled = NULL;
  g_autoptr(RcrmLead) after = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, leads = -1, accounts = -1;
  gboolean deleted;

  label = create_label (somchai, name, "#33d17a", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rcrm_label_get_name (label), ==, name);
  g_assert_cmpstr (rcrm_label_get_color (label), ==, "#33D17A");
  g_assert_cmpstr (rcrm_label_get_kind (label), ==, "personal");
  g_assert_false (rcrm_label_is_system (label));
  g_assert_true (rcrm_label_get_usage (label, &leads, &accounts));
  g_assert_cmpint (leads, ==, 0);
  id = rcrm_label_get_id (label);

  /* the same name again, and a colour that is none */
  duplicate = create_label (somchai, name, "#000000", FALSE, &error);
  g_assert_null (duplicate);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "name"));
  g_clear_error (&error);
  bad = create_label (somchai, "สีผิด", "green", FALSE, &error);
  g_assert_null (bad);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "color"));
  g_clear_error (&error);

  /* on a lead: the usage counts it */
  labelled = set_labels (somchai, lead, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (rcrm_lead_has_label (labelled, id));
  g_assert_cmpint (rcrm_lead_get_version (labelled), >, rcrm_lead_get_version (lead));
  labels = list_labels (somchai);
  g_assert_nonnull (find_label (labels, id));
  g_assert_true (rcrm_label_get_usage (find_label (labels, id), &leads, &accounts));
  g_assert_cmpint (leads, ==, 1);
  g_assert_cmpint (accounts, ==, 0);

  /* rename and recolour with If-Match; the old version is refused */
  rcrm_client_update_label_async (somchai, id, rcrm_label_get_version (label), renamed, "#1C71D8",
                                  NULL, tc_store_result, &result);
  updated = rcrm_client_update_label_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rcrm_label_get_name (updated), ==, renamed);
  g_assert_cmpstr (rcrm_label_get_color (updated), ==, "#1C71D8");
  g_assert_cmpint (rcrm_label_get_version (updated), >, rcrm_label_get_version (label));
  g_clear_object (&result);
  rcrm_client_update_label_async (somchai, id, rcrm_label_get_version (label), "ชื่ออื่น", NULL,
                                  NULL, tc_store_result, &result);
  stale = rcrm_client_update_label_finish (somchai, tc_await (&result), &error);
  g_assert_null (stale);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* deleted, it leaves the lead */
  rcrm_client_delete_label_async (somchai, id, NULL, tc_store_result, &result);
  deleted = rcrm_client_delete_label_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_true (deleted);
  after = get_lead (somchai, rcrm_lead_get_id (lead));
  g_assert_false (rcrm_lead_has_label (after, id));
  g_clear_pointer (&labels, g_ptr_array_unref);
  labels = list_labels (somchai);
  g_assert_null (find_label (labels, id));
}

static void
test_labels_permissions (void)
{
  g_autoptr(RcrmClient) somchai = sign_in ("somchai");
  g_autoptr(RcrmClient) nok = sign_in ("nok");
  g_autoptr(RcrmClient) admin = sign_in ("admin");
  g_autofree char *system_name = unique_name ("ป้ายระบบ");
  g_autofree char *mine_name = unique_name ("ของสมชาย");
  g_autoptr(RcrmLabel) refused = NULL;
  g_autoptr(RcrmLabel) system = NULL;
  g_autoptr(RcrmLabel) mine = NULL;
  g_autoptr(RcrmLabel) renamed = NULL;
  g_autoptr(RcrmLead) noks_lead = tc_create_lead (nok, "ลีดของนก");
  g_autoptr(RcrmLead) applied = NULL;
  g_autoptr(RcrmLead) with_system = NULL;
  g_autoptr(GPtrArray) noks_labels = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* a system label: admins only */
  refused = create_label (somchai, system_name, "#E01B24", TRUE, &error);
  g_assert_null (refused);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ADMIN_ONLY);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 403);
  g_clear_error (&error);
  system = create_label (admin, system_name, "#E01B24", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (rcrm_label_is_system (system));

  /* …which a user may not rename */
  rcrm_client_update_label_async (somchai, rcrm_label_get_id (system), rcrm_label_get_version (system),
                                  "ชื่อใหม่", NULL, NULL, tc_store_result, &result);
  renamed = rcrm_client_update_label_finish (somchai, tc_await (&result), &error);
  g_assert_null (renamed);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ADMIN_ONLY);
  g_clear_error (&error);

  /* but everyone may apply */
  id = rcrm_label_get_id (system);
  with_system = set_labels (nok, noks_lead, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (rcrm_lead_has_label (with_system, id));

  /* somchai's personal label: invisible to nok, and not applicable by nok */
  mine = create_label (somchai, mine_name, "#9141AC", FALSE, &error);
  g_assert_no_error (error);
  noks_labels = list_labels (nok);
  g_assert_null (find_label (noks_labels, rcrm_label_get_id (mine)));
  g_assert_nonnull (find_label (noks_labels, rcrm_label_get_id (system)));
  id = rcrm_label_get_id (mine);
  applied = set_labels (nok, with_system, &id, 1, &error);
  g_assert_null (applied);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_assert_cmpuint (rcrm_client_error_get_status (error), ==, 422);
  g_assert_nonnull (rcrm_client_error_get_field_message (error, "label_ids"));
}

static RcrmLeadPage *
list_segment_leads (RcrmClient *client,
                    gint64      segment_id)
{
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmLeadPage *page;

  query->segment_id = segment_id;
  query->limit = 500;
  rcrm_client_list_leads_async (client, query, NULL, tc_store_result, &result);
  page = rcrm_client_list_leads_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  return page;
}

static void
test_segments (void)
{
  g_autoptr(RcrmClient) somchai = sign_in ("somchai");
  g_autoptr(RcrmClient) nok = sign_in ("nok");
  g_autofree char *label_name = unique_name ("กลุ่มป้าย");
  g_autofree char *name = unique_name ("กลุ่มลูกค้าทดสอบ");
  g_autoptr(RcrmLabel) label = NULL;
  g_autoptr(RcrmLead) a = tc_create_lead (somchai, "ลีดกลุ่ม ก");
  g_autoptr(RcrmLead) b = tc_create_lead (somchai, "ลีดกลุ่ม ข");
  g_autoptr(RcrmLead) a2 = NULL;
  g_autoptr(RcrmLead) b2 = NULL;
  g_autoptr(RcrmSegment) segment = NULL;
  g_autoptr(RcrmSegment) renamed = NULL;
  g_autoptr(RcrmSegment) shared = NULL;
  g_autoptr(RcrmSegment) gone = NULL;
  g_autoptr(RcrmSegment) hidden = NULL;
  g_autoptr(RcrmSegment) bad = NULL;
  g_autoptr(RcrmLeadPage) page = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) noks = NULL;
  g_autoptr(JsonObject) filter = json_object_new ();
  g_autoptr(JsonObject) bad_filter = json_object_new ();
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *ids;
  gint64 id;
  gboolean found = FALSE;

  label = create_label (somchai, label_name, "#F5C211", FALSE, &error);
  g_assert_no_error (error);
  id = rcrm_label_get_id (label);
  a2 = set_labels (somchai, a, &id, 1, &error);
  g_assert_no_error (error);
  b2 = set_labels (somchai, b, &id, 1, &error);
  g_assert_no_error (error);

  ids = json_array_new ();
  json_array_add_int_element (ids, id);
  json_object_set_array_member (filter, "label_ids", ids);
  json_object_set_int_member (filter, "value_min", 0);
  rcrm_client_create_segment_async (somchai, name, "leads", FALSE, filter, NULL, tc_store_result, &result);
  segment = rcrm_client_create_segment_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (rcrm_segment_get_name (segment), ==, name);
  g_assert_cmpstr (rcrm_segment_get_entity (segment), ==, "leads");
  g_assert_false (rcrm_segment_get_shared (segment));
  g_assert_cmpint (rcrm_segment_get_count (segment), ==, 2);
  g_assert_true (json_object_has_member (rcrm_segment_get_filter (segment), "label_ids"));

  /* the members as GET /leads?segment_id= */
  page = list_segment_leads (somchai, rcrm_segment_get_id (segment));
  g_assert_cmpint (page->total, ==, 2);
  g_assert_cmpuint (page->items->len, ==, 2);

  /* listed for its maker, not for nok */
  rcrm_client_list_segments_async (somchai, "leads", NULL, tc_store_result, &result);
  segments = rcrm_client_list_segments_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint i = 0; i < segments->len; i++)
    found |= rcrm_segment_get_id (g_ptr_array_index (segments, i)) == rcrm_segment_get_id (segment);
  g_assert_true (found);
  rcrm_client_list_segments_async (nok, NULL, NULL, tc_store_result, &result);
  noks = rcrm_client_list_segments_finish (nok, tc_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  for (guint i = 0; i < noks->len; i++)
    g_assert_cmpint (rcrm_segment_get_id (g_ptr_array_index (noks, i)), !=, rcrm_segment_get_id (segment));
  rcrm_client_get_segment_async (nok, rcrm_segment_get_id (segment), NULL, tc_store_result, &result);
  hidden = rcrm_client_get_segment_finish (nok, tc_await (&result), &error);
  g_assert_null (hidden);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);

  /* a bad range: 422 on the member */
  json_object_set_int_member (bad_filter, "value_min", 500);
  json_object_set_int_member (bad_filter, "value_max", 100);
  rcrm_client_create_segment_async (somchai, "ช่วงผิด", "leads", FALSE, bad_filter, NULL, tc_store_result, &result);
  bad = rcrm_client_create_segment_finish (somchai, tc_await (&result), &error);
  g_assert_null (bad);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  /* rename; sharing is for admins */
  json_object_set_string_member (changes, "name", "ชื่อกลุ่มใหม่");
  rcrm_client_update_segment_async (somchai, rcrm_segment_get_id (segment), rcrm_segment_get_version (segment),
                                    changes, NULL, tc_store_result, &result);
  renamed = rcrm_client_update_segment_finish (somchai, tc_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpstr (rcrm_segment_get_name (renamed), ==, "ชื่อกลุ่มใหม่");
  rcrm_segment_update_from (segment, renamed);
  g_assert_cmpstr (rcrm_segment_get_name (segment), ==, "ชื่อกลุ่มใหม่");

  json_object_remove_member (changes, "name");
  json_object_set_boolean_member (changes, "shared", TRUE);
  rcrm_client_update_segment_async (somchai, rcrm_segment_get_id (segment), rcrm_segment_get_version (segment),
                                    changes, NULL, tc_store_result, &result);
  shared = rcrm_client_update_segment_finish (somchai, tc_await (&result), &error);
  g_assert_null (shared);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ADMIN_ONLY);
  g_clear_error (&error);
  g_clear_object (&result);

  rcrm_client_delete_segment_async (somchai, rcrm_segment_get_id (segment), NULL, tc_store_result, &result);
  g_assert_true (rcrm_client_delete_segment_finish (somchai, tc_await (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  rcrm_client_get_segment_async (somchai, rcrm_segment_get_id (segment), NULL, tc_store_result, &result);
  gone = rcrm_client_get_segment_finish (somchai, tc_await (&result), &error);
  g_assert_null (gone);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);
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

  g_test_add_func ("/client/labels/lifecycle", test_labels_lifecycle);
  g_test_add_func ("/client/labels/permissions", test_labels_permissions);
  g_test_add_func ("/client/segments", test_segments);

  server = tc_server_start (TRUE);
  status = g_test_run ();
  tc_server_stop (server);
  return status;
}
