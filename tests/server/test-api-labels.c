/* test-api-labels.c — labels (R12): system labels (admins only) and my labels
 * (their maker's alone): create/edit/delete rules, visibility and ownership,
 * labels on leads and accounts, usage counts for the label manager */
#include "config.h"

#include "server-fixture.h"

static const char *
label_path (gint64 id)
{
  return rt_path ("/labels/" I64, id);
}

static gint64
label_new (RtServer *s, const char *token, const char *kind, const char *name, const char *color)
{
  RtResponse *r = rt_post (s, token, "/labels",
                           rt_json ("{'name': '%s', 'color': '%s', 'kind': '%s'}", name, color, kind));

  RT_ASSERT_STATUS (r, 201);
  return rt_int (r, "id");
}

/* the label's entry in GET /labels, or NULL */
static JsonNode *
listed (RtServer *s, const char *token, gint64 id)
{
  RtResponse *r = rt_get (s, token, "/labels");
  guint n;

  RT_ASSERT_STATUS (r, 200);
  n = rt_len (r, "items");
  for (guint i = 0; i < n; i++)
    if (rt_int (r, rt_path ("items.%u.id", i)) == id)
      return rt_node (r, rt_path ("items.%u", i));
  return NULL;
}

static gboolean
ids_have (RtResponse *r, const char *path, gint64 id)
{
  guint n = rt_len (r, path);

  for (guint i = 0; i < n; i++)
    if (rt_int (r, rt_path ("%s.%u", path, i)) == id)
      return TRUE;
  return FALSE;
}

