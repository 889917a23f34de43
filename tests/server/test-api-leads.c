/* test-api-leads.c — leads: create (R1), get/ETag, PATCH/If-Match, list + filters + paging,
 * move (R8, R9), unfollow/restore (R6), notes (R5), timeline, assign */
#include "config.h"

#include "server-fixture.h"

static const char *lead_members[] = {
  "id", "name", "company", "phone", "email", "tax_id", "source", "value", "owner_id", "pipeline_id",
  "step", "state", "account_id", "label_ids", "custom", "unfollow_reason", "created_at", "updated_at",
  "last_activity_at", "version",
};

static const char *
lead_path (gint64 id, const char *tail)
{
  return rt_path ("/leads/" I64 "%s", id, tail != NULL ? tail : "");
}

static void
assert_lead_shape (RtResponse *r)
{
  for (guint i = 0; i < G_N_ELEMENTS (lead_members); i++)
    RT_ASSERT_HAS (r, lead_members[i]);
  RT_CHECK (r, rt_is_rfc3339_utc (rt_str (r, "created_at")), "created_at is not RFC 3339 UTC");
  RT_CHECK (r, rt_is_rfc3339_utc (rt_str (r, "updated_at")), "updated_at is not RFC 3339 UTC");
  RT_CHECK (r, rt_is_rfc3339_utc (rt_str (r, "last_activity_at")), "last_activity_at is not RFC 3339 UTC");
  RT_CHECK (r, JSON_NODE_HOLDS_OBJECT (rt_node (r, "custom")), "custom is not an object");
  rt_len (r, "label_ids");
}

/* ---- create --------------------------------------------------------------- */

static void
test_create_defaults (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;
  gint64 id;

  r = rt_post (s, u->token, "/leads",
               rt_json ("{'name': 'นายทดสอบ สร้างใหม่', 'company': 'บริษัท ทดสอบ จำกัด', 'phone': '089-765-4321', "
                        "'source': '%s'}", rt_lead_source (s)));
  RT_ASSERT_STATUS (r, 201);
  assert_lead_shape (r);
  id = rt_int (r, "id");
  RT_CHECK (r, id > 0, "id is not positive");
  RT_ASSERT_STR (r, "name", "นายทดสอบ สร้างใหม่");
  RT_ASSERT_STR (r, "company", "บริษัท ทดสอบ จำกัด");
  RT_ASSERT_STR (r, "phone", "+66897654321");
  RT_ASSERT_NULL (r, "email");
  RT_ASSERT_NULL (r, "tax_id");
  RT_ASSERT_STR (r, "source", rt_lead_source (s));
  RT_ASSERT_INT (r, "value", 0);
  RT_ASSERT_INT (r, "owner_id", u->id);
  RT_ASSERT_INT (r, "pipeline_id", rt_standard_pipeline (s));
  RT_ASSERT_INT (r, "step", 0);
  RT_ASSERT_STR (r, "state", "in_progress");
  RT_ASSERT_NULL (r, "account_id");
  RT_ASSERT_CMPINT (r, rt_len (r, "label_ids"), ==, 0);
  RT_ASSERT_NULL (r, "unfollow_reason");
  RT_ASSERT_INT (r, "version", 1);

  r = rt_lead_get (s, u->token, id);
  assert_lead_shape (r);
  RT_ASSERT_INT (r, "id", id);
  RT_ASSERT_STR (r, "phone", "+66897654321");
  RT_ASSERT_INT (r, "owner_id", u->id);
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, "\"1\"");

  /* an admin may create a lead for someone else (R24), a plain user may not */
  r = rt_lead_create (s, rt_admin (s)->token, rt_json ("{'owner_id': " I64 "}", u->id));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_INT (r, "owner_id", u->id);
  r = rt_lead_create (s, u->token, rt_json ("{'owner_id': " I64 "}", rt_admin (s)->id));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  r = rt_lead_create (s, u->token, rt_json ("{'owner_id': " I64 "}", u->id));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_INT (r, "owner_id", u->id);
}

