/* test-api-erasure.c — PDPA erasure (R26): who may erase, the settings that
 * allow it, what disappears and what stays for reports, and the bytes of the
 * database file and its write-ahead log after an erasure
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "server-fixture.h"

static struct {
  gboolean ready;
  RtUser  *admin;
  RtUser  *leader;
  RtUser  *user;
} w;

static void
setup_world (RtServer *s)
{
  gint64 team;

  w.admin = rt_admin (s);
  w.user = rt_user_new (s, "user", 0);
  w.leader = rt_user_new (s, "user", 0);
  team = rt_team_new (s, "none", w.leader->id);
  rt_user_set_team (s, w.user->id, team);
  rt_user_set_team (s, w.leader->id, team);
}

/* every test states the erasure settings it relies on */
static RtServer *
world (const char *erasure)
{
  RtServer *s = rt_shared ();

  if (!w.ready)
    {
      setup_world (s);
      w.ready = TRUE;
    }
  rt_settings_patch (s, rt_json ("{'restrict_visibility': false, 'erasure': %s, 'duplicates': "
                                 "{'enabled': true, 'fields': ['email', 'phone', 'tax_id'], "
                                 "'scope': ['closed', 'in_progress', 'unfollowed'], 'action': 'allow'}}",
                                 erasure));
  return s;
}

static gint64
account_new (RtServer *s, const char *token, const char *name)
{
  RtResponse *r = rt_post (s, token, "/accounts", rt_json ("{'name': '%s'}", name));

  RT_ASSERT_STATUS (r, 201);
  return rt_int (r, "id");
}

static gint64
contact_new (RtServer *s, const char *token, gint64 account, const char *name, const char *phone)
{
  RtResponse *r = rt_post (s, token, rt_path ("/accounts/%" G_GINT64_FORMAT "/contacts", account),
                           rt_json ("{'name': '%s', 'phone': '%s', 'position': 'ฝ่ายจัดซื้อ'}", name, phone));

  RT_ASSERT_STATUS (r, 201);
  return rt_int (r, "id");
}

static RtResponse *
erase (RtServer *s, const char *token, const char *kind, gint64 id)
{
  return rt_post (s, token, rt_path ("/%s/%" G_GINT64_FORMAT "/erasure", kind, id), NULL);
}

/* ---- roles and settings ----------------------------------------------------- */

static void
test_roles_and_settings (void)
{
  RtServer *s = world ("{'leads': false, 'accounts': 'off'}");
  gint64 lead = rt_lead_new (s, w.user->token, NULL);
  gint64 account = account_new (s, w.user->token, rt_unique ("บริษัท ลบ"));
  gint64 contact = contact_new (s, w.user->token, account, rt_unique ("คุณติดต่อ"), rt_unique_phone ());
  const char *kinds[] = { "leads", "accounts", "contacts" };
  gint64 ids[] = { lead, account, contact };
  RtResponse *r;

  /* off: admins are told it is off; everyone else that it is for admins */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      RT_ASSERT_ERROR (erase (s, w.admin->token, kinds[i], ids[i]), 403, "erasure_disabled");
      RT_ASSERT_ERROR (erase (s, w.user->token, kinds[i], ids[i]), 403, "admin_only");
      RT_ASSERT_ERROR (erase (s, w.leader->token, kinds[i], ids[i]), 403, "admin_only");
    }
  r = rt_request (s, "POST", rt_path ("/leads/%" G_GINT64_FORMAT "/erasure", lead),
                  &(RtRequestOpts) { .token = w.admin->token, .accept_language = "th" });
  RT_ASSERT_ERROR (r, 403, "erasure_disabled");
  RT_CHECK (r, rt_text_has_thai (rt_str (r, "error.message")), "the message is not in Thai");

  /* on: still admins only */
  world ("{'leads': true, 'accounts': 'contacts_and_accounts'}");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      RT_ASSERT_ERROR (erase (s, w.user->token, kinds[i], ids[i]), 403, "admin_only");
      RT_ASSERT_ERROR (erase (s, w.leader->token, kinds[i], ids[i]), 403, "admin_only");
    }
  rt_lead_get (s, w.user->token, lead);

  /* lead erasure on, account erasure off */
  world ("{'leads': true, 'accounts': 'off'}");
  RT_ASSERT_ERROR (erase (s, w.admin->token, "accounts", account), 403, "erasure_disabled");
  RT_ASSERT_ERROR (erase (s, w.admin->token, "contacts", contact), 403, "erasure_disabled");
  RT_ASSERT_STATUS (erase (s, w.admin->token, "leads", lead), 204);
  /* once only; unknown ids are not found */
  RT_ASSERT_ERROR (erase (s, w.admin->token, "leads", lead), 404, "not_found");
  RT_ASSERT_ERROR (erase (s, w.admin->token, "leads", 987654321), 404, "not_found");

  /* contacts only: a contact may go, the account's erasure takes its contacts */
  world ("{'leads': false, 'accounts': 'contacts'}");
  RT_ASSERT_ERROR (erase (s, w.admin->token, "leads", rt_lead_new (s, w.user->token, NULL)), 403,
                   "erasure_disabled");
  RT_ASSERT_STATUS (erase (s, w.admin->token, "contacts", contact), 204);
  RT_ASSERT_ERROR (rt_get (s, w.user->token, rt_path ("/contacts/%" G_GINT64_FORMAT, contact)), 404, "not_found");
  RT_ASSERT_ERROR (erase (s, w.admin->token, "contacts", contact), 404, "not_found");
  RT_ASSERT_ERROR (erase (s, w.admin->token, "accounts", 987654321), 404, "not_found");
}

