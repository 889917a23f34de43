/* test-api-forms.c — custom forms (R22): the admin's extra fields for leads and
 * accounts (text, number, date, choice; required; order), and the server's
 * validation of the values records carry in "custom" */
#include "config.h"

#include "server-fixture.h"

static RtResponse *
put_if_match (RtServer *s, const char *token, const char *path, const char *if_match, const char *body)
{
  return rt_request (s, "PUT", path, &(RtRequestOpts) { .token = token, .if_match = if_match, .body = body });
}

static gint64
form_version (RtServer *s, const char *entity)
{
  RtResponse *r = rt_get (s, rt_admin (s)->token, rt_path ("/forms/%s", entity));

  RT_ASSERT_STATUS (r, 200);
  return rt_int (r, "version");
}

/* PUT /forms/{entity} as the admin, asserting 200 */
static RtResponse *
form_put (RtServer *s, const char *entity, const char *fields)
{
  RtResponse *r = put_if_match (s, rt_admin (s)->token, rt_path ("/forms/%s", entity),
                                   rt_version_tag (form_version (s, entity)),
                                   rt_json ("{'fields': %s}", fields));

  RT_ASSERT_STATUS (r, 200);
  return r;
}

static void
note_invalid (GString *problems, RtResponse *r, const char *field, const char *what)
{
  if (r->status != 422 || rt_error_field (r, field) == NULL)
    rt_note (problems, r, "%s should be 422 on %s", what, field);
}

