/* test-api-accounts.c — the account register (R2): create/edit with tax ID and
 * branch rules, list/search/filters, contacts and their quota (R11), purchase
 * history and winning a lead (R3), new leads from an account (R4), and
 * visibility (R14) on every account endpoint */
#include "config.h"

#include "server-fixture.h"

static const char *account_members[] = {
  "id", "name", "tax_id", "branch", "address", "province", "phone", "email", "status", "latitude",
  "longitude", "owner_id", "favourite", "custom", "label_ids", "contact_count", "created_at", "updated_at",
  "version",
};

static const char *
account_path (gint64 id, const char *tail)
{
  return rt_path ("/accounts/" I64 "%s", id, tail != NULL ? tail : "");
}

static RtResponse *
account_create (RtServer *s, const char *token, const char *fields)
{
  return rt_post (s, token, "/accounts", fields);
}

static gint64
account_new (RtServer *s, const char *token, const char *fields)
{
  RtResponse *r = account_create (s, token, fields);

  RT_ASSERT_STATUS (r, 201);
  return rt_int (r, "id");
}

static RtResponse *
account_get (RtServer *s, const char *token, gint64 id)
{
  RtResponse *r = rt_get (s, token, account_path (id, NULL));

  RT_ASSERT_STATUS (r, 200);
  return r;
}

/* every page of GET /accounts?query (page size 2): the ids, in order */
static GArray *
account_list_all (RtServer *s, const char *token, const char *query)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *cursor = NULL;
  gint64 total = -1;

  rt_pool_add (ids, (GDestroyNotify) g_array_unref);
  for (guint page = 0; page < 1000; page++)
    {
      RtResponse *r = rt_get (s, token, rt_path ("/accounts?limit=2%s%s%s%s", *query ? "&" : "", query,
                                                 cursor != NULL ? "&cursor=" : "",
                                                 cursor != NULL ? rt_q (cursor) : ""));
      guint n;

      RT_ASSERT_STATUS (r, 200);
      if (total < 0)
        total = rt_int (r, "total");
      RT_ASSERT_CMPINT (r, rt_int (r, "total"), ==, total);
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
  RT_ASSERT_CMPINT (NULL, ids->len, ==, total);
  return ids;
}

#define ASSERT_ACCOUNTS(s, token, query, ...) \
  G_STMT_START { \
    const char *got_ = rt_id_set (account_list_all ((s), (token), (query))); \
    const char *want_ = rt_id_set_of (__VA_ARGS__); \
    if (g_strcmp0 (got_, want_) != 0) \
      RT_FAIL (NULL, "GET /accounts?%s gave {%s}, expected {%s}", (query), got_, want_); \
  } G_STMT_END

/* the first timeline entry of the given kind, or NULL */
static JsonNode *
timeline_entry (RtServer *s, const char *token, gint64 lead_id, const char *kind)
{
  RtResponse *r = rt_get (s, token, rt_path ("/leads/" I64 "/timeline", lead_id));
  guint n;

  RT_ASSERT_STATUS (r, 200);
  n = rt_len (r, "items");
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (rt_str (r, rt_path ("items.%u.kind", i)), kind) == 0)
      return rt_node (r, rt_path ("items.%u", i));
  return NULL;
}

/* ---- create and edit -------------------------------------------------------- */