static void
test_create_normalise (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;

  RT_ASSERT_CMPINT (NULL, rt_tax_id_check_digit ("010553600031"), ==, '3');

  r = rt_lead_create (s, u->token, rt_json ("{'email': '  Somchai.J@Example.CO.TH '}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "email", "somchai.j@example.co.th");
  RT_ASSERT_NULL (r, "phone");

  r = rt_lead_create (s, u->token, rt_json ("{'tax_id': '0-1055-36000-31-3'}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "tax_id", "0105536000313");

  r = rt_lead_create (s, u->token, rt_json ("{'phone': '02-123-4567'}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "phone", "+6621234567");

  r = rt_lead_create (s, u->token, rt_json ("{'phone': '+66 81 555 0101', 'value': 15000050}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "phone", "+66815550101");
  RT_ASSERT_INT (r, "value", 15000050);

  r = rt_lead_create (s, u->token, rt_json ("{'name': '  นางสาวเว้นวรรค  ', 'phone': '0815550202'}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "name", "นางสาวเว้นวรรค");
  RT_ASSERT_STR (r, "phone", "+66815550202");
}

static void
test_create_invalid (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *src = rt_lead_source (s);
  RtResponse *r;

  r = rt_post (s, u->token, "/leads", rt_json ("{'source': '%s', 'phone': '%s'}", src, rt_unique_phone ()));
  RT_ASSERT_INVALID (r, "name");
  r = rt_post (s, u->token, "/leads", rt_json ("{'name': '   ', 'source': '%s', 'phone': '%s'}", src, rt_unique_phone ()));
  RT_ASSERT_INVALID (r, "name");

  r = rt_post (s, u->token, "/leads", rt_json ("{'name': 'ไม่มีที่มา', 'phone': '%s'}", rt_unique_phone ()));
  RT_ASSERT_INVALID (r, "source");
  r = rt_post (s, u->token, "/leads",
               rt_json ("{'name': 'ที่มาแปลก', 'source': 'ไม่อยู่ในรายการ', 'phone': '%s'}", rt_unique_phone ()));
  RT_ASSERT_INVALID (r, "source");

  /* at least one of phone, email, tax ID — all three are named */
  r = rt_post (s, u->token, "/leads", rt_json ("{'name': 'ไม่มีช่องทางติดต่อ', 'source': '%s'}", src));
  RT_ASSERT_INVALID (r, "phone");
  RT_ASSERT_ERROR_FIELD (r, "email");
  RT_ASSERT_ERROR_FIELD (r, "tax_id");

  r = rt_post (s, u->token, "/leads", rt_json ("{'name': 'เบอร์ผิด', 'source': '%s', 'phone': '12345'}", src));
  RT_ASSERT_INVALID (r, "phone");
  r = rt_post (s, u->token, "/leads", rt_json ("{'name': 'เบอร์ผิด', 'source': '%s', 'phone': 'โทรหาฉัน'}", src));
  RT_ASSERT_INVALID (r, "phone");
  r = rt_post (s, u->token, "/leads", rt_json ("{'name': 'อีเมลผิด', 'source': '%s', 'email': 'not-an-email'}", src));
  RT_ASSERT_INVALID (r, "email");
  /* the check digit of 010553600031x is 3 */
  r = rt_post (s, u->token, "/leads", rt_json ("{'name': 'เลขผิด', 'source': '%s', 'tax_id': '0105536000315'}", src));
  RT_ASSERT_INVALID (r, "tax_id");
  r = rt_post (s, u->token, "/leads", rt_json ("{'name': 'เลขสั้น', 'source': '%s', 'tax_id': '010553600031'}", src));
  RT_ASSERT_INVALID (r, "tax_id");
  r = rt_post (s, u->token, "/leads",
               rt_json ("{'name': 'ติดลบ', 'source': '%s', 'phone': '%s', 'value': -1}", src, rt_unique_phone ()));
  RT_ASSERT_INVALID (r, "value");

  /* every bad field at once */
  r = rt_post (s, u->token, "/leads", rt_json ("{'name': '', 'source': 'ไม่มี', 'phone': '1', 'email': 'x@'}"));
  RT_ASSERT_INVALID (r, "name");
  RT_ASSERT_ERROR_FIELD (r, "source");
  RT_ASSERT_ERROR_FIELD (r, "phone");
  RT_ASSERT_ERROR_FIELD (r, "email");

  /* nothing was created */
  r = rt_get (s, u->token, rt_path ("/leads?owner_id=" I64 "&state=unfollowed", u->id));
  RT_ASSERT_INT (r, "total", 0);
  r = rt_get (s, u->token, rt_path ("/leads?owner_id=" I64, u->id));
  RT_ASSERT_INT (r, "total", 0);
}

static void
test_create_wrong_types (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  static const char *bodies[] = {
    "{'name': 5}",
    "{'phone': 812345678}",
    "{'email': ['a@b.co']}",
    "{'tax_id': 105536000313}",
    "{'value': '100'}",
    "{'value': 1.5}",
    "{'value': true}",
    "{'company': {'th': 'x'}}",
    "{'label_ids': 'x'}",
    "{'label_ids': ['1']}",
    "{'custom': []}",
    "{'pipeline_id': '1'}",
    "{'owner_id': true}",
    "{'colour': 'red'}",
    "{'created_by': 1}",
  };
  g_autoptr(GString) problems = g_string_new (NULL);
  RtResponse *r;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    rt_note_unless_error (problems, rt_lead_create (s, u->token, rt_json ("%s", bodies[i])), 400, "bad_request");
  rt_note_unless_error (problems, rt_post (s, u->token, "/leads", rt_json ("[{'name': 'อาร์เรย์'}]")),
                        400, "bad_request");
  RT_ASSERT_NO_PROBLEMS (problems);

  r = rt_get (s, u->token, rt_path ("/leads?owner_id=" I64, u->id));
  RT_ASSERT_INT (r, "total", 0);
}

/* ---- get and patch ------------------------------------------------------------- */

static void
test_get (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;

  r = rt_get (s, u->token, "/leads/999999");
  RT_ASSERT_ERROR (r, 404, "not_found");
  r = rt_get (s, NULL, "/leads/999999");
  RT_ASSERT_ERROR (r, 401, "unauthorized");

  /* everyone sees every lead while restrict_visibility is off */
  {
    RtUser *other = rt_user_new (s, "user", 0);
    gint64 id = rt_lead_new (s, other->token, NULL);
    r = rt_lead_get (s, u->token, id);
    RT_ASSERT_INT (r, "owner_id", other->id);
  }
}

static void
test_patch (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *email = rt_json ("%s@example.com", rt_unique ("patch"));
  gint64 id = rt_lead_new (s, u->token, rt_json ("{'email': '%s'}", email));
  const char *path = lead_path (id, NULL);
  const char *new_phone = rt_unique_phone ();
  RtResponse *r;

  r = rt_patch (s, u->token, path, NULL, rt_json ("{'name': 'ชื่อใหม่'}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = rt_patch (s, u->token, path, "\"7\"", rt_json ("{'name': 'ชื่อใหม่'}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");
  r = rt_lead_get (s, u->token, id);
  RT_ASSERT_INT (r, "version", 1);
  RT_CHECK (r, strcmp (rt_str (r, "name"), "ชื่อใหม่") != 0, "a refused PATCH changed the name");

  r = rt_patch (s, u->token, path, "\"1\"",
                rt_json ("{'name': 'ชื่อใหม่', 'company': 'ห้างหุ้นส่วน ใหม่', 'value': 500000, 'phone': '%s', "
                         "'email': ' NEW.%s '}", new_phone, email));
  RT_ASSERT_STATUS (r, 200);
  assert_lead_shape (r);
  RT_ASSERT_STR (r, "name", "ชื่อใหม่");
  RT_ASSERT_STR (r, "company", "ห้างหุ้นส่วน ใหม่");
  RT_ASSERT_INT (r, "value", 500000);
  RT_ASSERT_STR (r, "phone", rt_e164 (new_phone));
  RT_ASSERT_STR (r, "email", rt_json ("new.%s", email));
  RT_ASSERT_INT (r, "version", 2);

  r = rt_lead_get (s, u->token, id);
  RT_ASSERT_STR (r, "name", "ชื่อใหม่");
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, "\"2\"");

  /* the old version is stale now */
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'name': 'ชื่อเก่า'}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");
}

static void
test_patch_forbidden_fields (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtUser *v = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  const char *path = lead_path (id, NULL);
  RtResponse *r;

  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'step': 2}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'pipeline_id': " I64 "}", rt_standard_pipeline (s)));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'owner_id': " I64 "}", v->id));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, rt_admin (s)->token, path, "\"1\"", rt_json ("{'owner_id': " I64 "}", v->id));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'name': 'x', 'favourite_colour': 'red'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'name': 12}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, u->token, path, "\"1\"", "{\"name\": ");
  RT_ASSERT_ERROR (r, 400, "bad_request");

  r = rt_lead_get (s, u->token, id);
  RT_ASSERT_INT (r, "version", 1);
  RT_ASSERT_INT (r, "step", 0);
  RT_ASSERT_INT (r, "owner_id", u->id);
  RT_CHECK (r, strcmp (rt_str (r, "name"), "x") != 0, "a refused PATCH changed the name");
}

static void
test_patch_invalid (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, rt_json ("{'phone': '%s', 'email': '%s@example.com'}",
                                                  rt_unique_phone (), rt_unique ("inv")));
  const char *path = lead_path (id, NULL);
  RtResponse *r;

  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'phone': '123'}"));
  RT_ASSERT_INVALID (r, "phone");
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'name': ''}"));
  RT_ASSERT_INVALID (r, "name");
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'value': -5}"));
  RT_ASSERT_INVALID (r, "value");
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'source': 'ไม่อยู่ในรายการ'}"));
  RT_ASSERT_INVALID (r, "source");
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'tax_id': '0105536000315'}"));
  RT_ASSERT_INVALID (r, "tax_id");
  /* removing every way to reach the lead */
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'phone': null, 'email': null}"));
  RT_ASSERT_INVALID (r, "phone");
  RT_ASSERT_ERROR_FIELD (r, "email");
  RT_ASSERT_ERROR_FIELD (r, "tax_id");

  r = rt_lead_get (s, u->token, id);
  RT_ASSERT_INT (r, "version", 1);

  /* removing one of two is fine */
  r = rt_patch (s, u->token, path, "\"1\"", rt_json ("{'phone': null}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_NULL (r, "phone");
  RT_ASSERT_INT (r, "version", 2);
}

/* ---- lists --------------------------------------------------------------------- */

static void
test_list_paging (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  g_autoptr(GArray) made = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *got;
  RtResponse *r;

  for (int i = 0; i < 7; i++)
    {
      gint64 id = rt_lead_new (s, u->token, NULL);
      g_array_append_val (made, id);
    }

  r = rt_get (s, u->token, rt_path ("/leads?owner_id=" I64 "&limit=3", u->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPINT (r, rt_len (r, "items"), ==, 3);
  RT_ASSERT_INT (r, "total", 7);
  RT_CHECK (r, *rt_str (r, "next_cursor") != '\0', "next_cursor is empty");
  for (guint i = 0; i < 3; i++)
    RT_ASSERT_INT (r, rt_path ("items.%u.owner_id", i), u->id);
  RT_ASSERT_STR (r, "items.0.state", "in_progress");
  rt_str (r, "items.0.name");
  rt_int (r, "items.0.version");

  got = rt_lead_list_all (s, u->token, rt_path ("owner_id=" I64, u->id), 3);
  RT_ASSERT_CMPSTR (NULL, rt_id_set (got), ==, rt_id_set (made));
  got = rt_lead_list_all (s, u->token, rt_path ("owner_id=" I64, u->id), 7);
  RT_ASSERT_CMPSTR (NULL, rt_id_set (got), ==, rt_id_set (made));
  got = rt_lead_list_all (s, u->token, rt_path ("owner_id=" I64, u->id), 500);
  RT_ASSERT_CMPSTR (NULL, rt_id_set (got), ==, rt_id_set (made));

  r = rt_get (s, u->token, rt_path ("/leads?owner_id=" I64 "&limit=7", u->id));
  RT_ASSERT_NULL (r, "next_cursor");

  /* the default page */
  r = rt_get (s, u->token, "/leads");
  RT_ASSERT_STATUS (r, 200);
  RT_CHECK (r, rt_int (r, "total") >= 7, "total below what this user made");
}

static void
test_list_bad_params (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  static const char *queries[] = {
    "limit=0", "limit=501", "limit=-1", "limit=abc", "limit=10x", "limit=99999999999999999999",
    "owner_id=abc", "owner_id=1.5", "pipeline_id=x", "step=x",
    "label_id=abc", "account_id=1e3", "state=bogus", "cursor=not-a-cursor",
    "cursor=%00%ff", "sort=colour", "sort=-", "segment_id=abc",
  };
  g_autoptr(GString) problems = g_string_new (NULL);
  RtResponse *r;

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    rt_note_unless_error (problems, rt_get (s, u->token, rt_path ("/leads?%s", queries[i])), 400, "bad_request");
  RT_ASSERT_NO_PROBLEMS (problems);

  r = rt_get (s, u->token, "/leads?limit=500");
  RT_ASSERT_STATUS (r, 200);
  r = rt_get (s, u->token, "/leads?limit=1");
  RT_ASSERT_STATUS (r, 200);
  RT_CHECK (r, rt_len (r, "items") <= 1, "limit=1 gave more than one");
}

static void
test_filter_state (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 open = rt_lead_new (s, u->token, NULL);
  gint64 won = rt_lead_new (s, u->token, NULL);
  gint64 dropped = rt_lead_new (s, u->token, NULL);
  const char *owner = rt_path ("owner_id=" I64, u->id);
  RtResponse *r;

  r = rt_lead_move (s, u->token, won, 3, 0);
  RT_ASSERT_STR (r, "state", "closed");
  r = rt_post (s, u->token, lead_path (dropped, "/unfollow"), rt_json ("{'reason': 'ไม่สนใจ'}"));
  RT_ASSERT_STATUS (r, 200);

  /* the default is the inbox: in progress and closed */
  RT_ASSERT_LIST (s, u->token, owner, 2, open, won);
  RT_ASSERT_LIST (s, u->token, rt_path ("%s&state=in_progress", owner), 1, open);
  RT_ASSERT_LIST (s, u->token, rt_path ("%s&state=closed", owner), 1, won);
  RT_ASSERT_LIST (s, u->token, rt_path ("%s&state=unfollowed", owner), 1, dropped);

  r = rt_get (s, u->token, rt_path ("/leads?%s&state=unfollowed", owner));
  RT_ASSERT_STR (r, "items.0.state", "unfollowed");
  RT_ASSERT_STR (r, "items.0.unfollow_reason", "ไม่สนใจ");
}

static void
test_filter_pipeline_step (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 standard = rt_standard_pipeline (s);
  gint64 custom = rt_pipeline_new (s, 3);
  gint64 a = rt_lead_new (s, u->token, NULL);
  gint64 b = rt_lead_new (s, u->token, NULL);
  gint64 c = rt_lead_new (s, u->token, NULL);
  gint64 d = rt_lead_new (s, u->token, NULL);
  const char *owner = rt_path ("owner_id=" I64, u->id);

  rt_lead_move (s, u->token, b, 2, 0);
  rt_lead_move (s, u->token, c, 0, custom);
  rt_lead_move (s, u->token, d, 1, custom);

  RT_ASSERT_LIST (s, u->token, rt_path ("%s&pipeline_id=" I64, owner, standard), 2, a, b);
  RT_ASSERT_LIST (s, u->token, rt_path ("%s&pipeline_id=" I64, owner, custom), 2, c, d);
  RT_ASSERT_LIST (s, u->token, rt_path ("%s&pipeline_id=" I64 "&step=1", owner, custom), 1, d);
  RT_ASSERT_LIST (s, u->token, rt_path ("%s&pipeline_id=" I64 "&step=2", owner, standard), 1, b);
  RT_ASSERT_LIST (s, u->token, rt_path ("%s&step=0", owner), 2, a, c);
  RT_ASSERT_LIST (s, u->token, rt_path ("%s&pipeline_id=999999", owner), 0);
}

static void
test_filter_owner (void)
{
  RtServer *s = rt_shared ();
  RtUser *a = rt_user_new (s, "user", 0);
  RtUser *b = rt_user_new (s, "user", 0);
  gint64 a1 = rt_lead_new (s, a->token, NULL);
  gint64 a2 = rt_lead_new (s, rt_admin (s)->token, rt_json ("{'owner_id': " I64 "}", a->id));
  gint64 b1 = rt_lead_new (s, b->token, NULL);

  RT_ASSERT_LIST (s, b->token, rt_path ("owner_id=" I64, a->id), 2, a1, a2);
  RT_ASSERT_LIST (s, a->token, rt_path ("owner_id=" I64, b->id), 1, b1);
  RT_ASSERT_LIST (s, a->token, "owner_id=999999", 0);
}

/* label_id and account_id need leads with labels and accounts: the demo data has them */
static void
test_filter_label_account (void)
{
  g_autoptr(RtServer) s = rt_server_start (&(RtServerOpts) { .demo = TRUE });
  const char *token = rt_admin (s)->token;
  GArray *all = rt_lead_list_all (s, token, "", 100);
  g_autoptr(GArray) with_label = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) with_account = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 label = 0, account = 0;

  RT_CHECK (NULL, all->len >= 10, "the demo data has only %u leads in the inbox", all->len);

  /* pick the first label and the first account any lead carries */
  for (guint i = 0; i < all->len && (label == 0 || account == 0); i++)
    {
      RtResponse *r = rt_lead_get (s, token, g_array_index (all, gint64, i));
      if (label == 0 && rt_len (r, "label_ids") > 0)
        label = rt_int (r, "label_ids.0");
      if (account == 0 && !rt_is_null (r, "account_id"))
        account = rt_int (r, "account_id");
    }
  RT_CHECK (NULL, label > 0, "no demo lead has a label");
  RT_CHECK (NULL, account > 0, "no demo lead has an account");

  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = g_array_index (all, gint64, i);
      RtResponse *r = rt_lead_get (s, token, id);
      guint n = rt_len (r, "label_ids");

      for (guint j = 0; j < n; j++)
        if (rt_int (r, rt_path ("label_ids.%u", j)) == label)
          g_array_append_val (with_label, id);
      if (!rt_is_null (r, "account_id") && rt_int (r, "account_id") == account)
        g_array_append_val (with_account, id);
    }

  {
    const char *got = rt_id_set (rt_lead_list_all (s, token, rt_path ("label_id=" I64, label), 3));
    RT_ASSERT_CMPSTR (NULL, got, ==, rt_id_set (with_label));
    got = rt_id_set (rt_lead_list_all (s, token, rt_path ("account_id=" I64, account), 3));
    RT_ASSERT_CMPSTR (NULL, got, ==, rt_id_set (with_account));
  }
  RT_ASSERT_LIST (s, token, "label_id=999999", 0);
  RT_ASSERT_LIST (s, token, "account_id=999999", 0);

  rt_server_stop (g_steal_pointer (&s), FALSE);
}

static const char *
names_in_order (RtServer *s, const char *token, const char *query)
{
  GArray *ids = rt_lead_list_all (s, token, query, 2);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      RtResponse *r = rt_lead_get (s, token, g_array_index (ids, gint64, i));
      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", rt_str (r, "name"));
    }
  rt_pool_add (out->str, g_free);
  return g_string_free (out, FALSE);
}

