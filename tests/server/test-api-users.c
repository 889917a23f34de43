/* test-api-users.c — users (admin CRUD, deactivate, transfer R21) and teams */
#include "config.h"

#include "server-fixture.h"

static void
test_list (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r = rt_get (s, admin->token, "/users");
  gboolean saw_admin = FALSE, saw_user = FALSE;
  guint n;

  RT_ASSERT_STATUS (r, 200);
  n = rt_len (r, "items");
  rt_int (r, "total");
  RT_ASSERT_HAS (r, "next_cursor");
  for (guint i = 0; i < n; i++)
    {
      const char *item = rt_path ("items.%u", i);
      gint64 id = rt_int (r, rt_path ("%s.id", item));

      rt_str (r, rt_path ("%s.username", item));
      rt_str (r, rt_path ("%s.display_name", item));
      rt_str (r, rt_path ("%s.role", item));
      RT_ASSERT_HAS (r, rt_path ("%s.team_id", item));
      rt_int (r, rt_path ("%s.version", item));
      RT_CHECK (r, !rt_has (r, rt_path ("%s.password_hash", item)), "GET /users shows password hashes");
      if (id == admin->id)
        {
          saw_admin = TRUE;
          RT_ASSERT_STR (r, rt_path ("%s.username", item), "admin");
          RT_ASSERT_STR (r, rt_path ("%s.role", item), "admin");
          RT_ASSERT_BOOL (r, rt_path ("%s.active", item), TRUE);
        }
      if (id == u->id)
        {
          saw_user = TRUE;
          RT_ASSERT_STR (r, rt_path ("%s.username", item), u->username);
          RT_ASSERT_STR (r, rt_path ("%s.role", item), "user");
          RT_ASSERT_BOOL (r, rt_path ("%s.active", item), TRUE);
        }
    }
  RT_CHECK (r, saw_admin && saw_user, "GET /users misses the admin or the new user");

  r = rt_get (s, u->token, "/users");
  RT_ASSERT_ERROR (r, 403, "admin_only");

  /* the directory (names for owner columns) is open to everyone, without contact details */
  r = rt_get (s, u->token, "/directory");
  RT_ASSERT_STATUS (r, 200);
  RT_CHECK (r, rt_len (r, "items") >= 2, "the directory lists the users");
  for (guint i = 0; i < rt_len (r, "items"); i++)
    {
      const char *item = rt_path ("items.%u", i);

      RT_CHECK (r, rt_has (r, rt_path ("%s.display_name", item)), "directory entry without a name");
      RT_CHECK (r, !rt_has (r, rt_path ("%s.email", item)), "the directory shows e-mail addresses");
      RT_CHECK (r, !rt_has (r, rt_path ("%s.phone", item)), "the directory shows phone numbers");
      RT_CHECK (r, !rt_has (r, rt_path ("%s.password_hash", item)), "the directory shows password hashes");
    }
}

static void
test_create (void)
{
  RtServer *s = rt_shared ();
  const char *username = rt_unique ("somchai");
  RtResponse *r;
  gint64 id;

  r = rt_post (s, rt_admin (s)->token, "/users",
               rt_json ("{'username': '%s', 'display_name': 'สมชาย ใจดี', 'password': 'long-enough', 'role': 'user'}",
                        username));
  RT_ASSERT_STATUS (r, 201);
  id = rt_int (r, "id");
  RT_CHECK (r, id > 0, "id is not positive");
  RT_ASSERT_STR (r, "username", username);
  RT_ASSERT_STR (r, "display_name", "สมชาย ใจดี");
  RT_ASSERT_STR (r, "role", "user");
  RT_ASSERT_NULL (r, "team_id");
  RT_ASSERT_BOOL (r, "active", TRUE);
  RT_ASSERT_INT (r, "version", 1);
  RT_CHECK (r, !rt_has (r, "password") && !rt_has (r, "password_hash"), "POST /users echoes the password");

  r = rt_post (s, NULL, "/session", rt_json ("{'username': '%s', 'password': 'long-enough'}", username));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_INT (r, "user.id", id);
  RT_ASSERT_STR (r, "user.role", "user");

  /* an admin made by an admin is an admin */
  r = rt_post (s, rt_admin (s)->token, "/users",
               rt_json ("{'username': '%s', 'display_name': 'ผู้ดูแล 2', 'password': 'long-enough', 'role': 'admin'}",
                        rt_unique ("admin")));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "role", "admin");
}

