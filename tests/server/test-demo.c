/* test-demo.c — rcrm_demo_fill against a real SQLite store */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "rcrm-auth.h"
#include "rcrm-core.h"
#include "rcrm-demo.h"

#define ALL_STATES (RCRM_LEAD_STATE_IN_PROGRESS | RCRM_LEAD_STATE_CLOSED | RCRM_LEAD_STATE_UNFOLLOWED)

static char *
new_database_path (const char *name)
{
  const char *dir = g_get_user_data_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

/* a new store with what the server's bootstrap (main.c) puts in it: the
 * admin and the standard pipeline */
static RcrmStore *
open_with_admin (const char *path,
                 gint64     *admin_id)
{
  static const char *standard_steps[] = { "ติดต่อ", "ข้อเสนอ", "ต่อรอง", "ปิดการขาย", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (RcrmUser) admin = rcrm_user_new ();
  g_autoptr (RcrmPipeline) standard = rcrm_pipeline_new ();
  RcrmStore *store;

  store = rcrm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  admin->username = g_strdup ("admin");
  admin->display_name = g_strdup ("ผู้ดูแลระบบ");
  admin->role = g_strdup ("admin");
  admin->password_hash = rcrm_password_hash ("admin-secret-1", &error);
  g_assert_no_error (error);
  admin->active = TRUE;
  g_assert_true (rcrm_store_user_insert (store, admin, &error));
  g_assert_no_error (error);
  *admin_id = admin->id;

  standard->name = g_strdup ("มาตรฐาน");
  standard->standard = TRUE;
  standard->steps = g_strdupv ((char **) standard_steps);
  g_assert_true (rcrm_store_pipeline_insert (store, standard, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
count_leads (RcrmStore *store,
             guint      state_mask,
             gint64     pipeline_id,
             gint       step,
             const char *q)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) leads = NULL;
  g_autofree char *next = NULL;
  RcrmLeadQuery query = {
    .q = q,
    .state_mask = state_mask,
    .pipeline_id = pipeline_id,
    .step = step,
    .limit = 1,
  };
  gint64 total = -1;

  leads = rcrm_store_lead_list (store, &query, &total, &next, &error);
  g_assert_no_error (error);
  g_assert_nonnull (leads);
  return total;
}

static GPtrArray *
list_leads (RcrmStore *store,
            guint      state_mask,
            const char *q)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *next = NULL;
  RcrmLeadQuery query = { .q = q, .state_mask = state_mask, .step = -1, .limit = 500 };
  GPtrArray *leads;
  gint64 total = -1;

  leads = rcrm_store_lead_list (store, &query, &total, &next, &error);
  g_assert_no_error (error);
  g_assert_nonnull (leads);
  g_assert_null (next);
  g_assert_cmpint (total, ==, leads->len);
  return leads;
}

static gboolean
tax_id_ok (const char *digits)
{
  guint sum = 0;

  if (digits == NULL || strlen (digits) != 13)
    return FALSE;
  for (guint i = 0; i < 13; i++)
    if (!g_ascii_isdigit (digits[i]))
      return FALSE;
  for (guint i = 0; i < 12; i++)
    sum += (guint) (digits[i] - '0') * (13 - i);
  return digits[12] - '0' == (gint) ((11 - sum % 11) % 10);
}

static void
check_users_and_teams (RcrmStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RcrmUser) somchai = NULL;
  g_autoptr (GPtrArray) teams = NULL;
  g_autoptr (GPtrArray) users = NULL;
  gboolean round_robin = FALSE, none = FALSE;

  g_assert_cmpuint (rcrm_store_user_count (store, &error), ==, 7);
  g_assert_no_error (error);

  somchai = rcrm_store_user_get_by_username (store, "somchai", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (somchai->display_name, ==, "สมชาย ใจดี");
  g_assert_cmpstr (somchai->role, ==, "user");
  g_assert_true (somchai->active);
  g_assert_cmpint (somchai->team_id, >, 0);
  g_assert_true (g_str_has_prefix (somchai->phone, "+668"));
  g_assert_true (rcrm_password_verify (somchai->password_hash, RCRM_DEMO_PASSWORD));

  users = rcrm_store_user_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    {
      RcrmUser *user = g_ptr_array_index (users, i);

      if (g_str_equal (user->role, "admin"))
        continue;
      g_assert_cmpint (user->team_id, >, 0);
      g_assert_true (g_str_has_prefix (user->phone, "+66"));
      g_assert_nonnull (strchr (user->email, '@'));
    }

  teams = rcrm_store_team_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (teams->len, ==, 2);
  for (guint i = 0; i < teams->len; i++)
    {
      RcrmTeam *team = g_ptr_array_index (teams, i);
      g_autoptr (GArray) members = rcrm_store_team_member_ids (store, team->id, &error);
      gboolean lead_is_member = FALSE;

      g_assert_no_error (error);
      g_assert_cmpuint (members->len, ==, 3);
      for (guint m = 0; m < members->len; m++)
        lead_is_member |= g_array_index (members, gint64, m) == team->lead_id;
      g_assert_true (lead_is_member);
      round_robin |= g_str_equal (team->distribution, "round_robin");
      none |= g_str_equal (team->distribution, "none");
    }
  g_assert_true (round_robin && none);
}

static void
check_accounts (RcrmStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) users = rcrm_store_user_list (store, &error);
  guint n_accounts = 0, n_favourites = 0, n_sold = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    {
      RcrmUser *user = g_ptr_array_index (users, i);
      g_autoptr (GArray) ids = rcrm_store_account_ids_by_owner (store, user->id, &error);

      g_assert_no_error (error);
      for (guint a = 0; a < ids->len; a++)
        {
          g_autoptr (RcrmAccount) account = rcrm_store_account_get (store, g_array_index (ids, gint64, a), &error);

          g_assert_no_error (error);
          g_assert_true (tax_id_ok (account->tax_id));
          g_assert_true (rcrm_tax_id_is_valid (account->tax_id));
          g_assert_true (account->branch == NULL || g_str_equal (account->branch, "head_office") ||
                         (strlen (account->branch) == 5 && account->branch[0] == '0'));
          g_assert_true (g_str_has_prefix (account->phone, "+66"));
          g_assert_true (account->has_location);
          g_assert_cmpfloat (account->latitude, >, 5.5);
          g_assert_cmpfloat (account->latitude, <, 20.5);
          g_assert_cmpfloat (account->longitude, >, 97.3);
          g_assert_cmpfloat (account->longitude, <, 105.7);
          g_assert_true (g_str_equal (account->status, "pending") || g_str_equal (account->status, "confirmed") ||
                         g_str_equal (account->status, "sold"));
          n_sold += g_str_equal (account->status, "sold");
          n_favourites += account->favourite;
          n_accounts++;
        }
    }
  g_assert_cmpuint (n_accounts, ==, 50);
  g_assert_cmpuint (n_sold, >, 0);
  g_assert_cmpuint (n_favourites, >, 0);
}

static void
check_leads (RcrmStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pipelines = rcrm_store_pipeline_list (store, &error);
  g_autoptr (GPtrArray) closed = NULL;
  g_autoptr (GPtrArray) unfollowed = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) timeline = NULL;
  g_autoptr (RcrmUser) somchai = NULL;
  g_autoptr (GArray) own = NULL;
  gint64 sum = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (pipelines->len, ==, 3);
  g_assert_cmpuint (rcrm_store_pipeline_count_custom (store, &error), ==, 2);

  /* every step of every pipeline holds a lead */
  for (guint p = 0; p < pipelines->len; p++)
    {
      RcrmPipeline *pipeline = g_ptr_array_index (pipelines, p);

      for (guint s = 0; s < rcrm_pipeline_n_steps (pipeline); s++)
        {
          gint64 n = count_leads (store, ALL_STATES, pipeline->id, (gint) s, NULL);

          g_assert_cmpint (n, >=, 1);
          sum += n;
        }
    }
  g_assert_cmpint (sum, ==, 200);

  g_assert_cmpint (count_leads (store, ALL_STATES, 0, -1, NULL), ==, 200);
  g_assert_cmpint (count_leads (store, RCRM_LEAD_STATE_IN_PROGRESS, 0, -1, NULL), ==, 140);
  g_assert_cmpint (count_leads (store, RCRM_LEAD_STATE_CLOSED, 0, -1, NULL), ==, 40);
  g_assert_cmpint (count_leads (store, RCRM_LEAD_STATE_UNFOLLOWED, 0, -1, NULL), ==, 20);

  /* won leads are at the last step and linked to an account (R3) */
  closed = list_leads (store, RCRM_LEAD_STATE_CLOSED, NULL);
  for (guint i = 0; i < closed->len; i++)
    {
      RcrmLead *lead = g_ptr_array_index (closed, i);
      g_autoptr (RcrmPipeline) pipeline = rcrm_store_pipeline_get (store, lead->pipeline_id, &error);
      g_autoptr (GPtrArray) entries = rcrm_store_timeline_list (store, lead->id, FALSE, &error);
      guint n_steps = 0;

      g_assert_no_error (error);
      g_assert_cmpint (lead->state, ==, RCRM_LEAD_STATE_CLOSED);
      g_assert_cmpint (lead->step, ==, (gint) rcrm_pipeline_n_steps (pipeline) - 1);
      g_assert_cmpint (lead->account_id, >, 0);
      g_assert_cmpint (lead->value, >=, 500000);
      g_assert_cmpint (lead->value, <=, 500000000);
      for (guint e = 0; e < entries->len; e++)
        n_steps += g_str_equal (((RcrmTimelineEntry *) g_ptr_array_index (entries, e))->kind, "step");
      g_assert_cmpuint (n_steps, ==, (guint) lead->step);
    }

  unfollowed = list_leads (store, RCRM_LEAD_STATE_UNFOLLOWED, NULL);
  for (guint i = 0; i < unfollowed->len; i++)
    {
      RcrmLead *lead = g_ptr_array_index (unfollowed, i);
      g_autoptr (GPtrArray) entries = rcrm_store_timeline_list (store, lead->id, FALSE, &error);
      RcrmTimelineEntry *first, *last;

      g_assert_no_error (error);
      g_assert_true (lead->unfollowed);
      g_assert_nonnull (lead->unfollow_reason);
      g_assert_cmpuint (entries->len, >=, 2);
      first = g_ptr_array_index (entries, 0);
      last = g_ptr_array_index (entries, entries->len - 1);
      g_assert_cmpstr (first->kind, ==, "created");
      g_assert_cmpstr (last->kind, ==, "unfollowed");
      g_assert_cmpint (last->actor_id, ==, lead->owner_id);
      g_assert_nonnull (strstr (last->data_json, lead->unfollow_reason));
    }

  /* the substring search demo */
  found = list_leads (store, RCRM_LEAD_STATE_IN_PROGRESS | RCRM_LEAD_STATE_CLOSED, "สมชาย");
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((RcrmLead *) g_ptr_array_index (found, 0))->name, ==, "นายสมชายใจดี");
  timeline = rcrm_store_timeline_list (store, ((RcrmLead *) g_ptr_array_index (found, 0))->id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (timeline->len, >=, 1);
  g_assert_cmpstr (((RcrmTimelineEntry *) g_ptr_array_index (timeline, 0))->kind, ==, "created");

  /* the app's demo user has many leads */
  somchai = rcrm_store_user_get_by_username (store, "somchai", &error);
  g_assert_no_error (error);
  own = rcrm_store_lead_ids_by_owner (store, somchai->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (own->len, ==, 60);
}

static void
check_labels (RcrmStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RcrmUser) somchai = rcrm_store_user_get_by_username (store, "somchai", &error);
  g_autoptr (RcrmUser) sudarat = rcrm_store_user_get_by_username (store, "sudarat", &error);
  g_autoptr (GPtrArray) mine = NULL;
  g_autoptr (GPtrArray) theirs = NULL;

  g_assert_no_error (error);
  mine = rcrm_store_label_list_for (store, somchai->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 5);
  theirs = rcrm_store_label_list_for (store, sudarat->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theirs->len, ==, 3);
}