/* ---- what goes and what stays ------------------------------------------------ */

static gint64
summary_count (RtServer *s, gint64 pipeline, guint step)
{
  RtResponse *r = rt_get (s, w.admin->token, rt_path ("/pipelines/%" G_GINT64_FORMAT "/summary", pipeline));

  RT_ASSERT_STATUS (r, 200);
  return rt_int (r, rt_json ("steps.%u.count", step));
}

static void
test_lead_gone_figures_stay (void)
{
  RtServer *s = world ("{'leads': true, 'accounts': 'off'}");
  gint64 pipeline = rt_pipeline_new (s, 3);
  const char *name = rt_unique ("คุณลบได้");
  const char *phone = rt_unique_phone ();
  const char *email = rt_json ("%s@erase.example.com", rt_unique ("x"));
  gint64 label, lead, before_count;
  RtResponse *r;

  r = rt_post (s, w.user->token, "/labels", rt_json ("{'name': '%s', 'color': '#336699'}", rt_unique ("ป้าย")));
  RT_ASSERT_STATUS (r, 201);
  label = rt_int (r, "id");
  lead = rt_lead_new (s, w.user->token,
                      rt_json ("{'name': '%s', 'phone': '%s', 'email': '%s', 'value': 123400, "
                               "'pipeline_id': %" G_GINT64_FORMAT ", 'label_ids': [%" G_GINT64_FORMAT "]}",
                               name, phone, email, pipeline, label));
  RT_ASSERT_STATUS (rt_post (s, w.user->token, rt_path ("/leads/%" G_GINT64_FORMAT "/notes", lead),
                             rt_json ("{'body': 'โทรหา %s แล้ว'}", name)), 201);
  rt_lead_move (s, w.user->token, lead, 1, 0);
  before_count = summary_count (s, pipeline, 1);
  RT_ASSERT_CMPINT (NULL, before_count, ==, 1);

  RT_ASSERT_STATUS (erase (s, w.admin->token, "leads", lead), 204);

  /* gone from every read */
  RT_ASSERT_ERROR (rt_get (s, w.user->token, rt_path ("/leads/%" G_GINT64_FORMAT, lead)), 404, "not_found");
  RT_ASSERT_ERROR (rt_get (s, w.admin->token, rt_path ("/leads/%" G_GINT64_FORMAT, lead)), 404, "not_found");
  RT_ASSERT_ERROR (rt_get (s, w.admin->token, rt_path ("/leads/%" G_GINT64_FORMAT "/timeline", lead)), 404,
                   "not_found");
  r = rt_get (s, w.admin->token, rt_path ("/leads?q=%s", rt_q (name)));
  RT_ASSERT_INT (r, "total", 0);
  r = rt_get (s, w.admin->token, rt_path ("/leads?state=all&pipeline_id=%" G_GINT64_FORMAT, pipeline));
  RT_ASSERT_INT (r, "total", 0);
  r = rt_get (s, w.admin->token, rt_path ("/leads?state=all&label_id=%" G_GINT64_FORMAT, label));
  RT_ASSERT_INT (r, "total", 0);
  r = rt_get (s, w.user->token, rt_path ("/labels/%" G_GINT64_FORMAT, label));
  RT_ASSERT_INT (r, "usage.leads", 0);
  /* its phone and e-mail match no duplicate any more */
  RT_ASSERT_STATUS (rt_lead_create (s, w.user->token, rt_json ("{'phone': '%s', 'email': '%s'}", phone, email)),
                    201);

  /* the anonymous figures stay for reports */
  RT_ASSERT_CMPINT (NULL, summary_count (s, pipeline, 1), ==, before_count);
  r = rt_get (s, w.admin->token, rt_path ("/pipelines/%" G_GINT64_FORMAT "/summary", pipeline));
  RT_ASSERT_INT (r, "steps.1.value", 123400);
}

