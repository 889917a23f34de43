/* test-api-errors.c — the error contract (shape, Thai/English messages, 400/413/422)
 * and requests that must not crash the server */
#include "config.h"

#include "server-fixture.h"

static RtResponse *
with_language (RtServer *s, const char *method, const char *path, const char *token, const char *body,
               const char *language)
{
  return rt_request (s, method, path,
                     &(RtRequestOpts) { .token = token, .body = body, .accept_language = language });
}

static void
assert_english (RtResponse *r)
{
  const char *message = rt_str (r, "error.message");

  RT_CHECK (r, !rt_text_has_thai (message), "the message is Thai without Accept-Language: th: \"%s\"", message);
  RT_CHECK (r, g_regex_match_simple ("[A-Za-z]{2,}", message, 0, 0), "the message is not English: \"%s\"", message);
}

static void
assert_thai (RtResponse *r)
{
  const char *message = rt_str (r, "error.message");

  RT_CHECK (r, rt_text_has_thai (message), "the message is not Thai under Accept-Language: th: \"%s\"", message);
}

/* one request per common error, in both languages */
static void
test_messages (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 lead = rt_lead_new (s, u->token, NULL);
  const char *languages[] = { NULL, "en", "en-US,en;q=0.9", "th", "th-TH,th;q=0.9,en;q=0.8", "TH" };
  gboolean thai[] = { FALSE, FALSE, FALSE, TRUE, TRUE, TRUE };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *lang = languages[i];
      RtResponse *r[8];

      r[0] = with_language (s, "GET", "/me", NULL, NULL, lang);
      RT_ASSERT_ERROR (r[0], 401, "unauthorized");
      r[1] = with_language (s, "GET", "/leads/999999", u->token, NULL, lang);
      RT_ASSERT_ERROR (r[1], 404, "not_found");
      r[2] = with_language (s, "POST", "/leads", u->token, "{\"name\": ", lang);
      RT_ASSERT_ERROR (r[2], 400, "bad_request");
      r[3] = with_language (s, "POST", "/leads", u->token, rt_json ("{'name': '', 'source': 'x'}"), lang);
      RT_ASSERT_ERROR (r[3], 422, "invalid");
      r[4] = with_language (s, "POST", "/users", u->token,
                            rt_json ("{'username': 'x', 'display_name': 'x', 'password': 'long-enough', 'role': 'user'}"),
                            lang);
      RT_ASSERT_ERROR (r[4], 403, "admin_only");
      r[5] = with_language (s, "PATCH", rt_path ("/leads/" I64, lead), u->token, rt_json ("{'name': 'x'}"), lang);
      RT_ASSERT_ERROR (r[5], 428, "precondition_required");
      r[6] = rt_request (s, "PATCH", rt_path ("/leads/" I64, lead),
                         &(RtRequestOpts) { .token = u->token, .body = rt_json ("{'name': 'x'}"),
                                            .if_match = "\"99\"", .accept_language = lang });
      RT_ASSERT_ERROR (r[6], 412, "precondition_failed");
      r[7] = with_language (s, "POST", "/session", NULL,
                            rt_json ("{'username': '%s', 'password': 'wrong'}", rt_unique ("nobody")), lang);
      RT_ASSERT_ERROR (r[7], 401, "unauthorized");

      for (guint j = 0; j < G_N_ELEMENTS (r); j++)
        {
          if (thai[i])
            assert_thai (r[j]);
          else
            assert_english (r[j]);
        }
    }
}

static void
test_field_messages (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *body = rt_json ("{'name': '', 'source': 'ไม่มี', 'phone': '123'}");
  RtResponse *en = with_language (s, "POST", "/leads", u->token, body, NULL);
  RtResponse *th = with_language (s, "POST", "/leads", u->token, body, "th");
  static const char *fields[] = { "name", "source", "phone" };

  RT_ASSERT_ERROR (en, 422, "invalid");
  RT_ASSERT_ERROR (th, 422, "invalid");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *path = rt_path ("error.fields.%s", fields[i]);
      RT_ASSERT_ERROR_FIELD (en, fields[i]);
      RT_ASSERT_ERROR_FIELD (th, fields[i]);
      RT_CHECK (en, !rt_text_has_thai (rt_str (en, path)), "fields.%s is Thai in English", fields[i]);
      RT_CHECK (th, rt_text_has_thai (rt_str (th, path)), "fields.%s is not Thai under th", fields[i]);
    }
}

