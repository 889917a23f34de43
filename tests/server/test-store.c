/* test-store.c — the SQLite store against a real temporary database file */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rcrm-store.h"

typedef struct {
  char      *path;
  RcrmStore *store;
  gint64     admin_id;
  gint64     standard_id;
} Fixture;

/* ---- helpers ------------------------------------------------------------- */

static char *
database_path (void)
{
  const char *dir = g_get_user_data_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, "store.db", NULL);
}

static RcrmUser *
make_user (RcrmStore  *store,
           const char *username,
           const char *role,
           gint64      team_id)
{
  g_autoptr(GError) error = NULL;
  RcrmUser *user = rcrm_user_new ();

  user->username = g_strdup (username);
  user->display_name = g_strdup_printf ("ผู้ใช้ %s", username);
  user->role = g_strdup (role);
  user->team_id = team_id;
  user->password_hash = g_strdup ("$argon2id$v=19$m=65536,t=2,p=1$fake");
  user->active = TRUE;
  g_assert_true (rcrm_store_user_insert (store, user, &error));
  g_assert_no_error (error);
  g_assert_cmpint (user->id, >, 0);
  return user;
}

static gint64
make_user_id (RcrmStore  *store,
              const char *username,
              gint64      team_id)
{
  g_autoptr(RcrmUser) user = make_user (store, username, "user", team_id);

  return user->id;
}

static RcrmPipeline *
make_pipeline (RcrmStore  *store,
               const char *name,
               gboolean    standard,
               guint       n_steps)
{
  g_autoptr(GError) error = NULL;
  RcrmPipeline *pipeline = rcrm_pipeline_new ();

  pipeline->name = g_strdup (name);
  pipeline->standard = standard;
  pipeline->steps = g_new0 (char *, n_steps + 1);
  for (guint i = 0; i < n_steps; i++)
    pipeline->steps[i] = g_strdup_printf ("ขั้นที่ %u", i + 1);
  g_assert_true (rcrm_store_pipeline_insert (store, pipeline, &error));
  g_assert_no_error (error);
  return pipeline;
}

static RcrmLead *
new_lead (const char *name,
          gint64      owner_id,
          gint64      pipeline_id,
          gint        step)
{
  RcrmLead *lead = rcrm_lead_new ();

  lead->name = g_strdup (name);
  lead->source = g_strdup ("เว็บไซต์");
  lead->owner_id = owner_id;
  lead->created_by = owner_id;
  lead->pipeline_id = pipeline_id;
  lead->step = step;
  return lead;
}

static RcrmLead *
insert_lead (RcrmStore  *store,
             const char *name,
             gint64      owner_id,
             gint64      pipeline_id,
             gint        step)
{
  g_autoptr(GError) error = NULL;
  RcrmLead *lead = new_lead (name, owner_id, pipeline_id, step);

  g_assert_true (rcrm_store_lead_insert (store, lead, &error));
  g_assert_no_error (error);
  return lead;
}

static gint64
insert_lead_id (RcrmStore  *store,
                const char *name,
                gint64      owner_id,
                gint64      pipeline_id,
                gint        step)
{
  g_autoptr(RcrmLead) lead = insert_lead (store, name, owner_id, pipeline_id, step);

  return lead->id;
}

static void
query_init (RcrmLeadQuery *query)
{
  memset (query, 0, sizeof *query);
  query->step = -1;
  query->limit = 500;
  query->sort = RCRM_LEAD_SORT_ACTIVITY;
  query->descending = TRUE;
}

static gint
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* ids matching a query, ascending */
static GArray *
match_ids (RcrmStore           *store,
           const RcrmLeadQuery *query_in)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  g_autofree char *next = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  RcrmLeadQuery query = *query_in;
  gint64 total = -1;

  query.limit = 500;
  query.cursor = NULL;
  query.offset = 0;
  leads = rcrm_store_lead_list (store, &query, &total, &next, &error);
  g_assert_no_error (error);
  g_assert_nonnull (leads);
  g_assert_null (next);
  g_assert_cmpint (total, ==, leads->len);
  for (guint i = 0; i < leads->len; i++)
    g_array_append_val (ids, ((RcrmLead *) g_ptr_array_index (leads, i))->id);
  g_array_sort (ids, compare_gint64);
  return ids;
}

/* the total of a query */
static gint64
count_matches (RcrmStore           *store,
               const RcrmLeadQuery *query)
{
  g_autoptr(GArray) ids = match_ids (store, query);

  return ids->len;
}

/* asserts that ids (ascending) are exactly the given ones, 0-terminated */
static void
assert_ids (GArray *ids,
            ...)
{
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;
  gint64 id;

  va_start (args, ids);
  while ((id = va_arg (args, gint64)) != 0)
    g_array_append_val (expected, id);
  va_end (args);
  g_array_sort (expected, compare_gint64);

  g_assert_cmpuint (ids->len, ==, expected->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, g_array_index (expected, gint64, i));
  g_array_unref (ids);
}

static GArray *
search_ids (RcrmStore  *store,
            const char *q)
{
  RcrmLeadQuery query;

  query_init (&query);
  query.state_mask = RCRM_LEAD_STATE_IN_PROGRESS | RCRM_LEAD_STATE_CLOSED | RCRM_LEAD_STATE_UNFOLLOWED;
  query.q = q;
  return match_ids (store, &query);
}

/* a second, raw connection to the same file */
static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static int
raw_exec (sqlite3    *db,
          const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL);
}

static gint64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* ---- fixture ------------------------------------------------------------- */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmUser) admin = NULL;
  g_autoptr(RcrmPipeline) standard = NULL;

  f->path = database_path ();
  f->store = rcrm_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  admin = make_user (f->store, "admin", "admin", 0);
  f->admin_id = admin->id;
  standard = make_pipeline (f->store, "มาตรฐาน", TRUE, 4);
  f->standard_id = standard->id;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->store, rcrm_store_close);
  g_free (f->path);
}

/* ---- open and migrations ------------------------------------------------- */

static void
test_open_migrations (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = database_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *mode = NULL;
  g_autoptr(RcrmUser) user = NULL;
  RcrmStore *store;
  sqlite3 *db;
  gint64 id;

  store = rcrm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (rcrm_store_schema_version (store), ==, 4);
  id = make_user_id (store, "somchai", 0);
  rcrm_store_close (store);
  /* checkpointed at close: no write-ahead log left behind */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* reopening keeps the data and runs no migration again */
  store = rcrm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_store_schema_version (store), ==, 4);
  user = rcrm_store_user_get (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->username, ==, "somchai");
  g_assert_cmpuint (rcrm_store_user_count (store, &error), ==, 1);

  db = raw_open (path);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 4);
  mode = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'leads_fts'"), ==, 1);
  sqlite3_close (db);
  rcrm_store_close (store);

  /* a database from a newer server is refused, not touched */
  db = raw_open (path);
  g_assert_cmpint (raw_exec (db, "PRAGMA user_version = 99"), ==, SQLITE_OK);
  sqlite3_close (db);
  store = rcrm_store_open (path, &error);
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED);
  g_assert_null (store);
  g_clear_error (&error);

  store = rcrm_store_open ("postgresql://crm@localhost/crm", &error);
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_UNSUPPORTED);
  g_assert_null (store);

  rcrm_store_close (NULL);
}

/* ---- users, teams, sessions, settings ------------------------------------ */