static void
test_sort (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *owner = rt_path ("owner_id=" I64, u->id);

  /* created in the order ข, ก, ค; values 100, 300, 200 */
  rt_lead_new (s, u->token, rt_json ("{'name': 'ข', 'value': 100}"));
  rt_lead_new (s, u->token, rt_json ("{'name': 'ก', 'value': 300}"));
  rt_lead_new (s, u->token, rt_json ("{'name': 'ค', 'value': 200}"));

  RT_ASSERT_CMPSTR (NULL, names_in_order (s, u->token, rt_path ("%s&sort=name", owner)), ==, "ก,ข,ค");
  RT_ASSERT_CMPSTR (NULL, names_in_order (s, u->token, rt_path ("%s&sort=-name", owner)), ==, "ค,ข,ก");
  RT_ASSERT_CMPSTR (NULL, names_in_order (s, u->token, rt_path ("%s&sort=value", owner)), ==, "ข,ค,ก");
  RT_ASSERT_CMPSTR (NULL, names_in_order (s, u->token, rt_path ("%s&sort=-value", owner)), ==, "ก,ค,ข");
  RT_ASSERT_CMPSTR (NULL, names_in_order (s, u->token, rt_path ("%s&sort=created_at", owner)), ==, "ข,ก,ค");
  RT_ASSERT_CMPSTR (NULL, names_in_order (s, u->token, rt_path ("%s&sort=-created_at", owner)), ==, "ค,ก,ข");
}