static void
test_malformed_json (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  static const char *bodies[] = {
    "", "{", "}", "[]", "null", "42", "\"text\"", "{\"name\": }", "{\"name\": \"x\",}", "{'name': 'x'}",
    "{\"name\": \"x\"} trailing", "{\"name\" \"x\"}", "{\"a\": NaN}", "\xef\xbb\xbf{\"name\": \"\xff\xfe\"}",
  };
  g_autoptr(GString) problems = g_string_new (NULL);
  RtResponse *r;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GBytes) raw = g_bytes_new (bodies[i], strlen (bodies[i]));

      r = rt_request (s, "POST", "/leads", &(RtRequestOpts) { .token = u->token, .raw_body = raw });
      rt_note_unless_error (problems, r, 400, "bad_request");
      r = rt_request (s, "POST", "/session", &(RtRequestOpts) { .raw_body = raw });
      rt_note_unless_error (problems, r, 400, "bad_request");
    }

  /* invalid UTF-8 inside a string */
  {
    static const char bad_utf8[] = "{\"name\": \"\xe0\xb8\", \"source\": \"x\", \"phone\": \"0812345678\"}";
    g_autoptr(GBytes) raw = g_bytes_new (bad_utf8, sizeof bad_utf8 - 1);
    r = rt_request (s, "POST", "/leads", &(RtRequestOpts) { .token = u->token, .raw_body = raw });
    rt_note_unless_error (problems, r, 400, "bad_request");
  }
  RT_ASSERT_NO_PROBLEMS (problems);

  r = rt_get (s, u->token, rt_path ("/leads?owner_id=" I64, u->id));
  RT_ASSERT_INT (r, "total", 0);
}

