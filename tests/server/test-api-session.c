/* test-api-session.c — health, login, logout, /me, 401 and 429 */
#include "config.h"

#include "server-fixture.h"

static void
test_health (void)
{
  RtServer *s = rt_shared ();
  RtResponse *r = rt_get (s, NULL, "/health");
  const char *type;

  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "status", "ok");
  type = rt_header (r, "Content-Type");
  RT_CHECK (r, type != NULL && g_str_has_prefix (type, "application/json"),
            "Content-Type is \"%s\", expected application/json", type);

  /* a token is not needed, and a bad one does not matter */
  r = rt_get (s, "not-a-token", "/health");
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "status", "ok");
}

static void
test_login (void)
{
  RtServer *s = rt_shared ();
  RtResponse *r = rt_post (s, NULL, "/session",
                           rt_json ("{'username': 'admin', 'password': '%s'}", RT_ADMIN_PASSWORD));

  RT_ASSERT_STATUS (r, 201);
  RT_CHECK (r, strlen (rt_str (r, "token")) >= 20, "token is too short to be a secret");
  RT_CHECK (r, rt_int (r, "user.id") > 0, "user.id is not positive");
  RT_ASSERT_STR (r, "user.username", "admin");
  RT_ASSERT_STR (r, "user.role", "admin");
  rt_str (r, "user.display_name");
  RT_ASSERT_HAS (r, "user.team_id");
  RT_CHECK (r, !rt_has (r, "user.password") && !rt_has (r, "user.password_hash"),
            "the login answer shows a password");

  /* the token works */
  r = rt_get (s, rt_str (r, "token"), "/me");
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "username", "admin");
}

static void
test_login_wrong_password (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r = rt_post (s, NULL, "/session",
                           rt_json ("{'username': '%s', 'password': 'wrong-password'}", u->username));

  RT_ASSERT_ERROR (r, 401, "unauthorized");
  RT_CHECK (r, !rt_has (r, "token"), "a failed login answered a token");
}

static void
test_login_unknown_user (void)
{
  RtServer *s = rt_shared ();
  RtResponse *r = rt_post (s, NULL, "/session",
                           rt_json ("{'username': '%s', 'password': '%s'}", rt_unique ("nobody"),
                                    RT_USER_PASSWORD));

  RT_ASSERT_ERROR (r, 401, "unauthorized");
}

static void
test_login_bad_body (void)
{
  RtServer *s = rt_shared ();
  RtResponse *r;

  r = rt_post (s, NULL, "/session", "{\"username\": \"admin\", ");
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, NULL, "/session", rt_json ("{'username': 42, 'password': '%s'}", RT_ADMIN_PASSWORD));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, NULL, "/session",
               rt_json ("{'username': 'admin', 'password': '%s', 'role': 'admin'}", RT_ADMIN_PASSWORD));
  RT_ASSERT_ERROR (r, 400, "bad_request");
}

static void
test_me (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r = rt_get (s, u->token, "/me");

  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "id", u->id);
  RT_ASSERT_STR (r, "username", u->username);
  RT_ASSERT_STR (r, "role", "user");
  rt_str (r, "display_name");
  RT_ASSERT_HAS (r, "team_id");
  RT_ASSERT_HAS (r, "phone");
  RT_ASSERT_HAS (r, "email");
  RT_ASSERT_BOOL (r, "has_signature", FALSE);
  RT_CHECK (r, !rt_has (r, "password_hash") && !rt_has (r, "password"), "GET /me shows a password");
}