static void
test_create_shape (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtResponse *r;
  gint64 id;

  r = account_create (s, u->token, rt_json ("{'name': '  บริษัท รูปร่าง จำกัด  '}"));
  RT_ASSERT_STATUS (r, 201);
  for (guint i = 0; i < G_N_ELEMENTS (account_members); i++)
    RT_ASSERT_HAS (r, account_members[i]);
  RT_ASSERT_STR (r, "name", "บริษัท รูปร่าง จำกัด");
  RT_ASSERT_STR (r, "status", "pending");
  RT_ASSERT_INT (r, "owner_id", u->id);
  RT_ASSERT_BOOL (r, "favourite", FALSE);
  RT_ASSERT_INT (r, "contact_count", 0);
  RT_ASSERT_INT (r, "version", 1);
  RT_ASSERT_NULL (r, "latitude");
  RT_ASSERT_NULL (r, "tax_id");
  RT_ASSERT_CMPINT (r, rt_len (r, "label_ids"), ==, 0);
  RT_CHECK (r, JSON_NODE_HOLDS_OBJECT (rt_node (r, "custom")), "custom is not an object");
  RT_CHECK (r, rt_is_rfc3339_utc (rt_str (r, "created_at")), "created_at is not RFC 3339");
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, "\"1\"");
  id = rt_int (r, "id");

  r = account_get (s, u->token, id);
  RT_ASSERT_STR (r, "name", "บริษัท รูปร่าง จำกัด");
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, "\"1\"");

  /* everything at once */
  r = account_create (s, u->token,
                      rt_json ("{'name': 'ร้านครบ', 'tax_id': '0-1055-36000-31-3', 'branch': 'สำนักงานใหญ่', "
                               "'address': '99 ถนนนิมมานเหมินท์ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200', "
                               "'phone': '053-123-456', 'email': ' Shop@Example.CO.TH ', 'status': 'confirmed', "
                               "'latitude': 18.79, 'longitude': 98.96, 'favourite': true}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "tax_id", "0105536000313");
  RT_ASSERT_STR (r, "branch", "head_office");
  RT_ASSERT_STR (r, "province", "เชียงใหม่");
  RT_ASSERT_STR (r, "phone", "+6653123456");
  RT_ASSERT_STR (r, "email", "shop@example.co.th");
  RT_ASSERT_STR (r, "status", "confirmed");
  RT_ASSERT_BOOL (r, "favourite", TRUE);
  RT_CHECK (r, json_node_get_double (rt_node (r, "latitude")) > 18.78, "latitude lost");
  RT_CHECK (r, json_node_get_double (rt_node (r, "longitude")) < 98.97, "longitude lost");

  /* unknown members and wrong types are 400; a missing name 422 */
  r = account_create (s, u->token, rt_json ("{'name': 'x', 'colour': 'red'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = account_create (s, u->token, rt_json ("{'name': 'x', 'favourite': 'yes'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = account_create (s, u->token, rt_json ("{'name': 'x', 'latitude': '13.7', 'longitude': 100.5}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = account_create (s, u->token, rt_json ("{'tax_id': '0105536000313'}"));
  RT_ASSERT_INVALID (r, "name");
  r = rt_post (s, NULL, "/accounts", rt_json ("{'name': 'x'}"));
  RT_ASSERT_ERROR (r, 401, "unauthorized");
}

/* R2: tax ID with a valid check digit; branch = head office or a 5-digit code */
static void
test_tax_id_branch (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  static const struct { const char *input; const char *stored; } branches[] = {
    { "head_office", "head_office" }, { "สำนักงานใหญ่", "head_office" }, { "00000", "head_office" },
    { "00001", "00001" }, { "สาขาที่ 00012", "00012" }, { "สาขา 7", "00007" }, { "1", "00001" },
  };
  static const char *bad_branches[] = { "สาขาใหญ่", "123456", "abc", "-1", "สาขาที่ 1x" };
  static const char *bad_tax_ids[] = { "0105536000316", "010553600031", "01055360003155", "abcdefghijklm" };
  g_autoptr(GString) problems = g_string_new (NULL);
  RtResponse *r;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (branches); i++)
    {
      r = account_create (s, token, rt_json ("{'name': 'สาขา %u', 'tax_id': '%s', 'branch': '%s'}",
                                             i, rt_unique_tax_id (), branches[i].input));
      if (r->status != 201 || g_strcmp0 (rt_str (r, "branch"), branches[i].stored) != 0)
        rt_note (problems, r, "branch '%s' should be stored as '%s'", branches[i].input, branches[i].stored);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_branches); i++)
    {
      r = account_create (s, token, rt_json ("{'name': 'สาขาผิด', 'branch': '%s'}", bad_branches[i]));
      if (r->status != 422 || !rt_has (r, "error.fields.branch"))
        rt_note (problems, r, "branch '%s' should be 422 on branch", bad_branches[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_tax_ids); i++)
    {
      r = account_create (s, token, rt_json ("{'name': 'ภาษีผิด', 'tax_id': '%s'}", bad_tax_ids[i]));
      if (r->status != 422 || !rt_has (r, "error.fields.tax_id"))
        rt_note (problems, r, "tax ID '%s' should be 422 on tax_id", bad_tax_ids[i]);
    }
  RT_ASSERT_NO_PROBLEMS (problems);

  /* the checksum message differs from the length message, in Thai too */
  r = rt_request (s, "POST", "/accounts",
                  &(RtRequestOpts) { .token = token, .accept_language = "th",
                                     .body = rt_json ("{'name': 'x', 'tax_id': '0105536000316'}") });
  RT_ASSERT_INVALID (r, "tax_id");
  RT_CHECK (r, rt_text_has_thai (rt_str (r, "error.fields.tax_id")), "the message is not Thai");

  /* PATCH validates the same way; null clears */
  id = account_new (s, token, rt_json ("{'name': 'แก้สาขา', 'tax_id': '0105536000313', 'branch': '00003'}"));
  r = rt_patch (s, token, account_path (id, NULL), "\"1\"", rt_json ("{'tax_id': '0105536000310'}"));
  RT_ASSERT_INVALID (r, "tax_id");
  r = rt_patch (s, token, account_path (id, NULL), "\"1\"", rt_json ("{'branch': 'สาขาที่ 0000001'}"));
  RT_ASSERT_INVALID (r, "branch");
  r = rt_patch (s, token, account_path (id, NULL), "\"1\"", rt_json ("{'branch': null, 'tax_id': null}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_NULL (r, "branch");
  RT_ASSERT_NULL (r, "tax_id");
}

static void
test_fields (void)
{
  RtServer *s = rt_shared ();
  const char *token = rt_admin (s)->token;
  static const char *invalid[][2] = {
    { "{'name': 'x', 'phone': '12345'}", "phone" },
    { "{'name': 'x', 'email': 'not-an-email'}", "email" },
    { "{'name': 'x', 'status': 'won'}", "status" },
    { "{'name': 'x', 'status': 'ขายได้แล้ว'}", "status" },
    { "{'name': 'x', 'latitude': 13.7}", "longitude" },
    { "{'name': 'x', 'longitude': 100.5}", "latitude" },
    { "{'name': 'x', 'latitude': 91, 'longitude': 100}", "latitude" },
    { "{'name': 'x', 'latitude': 13, 'longitude': -181}", "longitude" },
    { "{'name': 'x', 'latitude': null, 'longitude': 100}", "latitude" },
    { "{'name': '   '}", "name" },
    { "{'name': 'x', 'label_ids': [999999]}", "label_ids" },
    { "{'name': 'x', 'owner_id': 999999}", "owner_id" },
  };
  g_autoptr(GString) problems = g_string_new (NULL);
  RtResponse *r;
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      r = account_create (s, token, rt_json ("%s", invalid[i][0]));
      if (r->status != 422 || !rt_has (r, rt_path ("error.fields.%s", invalid[i][1])))
        rt_note (problems, r, "%s should be 422 on %s", invalid[i][0], invalid[i][1]);
    }
  RT_ASSERT_NO_PROBLEMS (problems);

  /* location: both or neither; null for both clears it */
  id = account_new (s, token, rt_json ("{'name': 'พิกัด', 'latitude': 13.7563, 'longitude': 100.5018}"));
  r = rt_patch (s, token, account_path (id, NULL), "\"1\"", rt_json ("{'latitude': 14}"));
  RT_ASSERT_INVALID (r, "longitude");
  r = rt_patch (s, token, account_path (id, NULL), "\"1\"", rt_json ("{'latitude': null, 'longitude': null}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_NULL (r, "latitude");
  RT_ASSERT_NULL (r, "longitude");
  r = rt_patch (s, token, account_path (id, NULL), "\"2\"", rt_json ("{'latitude': -33, 'longitude': 151}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "version", 3);
}

static void
test_patch (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtUser *other = rt_user_new (s, "user", 0);
  RtResponse *r;
  gint64 id = account_new (s, u->token, rt_json ("{'name': 'บริษัท แก้ไข จำกัด'}"));

  r = rt_patch (s, u->token, account_path (id, NULL), NULL, rt_json ("{'status': 'confirmed'}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = rt_patch (s, u->token, account_path (id, NULL), "\"7\"", rt_json ("{'status': 'confirmed'}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");
  r = rt_patch (s, u->token, account_path (id, NULL), "\"1\"",
                rt_json ("{'status': 'confirmed', 'favourite': true, 'address': '1 ถนนมิตรภาพ จ.ขอนแก่น 40000'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "status", "confirmed");
  RT_ASSERT_BOOL (r, "favourite", TRUE);
  RT_ASSERT_STR (r, "province", "ขอนแก่น");
  RT_ASSERT_INT (r, "version", 2);
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, "\"2\"");

  /* a given province wins over the address; Bangkok's spellings become one */
  r = rt_patch (s, u->token, account_path (id, NULL), "\"2\"", rt_json ("{'province': 'กทม.'}"));
  RT_ASSERT_STR (r, "province", "กรุงเทพมหานคร");
  r = rt_patch (s, u->token, account_path (id, NULL), "\"3\"", rt_json ("{'province': 'จังหวัดลำพูน'}"));
  RT_ASSERT_STR (r, "province", "ลำพูน");

  /* only the owner (or their team lead, or an admin) edits; only admins and
   * team leads give it to someone else */
  r = rt_patch (s, other->token, account_path (id, NULL), "\"4\"", rt_json ("{'status': 'sold'}"));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  r = rt_patch (s, u->token, account_path (id, NULL), "\"4\"", rt_json ("{'owner_id': " I64 "}", other->id));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  r = rt_patch (s, rt_admin (s)->token, account_path (id, NULL), "\"4\"",
                rt_json ("{'owner_id': " I64 "}", other->id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "owner_id", other->id);
  r = rt_patch (s, other->token, account_path (id, NULL), "\"5\"", rt_json ("{'name': 'บริษัท ใหม่ จำกัด'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "name", "บริษัท ใหม่ จำกัด");

  /* DELETE is not part of the API */
  r = rt_delete (s, rt_admin (s)->token, account_path (id, NULL));
  RT_ASSERT_ERROR (r, 405, "method_not_allowed");
}

/* ---- list, search, filters ---------------------------------------------------- */

static void
test_list (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *tag = rt_unique ("กขค");
  const char *tax = rt_unique_tax_id ();
  RtResponse *r;
  gint64 a, b, c, label;
  const char *mine = rt_path ("owner_id=" I64, u->id);

  r = rt_post (s, u->token, "/labels", rt_json ("{'name': 'ลูกค้าประจำ', 'color': '#33D17A'}"));
  RT_ASSERT_STATUS (r, 201);
  label = rt_int (r, "id");

  a = account_new (s, u->token, rt_json ("{'name': 'บริษัทสมบูรณ์พาณิชย์%s', 'phone': '02-555-0101', "
                                         "'address': '1 ถนนสุขุมวิท เขตวัฒนา กรุงเทพฯ 10110', 'favourite': true}",
                                         tag));
  b = account_new (s, u->token, rt_json ("{'name': 'ก ร้านอาหาร%s', 'tax_id': '%s', 'status': 'sold', "
                                         "'province': 'เชียงใหม่', 'label_ids': [" I64 "]}", tag, tax, label));
  c = account_new (s, u->token, rt_json ("{'name': 'ฮ โรงแรม', 'email': 'sales-%s@hotel.co.th', "
                                         "'status': 'confirmed', 'address': '5 ถนนเทพกระษัตรี จังหวัดภูเก็ต'}",
                                         rt_unique ("h")));

  ASSERT_ACCOUNTS (s, u->token, mine, 3, a, b, c);
  /* q: a Thai substring with no spaces, short and long, phone in local and E.164 form, tax ID, e-mail */
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&q=%s", mine, rt_q ("สมบูรณ์")), 1, a);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("q=%s", rt_q (tag)), 2, a, b);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&q=%s", mine, rt_q ("ฮ")), 1, c);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&q=%s", mine, rt_q ("02-555-0101")), 1, a);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&q=%s", mine, rt_q ("+6625550101")), 1, a);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("q=%s", tax), 1, b);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&q=%s", mine, rt_q ("hotel.co")), 1, c);
  /* filters */
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&status=sold", mine), 1, b);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&status=pending,confirmed", mine), 2, a, c);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&favourite=true", mine), 1, a);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&favourite=false", mine), 2, b, c);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&label_id=" I64, mine, label), 1, b);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&province=%s", mine, rt_q ("กรุงเทพมหานคร")), 1, a);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&province=%s", mine, rt_q ("จังหวัดภูเก็ต")), 1, c);
  ASSERT_ACCOUNTS (s, u->token, rt_path ("%s&province=%s", mine, rt_q ("เชียงใหม่")), 1, b);

  /* sorted by name by default; paging by cursor and by offset */
  r = rt_get (s, u->token, rt_path ("/accounts?%s", mine));
  RT_ASSERT_INT (r, "items.0.id", b);
  RT_ASSERT_INT (r, "items.2.id", c);
  RT_ASSERT_INT (r, "items.0.contact_count", 0);
  r = rt_get (s, u->token, rt_path ("/accounts?%s&sort=-name&limit=1&offset=1", mine));
  RT_ASSERT_INT (r, "items.0.id", a);
  RT_ASSERT_INT (r, "total", 3);
  r = rt_get (s, u->token, rt_path ("/accounts?%s&sort=-created_at&limit=1", mine));
  RT_ASSERT_INT (r, "items.0.id", c);

  {
    static const char *bad[] = {
      "status=won", "sort=colour", "favourite=yes", "limit=0", "limit=501", "owner_id=x", "label_id=-1",
      "cursor=bogus", "segment_id=x",
    };
    g_autoptr(GString) problems = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      rt_note_unless_error (problems, rt_get (s, u->token, rt_path ("/accounts?%s", bad[i])), 400, "bad_request");
    RT_ASSERT_NO_PROBLEMS (problems);
  }
}

/* ---- contacts (R11) ------------------------------------------------------------- */

static void
test_contacts_quota (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  RtUser *other = rt_user_new (s, "user", 0);
  gint64 id = account_new (s, u->token, rt_json ("{'name': 'บริษัท ผู้ติดต่อ จำกัด'}"));
  gint64 small, contact = 0;
  RtResponse *r;

  for (guint i = 0; i < 10; i++)
    {
      r = rt_post (s, u->token, account_path (id, "/contacts"),
                   rt_json ("{'name': 'คุณติดต่อ %u', 'position': 'จัดซื้อ', 'phone': '%s', 'email': 'c%u@example.com'}",
                            i, rt_unique_phone (), i));
      RT_ASSERT_STATUS (r, 201);
      if (i == 0)
        {
          contact = rt_int (r, "id");
          RT_ASSERT_INT (r, "account_id", id);
          RT_ASSERT_STR (r, "position", "จัดซื้อ");
          RT_CHECK (r, g_str_has_prefix (rt_str (r, "phone"), "+66"), "phone not E.164");
          RT_ASSERT_INT (r, "version", 1);
        }
    }
  /* the 11th: the default quota is 10 */
  r = rt_post (s, u->token, account_path (id, "/contacts"), rt_json ("{'name': 'คนที่สิบเอ็ด'}"));
  RT_ASSERT_ERROR (r, 409, "limit_reached");
  RT_ASSERT_INT (r, "error.details.limit", 10);
  RT_ASSERT_INT (account_get (s, u->token, id), "contact_count", 10);
  r = rt_get (s, u->token, account_path (id, "/contacts"));
  RT_ASSERT_INT (r, "total", 10);
  RT_ASSERT_CMPINT (r, rt_len (r, "items"), ==, 10);
  RT_ASSERT_INT (r, "items.0.id", contact);

  /* validation; only the account's owner (team lead, admin) adds */
  r = rt_post (s, u->token, account_path (id, "/contacts"), rt_json ("{'position': 'x'}"));
  RT_ASSERT_INVALID (r, "name");
  r = rt_post (s, u->token, account_path (id, "/contacts"), rt_json ("{'name': 'x', 'phone': '99'}"));
  RT_ASSERT_INVALID (r, "phone");
  r = rt_post (s, u->token, account_path (id, "/contacts"), rt_json ("{'name': 'x', 'age': 3}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_post (s, other->token, account_path (id, "/contacts"), rt_json ("{'name': 'x'}"));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  r = rt_post (s, u->token, "/accounts/999999/contacts", rt_json ("{'name': 'x'}"));
  RT_ASSERT_ERROR (r, 404, "not_found");

  /* one contact: GET, PATCH with If-Match, DELETE makes room */
  r = rt_get (s, other->token, rt_path ("/contacts/" I64, contact));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "name", "คุณติดต่อ 0");
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, "\"1\"");
  r = rt_patch (s, u->token, rt_path ("/contacts/" I64, contact), NULL, rt_json ("{'position': 'ผู้จัดการ'}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = rt_patch (s, u->token, rt_path ("/contacts/" I64, contact), "\"2\"", rt_json ("{'position': 'ผู้จัดการ'}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");
  r = rt_patch (s, other->token, rt_path ("/contacts/" I64, contact), "\"1\"", rt_json ("{'position': 'x'}"));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  r = rt_patch (s, u->token, rt_path ("/contacts/" I64, contact), "\"1\"",
                rt_json ("{'position': 'ผู้จัดการ', 'email': null}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "position", "ผู้จัดการ");
  RT_ASSERT_NULL (r, "email");
  RT_ASSERT_INT (r, "version", 2);
  r = rt_delete (s, other->token, rt_path ("/contacts/" I64, contact));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  r = rt_delete (s, u->token, rt_path ("/contacts/" I64, contact));
  RT_ASSERT_STATUS (r, 204);
  r = rt_get (s, u->token, rt_path ("/contacts/" I64, contact));
  RT_ASSERT_ERROR (r, 404, "not_found");
  r = rt_post (s, u->token, account_path (id, "/contacts"), rt_json ("{'name': 'คนใหม่'}"));
  RT_ASSERT_STATUS (r, 201);

  /* the quota is a setting: lowered, the next contact over it is refused */
  rt_settings_patch (s, rt_json ("{'max_contacts_per_account': 2}"));
  small = account_new (s, u->token, rt_json ("{'name': 'บริษัท เล็ก จำกัด'}"));
  for (guint i = 0; i < 2; i++)
    RT_ASSERT_STATUS (rt_post (s, u->token, account_path (small, "/contacts"), rt_json ("{'name': 'ก%u'}", i)), 201);
  r = rt_post (s, u->token, account_path (small, "/contacts"), rt_json ("{'name': 'ค'}"));
  RT_ASSERT_ERROR (r, 409, "limit_reached");
  RT_ASSERT_INT (r, "error.details.limit", 2);
  /* contacts over a lowered quota stay */
  RT_ASSERT_INT (rt_get (s, u->token, account_path (id, "/contacts")), "total", 10);
  rt_settings_patch (s, rt_json ("{'max_contacts_per_account': 10}"));
  RT_ASSERT_STATUS (rt_post (s, u->token, account_path (small, "/contacts"), rt_json ("{'name': 'ค'}")), 201);
}

/* ---- R4: new leads from an account ---------------------------------------------- */

static void
test_leads_from_account (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *source = rt_lead_source (s);
  const char *tax = rt_unique_tax_id ();
  gint64 id, lead_ids[3];
  RtResponse *r;
  JsonNode *created;

  id = account_new (s, u->token, rt_json ("{'name': 'บริษัท ขายซ้ำ จำกัด', 'tax_id': '%s', "
                                          "'phone': '02-111-2222', 'email': 'buy@repeat.co.th'}", tax));

  /* source is required (R1); everything else comes from the account */
  r = rt_post (s, u->token, account_path (id, "/leads"), "{}");
  RT_ASSERT_INVALID (r, "source");
  r = rt_post (s, u->token, account_path (id, "/leads"), rt_json ("{'source': '%s', 'account_id': 1}", source));
  RT_ASSERT_ERROR (r, 400, "bad_request");

  /* any number of them (R4); from the second on they match the first on
   * e-mail and tax ID, so duplicate prevention (R25) asks for confirmation */
  for (guint i = 0; i < G_N_ELEMENTS (lead_ids); i++)
    {
      if (i == 1)
        {
          r = rt_post (s, u->token, account_path (id, "/leads"), rt_json ("{'source': '%s'}", source));
          RT_ASSERT_ERROR (r, 409, "duplicate_lead");
        }
      r = rt_post (s, u->token, account_path (id, "/leads"),
                   i == 0 ? rt_json ("{'source': '%s'}", source)
                          : rt_json ("{'source': '%s', 'name': 'คุณจัดซื้อ %u', 'value': %u00000, 'phone': null, "
                                     "'confirm_duplicate': true}", source, i, i));
      RT_ASSERT_STATUS (r, 201);
      lead_ids[i] = rt_int (r, "id");
      RT_ASSERT_INT (r, "account_id", id);
      RT_ASSERT_STR (r, "company", "บริษัท ขายซ้ำ จำกัด");
      RT_ASSERT_STR (r, "tax_id", tax);
      RT_ASSERT_STR (r, "email", "buy@repeat.co.th");
      RT_ASSERT_INT (r, "owner_id", u->id);
      RT_ASSERT_STR (r, "state", "in_progress");
      if (i == 0)
        {
          RT_ASSERT_STR (r, "name", "บริษัท ขายซ้ำ จำกัด");
          RT_ASSERT_STR (r, "phone", "+6621112222");
        }
      else
        {
          RT_ASSERT_STR (r, "name", rt_json ("คุณจัดซื้อ %u", i));
          RT_ASSERT_NULL (r, "phone");
        }
    }
  created = timeline_entry (s, u->token, lead_ids[1], "created");
  RT_CHECK (NULL, created != NULL, "no created event");
  RT_ASSERT_CMPINT (NULL, rt_node_int (created, "data.account_id"), ==, id);

  r = rt_get (s, u->token, account_path (id, "/leads"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "total", 3);
  r = rt_get (s, u->token, account_path (id, "/leads?limit=1"));
  RT_ASSERT_CMPINT (r, rt_len (r, "items"), ==, 1);
  RT_CHECK (r, !rt_is_null (r, "next_cursor"), "no next page");
  r = rt_post (s, u->token, "/accounts/999999/leads", rt_json ("{'source': '%s'}", source));
  RT_ASSERT_ERROR (r, 404, "not_found");
}

/* ---- R3: winning a lead links its account ------------------------------------------ */

static void
test_won_creates_account (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *tax = rt_unique_tax_id ();
  gint64 lead, person, account;
  RtResponse *r;
  JsonNode *linked;

  lead = rt_lead_new (s, u->token, rt_json ("{'name': 'คุณวิชัย', 'company': 'บริษัท ชนะ จำกัด', "
                                            "'tax_id': '%s', 'email': 'wichai@win.co.th', 'value': 1250000}", tax));
  rt_lead_move (s, u->token, lead, 1, 0);
  RT_CHECK (NULL, timeline_entry (s, u->token, lead, "account_linked") == NULL, "linked before the win");

  r = rt_lead_move (s, u->token, lead, 3, 0);
  RT_ASSERT_STR (r, "state", "closed");
  RT_CHECK (r, !rt_is_null (r, "account_id"), "the won lead has no account");
  RT_CHECK (r, rt_is_rfc3339_utc (rt_str (r, "closed_at")), "closed_at missing");
  account = rt_int (r, "account_id");
  linked = timeline_entry (s, u->token, lead, "account_linked");
  RT_CHECK (NULL, linked != NULL, "no account_linked event");
  RT_ASSERT_CMPINT (NULL, rt_node_int (linked, "data.account_id"), ==, account);
  RT_CHECK (NULL, rt_node_bool (linked, "data.created"), "created is not true");

  /* made from the lead: the company, its tax ID, the person as a contact */
  r = account_get (s, u->token, account);
  RT_ASSERT_STR (r, "name", "บริษัท ชนะ จำกัด");
  RT_ASSERT_STR (r, "tax_id", tax);
  RT_ASSERT_STR (r, "email", "wichai@win.co.th");
  RT_ASSERT_STR (r, "status", "sold");
  RT_ASSERT_INT (r, "owner_id", u->id);
  RT_ASSERT_INT (r, "contact_count", 1);
  r = rt_get (s, u->token, account_path (account, "/contacts"));
  RT_ASSERT_STR (r, "items.0.name", "คุณวิชัย");

  /* the history shows the won lead with its value */
  r = rt_get (s, u->token, account_path (account, "/history"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPINT (r, rt_len (r, "won_leads"), ==, 1);
  RT_ASSERT_INT (r, "won_leads.0.id", lead);
  RT_ASSERT_INT (r, "won_leads.0.value", 1250000);
  RT_ASSERT_INT (r, "total_won", 1250000);
  RT_ASSERT_INT (r, "won_count", 1);
  RT_ASSERT_CMPINT (r, rt_len (r, "invoices"), ==, 0);

  /* a person (no company) becomes the account, without a contact; another
   * pipeline's last step wins as well (R9) */
  person = rt_lead_new (s, u->token, rt_json ("{'name': 'นายบุคคล ธรรมดา', 'phone': '089-000-1111', 'value': 500}"));
  r = rt_lead_move (s, u->token, person, 2, rt_pipeline_new (s, 3));
  account = rt_int (r, "account_id");
  r = account_get (s, u->token, account);
  RT_ASSERT_STR (r, "name", "นายบุคคล ธรรมดา");
  RT_ASSERT_STR (r, "phone", "+66890001111");
  RT_ASSERT_INT (r, "contact_count", 0);
  RT_ASSERT_INT (rt_get (s, u->token, account_path (account, "/history")), "total_won", 500);
}

static void
test_won_reuses_account (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *source = rt_lead_source (s);
  gint64 account, first, second, third;
  RtResponse *r;
  JsonNode *linked;

  account = account_new (s, u->token, rt_json ("{'name': 'บริษัท ลูกค้าเก่า จำกัด'}"));
  first = rt_lead_new (s, u->token, rt_json ("{'account_id': " I64 ", 'value': 300000}", account));
  r = rt_post (s, u->token, account_path (account, "/leads"), rt_json ("{'source': '%s', 'value': 200000}", source));
  RT_ASSERT_STATUS (r, 201);
  second = rt_int (r, "id");
  r = rt_post (s, u->token, account_path (account, "/leads"), rt_json ("{'source': '%s', 'value': 99}", source));
  third = rt_int (r, "id");

  r = rt_lead_move (s, u->token, first, 3, 0);
  RT_ASSERT_INT (r, "account_id", account);
  linked = timeline_entry (s, u->token, first, "account_linked");
  RT_CHECK (NULL, linked != NULL && !rt_node_bool (linked, "data.created"), "created should be false");
  RT_ASSERT_STR (account_get (s, u->token, account), "status", "sold");
  rt_lead_move (s, u->token, second, 3, 0);

  r = rt_get (s, u->token, account_path (account, "/history"));
  RT_ASSERT_CMPINT (r, rt_len (r, "won_leads"), ==, 2);
  RT_ASSERT_INT (r, "won_leads.0.id", second);   /* latest win first */
  RT_ASSERT_INT (r, "won_leads.1.id", first);
  RT_ASSERT_INT (r, "total_won", 500000);
  RT_CHECK (r, !rt_array_has_int (r, "won_leads", "id", third), "an open lead is in the history");

  /* a lead moved back (admins may) leaves the history */
  rt_lead_move (s, rt_admin (s)->token, second, 2, 0);
  RT_ASSERT_INT (rt_get (s, u->token, account_path (account, "/history")), "total_won", 300000);
}

/* ---- R14 ---------------------------------------------------------------------- */

static void
test_visibility (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *lead_user = rt_user_new (s, "user", 0);
  gint64 team = rt_team_new (s, "none", lead_user->id);
  RtUser *owner, *member, *other;
  const char *source = rt_lead_source (s);
  g_autoptr(GString) problems = g_string_new (NULL);
  gint64 id, contact, won, theirs;
  RtResponse *r;

  rt_user_set_team (s, lead_user->id, team);
  owner = rt_user_new (s, "user", team);
  member = rt_user_new (s, "user", team);
  other = rt_user_new (s, "user", 0);
  rt_settings_patch (s, rt_json ("{'restrict_visibility': true}"));

  id = account_new (s, owner->token, rt_json ("{'name': 'บริษัท ลับ %s จำกัด', 'phone': '02-999-0001'}",
                                              rt_unique ("v")));
  r = rt_post (s, owner->token, account_path (id, "/contacts"), rt_json ("{'name': 'คุณลับ'}"));
  contact = rt_int (r, "id");
  won = rt_lead_new (s, owner->token, rt_json ("{'account_id': " I64 ", 'value': 7000}", id));
  rt_lead_move (s, owner->token, won, 3, 0);

  /* who sees it: owner, their team lead, admin; not another member nor another user */
  {
    const struct { RtUser *user; gboolean sees; } who[] = {
      { owner, TRUE }, { lead_user, TRUE }, { admin, TRUE }, { member, FALSE }, { other, FALSE },
    };
    const char *gets[] = { NULL, "/history", "/contacts", "/leads" };

    for (guint i = 0; i < G_N_ELEMENTS (who); i++)
      {
        const char *token = who[i].user->token;
        GArray *listed = account_list_all (s, token, "");
        GArray *found = account_list_all (s, token, rt_path ("q=%s", rt_q ("02-999-0001")));

        for (guint j = 0; j < G_N_ELEMENTS (gets); j++)
          {
            r = rt_get (s, token, account_path (id, gets[j]));
            if (who[i].sees ? r->status != 200 : r->status != 404)
              rt_note (problems, r, "user %u on %s", i, gets[j] != NULL ? gets[j] : "GET");
          }
        r = rt_get (s, token, rt_path ("/contacts/" I64, contact));
        if (who[i].sees ? r->status != 200 : r->status != 404)
          rt_note (problems, r, "user %u on the contact", i);
        if (rt_ids_contain (listed, id) != who[i].sees || rt_ids_contain (found, id) != who[i].sees)
          rt_note (problems, NULL, "user %u: the list or search is wrong", i);
        if (!who[i].sees)
          {
            rt_note_unless_error (problems, rt_patch (s, token, account_path (id, NULL), "\"1\"",
                                                      rt_json ("{'name': 'x'}")), 404, "not_found");
            rt_note_unless_error (problems, rt_post (s, token, account_path (id, "/contacts"),
                                                     rt_json ("{'name': 'x'}")), 404, "not_found");
            rt_note_unless_error (problems, rt_patch (s, token, rt_path ("/contacts/" I64, contact), "\"1\"",
                                                      rt_json ("{'name': 'x'}")), 404, "not_found");
            rt_note_unless_error (problems, rt_delete (s, token, rt_path ("/contacts/" I64, contact)),
                                  404, "not_found");
            rt_note_unless_error (problems, rt_post (s, token, account_path (id, "/leads"),
                                                     rt_json ("{'source': '%s'}", source)), 404, "not_found");
            /* nor link a lead to it */
            r = rt_lead_create (s, token, rt_json ("{'account_id': " I64 "}", id));
            if (r->status != 422 || !rt_has (r, "error.fields.account_id"))
              rt_note (problems, r, "user %u linked a hidden account", i);
          }
      }
  }

  /* anonymous: 401 everywhere */
  rt_note_unless_error (problems, rt_get (s, NULL, account_path (id, NULL)), 401, "unauthorized");
  rt_note_unless_error (problems, rt_get (s, NULL, "/accounts"), 401, "unauthorized");
  rt_note_unless_error (problems, rt_get (s, NULL, account_path (id, "/history")), 401, "unauthorized");
  rt_note_unless_error (problems, rt_get (s, NULL, account_path (id, "/contacts")), 401, "unauthorized");
  rt_note_unless_error (problems, rt_get (s, NULL, rt_path ("/contacts/" I64, contact)), 401, "unauthorized");
  rt_note_unless_error (problems, rt_post (s, NULL, account_path (id, "/leads"), "{}"), 401, "unauthorized");
  RT_ASSERT_NO_PROBLEMS (problems);

  /* holding a lead on an account shows it (admin gives `other` one); the
   * account's history then shows `other` only their own won lead */
  r = rt_lead_create (s, admin->token, rt_json ("{'account_id': " I64 ", 'owner_id': " I64 ", 'value': 40}",
                                                id, other->id));
  RT_ASSERT_STATUS (r, 201);
  theirs = rt_int (r, "id");
  RT_ASSERT_INT (account_get (s, other->token, id), "id", id);
  RT_CHECK (NULL, rt_ids_contain (account_list_all (s, other->token, ""), id), "not listed for a lead holder");
  r = rt_get (s, other->token, account_path (id, "/history"));
  RT_ASSERT_CMPINT (r, rt_len (r, "won_leads"), ==, 0);
  rt_lead_move (s, other->token, theirs, 3, 0);
  r = rt_get (s, other->token, account_path (id, "/history"));
  RT_ASSERT_CMPINT (r, rt_len (r, "won_leads"), ==, 1);
  RT_ASSERT_INT (r, "won_leads.0.id", theirs);
  RT_ASSERT_INT (r, "total_won", 7040);
  r = rt_get (s, other->token, account_path (id, "/leads"));
  RT_ASSERT_INT (r, "total", 1);
  /* seeing is not changing */
  r = rt_patch (s, other->token, account_path (id, NULL), "\"1\"", rt_json ("{'name': 'x'}"));
  RT_ASSERT_ERROR (r, 403, "forbidden");
  /* but a new lead from it is fine (R4) */
  r = rt_post (s, other->token, account_path (id, "/leads"), rt_json ("{'source': '%s'}", source));
  RT_ASSERT_STATUS (r, 201);

  rt_settings_patch (s, rt_json ("{'restrict_visibility': false}"));
  RT_ASSERT_INT (account_get (s, member->token, id), "id", id);
}

int
main (int argc, char *argv[])
{
  rt_init (&argc, &argv);

  rt_add ("/accounts/create-shape", test_create_shape);
  rt_add ("/accounts/tax-id-branch", test_tax_id_branch);
  rt_add ("/accounts/fields", test_fields);
  rt_add ("/accounts/patch", test_patch);
  rt_add ("/accounts/list-search-filters", test_list);
  rt_add ("/accounts/contacts-quota", test_contacts_quota);
  rt_add ("/accounts/leads-from-account", test_leads_from_account);
  rt_add ("/accounts/won-creates-account", test_won_creates_account);
  rt_add ("/accounts/won-reuses-account", test_won_reuses_account);
  rt_add ("/accounts/visibility", test_visibility);

  return rt_run ();
}