static void
test_create_non_admin (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;

  r = rt_post (s, u->token, "/users",
               rt_json ("{'username': '%s', 'display_name': 'x', 'password': 'long-enough', 'role': 'admin'}",
                        rt_unique ("sneaky")));
  RT_ASSERT_ERROR (r, 403, "admin_only");
}

static void
test_create_duplicate (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;

  r = rt_post (s, rt_admin (s)->token, "/users",
               rt_json ("{'username': '%s', 'display_name': 'ซ้ำ', 'password': 'long-enough', 'role': 'user'}",
                        u->username));
  RT_ASSERT_ERROR (r, 409, "conflict");
  r = rt_post (s, rt_admin (s)->token, "/users",
               "{\"username\": \"admin\", \"display_name\": \"x\", \"password\": \"long-enough\", \"role\": \"user\"}");
  RT_ASSERT_ERROR (r, 409, "conflict");
}

static void
test_create_invalid (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtResponse *r;

  r = rt_post (s, token, "/users",
               rt_json ("{'username': '%s', 'display_name': 'สั้น', 'password': 'short12', 'role': 'user'}",
                        rt_unique ("short")));
  RT_ASSERT_INVALID (r, "password");

  r = rt_post (s, token, "/users",
               rt_json ("{'username': '%s', 'display_name': 'x', 'password': 'long-enough', 'role': 'superuser'}",
                        rt_unique ("role")));
  RT_ASSERT_INVALID (r, "role");

  r = rt_post (s, token, "/users",
               rt_json ("{'username': '%s', 'display_name': 'x', 'password': 'long-enough', 'role': 'user', "
                        "'salary': 5}", rt_unique ("unknown")));
  RT_ASSERT_ERROR (r, 400, "bad_request");

  r = rt_post (s, token, "/users",
               rt_json ("{'username': '%s', 'display_name': 'x', 'password': 12345678, 'role': 'user'}",
                        rt_unique ("type")));
  RT_ASSERT_ERROR (r, 400, "bad_request");
}