static void
test_account_scopes (void)
{
  RtServer *s = world ("{'leads': false, 'accounts': 'contacts'}");
  const char *name = rt_unique ("บริษัท ขอบเขต");
  gint64 account = account_new (s, w.user->token, name);
  gint64 lead, other;
  RtResponse *r;

  contact_new (s, w.user->token, account, rt_unique ("คุณหนึ่ง"), rt_unique_phone ());
  contact_new (s, w.user->token, account, rt_unique ("คุณสอง"), rt_unique_phone ());
  r = rt_post (s, w.user->token, rt_path ("/accounts/%" G_GINT64_FORMAT "/leads", account),
               rt_json ("{'source': '%s', 'phone': '%s'}", rt_lead_source (s), rt_unique_phone ()));
  RT_ASSERT_STATUS (r, 201);
  lead = rt_int (r, "id");

  /* contacts only: the contacts go, the account stays with its name */
  RT_ASSERT_STATUS (erase (s, w.admin->token, "accounts", account), 204);
  r = rt_get (s, w.user->token, rt_path ("/accounts/%" G_GINT64_FORMAT "/contacts", account));
  RT_ASSERT_INT (r, "total", 0);
  r = rt_get (s, w.user->token, rt_path ("/accounts/%" G_GINT64_FORMAT, account));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_STR (r, "name", name);
  RT_ASSERT_INT (r, "contact_count", 0);

  /* contacts and account: the account goes too; its lead stays, unlinked */
  world ("{'leads': false, 'accounts': 'contacts_and_accounts'}");
  contact_new (s, w.user->token, account, rt_unique ("คุณสาม"), rt_unique_phone ());
  other = account_new (s, w.user->token, rt_unique ("บริษัท อื่น"));
  RT_ASSERT_STATUS (erase (s, w.admin->token, "accounts", account), 204);
  RT_ASSERT_ERROR (rt_get (s, w.user->token, rt_path ("/accounts/%" G_GINT64_FORMAT, account)), 404, "not_found");
  RT_ASSERT_ERROR (rt_get (s, w.user->token, rt_path ("/accounts/%" G_GINT64_FORMAT "/contacts", account)), 404,
                   "not_found");
  r = rt_get (s, w.admin->token, rt_path ("/accounts?q=%s", rt_q (name)));
  RT_ASSERT_INT (r, "total", 0);
  r = rt_lead_get (s, w.user->token, lead);
  RT_ASSERT_NULL (r, "account_id");
  RT_ASSERT_ERROR (erase (s, w.admin->token, "accounts", account), 404, "not_found");
  /* the other account is untouched */
  RT_ASSERT_STATUS (rt_get (s, w.user->token, rt_path ("/accounts/%" G_GINT64_FORMAT, other)), 200);
}

/* ---- the bytes on disk --------------------------------------------------------- */

/* the database, its write-ahead log and its shared-memory index, as bytes */
static GBytes *
files_bytes (const char *database)
{
  GByteArray *all = g_byte_array_new ();
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (database, suffixes[i], NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &data, &length, NULL))
        g_byte_array_append (all, (const guint8 *) data, length);
    }
  return g_byte_array_free_to_bytes (all);
}