static void
test_create (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  g_autoptr(GString) problems = g_string_new (NULL);
  static const char *bad[][2] = {
    { "{'name': 'x', 'color': 'red'}", "color" },
    { "{'name': 'x', 'color': '#abc'}", "color" },
    { "{'name': 'x', 'color': '#GG0000'}", "color" },
    { "{'name': 'x', 'color': '#1234567'}", "color" },
    { "{'name': 'x'}", "color" },
    { "{'color': '#112233'}", "name" },
    { "{'name': '  ', 'color': '#112233'}", "name" },
    { "{'name': 'x', 'color': '#112233', 'kind': 'team'}", "kind" },
  };
  RtResponse *r;
  gint64 id;

  /* personal by default, the colour upper-cased */
  r = rt_post (s, u->token, "/labels", rt_json ("{'name': ' โทรกลับ ', 'color': '#e01b24'}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "name", "โทรกลับ");
  RT_ASSERT_STR (r, "color", "#E01B24");
  RT_ASSERT_STR (r, "kind", "personal");
  RT_ASSERT_INT (r, "owner_id", u->id);
  RT_ASSERT_INT (r, "version", 1);
  RT_ASSERT_INT (r, "usage.leads", 0);
  RT_ASSERT_INT (r, "usage.accounts", 0);
  id = rt_int (r, "id");
  RT_CHECK (NULL, listed (s, u->token, id) != NULL, "GET /labels misses my label");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      r = rt_post (s, u->token, "/labels", rt_json ("%s", bad[i][0]));
      if (r->status != 422 || !rt_has (r, rt_path ("error.fields.%s", bad[i][1])))
        rt_note (problems, r, "%s should be 422 on %s", bad[i][0], bad[i][1]);
    }
  rt_note_unless_error (problems, rt_post (s, u->token, "/labels", rt_json ("{'name': 'x', 'color': 5}")),
                        400, "bad_request");
  rt_note_unless_error (problems, rt_post (s, u->token, "/labels",
                                           rt_json ("{'name': 'x', 'color': '#112233', 'owner_id': 1}")),
                        400, "bad_request");
  /* my names are unique among my labels */
  r = rt_post (s, u->token, "/labels", rt_json ("{'name': 'โทรกลับ', 'color': '#000000'}"));
  if (r->status != 422 || !rt_has (r, "error.fields.name"))
    rt_note (problems, r, "a second label of mine with the same name");
  RT_ASSERT_NO_PROBLEMS (problems);

  /* R12: users cannot create system labels; admins can */
  r = rt_post (s, u->token, "/labels", rt_json ("{'name': 'ระบบ', 'color': '#3584E4', 'kind': 'system'}"));
  RT_ASSERT_ERROR (r, 403, "admin_only");
  r = rt_post (s, admin->token, "/labels", rt_json ("{'name': 'ระบบ', 'color': '#3584E4', 'kind': 'system'}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "kind", "system");
  RT_ASSERT_NULL (r, "owner_id");
  /* everyone sees it */
  RT_CHECK (NULL, listed (s, u->token, rt_int (r, "id")) != NULL, "a user does not see a system label");
  r = rt_post (s, admin->token, "/labels", rt_json ("{'name': 'ระบบ', 'color': '#3584E4', 'kind': 'system'}"));
  RT_ASSERT_INVALID (r, "name");
  /* the same name as another user's label is fine */
  label_new (s, admin->token, "personal", "โทรกลับ", "#000000");
}

/* another user's personal label: invisible, not appliable, not editable */
static void
test_personal_privacy (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *a = rt_user_new (s, "user", 0);
  RtUser *b = rt_user_new (s, "user", 0);
  gint64 mine = label_new (s, a->token, "personal", "ของเอ", "#241F31");
  gint64 lead = rt_lead_new (s, b->token, NULL);
  gint64 account;
  g_autoptr(GString) problems = g_string_new (NULL);
  RtResponse *r;

  r = rt_post (s, b->token, "/accounts", rt_json ("{'name': 'บริษัท บี จำกัด'}"));
  account = rt_int (r, "id");

  RT_CHECK (NULL, listed (s, b->token, mine) == NULL, "B sees A's label in GET /labels");
  RT_CHECK (NULL, listed (s, admin->token, mine) == NULL, "the admin sees A's label in GET /labels");
  RT_CHECK (NULL, listed (s, a->token, mine) != NULL, "A does not see their own label");
  RT_ASSERT_STATUS (rt_get (s, a->token, label_path (mine)), 200);

  for (guint i = 0; i < 2; i++)
    {
      const char *token = i == 0 ? b->token : admin->token;

      rt_note_unless_error (problems, rt_get (s, token, label_path (mine)), 404, "not_found");
      rt_note_unless_error (problems, rt_patch (s, token, label_path (mine), "\"1\"", rt_json ("{'name': 'x'}")),
                            404, "not_found");
      rt_note_unless_error (problems, rt_delete (s, token, label_path (mine)), 404, "not_found");
      r = rt_patch (s, token, rt_path ("/leads/" I64, lead), "\"1\"",
                    rt_json ("{'label_ids': [" I64 "]}", mine));
      if (r->status != 422 || !rt_has (r, "error.fields.label_ids"))
        rt_note (problems, r, "user %u put A's label on a lead", i);
      r = rt_patch (s, token, rt_path ("/accounts/" I64, account), "\"1\"",
                    rt_json ("{'label_ids': [" I64 "]}", mine));
      if (r->status != 422 || !rt_has (r, "error.fields.label_ids"))
        rt_note (problems, r, "user %u put A's label on an account", i);
      r = rt_lead_create (s, token, rt_json ("{'label_ids': [" I64 "]}", mine));
      if (r->status != 422 || !rt_has (r, "error.fields.label_ids"))
        rt_note (problems, r, "user %u made a lead with A's label", i);
    }
  RT_ASSERT_NO_PROBLEMS (problems);
  /* a list filtered by it shows the others nothing */
  RT_ASSERT_INT (rt_get (s, b->token, rt_path ("/leads?label_id=" I64, mine)), "total", 0);
  RT_ASSERT_INT (rt_get (s, b->token, rt_path ("/accounts?label_id=" I64, mine)), "total", 0);
  RT_ASSERT_INT (rt_lead_get (s, b->token, lead), "version", 1);
}

/* a personal label on someone else's record: only its maker sees it there,
 * and the record's owner editing labels does not remove it */
static void
test_hidden_on_records (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *b = rt_user_new (s, "user", 0);
  gint64 admins = label_new (s, admin->token, "personal", rt_unique ("แอดมินจด"), "#C061CB");
  gint64 system = label_new (s, admin->token, "system", rt_unique ("ระบบ"), "#2EC27E");
  gint64 bs = label_new (s, b->token, "personal", "ของบี", "#F6D32D");
  gint64 lead = rt_lead_new (s, b->token, NULL);
  RtResponse *r;

  r = rt_patch (s, admin->token, rt_path ("/leads/" I64, lead), "\"1\"",
                rt_json ("{'label_ids': [" I64 ", " I64 "]}", admins, system));
  RT_ASSERT_STATUS (r, 200);
  RT_CHECK (r, ids_have (r, "label_ids", admins) && ids_have (r, "label_ids", system), "admin's view");

  r = rt_lead_get (s, b->token, lead);
  RT_CHECK (r, !ids_have (r, "label_ids", admins), "B sees the admin's personal label on the lead");
  RT_CHECK (r, ids_have (r, "label_ids", system), "B does not see the system label");
  r = rt_get (s, b->token, rt_path ("/leads?owner_id=" I64, b->id));
  RT_CHECK (r, !ids_have (r, "items.0.label_ids", admins), "B's list shows the admin's personal label");

  /* B replaces the labels they see; the admin's stays */
  r = rt_patch (s, b->token, rt_path ("/leads/" I64, lead), "\"2\"", rt_json ("{'label_ids': [" I64 "]}", bs));
  RT_ASSERT_STATUS (r, 200);
  RT_CHECK (r, ids_have (r, "label_ids", bs) && !ids_have (r, "label_ids", system), "B's labels");
  RT_ASSERT_CMPINT (r, rt_len (r, "label_ids"), ==, 1);
  r = rt_lead_get (s, admin->token, lead);
  RT_CHECK (r, ids_have (r, "label_ids", admins), "B's edit removed the admin's label");
  RT_CHECK (r, !ids_have (r, "label_ids", bs), "the admin sees B's label");
  RT_ASSERT_INT (rt_get (s, admin->token, rt_path ("/leads?label_id=" I64, admins)), "total", 1);
}

static void
test_edit_rules (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 mine = label_new (s, u->token, "personal", "แก้ได้", "#000000");
  gint64 system = label_new (s, admin->token, "system", rt_unique ("แก้ไม่ได้"), "#FFFFFF");
  RtResponse *r;

  r = rt_get (s, u->token, label_path (mine));
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, "\"1\"");
  r = rt_patch (s, u->token, label_path (mine), NULL, rt_json ("{'name': 'ใหม่'}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = rt_patch (s, u->token, label_path (mine), "\"1\"", rt_json ("{'color': 'blue'}"));
  RT_ASSERT_INVALID (r, "color");
  r = rt_patch (s, u->token, label_path (mine), "\"1\"", rt_json ("{'kind': 'system'}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
  r = rt_patch (s, u->token, label_path (mine), "\"1\"", rt_json ("{'name': 'ชื่อใหม่', 'color': '#ff7800'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "name", "ชื่อใหม่");
  RT_ASSERT_STR (r, "color", "#FF7800");
  RT_ASSERT_INT (r, "version", 2);
  r = rt_patch (s, u->token, label_path (mine), "\"1\"", rt_json ("{'name': 'อีก'}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");

  /* system labels: admins only */
  r = rt_patch (s, u->token, label_path (system), "\"1\"", rt_json ("{'name': 'ของฉันแล้ว'}"));
  RT_ASSERT_ERROR (r, 403, "admin_only");
  r = rt_delete (s, u->token, label_path (system));
  RT_ASSERT_ERROR (r, 403, "admin_only");
  r = rt_patch (s, admin->token, label_path (system), "\"1\"", rt_json ("{'color': '#1C71D8'}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "color", "#1C71D8");
  r = rt_get (s, u->token, label_path (system));
  RT_ASSERT_STR (r, "color", "#1C71D8");

  r = rt_get (s, u->token, "/labels/999999");
  RT_ASSERT_ERROR (r, 404, "not_found");
}

/* DELETE takes the label off every lead and account (and segment filter) */
static void
test_delete (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 gone = label_new (s, admin->token, "system", rt_unique ("ลบ"), "#A51D2D");
  gint64 kept = label_new (s, admin->token, "system", rt_unique ("เก็บ"), "#26A269");
  gint64 lead = rt_lead_new (s, u->token, rt_json ("{'label_ids': [" I64 ", " I64 "]}", gone, kept));
  gint64 account, segment;
  RtResponse *r;

  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'ลบป้าย', 'label_ids': [" I64 "]}", gone));
  RT_ASSERT_STATUS (r, 201);
  account = rt_int (r, "id");
  r = rt_post (s, u->token, "/segments",
               rt_json ("{'name': 'ป้ายลบ', 'entity': 'leads', 'filter': {'label_ids': [" I64 ", " I64 "]}}",
                        gone, kept));
  RT_ASSERT_STATUS (r, 201);
  segment = rt_int (r, "id");

  r = rt_delete (s, admin->token, label_path (gone));
  RT_ASSERT_STATUS (r, 204);
  RT_ASSERT_ERROR (rt_get (s, u->token, label_path (gone)), 404, "not_found");
  RT_ASSERT_ERROR (rt_delete (s, admin->token, label_path (gone)), 404, "not_found");
  RT_CHECK (NULL, listed (s, u->token, gone) == NULL, "GET /labels still lists it");

  r = rt_lead_get (s, u->token, lead);
  RT_CHECK (r, !ids_have (r, "label_ids", gone) && ids_have (r, "label_ids", kept), "the lead's labels");
  RT_ASSERT_INT (r, "version", 2);
  r = rt_get (s, u->token, rt_path ("/accounts/" I64, account));
  RT_ASSERT_CMPINT (r, rt_len (r, "label_ids"), ==, 0);
  RT_ASSERT_INT (r, "version", 2);
  r = rt_get (s, u->token, rt_path ("/segments/" I64, segment));
  RT_ASSERT_CMPINT (r, rt_len (r, "filter.label_ids"), ==, 1);
  RT_ASSERT_INT (r, "filter.label_ids.0", kept);
  RT_ASSERT_INT (r, "count", 1);
}

/* the label manager's counts: records carrying each label, of those the caller sees */
static void
test_usage (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  RtUser *v = rt_user_new (s, "user", 0);
  gint64 system = label_new (s, admin->token, "system", rt_unique ("นับ"), "#613583");
  gint64 mine = label_new (s, u->token, "personal", "นับของฉัน", "#865E3C");
  gint64 dropped;
  JsonNode *entry;
  RtResponse *r;

  rt_lead_new (s, u->token, rt_json ("{'label_ids': [" I64 ", " I64 "]}", system, mine));
  rt_lead_new (s, u->token, rt_json ("{'label_ids': [" I64 "]}", system));
  dropped = rt_lead_new (s, v->token, rt_json ("{'label_ids': [" I64 "]}", system));
  r = rt_post (s, rt_admin (s)->token, rt_path ("/leads/" I64 "/unfollow", dropped), rt_json ("{'reason': 'x'}"));
  RT_ASSERT_STATUS (r, 200);
  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'นับ', 'label_ids': [" I64 ", " I64 "]}", system, mine));
  RT_ASSERT_STATUS (r, 201);

  entry = listed (s, u->token, system);
  RT_ASSERT_CMPINT (NULL, rt_node_int (entry, "usage.leads"), ==, 3);   /* unfollowed ones count */
  RT_ASSERT_CMPINT (NULL, rt_node_int (entry, "usage.accounts"), ==, 1);
  entry = listed (s, u->token, mine);
  RT_ASSERT_CMPINT (NULL, rt_node_int (entry, "usage.leads"), ==, 1);
  RT_ASSERT_CMPINT (NULL, rt_node_int (entry, "usage.accounts"), ==, 1);
  r = rt_get (s, u->token, label_path (mine));
  RT_ASSERT_INT (r, "usage.leads", 1);

  /* R14: only what the caller may see is counted */
  rt_settings_patch (s, rt_json ("{'restrict_visibility': true}"));
  entry = listed (s, u->token, system);
  RT_ASSERT_CMPINT (NULL, rt_node_int (entry, "usage.leads"), ==, 2);
  entry = listed (s, v->token, system);
  RT_ASSERT_CMPINT (NULL, rt_node_int (entry, "usage.leads"), ==, 1);
  RT_ASSERT_CMPINT (NULL, rt_node_int (entry, "usage.accounts"), ==, 0);
  entry = listed (s, admin->token, system);
  RT_ASSERT_CMPINT (NULL, rt_node_int (entry, "usage.leads"), ==, 3);
  rt_settings_patch (s, rt_json ("{'restrict_visibility': false}"));
}

static void
test_accounts_labels (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  gint64 mine = label_new (s, u->token, "personal", "บัญชีของฉัน", "#99C1F1");
  gint64 system = label_new (s, rt_admin (s)->token, "system", rt_unique ("บัญชี"), "#8FF0A4");
  gint64 account;
  RtResponse *r;

  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'ติดป้าย'}"));
  account = rt_int (r, "id");
  r = rt_patch (s, u->token, rt_path ("/accounts/" I64, account), "\"1\"",
                rt_json ("{'label_ids': [" I64 ", " I64 ", " I64 "]}", system, mine, system));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPINT (r, rt_len (r, "label_ids"), ==, 2);
  r = rt_get (s, u->token, rt_path ("/accounts?label_id=" I64, mine));
  RT_ASSERT_INT (r, "total", 1);
  RT_ASSERT_INT (r, "items.0.id", account);
  r = rt_patch (s, u->token, rt_path ("/accounts/" I64, account), "\"2\"", rt_json ("{'label_ids': []}"));
  RT_ASSERT_CMPINT (r, rt_len (r, "label_ids"), ==, 0);
  r = rt_patch (s, u->token, rt_path ("/accounts/" I64, account), "\"3\"", rt_json ("{'label_ids': ['x']}"));
  RT_ASSERT_ERROR (r, 400, "bad_request");
}

int
main (int argc, char *argv[])
{
  rt_init (&argc, &argv);

  rt_add ("/labels/create", test_create);
  rt_add ("/labels/personal-privacy", test_personal_privacy);
  rt_add ("/labels/hidden-on-records", test_hidden_on_records);
  rt_add ("/labels/edit-rules", test_edit_rules);
  rt_add ("/labels/delete", test_delete);
  rt_add ("/labels/usage", test_usage);
  rt_add ("/labels/accounts", test_accounts_labels);

  return rt_run ();
}