static void
test_definition (void)
{
  RtServer *s = rt_shared ();
  RtUser *admin = rt_admin (s);
  RtUser *u = rt_user_new (s, "user", 0);
  g_autoptr(GString) problems = g_string_new (NULL);
  static const char *invalid[][2] = {
    { "[{'key': 'Size', 'label': 'x', 'type': 'text'}]", "fields.0.key" },
    { "[{'key': '1size', 'label': 'x', 'type': 'text'}]", "fields.0.key" },
    { "[{'key': 'size-m', 'label': 'x', 'type': 'text'}]", "fields.0.key" },
    { "[{'key': 'a2345678901234567890123456789012345678901', 'label': 'x', 'type': 'text'}]", "fields.0.key" },
    { "[{'label': 'x', 'type': 'text'}]", "fields.0.key" },
    { "[{'key': 'a', 'label': 'x', 'type': 'text'}, {'key': 'a', 'label': 'y', 'type': 'number'}]",
      "fields.1.key" },
    { "[{'key': 'a', 'label': '  ', 'type': 'text'}]", "fields.0.label" },
    { "[{'key': 'a', 'type': 'text'}]", "fields.0.label" },
    { "[{'key': 'a', 'label': 'x', 'type': 'money'}]", "fields.0.type" },
    { "[{'key': 'a', 'label': 'x'}]", "fields.0.type" },
    { "[{'key': 'a', 'label': 'x', 'type': 'choice'}]", "fields.0.choices" },
    { "[{'key': 'a', 'label': 'x', 'type': 'choice', 'choices': []}]", "fields.0.choices" },
    { "[{'key': 'a', 'label': 'x', 'type': 'choice', 'choices': ['ก', 'ก']}]", "fields.0.choices" },
    { "[{'key': 'a', 'label': 'x', 'type': 'choice', 'choices': ['ก', ' ']}]", "fields.0.choices" },
    { "[{'key': 'a', 'label': 'x', 'type': 'text', 'choices': ['ก']}]", "fields.0.choices" },
  };
  static const char *bad_request[] = {
    "{'fields': {}}", "{'fields': [1]}", "{'fields': [], 'extra': 1}",
    "{'fields': [{'key': 'a', 'label': 'x', 'type': 'text', 'colour': 'red'}]}",
    "{'fields': [{'key': 'a', 'label': 'x', 'type': 'text', 'required': 'yes'}]}",
    "{'fields': [{'key': 'a', 'label': 'x', 'type': 'text', 'order': '1'}]}",
    "{'fields': [{'key': 'a', 'label': 'x', 'type': 'choice', 'choices': [1]}]}",
  };
  RtResponse *r;
  gint64 version;

  /* empty at first, for leads and accounts; everyone reads it */
  r = rt_get (s, u->token, "/forms/lead");
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPINT (r, rt_len (r, "fields"), ==, 0);
  version = rt_int (r, "version");
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, rt_version_tag (version));
  RT_ASSERT_STATUS (rt_get (s, u->token, "/forms/account"), 200);
  RT_ASSERT_ERROR (rt_get (s, u->token, "/forms/quote"), 404, "not_found");
  RT_ASSERT_ERROR (rt_get (s, NULL, "/forms/lead"), 401, "unauthorized");

  /* admins only, with If-Match */
  r = put_if_match (s, u->token, "/forms/lead", rt_version_tag (version), rt_json ("{'fields': []}"));
  RT_ASSERT_ERROR (r, 403, "admin_only");
  r = put_if_match (s, admin->token, "/forms/lead", NULL, rt_json ("{'fields': []}"));
  RT_ASSERT_ERROR (r, 428, "precondition_required");
  r = put_if_match (s, admin->token, "/forms/lead", rt_version_tag (version + 5), rt_json ("{'fields': []}"));
  RT_ASSERT_ERROR (r, 412, "precondition_failed");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    note_invalid (problems, put_if_match (s, admin->token, "/forms/lead", rt_version_tag (version),
                                             rt_json ("{'fields': %s}", invalid[i][0])),
                  invalid[i][1], invalid[i][0]);
  for (guint i = 0; i < G_N_ELEMENTS (bad_request); i++)
    rt_note_unless_error (problems, put_if_match (s, admin->token, "/forms/lead", rt_version_tag (version),
                                                     rt_json ("%s", bad_request[i])), 400, "bad_request");
  {
    GString *many = g_string_new ("[");

    for (guint i = 0; i < 51; i++)
      g_string_append_printf (many, "%s{'key': 'f%u', 'label': 'x', 'type': 'text'}", i > 0 ? ", " : "", i);
    g_string_append_c (many, ']');
    note_invalid (problems, put_if_match (s, admin->token, "/forms/lead", rt_version_tag (version),
                                             rt_json ("{'fields': %s}", many->str)), "fields", "51 fields");
    g_string_free (many, TRUE);
  }
  RT_ASSERT_NO_PROBLEMS (problems);
  RT_ASSERT_CMPINT (NULL, form_version (s, "lead"), ==, version);

  /* a good one, sorted by order (the given order breaks ties); PATCH replaces too */
  r = put_if_match (s, admin->token, "/forms/account", rt_version_tag (form_version (s, "account")),
                       rt_json ("{'fields': [{'key': 'grade', 'label': 'เกรด', 'type': 'choice', "
                                "'choices': [' A ', 'B'], 'order': 2}, {'key': 'since', 'label': 'เป็นลูกค้าตั้งแต่', "
                                "'type': 'date', 'order': 1, 'required': false}, {'key': 'staff', "
                                "'label': 'จำนวนพนักงาน', 'type': 'number', 'order': 2}]}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "fields.0.key", "since");
  RT_ASSERT_STR (r, "fields.1.key", "grade");
  RT_ASSERT_STR (r, "fields.2.key", "staff");
  RT_ASSERT_STR (r, "fields.1.choices.0", "A");
  RT_ASSERT_BOOL (r, "fields.1.required", FALSE);
  RT_CHECK (r, !rt_has (r, "fields.0.choices"), "a date field has choices");
  RT_ASSERT_CMPSTR (r, rt_header (r, "ETag"), ==, rt_version_tag (rt_int (r, "version")));
  r = rt_request (s, "PATCH", "/forms/account",
                  &(RtRequestOpts) { .token = admin->token, .if_match = rt_version_tag (rt_int (r, "version")),
                                     .body = rt_json ("{'fields': [{'key': 'grade', 'label': 'เกรด', "
                                                      "'type': 'choice', 'choices': ['A', 'B', 'C']}]}") });
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_CMPINT (r, rt_len (r, "fields"), ==, 1);
  RT_ASSERT_INT (r, "fields.0.order", 0);
  r = rt_get (s, u->token, "/forms/account");
  RT_ASSERT_CMPINT (r, rt_len (r, "fields.0.choices"), ==, 3);
}

/* values on leads: each type, required on create and on the result of a PATCH */
static void
test_lead_values (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  g_autoptr(GString) problems = g_string_new (NULL);
  static const char *invalid[][2] = {
    { "{'budget': 10}", "custom.project" },
    { "{'project': 'x', 'unknown': 1}", "custom.unknown" },
    { "{'project': 5}", "custom.project" },
    { "{'project': '   '}", "custom.project" },
    { "{'project': 'x', 'budget': '1000'}", "custom.budget" },
    { "{'project': 'x', 'budget': true}", "custom.budget" },
    { "{'project': 'x', 'due': '2026-02-30'}", "custom.due" },
    { "{'project': 'x', 'due': '30/01/2026'}", "custom.due" },
    { "{'project': 'x', 'due': 20260130}", "custom.due" },
    { "{'project': 'x', 'size': 'XL'}", "custom.size" },
    { "{'project': 'x', 'size': 1}", "custom.size" },
    { "{'project': null}", "custom.project" },
  };
  RtResponse *r;
  gint64 id;

  form_put (s, "lead", rt_json ("[{'key': 'project', 'label': 'โครงการ', 'type': 'text', 'required': true}, "
                                "{'key': 'budget', 'label': 'งบประมาณ', 'type': 'number'}, "
                                "{'key': 'due', 'label': 'กำหนดส่ง', 'type': 'date'}, "
                                "{'key': 'size', 'label': 'ขนาด', 'type': 'choice', 'choices': ['S', 'M', 'L']}]"));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      r = rt_lead_create (s, u->token, rt_json ("{'custom': %s}", invalid[i][0]));
      note_invalid (problems, r, invalid[i][1], invalid[i][0]);
    }
  note_invalid (problems, rt_lead_create (s, u->token, NULL), "custom.project", "no custom at all");
  rt_note_unless_error (problems, rt_lead_create (s, u->token, rt_json ("{'custom': 'x'}")), 400, "bad_request");
  RT_ASSERT_NO_PROBLEMS (problems);

  /* valid: integer and decimal numbers, a real date, one of the choices, text trimmed */
  r = rt_lead_create (s, u->token, rt_json ("{'custom': {'project': ' ระบบบัญชี ', 'budget': 1500.75, "
                                            "'due': '2028-02-29', 'size': 'M'}}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "custom.project", "ระบบบัญชี");
  RT_CHECK (r, json_node_get_double (rt_node (r, "custom.budget")) == 1500.75, "decimal lost");
  RT_ASSERT_STR (r, "custom.due", "2028-02-29");
  RT_ASSERT_STR (r, "custom.size", "M");
  id = rt_int (r, "id");

  /* PATCH merges: a member replaces, null removes, the rest stays */
  r = rt_patch (s, u->token, rt_path ("/leads/" I64, id), "\"1\"", rt_json ("{'custom': {'budget': 2000, 'size': null}}"));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "custom.budget", 2000);
  RT_CHECK (r, !rt_has (r, "custom.size"), "null did not remove size");
  RT_ASSERT_STR (r, "custom.project", "ระบบบัญชี");
  r = rt_patch (s, u->token, rt_path ("/leads/" I64, id), "\"2\"", rt_json ("{'custom': {'project': null}}"));
  RT_ASSERT_INVALID (r, "custom.project");
  r = rt_patch (s, u->token, rt_path ("/leads/" I64, id), "\"2\"", rt_json ("{'custom': {'due': 'พรุ่งนี้'}}"));
  RT_ASSERT_INVALID (r, "custom.due");
  RT_ASSERT_INT (rt_lead_get (s, u->token, id), "version", 2);

  /* a field made required later: a PATCH of a record without it is refused until it is given */
  form_put (s, "lead", rt_json ("[{'key': 'project', 'label': 'โครงการ', 'type': 'text', 'required': true}, "
                                "{'key': 'budget', 'label': 'งบประมาณ', 'type': 'number'}, "
                                "{'key': 'signed', 'label': 'วันเซ็นสัญญา', 'type': 'date', 'required': true}]"));
  r = rt_patch (s, u->token, rt_path ("/leads/" I64, id), "\"2\"", rt_json ("{'company': 'บริษัท ใหม่ จำกัด'}"));
  RT_ASSERT_INVALID (r, "custom.signed");
  r = rt_patch (s, u->token, rt_path ("/leads/" I64, id), "\"2\"",
                rt_json ("{'company': 'บริษัท ใหม่ จำกัด', 'custom': {'signed': '2027-01-31'}}"));
  RT_ASSERT_STATUS (r, 200);
  /* moves are not edits: a lead still moves whatever its custom values */
  form_put (s, "lead", rt_json ("[{'key': 'other', 'label': 'อื่น', 'type': 'text', 'required': true}]"));
  rt_lead_move (s, u->token, id, 1, 0);

  /* a new lead from an account checks the lead form too */
  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'บริษัท ฟอร์ม จำกัด'}"));
  r = rt_post (s, u->token, rt_path ("/accounts/" I64 "/leads", rt_int (r, "id")),
               rt_json ("{'source': '%s'}", rt_lead_source (s)));
  RT_ASSERT_INVALID (r, "custom.other");
  form_put (s, "lead", "[]");
}