/* offset gives random access into the same order as the pages (lazy lists) */
static void
test_offset (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *owner = rt_path ("owner_id=" I64 "&sort=value", u->id);
  GArray *all;   /* owned by the fixture */
  RtResponse *r;

  for (guint i = 0; i < 7; i++)
    rt_lead_new (s, u->token, rt_json ("{'value': %u}", 1000 * (i + 1)));
  all = rt_lead_list_all (s, u->token, owner, 3);
  RT_CHECK (NULL, all->len == 7, "7 leads listed, got %u", all->len);

  r = rt_get (s, u->token, rt_path ("/leads?%s&limit=2&offset=4", owner));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "total", 7);
  RT_ASSERT_INT (r, "items.0.id", g_array_index (all, gint64, 4));
  RT_ASSERT_INT (r, "items.1.id", g_array_index (all, gint64, 5));
  RT_CHECK (r, !rt_is_null (r, "next_cursor"), "a page in the middle has a next cursor");

  r = rt_get (s, u->token, rt_path ("/leads?%s&limit=5&offset=6", owner));
  RT_ASSERT_STATUS (r, 200);
  RT_CHECK (r, rt_len (r, "items") == 1, "one lead after offset 6");
  RT_ASSERT_NULL (r, "next_cursor");

  r = rt_get (s, u->token, rt_path ("/leads?%s&offset=-1", owner));
  RT_ASSERT_ERROR (r, 400, "bad_request");
}