static void
test_wrong_types (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 lead = rt_lead_new (s, u->token, NULL);
  RtResponse *r;

  r = rt_post (s, u->token, rt_path ("/leads/" I64 "/move", lead), rt_json ("{'step': [1]}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, u->token, rt_path ("/leads/" I64 "/notes", lead), rt_json ("{'body': {'text': 'x'}}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, u->token, rt_path ("/leads/" I64 "/unfollow", lead), rt_json ("{'reason': null}"));
  RT_CHECK (r, r->status == 400 || r->status == 422, "reason null answered %u", r->status);
  r = rt_post (s, rt_admin (s)->token, "/pipelines", rt_json ("{'name': 'x', 'steps': ['a', 'b']}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, rt_admin (s)->token, "/teams", rt_json ("{'name': 'x', 'distribution': 'none', 'lead_id': 'me'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, rt_admin (s)->token, rt_path ("/users/" I64 "/transfer", u->id),
               rt_json ("{'to_user_id': " I64 ", 'lead_ids': " I64 "}", rt_admin (s)->id, lead));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, rt_admin (s)->token, rt_path ("/users/" I64 "/transfer", u->id),
               rt_json ("{'to_user_id': " I64 ", 'lead_ids': ['" I64 "']}", rt_admin (s)->id, lead));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  RT_ASSERT_INT (rt_lead_get (s, u->token, lead), "owner_id", u->id);
}

static void
test_too_large (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const gsize mib = 1024 * 1024;
  GString *big = g_string_sized_new (2 * mib + 64);
  g_autoptr(GBytes) over = NULL, under = NULL;
  RtResponse *r;

  /* a valid JSON object just over 1 MiB */
  g_string_append (big, "{\"name\": \"");
  while (big->len < mib + 10)
    g_string_append (big, "กขค");
  g_string_append_printf (big, "\", \"source\": \"%s\", \"phone\": \"%s\"}", rt_lead_source (s), rt_unique_phone ());
  over = g_string_free_to_bytes (big);
  RT_CHECK (NULL, g_bytes_get_size (over) > mib, "the test body is not over 1 MiB");

  r = rt_request (s, "POST", "/leads", &(RtRequestOpts) { .token = u->token, .raw_body = over });
  RT_ASSERT_ERROR (r, 413, "too_large");
  r = rt_request (s, "POST", "/session", &(RtRequestOpts) { .raw_body = over });
  RT_ASSERT_ERROR (r, 413, "too_large");

  /* just under the limit is read (then judged on its content) */
  big = g_string_sized_new (mib);
  g_string_append (big, "{\"name\": \"");
  while (big->len < mib - 200)
    g_string_append_c (big, 'x');
  g_string_append_printf (big, "\", \"source\": \"%s\", \"phone\": \"%s\"}", rt_lead_source (s), rt_unique_phone ());
  under = g_string_free_to_bytes (big);
  r = rt_request (s, "POST", "/leads", &(RtRequestOpts) { .token = u->token, .raw_body = under });
  RT_CHECK (r, r->status == 201 || r->status == 422, "a body under 1 MiB answered %u", r->status);

  r = rt_get (s, NULL, "/health");
  RT_ASSERT_STATUS (r, 200);
}

static void
test_unknown_route (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;

  r = rt_get (s, u->token, "/no-such-thing");
  RT_ASSERT_ERROR (r, 404, "not_found");
  r = rt_get (s, u->token, "/leads/1/no-such-thing");
  RT_ASSERT_ERROR (r, 404, "not_found");
  r = rt_request (s, "PUT", "/leads", &(RtRequestOpts) { .token = u->token, .body = "{}" });
  RT_CHECK (r, r->status == 404 || r->status == 405, "PUT /leads answered %u", r->status);
  RT_CHECK (r, rt_has (r, "error.code") && rt_has (r, "error.message"), "PUT /leads: no error body");
}

static void
test_nasty_requests (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 lead = rt_lead_new (s, u->token, NULL);
  const char *lp = rt_path ("/leads/" I64, lead);
  GString *deep = g_string_new (NULL);
  GString *long_token = g_string_new (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  RtResponse *r;
  struct {
    const char *method;
    const char *path;
    const char *body;
  } cases[] = {
    { "POST", "/leads", "{\"name\": \"x\", \"source\": \"x\", \"value\": 99999999999999999999999}" },
    { "POST", "/leads", "{\"name\": \"x\", \"source\": \"x\", \"value\": 1e400}" },
    { "POST", "/leads", "{\"name\": \"x\", \"source\": \"x\", \"value\": -9223372036854775808}" },
    { "POST", "/leads", "{\"name\": \"a\\u0000b\", \"source\": \"x\", \"phone\": \"0812345678\"}" },
    { "POST", "/leads", "{\"name\": \"\\ud800\", \"source\": \"x\", \"phone\": \"0812345678\"}" },
    { "POST", "/leads", "{\"name\": \"x\", \"name\": 5}" },
    { "POST", "/leads", "{\"label_ids\": [1, 2, 99999999999], \"name\": \"x\", \"source\": \"x\"}" },
    { "POST", "/leads", "{\"custom\": {\"a\": {\"b\": {\"c\": [1, 2, {\"d\": null}]}}}, \"name\": \"\"}" },
    { "POST", "/leads/99999999999999999999/move", "{\"step\": 1}" },
    { "GET", "/leads/0", NULL },
    { "GET", "/leads/-1", NULL },
    { "GET", "/leads/1.5", NULL },
    { "GET", "/leads/abc", NULL },
    { "GET", "/leads/%00", NULL },
    { "GET", "/leads/%E0%B8", NULL },
    { "GET", "/leads//timeline", NULL },
    { "GET", "/pipelines/99999999999999999999/summary", NULL },
    { "POST", "/leads/1/move", "{\"step\": 2147483648}" },
    { "POST", "/leads/1/move", "{\"step\": -2147483649}" },
    { "POST", "/users/0/transfer", "{\"to_user_id\": 0}" },
    { "DELETE", "/users/abc", NULL },
  };

  /* odd but harmless: any answer but a server error */
  static const char *odd_queries[] = {
    "q=%00", "q=%ff%fe", "q=%E0%B8", "limit=10&limit=20", "step=2147483648", "q=" "%F0%9F%98%80",
    "unknown_parameter=1",
  };

  for (int i = 0; i < 20000; i++)
    g_string_append_c (deep, '[');
  for (int i = 0; i < 20000; i++)
    g_string_append_c (deep, ']');
  for (int i = 0; i < 20000; i++)
    g_string_append_c (long_token, 'A');

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      r = rt_request (s, cases[i].method, cases[i].path,
                      &(RtRequestOpts) { .token = u->token, .body = cases[i].body, .if_match = "\"1\"" });
      if (r->status < 400 || r->status >= 500)
        rt_note (problems, r, "expected a 4xx");
      else if (!rt_has (r, "error.code") || !rt_has (r, "error.message"))
        rt_note (problems, r, "no error body");
    }

  for (guint i = 0; i < G_N_ELEMENTS (odd_queries); i++)
    {
      r = rt_get (s, u->token, rt_path ("/leads?%s", odd_queries[i]));
      if (r->status < 200 || r->status >= 500)
        rt_note (problems, r, "expected 200 or a 4xx");
      else if (r->status != 200 && !rt_has (r, "error.code"))
        rt_note (problems, r, "no error body");
    }

  /* settings the admin gets wrong */
  {
    const char *bad_settings[] = {
      "{\"vat_rate_bp\": -1}", "{\"lead_sources\": []}", "{\"lead_sources\": [1, 2]}",
      "{\"lead_sources\": [\"\"]}", "{\"duplicates\": {\"action\": \"explode\"}}",
      "{\"erasure\": {\"accounts\": \"everything\"}}", "{\"max_contacts_per_account\": 1e9}",
    };
    RtResponse *before = rt_get (s, rt_admin (s)->token, "/settings");

    for (guint i = 0; i < G_N_ELEMENTS (bad_settings); i++)
      {
        r = rt_patch (s, rt_admin (s)->token, "/settings", rt_header (before, "ETag"), bad_settings[i]);
        if ((r->status != 400 && r->status != 422) || !rt_has (r, "error.code"))
          rt_note (problems, r, "expected 400 or 422 with an error body");
      }
    r = rt_get (s, rt_admin (s)->token, "/settings");
    RT_ASSERT_INT (r, "version", rt_int (before, "version"));
  }
  RT_ASSERT_NO_PROBLEMS (problems);

  r = rt_request (s, "POST", "/leads", &(RtRequestOpts) { .token = u->token, .body = deep->str });
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_request (s, "POST", "/leads", &(RtRequestOpts) { .token = u->token, .body = "{}",
                                                          .content_type = "text/plain" });
  RT_CHECK (r, r->status == 400 || r->status == 415, "text/plain body answered %u", r->status);
  r = rt_get (s, long_token->str, "/me");
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_request (s, "GET", "/me", &(RtRequestOpts) { .authorization = "Bearer \xe0\xb8\x81\xe0\xb8" });
  RT_ASSERT_ERROR (r, 401, "unauthorized");
  r = rt_request (s, "PATCH", lp, &(RtRequestOpts) { .token = u->token, .body = "{\"name\": \"x\"}",
                                                     .if_match = "garbage" });
  RT_CHECK (r, r->status == 400 || r->status == 412, "If-Match: garbage answered %u", r->status);
  r = rt_request (s, "PATCH", lp, &(RtRequestOpts) { .token = u->token, .body = "{\"name\": \"x\"}",
                                                     .if_match = "\"99999999999999999999999\"" });
  RT_CHECK (r, r->status == 400 || r->status == 412, "a huge If-Match answered %u", r->status);
  r = rt_request (s, "PATCH", lp, &(RtRequestOpts) { .token = u->token, .body = "{\"name\": \"x\"}",
                                                     .if_match = "\"-1\"" });
  RT_CHECK (r, r->status == 400 || r->status == 412, "If-Match: \"-1\" answered %u", r->status);
  RT_ASSERT_INT (rt_lead_get (s, u->token, lead), "version", 1);

  g_string_free (deep, TRUE);
  g_string_free (long_token, TRUE);

  /* still alive */
  r = rt_get (s, NULL, "/health");
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "status", "ok");
  r = rt_get (s, u->token, "/me");
  RT_ASSERT_STATUS (r, 200);
}

/* the open sockets of a process */
static guint
count_sockets (GPid pid)
{
  g_autofree char *dir_path = g_strdup_printf ("/proc/%d/fd", (int) pid);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *target = g_file_read_link (path, NULL);

      if (target != NULL && g_str_has_prefix (target, "socket:"))
        n++;
    }
  return n;
}

