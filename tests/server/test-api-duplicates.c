/* test-api-duplicates.c — duplicate-lead prevention (R25): matching on normalised
 * phone, e-mail and tax ID, scope, allow vs disallow, ownership, visibility (R14),
 * leads from an account, and the check switched off */
#include "config.h"

#include "server-fixture.h"

static struct {
  gboolean ready;
  RtUser  *admin;
  RtUser  *u1;
  RtUser  *u2;
} w;

/* every test states the whole duplicates setting it relies on */
static RtServer *
world (const char *duplicates)
{
  RtServer *s = rt_shared ();

  if (!w.ready)
    {
      w.admin = rt_admin (s);
      w.u1 = rt_user_new (s, "user", 0);
      w.u2 = rt_user_new (s, "user", 0);
      w.ready = TRUE;
    }
  rt_settings_patch (s, rt_json ("{'restrict_visibility': false, 'duplicates': %s}",
                                 duplicates != NULL ? duplicates
                                 : "{'enabled': true, 'fields': ['email', 'phone', 'tax_id'], "
                                   "'scope': ['closed', 'in_progress', 'unfollowed'], 'action': 'allow'}"));
  return s;
}

/* a unique e-mail */
static const char *
unique_email (void)
{
  return rt_json ("%s@dup.example.com", rt_unique ("buyer"));
}

/* "1234567890123" → "1-2345-67890-12-3" */
static const char *
dashed_tax_id (const char *t)
{
  return rt_json ("%.1s-%.4s-%.5s-%.2s-%.1s", t, t + 1, t + 5, t + 10, t + 12);
}

/* the strings of matches[i].matched_on as "a,b" */
static const char *
matched_on (RtResponse *r, guint i)
{
  JsonArray *a = json_node_get_array (rt_node (r, rt_json ("error.details.matches.%u.matched_on", i)));
  GString *out = g_string_new (NULL);

  for (guint j = 0; j < json_array_get_length (a); j++)
    g_string_append_printf (out, "%s%s", j > 0 ? "," : "", json_array_get_string_element (a, j));
  rt_pool_add (out->str, g_free);
  return g_string_free (out, FALSE);
}

static void
assert_dup (RtResponse *r, const char *action, gint64 lead_id, const char *expected_on)
{
  RT_ASSERT_ERROR (r, 409, "duplicate_lead");
  RT_ASSERT_STR (r, "error.details.action", action);
  RT_ASSERT_CMPINT (r, rt_len (r, "error.details.matches"), ==, 1);
  if (lead_id != 0)
    RT_ASSERT_INT (r, "error.details.matches.0.lead_id", lead_id);
  RT_ASSERT_CMPSTR (r, matched_on (r, 0), ==, expected_on);
}

static void
test_phone_forms (void)
{
  RtServer *s = world (NULL);
  const char *phone = rt_unique_phone ();   /* "08x-xxx-xxxx" */
  const char *e164 = rt_e164 (phone);
  g_autofree char *digits = NULL;
  const char *forms[4];
  gint64 id;
  RtResponse *r;

  id = rt_lead_new (s, w.u1->token, rt_json ("{'phone': '%s'}", phone));
  digits = g_strdup (e164 + 3);             /* "8xxxxxxxx" */
  forms[0] = phone;
  forms[1] = rt_json ("0%s", digits);
  forms[2] = e164;
  forms[3] = rt_json ("66 %.2s %.3s %s", digits, digits + 2, digits + 5);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      r = rt_lead_create (s, w.u1->token, rt_json ("{'phone': '%s'}", forms[i]));
      assert_dup (r, "allow", id, "phone");
      RT_ASSERT_STR (r, "error.details.matches.0.state", "in_progress");
      RT_ASSERT_INT (r, "error.details.matches.0.owner.id", w.u1->id);
      RT_ASSERT_HAS (r, "error.details.matches.0.owner.display_name");
      RT_ASSERT_HAS (r, "error.details.matches.0.name");
    }
  /* another number does not match */
  rt_lead_new (s, w.u1->token, NULL);
}

static void
test_email_and_tax_id (void)
{
  RtServer *s = world (NULL);
  const char *email = unique_email ();
  const char *tax = rt_unique_tax_id ();
  gint64 a, b;
  RtResponse *r;

  a = rt_lead_new (s, w.u1->token, rt_json ("{'email': '%s'}", email));
  b = rt_lead_new (s, w.u1->token, rt_json ("{'tax_id': '%s'}", tax));
  r = rt_lead_create (s, w.u1->token, rt_json ("{'email': '  %s  '}", g_ascii_strup (email, -1)));
  assert_dup (r, "allow", a, "email");
  r = rt_lead_create (s, w.u1->token, rt_json ("{'tax_id': '%s'}", dashed_tax_id (tax)));
  assert_dup (r, "allow", b, "tax_id");
  r = rt_lead_create (s, w.u1->token, rt_json ("{'tax_id': '%s'}", tax));
  assert_dup (r, "allow", b, "tax_id");

  /* two fields of one lead: one match naming both */
  r = rt_lead_create (s, w.u1->token, rt_json ("{'email': '%s', 'tax_id': '%s'}", email, tax));
  RT_ASSERT_ERROR (r, 409, "duplicate_lead");
  RT_ASSERT_CMPINT (r, rt_len (r, "error.details.matches"), ==, 2);

  /* only the chosen fields are checked */
  world ("{'enabled': true, 'fields': ['phone'], 'scope': ['closed', 'in_progress', 'unfollowed'], "
         "'action': 'allow'}");
  rt_lead_new (s, w.u1->token, rt_json ("{'email': '%s', 'tax_id': '%s'}", email, tax));
}