static void
test_demo_fill (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = new_database_path ("demo.db");
  RcrmStore *store;
  gint64 admin_id = 0;
  gint64 timer = g_get_monotonic_time ();
  gboolean ok;

  store = open_with_admin (path, &admin_id);
  ok = rcrm_demo_fill (store, admin_id, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_test_message ("rcrm_demo_fill: %.2f s", (g_get_monotonic_time () - timer) / 1e6);

  check_users_and_teams (store);
  check_accounts (store);
  check_leads (store);
  check_labels (store);

  /* a second fill is refused and changes nothing */
  g_assert_false (rcrm_demo_fill (store, admin_id, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (rcrm_store_user_count (store, &error), ==, 7);
  rcrm_store_close (store);

  /* everything was committed */
  store = rcrm_store_open (path, &error);
  g_assert_no_error (error);
  check_users_and_teams (store);
  check_leads (store);
  rcrm_store_close (store);
}

/* the same seed gives the same data */
static void
test_demo_deterministic (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path_a = new_database_path ("a.db");
  g_autofree char *path_b = new_database_path ("b.db");
  g_autoptr (RcrmStore) a = NULL;
  g_autoptr (RcrmStore) b = NULL;
  g_autoptr (GPtrArray) leads_a = NULL;
  g_autoptr (GPtrArray) leads_b = NULL;
  gint64 admin_a = 0, admin_b = 0;
  gboolean ok;

  a = open_with_admin (path_a, &admin_a);
  b = open_with_admin (path_b, &admin_b);
  ok = rcrm_demo_fill (a, admin_a, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = rcrm_demo_fill (b, admin_b, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  leads_a = list_leads (a, ALL_STATES, NULL);
  leads_b = list_leads (b, ALL_STATES, NULL);
  g_assert_cmpuint (leads_a->len, ==, leads_b->len);
  for (guint i = 0; i < leads_a->len; i++)
    {
      g_autoptr (RcrmLead) x = rcrm_store_lead_get (a, ((RcrmLead *) g_ptr_array_index (leads_a, i))->id, &error);
      g_autoptr (RcrmLead) y = rcrm_store_lead_get (b, x->id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->phone, ==, y->phone);
      g_assert_cmpstr (x->email, ==, y->email);
      g_assert_cmpint (x->value, ==, y->value);
      g_assert_cmpint (x->step, ==, y->step);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (!rcrm_auth_init (NULL))
    g_error ("libsodium could not be initialised");

  g_test_add_func ("/demo/fill", test_demo_fill);
  g_test_add_func ("/demo/deterministic", test_demo_deterministic);

  return g_test_run ();
}
