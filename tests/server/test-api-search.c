/* test-api-search.c — GET /leads?q=: substrings of name, company, phone, email and tax ID,
 * Thai text without spaces, 1–2 character queries, local phone forms */
#include "config.h"

#include "server-fixture.h"

/* The whole database of this executable's server is this data set (plus the
 * admin), so every query has an exact expected answer. */
static struct {
  gboolean ready;
  RtUser  *owner;     /* owns E; the admin owns the rest */
  char    *tax_id;
  gint64   a, b, c, d, e;
} data;

static void
ensure_data (RtServer *s)
{
  const char *admin = rt_admin (s)->token;
  const char *tax;
  char digits[14] = "099400016001";

  if (data.ready)
    return;

  digits[12] = rt_tax_id_check_digit (digits);
  digits[13] = '\0';
  data.tax_id = g_strdup (digits);
  tax = data.tax_id;

  data.owner = rt_user_new (s, "user", 0);
  data.a = rt_lead_new (s, admin, rt_json ("{'name': 'นายสมชายใจดี', 'phone': '086-123-4567'}"));
  data.b = rt_lead_new (s, admin, rt_json ("{'name': 'นางสมหญิงใจงาม', 'company': 'บริษัทรักไทยจำกัด', "
                                            "'email': 'somying@rakthai.co.th'}"));
  data.c = rt_lead_new (s, admin, rt_json ("{'name': 'Mr. John Smith', 'company': 'Smith Trading', "
                                            "'email': 'John.Smith@Example.org'}"));
  data.d = rt_lead_new (s, admin, rt_json ("{'name': 'ห้างหุ้นส่วนฎีกาพาณิชย์', 'tax_id': '%c-%.4s-%.5s-%.2s-%c'}",
                                            tax[0], tax + 1, tax + 5, tax + 10, tax[12]));
  data.e = rt_lead_new (s, data.owner->token, rt_json ("{'name': 'คุณสมศักดิ์ รักดี', 'phone': '02-555-1234'}"));
  data.ready = TRUE;
}

static const char *
q (const char *text)
{
  return rt_path ("q=%s", rt_q (text));
}

static void
test_thai_word (void)
{
  RtServer *s = rt_shared ();
  const char *token;

  ensure_data (s);
  token = data.owner->token;
  RT_ASSERT_LIST (s, token, q ("สมชาย"), 1, data.a);
  RT_ASSERT_LIST (s, token, q ("นายสมชายใจดี"), 1, data.a);
  RT_ASSERT_LIST (s, token, q ("สมหญิง"), 1, data.b);
  RT_ASSERT_LIST (s, token, q ("ใจดี"), 1, data.a);
  RT_ASSERT_LIST (s, token, q ("ฎีกาพาณิชย์"), 1, data.d);
  RT_ASSERT_LIST (s, token, q ("สม"), 3, data.a, data.b, data.e);
}

static void
test_short_queries (void)
{
  RtServer *s = rt_shared ();
  const char *token;

  ensure_data (s);
  token = data.owner->token;
  /* one character */
  RT_ASSERT_LIST (s, token, q ("ฎ"), 1, data.d);
  RT_ASSERT_LIST (s, token, q ("ศ"), 1, data.e);
  RT_ASSERT_LIST (s, token, q ("ส"), 4, data.a, data.b, data.d, data.e);
  /* two characters, one of them a vowel sign */
  RT_ASSERT_LIST (s, token, q ("ใจ"), 2, data.a, data.b);
  RT_ASSERT_LIST (s, token, q ("ดี"), 2, data.a, data.e);
  RT_ASSERT_LIST (s, token, q ("ฎี"), 1, data.d);
}

static void
test_company_email_tax_id (void)
{
  RtServer *s = rt_shared ();
  const char *token;

  ensure_data (s);
  token = data.owner->token;
  RT_ASSERT_LIST (s, token, q ("รักไทย"), 1, data.b);
  RT_ASSERT_LIST (s, token, q ("Smith Trading"), 1, data.c);
  RT_ASSERT_LIST (s, token, q ("rakthai.co"), 1, data.b);
  RT_ASSERT_LIST (s, token, q ("john.smith@example.org"), 1, data.c);
  RT_ASSERT_LIST (s, token, q ("example.org"), 1, data.c);
  RT_ASSERT_LIST (s, token, q (data.tax_id), 1, data.d);
  RT_ASSERT_LIST (s, token, q ("9940001"), 1, data.d);
}

static void
test_phone_local_form (void)
{
  RtServer *s = rt_shared ();
  const char *token;

  ensure_data (s);
  token = data.owner->token;
  RT_ASSERT_LIST (s, token, q ("0861234567"), 1, data.a);
  RT_ASSERT_LIST (s, token, q ("086-123-4567"), 1, data.a);
  RT_ASSERT_LIST (s, token, q ("086 123 4567"), 1, data.a);
  RT_ASSERT_LIST (s, token, q ("+66861234567"), 1, data.a);
  RT_ASSERT_LIST (s, token, q ("1234567"), 1, data.a);
  RT_ASSERT_LIST (s, token, q ("02-555-1234"), 1, data.e);
  RT_ASSERT_LIST (s, token, q ("025551234"), 1, data.e);
}

