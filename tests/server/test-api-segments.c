/* test-api-segments.c — segments (R13): named saved filters over leads or
 * accounts; personal (their maker's alone) or shared by an admin; members and
 * counts with visibility (R14); segment_id on the lead and account lists */
#include "config.h"

#include <time.h>

#include "server-fixture.h"

static const char *
segment_path (gint64 id, const char *tail)
{
  return rt_path ("/segments/" I64 "%s", id, tail != NULL ? tail : "");
}

static RtResponse *
segment_create (RtServer *s, const char *token, const char *body)
{
  return rt_post (s, token, "/segments", body);
}

static gint64
segment_new (RtServer *s, const char *token, const char *body)
{
  RtResponse *r = segment_create (s, token, body);

  RT_ASSERT_STATUS (r, 201);
  return rt_int (r, "id");
}

/* every page of a list path (with its own query, no limit/cursor): the ids */
static GArray *
list_all (RtServer *s, const char *token, const char *path)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *cursor = NULL;
  const char *sep = strchr (path, '?') != NULL ? "&" : "?";

  rt_pool_add (ids, (GDestroyNotify) g_array_unref);
  for (guint page = 0; page < 1000; page++)
    {
      RtResponse *r = rt_get (s, token, rt_path ("%s%slimit=2%s%s", path, sep, cursor != NULL ? "&cursor=" : "",
                                                 cursor != NULL ? rt_q (cursor) : ""));
      guint n;

      RT_ASSERT_STATUS (r, 200);
      n = rt_len (r, "items");
      for (guint i = 0; i < n; i++)
        {
          gint64 id = rt_int (r, rt_path ("items.%u.id", i));
          g_array_append_val (ids, id);
        }
      if (rt_is_null (r, "next_cursor"))
        break;
      cursor = rt_str (r, "next_cursor");
    }
  return ids;
}

#define ASSERT_MEMBERS(s, token, path, ...) \
  G_STMT_START { \
    const char *got_ = rt_id_set (list_all ((s), (token), (path))); \
    const char *want_ = rt_id_set_of (__VA_ARGS__); \
    if (g_strcmp0 (got_, want_) != 0) \
      RT_FAIL (NULL, "GET %s gave {%s}, expected {%s}", (path), got_, want_); \
  } G_STMT_END

static gint64
count_of (RtServer *s, const char *token, gint64 segment)
{
  RtResponse *r = rt_get (s, token, segment_path (segment, NULL));

  RT_ASSERT_STATUS (r, 200);
  return rt_int (r, "count");
}

/* a day as YYYY-MM-DD in Bangkok (UTC+7), days from today */
static const char *
bangkok_day (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) there = g_date_time_add_hours (now, 7);
  g_autoptr(GDateTime) day = g_date_time_add_days (there, days);

  return rt_json ("%s", g_date_time_format (day, "%Y-%m-%d"));
}