static void
test_patch_me (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r = rt_get (s, u->token, "/me");
  const char *etag = rt_header (r, "ETag");
  gint64 version;

  RT_ASSERT_STATUS (r, 200);
  version = rt_int (r, "version");
  RT_CHECK (r, etag != NULL, "GET /me sent no ETag");
  RT_ASSERT_CMPSTR (r, etag, ==, rt_version_tag (version));

  r = rt_patch (s, u->token, "/me", NULL, rt_json ("{'display_name': 'สมหญิง ขายเก่ง'}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = rt_patch (s, u->token, "/me", rt_version_tag (version + 5), rt_json ("{'display_name': 'สมหญิง ขายเก่ง'}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");

  r = rt_patch (s, u->token, "/me", etag, rt_json ("{'display_name': 'สมหญิง ขายเก่ง'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "display_name", "สมหญิง ขายเก่ง");
  RT_ASSERT_INT (r, "version", version + 1);
  r = rt_get (s, u->token, "/me");
  RT_ASSERT_STR (r, "display_name", "สมหญิง ขายเก่ง");

  /* role is not the user's to change */
  r = rt_patch (s, u->token, "/me", rt_version_tag (version + 1), rt_json ("{'role': 'admin'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_get (s, u->token, "/me");
  RT_ASSERT_STR (r, "role", "user");

  /* a new password with the current one; then it is the one that logs in */
  r = rt_patch (s, u->token, "/me", rt_version_tag (version + 1),
                rt_json ("{'password': 'new-password-456', 'current_password': '%s'}", RT_USER_PASSWORD));
  RT_ASSERT_STATUS (r, 200);
  r = rt_post (s, NULL, "/session", rt_json ("{'username': '%s', 'password': '%s'}", u->username, RT_USER_PASSWORD));
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  rt_login (s, u->username, "new-password-456");
}

static void
test_no_token (void)
{
  RtServer *s = rt_shared ();
  RtResponse *r;

  r = rt_get (s, NULL, "/me");
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_get (s, "bm90LWEtcmVhbC10b2tlbg", "/me");
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_request (s, "GET", "/me", &(RtRequestOpts) { .authorization = "Basic YWRtaW46YWRtaW4tc2VjcmV0LTE=" });
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_request (s, "GET", "/me", &(RtRequestOpts) { .authorization = "Bearer" });
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_get (s, NULL, "/leads");
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_get (s, NULL, "/settings");
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_delete (s, NULL, "/session");
  RT_ASSERT_ERROR (r, 401, "unauthorized");
}

static void
test_logout (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *second = rt_login (s, u->username, u->password);
  RtResponse *r;

  /* every login is its own opaque session */
  RT_ASSERT_CMPSTR (NULL, second, !=, u->token);
  RT_CHECK (NULL, strstr (second, u->username) == NULL, "the token contains the username");

  r = rt_delete (s, second, "/session");
  RT_ASSERT_STATUS (r, 204);
  RT_CHECK (r, g_bytes_get_size (r->body) == 0, "204 with a body");

  r = rt_get (s, second, "/me");
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_delete (s, second, "/session");
  RT_ASSERT_ERROR (r, 401, "unauthorized");

  /* the other session of the same user is untouched */
  r = rt_get (s, u->token, "/me");
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "id", u->id);
}

static void
test_rate_limit (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtUser *other = rt_user_new (s, "user", 0);
  RtResponse *r;

  for (int i = 0; i < 5; i++)
    {
      r = rt_post (s, NULL, "/session",
                   rt_json ("{'username': '%s', 'password': 'wrong-%d'}", u->username, i));
      RT_ASSERT_ERROR (r, 401, "unauthorized");
    }
  /* the 6th attempt within 15 minutes, even with the right password */
  r = rt_post (s, NULL, "/session", rt_json ("{'username': '%s', 'password': '%s'}", u->username, u->password));
  RT_ASSERT_ERROR (r, 429, "rate_limited");
  RT_CHECK (r, !rt_has (r, "token"), "a rate-limited login answered a token");
  r = rt_post (s, NULL, "/session", rt_json ("{'username': '%s', 'password': 'wrong'}", u->username));
  RT_ASSERT_ERROR (r, 429, "rate_limited");

  /* per username: another user still logs in, and existing sessions keep working */
  rt_login (s, other->username, other->password);
  r = rt_get (s, u->token, "/me");
  RT_ASSERT_STATUS (r, 200);
}

static void
test_deactivated_user (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;

  r = rt_delete (s, rt_admin (s)->token, rt_path ("/users/" I64, u->id));
  RT_ASSERT_STATUS (r, 204);

  r = rt_get (s, u->token, "/me");
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_post (s, NULL, "/session", rt_json ("{'username': '%s', 'password': '%s'}", u->username, u->password));
  RT_ASSERT_ERROR (r, 401, "unauthorized");
}

int
main (int argc, char **argv)
{
  rt_init (&argc, &argv);

  rt_add ("/session/health", test_health);
  rt_add ("/session/login", test_login);
  rt_add ("/session/login-wrong-password", test_login_wrong_password);
  rt_add ("/session/login-unknown-user", test_login_unknown_user);
  rt_add ("/session/login-bad-body", test_login_bad_body);
  rt_add ("/session/me", test_me);
  rt_add ("/session/patch-me", test_patch_me);
  rt_add ("/session/no-token", test_no_token);
  rt_add ("/session/logout", test_logout);
  rt_add ("/session/rate-limit", test_rate_limit);
  rt_add ("/session/deactivated-user", test_deactivated_user);

  return rt_run ();
}