static void
test_phone_local_prefix (void)
{
  RtServer *s = rt_shared ();
  const char *token;

  ensure_data (s);
  token = data.owner->token;
  /* what a user types before finishing the number */
  RT_ASSERT_LIST (s, token, q ("086-123"), 1, data.a);
  RT_ASSERT_LIST (s, token, q ("0861"), 1, data.a);
  RT_ASSERT_LIST (s, token, q ("02-555"), 1, data.e);
}

static void
test_no_match (void)
{
  RtServer *s = rt_shared ();
  static const char *queries[] = {
    "ไม่มีทางเจอ", "%", "_", "%%", "'", "\"", "*", "สม*", "(", ")", "\\", "สมชาย OR 1=1", "' OR '1'='1",
    "\"สม\" NEAR \"ใจ\"", "name:สม", "ก%", "ส_",
  };
  g_autoptr(GString) problems = g_string_new (NULL);
  const char *token;

  ensure_data (s);
  token = data.owner->token;
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      RtResponse *r = rt_get (s, token, rt_path ("/leads?%s", q (queries[i])));
      JsonNode *total = rt_node (r, "total");

      if (r->status != 200 || total == NULL || !JSON_NODE_HOLDS_VALUE (total) || json_node_get_int (total) != 0)
        rt_note (problems, r, "q=%s: expected 200 with total 0", queries[i]);
    }
  RT_ASSERT_NO_PROBLEMS (problems);
}

static void
test_empty_query (void)
{
  RtServer *s = rt_shared ();
  const char *token;

  ensure_data (s);
  token = data.owner->token;
  RT_ASSERT_LIST (s, token, "q=", 5, data.a, data.b, data.c, data.d, data.e);
  RT_ASSERT_LIST (s, token, "", 5, data.a, data.b, data.c, data.d, data.e);
}

static void
test_combined_filters (void)
{
  RtServer *s = rt_shared ();
  const char *token;
  RtResponse *r;

  ensure_data (s);
  token = data.owner->token;
  RT_ASSERT_LIST (s, token, rt_path ("%s&owner_id=" I64, q ("ส"), data.owner->id), 1, data.e);
  RT_ASSERT_LIST (s, token, rt_path ("%s&owner_id=" I64, q ("ส"), rt_admin (s)->id), 3, data.a, data.b, data.d);
  RT_ASSERT_LIST (s, token, rt_path ("%s&step=1", q ("ส")), 0);

  /* paging one by one through a search */
  {
    GArray *ids = rt_lead_list_all (s, token, q ("ส"), 1);
    RT_ASSERT_CMPSTR (NULL, rt_id_set (ids), ==, rt_id_set_of (4, data.a, data.b, data.d, data.e));
  }

  /* an unfollowed lead is found only in the unfollowed box */
  r = rt_post (s, rt_admin (s)->token, rt_path ("/leads/" I64 "/unfollow", data.a), rt_json ("{'reason': 'ทดสอบ'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_LIST (s, token, q ("สมชาย"), 0);
  RT_ASSERT_LIST (s, token, rt_path ("%s&state=unfollowed", q ("สมชาย")), 1, data.a);
  RT_ASSERT_LIST (s, token, rt_path ("%s&state=unfollowed", q ("ใจ")), 1, data.a);
  r = rt_post (s, rt_admin (s)->token, rt_path ("/leads/" I64 "/restore", data.a), NULL);
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_LIST (s, token, q ("สมชาย"), 1, data.a);
}

static void
test_search_follows_edits (void)
{
  RtServer *s = rt_shared ();
  const char *token;
  RtResponse *r;

  ensure_data (s);
  token = rt_admin (s)->token;
  r = rt_lead_get (s, token, data.c);
  r = rt_patch (s, token, rt_path ("/leads/" I64, data.c), rt_header (r, "ETag"),
                rt_json ("{'company': 'Smith Logistics'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_LIST (s, token, q ("Smith Trading"), 0);
  RT_ASSERT_LIST (s, token, q ("Logistics"), 1, data.c);
  r = rt_patch (s, token, rt_path ("/leads/" I64, data.c), rt_version_tag (rt_int (r, "version")),
                rt_json ("{'company': 'Smith Trading'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_LIST (s, token, q ("Logistics"), 0);
}

int
main (int argc, char **argv)
{
  int ret;

  rt_init (&argc, &argv);

  rt_add ("/search/thai-word", test_thai_word);
  rt_add ("/search/short-queries", test_short_queries);
  rt_add ("/search/company-email-tax-id", test_company_email_tax_id);
  rt_add ("/search/phone-local-form", test_phone_local_form);
  rt_add ("/search/phone-local-prefix", test_phone_local_prefix);
  rt_add ("/search/no-match", test_no_match);
  rt_add ("/search/empty-query", test_empty_query);
  rt_add ("/search/combined-filters", test_combined_filters);
  rt_add ("/search/follows-edits", test_search_follows_edits);

  ret = rt_run ();
  g_free (data.tax_id);
  return ret;
}
