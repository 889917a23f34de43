/* test-api-settings.c — GET /settings for everyone, PATCH for admins with If-Match */
#include "config.h"

#include "server-fixture.h"

static void
test_defaults (void)
{
  g_autoptr(RtServer) s = rt_server_start (NULL);
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r = rt_get (s, u->token, "/settings");
  const char *etag = rt_header (r, "ETag");
  guint n;

  RT_ASSERT_STATUS (r, 200);
  RT_CHECK (r, etag != NULL, "GET /settings sent no ETag");
  RT_ASSERT_CMPSTR (r, etag, ==, rt_version_tag (rt_int (r, "version")));

  RT_ASSERT_BOOL (r, "allow_step_back", FALSE);
  RT_ASSERT_BOOL (r, "restrict_visibility", FALSE);
  RT_ASSERT_BOOL (r, "allow_price_edit", TRUE);
  RT_ASSERT_INT (r, "max_contacts_per_account", 10);
  RT_ASSERT_INT (r, "vat_rate_bp", 700);
  RT_ASSERT_BOOL (r, "duplicates.enabled", TRUE);
  RT_ASSERT_STR (r, "duplicates.action", "allow");
  RT_ASSERT_CMPINT (r, rt_len (r, "duplicates.fields"), ==, 3);
  RT_ASSERT_CMPINT (r, rt_len (r, "duplicates.scope"), ==, 3);
  RT_ASSERT_BOOL (r, "erasure.leads", FALSE);
  RT_ASSERT_STR (r, "erasure.accounts", "off");
  RT_CHECK (r, rt_has (r, "company") && JSON_NODE_HOLDS_OBJECT (rt_node (r, "company")),
            "settings.company is not an object");

  n = rt_len (r, "lead_sources");
  RT_CHECK (r, n > 0, "settings.lead_sources is empty");
  for (guint i = 0; i < n; i++)
    RT_CHECK (r, *rt_str (r, rt_path ("lead_sources.%u", i)) != '\0', "an empty lead source");
  n = rt_len (r, "unfollow_reasons");
  RT_CHECK (r, n > 0, "settings.unfollow_reasons is empty");
  for (guint i = 0; i < n; i++)
    rt_str (r, rt_path ("unfollow_reasons.%u", i));

  rt_server_stop (g_steal_pointer (&s), FALSE);
}

static void
test_everyone_reads (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *admin_view = rt_get (s, rt_admin (s)->token, "/settings");
  RtResponse *user_view = rt_get (s, u->token, "/settings");

  RT_ASSERT_STATUS (admin_view, 200);
  RT_ASSERT_STATUS (user_view, 200);
  RT_ASSERT_INT (user_view, "version", rt_int (admin_view, "version"));
  RT_ASSERT_CMPSTR (user_view, rt_array_join (user_view, "lead_sources", ""), ==,
                    rt_array_join (admin_view, "lead_sources", ""));

  user_view = rt_get (s, NULL, "/settings");
  RT_ASSERT_ERROR (user_view, 401, "unauthorized");
}

static void
test_patch_admin_only (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r = rt_get (s, u->token, "/settings");
  const char *etag = rt_header (r, "ETag");

  RT_ASSERT_STATUS (r, 200);
  r = rt_patch (s, u->token, "/settings", etag, rt_json ("{'allow_step_back': true}"));
  RT_ASSERT_ERROR (r, 403, "admin_only");
  r = rt_get (s, u->token, "/settings");
  RT_ASSERT_BOOL (r, "allow_step_back", FALSE);
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, etag);
}

static void
test_patch_if_match (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtResponse *r = rt_get (s, token, "/settings");
  gint64 version = rt_int (r, "version");
  gint64 vat = rt_int (r, "vat_rate_bp");

  r = rt_patch (s, token, "/settings", NULL, rt_json ("{'vat_rate_bp': 800}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = rt_patch (s, token, "/settings", rt_version_tag (version + 1), rt_json ("{'vat_rate_bp': 800}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");
  r = rt_get (s, token, "/settings");
  RT_ASSERT_INT (r, "vat_rate_bp", vat);
  RT_ASSERT_INT (r, "version", version);

  r = rt_patch (s, token, "/settings", rt_version_tag (version), rt_json ("{'vat_rate_bp': 800}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "vat_rate_bp", 800);
  RT_ASSERT_INT (r, "version", version + 1);
  /* PATCH changes only what it names */
  RT_ASSERT_BOOL (r, "allow_price_edit", TRUE);
  RT_CHECK (r, rt_len (r, "lead_sources") > 0, "PATCH lost the lead sources");

  r = rt_get (s, token, "/settings");
  RT_ASSERT_INT (r, "vat_rate_bp", 800);
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, rt_version_tag (version + 1));

  /* the old version is stale now */
  r = rt_patch (s, token, "/settings", rt_version_tag (version), rt_json ("{'vat_rate_bp': 700}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");
  r = rt_patch (s, token, "/settings", rt_version_tag (version + 1), rt_json ("{'vat_rate_bp': %" G_GINT64_FORMAT "}", vat));
  RT_ASSERT_STATUS (r, 200);
}

static void
test_patch_bad_body (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtResponse *r = rt_get (s, token, "/settings");
  const char *etag = rt_header (r, "ETag");
  gint64 version = rt_int (r, "version");

  r = rt_patch (s, token, "/settings", etag, rt_json ("{'allow_step_back': true, 'make_coffee': true}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, token, "/settings", etag, rt_json ("{'allow_step_back': 'yes'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, token, "/settings", etag, rt_json ("{'lead_sources': 'เว็บไซต์'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, token, "/settings", etag, rt_json ("{'vat_rate_bp': '700'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, token, "/settings", etag, "{\"allow_step_back\": tru");
  RT_ASSERT_ERROR (r, 400, "bad_request");

  r = rt_get (s, token, "/settings");
  RT_ASSERT_INT (r, "version", version);
  RT_ASSERT_BOOL (r, "allow_step_back", FALSE);
}

static void
test_lead_sources (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtResponse *before = rt_get (s, token, "/settings");
  const char *old_source = rt_lead_source (s);
  JsonNode *old_list = rt_node (before, "lead_sources");
  g_autofree char *old_json = json_to_string (old_list, FALSE);
  RtResponse *r;

  r = rt_settings_patch (s, rt_json ("{'lead_sources': ['งานแสดงสินค้า', 'ลูกค้าแนะนำ']}"));
  RT_ASSERT_CMPINT (r, rt_len (r, "lead_sources"), ==, 2);
  RT_ASSERT_STR (r, "lead_sources.0", "งานแสดงสินค้า");

  r = rt_lead_create (s, token, rt_json ("{'source': 'ลูกค้าแนะนำ'}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "source", "ลูกค้าแนะนำ");
  r = rt_lead_create (s, token, rt_json ("{'source': '%s'}", old_source));
  RT_ASSERT_INVALID (r, "source");

  r = rt_settings_patch (s, rt_json ("{'lead_sources': %s}", old_json));
  RT_ASSERT_STR (r, "lead_sources.0", old_source);
}

int
main (int argc, char **argv)
{
  rt_init (&argc, &argv);

  rt_add ("/settings/defaults", test_defaults);
  rt_add ("/settings/everyone-reads", test_everyone_reads);
  rt_add ("/settings/patch-admin-only", test_patch_admin_only);
  rt_add ("/settings/patch-if-match", test_patch_if_match);
  rt_add ("/settings/patch-bad-body", test_patch_bad_body);
  rt_add ("/settings/lead-sources", test_lead_sources);

  return rt_run ();
}