static void
test_patch (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 version = rt_node_int (rt_user_record (s, u->id), "version");
  const char *path = rt_path ("/users/" I64, u->id);
  RtResponse *r;

  r = rt_patch (s, token, path, NULL, rt_json ("{'display_name': 'ชื่อใหม่'}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = rt_patch (s, token, path, rt_version_tag (version + 1), rt_json ("{'display_name': 'ชื่อใหม่'}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");
  r = rt_patch (s, u->token, path, rt_version_tag (version), rt_json ("{'display_name': 'ชื่อใหม่'}"));
  RT_ASSERT_ERROR (r, 403, "admin_only");
  r = rt_patch (s, token, path, rt_version_tag (version), rt_json ("{'display_name': 'ชื่อใหม่', 'shoe': 42}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");

  r = rt_patch (s, token, path, rt_version_tag (version), rt_json ("{'display_name': 'ชื่อใหม่'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "display_name", "ชื่อใหม่");
  RT_ASSERT_INT (r, "version", version + 1);
  RT_ASSERT_STR (r, "username", u->username);

  r = rt_get (s, u->token, "/me");
  RT_ASSERT_STR (r, "display_name", "ชื่อใหม่");

  r = rt_patch (s, token, rt_path ("/users/" I64, (gint64) 999999), rt_version_tag (1),
                rt_json ("{'display_name': 'x'}"));
  RT_ASSERT_ERROR (r, 404, "not_found");
}

static void
test_deactivate (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 lead = rt_lead_new (s, u->token, NULL);
  JsonNode *record;
  RtResponse *r;

  r = rt_delete (s, u->token, rt_path ("/users/" I64, u->id));
  RT_ASSERT_ERROR (r, 403, "admin_only");

  r = rt_delete (s, token, rt_path ("/users/" I64, u->id));
  RT_ASSERT_STATUS (r, 204);

  record = rt_user_record (s, u->id);
  RT_CHECK (NULL, !rt_node_bool (record, "active"),
            "GET /users shows the deactivated user as active");

  /* its sessions stop working and it cannot log in */
  r = rt_get (s, u->token, "/me");
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_post (s, NULL, "/session", rt_json ("{'username': '%s', 'password': '%s'}", u->username, u->password));
  RT_ASSERT_ERROR (r, 401, "unauthorized");

  /* its records stay (R21) */
  r = rt_lead_get (s, token, lead);
  RT_ASSERT_INT (r, "owner_id", u->id);

  r = rt_delete (s, token, rt_path ("/users/" I64, (gint64) 999999));
  RT_ASSERT_ERROR (r, 404, "not_found");
}

static void
test_deactivate_self (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *second = rt_user_new (s, "admin", 0);
  RtResponse *r;

  r = rt_delete (s, admin->token, rt_path ("/users/" I64, admin->id));
  RT_ASSERT_ERROR (r, 409, "conflict");
  r = rt_delete (s, second->token, rt_path ("/users/" I64, second->id));
  RT_ASSERT_ERROR (r, 409, "conflict");

  r = rt_get (s, admin->token, "/me");
  RT_ASSERT_STATUS (r, 200);
  RT_CHECK (NULL, rt_node_bool (rt_user_record (s, admin->id), "active"),
            "the admin is no longer active");
}

static gint64
timeline_count_kind (RtServer *s, const char *token, gint64 lead, const char *kind)
{
  RtResponse *r = rt_get (s, token, rt_path ("/leads/" I64 "/timeline", lead));
  gint64 count = 0;
  guint n;

  RT_ASSERT_STATUS (r, 200);
  n = rt_len (r, "items");
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (rt_str (r, rt_path ("items.%u.kind", i)), kind) == 0)
      count++;
  return count;
}

static void
test_transfer_all (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtUser *from = rt_user_new (s, "user", 0);
  RtUser *to = rt_user_new (s, "user", 0);
  gint64 leads[3];
  RtResponse *r;

  leads[0] = rt_lead_new (s, from->token, NULL);
  leads[1] = rt_lead_new (s, from->token, NULL);
  leads[2] = rt_lead_new (s, from->token, NULL);
  r = rt_post (s, from->token, rt_path ("/leads/" I64 "/unfollow", leads[2]), rt_json ("{'reason': 'ไม่สนใจ'}"));
  RT_ASSERT_STATUS (r, 200);

  r = rt_post (s, from->token, rt_path ("/users/" I64 "/transfer", from->id),
               rt_json ("{'to_user_id': " I64 "}", to->id));
  RT_ASSERT_ERROR (r, 403, "admin_only");

  /* the usual path: deactivate, then transfer (R21) */
  r = rt_delete (s, token, rt_path ("/users/" I64, from->id));
  RT_ASSERT_STATUS (r, 204);
  r = rt_post (s, token, rt_path ("/users/" I64 "/transfer", from->id),
               rt_json ("{'to_user_id': " I64 "}", to->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "moved_leads", 3);
  RT_ASSERT_INT (r, "moved_accounts", 0);

  for (int i = 0; i < 3; i++)
    {
      r = rt_lead_get (s, token, leads[i]);
      RT_ASSERT_INT (r, "owner_id", to->id);
      RT_ASSERT_CMPINT (NULL, timeline_count_kind (s, token, leads[i], "owner"), ==, 1);
    }
  r = rt_get (s, token, rt_path ("/leads?owner_id=" I64, from->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "total", 0);

  /* nothing left to move */
  r = rt_post (s, token, rt_path ("/users/" I64 "/transfer", from->id),
               rt_json ("{'to_user_id': " I64 "}", to->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "moved_leads", 0);
}

static void
test_transfer_selected (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtUser *from = rt_user_new (s, "user", 0);
  RtUser *to = rt_user_new (s, "user", 0);
  gint64 a = rt_lead_new (s, from->token, NULL);
  gint64 b = rt_lead_new (s, from->token, NULL);
  gint64 c = rt_lead_new (s, from->token, NULL);
  RtResponse *r;

  r = rt_post (s, token, rt_path ("/users/" I64 "/transfer", from->id),
               rt_json ("{'to_user_id': " I64 ", 'lead_ids': [" I64 ", " I64 "]}", to->id, a, c));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "moved_leads", 2);

  RT_ASSERT_INT (rt_lead_get (s, token, a), "owner_id", to->id);
  RT_ASSERT_INT (rt_lead_get (s, token, b), "owner_id", from->id);
  RT_ASSERT_INT (rt_lead_get (s, token, c), "owner_id", to->id);
  RT_ASSERT_CMPINT (NULL, timeline_count_kind (s, token, a, "owner"), ==, 1);
  RT_ASSERT_CMPINT (NULL, timeline_count_kind (s, token, b, "owner"), ==, 0);

  /* the new owner works them; the old one keeps working the rest */
  r = rt_get (s, to->token, rt_path ("/leads?owner_id=" I64, to->id));
  RT_ASSERT_INT (r, "total", 2);
  r = rt_get (s, from->token, rt_path ("/leads?owner_id=" I64, from->id));
  RT_ASSERT_INT (r, "total", 1);
}

/* Accounts can only be made by the demo data until the accounts API exists:
 * move all of somchai's records away and back, and count. */
static void
test_transfer_accounts (void)
{
  g_autoptr(RtServer) s = rt_server_start (&(RtServerOpts) { .demo = TRUE });
  const char *token = rt_admin (s)->token;
  const char *somchai = rt_login (s, "somchai", "demo-password");
  RtUser *to = rt_user_new (s, "user", 0);
  gint64 somchai_id, leads, accounts;
  RtResponse *r;

  r = rt_get (s, somchai, "/me");
  RT_ASSERT_STATUS (r, 200);
  somchai_id = rt_int (r, "id");

  r = rt_post (s, token, rt_path ("/users/" I64 "/transfer", somchai_id),
               rt_json ("{'to_user_id': " I64 "}", to->id));
  RT_ASSERT_STATUS (r, 200);
  leads = rt_int (r, "moved_leads");
  accounts = rt_int (r, "moved_accounts");
  RT_CHECK (r, leads > 0 && accounts > 0, "somchai's demo leads and accounts moved (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", leads, accounts);

  /* nothing is left with somchai */
  r = rt_post (s, token, rt_path ("/users/" I64 "/transfer", somchai_id),
               rt_json ("{'to_user_id': " I64 "}", to->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "moved_leads", 0);
  RT_ASSERT_INT (r, "moved_accounts", 0);

  /* and the new owner holds exactly them */
  r = rt_post (s, token, rt_path ("/users/" I64 "/transfer", to->id),
               rt_json ("{'to_user_id': " I64 "}", somchai_id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "moved_leads", leads);
  RT_ASSERT_INT (r, "moved_accounts", accounts);
}

/* ---- teams ------------------------------------------------------------------ */

static void
test_team_create (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  RtUser *lead = rt_user_new (s, "user", 0);
  RtUser *plain = rt_user_new (s, "user", 0);
  RtResponse *r;
  gint64 id;

  r = rt_post (s, token, "/teams",
               rt_json ("{'name': 'ทีมขายภาคเหนือ', 'lead_id': " I64 ", 'distribution': 'none'}", lead->id));
  RT_ASSERT_STATUS (r, 201);
  id = rt_int (r, "id");
  RT_ASSERT_STR (r, "name", "ทีมขายภาคเหนือ");
  RT_ASSERT_INT (r, "lead_id", lead->id);
  RT_ASSERT_STR (r, "distribution", "none");
  RT_ASSERT_INT (r, "version", 1);

  /* everyone reads teams */
  r = rt_get (s, plain->token, "/teams");
  RT_ASSERT_STATUS (r, 200);
  RT_CHECK (r, rt_array_has_int (r, "items", "id", id), "GET /teams does not list the new team");

  r = rt_post (s, plain->token, "/teams", rt_json ("{'name': 'ทีมแอบ', 'distribution': 'none'}"));
  RT_ASSERT_ERROR (r, 403, "admin_only");
  r = rt_post (s, token, "/teams", rt_json ("{'name': 'ทีมผิด', 'distribution': 'random'}"));
  RT_ASSERT_INVALID (r, "distribution");
  r = rt_post (s, token, "/teams", rt_json ("{'name': 'ทีมผิด', 'distribution': 'none', 'colour': 'red'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
}

static void
test_team_patch (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  gint64 team = rt_team_new (s, "none", 0);
  const char *path = rt_path ("/teams/" I64, team);
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;

  r = rt_patch (s, token, path, NULL, rt_json ("{'distribution': 'fewest_open'}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = rt_patch (s, token, path, rt_version_tag (7), rt_json ("{'distribution': 'fewest_open'}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");
  r = rt_patch (s, u->token, path, rt_version_tag (1), rt_json ("{'distribution': 'fewest_open'}"));
  RT_ASSERT_ERROR (r, 403, "admin_only");

  r = rt_patch (s, token, path, rt_version_tag (1),
                rt_json ("{'distribution': 'fewest_open', 'lead_id': " I64 "}", u->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "distribution", "fewest_open");
  RT_ASSERT_INT (r, "lead_id", u->id);
  RT_ASSERT_INT (r, "version", 2);
}

static void
test_team_membership (void)
{
  RtServer *s = rt_shared ();
  gint64 team = rt_team_new (s, "none", 0);
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;

  rt_user_set_team (s, u->id, team);
  r = rt_get (s, u->token, "/me");
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "team_id", team);
  r = rt_post (s, NULL, "/session", rt_json ("{'username': '%s', 'password': '%s'}", u->username, u->password));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_INT (r, "user.team_id", team);
}

static void
test_team_round_robin (void)
{
  RtServer *s = rt_shared ();
  gint64 team = rt_team_new (s, "round_robin", 0);
  RtUser *m[3];
  gint64 owners[6];

  for (int i = 0; i < 3; i++)
    m[i] = rt_user_new (s, "user", team);

  for (int i = 0; i < 6; i++)
    {
      RtResponse *r = rt_lead_create (s, m[1]->token, NULL);
      RT_ASSERT_STATUS (r, 201);
      owners[i] = rt_int (r, "owner_id");
      RT_CHECK (r, owners[i] == m[0]->id || owners[i] == m[1]->id || owners[i] == m[2]->id,
                "round robin gave the lead to " I64 ", not a member", owners[i]);
    }
  /* in turn: every member once per round, in the same order */
  RT_CHECK (NULL, owners[0] != owners[1] && owners[1] != owners[2] && owners[0] != owners[2],
            "the first round went to " I64 ", " I64 ", " I64, owners[0], owners[1], owners[2]);
  for (int i = 3; i < 6; i++)
    RT_ASSERT_CMPINT (NULL, owners[i], ==, owners[i - 3]);

  /* an explicit owner_id is not redistributed */
  {
    RtResponse *r = rt_lead_create (s, m[1]->token, rt_json ("{'owner_id': " I64 "}", m[1]->id));
    RT_ASSERT_STATUS (r, 201);
    RT_ASSERT_INT (r, "owner_id", m[1]->id);
  }
}

int
main (int argc, char **argv)
{
  rt_init (&argc, &argv);

  rt_add ("/users/list", test_list);
  rt_add ("/users/create", test_create);
  rt_add ("/users/create-non-admin", test_create_non_admin);
  rt_add ("/users/create-duplicate", test_create_duplicate);
  rt_add ("/users/create-invalid", test_create_invalid);
  rt_add ("/users/patch", test_patch);
  rt_add ("/users/deactivate", test_deactivate);
  rt_add ("/users/deactivate-self", test_deactivate_self);
  rt_add ("/users/transfer-all", test_transfer_all);
  rt_add ("/users/transfer-selected", test_transfer_selected);
  rt_add ("/users/transfer-accounts", test_transfer_accounts);
  rt_add ("/teams/create", test_team_create);
  rt_add ("/teams/patch", test_team_patch);
  rt_add ("/teams/membership", test_team_membership);
  rt_add ("/teams/round-robin", test_team_round_robin);

  return rt_run ();
}