/* clients that come and go (each request on a new connection, closed by the
 * client) must not leave the server with one open socket each: it would run
 * out of file descriptors */
static void
test_connections_are_closed (void)
{
  RtServer *s = rt_shared ();
  guint before, after = 0;

  rt_get (s, NULL, "/me");
  before = count_sockets (rt_server_pid (s));
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
      g_autofree char *uri = g_strconcat (rt_server_base_url (s), "/api/v1/me", NULL);
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
      g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, NULL);

      g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
      soup_session_abort (session);
    }
  /* the server closes its ends as the clients go */
  for (guint tries = 0; tries < 50; tries++)
    {
      after = count_sockets (rt_server_pid (s));
      if (after <= before + 5)
        break;
      g_usleep (100 * 1000);
    }
  RT_CHECK (NULL, after <= before + 5, "the server holds %u sockets after 60 closed connections (%u before)",
            after, before);
}

int
main (int argc, char **argv)
{
  rt_init (&argc, &argv);

  rt_add ("/errors/messages", test_messages);
  rt_add ("/errors/field-messages", test_field_messages);
  rt_add ("/errors/malformed-json", test_malformed_json);
  rt_add ("/errors/wrong-types", test_wrong_types);
  rt_add ("/errors/too-large", test_too_large);
  rt_add ("/errors/unknown-route", test_unknown_route);
  rt_add ("/errors/nasty-requests", test_nasty_requests);
  rt_add ("/errors/connections-are-closed", test_connections_are_closed);

  return rt_run ();
}