static gboolean
bytes_contain (GBytes *haystack, const char *needle)
{
  gsize size = 0, n = strlen (needle);
  const guint8 *data = g_bytes_get_data (haystack, &size);

  for (gsize i = 0; n > 0 && i + n <= size; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static const char *
first_found (GBytes *bytes, const char * const *needles, guint n)
{
  for (guint i = 0; i < n; i++)
    if (bytes_contain (bytes, needles[i]))
      return needles[i];
  return NULL;
}

static void
test_bytes_are_gone (void)
{
  g_autoptr(RtServer) s = rt_server_start (&(RtServerOpts) { 0 });
  g_autofree char *database = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) stopped = NULL;
  const char *marker = rt_unique ("ZQXW7781");
  const char *thai_name = rt_json ("คุณมาร์คเกอร์%s", marker);
  const char *email = rt_json ("%s@pdpa.example.com", g_ascii_strdown (marker, -1));
  const char *phone = rt_unique_phone ();
  const char *tax_id = rt_unique_tax_id ();
  const char *note = rt_json ("บันทึกลับ %s ที่อยู่บ้านเลขที่ 99", marker);
  const char *reason = rt_json ("เหตุผลส่วนตัว %s", marker);
  const char *account_name = rt_json ("บริษัท มาร์คเกอร์%s จำกัด", marker);
  const char *contact_name = rt_json ("คุณผู้ติดต่อ%s", marker);
  const char *contact_phone = rt_unique_phone ();
  const char *needles[9];
  RtUser *admin;
  gint64 lead, account;
  RtResponse *r;

  database = g_strdup (rt_server_database (s));
  admin = rt_admin (s);
  rt_settings_patch (s, "{\"erasure\": {\"leads\": true, \"accounts\": \"contacts_and_accounts\"}}");

  lead = rt_lead_new (s, admin->token, rt_json ("{'name': '%s', 'company': '%s', 'phone': '%s', 'email': '%s', "
                                                "'tax_id': '%s'}", thai_name, account_name, phone, email, tax_id));
  RT_ASSERT_STATUS (rt_post (s, admin->token, rt_path ("/leads/%" G_GINT64_FORMAT "/notes", lead),
                             rt_json ("{'body': '%s'}", note)), 201);
  RT_ASSERT_STATUS (rt_post (s, admin->token, rt_path ("/leads/%" G_GINT64_FORMAT "/unfollow", lead),
                             rt_json ("{'reason': '%s'}", reason)), 200);
  account = account_new (s, admin->token, account_name);
  contact_new (s, admin->token, account, contact_name, contact_phone);
  /* plenty of other writes, so the erased values are spread over the file
   * and the log (and the search indexes have several segments) */
  for (guint i = 0; i < 60; i++)
    rt_lead_new (s, admin->token, rt_json ("{'company': 'บริษัท อื่น %u จำกัด'}", i));

  needles[0] = marker;
  needles[1] = thai_name;
  needles[2] = email;
  needles[3] = rt_e164 (phone);
  needles[4] = tax_id;
  needles[5] = note;
  needles[6] = reason;
  needles[7] = contact_name;
  needles[8] = rt_e164 (contact_phone);

  /* the check would see them: they are there before */
  before = files_bytes (database);
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    RT_CHECK (NULL, bytes_contain (before, needles[i]), "“%s” is not in the files before the erasure", needles[i]);

  RT_ASSERT_STATUS (erase (s, admin->token, "leads", lead), 204);
  RT_ASSERT_STATUS (erase (s, admin->token, "accounts", account), 204);

  /* while the server runs … */
  after = files_bytes (database);
  {
    const char *found = first_found (after, needles, G_N_ELEMENTS (needles));

    RT_CHECK (NULL, found == NULL, "“%s” is still in %s, its -wal or -shm", found, database);
  }
  /* … the data that was not erased is still there */
  r = rt_get (s, admin->token, "/leads?q=" "%E0%B8%AD%E0%B8%B7%E0%B9%88%E0%B8%99");   /* "อื่น" */
  RT_ASSERT_INT (r, "total", 60);

  /* … and after it stopped */
  rt_server_stop (g_steal_pointer (&s), TRUE);
  stopped = files_bytes (database);
  {
    const char *found = first_found (stopped, needles, G_N_ELEMENTS (needles));

    RT_CHECK (NULL, found == NULL, "“%s” is in the files after the server stopped", found);
  }
  RT_CHECK (NULL, g_bytes_get_size (stopped) > 0, "no database file at %s", database);
}

int
main (int   argc,
      char *argv[])
{
  rt_init (&argc, &argv);

  rt_add ("/erasure/roles-and-settings", test_roles_and_settings);
  rt_add ("/erasure/lead-gone-figures-stay", test_lead_gone_figures_stay);
  rt_add ("/erasure/account-scopes", test_account_scopes);
  rt_add ("/erasure/bytes-are-gone", test_bytes_are_gone);

  return rt_run ();
}
