/* test-api-restart.c — a fresh database, SIGTERM/SIGINT exit 0, and everything acknowledged
 * (records, versions, settings, sessions) surviving a restart on the same database file */
#include "config.h"

#include <signal.h>

#include "server-fixture.h"

/* the body as canonical JSON text (pooled) */
static const char *
json_text (RtResponse *r)
{
  char *text;

  RT_CHECK (r, r->json != NULL, "the body is not JSON");
  text = json_to_string (r->json, FALSE);
  rt_pool_add (text, g_free);
  return text;
}

static void
test_fresh_database (void)
{
  g_autoptr(RtServer) s = rt_server_start (NULL);
  RtUser *admin = rt_admin (s);
  RtResponse *r;
  g_autofree char *out = NULL;

  out = rt_server_stdout (s);
  RT_CHECK (NULL, g_regex_match_simple ("^listening on http://127\\.0\\.0\\.1:[0-9]+\\n$", out, 0, 0),
            "stdout is not exactly one 'listening on' line: \"%s\"", out);

  r = rt_get (s, admin->token, "/users");
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPINT (r, rt_len (r, "items"), ==, 1);
  RT_ASSERT_STR (r, "items.0.username", "admin");
  RT_ASSERT_STR (r, "items.0.role", "admin");
  RT_ASSERT_BOOL (r, "items.0.active", TRUE);

  r = rt_get (s, admin->token, "/pipelines");
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPINT (r, rt_len (r, "items"), ==, 1);
  RT_ASSERT_BOOL (r, "items.0.standard", TRUE);
  RT_ASSERT_STR (r, "items.0.name", "มาตรฐาน");
  RT_ASSERT_STR (r, "items.0.steps.0.name", "ติดต่อ");
  RT_ASSERT_STR (r, "items.0.steps.1.name", "ข้อเสนอ");
  RT_ASSERT_STR (r, "items.0.steps.2.name", "ต่อรอง");
  RT_ASSERT_STR (r, "items.0.steps.3.name", "ปิดการขาย");

  r = rt_get (s, admin->token, "/leads");
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "total", 0);
  RT_ASSERT_NULL (r, "next_cursor");

  r = rt_get (s, admin->token, "/settings");
  RT_ASSERT_STATUS (r, 200);
  RT_CHECK (r, rt_len (r, "lead_sources") > 0, "no default lead sources");

  rt_server_stop (g_steal_pointer (&s), FALSE);
}

static void
test_sigint (void)
{
  g_autoptr(RtServer) s = rt_server_start (NULL);
  int status, sig;

  RT_ASSERT_STATUS (rt_get (s, NULL, "/health"), 200);
  RT_CHECK (NULL, rt_server_signal_and_wait (s, SIGINT, &status, &sig), "no exit within 20 s of SIGINT");
  RT_CHECK (NULL, sig == 0, "the server died of signal %d after SIGINT", sig);
  RT_CHECK (NULL, status == 0, "the server exited with %d after SIGINT", status);
}