static void
test_scope (void)
{
  RtServer *s = world (NULL);
  gint64 pipeline = rt_pipeline_new (s, 2);
  const char *p_closed = rt_unique_phone (), *p_open = rt_unique_phone (), *p_unf = rt_unique_phone ();
  gint64 closed, open, unf;
  RtResponse *r;

  closed = rt_lead_new (s, w.u1->token, rt_json ("{'phone': '%s', 'pipeline_id': " I64 ", 'step': 1}",
                                                  p_closed, pipeline));
  open = rt_lead_new (s, w.u1->token, rt_json ("{'phone': '%s'}", p_open));
  unf = rt_lead_new (s, w.u1->token, rt_json ("{'phone': '%s'}", p_unf));
  r = rt_post (s, w.u1->token, rt_path ("/leads/" I64 "/unfollow", unf), rt_json ("{'reason': 'ไม่สนใจ'}"));
  RT_ASSERT_STATUS (r, 200);

  r = rt_lead_create (s, w.u1->token, rt_json ("{'phone': '%s'}", p_closed));
  assert_dup (r, "allow", closed, "phone");
  RT_ASSERT_STR (r, "error.details.matches.0.state", "closed");
  r = rt_lead_create (s, w.u1->token, rt_json ("{'phone': '%s'}", p_open));
  assert_dup (r, "allow", open, "phone");
  r = rt_lead_create (s, w.u1->token, rt_json ("{'phone': '%s'}", p_unf));
  assert_dup (r, "allow", unf, "phone");
  RT_ASSERT_STR (r, "error.details.matches.0.state", "unfollowed");

  /* out of scope: no match */
  world ("{'enabled': true, 'fields': ['email', 'phone', 'tax_id'], 'scope': ['in_progress'], 'action': 'allow'}");
  rt_lead_new (s, w.u1->token, rt_json ("{'phone': '%s'}", p_closed));
  rt_lead_new (s, w.u1->token, rt_json ("{'phone': '%s'}", p_unf));
  r = rt_lead_create (s, w.u1->token, rt_json ("{'phone': '%s'}", p_open));
  assert_dup (r, "allow", open, "phone");
  world ("{'enabled': true, 'fields': ['email', 'phone', 'tax_id'], 'scope': ['closed', 'unfollowed'], "
         "'action': 'allow'}");
  rt_lead_new (s, w.u1->token, rt_json ("{'phone': '%s'}", p_open));
}

static void
test_allow_and_disallow (void)
{
  RtServer *s = world (NULL);
  const char *phone = rt_unique_phone (), *email = unique_email ();
  gint64 mine;
  RtResponse *r;

  mine = rt_lead_new (s, w.u1->token, rt_json ("{'phone': '%s'}", phone));
  /* allow: confirm creates */
  r = rt_lead_create (s, w.u2->token, rt_json ("{'phone': '%s'}", phone));
  assert_dup (r, "allow", mine, "phone");
  r = rt_lead_create (s, w.u2->token, rt_json ("{'phone': '%s', 'confirm_duplicate': true}", phone));
  RT_ASSERT_STATUS (r, 201);
  r = rt_lead_create (s, w.u2->token, rt_json ("{'phone': '%s', 'confirm_duplicate': 1}", phone));
  RT_ASSERT_ERROR (r, 400, "bad_request");

  world ("{'enabled': true, 'fields': ['email', 'phone', 'tax_id'], "
         "'scope': ['closed', 'in_progress', 'unfollowed'], 'action': 'disallow'}");
  /* disallow: two matches now (u1's and u2's): nobody owns every one */
  r = rt_lead_create (s, w.u1->token, rt_json ("{'phone': '%s', 'confirm_duplicate': true}", phone));
  RT_ASSERT_ERROR (r, 409, "duplicate_lead");
  RT_ASSERT_STR (r, "error.details.action", "disallow");
  RT_ASSERT_CMPINT (r, rt_len (r, "error.details.matches"), ==, 2);
  r = rt_lead_create (s, w.u2->token, rt_json ("{'phone': '%s', 'confirm_duplicate': true}", phone));
  RT_ASSERT_ERROR (r, 409, "duplicate_lead");

  /* the owner of every match may create, with or without confirm; others may not */
  mine = rt_lead_new (s, w.u1->token, rt_json ("{'email': '%s'}", email));
  r = rt_lead_create (s, w.u2->token, rt_json ("{'email': '%s', 'confirm_duplicate': true}", email));
  assert_dup (r, "disallow", mine, "email");
  r = rt_lead_create (s, w.u1->token, rt_json ("{'email': '%s'}", email));
  RT_ASSERT_STATUS (r, 201);
  r = rt_lead_create (s, w.u1->token, rt_json ("{'email': '%s', 'confirm_duplicate': true}", email));
  RT_ASSERT_STATUS (r, 201);
  /* the admin owns none of them */
  r = rt_lead_create (s, w.admin->token, rt_json ("{'email': '%s', 'confirm_duplicate': true}", email));
  RT_ASSERT_ERROR (r, 409, "duplicate_lead");
}