/* a field removed from the form: its values are kept but not shown; back, they show again */
static void
test_removed_field (void)
{
  RtServer *s = rt_shared ();
  RtUser *u = rt_user_new (s, "user", 0);
  const char *with_field = "[{'key': 'grade', 'label': 'เกรด', 'type': 'choice', 'choices': ['A', 'B']}, "
                           "{'key': 'staff', 'label': 'พนักงาน', 'type': 'number', 'required': true}]";
  gint64 id;
  RtResponse *r;

  form_put (s, "account", rt_json ("%s", with_field));
  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'บริษัท เกรด จำกัด', 'custom': {'grade': 'A'}}"));
  RT_ASSERT_INVALID (r, "custom.staff");
  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'บริษัท เกรด จำกัด', 'custom': {'grade': 'C', "
                                                  "'staff': 12}}"));
  RT_ASSERT_INVALID (r, "custom.grade");
  r = rt_post (s, u->token, "/accounts", rt_json ("{'name': 'บริษัท เกรด จำกัด', 'custom': {'grade': 'A', "
                                                  "'staff': 12}}"));
  RT_ASSERT_STATUS (r, 201);
  RT_ASSERT_STR (r, "custom.grade", "A");
  id = rt_int (r, "id");
  /* lists carry the custom columns */
  r = rt_get (s, u->token, rt_path ("/accounts?owner_id=" I64, u->id));
  RT_ASSERT_INT (r, "items.0.custom.staff", 12);
  r = rt_patch (s, u->token, rt_path ("/accounts/" I64, id), "\"1\"", rt_json ("{'custom': {'staff': 12.5}}"));
  RT_ASSERT_STATUS (r, 200);
  r = rt_patch (s, u->token, rt_path ("/accounts/" I64, id), "\"2\"", rt_json ("{'custom': {'staff': 'many'}}"));
  RT_ASSERT_INVALID (r, "custom.staff");

  form_put (s, "account", rt_json ("[{'key': 'staff', 'label': 'พนักงาน', 'type': 'number'}]"));
  r = rt_get (s, u->token, rt_path ("/accounts/" I64, id));
  RT_CHECK (r, !rt_has (r, "custom.grade"), "a removed field is shown");
  r = rt_patch (s, u->token, rt_path ("/accounts/" I64, id), "\"2\"", rt_json ("{'custom': {'grade': 'B'}}"));
  RT_ASSERT_INVALID (r, "custom.grade");
  r = rt_patch (s, u->token, rt_path ("/accounts/" I64, id), "\"2\"", rt_json ("{'favourite': true}"));
  RT_ASSERT_STATUS (r, 200);

  form_put (s, "account", rt_json ("%s", with_field));
  r = rt_get (s, u->token, rt_path ("/accounts/" I64, id));
  RT_ASSERT_STR (r, "custom.grade", "A");
  /* a type change hides values that no longer fit */
  form_put (s, "account", rt_json ("[{'key': 'grade', 'label': 'เกรด', 'type': 'number'}]"));
  r = rt_get (s, u->token, rt_path ("/accounts/" I64, id));
  RT_CHECK (r, !rt_has (r, "custom.grade"), "a value of the old type is shown");
  form_put (s, "account", "[]");
}

int
main (int argc, char *argv[])
{
  rt_init (&argc, &argv);

  rt_add ("/forms/definition", test_definition);
  rt_add ("/forms/lead-values", test_lead_values);
  rt_add ("/forms/removed-field", test_removed_field);

  return rt_run ();
}