/* ---- move (R8, R9) ------------------------------------------------------------- */

static void
test_move_forward (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  RtResponse *r;

  rt_settings_patch (s, rt_json ("{'allow_step_back': false}"));

  r = rt_lead_move (s, u->token, id, 1, 0);
  RT_ASSERT_STR (r, "state", "in_progress");
  RT_ASSERT_INT (r, "version", 2);
  /* forward any number of steps, to the closing step */
  r = rt_lead_move (s, u->token, id, 3, 0);
  RT_ASSERT_STR (r, "state", "closed");
  RT_ASSERT_INT (r, "pipeline_id", rt_standard_pipeline (s));

  r = rt_lead_get (s, u->token, id);
  RT_ASSERT_INT (r, "step", 3);
  RT_ASSERT_STR (r, "state", "closed");
}

static void
test_move_back (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  RtResponse *r;

  rt_settings_patch (s, rt_json ("{'allow_step_back': false}"));
  rt_lead_move (s, u->token, id, 2, 0);

  r = rt_post (s, u->token, lead_path (id, "/move"), rt_json ("{'step': 1}"));
  RT_ASSERT_ERROR (r, 403, "step_back_disabled");
  r = rt_lead_get (s, u->token, id);
  RT_ASSERT_INT (r, "step", 2);

  /* admins always may */
  rt_lead_move (s, rt_admin (s)->token, id, 1, 0);

  /* with the setting on, the user may too */
  rt_settings_patch (s, rt_json ("{'allow_step_back': true}"));
  rt_lead_move (s, u->token, id, 0, 0);
  rt_settings_patch (s, rt_json ("{'allow_step_back': false}"));

  r = rt_post (s, u->token, lead_path (id, "/move"), rt_json ("{'step': 3}"));
  RT_ASSERT_STATUS (r, 200);
  r = rt_post (s, u->token, lead_path (id, "/move"), rt_json ("{'step': 0}"));
  RT_ASSERT_ERROR (r, 403, "step_back_disabled");
}