static void
test_visibility (void)
{
  RtServer *s = world (NULL);
  const char *phone = rt_unique_phone ();
  gint64 id;
  RtResponse *r;

  id = rt_lead_new (s, w.u1->token, rt_json ("{'phone': '%s', 'name': 'ลีดลับเฉพาะ'}", phone));
  r = rt_lead_create (s, w.u2->token, rt_json ("{'phone': '%s'}", phone));
  assert_dup (r, "allow", id, "phone");
  RT_ASSERT_STR (r, "error.details.matches.0.name", "ลีดลับเฉพาะ");

  rt_settings_patch (s, rt_json ("{'restrict_visibility': true}"));
  r = rt_lead_create (s, w.u2->token, rt_json ("{'phone': '%s'}", phone));
  assert_dup (r, "allow", 0, "phone");
  RT_ASSERT_NULL (r, "error.details.matches.0.lead_id");
  RT_ASSERT_NULL (r, "error.details.matches.0.name");
  RT_ASSERT_INT (r, "error.details.matches.0.owner.id", w.u1->id);
  RT_ASSERT_HAS (r, "error.details.matches.0.owner.display_name");
  RT_CHECK (r, strstr (rt_body_text (r), "ลีดลับเฉพาะ") == NULL, "hidden name leaked");
  /* the owner and the admin see the match in full */
  r = rt_lead_create (s, w.u1->token, rt_json ("{'phone': '%s'}", phone));
  assert_dup (r, "allow", id, "phone");
  r = rt_lead_create (s, w.admin->token, rt_json ("{'phone': '%s'}", phone));
  assert_dup (r, "allow", id, "phone");
  rt_settings_patch (s, rt_json ("{'restrict_visibility': false}"));
}

static void
test_from_account (void)
{
  RtServer *s = world (NULL);
  const char *tax = rt_unique_tax_id (), *phone = rt_unique_phone ();
  gint64 account, id;
  RtResponse *r;

  id = rt_lead_new (s, w.u1->token, rt_json ("{'tax_id': '%s', 'phone': null}", tax));
  r = rt_post (s, w.u1->token, "/accounts",
               rt_json ("{'name': '%s', 'tax_id': '%s', 'phone': '%s'}", rt_unique ("บริษัท ซ้ำ"), tax, phone));
  RT_ASSERT_STATUS (r, 201);
  account = rt_int (r, "id");
  r = rt_post (s, w.u1->token, rt_path ("/accounts/" I64 "/leads", account),
               rt_json ("{'source': '%s'}", rt_lead_source (s)));
  assert_dup (r, "allow", id, "tax_id");
  r = rt_post (s, w.u1->token, rt_path ("/accounts/" I64 "/leads", account),
               rt_json ("{'source': '%s', 'confirm_duplicate': true}", rt_lead_source (s)));
  RT_ASSERT_STATUS (r, 201);
}

static void
test_disabled (void)
{
  RtServer *s = world ("{'enabled': false, 'fields': ['email', 'phone', 'tax_id'], "
                       "'scope': ['closed', 'in_progress', 'unfollowed'], 'action': 'disallow'}");
  const char *phone = rt_unique_phone ();

  rt_lead_new (s, w.u1->token, rt_json ("{'phone': '%s'}", phone));
  rt_lead_new (s, w.u2->token, rt_json ("{'phone': '%s'}", phone));
  rt_lead_new (s, w.u2->token, rt_json ("{'phone': '%s'}", phone));
  world (NULL);
}

int
main (int argc, char **argv)
{
  rt_init (&argc, &argv);

  rt_add ("/duplicates/phone-forms", test_phone_forms);
  rt_add ("/duplicates/email-and-tax-id", test_email_and_tax_id);
  rt_add ("/duplicates/scope", test_scope);
  rt_add ("/duplicates/allow-and-disallow", test_allow_and_disallow);
  rt_add ("/duplicates/visibility", test_visibility);
  rt_add ("/duplicates/from-account", test_from_account);
  rt_add ("/duplicates/disabled", test_disabled);
  return rt_run ();
}