static void
test_restart (void)
{
  g_autoptr(RtServer) s = rt_server_start (NULL);
  g_autofree char *database = g_strdup (rt_server_database (s));
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 user_id = u->id;
  g_autofree char *user_token = g_strdup (u->token);
  g_autofree char *username = g_strdup (u->username);
  g_autofree char *logged_out = g_strdup (rt_login (s, u->username, u->password));
  g_autofree char *timeline = NULL, *lead_json = NULL, *leads_before = NULL;
  g_autoptr(GArray) burst = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 pipeline, team, lead, note, settings_version;
  const char *admin_token;
  RtResponse *r;

  /* acknowledged changes of every kind */
  pipeline = rt_pipeline_new (s, 3);
  team = rt_team_new (s, "round_robin", u->id);
  rt_user_set_team (s, u->id, team);
  lead = rt_lead_new (s, u->token, rt_json ("{'name': 'นายคงอยู่ ถาวร', 'company': 'บริษัท ยั่งยืน จำกัด', "
                                            "'email': 'durable@example.com', 'value': 4200000}"));
  r = rt_patch (s, u->token, rt_path ("/leads/" I64, lead), "\"1\"", rt_json ("{'value': 4300000}"));
  RT_ASSERT_STATUS (r, 200);
  rt_lead_move (s, u->token, lead, 1, pipeline);
  r = rt_post (s, u->token, rt_path ("/leads/" I64 "/notes", lead), rt_json ("{'body': 'บันทึกก่อนรีสตาร์ท'}"));
  RT_ASSERT_STATUS (r, 201);
  note = rt_int (r, "id");
  r = rt_settings_patch (s, rt_json ("{'allow_step_back': true, 'lead_sources': ['เว็บไซต์', 'โทรศัพท์']}"));
  settings_version = rt_int (r, "version");
  r = rt_delete (s, logged_out, "/session");
  RT_ASSERT_STATUS (r, 204);
  for (int i = 0; i < 20; i++)
    {
      gint64 id = rt_lead_new (s, admin->token, rt_json ("{'source': 'เว็บไซต์'}"));
      g_array_append_val (burst, id);
    }

  r = rt_lead_get (s, u->token, lead);
  lead_json = g_strdup (json_text (r));
  r = rt_get (s, u->token, rt_path ("/leads/" I64 "/timeline", lead));
  RT_ASSERT_STATUS (r, 200);
  timeline = g_strdup (json_text (r));
  leads_before = g_strdup (rt_id_set (rt_lead_list_all (s, admin->token, "", 500)));

  rt_server_stop (g_steal_pointer (&s), TRUE);

  /* the same database, and an admin password that must now be ignored */
  s = rt_server_start (&(RtServerOpts) { .database = database, .admin_password = "another-password-2" });

  r = rt_get (s, NULL, "/health");
  RT_ASSERT_STATUS (r, 200);

  /* the old sessions */
  r = rt_get (s, user_token, "/me");
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "id", user_id);
  RT_ASSERT_STR (r, "username", username);
  RT_ASSERT_INT (r, "team_id", team);
  r = rt_get (s, logged_out, "/me");
  RT_ASSERT_ERROR (r, 401, "unauthorized");

  /* the admin keeps the first password */
  r = rt_post (s, NULL, "/session", rt_json ("{'username': 'admin', 'password': 'another-password-2'}"));
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_post (s, NULL, "/session", rt_json ("{'username': 'admin', 'password': '%s'}", RT_ADMIN_PASSWORD));
  RT_ASSERT_STATUS (r, 201);
  admin_token = rt_str (r, "token");

  /* records, byte for byte */
  r = rt_lead_get (s, user_token, lead);
  RT_ASSERT_CMPSTR (r, json_text (r), ==, lead_json);
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, rt_version_tag (rt_int (r, "version")));
  RT_ASSERT_INT (r, "version", 3);
  RT_ASSERT_INT (r, "value", 4300000);
  RT_ASSERT_INT (r, "pipeline_id", pipeline);
  RT_ASSERT_INT (r, "step", 1);
  r = rt_get (s, user_token, rt_path ("/leads/" I64 "/timeline", lead));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPSTR (r, json_text (r), ==, timeline);
  RT_CHECK (r, rt_array_has_int (r, "items", "id", note), "the note is gone");

  r = rt_get (s, user_token, "/settings");
  RT_ASSERT_INT (r, "version", settings_version);
  RT_ASSERT_BOOL (r, "allow_step_back", TRUE);
  RT_ASSERT_STR (r, "lead_sources.1", "โทรศัพท์");

  r = rt_get (s, user_token, "/teams");
  RT_CHECK (r, rt_array_has_int (r, "items", "id", team), "the team is gone");
  r = rt_get (s, user_token, "/pipelines");
  RT_CHECK (r, rt_array_has_int (r, "items", "id", pipeline), "the pipeline is gone");

  {
    const char *token = admin_token;
    GArray *after = rt_lead_list_all (s, token, "", 500);
    RT_ASSERT_CMPSTR (NULL, rt_id_set (after), ==, leads_before);
    for (guint i = 0; i < burst->len; i++)
      RT_CHECK (NULL, rt_ids_contain (after, g_array_index (burst, gint64, i)),
                "lead " I64 " of the burst is gone", g_array_index (burst, gint64, i));

    /* new ids continue after the old ones */
    {
      gint64 fresh = rt_lead_new (s, token, rt_json ("{'source': 'เว็บไซต์'}"));
      RT_ASSERT_CMPINT (NULL, fresh, >, g_array_index (burst, gint64, burst->len - 1));
    }
  }

  rt_server_stop (g_steal_pointer (&s), FALSE);
}

int
main (int argc, char **argv)
{
  rt_init (&argc, &argv);

  rt_add ("/restart/fresh-database", test_fresh_database);
  rt_add ("/restart/sigint", test_sigint);
  rt_add ("/restart/restart", test_restart);

  return rt_run ();
}