static void
test_users (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmUser) user = make_user (f->store, "somchai", "user", 0);
  g_autoptr(RcrmUser) copy = NULL;
  g_autoptr(RcrmUser) again = rcrm_user_new ();
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  g_autoptr(GBytes) read = NULL;

  g_assert_cmpint (user->version, ==, 1);
  g_assert_nonnull (user->created_at);
  g_assert_cmpuint (strlen (user->created_at), ==, 20);
  g_assert_true (g_str_has_suffix (user->created_at, "Z"));
  g_assert_cmpstr (user->created_at, ==, user->updated_at);

  copy = rcrm_store_user_get_by_username (f->store, "somchai", &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy->id, ==, user->id);
  g_assert_cmpstr (copy->display_name, ==, "ผู้ใช้ somchai");
  g_assert_cmpint (copy->team_id, ==, 0);
  g_assert_null (copy->phone);
  g_assert_true (copy->active);
  g_assert_false (copy->has_signature);
  g_clear_pointer (&copy, rcrm_user_free);

  /* taken username */
  again->username = g_strdup ("somchai");
  again->display_name = g_strdup ("x");
  again->role = g_strdup ("user");
  again->password_hash = g_strdup ("x");
  g_assert_false (rcrm_store_user_insert (f->store, again, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* versioned update */
  g_free (user->phone);
  user->phone = g_strdup ("+66812345678");
  g_assert_true (rcrm_store_user_update (f->store, user, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (user->version, ==, 2);
  g_assert_false (rcrm_store_user_update (f->store, user, 1, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE);
  g_clear_error (&error);
  copy = rcrm_store_user_get (f->store, user->id, &error);
  g_assert_cmpstr (copy->phone, ==, "+66812345678");
  g_assert_cmpint (copy->version, ==, 2);
  g_clear_pointer (&copy, rcrm_user_free);

  user->id = 9999;
  g_assert_false (rcrm_store_user_update (f->store, user, 2, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rcrm_store_user_get (f->store, 9999, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rcrm_store_user_get_by_username (f->store, "nobody", &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* signature */
  copy = rcrm_store_user_get_by_username (f->store, "somchai", &error);
  g_assert_null (rcrm_store_user_get_signature (f->store, copy->id, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (rcrm_store_user_set_signature (f->store, copy->id, png, &error));
  g_assert_no_error (error);
  read = rcrm_store_user_get_signature (f->store, copy->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, png));
  g_clear_pointer (&copy, rcrm_user_free);
  copy = rcrm_store_user_get_by_username (f->store, "somchai", &error);
  g_assert_true (copy->has_signature);
  g_assert_true (rcrm_store_user_set_signature (f->store, copy->id, NULL, &error));
  g_clear_pointer (&copy, rcrm_user_free);
  copy = rcrm_store_user_get_by_username (f->store, "somchai", &error);
  g_assert_false (copy->has_signature);
  g_assert_false (rcrm_store_user_set_signature (f->store, 9999, png, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  users = rcrm_store_user_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 2);
  g_assert_cmpstr (((RcrmUser *) g_ptr_array_index (users, 0))->username, ==, "admin");
  g_assert_cmpuint (rcrm_store_user_count (f->store, &error), ==, 2);
}

static void
test_teams (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmTeam) team = rcrm_team_new ();
  g_autoptr(RcrmTeam) copy = NULL;
  g_autoptr(RcrmUser) member = NULL;
  g_autoptr(GArray) members = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  gint64 lead_id, other;

  team->name = g_strdup ("ทีมเหนือ");
  g_assert_true (rcrm_store_team_insert (f->store, team, &error));
  g_assert_no_error (error);
  g_assert_cmpint (team->version, ==, 1);
  lead_id = make_user_id (f->store, "sudarat", team->id);
  member = make_user (f->store, "somchai", "user", team->id);
  other = make_user_id (f->store, "wichai", 0);

  team->lead_id = lead_id;
  g_free (team->distribution);
  team->distribution = g_strdup ("round_robin");
  g_assert_true (rcrm_store_team_update (f->store, team, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (team->version, ==, 2);
  g_assert_false (rcrm_store_team_update (f->store, team, 1, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE);
  g_clear_error (&error);

  copy = rcrm_store_team_get (f->store, team->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy->lead_id, ==, lead_id);
  g_assert_cmpstr (copy->distribution, ==, "round_robin");
  g_assert_null (rcrm_store_team_get (f->store, 777, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a bad distribution is refused by the schema */
  g_free (copy->distribution);
  copy->distribution = g_strdup ("random");
  g_assert_false (rcrm_store_team_update (f->store, copy, 2, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* only active members, ascending */
  member->active = FALSE;
  g_assert_true (rcrm_store_user_update (f->store, member, member->version, &error));
  members = rcrm_store_team_member_ids (f->store, team->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpint (g_array_index (members, gint64, 0), ==, lead_id);

  g_assert_cmpint (rcrm_store_team_get_rr_last (f->store, team->id, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (rcrm_store_team_set_rr_last (f->store, team->id, other, &error));
  g_assert_cmpint (rcrm_store_team_get_rr_last (f->store, team->id, &error), ==, other);
  g_clear_pointer (&copy, rcrm_team_free);
  copy = rcrm_store_team_get (f->store, team->id, &error);
  g_assert_cmpint (copy->version, ==, 2);   /* no version change */
  g_assert_false (rcrm_store_team_set_rr_last (f->store, 777, other, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  teams = rcrm_store_team_list (f->store, &error);
  g_assert_cmpuint (teams->len, ==, 1);
}

static void
test_sessions_settings (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gint64 version = -1, new_version = 0;

  g_assert_true (rcrm_store_session_insert (f->store, "aa11", f->admin_id, "2030-01-01T00:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (rcrm_store_session_insert (f->store, "bb22", f->admin_id, "2031-01-01T00:00:00Z", &error));
  g_assert_false (rcrm_store_session_insert (f->store, "aa11", f->admin_id, "2030-01-01T00:00:00Z", &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (rcrm_store_session_lookup (f->store, "aa11", "2029-12-31T23:59:59Z", &error), ==, f->admin_id);
  g_assert_cmpint (rcrm_store_session_lookup (f->store, "aa11", "2030-01-01T00:00:00Z", &error), ==, 0);
  g_assert_cmpint (rcrm_store_session_lookup (f->store, "zz99", "2020-01-01T00:00:00Z", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (rcrm_store_session_delete (f->store, "aa11", &error));
  g_assert_cmpint (rcrm_store_session_lookup (f->store, "aa11", "2020-01-01T00:00:00Z", &error), ==, 0);
  g_assert_true (rcrm_store_session_delete_user (f->store, f->admin_id, &error));
  g_assert_cmpint (rcrm_store_session_lookup (f->store, "bb22", "2020-01-01T00:00:00Z", &error), ==, 0);
  g_assert_no_error (error);

  json = rcrm_store_settings_get (f->store, &version, &error);
  g_assert_no_error (error);
  g_assert_null (json);
  g_assert_cmpint (version, ==, 0);
  g_assert_true (rcrm_store_settings_put (f->store, "{\"allow_step_back\":false}", 0, &new_version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (new_version, ==, 1);
  g_assert_false (rcrm_store_settings_put (f->store, "{}", 0, &new_version, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE);
  g_clear_error (&error);
  g_assert_true (rcrm_store_settings_put (f->store, "{\"allow_step_back\":true}", 1, &new_version, &error));
  g_assert_cmpint (new_version, ==, 2);
  g_assert_false (rcrm_store_settings_put (f->store, "{}", 1, &new_version, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE);
  g_clear_error (&error);
  json = rcrm_store_settings_get (f->store, &version, &error);
  g_assert_cmpstr (json, ==, "{\"allow_step_back\":true}");
  g_assert_cmpint (version, ==, 2);
}

/* ---- pipelines and derived state ----------------------------------------- */

static void
test_pipelines (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmPipeline) custom = make_pipeline (f->store, "โครงการ", FALSE, 3);
  g_autoptr(RcrmPipeline) standard = NULL;
  g_autoptr(RcrmPipeline) second = rcrm_pipeline_new ();
  g_autoptr(RcrmPipeline) empty = make_pipeline (f->store, "ว่าง", FALSE, 2);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) summary = NULL;
  g_autoptr(RcrmLead) lead = NULL;

  standard = rcrm_store_pipeline_get_standard (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (standard->id, ==, f->standard_id);
  g_assert_cmpuint (rcrm_pipeline_n_steps (standard), ==, 4);
  g_assert_cmpstr (standard->steps[3], ==, "ขั้นที่ 4");

  /* at most one standard pipeline */
  second->name = g_strdup ("อีกอัน");
  second->standard = TRUE;
  second->steps = g_strsplit ("a b", " ", -1);
  g_assert_false (rcrm_store_pipeline_insert (f->store, second, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  rcrm_pipeline_free (make_pipeline (f->store, "ต่อ", FALSE, 2));
  list = rcrm_store_pipeline_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_true (((RcrmPipeline *) g_ptr_array_index (list, 0))->standard);
  g_assert_cmpint (((RcrmPipeline *) g_ptr_array_index (list, 1))->id, ==, custom->id);
  g_assert_cmpuint (rcrm_store_pipeline_count_custom (f->store, &error), ==, 3);

  /* states: last step closed, unfollowed wins */
  lead = insert_lead (f->store, "ลีด", f->admin_id, custom->id, 2);
  g_assert_cmpint (lead->state, ==, RCRM_LEAD_STATE_CLOSED);
  g_assert_cmpint (rcrm_store_pipeline_max_step (f->store, custom->id, &error), ==, 2);
  g_assert_cmpint (rcrm_store_pipeline_max_step (f->store, empty->id, &error), ==, -1);
  g_assert_cmpint (rcrm_store_pipeline_lead_count (f->store, custom->id, &error), ==, 1);

  /* a fourth step: the lead is now in progress */
  g_strfreev (custom->steps);
  custom->steps = g_strsplit ("หนึ่ง|สอง|สาม|สี่", "|", -1);
  g_assert_true (rcrm_store_pipeline_update (f->store, custom, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (custom->version, ==, 2);
  g_clear_pointer (&lead, rcrm_lead_free);
  lead = rcrm_store_lead_get (f->store, insert_lead_id (f->store, "ลีด 2", f->admin_id, custom->id, 3), &error);
  g_assert_cmpint (lead->state, ==, RCRM_LEAD_STATE_CLOSED);
  g_clear_pointer (&lead, rcrm_lead_free);
  {
    RcrmLeadQuery query;
    g_autoptr(GPtrArray) leads = NULL;
    gint64 total;

    query_init (&query);
    query.pipeline_id = custom->id;
    query.sort = RCRM_LEAD_SORT_NAME;
    query.descending = FALSE;
    leads = rcrm_store_lead_list (f->store, &query, &total, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (total, ==, 2);
    g_assert_cmpstr (((RcrmLead *) g_ptr_array_index (leads, 0))->name, ==, "ลีด");
    g_assert_cmpint (((RcrmLead *) g_ptr_array_index (leads, 0))->state, ==, RCRM_LEAD_STATE_IN_PROGRESS);
  }

  /* back to three steps: the step-2 lead is closed again */
  g_strfreev (custom->steps);
  custom->steps = g_strsplit ("หนึ่ง|สอง|สาม", "|", -1);
  g_assert_false (rcrm_store_pipeline_update (f->store, custom, 1, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE);
  g_clear_error (&error);
  g_assert_true (rcrm_store_pipeline_update (f->store, custom, 2, &error));
  g_assert_cmpint (custom->version, ==, 3);
  {
    RcrmLeadQuery query;

    query_init (&query);
    query.pipeline_id = custom->id;
    query.state_mask = RCRM_LEAD_STATE_IN_PROGRESS;
    assert_ids (match_ids (f->store, &query), (gint64) 0);
    query.state_mask = RCRM_LEAD_STATE_CLOSED;
    g_assert_cmpint (count_matches (f->store, &query), ==, 2);
  }

  summary = rcrm_store_pipeline_summary (f->store, custom->id, 0, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->len, ==, 3);
  g_assert_cmpint (g_array_index (summary, RcrmStepSummary, 2).count, ==, 1);
  g_assert_null (rcrm_store_pipeline_summary (f->store, 4242, 0, 0, 0, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* delete: missing, holding leads, empty */
  g_assert_false (rcrm_store_pipeline_delete (f->store, 4242, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rcrm_store_pipeline_delete (f->store, custom->id, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (rcrm_store_pipeline_delete (f->store, empty->id, &error));
  g_assert_no_error (error);
  g_assert_null (rcrm_store_pipeline_get (f->store, empty->id, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
}

/* ---- leads --------------------------------------------------------------- */

static gint64
make_label (RcrmStore  *store,
            const char *name,
            const char *kind,
            gint64      owner_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLabel) label = rcrm_label_new ();

  label->name = g_strdup (name);
  label->color = g_strdup ("#E01B24");
  label->kind = g_strdup (kind);
  label->owner_id = owner_id;
  g_assert_true (rcrm_store_label_insert (store, label, &error));
  g_assert_no_error (error);
  return label->id;
}

static void
test_lead_crud (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = new_lead ("นายสมชายใจดี", f->admin_id, f->standard_id, 0);
  g_autoptr(RcrmLead) copy = NULL;
  g_autoptr(RcrmLead) dup = NULL;
  gint64 vip = make_label (f->store, "VIP", "system", 0);
  gint64 urgent = make_label (f->store, "ด่วน", "system", 0);
  gint64 mine = make_label (f->store, "โทรกลับ", "personal", f->admin_id);
  gint64 ids[] = { mine, vip, mine, urgent };

  lead->company = g_strdup ("บริษัท ใจดี จำกัด");
  lead->phone = g_strdup ("+66812345678");
  lead->email = g_strdup ("somchai@example.co.th");
  lead->tax_id = g_strdup ("0105536000315");
  lead->value = 1234550;
  g_free (lead->custom_json);
  lead->custom_json = g_strdup ("{\"province\":\"เชียงใหม่\"}");
  g_array_append_vals (lead->label_ids, ids, G_N_ELEMENTS (ids));

  g_assert_true (rcrm_store_lead_insert (f->store, lead, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lead->id, >, 0);
  g_assert_cmpint (lead->version, ==, 1);
  g_assert_cmpint (lead->state, ==, RCRM_LEAD_STATE_IN_PROGRESS);
  g_assert_nonnull (lead->last_activity_at);
  g_assert_cmpstr (lead->created_at, ==, lead->updated_at);
  /* sorted, no repeats */
  g_assert_cmpuint (lead->label_ids->len, ==, 3);
  g_assert_cmpint (g_array_index (lead->label_ids, gint64, 0), ==, MIN (vip, MIN (urgent, mine)));

  copy = rcrm_store_lead_get (f->store, lead->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy->name, ==, "นายสมชายใจดี");
  g_assert_cmpstr (copy->company, ==, "บริษัท ใจดี จำกัด");
  g_assert_cmpstr (copy->phone, ==, "+66812345678");
  g_assert_cmpstr (copy->tax_id, ==, "0105536000315");
  g_assert_cmpstr (copy->source, ==, "เว็บไซต์");
  g_assert_cmpint (copy->value, ==, 1234550);
  g_assert_cmpint (copy->owner_id, ==, f->admin_id);
  g_assert_cmpint (copy->created_by, ==, f->admin_id);
  g_assert_cmpint (copy->pipeline_id, ==, f->standard_id);
  g_assert_cmpint (copy->account_id, ==, 0);
  g_assert_cmpstr (copy->custom_json, ==, "{\"province\":\"เชียงใหม่\"}");
  g_assert_cmpuint (copy->label_ids->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (g_array_index (copy->label_ids, gint64, i), ==, g_array_index (lead->label_ids, gint64, i));
  g_assert_cmpint (copy->version, ==, 1);

  dup = rcrm_lead_copy (copy);
  g_assert_cmpstr (dup->custom_json, ==, copy->custom_json);
  g_assert_cmpuint (dup->label_ids->len, ==, 3);
  g_assert_true (dup->label_ids != copy->label_ids);

  /* update: step to the last → closed; labels replaced */
  copy->step = 3;
  g_array_set_size (copy->label_ids, 0);
  g_array_append_val (copy->label_ids, urgent);
  g_assert_true (rcrm_store_lead_update (f->store, copy, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (copy->version, ==, 2);
  g_assert_cmpint (copy->state, ==, RCRM_LEAD_STATE_CLOSED);
  g_assert_cmpstr (rcrm_lead_state_to_string (copy->state), ==, "closed");

  /* the old copy is stale */
  g_assert_false (rcrm_store_lead_update (f->store, lead, lead->version, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE);
  g_clear_error (&error);
  g_clear_pointer (&dup, rcrm_lead_free);
  dup = rcrm_store_lead_get (f->store, lead->id, &error);
  g_assert_cmpint (dup->step, ==, 3);
  g_assert_cmpuint (dup->label_ids->len, ==, 1);

  /* unfollow wins over the last step */
  copy->unfollowed = TRUE;
  copy->unfollow_reason = g_strdup ("ไม่มีงบประมาณ");
  g_assert_true (rcrm_store_lead_update (f->store, copy, 2, &error));
  g_assert_cmpint (copy->state, ==, RCRM_LEAD_STATE_UNFOLLOWED);
  g_assert_cmpstr (rcrm_lead_state_to_string (copy->state), ==, "unfollowed");
  copy->unfollowed = FALSE;
  g_clear_pointer (&copy->unfollow_reason, g_free);
  copy->step = 1;
  g_assert_true (rcrm_store_lead_update (f->store, copy, 3, &error));
  g_assert_cmpint (copy->state, ==, RCRM_LEAD_STATE_IN_PROGRESS);
  g_assert_cmpstr (rcrm_lead_state_to_string (copy->state), ==, "in_progress");
  g_assert_cmpint (copy->version, ==, 4);

  /* missing */
  copy->id = 999999;
  g_assert_false (rcrm_store_lead_update (f->store, copy, 4, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rcrm_store_lead_get (f->store, 999999, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a missing label leaves nothing behind */
  g_clear_pointer (&dup, rcrm_lead_free);
  dup = new_lead ("ผิด", f->admin_id, f->standard_id, 0);
  {
    gint64 bad = 4242;

    g_array_append_val (dup->label_ids, bad);
  }
  g_assert_false (rcrm_store_lead_insert (f->store, dup, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED);
  g_clear_error (&error);
  {
    g_autoptr(GArray) owned = rcrm_store_lead_ids_by_owner (f->store, f->admin_id, &error);

    g_assert_cmpuint (owned->len, ==, 1);
    g_assert_cmpint (g_array_index (owned, gint64, 0), ==, lead->id);
  }
  assert_ids (search_ids (f->store, "ผิด"), (gint64) 0);
  g_assert_cmpint (rcrm_store_lead_count_open (f->store, f->admin_id, &error), ==, 1);
}

/* ---- timeline ------------------------------------------------------------ */

static gint64
add_note (RcrmStore  *store,
          gint64      lead_id,
          gint64      actor_id,
          const char *kind,
          const char *body,
          gint64      corrects_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmTimelineEntry) entry = rcrm_timeline_entry_new ();

  entry->lead_id = lead_id;
  entry->actor_id = actor_id;
  entry->kind = g_strdup (kind);
  entry->body = g_strdup (body);
  entry->corrects_id = corrects_id;
  g_assert_true (rcrm_store_timeline_insert (store, entry, &error));
  g_assert_no_error (error);
  g_assert_nonnull (entry->created_at);
  return entry->id;
}

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = insert_lead (f->store, "ลีด", f->admin_id, f->standard_id, 0);
  g_autoptr(RcrmLead) after = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(RcrmTimelineEntry) got = NULL;
  g_autofree char *sql = NULL;
  gint64 note, event, fix;
  sqlite3 *db;

  /* make the activity time old, then check a note brings it forward */
  db = raw_open (f->path);
  sql = g_strdup_printf ("UPDATE leads SET last_activity_at = '2020-01-01T00:00:00Z' WHERE id = %" G_GINT64_FORMAT,
                         lead->id);
  g_assert_cmpint (raw_exec (db, sql), ==, SQLITE_OK);

  event = add_note (f->store, lead->id, f->admin_id, "created", NULL, 0);
  note = add_note (f->store, lead->id, f->admin_id, "note", "โทรแล้ว ลูกค้าสนใจ", 0);
  fix = add_note (f->store, lead->id, f->admin_id, "note", "แก้ไข: ลูกค้าสนใจมาก", note);

  after = rcrm_store_lead_get (f->store, lead->id, &error);
  g_assert_cmpint (after->version, ==, 1);
  g_assert_cmpstr (after->last_activity_at, !=, "2020-01-01T00:00:00Z");

  all = rcrm_store_timeline_list (f->store, lead->id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (((RcrmTimelineEntry *) g_ptr_array_index (all, 0))->id, ==, event);
  g_assert_cmpstr (((RcrmTimelineEntry *) g_ptr_array_index (all, 0))->data_json, ==, "{}");
  notes = rcrm_store_timeline_list (f->store, lead->id, TRUE, &error);
  g_assert_cmpuint (notes->len, ==, 2);
  got = rcrm_store_timeline_get (f->store, fix, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->corrects_id, ==, note);
  g_assert_cmpstr (got->body, ==, "แก้ไข: ลูกค้าสนใจมาก");
  g_assert_null (rcrm_store_timeline_get (f->store, 4242, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* R5 through a second connection: no edit, no delete, no replace */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE timeline SET body = 'แก้' WHERE id = %" G_GINT64_FORMAT, note);
  g_assert_cmpint (raw_exec (db, sql), ==, SQLITE_CONSTRAINT);
  g_assert_nonnull (strstr (sqlite3_errmsg (db), "append-only"));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE timeline SET kind = 'created', body = NULL WHERE id = %" G_GINT64_FORMAT, note);
  g_assert_cmpint (raw_exec (db, sql), ==, SQLITE_CONSTRAINT);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM timeline WHERE id = %" G_GINT64_FORMAT, note);
  g_assert_cmpint (raw_exec (db, sql), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_exec (db, "DELETE FROM timeline"), ==, SQLITE_CONSTRAINT);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT OR REPLACE INTO timeline (id, lead_id, kind, body, data_json, created_at) "
                         "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'note', 'x', '{}', 'now')",
                         note, lead->id);
  g_assert_cmpint (raw_exec (db, sql), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM timeline"), ==, 3);

  /* the one exception (PDPA erasure, later): body to NULL */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE timeline SET body = NULL WHERE id = %" G_GINT64_FORMAT, note);
  g_assert_cmpint (raw_exec (db, sql), ==, SQLITE_OK);
  sqlite3_close (db);

  g_clear_pointer (&got, rcrm_timeline_entry_free);
  got = rcrm_store_timeline_get (f->store, note, &error);
  g_assert_null (got->body);
  g_assert_cmpstr (got->kind, ==, "note");
}

/* ---- list filters and visibility ----------------------------------------- */

static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmPipeline) custom = make_pipeline (f->store, "โครงการ", FALSE, 2);
  g_autoptr(RcrmAccount) account = rcrm_account_new ();
  g_autoptr(RcrmLead) closed = NULL;
  g_autoptr(RcrmLead) gone = NULL;
  g_autoptr(GArray) summary = NULL;
  gint64 somchai = make_user_id (f->store, "somchai", 0);
  gint64 vip = make_label (f->store, "VIP", "system", 0);
  gint64 a, b, c, d;
  RcrmLeadQuery query;

  account->name = g_strdup ("บริษัท เอ จำกัด");
  account->owner_id = somchai;
  g_assert_true (rcrm_store_account_insert (f->store, account, &error));
  g_assert_no_error (error);

  a = insert_lead_id (f->store, "A", f->admin_id, f->standard_id, 0);
  b = insert_lead_id (f->store, "B", somchai, f->standard_id, 1);
  closed = new_lead ("C", somchai, custom->id, 1);
  closed->account_id = account->id;
  closed->value = 500;
  g_array_append_val (closed->label_ids, vip);
  g_assert_true (rcrm_store_lead_insert (f->store, closed, &error));
  c = closed->id;
  g_assert_cmpint (closed->state, ==, RCRM_LEAD_STATE_CLOSED);
  gone = new_lead ("D", somchai, custom->id, 0);
  gone->unfollowed = TRUE;
  gone->unfollow_reason = g_strdup ("ไม่ตอบ");
  gone->value = 700;
  g_array_append_val (gone->label_ids, vip);
  g_assert_true (rcrm_store_lead_insert (f->store, gone, &error));
  d = gone->id;

  query_init (&query);
  assert_ids (match_ids (f->store, &query), a, b, c, (gint64) 0);   /* default: the inbox */
  query.state_mask = RCRM_LEAD_STATE_UNFOLLOWED;
  assert_ids (match_ids (f->store, &query), d, (gint64) 0);
  query.state_mask = RCRM_LEAD_STATE_CLOSED | RCRM_LEAD_STATE_UNFOLLOWED;
  assert_ids (match_ids (f->store, &query), c, d, (gint64) 0);
  query.state_mask = RCRM_LEAD_STATE_IN_PROGRESS;
  assert_ids (match_ids (f->store, &query), a, b, (gint64) 0);
  query.state_mask = 7;
  query.pipeline_id = custom->id;
  assert_ids (match_ids (f->store, &query), c, d, (gint64) 0);
  query.step = 0;
  assert_ids (match_ids (f->store, &query), d, (gint64) 0);
  query.pipeline_id = 0;
  assert_ids (match_ids (f->store, &query), a, d, (gint64) 0);
  query.step = -1;
  query.owner_id = somchai;
  assert_ids (match_ids (f->store, &query), b, c, d, (gint64) 0);
  query.owner_id = 0;
  query.label_id = vip;
  assert_ids (match_ids (f->store, &query), c, d, (gint64) 0);
  query.label_id = 0;
  query.account_id = account->id;
  assert_ids (match_ids (f->store, &query), c, (gint64) 0);
  query.account_id = 0;
  query.owner_id = f->admin_id;
  query.label_id = vip;
  assert_ids (match_ids (f->store, &query), (gint64) 0);

  /* a board column: pipeline and step (the store narrows the states) */
  query_init (&query);
  query.pipeline_id = custom->id;
  query.step = 1;
  assert_ids (match_ids (f->store, &query), c, (gint64) 0);
  query.step = 0;
  assert_ids (match_ids (f->store, &query), (gint64) 0);
  query.state_mask = RCRM_LEAD_STATE_UNFOLLOWED;
  assert_ids (match_ids (f->store, &query), d, (gint64) 0);
  query.pipeline_id = f->standard_id;
  query.state_mask = RCRM_LEAD_STATE_IN_PROGRESS | RCRM_LEAD_STATE_CLOSED;
  assert_ids (match_ids (f->store, &query), a, (gint64) 0);
  query.step = 3;
  assert_ids (match_ids (f->store, &query), (gint64) 0);

  /* summary: in-progress and closed only */
  summary = rcrm_store_pipeline_summary (f->store, custom->id, 0, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->len, ==, 2);
  g_assert_cmpint (g_array_index (summary, RcrmStepSummary, 0).count, ==, 0);
  g_assert_cmpint (g_array_index (summary, RcrmStepSummary, 1).count, ==, 1);
  g_assert_cmpint (g_array_index (summary, RcrmStepSummary, 1).value, ==, 500);
  g_array_unref (summary);
  summary = rcrm_store_pipeline_summary (f->store, custom->id, f->admin_id, 0, 0, &error);
  g_assert_cmpint (g_array_index (summary, RcrmStepSummary, 1).count, ==, 0);
  g_array_unref (summary);
  summary = rcrm_store_pipeline_summary (f->store, custom->id, 0, vip, 0, &error);
  g_assert_cmpint (g_array_index (summary, RcrmStepSummary, 1).count, ==, 1);
}

static void
test_visibility (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmTeam) north = rcrm_team_new ();
  g_autoptr(RcrmTeam) south = rcrm_team_new ();
  g_autoptr(GArray) summary = NULL;
  gint64 sudarat, somchai, wichai, other;
  gint64 l_sudarat, l_somchai, l_wichai, l_other;
  RcrmLeadQuery query;

  north->name = g_strdup ("เหนือ");
  south->name = g_strdup ("ใต้");
  g_assert_true (rcrm_store_team_insert (f->store, north, &error));
  g_assert_true (rcrm_store_team_insert (f->store, south, &error));
  sudarat = make_user_id (f->store, "sudarat", north->id);
  somchai = make_user_id (f->store, "somchai", north->id);
  wichai = make_user_id (f->store, "wichai", north->id);
  other = make_user_id (f->store, "malee", south->id);
  north->lead_id = sudarat;
  g_assert_true (rcrm_store_team_update (f->store, north, 1, &error));
  g_assert_no_error (error);

  l_sudarat = insert_lead_id (f->store, "ของสุดารัตน์", sudarat, f->standard_id, 0);
  l_somchai = insert_lead_id (f->store, "ของสมชาย", somchai, f->standard_id, 1);
  l_wichai = insert_lead_id (f->store, "ของวิชัย", wichai, f->standard_id, 2);
  l_other = insert_lead_id (f->store, "ของมาลี", other, f->standard_id, 1);

  query_init (&query);
  assert_ids (match_ids (f->store, &query), l_sudarat, l_somchai, l_wichai, l_other, (gint64) 0);
  query.visible_to = sudarat;   /* the team lead: own + the team's */
  assert_ids (match_ids (f->store, &query), l_sudarat, l_somchai, l_wichai, (gint64) 0);
  query.visible_to = somchai;   /* a member: own only */
  assert_ids (match_ids (f->store, &query), l_somchai, (gint64) 0);
  query.visible_to = other;
  assert_ids (match_ids (f->store, &query), l_other, (gint64) 0);
  query.visible_to = sudarat;
  query.q = "ของ";
  assert_ids (match_ids (f->store, &query), l_sudarat, l_somchai, l_wichai, (gint64) 0);

  g_assert_true (rcrm_store_lead_visible_to (f->store, l_somchai, sudarat, &error));
  g_assert_true (rcrm_store_lead_visible_to (f->store, l_somchai, somchai, &error));
  g_assert_false (rcrm_store_lead_visible_to (f->store, l_somchai, wichai, &error));
  g_assert_false (rcrm_store_lead_visible_to (f->store, l_other, sudarat, &error));
  g_assert_true (rcrm_store_lead_visible_to (f->store, l_other, other, &error));
  g_assert_no_error (error);

  summary = rcrm_store_pipeline_summary (f->store, f->standard_id, 0, 0, sudarat, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (summary, RcrmStepSummary, 0).count, ==, 1);
  g_assert_cmpint (g_array_index (summary, RcrmStepSummary, 1).count, ==, 1);
  g_assert_cmpint (g_array_index (summary, RcrmStepSummary, 2).count, ==, 1);
  g_array_unref (summary);
  summary = rcrm_store_pipeline_summary (f->store, f->standard_id, 0, 0, 0, &error);
  g_assert_cmpint (g_array_index (summary, RcrmStepSummary, 1).count, ==, 2);
}

/* ---- keyset paging ------------------------------------------------------- */

#define N_PAGING 1234

static gint
compare_for_sort (const RcrmLead *a,
                  const RcrmLead *b,
                  RcrmLeadSort    sort)
{
  gint c = 0;

  switch (sort)
    {
    case RCRM_LEAD_SORT_ACTIVITY:
      c = strcmp (a->last_activity_at, b->last_activity_at);
      break;
    case RCRM_LEAD_SORT_CREATED:
      c = strcmp (a->created_at, b->created_at);
      break;
    case RCRM_LEAD_SORT_UPDATED:
      c = strcmp (a->updated_at, b->updated_at);
      break;
    case RCRM_LEAD_SORT_NAME:
      c = strcmp (a->name, b->name);
      break;
    case RCRM_LEAD_SORT_VALUE:
    default:
      c = a->value < b->value ? -1 : a->value > b->value;
      break;
    }
  if (c == 0)
    c = a->id < b->id ? -1 : a->id > b->id;
  return c;
}

/* pages through the whole query; returns every lead in list order */
static GPtrArray *
page_all (RcrmStore           *store,
          const RcrmLeadQuery *query_in,
          gint64               expected_total)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) rcrm_lead_free);
  g_autofree char *cursor = NULL;
  RcrmLeadQuery query = *query_in;
  guint pages = 0;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = NULL;
      char *next = NULL;
      gint64 total = -1;

      query.cursor = cursor;
      page = rcrm_store_lead_list (store, &query, &total, &next, &error);
      g_assert_no_error (error);
      g_assert_cmpint (total, ==, expected_total);
      g_assert_cmpuint (page->len, <=, query.limit);
      pages++;
      g_assert_cmpuint (pages, <=, N_PAGING + 1);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, rcrm_lead_copy (g_ptr_array_index (page, i)));
      g_free (cursor);
      cursor = next;
      if (next == NULL)
        break;
      g_assert_cmpuint (page->len, ==, query.limit);
    }
  return all;
}

static void
check_order (GPtrArray    *leads,
             RcrmLeadSort  sort,
             gboolean      descending,
             guint         expected)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_assert_cmpuint (leads->len, ==, expected);
  for (guint i = 0; i < leads->len; i++)
    {
      RcrmLead *lead = g_ptr_array_index (leads, i);

      g_assert_true (g_hash_table_add (seen, &lead->id));   /* each once */
      if (i > 0)
        {
          gint c = compare_for_sort (g_ptr_array_index (leads, i - 1), lead, sort);

          g_assert_cmpint (descending ? -c : c, <, 0);
        }
    }
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  static const char * const names[] = {
    "สมชาย", "สมหญิง", "นายสมชายใจดี", "กิตติ", "อรุณี", "Somchai", "somchai", "Anna", "บริษัท ก", "เกษม",
    "ไพโรจน์", "Zed", "ฐิติ", "ปรีชา", "ชาย|ท่อ", "50% off",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rng = g_rand_new_with_seed (20261123);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 other = make_user_id (f->store, "somchai", 0);
  guint n_somchai = 0, n_so = 0;
  RcrmLeadQuery query;
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (rcrm_store_begin (f->store, &error));
  for (guint i = 0; i < N_PAGING; i++)
    {
      g_autoptr(RcrmLead) lead = new_lead (names[g_rand_int_range (rng, 0, G_N_ELEMENTS (names))],
                                           i % 3 == 0 ? other : f->admin_id, f->standard_id,
                                           g_rand_int_range (rng, 0, 4));

      lead->value = g_rand_int_range (rng, 0, 40) * 50000;
      lead->unfollowed = i % 10 == 0;
      if (strstr (lead->name, "สมชาย") != NULL)
        n_somchai++;
      if (strstr (lead->name, "So") != NULL || strstr (lead->name, "so") != NULL)
        n_so++;
      g_assert_true (rcrm_store_lead_insert (f->store, lead, &error));
      g_assert_no_error (error);
      g_array_append_val (ids, lead->id);
    }
  g_assert_true (rcrm_store_commit (f->store, &error));

  /* spread the times over a few values, with many ties */
  db = raw_open (f->path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE leads SET last_activity_at = ?, created_at = ?, updated_at = ? "
                                       "WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_exec (db, "BEGIN"), ==, SQLITE_OK);
  for (guint i = 0; i < ids->len; i++)
    {
      for (int p = 1; p <= 3; p++)
        {
          g_autofree char *t = g_strdup_printf ("2026-%02d-%02dT09:%02d:00Z", g_rand_int_range (rng, 1, 13),
                                                g_rand_int_range (rng, 1, 29), g_rand_int_range (rng, 0, 3));

          sqlite3_bind_text (stmt, p, t, -1, SQLITE_TRANSIENT);
        }
      sqlite3_bind_int64 (stmt, 4, g_array_index (ids, gint64, i));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  g_assert_cmpint (raw_exec (db, "COMMIT"), ==, SQLITE_OK);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  for (RcrmLeadSort sort = RCRM_LEAD_SORT_ACTIVITY; sort <= RCRM_LEAD_SORT_VALUE; sort++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GPtrArray) all = NULL;

        query_init (&query);
        query.state_mask = 7;
        query.sort = sort;
        query.descending = descending;
        query.limit = 50;
        all = page_all (f->store, &query, N_PAGING);
        check_order (all, sort, descending, N_PAGING);

        /* the inbox of one owner, odd page size */
        g_ptr_array_unref (all);
        query.state_mask = 0;
        query.owner_id = other;
        query.limit = 37;
        all = page_all (f->store, &query, count_matches (f->store, &query));
        check_order (all, sort, descending, (guint) count_matches (f->store, &query));

        /* few matches (sorted, not walked) */
        g_ptr_array_unref (all);
        query.step = 0;
        query.limit = 10;
        all = page_all (f->store, &query, count_matches (f->store, &query));
        check_order (all, sort, descending, (guint) count_matches (f->store, &query));
        g_assert_cmpuint (all->len, >, 20);
        query.step = -1;

        /* through search results: index-driven (≥ 3 characters) and LIKE */
        g_ptr_array_unref (all);
        query.owner_id = 0;
        query.state_mask = 7;
        query.limit = 20;
        query.q = "สมชาย";
        all = page_all (f->store, &query, n_somchai);
        check_order (all, sort, descending, n_somchai);
        g_ptr_array_unref (all);
        query.q = "sO";
        all = page_all (f->store, &query, n_so);
        check_order (all, sort, descending, n_so);
      }

  /* offset for random access, and next_cursor from there */
  {
    g_autoptr(GPtrArray) all = NULL;
    g_autoptr(GPtrArray) page = NULL;
    g_autoptr(GPtrArray) page2 = NULL;
    g_autofree char *next = NULL;
    g_autofree char *next2 = NULL;
    gint64 total = 0;

    query_init (&query);
    query.state_mask = 7;
    query.sort = RCRM_LEAD_SORT_NAME;
    query.descending = FALSE;
    query.limit = 100;
    all = page_all (f->store, &query, N_PAGING);

    query.offset = 1200;
    page = rcrm_store_lead_list (f->store, &query, &total, &next, &error);
    g_assert_no_error (error);
    g_assert_cmpint (total, ==, N_PAGING);
    g_assert_cmpuint (page->len, ==, 34);
    g_assert_null (next);

    query.offset = 500;
    query.limit = 10;
    g_ptr_array_unref (page);
    page = rcrm_store_lead_list (f->store, &query, &total, &next, &error);
    g_assert_cmpuint (page->len, ==, 10);
    g_assert_cmpint (((RcrmLead *) g_ptr_array_index (page, 0))->id, ==,
                     ((RcrmLead *) g_ptr_array_index (all, 500))->id);
    g_assert_nonnull (next);
    query.cursor = next;
    page2 = rcrm_store_lead_list (f->store, &query, &total, &next2, &error);
    g_assert_no_error (error);
    g_assert_cmpint (((RcrmLead *) g_ptr_array_index (page2, 0))->id, ==,
                     ((RcrmLead *) g_ptr_array_index (all, 510))->id);

    /* cursors are checked */
    {
      static const char * const bad[] = { "", "x", "!!!!", "djF8MHxkfGZvb3w1", "djF8M3xhfDEwfDA", "AAAA" };

      for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
        {
          g_autoptr(GPtrArray) none = NULL;

          query.cursor = bad[i];
          none = rcrm_store_lead_list (f->store, &query, &total, NULL, &error);
          g_assert_null (none);
          g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_BAD_CURSOR);
          g_clear_error (&error);
        }
      /* a cursor of another sort or direction */
      query.cursor = next;
      query.descending = TRUE;
      g_assert_null (rcrm_store_lead_list (f->store, &query, &total, NULL, &error));
      g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_BAD_CURSOR);
      g_clear_error (&error);
      query.descending = FALSE;
      query.sort = RCRM_LEAD_SORT_VALUE;
      g_assert_null (rcrm_store_lead_list (f->store, &query, &total, NULL, &error));
      g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_BAD_CURSOR);
      g_clear_error (&error);
    }
  }
}

/* ---- search -------------------------------------------------------------- */

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) somchai = new_lead ("นายสมชายใจดี", f->admin_id, f->standard_id, 0);
  g_autoptr(RcrmLead) anna = new_lead ("Anna Lee", f->admin_id, f->standard_id, 3);
  g_autoptr(RcrmLead) odd = new_lead ("100% \"จริง\" a_b\\c", f->admin_id, f->standard_id, 0);
  gint64 landline;

  somchai->phone = g_strdup ("+66812345678");
  somchai->email = g_strdup ("somchai.jaidee@gmail.com");
  g_assert_true (rcrm_store_lead_insert (f->store, somchai, &error));
  anna->company = g_strdup ("ห้างหุ้นส่วนจำกัด ลีแอนด์ซันส์");
  anna->tax_id = g_strdup ("0105536000315");
  anna->unfollowed = TRUE;
  anna->unfollow_reason = g_strdup ("ซื้อที่อื่น");
  g_assert_true (rcrm_store_lead_insert (f->store, anna, &error));
  g_assert_true (rcrm_store_lead_insert (f->store, odd, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RcrmLead) lead = new_lead ("ร้านข้าวแกง", f->admin_id, f->standard_id, 0);

    lead->phone = g_strdup ("+6621234567");
    g_assert_true (rcrm_store_lead_insert (f->store, lead, &error));
    landline = lead->id;
  }

  /* Thai substrings with no spaces, 3+ code points (trigram index) */
  assert_ids (search_ids (f->store, "สมชาย"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "  ใจดี  "), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "นายสมชายใจดี"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "ลีแอนด์"), anna->id, (gint64) 0);
  assert_ids (search_ids (f->store, "สมหญิง"), (gint64) 0);
  /* under 3 code points (LIKE) */
  assert_ids (search_ids (f->store, "ใจ"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "ส"), somchai->id, anna->id, (gint64) 0);
  assert_ids (search_ids (f->store, "an"), anna->id, (gint64) 0);
  /* Latin case-insensitive */
  assert_ids (search_ids (f->store, "ANNA"), anna->id, (gint64) 0);
  assert_ids (search_ids (f->store, "SomChai.JAI"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "LE"), anna->id, (gint64) 0);
  /* phones: E.164, local digits, with separators */
  assert_ids (search_ids (f->store, "+66812345678"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "0812345678"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "081-234"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "081 234 5678"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "+66 81 234"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "(02) 123-4567"), landline, (gint64) 0);
  assert_ids (search_ids (f->store, "5678"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "8-1"), somchai->id, (gint64) 0);
  /* tax ID */
  assert_ids (search_ids (f->store, "05536"), anna->id, (gint64) 0);
  /* quotes and LIKE wildcards are plain characters */
  assert_ids (search_ids (f->store, "\"จริง\""), odd->id, (gint64) 0);
  assert_ids (search_ids (f->store, "0%"), odd->id, (gint64) 0);
  assert_ids (search_ids (f->store, "%"), odd->id, (gint64) 0);
  assert_ids (search_ids (f->store, "a_b"), odd->id, (gint64) 0);
  assert_ids (search_ids (f->store, "_"), odd->id, (gint64) 0);
  assert_ids (search_ids (f->store, "\\"), odd->id, (gint64) 0);
  assert_ids (search_ids (f->store, "\"\""), (gint64) 0);
  assert_ids (search_ids (f->store, "a OR b NEAR("), (gint64) 0);
  /* blank = no filter */
  assert_ids (search_ids (f->store, "   "), somchai->id, anna->id, odd->id, landline, (gint64) 0);

  /* the index follows updates */
  g_free (somchai->name);
  somchai->name = g_strdup ("นางสาวมาลี");
  g_assert_true (rcrm_store_lead_update (f->store, somchai, 1, &error));
  g_assert_no_error (error);
  assert_ids (search_ids (f->store, "สมชาย"), (gint64) 0);
  assert_ids (search_ids (f->store, "มาลี"), somchai->id, (gint64) 0);
  assert_ids (search_ids (f->store, "081-234"), somchai->id, (gint64) 0);

  /* the state filter still applies */
  {
    RcrmLeadQuery query;

    query_init (&query);
    query.q = "Anna";
    assert_ids (match_ids (f->store, &query), (gint64) 0);
    query.state_mask = RCRM_LEAD_STATE_UNFOLLOWED;
    assert_ids (match_ids (f->store, &query), anna->id, (gint64) 0);
  }
}

/* ---- transactions -------------------------------------------------------- */

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(RcrmLead) bad = NULL;
  g_autoptr(RcrmLead) got = NULL;
  gint64 lead_id, kept_id, bad_label = 4242;
  sqlite3 *db;

  /* a transaction rolled back leaves nothing */
  g_assert_true (rcrm_store_begin (f->store, &error));
  make_user_id (f->store, "ghost", 0);
  lead = insert_lead (f->store, "ผีสมชาย", f->admin_id, f->standard_id, 0);
  lead_id = lead->id;
  add_note (f->store, lead_id, f->admin_id, "note", "บันทึก", 0);
  {
    g_autoptr(RcrmUser) ghost = rcrm_store_user_get_by_username (f->store, "ghost", &error);

    g_assert_no_error (error);
    g_assert_nonnull (ghost);
  }
  rcrm_store_rollback (f->store);

  g_assert_cmpuint (rcrm_store_user_count (f->store, &error), ==, 1);
  g_assert_null (rcrm_store_lead_get (f->store, lead_id, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_ids (search_ids (f->store, "สมชาย"), (gint64) 0);

  /* rollback and commit outside a transaction */
  rcrm_store_rollback (f->store);
  g_assert_false (rcrm_store_commit (f->store, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* inside a transaction, a failed operation undoes only itself */
  g_assert_true (rcrm_store_begin (f->store, &error));
  kept_id = insert_lead_id (f->store, "เก็บไว้", f->admin_id, f->standard_id, 0);
  bad = new_lead ("ไม่ควรมี", f->admin_id, f->standard_id, 0);
  g_array_append_val (bad->label_ids, bad_label);
  g_assert_false (rcrm_store_lead_insert (f->store, bad, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (bad->id, ==, 0);
  /* nested begin / commit are savepoints */
  g_assert_true (rcrm_store_begin (f->store, &error));
  make_user_id (f->store, "inner", 0);
  rcrm_store_rollback (f->store);
  g_assert_true (rcrm_store_begin (f->store, &error));
  make_user_id (f->store, "inner2", 0);
  g_assert_true (rcrm_store_commit (f->store, &error));
  g_assert_true (rcrm_store_commit (f->store, &error));
  g_assert_no_error (error);

  got = rcrm_store_lead_get (f->store, kept_id, &error);
  g_assert_no_error (error);
  assert_ids (search_ids (f->store, "ไม่ควรมี"), (gint64) 0);
  assert_ids (search_ids (f->store, "เก็บไว้"), kept_id, (gint64) 0);
  g_assert_cmpuint (rcrm_store_user_count (f->store, &error), ==, 2);
  g_assert_null (rcrm_store_user_get_by_username (f->store, "inner", &error));
  g_clear_error (&error);

  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM leads"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM leads_fts"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM lead_labels"), ==, 0);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM timeline"), ==, 0);
  sqlite3_close (db);
}

/* ---- accounts, labels, audit --------------------------------------------- */

static void
test_accounts_labels_audit (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = rcrm_account_new ();
  g_autoptr(RcrmAccount) copy = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GArray) owned = NULL;
  gint64 somchai = make_user_id (f->store, "somchai", 0);
  gint64 system, mine, theirs;
  sqlite3 *db;

  account->name = g_strdup ("บริษัท ตัวอย่าง จำกัด");
  account->tax_id = g_strdup ("0105536000315");
  account->branch = g_strdup ("head_office");
  account->owner_id = somchai;
  g_assert_true (rcrm_store_account_insert (f->store, account, &error));
  g_assert_no_error (error);
  copy = rcrm_store_account_get (f->store, account->id, &error);
  g_assert_cmpstr (copy->status, ==, "pending");
  g_assert_cmpstr (copy->custom_json, ==, "{}");
  g_assert_false (copy->has_location);
  g_assert_false (copy->favourite);

  copy->has_location = TRUE;
  copy->latitude = 18.7883;
  copy->longitude = 98.9853;
  copy->favourite = TRUE;
  g_free (copy->status);
  copy->status = g_strdup ("confirmed");
  g_assert_true (rcrm_store_account_update (f->store, copy, 1, &error));
  g_assert_cmpint (copy->version, ==, 2);
  g_assert_false (rcrm_store_account_update (f->store, account, 1, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE);
  g_clear_error (&error);
  g_clear_pointer (&copy, rcrm_account_free);
  copy = rcrm_store_account_get (f->store, account->id, &error);
  g_assert_true (copy->has_location);
  g_assert_cmpfloat_with_epsilon (copy->latitude, 18.7883, 1e-9);
  g_assert_cmpfloat_with_epsilon (copy->longitude, 98.9853, 1e-9);
  g_assert_cmpstr (copy->status, ==, "confirmed");
  g_assert_true (copy->favourite);
  g_assert_null (rcrm_store_account_get (f->store, 4242, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  owned = rcrm_store_account_ids_by_owner (f->store, somchai, &error);
  g_assert_cmpuint (owned->len, ==, 1);

  system = make_label (f->store, "VIP", "system", 0);
  mine = make_label (f->store, "ของฉัน", "personal", somchai);
  theirs = make_label (f->store, "ของแอดมิน", "personal", f->admin_id);
  labels = rcrm_store_label_list_for (f->store, somchai, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (labels->len, ==, 2);
  g_assert_cmpint (((RcrmLabel *) g_ptr_array_index (labels, 0))->id, ==, system);
  g_assert_cmpint (((RcrmLabel *) g_ptr_array_index (labels, 1))->id, ==, mine);
  {
    g_autoptr(RcrmLabel) label = rcrm_store_label_get (f->store, theirs, &error);

    g_assert_cmpstr (label->kind, ==, "personal");
    g_assert_cmpint (label->owner_id, ==, f->admin_id);
    g_assert_cmpstr (label->color, ==, "#E01B24");
  }

  g_assert_true (rcrm_store_audit_insert (f->store, f->admin_id, "lead.create", "lead", 7, NULL, &error));
  g_assert_true (rcrm_store_audit_insert (f->store, 0, "demo.fill", "system", 0, "{\"leads\":3}", &error));
  g_assert_no_error (error);
  db = raw_open (f->path);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM audit WHERE actor_id IS NULL AND entity_id IS NULL"), ==, 1);
  sqlite3_close (db);
}


/* ---- migration 2: the accounts register, contacts, labels, segments, forms -- */

static gint64
count_accounts (RcrmStore        *store,
                RcrmAccountQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  gint64 total = -1;

  if (query->limit == 0)
    query->limit = 50;
  page = rcrm_store_account_list (store, query, &total, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (page);
  return total;
}

static void
test_accounts_register (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = rcrm_account_new ();
  g_autoptr(RcrmAccount) copy = NULL;
  g_autoptr(RcrmContact) contact = rcrm_contact_new ();
  g_autoptr(RcrmSegment) segment = rcrm_segment_new ();
  g_autoptr(RcrmSegment) segment_copy = NULL;
  g_autoptr(RcrmForm) form = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(RcrmLead) lead_copy = NULL;
  g_autoptr(GArray) usage = NULL;
  g_autoptr(GPtrArray) won = NULL;
  gint64 somchai = make_user_id (f->store, "somchai", 0);
  gint64 other = make_user_id (f->store, "other", 0);
  gint64 vip = make_label (f->store, "VIP", "system", 0);
  gint64 count = 0, value = 0;
  RcrmAccountQuery query = { 0 };
  GArray *ids;

  /* an account with labels and a province; search and filters */
  account->name = g_strdup ("บริษัท ทดสอบทะเบียน จำกัด");
  account->phone = g_strdup ("+6621234567");
  account->province = g_strdup ("เชียงใหม่");
  account->owner_id = somchai;
  g_array_append_val (account->label_ids, vip);
  g_assert_true (rcrm_store_account_insert (f->store, account, &error));
  g_assert_no_error (error);
  copy = rcrm_store_account_get (f->store, account->id, &error);
  g_assert_cmpstr (copy->province, ==, "เชียงใหม่");
  g_assert_cmpuint (copy->label_ids->len, ==, 1);
  g_assert_cmpint (copy->contact_count, ==, 0);
  query.q = "ทดสอบทะเบียน";
  g_assert_cmpint (count_accounts (f->store, &query), ==, 1);
  query.q = "021234567";
  g_assert_cmpint (count_accounts (f->store, &query), ==, 1);
  query.q = NULL;
  query.province = "เชียงใหม่";
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (ids, vip);
  query.label_ids = ids;
  g_assert_cmpint (count_accounts (f->store, &query), ==, 1);
  query.visible_to = other;
  g_assert_cmpint (count_accounts (f->store, &query), ==, 0);
  g_assert_false (rcrm_store_account_visible_to (f->store, account->id, other, &error));
  g_assert_no_error (error);

  /* holding a lead on it makes it visible; winning it adds to the totals */
  lead = new_lead ("ลีดของคนอื่น", other, f->standard_id, 0);
  lead->account_id = account->id;
  lead->value = 1500;
  g_assert_true (rcrm_store_lead_insert (f->store, lead, &error));
  g_assert_null (lead->closed_at);
  g_assert_true (rcrm_store_account_visible_to (f->store, account->id, other, &error));
  g_assert_cmpint (count_accounts (f->store, &query), ==, 1);
  lead->step = 3;
  g_assert_true (rcrm_store_lead_update (f->store, lead, lead->version, &error));
  g_assert_nonnull (lead->closed_at);
  lead_copy = rcrm_store_lead_get (f->store, lead->id, &error);
  g_assert_cmpstr (lead_copy->closed_at, ==, lead->closed_at);
  g_assert_true (rcrm_store_account_won_totals (f->store, account->id, &count, &value, &error));
  g_assert_cmpint (count, ==, 1);
  g_assert_cmpint (value, ==, 1500);
  won = rcrm_store_account_won_leads (f->store, account->id, somchai, 10, &error);
  g_assert_cmpuint (won->len, ==, 0);   /* somchai does not see other's lead */
  g_clear_pointer (&won, g_ptr_array_unref);
  won = rcrm_store_account_won_leads (f->store, account->id, 0, 10, &error);
  g_assert_cmpuint (won->len, ==, 1);
  query.visible_to = 0;
  query.has_value_min = TRUE;
  query.value_min = 1501;
  g_assert_cmpint (count_accounts (f->store, &query), ==, 0);
  query.value_min = 1500;
  g_assert_cmpint (count_accounts (f->store, &query), ==, 1);

  /* contacts */
  contact->account_id = account->id;
  contact->name = g_strdup ("คุณติดต่อ");
  g_assert_true (rcrm_store_contact_insert (f->store, contact, &error));
  g_assert_cmpint (rcrm_store_contact_count (f->store, account->id, &error), ==, 1);
  g_free (contact->position);
  contact->position = g_strdup ("จัดซื้อ");
  g_assert_true (rcrm_store_contact_update (f->store, contact, 1, &error));
  g_assert_false (rcrm_store_contact_update (f->store, contact, 1, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE);
  g_clear_error (&error);
  g_clear_pointer (&copy, rcrm_account_free);
  copy = rcrm_store_account_get (f->store, account->id, &error);
  g_assert_cmpint (copy->contact_count, ==, 1);
  g_assert_true (rcrm_store_contact_delete (f->store, contact->id, &error));
  g_assert_false (rcrm_store_contact_delete (f->store, contact->id, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* usage, then deleting the label: off the records and segment filters */
  usage = rcrm_store_label_usage (f->store, 0, &error);
  g_assert_cmpuint (usage->len, ==, 1);
  g_assert_cmpint (g_array_index (usage, RcrmLabelUsage, 0).accounts, ==, 1);
  segment->name = g_strdup ("VIP");
  segment->entity = g_strdup ("accounts");
  segment->owner_id = somchai;
  g_free (segment->filter_json);
  segment->filter_json = g_strdup_printf ("{\"label_ids\":[%" G_GINT64_FORMAT ",999],\"province\":\"น่าน\"}", vip);
  g_assert_true (rcrm_store_segment_insert (f->store, segment, &error));
  g_assert_true (rcrm_store_label_delete (f->store, vip, &error));
  g_assert_no_error (error);
  g_clear_pointer (&copy, rcrm_account_free);
  copy = rcrm_store_account_get (f->store, account->id, &error);
  g_assert_cmpuint (copy->label_ids->len, ==, 0);
  g_assert_cmpint (copy->version, ==, 2);
  segment_copy = rcrm_store_segment_get (f->store, segment->id, &error);
  g_assert_cmpstr (segment_copy->filter_json, ==, "{\"label_ids\":[999],\"province\":\"น่าน\"}");
  g_assert_cmpint (segment_copy->version, ==, 2);
  g_assert_false (rcrm_store_label_delete (f->store, vip, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* forms: one row per entity, version-checked */
  form = rcrm_store_form_get (f->store, "lead", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (form->fields->len, ==, 0);
  g_assert_cmpint (form->version, ==, 1);
  {
    RcrmFormField *field = rcrm_form_field_new ();

    field->key = g_strdup ("size");
    field->label = g_strdup ("ขนาด");
    field->type = g_strdup ("choice");
    field->choices = g_strsplit ("S,M,L", ",", -1);
    field->required = TRUE;
    g_ptr_array_add (form->fields, field);
  }
  g_assert_true (rcrm_store_form_put (f->store, form, 1, &error));
  g_assert_false (rcrm_store_form_put (f->store, form, 1, &error));
  g_assert_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE);
  g_clear_error (&error);
  g_clear_pointer (&form, rcrm_form_free);
  form = rcrm_store_form_get (f->store, "lead", &error);
  g_assert_cmpint (form->version, ==, 2);
  g_assert_cmpuint (form->fields->len, ==, 1);
  g_assert_cmpstr (rcrm_form_find (form, "size")->choices[2], ==, "L");
  g_assert_true (rcrm_form_find (form, "size")->required);
  g_array_unref (ids);
}

/* R25 at store level: each field alone, several fields naming one lead once,
 * states, and NULL / empty values never matching */
static void
test_duplicates (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const in_progress[] = { "in_progress", NULL };
  static const char * const all[] = { "closed", "in_progress", "unfollowed", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) a = new_lead ("ก", f->admin_id, f->standard_id, 0);
  g_autoptr(RcrmLead) b = new_lead ("ข", f->admin_id, f->standard_id, 0);
  g_autoptr(RcrmLead) blank = new_lead ("ค", f->admin_id, f->standard_id, 0);
  GPtrArray *m;
  RcrmLeadMatch *x;

  a->phone = g_strdup ("+66812345678");
  a->email = g_strdup ("a@example.com");
  a->tax_id = g_strdup ("0105536000315");
  b->phone = g_strdup ("+66812345678");
  b->unfollowed = TRUE;
  b->unfollow_reason = g_strdup ("ซื้อที่อื่น");
  blank->email = g_strdup ("");
  g_assert_true (rcrm_store_lead_insert (f->store, a, &error));
  g_assert_true (rcrm_store_lead_insert (f->store, b, &error));
  g_assert_true (rcrm_store_lead_insert (f->store, blank, &error));
  g_assert_no_error (error);

  m = rcrm_store_lead_duplicates (f->store, "+66812345678", "a@example.com", "0105536000315", all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->len, ==, 2);
  x = g_ptr_array_index (m, 0);
  g_assert_cmpint (x->lead_id, ==, a->id);
  g_assert_cmpstr (x->name, ==, "ก");
  g_assert_cmpint (x->owner_id, ==, f->admin_id);
  g_assert_cmpstr (x->state, ==, "in_progress");
  g_assert_cmpuint (x->matched, ==, RCRM_MATCH_PHONE | RCRM_MATCH_EMAIL | RCRM_MATCH_TAX_ID);
  x = g_ptr_array_index (m, 1);
  g_assert_cmpint (x->lead_id, ==, b->id);
  g_assert_cmpstr (x->state, ==, "unfollowed");
  g_assert_cmpuint (x->matched, ==, RCRM_MATCH_PHONE);
  g_ptr_array_unref (m);

  m = rcrm_store_lead_duplicates (f->store, "+66812345678", NULL, NULL, in_progress, &error);
  g_assert_cmpuint (m->len, ==, 1);
  g_ptr_array_unref (m);
  m = rcrm_store_lead_duplicates (f->store, NULL, NULL, "0105536000315", all, &error);
  g_assert_cmpuint (m->len, ==, 1);
  g_assert_cmpuint (((RcrmLeadMatch *) g_ptr_array_index (m, 0))->matched, ==, RCRM_MATCH_TAX_ID);
  g_ptr_array_unref (m);
  m = rcrm_store_lead_duplicates (f->store, "+66812345678", NULL, NULL, none, &error);
  g_assert_cmpuint (m->len, ==, 0);
  g_ptr_array_unref (m);
  m = rcrm_store_lead_duplicates (f->store, NULL, "", NULL, all, &error);
  g_assert_cmpuint (m->len, ==, 0);
  g_ptr_array_unref (m);
  m = rcrm_store_lead_duplicates (f->store, NULL, NULL, NULL, all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (m->len, ==, 0);
  g_ptr_array_unref (m);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open-migrations", test_open_migrations);
  g_test_add ("/store/users", Fixture, NULL, fixture_setup, test_users, fixture_teardown);
  g_test_add ("/store/teams", Fixture, NULL, fixture_setup, test_teams, fixture_teardown);
  g_test_add ("/store/sessions-settings", Fixture, NULL, fixture_setup, test_sessions_settings, fixture_teardown);
  g_test_add ("/store/pipelines", Fixture, NULL, fixture_setup, test_pipelines, fixture_teardown);
  g_test_add ("/store/lead-crud", Fixture, NULL, fixture_setup, test_lead_crud, fixture_teardown);
  g_test_add ("/store/timeline", Fixture, NULL, fixture_setup, test_timeline, fixture_teardown);
  g_test_add ("/store/list-filters", Fixture, NULL, fixture_setup, test_list_filters, fixture_teardown);
  g_test_add ("/store/visibility", Fixture, NULL, fixture_setup, test_visibility, fixture_teardown);
  g_test_add ("/store/paging", Fixture, NULL, fixture_setup, test_paging, fixture_teardown);
  g_test_add ("/store/search", Fixture, NULL, fixture_setup, test_search, fixture_teardown);
  g_test_add ("/store/rollback", Fixture, NULL, fixture_setup, test_rollback, fixture_teardown);
  g_test_add ("/store/accounts-labels-audit", Fixture, NULL, fixture_setup, test_accounts_labels_audit,
              fixture_teardown);
  g_test_add ("/store/duplicates", Fixture, NULL, fixture_setup, test_duplicates, fixture_teardown);
  g_test_add ("/store/accounts-register", Fixture, NULL, fixture_setup, test_accounts_register, fixture_teardown);

  return g_test_run ();
}