static void
test_create_validation (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 mine, system, theirs;
  g_autoptr(GString) problems = g_string_new (NULL);
  RtResponse *r;
  static const char *bad_request[] = {
    "{'name': 'x', 'entity': 'leads', 'filter': {'colour': 'red'}}",
    "{'name': 'x', 'entity': 'leads', 'filter': {'status': ['sold']}}",
    "{'name': 'x', 'entity': 'accounts', 'filter': {'state': ['closed']}}",
    "{'name': 'x', 'entity': 'leads', 'filter': {'value_min': '100'}}",
    "{'name': 'x', 'entity': 'leads', 'filter': {'label_ids': 'x'}}",
    "{'name': 'x', 'entity': 'leads', 'filter': {'state': [1]}}",
    "{'name': 'x', 'entity': 'leads', 'filter': {'owner_id': 1.5}}",
    "{'name': 'x', 'entity': 'leads', 'filter': []}",
    "{'name': 'x', 'entity': 'leads', 'shared': 'yes'}",
    "{'name': 'x', 'entity': 'leads', 'colour': 'red'}",
  };
  static const char *invalid[][2] = {
    { "{'entity': 'leads'}", "name" },
    { "{'name': 'x'}", "entity" },
    { "{'name': 'x', 'entity': 'quotes'}", "entity" },
    { "{'name': 'x', 'entity': 'leads', 'filter': {'state': ['won']}}", "filter.state" },
    { "{'name': 'x', 'entity': 'leads', 'filter': {'state': []}}", "filter.state" },
    { "{'name': 'x', 'entity': 'accounts', 'filter': {'status': 'ขายได้แล้ว'}}", "filter.status" },
    { "{'name': 'x', 'entity': 'leads', 'filter': {'value_min': -1}}", "filter.value_min" },
    { "{'name': 'x', 'entity': 'leads', 'filter': {'value_min': 500, 'value_max': 100}}", "filter.value_max" },
    { "{'name': 'x', 'entity': 'leads', 'filter': {'created_from': '2026-02-30'}}", "filter.created_from" },
    { "{'name': 'x', 'entity': 'leads', 'filter': {'created_from': '2026-03-02', 'created_to': '2026-03-01'}}",
      "filter.created_to" },
    { "{'name': 'x', 'entity': 'leads', 'filter': {'owner_id': 999999}}", "filter.owner_id" },
    { "{'name': 'x', 'entity': 'leads', 'filter': {'label_ids': [999999]}}", "filter.label_ids" },
  };

  r = rt_post (s, u->token, "/labels", rt_json ("{'name': 'ส่วนตัว', 'color': '#000000'}"));
  mine = rt_int (r, "id");
  r = rt_post (s, admin->token, "/labels", rt_json ("{'name': '%s', 'color': '#000000', 'kind': 'system'}",
                                                    rt_unique ("กลุ่ม")));
  system = rt_int (r, "id");
  r = rt_post (s, admin->token, "/labels", rt_json ("{'name': 'ของแอดมิน', 'color': '#000000'}"));
  theirs = rt_int (r, "id");

  for (guint i = 0; i < G_N_ELEMENTS (bad_request); i++)
    rt_note_unless_error (problems, segment_create (s, u->token, rt_json ("%s", bad_request[i])), 400,
                          "bad_request");
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      r = segment_create (s, u->token, rt_json ("%s", invalid[i][0]));
      if (r->status != 422 || rt_error_field (r, invalid[i][1]) == NULL)
        rt_note (problems, r, "%s should be 422 on %s", invalid[i][0], invalid[i][1]);
    }
  /* another user's personal label */
  r = segment_create (s, u->token, rt_json ("{'name': 'x', 'entity': 'leads', 'filter': {'label_ids': [" I64 "]}}",
                                            theirs));
  if (r->status != 422 || rt_error_field (r, "filter.label_ids") == NULL)
    rt_note (problems, r, "another user's label in a filter");
  RT_ASSERT_NO_PROBLEMS (problems);

  /* shared: admins only, and with system labels only */
  r = segment_create (s, u->token, rt_json ("{'name': 'แชร์', 'entity': 'leads', 'shared': true}"));
  RT_ASSERT_ERROR (r, 403, "admin_only");
  r = segment_create (s, admin->token, rt_json ("{'name': 'แชร์', 'entity': 'leads', 'shared': true, "
                                                "'filter': {'label_ids': [" I64 "]}}", theirs));
  RT_ASSERT_INVALID (r, "filter.label_ids");

  /* a good one: the filter comes back normalised */
  r = segment_create (s, u->token,
                      rt_json ("{'name': ' ลีดใหญ่ ', 'entity': 'leads', 'filter': {'label_ids': [" I64 ", " I64 "], "
                               "'state': 'closed', 'owner_id': " I64 ", 'value_min': 0, 'value_max': 100, "
                               "'created_from': '2026-01-01', 'created_to': null, 'province': 'จังหวัดน่าน'}}",
                               mine, system, u->id));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "name", "ลีดใหญ่");
  RT_ASSERT_STR (r, "entity", "leads");
  RT_ASSERT_BOOL (r, "shared", FALSE);
  RT_ASSERT_INT (r, "owner_id", u->id);
  RT_ASSERT_STR (r, "filter.state.0", "closed");
  RT_ASSERT_STR (r, "filter.province", "น่าน");
  RT_ASSERT_INT (r, "filter.value_max", 100);
  RT_CHECK (r, !rt_has (r, "filter.created_to"), "a null member is kept");
  RT_ASSERT_INT (r, "count", 0);
  RT_ASSERT_INT (r, "version", 1);
  r = segment_create (s, admin->token, rt_json ("{'name': 'ทุกบัญชี', 'entity': 'accounts', 'shared': true}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_BOOL (r, "shared", TRUE);
  RT_CHECK (r, JSON_NODE_HOLDS_OBJECT (rt_node (r, "filter")), "no filter object");
}

/* personal segments are their maker's alone; shared ones everyone's, edited by admins */
static void
test_visibility (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  RtUser *v = rt_user_new (s, "user", 0);
  gint64 personal = segment_new (s, u->token, rt_json ("{'name': 'ของยู', 'entity': 'leads'}"));
  gint64 shared = segment_new (s, admin->token, rt_json ("{'name': 'ของทุกคน', 'entity': 'leads', 'shared': true}"));
  gint64 admins = segment_new (s, admin->token, rt_json ("{'name': 'ของแอดมิน', 'entity': 'accounts'}"));
  g_autoptr(GString) problems = g_string_new (NULL);
  RtResponse *r;

  r = rt_get (s, u->token, "/segments");
  RT_CHECK (r, rt_array_has_int (r, "items", "id", personal) && rt_array_has_int (r, "items", "id", shared)
               && !rt_array_has_int (r, "items", "id", admins), "u's segments");
  r = rt_get (s, v->token, "/segments");
  RT_CHECK (r, !rt_array_has_int (r, "items", "id", personal) && rt_array_has_int (r, "items", "id", shared),
            "v's segments");
  r = rt_get (s, admin->token, "/segments");
  RT_CHECK (r, !rt_array_has_int (r, "items", "id", personal), "the admin sees u's personal segment");
  r = rt_get (s, u->token, "/segments?entity=accounts");
  RT_CHECK (r, !rt_array_has_int (r, "items", "id", shared), "entity filter");
  rt_note_unless_error (problems, rt_get (s, u->token, "/segments?entity=quotes"), 400, "bad_request");

  for (guint i = 0; i < 2; i++)
    {
      const char *token = i == 0 ? v->token : admin->token;

      rt_note_unless_error (problems, rt_get (s, token, segment_path (personal, NULL)), 404, "not_found");
      rt_note_unless_error (problems, rt_get (s, token, segment_path (personal, "/members")), 404, "not_found");
      rt_note_unless_error (problems, rt_get (s, token, rt_path ("/leads?segment_id=" I64, personal)), 404,
                            "not_found");
      rt_note_unless_error (problems, rt_patch (s, token, segment_path (personal, NULL), "\"1\"",
                                                rt_json ("{'name': 'x'}")), 404, "not_found");
      rt_note_unless_error (problems, rt_delete (s, token, segment_path (personal, NULL)), 404, "not_found");
    }
  rt_note_unless_error (problems, rt_get (s, NULL, "/segments"), 401, "unauthorized");
  rt_note_unless_error (problems, rt_get (s, NULL, segment_path (shared, "/members")), 401, "unauthorized");

  /* a shared segment: everyone opens it, only admins change it */
  rt_note_unless_error (problems, rt_patch (s, u->token, segment_path (shared, NULL), "\"1\"",
                                            rt_json ("{'name': 'x'}")), 403, "admin_only");
  rt_note_unless_error (problems, rt_delete (s, u->token, segment_path (shared, NULL)), 403, "admin_only");
  /* a user cannot share their own */
  rt_note_unless_error (problems, rt_patch (s, u->token, segment_path (personal, NULL), "\"1\"",
                                            rt_json ("{'shared': true}")), 403, "admin_only");
  RT_ASSERT_NO_PROBLEMS (problems);
  RT_ASSERT_STATUS (rt_get (s, v->token, segment_path (shared, "/members")), 200);
  RT_ASSERT_STATUS (rt_get (s, v->token, rt_path ("/leads?segment_id=" I64, shared)), 200);

  /* PATCH: If-Match, name, filter replaced as a whole; entity is fixed */
  r = rt_patch (s, u->token, segment_path (personal, NULL), NULL, rt_json ("{'name': 'ใหม่'}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = rt_patch (s, u->token, segment_path (personal, NULL), "\"1\"", rt_json ("{'entity': 'accounts'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, u->token, segment_path (personal, NULL), "\"1\"",
                rt_json ("{'name': 'ใหม่', 'filter': {'state': ['unfollowed']}}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "name", "ใหม่");
  RT_ASSERT_STR (r, "filter.state.0", "unfollowed");
  RT_ASSERT_INT (r, "version", 2);
  r = rt_patch (s, u->token, segment_path (personal, NULL), "\"1\"", rt_json ("{'name': 'เก่า'}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");
  r = rt_patch (s, admin->token, segment_path (shared, NULL), "\"1\"", rt_json ("{'name': 'แก้โดยแอดมิน'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_BOOL (r, "shared", TRUE);
  /* an admin shares their own */
  r = rt_patch (s, admin->token, segment_path (admins, NULL), "\"1\"", rt_json ("{'shared': true}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STATUS (rt_get (s, v->token, segment_path (admins, NULL)), 200);

  RT_ASSERT_STATUS (rt_delete (s, u->token, segment_path (personal, NULL)), 204);
  RT_ASSERT_ERROR (rt_get (s, u->token, segment_path (personal, NULL)), 404, "not_found");
  RT_ASSERT_STATUS (rt_delete (s, admin->token, segment_path (shared, NULL)), 204);
}

static void
test_lead_members (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 vip, seg, big, small, closed, dropped, other_label, by_state, dated, later, in_province, account;
  const char *members;
  RtResponse *r;

  r = rt_post (s, u->token, "/labels", rt_json ("{'name': 'วีไอพี', 'color': '#000000'}"));
  vip = rt_int (r, "id");
  r = rt_post (s, u->token, "/labels", rt_json ("{'name': 'อื่น', 'color': '#000000'}"));
  other_label = rt_int (r, "id");

  big = rt_lead_new (s, u->token, rt_json ("{'value': 5000000, 'label_ids': [" I64 ", " I64 "]}", vip, other_label));
  small = rt_lead_new (s, u->token, rt_json ("{'value': 100, 'label_ids': [" I64 "]}", vip));
  closed = rt_lead_new (s, u->token, rt_json ("{'value': 2000000, 'label_ids': [" I64 "]}", vip));
  rt_lead_move (s, u->token, closed, 3, 0);
  dropped = rt_lead_new (s, u->token, rt_json ("{'value': 3000000, 'label_ids': [" I64 "]}", vip));
  r = rt_post (s, u->token, rt_path ("/leads/" I64 "/unfollow", dropped), rt_json ("{'reason': 'ไม่สนใจ'}"));
  RT_ASSERT_STATUS (r, 200);
  rt_lead_new (s, u->token, rt_json ("{'value': 9000000}"));

  /* labels (all of them), owner, value range; the inbox states by default */
  seg = segment_new (s, u->token, rt_json ("{'name': 'VIP ใหญ่', 'entity': 'leads', 'filter': {'label_ids': [" I64
                                           "], 'owner_id': " I64 ", 'value_min': 1000000, 'value_max': 5000000}}",
                                           vip, u->id));
  members = segment_path (seg, "/members");
  ASSERT_MEMBERS (s, u->token, members, 2, big, closed);
  RT_ASSERT_CMPINT (NULL, count_of (s, u->token, seg), ==, 2);
  ASSERT_MEMBERS (s, u->token, rt_path ("/leads?segment_id=" I64, seg), 2, big, closed);
  /* the list's own parameters narrow it further */
  ASSERT_MEMBERS (s, u->token, rt_path ("/leads?segment_id=" I64 "&state=closed", seg), 1, closed);
  ASSERT_MEMBERS (s, u->token, rt_path ("/leads?segment_id=" I64 "&label_id=" I64, seg, other_label), 1, big);
  ASSERT_MEMBERS (s, u->token, rt_path ("%s?state=all", members), 3, big, closed, dropped);
  ASSERT_MEMBERS (s, u->token, rt_path ("/leads?segment_id=" I64 "&owner_id=" I64, seg, rt_admin (s)->id), 0);
  r = rt_get (s, u->token, rt_path ("%s?sort=value&limit=1", members));
  RT_ASSERT_INT (r, "items.0.id", closed);
  RT_ASSERT_INT (r, "total", 2);

  /* states of the segment itself */
  by_state = segment_new (s, u->token, rt_json ("{'name': 'เลิกติดตาม', 'entity': 'leads', 'filter': "
                                                "{'state': ['unfollowed'], 'label_ids': [" I64 "]}}", vip));
  ASSERT_MEMBERS (s, u->token, segment_path (by_state, "/members"), 1, dropped);
  ASSERT_MEMBERS (s, u->token, rt_path ("/leads?segment_id=" I64 "&state=in_progress", by_state), 0);

  /* created dates, whole Bangkok days */
  dated = segment_new (s, u->token, rt_json ("{'name': 'วันนี้', 'entity': 'leads', 'filter': {'owner_id': " I64
                                             ", 'created_from': '%s', 'created_to': '%s', 'label_ids': [" I64 "]}}",
                                             u->id, bangkok_day (0), bangkok_day (0), vip));
  ASSERT_MEMBERS (s, u->token, segment_path (dated, "/members"), 3, big, small, closed);
  later = segment_new (s, u->token, rt_json ("{'name': 'พรุ่งนี้', 'entity': 'leads', 'filter': {'owner_id': " I64
                                             ", 'created_from': '%s'}}", u->id, bangkok_day (1)));
  RT_ASSERT_CMPINT (NULL, count_of (s, u->token, later), ==, 0);
  later = segment_new (s, u->token, rt_json ("{'name': 'เมื่อวาน', 'entity': 'leads', 'filter': {'owner_id': " I64
                                             ", 'created_to': '%s'}}", u->id, bangkok_day (-1)));
  RT_ASSERT_CMPINT (NULL, count_of (s, u->token, later), ==, 0);

  /* province: leads of accounts there */
  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'น่านค้าไม้', 'address': '1 ถนนสุมนเทวราช จ.น่าน 55000'}"));
  account = rt_int (r, "id");
  in_province = rt_lead_new (s, u->token, rt_json ("{'account_id': " I64 "}", account));
  seg = segment_new (s, u->token, rt_json ("{'name': 'น่าน', 'entity': 'leads', 'filter': {'province': 'น่าน'}}"));
  ASSERT_MEMBERS (s, u->token, segment_path (seg, "/members"), 1, in_province);

  /* a segment of the other entity on a list, a missing one, a malformed id */
  r = rt_get (s, u->token, rt_path ("/accounts?segment_id=" I64, seg));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_get (s, u->token, "/leads?segment_id=999999");
  RT_ASSERT_ERROR (r, 404, "not_found");
  r = rt_get (s, u->token, "/leads?segment_id=0");
  RT_ASSERT_ERROR (r, 400, "bad_request");
}

static void
test_account_members (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *source = rt_lead_source (s);
  gint64 label, a, b, c, seg, pending, lead;
  RtResponse *r;

  r = rt_post (s, u->token, "/labels", rt_json ("{'name': 'ลูกค้าดี', 'color': '#000000'}"));
  label = rt_int (r, "id");
  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'ตาก หนึ่ง', 'province': 'ตาก', 'status': 'confirmed', "
                                                  "'label_ids': [" I64 "]}", label));
  a = rt_int (r, "id");
  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'ตาก สอง', 'address': 'อ.เมือง จังหวัดตาก 63000', "
                                                  "'label_ids': [" I64 "]}", label));
  b = rt_int (r, "id");
  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'ลำปาง', 'province': 'ลำปาง', 'label_ids': [" I64 "]}",
                                                  label));
  c = rt_int (r, "id");

  seg = segment_new (s, u->token, rt_json ("{'name': 'ตาก', 'entity': 'accounts', 'filter': {'province': 'ตาก', "
                                           "'label_ids': [" I64 "]}}", label));
  ASSERT_MEMBERS (s, u->token, segment_path (seg, "/members"), 2, a, b);
  ASSERT_MEMBERS (s, u->token, rt_path ("/accounts?segment_id=" I64, seg), 2, a, b);
  ASSERT_MEMBERS (s, u->token, rt_path ("/accounts?segment_id=" I64 "&status=confirmed", seg), 1, a);
  RT_ASSERT_CMPINT (NULL, count_of (s, u->token, seg), ==, 2);

  pending = segment_new (s, u->token, rt_json ("{'name': 'รอ', 'entity': 'accounts', 'filter': {'status': ['pending'], "
                                               "'owner_id': " I64 "}}", u->id));
  ASSERT_MEMBERS (s, u->token, segment_path (pending, "/members"), 2, b, c);

  /* value range: on what the account bought (its won leads, R3) */
  r = rt_post (s, u->token, rt_path ("/accounts/" I64 "/leads", c), rt_json ("{'source': '%s', 'value': 800000}",
                                                                             source));
  lead = rt_int (r, "id");
  seg = segment_new (s, u->token, rt_json ("{'name': 'ซื้อมาก', 'entity': 'accounts', 'filter': {'value_min': 500000, "
                                           "'owner_id': " I64 "}}", u->id));
  RT_ASSERT_CMPINT (NULL, count_of (s, u->token, seg), ==, 0);
  rt_lead_move (s, u->token, lead, 3, 0);
  ASSERT_MEMBERS (s, u->token, segment_path (seg, "/members"), 1, c);
  /* the win made it "sold", so it left the pending segment */
  ASSERT_MEMBERS (s, u->token, segment_path (pending, "/members"), 1, b);
}

/* counts and members follow what the caller may see (R14) */
static void
test_counts_visibility (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  RtUser *v = rt_user_new (s, "user", 0);
  const char *tag = rt_unique ("นับ");
  gint64 label, seg, mine, theirs, accounts_seg;
  RtResponse *r;

  r = rt_post (s, admin->token, "/labels", rt_json ("{'name': '%s', 'color': '#000000', 'kind': 'system'}", tag));
  label = rt_int (r, "id");
  mine = rt_lead_new (s, u->token, rt_json ("{'label_ids': [" I64 "]}", label));
  theirs = rt_lead_new (s, v->token, rt_json ("{'label_ids': [" I64 "]}", label));
  r = rt_post (s, v->token, "/accounts", rt_json ("{'name': 'ของวี', 'label_ids': [" I64 "]}", label));
  RT_ASSERT_STATUS (r, 201);
  seg = segment_new (s, admin->token, rt_json ("{'name': '%s', 'entity': 'leads', 'shared': true, "
                                               "'filter': {'label_ids': [" I64 "]}}", tag, label));
  accounts_seg = segment_new (s, admin->token, rt_json ("{'name': '%s บัญชี', 'entity': 'accounts', 'shared': true, "
                                                        "'filter': {'label_ids': [" I64 "]}}", tag, label));

  RT_ASSERT_CMPINT (NULL, count_of (s, u->token, seg), ==, 2);
  rt_settings_patch (s, rt_json ("{'restrict_visibility': true}"));
  RT_ASSERT_CMPINT (NULL, count_of (s, u->token, seg), ==, 1);
  RT_ASSERT_CMPINT (NULL, count_of (s, admin->token, seg), ==, 2);
  ASSERT_MEMBERS (s, u->token, segment_path (seg, "/members"), 1, mine);
  ASSERT_MEMBERS (s, v->token, segment_path (seg, "/members"), 1, theirs);
  RT_ASSERT_CMPINT (NULL, count_of (s, u->token, accounts_seg), ==, 0);
  RT_ASSERT_CMPINT (NULL, count_of (s, v->token, accounts_seg), ==, 1);
  r = rt_get (s, u->token, "/segments");
  RT_CHECK (r, rt_array_has_int (r, "items", "id", seg), "the shared segment is not listed");
  rt_settings_patch (s, rt_json ("{'restrict_visibility': false}"));
}

int
main (int argc, char *argv[])
{
  rt_init (&argc, &argv);

  rt_add ("/segments/create-validation", test_create_validation);
  rt_add ("/segments/visibility", test_visibility);
  rt_add ("/segments/lead-members", test_lead_members);
  rt_add ("/segments/account-members", test_account_members);
  rt_add ("/segments/counts-visibility", test_counts_visibility);

  return rt_run ();
}