static void
test_move_invalid (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  gint64 custom = rt_pipeline_new (s, 2);
  const char *path = lead_path (id, "/move");
  RtResponse *r;

  r = rt_post (s, u->token, path, rt_json ("{'step': 4}"));
  RT_ASSERT_INVALID (r, "step");
  r = rt_post (s, u->token, path, rt_json ("{'step': -1}"));
  RT_ASSERT_INVALID (r, "step");
  r = rt_post (s, u->token, path, rt_json ("{'step': 2, 'pipeline_id': " I64 "}", custom));
  RT_ASSERT_INVALID (r, "step");
  r = rt_post (s, u->token, path, rt_json ("{'step': '1'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, u->token, path, rt_json ("{'step': 1, 'why': 'because'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, u->token, lead_path (999999, "/move"), rt_json ("{'step': 1}"));
  RT_ASSERT_ERROR (r, 404, "not_found");

  r = rt_lead_get (s, u->token, id);
  RT_ASSERT_INT (r, "step", 0);
  RT_ASSERT_INT (r, "version", 1);
}

static void
test_move_pipeline (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  gint64 custom = rt_pipeline_new (s, 5);
  RtResponse *r;

  rt_settings_patch (s, rt_json ("{'allow_step_back': false}"));
  rt_lead_move (s, u->token, id, 2, 0);

  /* any step there, even an index lower than the current one */
  r = rt_lead_move (s, u->token, id, 0, custom);
  RT_ASSERT_INT (r, "pipeline_id", custom);
  RT_ASSERT_STR (r, "state", "in_progress");
  r = rt_lead_move (s, u->token, id, 4, 0);
  RT_ASSERT_STR (r, "state", "closed");
  RT_ASSERT_INT (r, "pipeline_id", custom);

  r = rt_lead_move (s, u->token, id, 1, rt_standard_pipeline (s));
  RT_ASSERT_INT (r, "pipeline_id", rt_standard_pipeline (s));
  RT_ASSERT_STR (r, "state", "in_progress");
}

static void
test_move_unfollowed (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  RtResponse *r;

  r = rt_post (s, u->token, lead_path (id, "/unfollow"), rt_json ("{'reason': 'ติดต่อไม่ได้'}"));
  RT_ASSERT_STATUS (r, 200);
  r = rt_post (s, u->token, lead_path (id, "/move"), rt_json ("{'step': 1}"));
  RT_ASSERT_ERROR (r, 409, "conflict");
  r = rt_post (s, rt_admin (s)->token, lead_path (id, "/move"), rt_json ("{'step': 1}"));
  RT_ASSERT_ERROR (r, 409, "conflict");
  r = rt_lead_get (s, u->token, id);
  RT_ASSERT_INT (r, "step", 0);
  RT_ASSERT_STR (r, "state", "unfollowed");
}

/* ---- unfollow and restore (R6) ------------------------------------------------- */

static void
test_unfollow_restore (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  const char *owner = rt_path ("owner_id=" I64, u->id);
  RtResponse *settings = rt_get (s, u->token, "/settings");
  const char *reason = rt_str (settings, "unfollow_reasons.0");
  RtResponse *r;

  rt_lead_move (s, u->token, id, 2, 0);

  r = rt_post (s, u->token, lead_path (id, "/unfollow"), rt_json ("{'reason': ''}"));
  RT_ASSERT_INVALID (r, "reason");
  r = rt_post (s, u->token, lead_path (id, "/unfollow"), rt_json ("{'reason': '   '}"));
  RT_ASSERT_INVALID (r, "reason");
  r = rt_post (s, u->token, lead_path (id, "/unfollow"), rt_json ("{'reason': 5}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  RT_ASSERT_STR (rt_lead_get (s, u->token, id), "state", "in_progress");

  r = rt_post (s, u->token, lead_path (id, "/unfollow"), rt_json ("{'reason': '%s'}", reason));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "state", "unfollowed");
  RT_ASSERT_STR (r, "unfollow_reason", reason);
  RT_ASSERT_INT (r, "step", 2);

  /* out of the inbox, into the unfollowed box */
  RT_ASSERT_LIST (s, u->token, owner, 0);
  RT_ASSERT_LIST (s, u->token, rt_path ("%s&state=unfollowed", owner), 1, id);

  r = rt_post (s, u->token, lead_path (id, "/unfollow"), rt_json ("{'reason': 'อีกครั้ง'}"));
  RT_ASSERT_ERROR (r, 409, "conflict");

  r = rt_post (s, u->token, lead_path (id, "/restore"), NULL);
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "state", "in_progress");
  RT_ASSERT_INT (r, "step", 2);
  RT_ASSERT_NULL (r, "unfollow_reason");
  RT_ASSERT_LIST (s, u->token, owner, 1, id);
  RT_ASSERT_LIST (s, u->token, rt_path ("%s&state=unfollowed", owner), 0);

  r = rt_post (s, u->token, lead_path (id, "/restore"), NULL);
  RT_ASSERT_ERROR (r, 409, "conflict");

  /* a free-text reason */
  r = rt_post (s, u->token, lead_path (id, "/unfollow"), rt_json ("{'reason': 'ลูกค้าย้ายไปต่างประเทศ'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "unfollow_reason", "ลูกค้าย้ายไปต่างประเทศ");
}

static void
test_restore_closed (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  RtResponse *r;

  rt_lead_move (s, u->token, id, 3, 0);
  r = rt_post (s, u->token, lead_path (id, "/unfollow"), rt_json ("{'reason': 'ยกเลิกสัญญา'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "state", "unfollowed");
  r = rt_post (s, u->token, lead_path (id, "/restore"), NULL);
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "step", 3);
  RT_ASSERT_STR (r, "state", "closed");
}

/* ---- notes (R5) ------------------------------------------------------------------- */

static void
test_notes (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  RtResponse *r;
  gint64 first, second;

  r = rt_post (s, u->token, lead_path (id, "/notes"), rt_json ("{'body': 'โทรคุยแล้ว ลูกค้าสนใจรุ่น A'}"));
  RT_ASSERT_STATUS (r, 201);
  first = rt_int (r, "id");
  RT_ASSERT_STR (r, "body", "โทรคุยแล้ว ลูกค้าสนใจรุ่น A");
  RT_ASSERT_INT (r, "author_id", u->id);
  RT_CHECK (r, rt_is_rfc3339_utc (rt_str (r, "created_at")), "created_at is not RFC 3339 UTC");

  r = rt_post (s, u->token, lead_path (id, "/notes"),
               rt_json ("{'body': 'แก้ไข: ลูกค้าสนใจรุ่น B', 'corrects_note_id': " I64 "}", first));
  RT_ASSERT_STATUS (r, 201);
  second = rt_int (r, "id");
  RT_ASSERT_INT (r, "corrects_note_id", first);

  r = rt_post (s, u->token, lead_path (id, "/notes"), rt_json ("{'body': ''}"));
  RT_ASSERT_INVALID (r, "body");
  r = rt_post (s, u->token, lead_path (id, "/notes"), rt_json ("{'body': 42}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, u->token, lead_path (id, "/notes"), rt_json ("{'body': 'x', 'author_id': 1}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");

  r = rt_get (s, u->token, lead_path (id, "/notes"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPINT (r, rt_len (r, "items"), ==, 2);
  RT_ASSERT_INT (r, "items.0.id", first);
  RT_ASSERT_STR (r, "items.0.body", "โทรคุยแล้ว ลูกค้าสนใจรุ่น A");
  RT_ASSERT_INT (r, "items.1.id", second);
  RT_ASSERT_INT (r, "items.1.corrects_note_id", first);
}

static void
test_notes_append_only (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  const char *admin = rt_admin (s)->token;
  const char *note_path;
  RtResponse *r;
  gint64 note;

  r = rt_post (s, u->token, lead_path (id, "/notes"), rt_json ("{'body': 'บันทึกเดิม'}"));
  RT_ASSERT_STATUS (r, 201);
  note = rt_int (r, "id");
  note_path = rt_path ("/leads/" I64 "/notes/" I64, id, note);

  /* by anyone: the author and an admin */
  for (int who = 0; who < 2; who++)
    {
      const char *token = who == 0 ? u->token : admin;

      r = rt_patch (s, token, note_path, "\"1\"", rt_json ("{'body': 'แก้แล้ว'}"));
      RT_ASSERT_ERROR (r, 405, "append_only");
      r = rt_put (s, token, note_path, rt_json ("{'body': 'แก้แล้ว'}"));
      RT_ASSERT_ERROR (r, 405, "append_only");
      r = rt_delete (s, token, note_path);
      RT_ASSERT_ERROR (r, 405, "append_only");
    }

  r = rt_get (s, u->token, lead_path (id, "/notes"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPINT (r, rt_len (r, "items"), ==, 1);
  RT_ASSERT_STR (r, "items.0.body", "บันทึกเดิม");
}

/* ---- timeline ----------------------------------------------------------------------- */

static void
test_timeline (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  RtUser *v = rt_user_new (s, "user", 0);
  gint64 custom = rt_pipeline_new (s, 3);
  gint64 id = rt_lead_new (s, u->token, NULL);
  gint64 actors[] = { u->id, u->id, u->id, u->id, admin->id, v->id, admin->id, u->id };
  RtResponse *r;
  guint n;

  r = rt_patch (s, u->token, lead_path (id, NULL), "\"1\"", rt_json ("{'company': 'บริษัท ไทม์ไลน์ จำกัด'}"));
  RT_ASSERT_STATUS (r, 200);
  rt_lead_move (s, u->token, id, 1, 0);
  rt_lead_move (s, u->token, id, 0, custom);
  r = rt_post (s, admin->token, lead_path (id, "/assign"), rt_json ("{'owner_id': " I64 "}", v->id));
  RT_ASSERT_STATUS (r, 200);
  r = rt_post (s, v->token, lead_path (id, "/unfollow"), rt_json ("{'reason': 'ยังไม่พร้อม'}"));
  RT_ASSERT_STATUS (r, 200);
  r = rt_post (s, admin->token, lead_path (id, "/restore"), NULL);
  RT_ASSERT_STATUS (r, 200);
  r = rt_post (s, u->token, lead_path (id, "/notes"), rt_json ("{'body': 'ลูกค้ากลับมาสนใจ'}"));
  RT_ASSERT_STATUS (r, 201);

  r = rt_get (s, u->token, lead_path (id, "/timeline"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPSTR (r, rt_array_join (r, "items", "kind"), ==,
                    "created,edited,step,pipeline,owner,unfollowed,restored,note");
  n = rt_len (r, "items");
  for (guint i = 0; i < n; i++)
    {
      RT_ASSERT_INT (r, rt_path ("items.%u.actor_id", i), actors[i]);
      RT_CHECK (r, rt_is_rfc3339_utc (rt_str (r, rt_path ("items.%u.created_at", i))),
                "items.%u.created_at is not RFC 3339 UTC", i);
      if (i > 0)
        {
          /* oldest first */
          RT_ASSERT_CMPINT (r, rt_int (r, rt_path ("items.%u.id", i)), >, rt_int (r, rt_path ("items.%u.id", i - 1)));
          RT_ASSERT_CMPSTR (r, rt_str (r, rt_path ("items.%u.created_at", i)), >=,
                            rt_str (r, rt_path ("items.%u.created_at", i - 1)));
        }
    }
  RT_ASSERT_STR (r, "items.7.body", "ลูกค้ากลับมาสนใจ");
  RT_ASSERT_NULL (r, "items.7.corrects_note_id");
}

/* ---- assign ------------------------------------------------------------------------- */

static void
test_assign (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtUser *v = rt_user_new (s, "user", 0);
  gint64 id = rt_lead_new (s, u->token, NULL);
  const char *path = lead_path (id, "/assign");
  RtResponse *r;

  /* a plain user, owner or not, may not assign */
  r = rt_post (s, u->token, path, rt_json ("{'owner_id': " I64 "}", v->id));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  r = rt_post (s, v->token, path, rt_json ("{'owner_id': " I64 "}", v->id));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  RT_ASSERT_INT (rt_lead_get (s, u->token, id), "owner_id", u->id);

  r = rt_post (s, rt_admin (s)->token, path, rt_json ("{'owner_id': '" I64 "'}", v->id));
  RT_ASSERT_ERROR (r, 400, "bad_request");

  r = rt_post (s, rt_admin (s)->token, path, rt_json ("{'owner_id': " I64 "}", v->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "owner_id", v->id);
  RT_ASSERT_INT (r, "version", 2);
  r = rt_lead_get (s, v->token, id);
  RT_ASSERT_INT (r, "owner_id", v->id);
}

int
main (int argc, char **argv)
{
  rt_init (&argc, &argv);

  rt_add ("/leads/create-defaults", test_create_defaults);
  rt_add ("/leads/create-normalise", test_create_normalise);
  rt_add ("/leads/create-invalid", test_create_invalid);
  rt_add ("/leads/create-wrong-types", test_create_wrong_types);
  rt_add ("/leads/get", test_get);
  rt_add ("/leads/offset", test_offset);
  rt_add ("/leads/patch", test_patch);
  rt_add ("/leads/patch-forbidden-fields", test_patch_forbidden_fields);
  rt_add ("/leads/patch-invalid", test_patch_invalid);
  rt_add ("/leads/list-paging", test_list_paging);
  rt_add ("/leads/list-bad-params", test_list_bad_params);
  rt_add ("/leads/filter-state", test_filter_state);
  rt_add ("/leads/filter-pipeline-step", test_filter_pipeline_step);
  rt_add ("/leads/filter-owner", test_filter_owner);
  rt_add ("/leads/filter-label-account", test_filter_label_account);
  rt_add ("/leads/sort", test_sort);
  rt_add ("/leads/move-forward", test_move_forward);
  rt_add ("/leads/move-back", test_move_back);
  rt_add ("/leads/move-invalid", test_move_invalid);
  rt_add ("/leads/move-pipeline", test_move_pipeline);
  rt_add ("/leads/move-unfollowed", test_move_unfollowed);
  rt_add ("/leads/unfollow-restore", test_unfollow_restore);
  rt_add ("/leads/restore-closed", test_restore_closed);
  rt_add ("/leads/notes", test_notes);
  rt_add ("/leads/notes-append-only", test_notes_append_only);
  rt_add ("/leads/timeline", test_timeline);
  rt_add ("/leads/assign", test_assign);

  return rt_run ();
}
