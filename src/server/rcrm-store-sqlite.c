/* rcrm-store-sqlite.c — the SQLite backend of RcrmStore; the only file with SQL.
 *
 * Every statement is constant text with bound parameters.  The lead list and
 * the pipeline summary assemble their WHERE clauses from constant fragments
 * chosen in code; every value is still bound.  Prepared statements are kept
 * in a cache keyed by their SQL text and reset when the caller's scope ends
 * (g_autoptr (CachedStmt)).
 *
 * Transactions nest: the outermost rcrm_store_begin() is BEGIN IMMEDIATE,
 * inner ones are savepoints.  A write made of several statements (a lead with
 * its labels and search row, a timeline entry and the lead's activity time)
 * wraps itself the same way, so it is atomic alone and, inside a caller's
 * transaction, leaves nothing behind when it fails.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "rcrm-store-private.h"
#include "rcrm-store-sqlite.h"

/* ---- schema -------------------------------------------------------------- */

/* Migration 1: everything.  Each migration runs in its own transaction and
 * ends by setting user_version to its number.  Never edit a released
 * migration; add the next one. */
static const char migration_1[] =
  "CREATE TABLE teams ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL,"
  "  lead_id INTEGER REFERENCES users (id),"
  "  distribution TEXT NOT NULL DEFAULT 'none'"
  "    CHECK (distribution IN ('none', 'round_robin', 'fewest_open')),"
  "  rr_last_user_id INTEGER REFERENCES users (id),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX teams_lead ON teams (lead_id);"

  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  username TEXT NOT NULL UNIQUE,"
  "  display_name TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('admin', 'user')),"
  "  team_id INTEGER REFERENCES teams (id),"
  "  phone TEXT,"
  "  email TEXT,"
  "  password_hash TEXT NOT NULL,"
  "  signature BLOB,"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX users_team ON users (team_id);"

  "CREATE TABLE sessions ("
  "  token_hash TEXT PRIMARY KEY,"
  "  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
  "  created_at TEXT NOT NULL,"
  "  expires_at TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE INDEX sessions_user ON sessions (user_id, expires_at);"

  "CREATE TABLE settings ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  json TEXT NOT NULL CHECK (json_valid (json)),"
  "  updated_at TEXT NOT NULL,"
  "  version INTEGER NOT NULL"
  ");"

  "CREATE TABLE pipelines ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL,"
  "  standard INTEGER NOT NULL DEFAULT 0 CHECK (standard IN (0, 1)),"
  "  steps TEXT NOT NULL CHECK (json_valid (steps) AND json_type (steps) = 'array'),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE UNIQUE INDEX pipelines_one_standard ON pipelines (standard) WHERE standard = 1;"

  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL,"
  "  tax_id TEXT,"
  "  branch TEXT,"
  "  address TEXT,"
  "  phone TEXT,"
  "  email TEXT,"
  "  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'sold')),"
  "  latitude REAL,"
  "  longitude REAL,"
  "  owner_id INTEGER REFERENCES users (id),"
  "  favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),"
  "  custom_json TEXT NOT NULL DEFAULT '{}',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1,"
  "  CHECK ((latitude IS NULL) = (longitude IS NULL))"
  ");"
  "CREATE INDEX accounts_owner ON accounts (owner_id);"
  "CREATE INDEX accounts_tax_id ON accounts (tax_id);"
  "CREATE INDEX accounts_phone ON accounts (phone);"
  "CREATE INDEX accounts_email ON accounts (email);"

  "CREATE TABLE labels ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL,"
  "  color TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('system', 'personal')),"
  "  owner_id INTEGER REFERENCES users (id),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX labels_owner ON labels (owner_id);"

  "CREATE TABLE leads ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL,"
  "  company TEXT,"
  "  phone TEXT,"
  "  email TEXT,"
  "  tax_id TEXT,"
  "  source TEXT,"
  "  value INTEGER NOT NULL DEFAULT 0,"
  "  owner_id INTEGER NOT NULL REFERENCES users (id),"
  "  pipeline_id INTEGER NOT NULL REFERENCES pipelines (id),"
  "  step INTEGER NOT NULL CHECK (step >= 0),"
  "  unfollowed INTEGER NOT NULL DEFAULT 0 CHECK (unfollowed IN (0, 1)),"
  "  unfollow_reason TEXT,"
  "  state TEXT NOT NULL CHECK (state IN ('in_progress', 'closed', 'unfollowed')),"
  "  account_id INTEGER REFERENCES accounts (id),"
  "  custom_json TEXT NOT NULL DEFAULT '{}',"
  "  created_by INTEGER REFERENCES users (id),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  last_activity_at TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX leads_state_activity ON leads (state, last_activity_at, id);"
  "CREATE INDEX leads_state_created ON leads (state, created_at, id);"
  "CREATE INDEX leads_state_updated ON leads (state, updated_at, id);"
  "CREATE INDEX leads_state_name ON leads (state, name, id);"
  "CREATE INDEX leads_state_value ON leads (state, value, id);"
  "CREATE INDEX leads_owner ON leads (owner_id, state);"
  /* with state, owner and value the board's counts and sums read only the index */
  "CREATE INDEX leads_pipeline_step ON leads (pipeline_id, step, state, owner_id, value);"
  "CREATE INDEX leads_account ON leads (account_id);"
  "CREATE INDEX leads_phone ON leads (phone);"
  "CREATE INDEX leads_email ON leads (email);"
  "CREATE INDEX leads_tax_id ON leads (tax_id);"

  "CREATE TABLE lead_labels ("
  "  lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,"
  "  label_id INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (lead_id, label_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX lead_labels_label ON lead_labels (label_id, lead_id);"

  /* Notes and events.  R5: rows are never deleted or changed; the only
   * update allowed is setting body to NULL (PDPA erasure, R26).  The insert
   * trigger stops INSERT OR REPLACE, which would delete the old row without
   * firing the delete trigger. */
  "CREATE TABLE timeline ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  lead_id INTEGER NOT NULL REFERENCES leads (id),"
  "  actor_id INTEGER REFERENCES users (id),"
  "  kind TEXT NOT NULL,"
  "  body TEXT,"
  "  corrects_id INTEGER REFERENCES timeline (id),"
  "  data_json TEXT NOT NULL DEFAULT '{}',"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE INDEX timeline_lead ON timeline (lead_id, id);"
  "CREATE TRIGGER timeline_no_delete BEFORE DELETE ON timeline "
  "BEGIN SELECT RAISE (ABORT, 'rcrm: timeline is append-only'); END;"
  "CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline "
  "WHEN NEW.body IS NOT NULL"
  "  OR NEW.id IS NOT OLD.id OR NEW.lead_id IS NOT OLD.lead_id OR NEW.actor_id IS NOT OLD.actor_id"
  "  OR NEW.kind IS NOT OLD.kind OR NEW.corrects_id IS NOT OLD.corrects_id"
  "  OR NEW.data_json IS NOT OLD.data_json OR NEW.created_at IS NOT OLD.created_at "
  "BEGIN SELECT RAISE (ABORT, 'rcrm: timeline is append-only'); END;"
  "CREATE TRIGGER timeline_no_replace BEFORE INSERT ON timeline "
  "WHEN EXISTS (SELECT 1 FROM timeline WHERE id = NEW.id) "
  "BEGIN SELECT RAISE (ABORT, 'rcrm: timeline is append-only'); END;"

  "CREATE TABLE audit ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  at TEXT NOT NULL,"
  "  actor_id INTEGER,"
  "  action TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  entity_id INTEGER,"
  "  details_json TEXT"
  ");"
  "CREATE INDEX audit_entity ON audit (entity, entity_id);"

  /* rowid = leads.id; doc = name, company, phone (E.164 and local), e-mail
   * and tax ID, one per line; written by the store with the lead */
  "CREATE VIRTUAL TABLE leads_fts USING fts5 (doc, tokenize = 'trigram');"

  "PRAGMA user_version = 1;";

/* Migration 2: accounts register, contacts, labels on accounts, segments,
 * custom forms (R2–R4, R11–R13, R22). */
static const char migration_2[] =
  /* when a lead last reached its closing step (R3: the account's purchase
   * history); existing closed leads get their last change as the best guess */
  "ALTER TABLE leads ADD COLUMN closed_at TEXT;"
  "UPDATE leads SET closed_at = updated_at WHERE state = 'closed';"
  "CREATE INDEX leads_account_closed ON leads (account_id, state, closed_at);"

  /* the province of an account (segments, register filter): given, or read
   * from the address — here only the "จังหวัดX" and Bangkok forms */
  "ALTER TABLE accounts ADD COLUMN province TEXT;"
  "UPDATE accounts SET province = CASE"
  "  WHEN instr (address, 'จังหวัด') > 0 THEN"
  "    nullif (rtrim (substr (substr (address, instr (address, 'จังหวัด') + 7), 1,"
  "      instr (substr (address, instr (address, 'จังหวัด') + 7) || ' ', ' ') - 1), ','), '')"
  "  WHEN instr (address, 'กรุงเทพ') > 0 OR instr (address, 'กทม') > 0 THEN 'กรุงเทพมหานคร'"
  "  END "
  "WHERE address IS NOT NULL;"
  "CREATE INDEX accounts_province ON accounts (province);"
  "CREATE INDEX accounts_name ON accounts (name, id);"
  "CREATE INDEX accounts_created ON accounts (created_at, id);"
  "CREATE INDEX accounts_updated ON accounts (updated_at, id);"

  "CREATE TABLE account_labels ("
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  label_id INTEGER NOT NULL REFERENCES labels (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (account_id, label_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX account_labels_label ON account_labels (label_id, account_id);"

  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  name TEXT NOT NULL,"
  "  position TEXT,"
  "  phone TEXT,"
  "  email TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX contacts_account ON contacts (account_id, id);"

  "CREATE TABLE segments ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL,"
  "  entity TEXT NOT NULL CHECK (entity IN ('leads', 'accounts')),"
  "  shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),"
  "  owner_id INTEGER NOT NULL REFERENCES users (id),"
  "  filter_json TEXT NOT NULL DEFAULT '{}'"
  "    CHECK (json_valid (filter_json) AND json_type (filter_json) = 'object'),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX segments_owner ON segments (owner_id);"

  /* one row per form; fields is the JSON array of field definitions */
  "CREATE TABLE forms ("
  "  entity TEXT PRIMARY KEY CHECK (entity IN ('lead', 'account')),"
  "  fields TEXT NOT NULL CHECK (json_valid (fields) AND json_type (fields) = 'array'),"
  "  updated_at TEXT NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 1"
  ") WITHOUT ROWID;"
  "INSERT INTO forms (entity, fields, updated_at, version) VALUES"
  "  ('lead', '[]', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), 1),"
  "  ('account', '[]', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), 1);"

  /* rowid = accounts.id; doc = name, tax ID, phone (E.164 and local), e-mail,
   * one per line (account_search_doc); written by the store with the account */
  "CREATE VIRTUAL TABLE accounts_fts USING fts5 (doc, tokenize = 'trigram');"
  "INSERT INTO accounts_fts (rowid, doc) SELECT id, name"
  "  || CASE WHEN coalesce (tax_id, '') <> '' THEN char (10) || tax_id ELSE '' END"
  "  || CASE WHEN coalesce (phone, '') <> '' THEN char (10) || phone ELSE '' END"
  "  || CASE WHEN phone GLOB '+66[0-9]*' THEN char (10) || '0' || substr (phone, 4) ELSE '' END"
  "  || CASE WHEN coalesce (email, '') <> '' THEN char (10) || email ELSE '' END "
  "FROM accounts;"

  "PRAGMA user_version = 2;";

/* Migration 3: PDPA erasure (R26).  An erased lead keeps its row for the
 * anonymous figures (value, step, owner, dates) but loses every personal
 * value and disappears from reads; its notes lose their text and its events
 * the data that could hold personal values (unfollow reasons).  The
 * append-only trigger now also lets data_json become '{}' — still nothing
 * else. */
static const char migration_3[] =
  "ALTER TABLE leads ADD COLUMN erased_at TEXT;"
  "DROP TRIGGER timeline_no_update;"
  "CREATE TRIGGER timeline_no_update BEFORE UPDATE ON timeline "
  "WHEN NEW.body IS NOT NULL"
  "  OR NEW.id IS NOT OLD.id OR NEW.lead_id IS NOT OLD.lead_id OR NEW.actor_id IS NOT OLD.actor_id"
  "  OR NEW.kind IS NOT OLD.kind OR NEW.corrects_id IS NOT OLD.corrects_id"
  "  OR (NEW.data_json IS NOT OLD.data_json AND NEW.data_json IS NOT '{}')"
  "  OR NEW.created_at IS NOT OLD.created_at "
  "BEGIN SELECT RAISE (ABORT, 'rcrm: timeline is append-only'); END;"
  "PRAGMA user_version = 3;";

/* Migration 4: every list reads "erased_at IS NULL" (R26); the sort indexes
 * become partial indexes on it, so counting and paging the inbox read the
 * index alone again, and erased leads are not even in them. */
static const char migration_4[] =
  "DROP INDEX leads_state_activity;"
  "CREATE INDEX leads_state_activity ON leads (state, last_activity_at, id) WHERE erased_at IS NULL;"
  "DROP INDEX leads_state_created;"
  "CREATE INDEX leads_state_created ON leads (state, created_at, id) WHERE erased_at IS NULL;"
  "DROP INDEX leads_state_updated;"
  "CREATE INDEX leads_state_updated ON leads (state, updated_at, id) WHERE erased_at IS NULL;"
  "DROP INDEX leads_state_name;"
  "CREATE INDEX leads_state_name ON leads (state, name, id) WHERE erased_at IS NULL;"
  "DROP INDEX leads_state_value;"
  "CREATE INDEX leads_state_value ON leads (state, value, id) WHERE erased_at IS NULL;"
  "PRAGMA user_version = 4;";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
};

#define APPEND_ONLY_MESSAGE "rcrm: timeline is append-only"

/* ---- the store ----------------------------------------------------------- */

typedef struct {
  RcrmStore   parent;
  sqlite3    *db;
  GHashTable *stmts;        /* SQL text → sqlite3_stmt, owned */
  guint       tx_depth;     /* 0 = autocommit, 1 = BEGIN IMMEDIATE, >1 = savepoints */
  gint        schema_version;
} RcrmStoreSqlite;

#define SELF(store) ((RcrmStoreSqlite *) (store))

/* statements handed out by stmt_get: the cache owns them; leaving the
 * g_autoptr scope resets them and drops their bindings */
typedef sqlite3_stmt CachedStmt;

static void
cached_stmt_release (CachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStmt, cached_stmt_release)

/* dynamic SQL (lead list, summary) can make many texts; start over past this */
#define STMT_CACHE_MAX 256

static const RcrmStoreBackend sqlite_backend;

/* ---- errors -------------------------------------------------------------- */

/* rc: an (extended) SQLite result code; the message is sqlite3_errmsg, which
 * names tables and columns but never values */
static void
set_db_error (RcrmStoreSqlite  *self,
              int               rc,
              GError          **error)
{
  const char *message = sqlite3_errmsg (self->db);
  RcrmStoreError code = RCRM_STORE_ERROR_FAILED;

  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      code = RCRM_STORE_ERROR_EXISTS;
      break;
    case SQLITE_CONSTRAINT_TRIGGER:
      if (strstr (message, APPEND_ONLY_MESSAGE) != NULL)
        code = RCRM_STORE_ERROR_APPEND_ONLY;
      break;
    default:
      break;
    }
  g_set_error (error, RCRM_STORE_ERROR, code, "SQLite: %s (%s)", message, sqlite3_errstr (rc));
}

static gboolean
fail_not_found (GError     **error,
                const char  *what,
                gint64       id)
{
  g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND,
               "No %s with id %" G_GINT64_FORMAT, what, id);
  return FALSE;
}

/* ---- statements ---------------------------------------------------------- */

static CachedStmt *
stmt_get (RcrmStoreSqlite  *self,
          const char       *sql,
          GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);
  const char *tail = NULL;
  int rc;

  if (stmt != NULL)
    {
      /* one use at a time: a statement is reset when its scope ends */
      g_assert (!sqlite3_stmt_busy (stmt));
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, rc, error);
      return NULL;
    }
  g_assert (stmt != NULL);
  g_assert (tail == NULL || *tail == '\0');
  g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
  return stmt;
}

static void
stmt_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Only between operations, when no statement is in use. */
static void
stmt_cache_trim (RcrmStoreSqlite *self)
{
  if (g_hash_table_size (self->stmts) > STMT_CACHE_MAX)
    g_hash_table_remove_all (self->stmts);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* ids: 0 (absent) is NULL */
static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_int (sqlite3_stmt *stmt,
          int           index,
          gint64        value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gint64
column_int (sqlite3_stmt *stmt,
            int           column)
{
  return sqlite3_column_int64 (stmt, column);
}

/* Runs a statement that returns no rows. */
static gboolean
stmt_run (RcrmStoreSqlite  *self,
          sqlite3_stmt     *stmt,
          GError          **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Steps once: TRUE with *has_row, or FALSE with error. */
static gboolean
stmt_next (RcrmStoreSqlite  *self,
           sqlite3_stmt     *stmt,
           gboolean         *has_row,
           GError          **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *has_row = TRUE;
      return TRUE;
    }
  *has_row = FALSE;
  if (rc == SQLITE_DONE)
    return TRUE;
  set_db_error (self, rc, error);
  return FALSE;
}

static gboolean
exec_simple (RcrmStoreSqlite  *self,
             const char       *sql,
             GError          **error)
{
  g_autoptr(CachedStmt) stmt = stmt_get (self, sql, error);

  return stmt != NULL && stmt_run (self, stmt, error);
}

/* SELECT with one integer parameter and one integer result; *out = fallback
 * when there is no row or the value is NULL */
static gboolean
query_int (RcrmStoreSqlite  *self,
           const char       *sql,
           gint64            param,
           gint64            fallback,
           gint64           *out,
           GError          **error)
{
  g_autoptr(CachedStmt) stmt = stmt_get (self, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, 1, param);
  if (!stmt_next (self, stmt, &has_row, error))
    return FALSE;
  *out = has_row && sqlite3_column_type (stmt, 0) != SQLITE_NULL ? column_int (stmt, 0) : fallback;
  return TRUE;
}

/* SELECT id … WHERE x = ? ORDER BY id → GArray of gint64 */
static GArray *
query_ids (RcrmStoreSqlite  *self,
           const char       *sql,
           gint64            param,
           GError          **error)
{
  g_autoptr(CachedStmt) stmt = stmt_get (self, sql, error);
  g_autoptr(GArray) ids = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  bind_id (stmt, 1, param);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (;;)
    {
      gint64 id;

      if (!stmt_next (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      id = column_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

/* After an UPDATE … WHERE id = ? AND version = ? changed nothing: tells
 * missing from stale.  exists_sql: SELECT 1 FROM t WHERE id = ? */
static gboolean
fail_version (RcrmStoreSqlite  *self,
              const char       *exists_sql,
              const char       *what,
              gint64            id,
              GError          **error)
{
  gint64 exists = 0;

  if (!query_int (self, exists_sql, id, 0, &exists, error))
    return FALSE;
  if (!exists)
    return fail_not_found (error, what, id);
  g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE,
               "The %s with id %" G_GINT64_FORMAT " was changed by someone else", what, id);
  return FALSE;
}

static char *
now_rfc3339 (RcrmStoreSqlite *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->parent.fixed_now != NULL)
    return g_strdup (self->parent.fixed_now);
  now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* ---- transactions -------------------------------------------------------- */

static gboolean
tx_begin (RcrmStoreSqlite  *self,
          GError          **error)
{
  if (self->tx_depth > 0 && sqlite3_get_autocommit (self->db))
    {
      g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED,
                           "The open transaction was rolled back by the database");
      return FALSE;
    }
  if (!exec_simple (self, self->tx_depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT rcrm_nested", error))
    return FALSE;
  self->tx_depth++;
  return TRUE;
}

static gboolean
tx_commit (RcrmStoreSqlite  *self,
           GError          **error)
{
  if (self->tx_depth == 0)
    {
      g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED, "No transaction to commit");
      return FALSE;
    }
  if (sqlite3_get_autocommit (self->db))
    {
      /* an I/O or memory error made SQLite roll back on its own */
      self->tx_depth = 0;
      g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED,
                           "The transaction was rolled back by the database");
      return FALSE;
    }
  if (!exec_simple (self, self->tx_depth == 1 ? "COMMIT" : "RELEASE rcrm_nested", error))
    {
      if (sqlite3_get_autocommit (self->db))
        self->tx_depth = 0;
      return FALSE;
    }
  self->tx_depth--;
  return TRUE;
}

static void
tx_rollback (RcrmStoreSqlite *self)
{
  g_autoptr(GError) error = NULL;

  if (sqlite3_get_autocommit (self->db))
    {
      self->tx_depth = 0;
      return;
    }
  if (self->tx_depth <= 1)
    {
      if (!exec_simple (self, "ROLLBACK", &error))
        g_warning ("rcrm-store: %s", error->message);
      self->tx_depth = 0;
      return;
    }
  if (!exec_simple (self, "ROLLBACK TO rcrm_nested", &error)
      || !exec_simple (self, "RELEASE rcrm_nested", &error))
    g_warning ("rcrm-store: %s", error->message);
  self->tx_depth--;
}

/* the end of a self-wrapped operation: commit when ok, else roll back */
static gboolean
tx_end (RcrmStoreSqlite  *self,
        gboolean          ok,
        GError          **error)
{
  if (ok && tx_commit (self, error))
    return TRUE;
  tx_rollback (self);
  return FALSE;
}

static gboolean
sqlite_begin (RcrmStore  *store,
              GError    **error)
{
  return tx_begin (SELF (store), error);
}

static gboolean
sqlite_commit (RcrmStore  *store,
               GError    **error)
{
  return tx_commit (SELF (store), error);
}

static void
sqlite_rollback (RcrmStore *store)
{
  tx_rollback (SELF (store));
}

static gint
sqlite_schema_version (RcrmStore *store)
{
  return SELF (store)->schema_version;
}

/* ---- open and close ------------------------------------------------------ */

static gboolean
exec_script (RcrmStoreSqlite  *self,
             const char       *sql,
             GError          **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED, "SQLite: %s",
                   message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_user_version (RcrmStoreSqlite  *self,
                   gint             *out,
                   GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_db_error (self, rc, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
migrate (RcrmStoreSqlite  *self,
         GError          **error)
{
  gint version;

  if (!read_user_version (self, &version, error))
    return FALSE;
  if (version > (gint) G_N_ELEMENTS (migrations))
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED,
                   "The database is at schema version %d; this server knows only up to %d",
                   version, (gint) G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (gint n = version + 1; n <= (gint) G_N_ELEMENTS (migrations); n++)
    {
      g_autoptr(GError) local_error = NULL;
      gint reached = 0;

      if (!exec_script (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!exec_script (self, migrations[n - 1], &local_error)
          || !read_user_version (self, &reached, &local_error)
          || !exec_script (self, "COMMIT", &local_error))
        {
          if (!sqlite3_get_autocommit (self->db))
            exec_script (self, "ROLLBACK", NULL);
          g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED,
                       "Migration %d failed: %s", n, local_error->message);
          return FALSE;
        }
      g_assert (reached == n);
    }

  return read_user_version (self, &self->schema_version, error);
}

RcrmStore *
rcrm_store_sqlite_open (const char  *path,
                        GError     **error)
{
  g_autofree RcrmStoreSqlite *self = g_new0 (RcrmStoreSqlite, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *journal = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self->parent.backend = &sqlite_backend;
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED, "Cannot open the database “%s”: %s",
                   path, self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      sqlite3_close (self->db);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_finalize);

  if (!exec_script (self, "PRAGMA busy_timeout = 5000", &local_error))
    goto fail;

  /* journal_mode answers the mode it is in ("memory" for ":memory:") */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    journal = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    set_db_error (self, rc, &local_error);
  sqlite3_finalize (stmt);
  if (journal == NULL)
    goto fail;
  if (g_ascii_strcasecmp (journal, "wal") != 0 && g_ascii_strcasecmp (journal, "memory") != 0)
    {
      g_set_error (&local_error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED,
                   "Cannot switch the database to WAL mode (it is in “%s” mode)", journal);
      goto fail;
    }

  if (!exec_script (self,
                    "PRAGMA synchronous = FULL;"
                    "PRAGMA foreign_keys = ON;"
                    "PRAGMA secure_delete = ON;"
                    "PRAGMA analysis_limit = 1000;",
                    &local_error)
      || !migrate (self, &local_error))
    goto fail;

  return (RcrmStore *) g_steal_pointer (&self);

fail:
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "Cannot open the database “%s”: ", path);
  g_hash_table_destroy (self->stmts);
  sqlite3_close (self->db);
  return NULL;
}

static void
sqlite_close (RcrmStore *store)
{
  RcrmStoreSqlite *self = SELF (store);
  int rc;

  if (self->tx_depth > 0 || !sqlite3_get_autocommit (self->db))
    {
      g_warning ("rcrm-store: closing with an open transaction; rolling it back");
      exec_script (self, "ROLLBACK", NULL);
      self->tx_depth = 0;
    }
  g_hash_table_destroy (self->stmts);
  self->stmts = NULL;

  if (!exec_script (self, "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);", NULL))
    g_warning ("rcrm-store: checkpoint at close failed: %s", sqlite3_errmsg (self->db));
  rc = sqlite3_close (self->db);
  if (rc != SQLITE_OK)
    {
      g_warning ("rcrm-store: close failed: %s", sqlite3_errstr (rc));
      sqlite3_close_v2 (self->db);
    }
  g_free (self);
}

/* ---- users --------------------------------------------------------------- */

#define USER_COLUMNS \
  "id, username, display_name, role, team_id, phone, email, password_hash, signature IS NOT NULL, " \
  "active, created_at, updated_at, version"

typedef gpointer (*RowReader) (sqlite3_stmt *stmt);

/* The one row `sql` selects for a bound id, read by `read`; NOT_FOUND names `what`. */
static gpointer
get_by_id (RcrmStoreSqlite  *self,
           const char       *sql,
           gint64            id,
           RowReader         read,
           const char       *what,
           GError          **error)
{
  g_autoptr(CachedStmt) stmt = stmt_get (self, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  bind_int (stmt, 1, id);
  if (!stmt_next (self, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      fail_not_found (error, what, id);
      return NULL;
    }
  return read (stmt);
}

static RcrmUser *
user_from_row (sqlite3_stmt *stmt)
{
  RcrmUser *user = rcrm_user_new ();

  user->id = column_int (stmt, 0);
  user->username = column_text (stmt, 1);
  user->display_name = column_text (stmt, 2);
  user->role = column_text (stmt, 3);
  user->team_id = column_int (stmt, 4);
  user->phone = column_text (stmt, 5);
  user->email = column_text (stmt, 6);
  user->password_hash = column_text (stmt, 7);
  user->has_signature = column_int (stmt, 8) != 0;
  user->active = column_int (stmt, 9) != 0;
  user->created_at = column_text (stmt, 10);
  user->updated_at = column_text (stmt, 11);
  user->version = column_int (stmt, 12);
  return user;
}

static gboolean
sqlite_user_insert (RcrmStore  *store,
                    RcrmUser   *user,
                    GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "INSERT INTO users (username, display_name, role, team_id, phone, email, password_hash, "
                   "active, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, user->username);
  bind_text (stmt, 2, user->display_name);
  bind_text (stmt, 3, user->role);
  bind_id (stmt, 4, user->team_id);
  bind_text (stmt, 5, user->phone);
  bind_text (stmt, 6, user->email);
  bind_text (stmt, 7, user->password_hash);
  bind_int (stmt, 8, user->active ? 1 : 0);
  bind_text (stmt, 9, now);
  bind_text (stmt, 10, now);
  if (!stmt_run (self, stmt, error))
    return FALSE;

  user->id = sqlite3_last_insert_rowid (self->db);
  user->has_signature = FALSE;
  user->version = 1;
  g_free (user->created_at);
  user->created_at = g_strdup (now);
  g_free (user->updated_at);
  user->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static RcrmUser *
user_get_by (RcrmStoreSqlite  *self,
             const char       *sql,
             gint64            id,
             const char       *username,
             GError          **error)
{
  g_autoptr(CachedStmt) stmt = stmt_get (self, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  if (username != NULL)
    bind_text (stmt, 1, username);
  else
    bind_int (stmt, 1, id);
  if (!stmt_next (self, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      if (username != NULL)
        g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND, "No user with this username");
      else
        fail_not_found (error, "user", id);
      return NULL;
    }
  return user_from_row (stmt);
}

static RcrmUser *
sqlite_user_get (RcrmStore  *store,
                 gint64      id,
                 GError    **error)
{
  return user_get_by (SELF (store), "SELECT " USER_COLUMNS " FROM users WHERE id = ?", id, NULL, error);
}

static RcrmUser *
sqlite_user_get_by_username (RcrmStore   *store,
                             const char  *username,
                             GError     **error)
{
  return user_get_by (SELF (store), "SELECT " USER_COLUMNS " FROM users WHERE username = ?", 0, username, error);
}

typedef gpointer (*RowReader) (sqlite3_stmt *stmt);

/* every row of a parameterless query, read into records */
static GPtrArray *
query_records (RcrmStoreSqlite  *self,
               sqlite3_stmt     *stmt,
               RowReader         read,
               GDestroyNotify    free_func,
               GError          **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (free_func);
  gboolean has_row;

  for (;;)
    {
      if (!stmt_next (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      g_ptr_array_add (records, read (stmt));
    }
  return g_steal_pointer (&records);
}

static GPtrArray *
sqlite_user_list (RcrmStore  *store,
                  GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT " USER_COLUMNS " FROM users ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  return query_records (self, stmt, (RowReader) user_from_row, (GDestroyNotify) rcrm_user_free, error);
}

static guint
sqlite_user_count (RcrmStore  *store,
                   GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT count(*) FROM users", error);
  gboolean has_row;

  if (stmt == NULL || !stmt_next (self, stmt, &has_row, error))
    return 0;
  return (guint) column_int (stmt, 0);
}

static gboolean
sqlite_user_update (RcrmStore  *store,
                    RcrmUser   *user,
                    gint64      expected_version,
                    GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "UPDATE users SET display_name = ?, role = ?, team_id = ?, phone = ?, email = ?, "
                   "password_hash = ?, active = ?, updated_at = ?, version = version + 1 "
                   "WHERE id = ? AND version = ?",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, user->display_name);
  bind_text (stmt, 2, user->role);
  bind_id (stmt, 3, user->team_id);
  bind_text (stmt, 4, user->phone);
  bind_text (stmt, 5, user->email);
  bind_text (stmt, 6, user->password_hash);
  bind_int (stmt, 7, user->active ? 1 : 0);
  bind_text (stmt, 8, now);
  bind_int (stmt, 9, user->id);
  bind_int (stmt, 10, expected_version);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_version (self, "SELECT 1 FROM users WHERE id = ?", "user", user->id, error);

  user->version = expected_version + 1;
  g_free (user->updated_at);
  user->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static gboolean
sqlite_user_set_signature (RcrmStore  *store,
                           gint64      user_id,
                           GBytes     *png,
                           GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "UPDATE users SET signature = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                   error);
  if (stmt == NULL)
    return FALSE;
  if (png == NULL)
    sqlite3_bind_null (stmt, 1);
  else if (g_bytes_get_size (png) == 0)
    sqlite3_bind_zeroblob (stmt, 1, 0);
  else
    sqlite3_bind_blob64 (stmt, 1, g_bytes_get_data (png, NULL), g_bytes_get_size (png), SQLITE_TRANSIENT);
  bind_text (stmt, 2, now);
  bind_int (stmt, 3, user_id);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_not_found (error, "user", user_id);
  return TRUE;
}

static GBytes *
sqlite_user_get_signature (RcrmStore  *store,
                           gint64      user_id,
                           GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT signature FROM users WHERE id = ?", error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  bind_int (stmt, 1, user_id);
  if (!stmt_next (self, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      fail_not_found (error, "user", user_id);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND,
                   "User %" G_GINT64_FORMAT " has no signature", user_id);
      return NULL;
    }
  return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
}

static GArray *
sqlite_team_member_ids (RcrmStore  *store,
                        gint64      team_id,
                        GError    **error)
{
  return query_ids (SELF (store), "SELECT id FROM users WHERE team_id = ? AND active = 1 ORDER BY id",
                    team_id, error);
}

/* ---- sessions ------------------------------------------------------------ */

static gboolean
sqlite_session_insert (RcrmStore   *store,
                       const char  *token_hash,
                       gint64       user_id,
                       const char  *expires_at,
                       GError     **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autofree char *now = now_rfc3339 (self);
  gboolean ok;

  if (!tx_begin (self, error))
    return FALSE;

  /* the user's expired sessions go at the same time */
  {
    g_autoptr(CachedStmt) stmt = stmt_get (self, "DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?",
                                           error);

    ok = stmt != NULL;
    if (ok)
      {
        bind_int (stmt, 1, user_id);
        bind_text (stmt, 2, now);
        ok = stmt_run (self, stmt, error);
      }
  }
  if (ok)
    {
      g_autoptr(CachedStmt) stmt = stmt_get (self,
                                             "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                                             "VALUES (?, ?, ?, ?)",
                                             error);

      ok = stmt != NULL;
      if (ok)
        {
          bind_text (stmt, 1, token_hash);
          bind_int (stmt, 2, user_id);
          bind_text (stmt, 3, now);
          bind_text (stmt, 4, expires_at);
          ok = stmt_run (self, stmt, error);
        }
    }
  return tx_end (self, ok, error);
}

static gint64
sqlite_session_lookup (RcrmStore   *store,
                       const char  *token_hash,
                       const char  *now,
                       GError     **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self,
                                         "SELECT user_id FROM sessions WHERE token_hash = ? AND expires_at > ?",
                                         error);
  gboolean has_row;

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, token_hash);
  bind_text (stmt, 2, now);
  if (!stmt_next (self, stmt, &has_row, error) || !has_row)
    return 0;
  return column_int (stmt, 0);
}

static gboolean
sqlite_session_delete (RcrmStore   *store,
                       const char  *token_hash,
                       GError     **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "DELETE FROM sessions WHERE token_hash = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, token_hash);
  return stmt_run (self, stmt, error);
}

static gboolean
sqlite_session_delete_user (RcrmStore  *store,
                            gint64      user_id,
                            GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "DELETE FROM sessions WHERE user_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, 1, user_id);
  return stmt_run (self, stmt, error);
}

/* ---- settings ------------------------------------------------------------ */

static char *
sqlite_settings_get (RcrmStore  *store,
                     gint64     *version,
                     GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT json, version FROM settings WHERE id = 1", error);
  gboolean has_row;

  if (version != NULL)
    *version = 0;
  if (stmt == NULL || !stmt_next (self, stmt, &has_row, error) || !has_row)
    return NULL;
  if (version != NULL)
    *version = column_int (stmt, 1);
  return column_text (stmt, 0);
}

static gboolean
sqlite_settings_put (RcrmStore   *store,
                     const char  *json,
                     gint64       expected_version,
                     gint64      *new_version,
                     GError     **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  if (expected_version == 0)
    stmt = stmt_get (self,
                     "INSERT INTO settings (id, json, updated_at, version) VALUES (1, ?1, ?2, 1) "
                     "ON CONFLICT (id) DO NOTHING",
                     error);
  else
    stmt = stmt_get (self,
                     "UPDATE settings SET json = ?1, updated_at = ?2, version = version + 1 "
                     "WHERE id = 1 AND version = ?3",
                     error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, json);
  bind_text (stmt, 2, now);
  if (expected_version != 0)
    bind_int (stmt, 3, expected_version);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE,
                           "The settings were changed by someone else");
      return FALSE;
    }
  if (new_version != NULL)
    *new_version = expected_version + 1;
  return TRUE;
}

/* ---- teams --------------------------------------------------------------- */

#define TEAM_COLUMNS "id, name, lead_id, distribution, created_at, updated_at, version"

static RcrmTeam *
team_from_row (sqlite3_stmt *stmt)
{
  RcrmTeam *team = rcrm_team_new ();

  team->id = column_int (stmt, 0);
  team->name = column_text (stmt, 1);
  team->lead_id = column_int (stmt, 2);
  g_free (team->distribution);
  team->distribution = column_text (stmt, 3);
  team->created_at = column_text (stmt, 4);
  team->updated_at = column_text (stmt, 5);
  team->version = column_int (stmt, 6);
  return team;
}

static gboolean
sqlite_team_insert (RcrmStore  *store,
                    RcrmTeam   *team,
                    GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "INSERT INTO teams (name, lead_id, distribution, created_at, updated_at, version) "
                   "VALUES (?1, ?2, coalesce (?3, 'none'), ?4, ?4, 1)",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, team->name);
  bind_id (stmt, 2, team->lead_id);
  bind_text (stmt, 3, team->distribution);
  bind_text (stmt, 4, now);
  if (!stmt_run (self, stmt, error))
    return FALSE;

  team->id = sqlite3_last_insert_rowid (self->db);
  team->version = 1;
  if (team->distribution == NULL)
    team->distribution = g_strdup ("none");
  g_free (team->created_at);
  team->created_at = g_strdup (now);
  g_free (team->updated_at);
  team->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static RcrmTeam *
sqlite_team_get (RcrmStore  *store,
                 gint64      id,
                 GError    **error)
{
  return get_by_id (SELF (store), "SELECT " TEAM_COLUMNS " FROM teams WHERE id = ?", id,
                    (RowReader) team_from_row, "team", error);
}

static GPtrArray *
sqlite_team_list (RcrmStore  *store,
                  GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT " TEAM_COLUMNS " FROM teams ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  return query_records (self, stmt, (RowReader) team_from_row, (GDestroyNotify) rcrm_team_free, error);
}

static gboolean
sqlite_team_update (RcrmStore  *store,
                    RcrmTeam   *team,
                    gint64      expected_version,
                    GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "UPDATE teams SET name = ?, lead_id = ?, distribution = coalesce (?, 'none'), updated_at = ?, "
                   "version = version + 1 WHERE id = ? AND version = ?",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, team->name);
  bind_id (stmt, 2, team->lead_id);
  bind_text (stmt, 3, team->distribution);
  bind_text (stmt, 4, now);
  bind_int (stmt, 5, team->id);
  bind_int (stmt, 6, expected_version);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_version (self, "SELECT 1 FROM teams WHERE id = ?", "team", team->id, error);

  team->version = expected_version + 1;
  g_free (team->updated_at);
  team->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static gint64
sqlite_team_get_rr_last (RcrmStore  *store,
                         gint64      team_id,
                         GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT rr_last_user_id FROM teams WHERE id = ?", error);
  gboolean has_row;

  if (stmt == NULL)
    return 0;
  bind_int (stmt, 1, team_id);
  if (!stmt_next (self, stmt, &has_row, error))
    return 0;
  if (!has_row)
    {
      fail_not_found (error, "team", team_id);
      return 0;
    }
  return column_int (stmt, 0);
}

static gboolean
sqlite_team_set_rr_last (RcrmStore  *store,
                         gint64      team_id,
                         gint64      user_id,
                         GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "UPDATE teams SET rr_last_user_id = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_id (stmt, 1, user_id);
  bind_int (stmt, 2, team_id);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_not_found (error, "team", team_id);
  return TRUE;
}

/* ---- pipelines ----------------------------------------------------------- */

#define PIPELINE_COLUMNS "id, name, standard, steps, created_at, updated_at, version"

static char *
steps_to_json (const char * const *steps)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    json_builder_add_string_value (builder, steps[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* the stored text is checked to be an array by the schema */
static GStrv
steps_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GStrvBuilder) steps = g_strv_builder_new ();
  JsonNode *root;

  if (text != NULL && json_parser_load_from_data (parser, text, -1, NULL)
      && (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (steps, json_node_get_string (node));
        }
    }
  return g_strv_builder_end (steps);
}

static RcrmPipeline *
pipeline_from_row (sqlite3_stmt *stmt)
{
  RcrmPipeline *pipeline = rcrm_pipeline_new ();

  pipeline->id = column_int (stmt, 0);
  pipeline->name = column_text (stmt, 1);
  pipeline->standard = column_int (stmt, 2) != 0;
  pipeline->steps = steps_from_json ((const char *) sqlite3_column_text (stmt, 3));
  pipeline->created_at = column_text (stmt, 4);
  pipeline->updated_at = column_text (stmt, 5);
  pipeline->version = column_int (stmt, 6);
  return pipeline;
}

static gboolean
sqlite_pipeline_insert (RcrmStore     *store,
                        RcrmPipeline  *pipeline,
                        GError       **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);
  g_autofree char *steps = steps_to_json ((const char * const *) pipeline->steps);

  stmt = stmt_get (self,
                   "INSERT INTO pipelines (name, standard, steps, created_at, updated_at, version) "
                   "VALUES (?1, ?2, ?3, ?4, ?4, 1)",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, pipeline->name);
  bind_int (stmt, 2, pipeline->standard ? 1 : 0);
  bind_text (stmt, 3, steps);
  bind_text (stmt, 4, now);
  if (!stmt_run (self, stmt, error))
    return FALSE;

  pipeline->id = sqlite3_last_insert_rowid (self->db);
  pipeline->version = 1;
  g_free (pipeline->created_at);
  pipeline->created_at = g_strdup (now);
  g_free (pipeline->updated_at);
  pipeline->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static RcrmPipeline *
pipeline_get_one (RcrmStoreSqlite  *self,
                  const char       *sql,
                  gint64            id,
                  GError          **error)
{
  g_autoptr(CachedStmt) stmt = stmt_get (self, sql, error);
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  if (id != 0)
    bind_int (stmt, 1, id);
  if (!stmt_next (self, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      if (id != 0)
        fail_not_found (error, "pipeline", id);
      else
        g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND, "No standard pipeline");
      return NULL;
    }
  return pipeline_from_row (stmt);
}

static RcrmPipeline *
sqlite_pipeline_get (RcrmStore  *store,
                     gint64      id,
                     GError    **error)
{
  if (id <= 0)
    {
      fail_not_found (error, "pipeline", id);
      return NULL;
    }
  return pipeline_get_one (SELF (store), "SELECT " PIPELINE_COLUMNS " FROM pipelines WHERE id = ?", id, error);
}

static RcrmPipeline *
sqlite_pipeline_get_standard (RcrmStore  *store,
                              GError    **error)
{
  return pipeline_get_one (SELF (store), "SELECT " PIPELINE_COLUMNS " FROM pipelines WHERE standard = 1",
                           0, error);
}

static GPtrArray *
sqlite_pipeline_list (RcrmStore  *store,
                      GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self,
                                         "SELECT " PIPELINE_COLUMNS " FROM pipelines ORDER BY standard DESC, id",
                                         error);

  if (stmt == NULL)
    return NULL;
  return query_records (self, stmt, (RowReader) pipeline_from_row, (GDestroyNotify) rcrm_pipeline_free, error);
}

static guint
sqlite_pipeline_count_custom (RcrmStore  *store,
                              GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT count(*) FROM pipelines WHERE standard = 0", error);
  gboolean has_row;

  if (stmt == NULL || !stmt_next (self, stmt, &has_row, error))
    return 0;
  return (guint) column_int (stmt, 0);
}

/* the number of steps of a pipeline, -1 when there is no such pipeline */
static gboolean
pipeline_n_steps (RcrmStoreSqlite  *self,
                  gint64            pipeline_id,
                  gint64           *n_steps,
                  GError          **error)
{
  return query_int (self, "SELECT json_array_length (steps) FROM pipelines WHERE id = ?", pipeline_id, -1,
                    n_steps, error);
}

/* the last step index of a lead's pipeline (number of steps − 1) */
static gboolean
pipeline_last_step (RcrmStoreSqlite  *self,
                    gint64            pipeline_id,
                    gint64           *last_step,
                    GError          **error)
{
  gint64 n_steps = -1;

  if (!pipeline_n_steps (self, pipeline_id, &n_steps, error))
    return FALSE;
  if (n_steps < 0)
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED,
                   "The lead refers to pipeline %" G_GINT64_FORMAT ", which does not exist", pipeline_id);
      return FALSE;
    }
  *last_step = n_steps - 1;
  return TRUE;
}

static gboolean
sqlite_pipeline_update (RcrmStore     *store,
                        RcrmPipeline  *pipeline,
                        gint64         expected_version,
                        GError       **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autofree char *now = now_rfc3339 (self);
  g_autofree char *steps = steps_to_json ((const char * const *) pipeline->steps);
  gint64 last_step = (gint64) rcrm_pipeline_n_steps (pipeline) - 1;
  gboolean ok;

  if (!tx_begin (self, error))
    return FALSE;
  {
    g_autoptr(CachedStmt) stmt = stmt_get (self,
                                           "UPDATE pipelines SET name = ?, steps = ?, updated_at = ?, "
                                           "version = version + 1 WHERE id = ? AND version = ?",
                                           error);

    ok = stmt != NULL;
    if (ok)
      {
        bind_text (stmt, 1, pipeline->name);
        bind_text (stmt, 2, steps);
        bind_text (stmt, 3, now);
        bind_int (stmt, 4, pipeline->id);
        bind_int (stmt, 5, expected_version);
        ok = stmt_run (self, stmt, error);
      }
    if (ok && sqlite3_changes (self->db) == 0)
      ok = fail_version (self, "SELECT 1 FROM pipelines WHERE id = ?", "pipeline", pipeline->id, error);
  }
  if (ok)
    {
      /* the last step may have moved: re-derive the state of every lead that
       * follows the pipeline (same rule as derive_state) */
      g_autoptr(CachedStmt) stmt = stmt_get (self,
                                             "UPDATE leads SET state = CASE WHEN step >= ?1 THEN 'closed' "
                                             "ELSE 'in_progress' END, "
                                             "closed_at = CASE WHEN step >= ?1 THEN ?3 END "
                                             "WHERE pipeline_id = ?2 AND unfollowed = 0 AND state <> CASE "
                                             "WHEN step >= ?1 THEN 'closed' ELSE 'in_progress' END",
                                             error);

      ok = stmt != NULL;
      if (ok)
        {
          bind_int (stmt, 1, last_step);
          bind_int (stmt, 2, pipeline->id);
          bind_text (stmt, 3, now);
          ok = stmt_run (self, stmt, error);
        }
    }
  if (!tx_end (self, ok, error))
    return FALSE;

  pipeline->version = expected_version + 1;
  g_free (pipeline->updated_at);
  pipeline->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static gboolean
sqlite_pipeline_delete (RcrmStore  *store,
                        gint64      id,
                        GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "DELETE FROM pipelines WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, 1, id);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_not_found (error, "pipeline", id);
  return TRUE;
}

static gint64
sqlite_pipeline_lead_count (RcrmStore  *store,
                            gint64      pipeline_id,
                            GError    **error)
{
  gint64 count = 0;

  query_int (SELF (store), "SELECT count(*) FROM leads WHERE pipeline_id = ?", pipeline_id, 0, &count, error);
  return count;
}

static gint
sqlite_pipeline_max_step (RcrmStore  *store,
                          gint64      pipeline_id,
                          GError    **error)
{
  gint64 max_step = -1;

  if (!query_int (SELF (store), "SELECT max (step) FROM leads WHERE pipeline_id = ?", pipeline_id, -1,
                  &max_step, error))
    return -1;
  return (gint) max_step;
}

/* ---- dynamic SQL --------------------------------------------------------- */

/* SQL assembled from constant fragments, with the values to bind in order */
typedef struct {
  GString   *sql;
  GPtrArray *texts;   /* owned strings the binds point into */
  GArray    *binds;   /* Bind */
} SqlBuilder;

typedef struct {
  const char *text;   /* NULL: number */
  gint64      number;
} Bind;

static void
sql_builder_init (SqlBuilder *b)
{
  b->sql = g_string_new (NULL);
  b->texts = g_ptr_array_new_with_free_func (g_free);
  b->binds = g_array_new (FALSE, FALSE, sizeof (Bind));
}

static void
sql_builder_clear (SqlBuilder *b)
{
  if (b->sql != NULL)
    g_string_free (b->sql, TRUE);
  g_clear_pointer (&b->texts, g_ptr_array_unref);
  g_clear_pointer (&b->binds, g_array_unref);
  b->sql = NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SqlBuilder, sql_builder_clear)

static void
sql_add (SqlBuilder *b,
         const char *fragment)
{
  g_string_append (b->sql, fragment);
}

static void
sql_bind_int (SqlBuilder *b,
              gint64      number)
{
  Bind bind = { NULL, number };

  g_array_append_val (b->binds, bind);
}

/* takes text */
static void
sql_bind_text_take (SqlBuilder *b,
                    char       *text)
{
  Bind bind = { text, 0 };

  g_ptr_array_add (b->texts, text);
  g_array_append_val (b->binds, bind);
}

/* binds b's values to stmt from parameter 1 on */
static void
sql_bind_all (SqlBuilder   *b,
              sqlite3_stmt *stmt)
{
  g_assert ((int) b->binds->len == sqlite3_bind_parameter_count (stmt));
  for (guint i = 0; i < b->binds->len; i++)
    {
      const Bind *bind = &g_array_index (b->binds, Bind, i);

      if (bind->text != NULL)
        sqlite3_bind_text (stmt, (int) i + 1, bind->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, (int) i + 1, bind->number);
    }
}

/* Runs the statement b built and appends every row, read by `read`, to out. */
static gboolean
collect_rows (RcrmStoreSqlite  *self,
              SqlBuilder       *b,
              RowReader         read,
              GPtrArray        *out,
              GError          **error)
{
  g_autoptr(CachedStmt) stmt = stmt_get (self, b->sql->str, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  sql_bind_all (b, stmt);
  for (;;)
    {
      if (!stmt_next (self, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        return TRUE;
      g_ptr_array_add (out, read (stmt));
    }
}

/* R14: the user's own leads and the leads of members of teams they lead */
#define VISIBLE_TO_FRAGMENT \
  " AND l.owner_id IN (SELECT u.id FROM users u WHERE u.id = ? " \
  "OR u.team_id IN (SELECT t.id FROM teams t WHERE t.lead_id = ?))"

static void
sql_add_visible_to (SqlBuilder *b,
                    gint64      user_id)
{
  sql_add (b, VISIBLE_TO_FRAGMENT);
  sql_bind_int (b, user_id);
  sql_bind_int (b, user_id);
}

/* ---- search -------------------------------------------------------------- */

/* q without blanks at both ends (Unicode blanks and zero-width spaces too);
 * NULL when nothing is left */
static char *
search_strip (const char *q)
{
  g_autofree char *valid = g_utf8_make_valid (q, -1);
  const char *start = valid;
  const char *end = valid + strlen (valid);

  while (*start != '\0')
    {
      gunichar c = g_utf8_get_char (start);

      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        break;
      start = g_utf8_next_char (start);
    }
  while (end > start)
    {
      const char *prev = g_utf8_find_prev_char (start, end);
      gunichar c;

      if (prev == NULL)
        prev = start;
      c = g_utf8_get_char (prev);
      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        break;
      end = prev;
    }
  if (end == start)
    return NULL;
  return g_strndup (start, (gsize) (end - start));
}

/* "081-234 5678", "+66 (81) 234" → digits with the leading + kept;
 * NULL when q is not shaped like a phone number or has no separators */
static char *
search_phone_digits (const char *q)
{
  GString *digits = g_string_new (NULL);
  gboolean separators = FALSE;

  for (const char *p = q; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) || (*p == '+' && p == q))
        g_string_append_c (digits, *p);
      else if (strchr (" -.()/", *p) != NULL)
        separators = TRUE;
      else
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  if (!separators || digits->len == 0 || g_str_equal (digits->str, "+"))
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

/* an FTS5 phrase: the text in double quotes, inner quotes doubled */
static void
append_fts_phrase (GString    *out,
                   const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* %text% for LIKE … ESCAPE '\' */
static char *
like_pattern (const char *text)
{
  GString *out = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

/* A search for q: terms of 3 or more code points use the trigram index
 * (MATCH); shorter ones a LIKE scan of the documents. */
typedef struct {
  char  *match;      /* FTS5 query: phrases joined by OR; NULL = none */
  char  *likes[2];   /* LIKE patterns */
  guint  n_likes;
} Search;

static void
search_clear (Search *search)
{
  g_clear_pointer (&search->match, g_free);
  for (guint i = 0; i < search->n_likes; i++)
    g_clear_pointer (&search->likes[i], g_free);
  search->n_likes = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Search, search_clear)

/* FALSE when q is blank: no search */
static gboolean
search_init (Search     *search,
             const char *q_in)
{
  g_autofree char *q = q_in != NULL ? search_strip (q_in) : NULL;
  g_autofree char *digits = NULL;
  const char *terms[2];
  guint n_terms = 0;
  GString *match = NULL;

  if (q == NULL)
    return FALSE;
  terms[n_terms++] = q;
  digits = search_phone_digits (q);
  if (digits != NULL && !g_str_equal (digits, q))
    terms[n_terms++] = digits;

  for (guint i = 0; i < n_terms; i++)
    {
      if (g_utf8_strlen (terms[i], -1) >= 3)
        {
          if (match == NULL)
            match = g_string_new (NULL);
          else
            g_string_append (match, " OR ");
          append_fts_phrase (match, terms[i]);
        }
      else
        search->likes[search->n_likes++] = like_pattern (terms[i]);
    }
  if (match != NULL)
    search->match = g_string_free (match, FALSE);
  return TRUE;
}

/* a subquery answering the rowids (= lead or account ids) that match in the
 * full-text table fts ("leads_fts" or "accounts_fts", a constant) */
static void
sql_add_search_in (SqlBuilder   *b,
                   const Search *search,
                   const char   *fts)
{
  if (search->match != NULL)
    {
      sql_add (b, "SELECT rowid AS id FROM ");
      sql_add (b, fts);
      sql_add (b, " WHERE ");
      sql_add (b, fts);
      sql_add (b, " MATCH ?");
      sql_bind_text_take (b, g_strdup (search->match));
      if (search->n_likes > 0)
        sql_add (b, " UNION ");
    }
  if (search->n_likes > 0)
    {
      sql_add (b, "SELECT rowid AS id FROM ");
      sql_add (b, fts);
      sql_add (b, " WHERE doc LIKE ? ESCAPE '\\'");
      sql_bind_text_take (b, g_strdup (search->likes[0]));
      if (search->n_likes > 1)
        {
          sql_add (b, " OR doc LIKE ? ESCAPE '\\'");
          sql_bind_text_take (b, g_strdup (search->likes[1]));
        }
    }
}

static void
sql_add_search (SqlBuilder   *b,
                const Search *search)
{
  sql_add_search_in (b, search, "leads_fts");
}

/* E.164 "+66812345678" → "0812345678"; NULL for anything else */
static char *
phone_local (const char *e164)
{
  if (e164 == NULL || !g_str_has_prefix (e164, "+66") || e164[3] == '\0')
    return NULL;
  for (const char *p = e164 + 3; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NULL;
  return g_strconcat ("0", e164 + 3, NULL);
}

static char *
lead_search_doc (const RcrmLead *lead)
{
  g_autofree char *local = phone_local (lead->phone);
  const char *parts[] = { lead->name, lead->company, lead->phone, local, lead->email, lead->tax_id };
  GString *doc = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (doc->len > 0)
        g_string_append_c (doc, '\n');
      g_string_append (doc, parts[i]);
    }
  return g_string_free (doc, FALSE);
}

/* ---- leads --------------------------------------------------------------- */

#define LEAD_COLUMNS \
  "l.id, l.name, l.company, l.phone, l.email, l.tax_id, l.source, l.value, l.owner_id, l.pipeline_id, " \
  "l.step, l.unfollowed, l.unfollow_reason, l.state, l.account_id, l.custom_json, l.created_by, " \
  "l.created_at, l.updated_at, l.last_activity_at, l.version, l.closed_at"

static RcrmLeadState
state_from_string (const char *text)
{
  if (g_strcmp0 (text, "closed") == 0)
    return RCRM_LEAD_STATE_CLOSED;
  if (g_strcmp0 (text, "unfollowed") == 0)
    return RCRM_LEAD_STATE_UNFOLLOWED;
  return RCRM_LEAD_STATE_IN_PROGRESS;
}

static RcrmLeadState
derive_state (const RcrmLead *lead,
              gint64          last_step)
{
  if (lead->unfollowed)
    return RCRM_LEAD_STATE_UNFOLLOWED;
  if (lead->step >= last_step)
    return RCRM_LEAD_STATE_CLOSED;
  return RCRM_LEAD_STATE_IN_PROGRESS;
}

static RcrmLead *
lead_from_row (sqlite3_stmt *stmt)
{
  RcrmLead *lead = rcrm_lead_new ();

  lead->id = column_int (stmt, 0);
  lead->name = column_text (stmt, 1);
  lead->company = column_text (stmt, 2);
  lead->phone = column_text (stmt, 3);
  lead->email = column_text (stmt, 4);
  lead->tax_id = column_text (stmt, 5);
  lead->source = column_text (stmt, 6);
  lead->value = column_int (stmt, 7);
  lead->owner_id = column_int (stmt, 8);
  lead->pipeline_id = column_int (stmt, 9);
  lead->step = (gint) column_int (stmt, 10);
  lead->unfollowed = column_int (stmt, 11) != 0;
  lead->unfollow_reason = column_text (stmt, 12);
  lead->state = state_from_string ((const char *) sqlite3_column_text (stmt, 13));
  lead->account_id = column_int (stmt, 14);
  g_free (lead->custom_json);
  lead->custom_json = column_text (stmt, 15);
  lead->created_by = column_int (stmt, 16);
  lead->created_at = column_text (stmt, 17);
  lead->updated_at = column_text (stmt, 18);
  lead->last_activity_at = column_text (stmt, 19);
  lead->version = column_int (stmt, 20);
  lead->closed_at = column_text (stmt, 21);
  return lead;
}

static gint
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* sorts and removes repeats, as RcrmLead promises */
static void
label_ids_normalize (GArray *ids)
{
  guint n = 0;

  if (ids == NULL || ids->len == 0)
    return;
  g_array_sort (ids, compare_gint64);
  for (guint i = 0; i < ids->len; i++)
    if (n == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, n - 1))
      g_array_index (ids, gint64, n++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, n);
}

/* binds parameters 1..15 shared by insert and update */
static void
bind_lead_fields (sqlite3_stmt   *stmt,
                  const RcrmLead *lead,
                  RcrmLeadState   state)
{
  bind_text (stmt, 1, lead->name);
  bind_text (stmt, 2, lead->company);
  bind_text (stmt, 3, lead->phone);
  bind_text (stmt, 4, lead->email);
  bind_text (stmt, 5, lead->tax_id);
  bind_text (stmt, 6, lead->source);
  bind_int (stmt, 7, lead->value);
  bind_id (stmt, 8, lead->owner_id);
  bind_id (stmt, 9, lead->pipeline_id);
  bind_int (stmt, 10, lead->step);
  bind_int (stmt, 11, lead->unfollowed ? 1 : 0);
  bind_text (stmt, 12, lead->unfollow_reason);
  bind_text (stmt, 13, rcrm_lead_state_to_string (state));
  bind_id (stmt, 14, lead->account_id);
  bind_text (stmt, 15, lead->custom_json != NULL ? lead->custom_json : "{}");
}

static gboolean
lead_write_labels (RcrmStoreSqlite  *self,
                   gint64            lead_id,
                   GArray           *label_ids,
                   gboolean          replace,
                   GError          **error)
{
  if (replace)
    {
      g_autoptr(CachedStmt) stmt = stmt_get (self, "DELETE FROM lead_labels WHERE lead_id = ?", error);

      if (stmt == NULL)
        return FALSE;
      bind_int (stmt, 1, lead_id);
      if (!stmt_run (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; label_ids != NULL && i < label_ids->len; i++)
    {
      g_autoptr(CachedStmt) stmt = stmt_get (self, "INSERT INTO lead_labels (lead_id, label_id) VALUES (?, ?)",
                                             error);

      if (stmt == NULL)
        return FALSE;
      bind_int (stmt, 1, lead_id);
      bind_int (stmt, 2, g_array_index (label_ids, gint64, i));
      if (!stmt_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
lead_write_search (RcrmStoreSqlite  *self,
                   const RcrmLead   *lead,
                   gint64            lead_id,
                   gboolean          replace,
                   GError          **error)
{
  g_autofree char *doc = lead_search_doc (lead);

  if (replace)
    {
      g_autoptr(CachedStmt) stmt = stmt_get (self, "DELETE FROM leads_fts WHERE rowid = ?", error);

      if (stmt == NULL)
        return FALSE;
      bind_int (stmt, 1, lead_id);
      if (!stmt_run (self, stmt, error))
        return FALSE;
    }

  {
    g_autoptr(CachedStmt) stmt = stmt_get (self, "INSERT INTO leads_fts (rowid, doc) VALUES (?, ?)", error);

    if (stmt == NULL)
      return FALSE;
    bind_int (stmt, 1, lead_id);
    bind_text (stmt, 2, doc);
    return stmt_run (self, stmt, error);
  }
}

static gboolean
lead_insert_rows (RcrmStoreSqlite  *self,
                  RcrmLead         *lead,
                  const char       *now,
                  RcrmLeadState    *state,
                  gint64           *id,
                  GError          **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gint64 last_step;

  if (!pipeline_last_step (self, lead->pipeline_id, &last_step, error))
    return FALSE;
  *state = derive_state (lead, last_step);

  stmt = stmt_get (self,
                   "INSERT INTO leads (name, company, phone, email, tax_id, source, value, owner_id, pipeline_id, "
                   "step, unfollowed, unfollow_reason, state, account_id, custom_json, created_by, created_at, "
                   "updated_at, last_activity_at, version, closed_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17, ?17, 1, "
                   "CASE WHEN ?13 = 'closed' THEN ?17 END)",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_lead_fields (stmt, lead, *state);
  bind_id (stmt, 16, lead->created_by);
  bind_text (stmt, 17, now);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);

  return lead_write_labels (self, *id, lead->label_ids, FALSE, error)
         && lead_write_search (self, lead, *id, FALSE, error);
}

static gboolean
sqlite_lead_insert (RcrmStore  *store,
                    RcrmLead   *lead,
                    GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autofree char *now = now_rfc3339 (self);
  RcrmLeadState state = RCRM_LEAD_STATE_IN_PROGRESS;
  gint64 id = 0;
  gboolean ok;

  if (lead->label_ids == NULL)
    lead->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  label_ids_normalize (lead->label_ids);

  if (!tx_begin (self, error))
    return FALSE;
  ok = lead_insert_rows (self, lead, now, &state, &id, error);
  if (!tx_end (self, ok, error))
    return FALSE;

  lead->id = id;
  lead->state = state;
  lead->version = 1;
  g_free (lead->created_at);
  lead->created_at = g_strdup (now);
  g_free (lead->updated_at);
  lead->updated_at = g_strdup (now);
  g_free (lead->last_activity_at);
  g_free (lead->closed_at);
  lead->closed_at = state == RCRM_LEAD_STATE_CLOSED ? g_strdup (now) : NULL;
  lead->last_activity_at = g_steal_pointer (&now);
  if (lead->custom_json == NULL)
    lead->custom_json = g_strdup ("{}");
  return TRUE;
}

static gboolean
lead_load_labels (RcrmStoreSqlite  *self,
                  RcrmLead         *lead,
                  GError          **error)
{
  g_autoptr(GArray) ids = query_ids (self, "SELECT label_id FROM lead_labels WHERE lead_id = ? ORDER BY label_id",
                                     lead->id, error);

  if (ids == NULL)
    return FALSE;
  g_array_unref (lead->label_ids);
  lead->label_ids = g_steal_pointer (&ids);
  return TRUE;
}

static RcrmLead *
sqlite_lead_get (RcrmStore  *store,
                 gint64      id,
                 GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(RcrmLead) lead = get_by_id (self, "SELECT " LEAD_COLUMNS " FROM leads l"
                                        " WHERE l.id = ? AND l.erased_at IS NULL", id,
                                        (RowReader) lead_from_row, "lead", error);

  if (lead == NULL)
    return NULL;
  if (!lead_load_labels (self, lead, error))
    return NULL;
  return g_steal_pointer (&lead);
}

static gboolean
lead_update_rows (RcrmStoreSqlite  *self,
                  RcrmLead         *lead,
                  gint64            expected_version,
                  const char       *now,
                  RcrmLeadState    *state,
                  char            **closed_at,
                  GError          **error)
{
  gint64 last_step;

  if (!pipeline_last_step (self, lead->pipeline_id, &last_step, error))
    return FALSE;
  *state = derive_state (lead, last_step);

  {
    g_autoptr(CachedStmt) stmt = NULL;

    stmt = stmt_get (self,
                     "UPDATE leads SET name = ?1, company = ?2, phone = ?3, email = ?4, tax_id = ?5, source = ?6, "
                     "value = ?7, owner_id = ?8, pipeline_id = ?9, step = ?10, unfollowed = ?11, "
                     "unfollow_reason = ?12, state = ?13, account_id = ?14, custom_json = ?15, updated_at = ?16, "
                     "last_activity_at = ?16, version = version + 1, "
                     "closed_at = CASE WHEN ?13 <> 'closed' THEN NULL WHEN state = 'closed' THEN closed_at "
                     "ELSE ?16 END "
                     "WHERE id = ?17 AND version = ?18",
                     error);
    if (stmt == NULL)
      return FALSE;
    bind_lead_fields (stmt, lead, *state);
    bind_text (stmt, 16, now);
    bind_int (stmt, 17, lead->id);
    bind_int (stmt, 18, expected_version);
    if (!stmt_run (self, stmt, error))
      return FALSE;
  }
  if (sqlite3_changes (self->db) == 0)
    return fail_version (self, "SELECT 1 FROM leads WHERE id = ?", "lead", lead->id, error);

  {
    g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT closed_at FROM leads WHERE id = ?", error);
    gboolean has_row;

    if (stmt == NULL)
      return FALSE;
    bind_int (stmt, 1, lead->id);
    if (!stmt_next (self, stmt, &has_row, error))
      return FALSE;
    *closed_at = has_row ? column_text (stmt, 0) : NULL;
  }

  return lead_write_labels (self, lead->id, lead->label_ids, TRUE, error)
         && lead_write_search (self, lead, lead->id, TRUE, error);
}

static gboolean
sqlite_lead_update (RcrmStore  *store,
                    RcrmLead   *lead,
                    gint64      expected_version,
                    GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autofree char *now = now_rfc3339 (self);
  RcrmLeadState state = RCRM_LEAD_STATE_IN_PROGRESS;
  g_autofree char *closed_at = NULL;
  gboolean ok;

  if (lead->label_ids == NULL)
    lead->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  label_ids_normalize (lead->label_ids);

  if (!tx_begin (self, error))
    return FALSE;
  ok = lead_update_rows (self, lead, expected_version, now, &state, &closed_at, error);
  if (!tx_end (self, ok, error))
    return FALSE;

  lead->state = state;
  g_free (lead->closed_at);
  lead->closed_at = g_steal_pointer (&closed_at);
  lead->version = expected_version + 1;
  g_free (lead->updated_at);
  lead->updated_at = g_strdup (now);
  g_free (lead->last_activity_at);
  lead->last_activity_at = g_steal_pointer (&now);
  if (lead->custom_json == NULL)
    lead->custom_json = g_strdup ("{}");
  return TRUE;
}

/* ---- lead list ----------------------------------------------------------- */

/* state filters by mask (bit 0 in progress, 1 closed, 2 unfollowed); always
 * on the state column so that the (state, key, id) indexes apply */
static const char * const state_fragments[8] = {
  "0",
  "l.state = 'in_progress'",
  "l.state = 'closed'",
  "l.state IN ('in_progress', 'closed')",
  "l.state = 'unfollowed'",
  "l.state IN ('in_progress', 'unfollowed')",
  "l.state IN ('closed', 'unfollowed')",
  "l.state IN ('in_progress', 'closed', 'unfollowed')",
};

/* Each sort has an index (state, key, id).  Walking it, SQLite reads each
 * state value's range in order and stops once the page is full, instead of
 * sorting every match.  That wins unless the other filters keep few leads,
 * so the page query names the index (without statistics SQLite may pick
 * another (state, …) index) when there are no other filters, or when the
 * matches are dense enough: count² > (limit + offset) × leads. */
static const struct {
  const char *column;
  const char *indexed_from;
  gboolean    numeric;
} sort_keys[] = {
  [RCRM_LEAD_SORT_ACTIVITY] = { "l.last_activity_at", " FROM leads l INDEXED BY leads_state_activity", FALSE },
  [RCRM_LEAD_SORT_CREATED]  = { "l.created_at", " FROM leads l INDEXED BY leads_state_created", FALSE },
  [RCRM_LEAD_SORT_UPDATED]  = { "l.updated_at", " FROM leads l INDEXED BY leads_state_updated", FALSE },
  [RCRM_LEAD_SORT_NAME]     = { "l.name", " FROM leads l INDEXED BY leads_state_name", FALSE },
  [RCRM_LEAD_SORT_VALUE]    = { "l.value", " FROM leads l INDEXED BY leads_state_value", TRUE },
};

/* a search matching at most this many leads drives the page query from the
 * full-text index (cost ∝ matches); a broader one walks the sort index and
 * checks each lead against the matches (cost ∝ rows until the page is full) */
#ifndef SEARCH_DRIVES_MAX
#define SEARCH_DRIVES_MAX 5000
#endif

typedef struct {
  char   *key;     /* text key, or the decimal number for numeric sorts */
  gint64  number;
  gint64  id;
} LeadCursor;

static void
lead_cursor_clear (LeadCursor *cursor)
{
  g_clear_pointer (&cursor->key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LeadCursor, lead_cursor_clear)

static char *
base64url_encode (const char *data,
                  gsize       len)
{
  char *text = g_base64_encode ((const guchar *) data, len);
  gsize n = strlen (text);

  while (n > 0 && text[n - 1] == '=')
    text[--n] = '\0';
  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
    }
  return text;
}

/* NULL unless text is canonical unpadded base64url */
static char *
base64url_decode (const char *text,
                  gsize      *len)
{
  gsize n = strlen (text);
  g_autoptr(GString) std = NULL;
  g_autofree guchar *data = NULL;
  g_autofree char *again = NULL;

  if (n == 0 || n % 4 == 1 || n > 4096)
    return NULL;
  std = g_string_sized_new (n + 3);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (std, *p);
      else if (*p == '-')
        g_string_append_c (std, '+');
      else if (*p == '_')
        g_string_append_c (std, '/');
      else
        return NULL;
    }
  while (std->len % 4 != 0)
    g_string_append_c (std, '=');
  data = g_base64_decode (std->str, len);
  /* non-canonical trailing bits would decode to the same bytes */
  again = base64url_encode ((const char *) data, *len);
  if (!g_str_equal (again, text))
    return NULL;
  return (char *) g_steal_pointer (&data);
}

/* canonical decimal: optional '-', no '+', no leading zeros, no "-0" */
static gboolean
parse_int64_strict (const char *text,
                    gint64      min,
                    gint64     *out)
{
  const char *digits = text[0] == '-' ? text + 1 : text;

  if (*digits == '\0' || (digits[0] == '0' && (digits[1] != '\0' || digits != text)))
    return FALSE;
  for (const char *p = digits; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return g_ascii_string_to_signed (text, 10, min, G_MAXINT64, out, NULL);
}

/* "v1|<sort>|<a|d>|<key>|<id>", base64url */
static char *
lead_cursor_encode (const RcrmLeadQuery *query,
                    const RcrmLead      *last)
{
  g_autofree char *key = NULL;
  g_autofree char *plain = NULL;

  switch (query->sort)
    {
    case RCRM_LEAD_SORT_ACTIVITY:
      key = g_strdup (last->last_activity_at);
      break;
    case RCRM_LEAD_SORT_CREATED:
      key = g_strdup (last->created_at);
      break;
    case RCRM_LEAD_SORT_UPDATED:
      key = g_strdup (last->updated_at);
      break;
    case RCRM_LEAD_SORT_NAME:
      key = g_strdup (last->name);
      break;
    case RCRM_LEAD_SORT_VALUE:
    default:
      key = g_strdup_printf ("%" G_GINT64_FORMAT, last->value);
      break;
    }
  plain = g_strdup_printf ("v1|%d|%c|%s|%" G_GINT64_FORMAT, (int) query->sort, query->descending ? 'd' : 'a',
                           key != NULL ? key : "", last->id);
  return base64url_encode (plain, strlen (plain));
}

static gboolean
lead_cursor_decode (const RcrmLeadQuery  *query,
                    LeadCursor           *cursor,
                    GError              **error)
{
  g_autofree char *plain = NULL;
  g_autofree char *prefix = NULL;
  gsize len = 0;
  const char *key, *bar;

  plain = base64url_decode (query->cursor, &len);
  if (plain == NULL || memchr (plain, '\0', len) != NULL || !g_utf8_validate_len (plain, len, NULL))
    goto bad;
  plain = g_realloc (plain, len + 1);
  plain[len] = '\0';

  prefix = g_strdup_printf ("v1|%d|%c|", (int) query->sort, query->descending ? 'd' : 'a');
  if (!g_str_has_prefix (plain, prefix))
    goto bad;
  key = plain + strlen (prefix);
  bar = strrchr (key, '|');
  if (bar == NULL || !parse_int64_strict (bar + 1, 1, &cursor->id))
    goto bad;
  cursor->key = g_strndup (key, (gsize) (bar - key));
  if (sort_keys[query->sort].numeric && !parse_int64_strict (cursor->key, G_MININT64, &cursor->number))
    goto bad;
  return TRUE;

bad:
  g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_BAD_CURSOR,
                       "The cursor was not made by this list");
  return FALSE;
}

/* The states to list.  With a pipeline and a step the state follows from
 * them (derive_state), which spares the walk of a state with no matches. */
static gboolean
lead_query_mask (RcrmStoreSqlite      *self,
                 const RcrmLeadQuery  *query,
                 guint                *mask_out,
                 GError              **error)
{
  guint mask = query->state_mask & 7;
  gint64 n_steps = -1;

  if (mask == 0)
    mask = RCRM_LEAD_STATE_IN_PROGRESS | RCRM_LEAD_STATE_CLOSED;
  if (query->pipeline_id != 0 && query->step >= 0)
    {
      if (!pipeline_n_steps (self, query->pipeline_id, &n_steps, error))
        return FALSE;
      if (n_steps >= 0)
        mask &= query->step >= n_steps - 1 ? RCRM_LEAD_STATE_CLOSED | RCRM_LEAD_STATE_UNFOLLOWED
                                           : RCRM_LEAD_STATE_IN_PROGRESS | RCRM_LEAD_STATE_UNFOLLOWED;
    }
  *mask_out = mask;
  return TRUE;
}

/* WHERE for every filter of the query except the search and the cursor */
static void
lead_query_where (SqlBuilder          *b,
                  const RcrmLeadQuery *query,
                  guint                mask)
{
  sql_add (b, " WHERE ");
  sql_add (b, state_fragments[mask]);

  if (query->pipeline_id != 0)
    {
      sql_add (b, " AND l.pipeline_id = ?");
      sql_bind_int (b, query->pipeline_id);
    }
  if (query->step >= 0)
    {
      sql_add (b, " AND l.step = ?");
      sql_bind_int (b, query->step);
    }
  if (query->owner_id != 0)
    {
      sql_add (b, " AND l.owner_id = ?");
      sql_bind_int (b, query->owner_id);
    }
  if (query->label_id != 0)
    {
      sql_add (b, " AND l.id IN (SELECT ll.lead_id FROM lead_labels ll WHERE ll.label_id = ?)");
      sql_bind_int (b, query->label_id);
    }
  if (query->account_id != 0)
    {
      sql_add (b, " AND l.account_id = ?");
      sql_bind_int (b, query->account_id);
    }
  for (guint i = 0; query->label_ids != NULL && i < query->label_ids->len; i++)
    {
      sql_add (b, " AND l.id IN (SELECT ll.lead_id FROM lead_labels ll WHERE ll.label_id = ?)");
      sql_bind_int (b, g_array_index (query->label_ids, gint64, i));
    }
  if (query->has_value_min)
    {
      sql_add (b, " AND l.value >= ?");
      sql_bind_int (b, query->value_min);
    }
  if (query->has_value_max)
    {
      sql_add (b, " AND l.value <= ?");
      sql_bind_int (b, query->value_max);
    }
  if (query->created_from != NULL)
    {
      sql_add (b, " AND l.created_at >= ?");
      sql_bind_text_take (b, g_strdup (query->created_from));
    }
  if (query->created_before != NULL)
    {
      sql_add (b, " AND l.created_at < ?");
      sql_bind_text_take (b, g_strdup (query->created_before));
    }
  if (query->province != NULL)
    {
      sql_add (b, " AND l.account_id IN (SELECT pa.id FROM accounts pa WHERE pa.province = ?)");
      sql_bind_text_take (b, g_strdup (query->province));
    }
  if (query->match_none)
    sql_add (b, " AND 0");
  if (query->visible_to != 0)
    sql_add_visible_to (b, query->visible_to);
  /* R26: erased leads are in no list */
  sql_add (b, " AND l.erased_at IS NULL");
}

/* no filter but the state (and maybe the search) */
static gboolean
lead_query_is_plain (const RcrmLeadQuery *query)
{
  return query->pipeline_id == 0 && query->step < 0 && query->owner_id == 0 && query->label_id == 0
         && query->account_id == 0 && query->visible_to == 0
         && (query->label_ids == NULL || query->label_ids->len == 0) && !query->has_value_min
         && !query->has_value_max && query->created_from == NULL && query->created_before == NULL
         && query->province == NULL && !query->match_none;
}

/* see sort_keys */
static gboolean
lead_page_walks_sort_index (RcrmStoreSqlite      *self,
                            const RcrmLeadQuery  *query,
                            guint                 mask,
                            gint64                count,
                            GError              **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  gboolean has_row;
  gint64 n_leads;
  double rows;

  if (lead_query_is_plain (query))
    return TRUE;
  /* the step decides the state: over several states, one may hold none of
   * the matches and its walk would read the whole range */
  if (query->step >= 0 && (mask & (mask - 1)) != 0)
    return FALSE;
  /* the highest id stands in for the number of leads: one index probe */
  stmt = stmt_get (self, "SELECT max (id) FROM leads", error);
  if (stmt == NULL || !stmt_next (self, stmt, &has_row, error))
    return FALSE;
  n_leads = column_int (stmt, 0);
  rows = (double) query->limit + 1 + (query->cursor == NULL ? query->offset : 0);
  return (double) count * (double) count > rows * (double) n_leads;
}

/* FROM for a search driven by the full-text index */
static void
sql_add_from_search (SqlBuilder   *b,
                     const Search *search)
{
  sql_add (b, " FROM (");
  sql_add_search (b, search);
  sql_add (b, ") s CROSS JOIN leads l ON l.id = s.id");
}

/* label_ids for a page of records (leads or accounts) in one query: sql
 * selects (record id, label id) for the ids of the JSON array in ?1, and the
 * offsets say where a record keeps its id (gint64) and label_ids (GArray *) */
static gboolean
records_load_labels (RcrmStoreSqlite  *self,
                     GPtrArray        *records,
                     gsize             id_offset,
                     gsize             labels_offset,
                     const char       *sql,
                     GError          **error)
{
  g_autoptr(CachedStmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GString) ids = NULL;
  gboolean has_row;

  if (records->len == 0)
    return TRUE;
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  ids = g_string_new ("[");
  for (guint i = 0; i < records->len; i++)
    {
      gpointer record = g_ptr_array_index (records, i);
      gint64 *id = G_STRUCT_MEMBER_P (record, id_offset);

      g_hash_table_insert (by_id, id, record);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", *id);
    }
  g_string_append_c (ids, ']');

  stmt = stmt_get (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, ids->str);
  for (;;)
    {
      gint64 record_id, label_id;
      gpointer record;

      if (!stmt_next (self, stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      record_id = column_int (stmt, 0);
      label_id = column_int (stmt, 1);
      record = g_hash_table_lookup (by_id, &record_id);
      if (record != NULL)
        g_array_append_val (G_STRUCT_MEMBER (GArray *, record, labels_offset), label_id);
    }
  return TRUE;
}

/* label_ids for a page of leads in one query */
static gboolean
leads_load_labels (RcrmStoreSqlite  *self,
                   GPtrArray        *leads,
                   GError          **error)
{
  return records_load_labels (self, leads, G_STRUCT_OFFSET (RcrmLead, id), G_STRUCT_OFFSET (RcrmLead, label_ids),
                              "SELECT lead_id, label_id FROM lead_labels "
                              "WHERE lead_id IN (SELECT value FROM json_each (?)) ORDER BY lead_id, label_id",
                              error);
}

static GPtrArray *
sqlite_lead_list (RcrmStore            *store,
                  const RcrmLeadQuery  *query,
                  gint64               *total,
                  char                **next_cursor,
                  GError              **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_auto(SqlBuilder) page = { 0 };
  g_auto(LeadCursor) cursor = { 0 };
  g_auto(Search) search = { 0 };
  g_autoptr(GPtrArray) leads = NULL;
  gboolean searching, has_row;
  gint64 count;
  guint mask;
  const char *column;

  if (total != NULL)
    *total = 0;
  if (next_cursor != NULL)
    *next_cursor = NULL;
  if ((guint) query->sort >= G_N_ELEMENTS (sort_keys))
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED, "Unknown sort %d", (int) query->sort);
      return NULL;
    }
  if (query->cursor != NULL && !lead_cursor_decode (query, &cursor, error))
    return NULL;
  column = sort_keys[query->sort].column;
  searching = search_init (&search, query->q);
  stmt_cache_trim (self);
  if (!lead_query_mask (self, query, &mask, error))
    return NULL;

  /* every match; also the measure for choosing the page plan */
  {
    g_auto(SqlBuilder) b = { 0 };
    g_autoptr(CachedStmt) stmt = NULL;

    sql_builder_init (&b);
    sql_add (&b, "SELECT count(*)");
    if (searching)
      sql_add_from_search (&b, &search);
    else
      sql_add (&b, " FROM leads l");
    lead_query_where (&b, query, mask);
    stmt = stmt_get (self, b.sql->str, error);
    if (stmt == NULL)
      return NULL;
    sql_bind_all (&b, stmt);
    if (!stmt_next (self, stmt, &has_row, error))
      return NULL;
    count = column_int (stmt, 0);
    if (total != NULL)
      *total = count;
  }

  /* the page: the same filters, then (key, id) past the cursor, limit + 1
   * rows to tell whether another page follows */
  sql_builder_init (&page);
  /* deferred join: the page's ids first (the sort index alone), then their rows */
  sql_add (&page, "SELECT " LEAD_COLUMNS " FROM leads l WHERE l.id IN (SELECT l.id");
  if (searching && count <= SEARCH_DRIVES_MAX)
    {
      /* few matches: read them from the full-text index, then sort */
      sql_add_from_search (&page, &search);
      lead_query_where (&page, query, mask);
    }
  else
    {
      g_autoptr(GError) local_error = NULL;
      gboolean walk = lead_page_walks_sort_index (self, query, mask, count, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      sql_add (&page, walk ? sort_keys[query->sort].indexed_from : " FROM leads l");
      lead_query_where (&page, query, mask);
      if (searching)
        {
          /* + keeps the planner from driving the query from the matches */
          sql_add (&page, " AND +l.id IN (");
          sql_add_search (&page, &search);
          sql_add (&page, ")");
        }
    }
  if (query->cursor != NULL)
    {
      sql_add (&page, " AND (");
      sql_add (&page, column);
      sql_add (&page, query->descending ? ", l.id) < (?, ?)" : ", l.id) > (?, ?)");
      if (sort_keys[query->sort].numeric)
        sql_bind_int (&page, cursor.number);
      else
        sql_bind_text_take (&page, g_strdup (cursor.key));
      sql_bind_int (&page, cursor.id);
    }
  sql_add (&page, " ORDER BY ");
  sql_add (&page, column);
  sql_add (&page, query->descending ? " DESC, l.id DESC LIMIT ?" : " ASC, l.id ASC LIMIT ?");
  sql_bind_int (&page, (gint64) query->limit + 1);
  if (query->cursor == NULL && query->offset > 0)
    {
      sql_add (&page, " OFFSET ?");
      sql_bind_int (&page, query->offset);
    }
  sql_add (&page, ") ORDER BY ");
  sql_add (&page, column);
  sql_add (&page, query->descending ? " DESC, l.id DESC" : " ASC, l.id ASC");

  leads = g_ptr_array_new_with_free_func ((GDestroyNotify) rcrm_lead_free);
  if (!collect_rows (self, &page, (RowReader) lead_from_row, leads, error))
    return NULL;

  if (leads->len > query->limit)
    {
      g_ptr_array_set_size (leads, query->limit);
      if (next_cursor != NULL)
        *next_cursor = lead_cursor_encode (query, g_ptr_array_index (leads, leads->len - 1));
    }
  if (!leads_load_labels (self, leads, error))
    {
      if (next_cursor != NULL)
        g_clear_pointer (next_cursor, g_free);
      return NULL;
    }
  return g_steal_pointer (&leads);
}

static GArray *
sqlite_lead_ids_by_owner (RcrmStore  *store,
                          gint64      owner_id,
                          GError    **error)
{
  return query_ids (SELF (store), "SELECT id FROM leads WHERE owner_id = ? ORDER BY id", owner_id, error);
}

static gint64
sqlite_lead_count_open (RcrmStore  *store,
                        gint64      owner_id,
                        GError    **error)
{
  gint64 count = 0;

  query_int (SELF (store), "SELECT count(*) FROM leads WHERE owner_id = ? AND state = 'in_progress'",
             owner_id, 0, &count, error);
  return count;
}

static gboolean
sqlite_lead_visible_to (RcrmStore  *store,
                        gint64      lead_id,
                        gint64      user_id,
                        GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT 1 FROM leads l WHERE l.id = ? AND l.erased_at IS NULL"
                                         VISIBLE_TO_FRAGMENT, error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, 1, lead_id);
  bind_int (stmt, 2, user_id);
  bind_int (stmt, 3, user_id);
  return stmt_next (self, stmt, &has_row, error) && has_row;
}

/* R25: one OR of equalities on indexed columns, answered with one lookup per
 * index (MULTI-INDEX OR); the unary + keeps the planner off the state indexes,
 * which would read every lead of a state. Empty strings never match. */
static GPtrArray *
sqlite_lead_duplicates (RcrmStore          *store,
                        const char         *phone,
                        const char         *email,
                        const char         *tax_id,
                        const char * const *states,
                        GError            **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify) rcrm_lead_match_free);
  g_autoptr(CachedStmt) stmt = NULL;
  gboolean has_row;
  guint i;

  if (phone != NULL && *phone == '\0')
    phone = NULL;
  if (email != NULL && *email == '\0')
    email = NULL;
  if (tax_id != NULL && *tax_id == '\0')
    tax_id = NULL;
  if ((phone == NULL && email == NULL && tax_id == NULL) || states[0] == NULL)
    return g_steal_pointer (&matches);

  stmt = stmt_get (self,
                   "SELECT l.id, l.name, l.owner_id, l.state,"
                   " l.email IS ?2, l.phone IS ?1, l.tax_id IS ?3 FROM leads l"
                   " WHERE (l.phone = ?1 OR l.email = ?2 OR l.tax_id = ?3)"
                   " AND +l.state IN (?4, ?5, ?6) ORDER BY l.id", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, phone);
  bind_text (stmt, 2, email);
  bind_text (stmt, 3, tax_id);
  for (i = 0; i < 3; i++)
    {
      const char *state = NULL;
      guint j;

      for (j = 0; states[j] != NULL; j++)
        if (j == i)
          state = states[j];
      bind_text (stmt, 4 + (int) i, state);
    }
  for (;;)
    {
      RcrmLeadMatch *m;

      if (!stmt_next (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      m = g_new0 (RcrmLeadMatch, 1);
      m->lead_id = column_int (stmt, 0);
      m->name = column_text (stmt, 1);
      m->owner_id = column_int (stmt, 2);
      m->state = column_text (stmt, 3);
      if (email != NULL && column_int (stmt, 4))
        m->matched |= RCRM_MATCH_EMAIL;
      if (phone != NULL && column_int (stmt, 5))
        m->matched |= RCRM_MATCH_PHONE;
      if (tax_id != NULL && column_int (stmt, 6))
        m->matched |= RCRM_MATCH_TAX_ID;
      g_ptr_array_add (matches, m);
    }
  return g_steal_pointer (&matches);
}

static GArray *
sqlite_pipeline_summary (RcrmStore  *store,
                         gint64      pipeline_id,
                         gint64      owner_id,
                         gint64      label_id,
                         gint64      visible_to,
                         GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_auto(SqlBuilder) b = { 0 };
  g_autoptr(GArray) summary = NULL;
  g_autoptr(CachedStmt) stmt = NULL;
  gint64 n_steps = -1;
  gboolean has_row;

  stmt_cache_trim (self);
  if (!pipeline_n_steps (self, pipeline_id, &n_steps, error))
    return NULL;
  if (n_steps < 0)
    {
      fail_not_found (error, "pipeline", pipeline_id);
      return NULL;
    }
  summary = g_array_new (FALSE, TRUE, sizeof (RcrmStepSummary));
  g_array_set_size (summary, (guint) n_steps);

  sql_builder_init (&b);
  sql_add (&b, "SELECT l.step, count(*), sum (l.value) FROM leads l "
               "WHERE l.pipeline_id = ? AND l.state IN ('in_progress', 'closed')");
  sql_bind_int (&b, pipeline_id);
  if (owner_id != 0)
    {
      sql_add (&b, " AND l.owner_id = ?");
      sql_bind_int (&b, owner_id);
    }
  if (label_id != 0)
    {
      sql_add (&b, " AND l.id IN (SELECT ll.lead_id FROM lead_labels ll WHERE ll.label_id = ?)");
      sql_bind_int (&b, label_id);
    }
  if (visible_to != 0)
    sql_add_visible_to (&b, visible_to);
  sql_add (&b, " GROUP BY l.step");

  stmt = stmt_get (self, b.sql->str, error);
  if (stmt == NULL)
    return NULL;
  sql_bind_all (&b, stmt);
  for (;;)
    {
      gint64 step;

      if (!stmt_next (self, stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;
      step = column_int (stmt, 0);
      if (step >= 0 && step < (gint64) summary->len)
        {
          RcrmStepSummary *s = &g_array_index (summary, RcrmStepSummary, step);

          s->count = column_int (stmt, 1);
          s->value = column_int (stmt, 2);
        }
    }
  return g_steal_pointer (&summary);
}

/* ---- timeline ------------------------------------------------------------ */

#define TIMELINE_COLUMNS "id, lead_id, actor_id, kind, body, corrects_id, data_json, created_at"

static RcrmTimelineEntry *
timeline_from_row (sqlite3_stmt *stmt)
{
  RcrmTimelineEntry *entry = rcrm_timeline_entry_new ();

  entry->id = column_int (stmt, 0);
  entry->lead_id = column_int (stmt, 1);
  entry->actor_id = column_int (stmt, 2);
  entry->kind = column_text (stmt, 3);
  entry->body = column_text (stmt, 4);
  entry->corrects_id = column_int (stmt, 5);
  g_free (entry->data_json);
  entry->data_json = column_text (stmt, 6);
  entry->created_at = column_text (stmt, 7);
  return entry;
}

static gboolean
timeline_insert_rows (RcrmStoreSqlite    *self,
                      RcrmTimelineEntry  *entry,
                      const char         *now,
                      gint64             *id,
                      GError            **error)
{
  {
    g_autoptr(CachedStmt) stmt = NULL;

    stmt = stmt_get (self,
                     "INSERT INTO timeline (lead_id, actor_id, kind, body, corrects_id, data_json, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     error);
    if (stmt == NULL)
      return FALSE;
    bind_int (stmt, 1, entry->lead_id);
    bind_id (stmt, 2, entry->actor_id);
    bind_text (stmt, 3, entry->kind);
    bind_text (stmt, 4, entry->body);
    bind_id (stmt, 5, entry->corrects_id);
    bind_text (stmt, 6, entry->data_json != NULL ? entry->data_json : "{}");
    bind_text (stmt, 7, now);
    if (!stmt_run (self, stmt, error))
      return FALSE;
    *id = sqlite3_last_insert_rowid (self->db);
  }
  {
    g_autoptr(CachedStmt) stmt = stmt_get (self, "UPDATE leads SET last_activity_at = ? WHERE id = ?", error);

    if (stmt == NULL)
      return FALSE;
    bind_text (stmt, 1, now);
    bind_int (stmt, 2, entry->lead_id);
    return stmt_run (self, stmt, error);
  }
}

static gboolean
sqlite_timeline_insert (RcrmStore          *store,
                        RcrmTimelineEntry  *entry,
                        GError            **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autofree char *now = now_rfc3339 (self);
  gint64 id = 0;
  gboolean ok;

  if (!tx_begin (self, error))
    return FALSE;
  ok = timeline_insert_rows (self, entry, now, &id, error);
  if (!tx_end (self, ok, error))
    return FALSE;

  entry->id = id;
  g_free (entry->created_at);
  entry->created_at = g_steal_pointer (&now);
  if (entry->data_json == NULL)
    entry->data_json = g_strdup ("{}");
  return TRUE;
}

static RcrmTimelineEntry *
sqlite_timeline_get (RcrmStore  *store,
                     gint64      id,
                     GError    **error)
{
  return get_by_id (SELF (store), "SELECT " TIMELINE_COLUMNS " FROM timeline WHERE id = ?", id,
                    (RowReader) timeline_from_row, "timeline entry", error);
}

static GPtrArray *
sqlite_timeline_list (RcrmStore  *store,
                      gint64      lead_id,
                      gboolean    notes_only,
                      GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;

  if (notes_only)
    stmt = stmt_get (self, "SELECT " TIMELINE_COLUMNS " FROM timeline WHERE lead_id = ? AND kind = 'note' ORDER BY id",
                     error);
  else
    stmt = stmt_get (self, "SELECT " TIMELINE_COLUMNS " FROM timeline WHERE lead_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  bind_int (stmt, 1, lead_id);
  return query_records (self, stmt, (RowReader) timeline_from_row, (GDestroyNotify) rcrm_timeline_entry_free, error);
}

/* ---- accounts ------------------------------------------------------------ */

#define ACCOUNT_COLUMNS \
  "a.id, a.name, a.tax_id, a.branch, a.address, a.phone, a.email, a.status, a.latitude, a.longitude, " \
  "a.owner_id, a.favourite, a.custom_json, a.created_at, a.updated_at, a.version, a.province, " \
  "(SELECT count(*) FROM contacts c WHERE c.account_id = a.id)"

/* R14 for accounts: owned by the user or a member of a team they lead, or
 * carrying a lead owned by one of them */
#define ACCOUNT_VISIBLE_TO_FRAGMENT \
  " AND (a.owner_id IN (SELECT u.id FROM users u WHERE u.id = ? " \
  "OR u.team_id IN (SELECT t.id FROM teams t WHERE t.lead_id = ?)) " \
  "OR a.id IN (SELECT vl.account_id FROM leads vl WHERE vl.account_id IS NOT NULL AND vl.owner_id IN " \
  "(SELECT u.id FROM users u WHERE u.id = ? OR u.team_id IN (SELECT t.id FROM teams t WHERE t.lead_id = ?))))"

static void
sql_add_account_visible_to (SqlBuilder *b,
                            gint64      user_id)
{
  sql_add (b, ACCOUNT_VISIBLE_TO_FRAGMENT);
  for (guint i = 0; i < 4; i++)
    sql_bind_int (b, user_id);
}

static RcrmAccount *
account_from_row (sqlite3_stmt *stmt)
{
  RcrmAccount *account = rcrm_account_new ();

  account->id = column_int (stmt, 0);
  account->name = column_text (stmt, 1);
  account->tax_id = column_text (stmt, 2);
  account->branch = column_text (stmt, 3);
  account->address = column_text (stmt, 4);
  account->phone = column_text (stmt, 5);
  account->email = column_text (stmt, 6);
  g_free (account->status);
  account->status = column_text (stmt, 7);
  account->has_location = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  if (account->has_location)
    {
      account->latitude = sqlite3_column_double (stmt, 8);
      account->longitude = sqlite3_column_double (stmt, 9);
    }
  account->owner_id = column_int (stmt, 10);
  account->favourite = column_int (stmt, 11) != 0;
  g_free (account->custom_json);
  account->custom_json = column_text (stmt, 12);
  account->created_at = column_text (stmt, 13);
  account->updated_at = column_text (stmt, 14);
  account->version = column_int (stmt, 15);
  account->province = column_text (stmt, 16);
  account->contact_count = column_int (stmt, 17);
  return account;
}

/* parameters 1..13 */
static void
bind_account_fields (sqlite3_stmt      *stmt,
                     const RcrmAccount *account)
{
  bind_text (stmt, 1, account->name);
  bind_text (stmt, 2, account->tax_id);
  bind_text (stmt, 3, account->branch);
  bind_text (stmt, 4, account->address);
  bind_text (stmt, 5, account->phone);
  bind_text (stmt, 6, account->email);
  bind_text (stmt, 7, account->status != NULL ? account->status : "pending");
  if (account->has_location)
    {
      sqlite3_bind_double (stmt, 8, account->latitude);
      sqlite3_bind_double (stmt, 9, account->longitude);
    }
  else
    {
      sqlite3_bind_null (stmt, 8);
      sqlite3_bind_null (stmt, 9);
    }
  bind_id (stmt, 10, account->owner_id);
  bind_int (stmt, 11, account->favourite ? 1 : 0);
  bind_text (stmt, 12, account->custom_json != NULL ? account->custom_json : "{}");
  bind_text (stmt, 13, account->province);
}

static char *
account_search_doc (const RcrmAccount *account)
{
  g_autofree char *local = phone_local (account->phone);
  const char *parts[] = { account->name, account->tax_id, account->phone, local, account->email };
  GString *doc = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (doc->len > 0)
        g_string_append_c (doc, '\n');
      g_string_append (doc, parts[i]);
    }
  return g_string_free (doc, FALSE);
}

/* the account's label links and search row */
static gboolean
account_write_extras (RcrmStoreSqlite    *self,
                      const RcrmAccount  *account,
                      gint64              id,
                      gboolean            replace,
                      GError            **error)
{
  g_autofree char *doc = account_search_doc (account);

  if (replace)
    {
      static const char * const deletes[] = {
        "DELETE FROM account_labels WHERE account_id = ?",
        "DELETE FROM accounts_fts WHERE rowid = ?",
      };

      for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
        {
          g_autoptr(CachedStmt) stmt = stmt_get (self, deletes[i], error);

          if (stmt == NULL)
            return FALSE;
          bind_int (stmt, 1, id);
          if (!stmt_run (self, stmt, error))
            return FALSE;
        }
    }

  for (guint i = 0; account->label_ids != NULL && i < account->label_ids->len; i++)
    {
      g_autoptr(CachedStmt) stmt = stmt_get (self,
                                             "INSERT INTO account_labels (account_id, label_id) VALUES (?, ?)",
                                             error);

      if (stmt == NULL)
        return FALSE;
      bind_int (stmt, 1, id);
      bind_int (stmt, 2, g_array_index (account->label_ids, gint64, i));
      if (!stmt_run (self, stmt, error))
        return FALSE;
    }

  {
    g_autoptr(CachedStmt) stmt = stmt_get (self, "INSERT INTO accounts_fts (rowid, doc) VALUES (?, ?)", error);

    if (stmt == NULL)
      return FALSE;
    bind_int (stmt, 1, id);
    bind_text (stmt, 2, doc);
    return stmt_run (self, stmt, error);
  }
}

static gboolean
account_insert_rows (RcrmStoreSqlite  *self,
                     RcrmAccount      *account,
                     const char       *now,
                     gint64           *id,
                     GError          **error)
{
  g_autoptr(CachedStmt) stmt = NULL;

  stmt = stmt_get (self,
                   "INSERT INTO accounts (name, tax_id, branch, address, phone, email, status, latitude, longitude, "
                   "owner_id, favourite, custom_json, province, created_at, updated_at, version) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, 1)",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_account_fields (stmt, account);
  bind_text (stmt, 14, now);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return account_write_extras (self, account, *id, FALSE, error);
}

static gboolean
sqlite_account_insert (RcrmStore    *store,
                       RcrmAccount  *account,
                       GError      **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autofree char *now = now_rfc3339 (self);
  gint64 id = 0;
  gboolean ok;

  if (account->label_ids == NULL)
    account->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  label_ids_normalize (account->label_ids);

  if (!tx_begin (self, error))
    return FALSE;
  ok = account_insert_rows (self, account, now, &id, error);
  if (!tx_end (self, ok, error))
    return FALSE;

  account->id = id;
  account->version = 1;
  account->contact_count = 0;
  if (account->status == NULL)
    account->status = g_strdup ("pending");
  if (account->custom_json == NULL)
    account->custom_json = g_strdup ("{}");
  g_free (account->created_at);
  account->created_at = g_strdup (now);
  g_free (account->updated_at);
  account->updated_at = g_steal_pointer (&now);
  return TRUE;
}

/* label_ids for a page of accounts in one query */
static gboolean
accounts_load_labels (RcrmStoreSqlite  *self,
                      GPtrArray        *accounts,
                      GError          **error)
{
  return records_load_labels (self, accounts, G_STRUCT_OFFSET (RcrmAccount, id),
                              G_STRUCT_OFFSET (RcrmAccount, label_ids),
                              "SELECT account_id, label_id FROM account_labels "
                              "WHERE account_id IN (SELECT value FROM json_each (?)) ORDER BY account_id, label_id",
                              error);
}

static RcrmAccount *
sqlite_account_get (RcrmStore  *store,
                    gint64      id,
                    GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) rcrm_account_free);
  RcrmAccount *account = get_by_id (self, "SELECT " ACCOUNT_COLUMNS " FROM accounts a WHERE a.id = ?", id,
                                    (RowReader) account_from_row, "account", error);

  if (account == NULL)
    return NULL;
  g_ptr_array_add (one, account);
  if (!accounts_load_labels (self, one, error))
    return NULL;
  return g_ptr_array_steal_index (one, 0);
}

static gboolean
account_update_rows (RcrmStoreSqlite  *self,
                     RcrmAccount      *account,
                     gint64            expected_version,
                     const char       *now,
                     GError          **error)
{
  {
    g_autoptr(CachedStmt) stmt = NULL;

    stmt = stmt_get (self,
                     "UPDATE accounts SET name = ?1, tax_id = ?2, branch = ?3, address = ?4, phone = ?5, email = ?6, "
                     "status = ?7, latitude = ?8, longitude = ?9, owner_id = ?10, favourite = ?11, "
                     "custom_json = ?12, province = ?13, updated_at = ?14, version = version + 1 "
                     "WHERE id = ?15 AND version = ?16",
                     error);
    if (stmt == NULL)
      return FALSE;
    bind_account_fields (stmt, account);
    bind_text (stmt, 14, now);
    bind_int (stmt, 15, account->id);
    bind_int (stmt, 16, expected_version);
    if (!stmt_run (self, stmt, error))
      return FALSE;
  }
  if (sqlite3_changes (self->db) == 0)
    return fail_version (self, "SELECT 1 FROM accounts WHERE id = ?", "account", account->id, error);
  return account_write_extras (self, account, account->id, TRUE, error);
}

static gboolean
sqlite_account_update (RcrmStore    *store,
                       RcrmAccount  *account,
                       gint64        expected_version,
                       GError      **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autofree char *now = now_rfc3339 (self);
  gboolean ok;

  if (account->label_ids == NULL)
    account->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  label_ids_normalize (account->label_ids);

  if (!tx_begin (self, error))
    return FALSE;
  ok = account_update_rows (self, account, expected_version, now, error);
  if (!tx_end (self, ok, error))
    return FALSE;

  account->version = expected_version + 1;
  g_free (account->updated_at);
  account->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static GArray *
sqlite_account_ids_by_owner (RcrmStore  *store,
                             gint64      owner_id,
                             GError    **error)
{
  return query_ids (SELF (store), "SELECT id FROM accounts WHERE owner_id = ? ORDER BY id", owner_id, error);
}

/* ---- account list -------------------------------------------------------- */

static const char * const account_sort_columns[] = {
  [RCRM_ACCOUNT_SORT_NAME]    = "a.name",
  [RCRM_ACCOUNT_SORT_CREATED] = "a.created_at",
  [RCRM_ACCOUNT_SORT_UPDATED] = "a.updated_at",
};

static const char * const account_status_names[] = { "pending", "confirmed", "sold" };

/* "a1|<sort>|<a|d>|<key>|<id>", base64url */
static char *
account_cursor_encode (const RcrmAccountQuery *query,
                       const RcrmAccount      *last)
{
  const char *key;
  g_autofree char *plain = NULL;

  switch (query->sort)
    {
    case RCRM_ACCOUNT_SORT_CREATED:
      key = last->created_at;
      break;
    case RCRM_ACCOUNT_SORT_UPDATED:
      key = last->updated_at;
      break;
    case RCRM_ACCOUNT_SORT_NAME:
    default:
      key = last->name;
      break;
    }
  plain = g_strdup_printf ("a1|%d|%c|%s|%" G_GINT64_FORMAT, (int) query->sort, query->descending ? 'd' : 'a',
                           key != NULL ? key : "", last->id);
  return base64url_encode (plain, strlen (plain));
}

static gboolean
account_cursor_decode (const RcrmAccountQuery  *query,
                       char                   **key_out,
                       gint64                  *id_out,
                       GError                 **error)
{
  g_autofree char *plain = NULL;
  g_autofree char *prefix = NULL;
  gsize len = 0;
  const char *key, *bar;

  plain = base64url_decode (query->cursor, &len);
  if (plain == NULL || memchr (plain, '\0', len) != NULL || !g_utf8_validate_len (plain, len, NULL))
    goto bad;
  plain = g_realloc (plain, len + 1);
  plain[len] = '\0';

  prefix = g_strdup_printf ("a1|%d|%c|", (int) query->sort, query->descending ? 'd' : 'a');
  if (!g_str_has_prefix (plain, prefix))
    goto bad;
  key = plain + strlen (prefix);
  bar = strrchr (key, '|');
  if (bar == NULL || !parse_int64_strict (bar + 1, 1, id_out))
    goto bad;
  *key_out = g_strndup (key, (gsize) (bar - key));
  return TRUE;

bad:
  g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_BAD_CURSOR,
                       "The cursor was not made by this list");
  return FALSE;
}

/* the won total of account a, for value ranges */
#define ACCOUNT_WON_TOTAL \
  "(SELECT coalesce (sum (wl.value), 0) FROM leads wl WHERE wl.account_id = a.id AND wl.state = 'closed')"

static void
account_query_where (SqlBuilder             *b,
                     const RcrmAccountQuery *query,
                     const Search           *search)
{
  guint mask = query->status_mask & 7;

  sql_add (b, " WHERE 1");
  if (search != NULL)
    {
      sql_add (b, " AND a.id IN (");
      sql_add_search_in (b, search, "accounts_fts");
      sql_add (b, ")");
    }
  if (mask != 0 && mask != 7)
    {
      gboolean first = TRUE;

      sql_add (b, " AND a.status IN (");
      for (guint i = 0; i < G_N_ELEMENTS (account_status_names); i++)
        if (mask & (1u << i))
          {
            sql_add (b, first ? "?" : ", ?");
            sql_bind_text_take (b, g_strdup (account_status_names[i]));
            first = FALSE;
          }
      sql_add (b, ")");
    }
  if (query->owner_id != 0)
    {
      sql_add (b, " AND a.owner_id = ?");
      sql_bind_int (b, query->owner_id);
    }
  for (guint i = 0; query->label_ids != NULL && i < query->label_ids->len; i++)
    {
      sql_add (b, " AND a.id IN (SELECT al.account_id FROM account_labels al WHERE al.label_id = ?)");
      sql_bind_int (b, g_array_index (query->label_ids, gint64, i));
    }
  if (query->favourite == RCRM_FAVOURITE_ONLY)
    sql_add (b, " AND a.favourite = 1");
  else if (query->favourite == RCRM_FAVOURITE_NOT)
    sql_add (b, " AND a.favourite = 0");
  if (query->province != NULL)
    {
      sql_add (b, " AND a.province = ?");
      sql_bind_text_take (b, g_strdup (query->province));
    }
  if (query->has_value_min)
    {
      sql_add (b, " AND " ACCOUNT_WON_TOTAL " >= ?");
      sql_bind_int (b, query->value_min);
    }
  if (query->has_value_max)
    {
      sql_add (b, " AND " ACCOUNT_WON_TOTAL " <= ?");
      sql_bind_int (b, query->value_max);
    }
  if (query->created_from != NULL)
    {
      sql_add (b, " AND a.created_at >= ?");
      sql_bind_text_take (b, g_strdup (query->created_from));
    }
  if (query->created_before != NULL)
    {
      sql_add (b, " AND a.created_at < ?");
      sql_bind_text_take (b, g_strdup (query->created_before));
    }
  if (query->match_none)
    sql_add (b, " AND 0");
  if (query->visible_to != 0)
    sql_add_account_visible_to (b, query->visible_to);
}

static GPtrArray *
sqlite_account_list (RcrmStore               *store,
                     const RcrmAccountQuery  *query,
                     gint64                  *total,
                     char                   **next_cursor,
                     GError                 **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_auto(SqlBuilder) page = { 0 };
  g_auto(Search) search = { 0 };
  g_autoptr(GPtrArray) accounts = NULL;
  g_autofree char *cursor_key = NULL;
  gint64 cursor_id = 0;
  gboolean searching, has_row;
  const char *column;

  if (total != NULL)
    *total = 0;
  if (next_cursor != NULL)
    *next_cursor = NULL;
  if ((guint) query->sort >= G_N_ELEMENTS (account_sort_columns))
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED, "Unknown sort %d", (int) query->sort);
      return NULL;
    }
  if (query->cursor != NULL && !account_cursor_decode (query, &cursor_key, &cursor_id, error))
    return NULL;
  column = account_sort_columns[query->sort];
  searching = search_init (&search, query->q);
  stmt_cache_trim (self);

  {
    g_auto(SqlBuilder) b = { 0 };
    g_autoptr(CachedStmt) stmt = NULL;

    sql_builder_init (&b);
    sql_add (&b, "SELECT count(*) FROM accounts a");
    account_query_where (&b, query, searching ? &search : NULL);
    stmt = stmt_get (self, b.sql->str, error);
    if (stmt == NULL)
      return NULL;
    sql_bind_all (&b, stmt);
    if (!stmt_next (self, stmt, &has_row, error))
      return NULL;
    if (total != NULL)
      *total = column_int (stmt, 0);
  }

  sql_builder_init (&page);
  sql_add (&page, "SELECT " ACCOUNT_COLUMNS " FROM accounts a");
  account_query_where (&page, query, searching ? &search : NULL);
  if (query->cursor != NULL)
    {
      sql_add (&page, " AND (");
      sql_add (&page, column);
      sql_add (&page, query->descending ? ", a.id) < (?, ?)" : ", a.id) > (?, ?)");
      sql_bind_text_take (&page, g_steal_pointer (&cursor_key));
      sql_bind_int (&page, cursor_id);
    }
  sql_add (&page, " ORDER BY ");
  sql_add (&page, column);
  sql_add (&page, query->descending ? " DESC, a.id DESC LIMIT ?" : " ASC, a.id ASC LIMIT ?");
  sql_bind_int (&page, (gint64) query->limit + 1);
  if (query->cursor == NULL && query->offset > 0)
    {
      sql_add (&page, " OFFSET ?");
      sql_bind_int (&page, query->offset);
    }

  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) rcrm_account_free);
  if (!collect_rows (self, &page, (RowReader) account_from_row, accounts, error))
    return NULL;

  if (accounts->len > query->limit)
    {
      g_ptr_array_set_size (accounts, query->limit);
      if (next_cursor != NULL)
        *next_cursor = account_cursor_encode (query, g_ptr_array_index (accounts, accounts->len - 1));
    }
  if (!accounts_load_labels (self, accounts, error))
    {
      if (next_cursor != NULL)
        g_clear_pointer (next_cursor, g_free);
      return NULL;
    }
  return g_steal_pointer (&accounts);
}

static gboolean
sqlite_account_visible_to (RcrmStore  *store,
                           gint64      account_id,
                           gint64      user_id,
                           GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT 1 FROM accounts a WHERE a.id = ?" ACCOUNT_VISIBLE_TO_FRAGMENT,
                                         error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, 1, account_id);
  for (int i = 2; i <= 5; i++)
    bind_int (stmt, i, user_id);
  return stmt_next (self, stmt, &has_row, error) && has_row;
}

static gboolean
sqlite_account_won_totals (RcrmStore  *store,
                           gint64      account_id,
                           gint64     *count,
                           gint64     *value,
                           GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self,
                                         "SELECT count(*), coalesce (sum (value), 0) FROM leads "
                                         "WHERE account_id = ? AND state = 'closed'",
                                         error);
  gboolean has_row;

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, 1, account_id);
  if (!stmt_next (self, stmt, &has_row, error))
    return FALSE;
  *count = column_int (stmt, 0);
  *value = column_int (stmt, 1);
  return TRUE;
}

static GPtrArray *
sqlite_account_won_leads (RcrmStore  *store,
                          gint64      account_id,
                          gint64      visible_to,
                          guint       limit,
                          GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_auto(SqlBuilder) b = { 0 };
  g_autoptr(GPtrArray) leads = g_ptr_array_new_with_free_func ((GDestroyNotify) rcrm_lead_free);

  sql_builder_init (&b);
  sql_add (&b, "SELECT " LEAD_COLUMNS " FROM leads l WHERE l.account_id = ? AND l.state = 'closed'"
               " AND l.erased_at IS NULL");
  sql_bind_int (&b, account_id);
  if (visible_to != 0)
    sql_add_visible_to (&b, visible_to);
  sql_add (&b, " ORDER BY l.closed_at DESC, l.id DESC LIMIT ?");
  sql_bind_int (&b, limit);
  if (!collect_rows (self, &b, (RowReader) lead_from_row, leads, error)
      || !leads_load_labels (self, leads, error))
    return NULL;
  return g_steal_pointer (&leads);
}

/* ---- contacts ------------------------------------------------------------ */

#define CONTACT_COLUMNS "id, account_id, name, position, phone, email, created_at, updated_at, version"

static RcrmContact *
contact_from_row (sqlite3_stmt *stmt)
{
  RcrmContact *contact = rcrm_contact_new ();

  contact->id = column_int (stmt, 0);
  contact->account_id = column_int (stmt, 1);
  contact->name = column_text (stmt, 2);
  contact->position = column_text (stmt, 3);
  contact->phone = column_text (stmt, 4);
  contact->email = column_text (stmt, 5);
  contact->created_at = column_text (stmt, 6);
  contact->updated_at = column_text (stmt, 7);
  contact->version = column_int (stmt, 8);
  return contact;
}

static gboolean
sqlite_contact_insert (RcrmStore    *store,
                       RcrmContact  *contact,
                       GError      **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "INSERT INTO contacts (account_id, name, position, phone, email, created_at, updated_at, version) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 1)",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, 1, contact->account_id);
  bind_text (stmt, 2, contact->name);
  bind_text (stmt, 3, contact->position);
  bind_text (stmt, 4, contact->phone);
  bind_text (stmt, 5, contact->email);
  bind_text (stmt, 6, now);
  if (!stmt_run (self, stmt, error))
    return FALSE;

  contact->id = sqlite3_last_insert_rowid (self->db);
  contact->version = 1;
  g_free (contact->created_at);
  contact->created_at = g_strdup (now);
  g_free (contact->updated_at);
  contact->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static RcrmContact *
sqlite_contact_get (RcrmStore  *store,
                    gint64      id,
                    GError    **error)
{
  return get_by_id (SELF (store), "SELECT " CONTACT_COLUMNS " FROM contacts WHERE id = ?", id,
                    (RowReader) contact_from_row, "contact", error);
}

static gboolean
sqlite_contact_update (RcrmStore    *store,
                       RcrmContact  *contact,
                       gint64        expected_version,
                       GError      **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "UPDATE contacts SET name = ?, position = ?, phone = ?, email = ?, updated_at = ?, "
                   "version = version + 1 WHERE id = ? AND version = ?",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, contact->name);
  bind_text (stmt, 2, contact->position);
  bind_text (stmt, 3, contact->phone);
  bind_text (stmt, 4, contact->email);
  bind_text (stmt, 5, now);
  bind_int (stmt, 6, contact->id);
  bind_int (stmt, 7, expected_version);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_version (self, "SELECT 1 FROM contacts WHERE id = ?", "contact", contact->id, error);

  contact->version = expected_version + 1;
  g_free (contact->updated_at);
  contact->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static gboolean
sqlite_contact_delete (RcrmStore  *store,
                       gint64      id,
                       GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "DELETE FROM contacts WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, 1, id);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_not_found (error, "contact", id);
  return TRUE;
}

static GPtrArray *
sqlite_contact_list (RcrmStore  *store,
                     gint64      account_id,
                     GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self,
                                         "SELECT " CONTACT_COLUMNS " FROM contacts WHERE account_id = ? ORDER BY id",
                                         error);

  if (stmt == NULL)
    return NULL;
  bind_int (stmt, 1, account_id);
  return query_records (self, stmt, (RowReader) contact_from_row, (GDestroyNotify) rcrm_contact_free, error);
}

static gint64
sqlite_contact_count (RcrmStore  *store,
                      gint64      account_id,
                      GError    **error)
{
  gint64 count = -1;

  if (!query_int (SELF (store), "SELECT count(*) FROM contacts WHERE account_id = ?", account_id, 0, &count, error))
    return -1;
  return count;
}

/* ---- labels -------------------------------------------------------------- */

#define LABEL_COLUMNS "id, name, color, kind, owner_id, created_at, updated_at, version"

static RcrmLabel *
label_from_row (sqlite3_stmt *stmt)
{
  RcrmLabel *label = rcrm_label_new ();

  label->id = column_int (stmt, 0);
  label->name = column_text (stmt, 1);
  label->color = column_text (stmt, 2);
  label->kind = column_text (stmt, 3);
  label->owner_id = column_int (stmt, 4);
  label->created_at = column_text (stmt, 5);
  label->updated_at = column_text (stmt, 6);
  label->version = column_int (stmt, 7);
  return label;
}

static gboolean
sqlite_label_insert (RcrmStore  *store,
                     RcrmLabel  *label,
                     GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "INSERT INTO labels (name, color, kind, owner_id, created_at, updated_at, version) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?5, 1)",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, label->name);
  bind_text (stmt, 2, label->color);
  bind_text (stmt, 3, label->kind);
  bind_id (stmt, 4, label->owner_id);
  bind_text (stmt, 5, now);
  if (!stmt_run (self, stmt, error))
    return FALSE;

  label->id = sqlite3_last_insert_rowid (self->db);
  label->version = 1;
  g_free (label->created_at);
  label->created_at = g_strdup (now);
  g_free (label->updated_at);
  label->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static RcrmLabel *
sqlite_label_get (RcrmStore  *store,
                  gint64      id,
                  GError    **error)
{
  return get_by_id (SELF (store), "SELECT " LABEL_COLUMNS " FROM labels WHERE id = ?", id,
                    (RowReader) label_from_row, "label", error);
}

static GPtrArray *
sqlite_label_list_for (RcrmStore  *store,
                       gint64      user_id,
                       GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;

  stmt = stmt_get (self,
                   "SELECT " LABEL_COLUMNS " FROM labels "
                   "WHERE kind = 'system' OR (kind = 'personal' AND owner_id = ?) ORDER BY id",
                   error);
  if (stmt == NULL)
    return NULL;
  bind_int (stmt, 1, user_id);
  return query_records (self, stmt, (RowReader) label_from_row, (GDestroyNotify) rcrm_label_free, error);
}

static gboolean
sqlite_label_update (RcrmStore  *store,
                     RcrmLabel  *label,
                     gint64      expected_version,
                     GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "UPDATE labels SET name = ?, color = ?, updated_at = ?, version = version + 1 "
                   "WHERE id = ? AND version = ?",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, label->name);
  bind_text (stmt, 2, label->color);
  bind_text (stmt, 3, now);
  bind_int (stmt, 4, label->id);
  bind_int (stmt, 5, expected_version);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_version (self, "SELECT 1 FROM labels WHERE id = ?", "label", label->id, error);

  label->version = expected_version + 1;
  g_free (label->updated_at);
  label->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static gboolean
sqlite_label_delete (RcrmStore  *store,
                     gint64      id,
                     GError    **error)
{
  /* the records that carry it change: new version; segment filters forget it;
   * then the links go with the label (ON DELETE CASCADE) */
  static const char * const steps[] = {
    "UPDATE leads SET version = version + 1, updated_at = ?2 "
    "WHERE id IN (SELECT lead_id FROM lead_labels WHERE label_id = ?1)",
    "UPDATE accounts SET version = version + 1, updated_at = ?2 "
    "WHERE id IN (SELECT account_id FROM account_labels WHERE label_id = ?1)",
    "UPDATE segments SET filter_json = json_set (filter_json, '$.label_ids', "
    "json ((SELECT json_group_array (value) FROM json_each (segments.filter_json, '$.label_ids') "
    "WHERE value <> ?1))), version = version + 1, updated_at = ?2 "
    "WHERE EXISTS (SELECT 1 FROM json_each (segments.filter_json, '$.label_ids') WHERE value = ?1)",
    "DELETE FROM labels WHERE id = ?1",
  };
  RcrmStoreSqlite *self = SELF (store);
  g_autofree char *now = now_rfc3339 (self);
  gboolean ok = TRUE;

  if (!tx_begin (self, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(CachedStmt) stmt = stmt_get (self, steps[i], error);

      ok = stmt != NULL;
      if (!ok)
        break;
      bind_int (stmt, 1, id);
      if (sqlite3_bind_parameter_count (stmt) > 1)
        bind_text (stmt, 2, now);
      ok = stmt_run (self, stmt, error);
      if (ok && i == G_N_ELEMENTS (steps) - 1 && sqlite3_changes (self->db) == 0)
        ok = fail_not_found (error, "label", id);
    }
  return tx_end (self, ok, error);
}

static int
compare_usage (gconstpointer a,
               gconstpointer b)
{
  const RcrmLabelUsage *x = a, *y = b;

  return x->label_id < y->label_id ? -1 : x->label_id > y->label_id;
}

static GArray *
sqlite_label_usage (RcrmStore  *store,
                    gint64      visible_to,
                    GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(GArray) usage = g_array_new (FALSE, TRUE, sizeof (RcrmLabelUsage));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_auto(SqlBuilder) b = { 0 };
      g_autoptr(CachedStmt) stmt = NULL;
      gboolean has_row;

      sql_builder_init (&b);
      if (pass == 0)
        {
          sql_add (&b, "SELECT ll.label_id, count(*) FROM lead_labels ll JOIN leads l ON l.id = ll.lead_id WHERE 1");
          if (visible_to != 0)
            sql_add_visible_to (&b, visible_to);
          sql_add (&b, " GROUP BY ll.label_id");
        }
      else
        {
          sql_add (&b, "SELECT al.label_id, count(*) FROM account_labels al "
                       "JOIN accounts a ON a.id = al.account_id WHERE 1");
          if (visible_to != 0)
            sql_add_account_visible_to (&b, visible_to);
          sql_add (&b, " GROUP BY al.label_id");
        }
      stmt = stmt_get (self, b.sql->str, error);
      if (stmt == NULL)
        return NULL;
      sql_bind_all (&b, stmt);
      for (;;)
        {
          gint64 label_id;
          gpointer position;
          RcrmLabelUsage *entry;

          if (!stmt_next (self, stmt, &has_row, error))
            return NULL;
          if (!has_row)
            break;
          label_id = column_int (stmt, 0);
          if (!g_hash_table_lookup_extended (index, &label_id, NULL, &position))
            {
              RcrmLabelUsage fresh = { label_id, 0, 0 };
              gint64 *key = g_memdup2 (&label_id, sizeof label_id);

              g_array_append_val (usage, fresh);
              position = GUINT_TO_POINTER (usage->len - 1);
              g_hash_table_insert (index, key, position);
            }
          entry = &g_array_index (usage, RcrmLabelUsage, GPOINTER_TO_UINT (position));
          if (pass == 0)
            entry->leads = column_int (stmt, 1);
          else
            entry->accounts = column_int (stmt, 1);
        }
    }
  g_array_sort (usage, compare_usage);
  return g_steal_pointer (&usage);
}

/* ---- segments ------------------------------------------------------------ */

#define SEGMENT_COLUMNS "id, name, entity, shared, owner_id, filter_json, created_at, updated_at, version"

static RcrmSegment *
segment_from_row (sqlite3_stmt *stmt)
{
  RcrmSegment *segment = rcrm_segment_new ();

  segment->id = column_int (stmt, 0);
  segment->name = column_text (stmt, 1);
  segment->entity = column_text (stmt, 2);
  segment->shared = column_int (stmt, 3) != 0;
  segment->owner_id = column_int (stmt, 4);
  g_free (segment->filter_json);
  segment->filter_json = column_text (stmt, 5);
  segment->created_at = column_text (stmt, 6);
  segment->updated_at = column_text (stmt, 7);
  segment->version = column_int (stmt, 8);
  return segment;
}

static gboolean
sqlite_segment_insert (RcrmStore    *store,
                       RcrmSegment  *segment,
                       GError      **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "INSERT INTO segments (name, entity, shared, owner_id, filter_json, created_at, updated_at, "
                   "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 1)",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, segment->name);
  bind_text (stmt, 2, segment->entity);
  bind_int (stmt, 3, segment->shared ? 1 : 0);
  bind_id (stmt, 4, segment->owner_id);
  bind_text (stmt, 5, segment->filter_json != NULL ? segment->filter_json : "{}");
  bind_text (stmt, 6, now);
  if (!stmt_run (self, stmt, error))
    return FALSE;

  segment->id = sqlite3_last_insert_rowid (self->db);
  segment->version = 1;
  if (segment->filter_json == NULL)
    segment->filter_json = g_strdup ("{}");
  g_free (segment->created_at);
  segment->created_at = g_strdup (now);
  g_free (segment->updated_at);
  segment->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static RcrmSegment *
sqlite_segment_get (RcrmStore  *store,
                    gint64      id,
                    GError    **error)
{
  return get_by_id (SELF (store), "SELECT " SEGMENT_COLUMNS " FROM segments WHERE id = ?", id,
                    (RowReader) segment_from_row, "segment", error);
}

static GPtrArray *
sqlite_segment_list_for (RcrmStore  *store,
                         gint64      user_id,
                         GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self,
                                         "SELECT " SEGMENT_COLUMNS " FROM segments "
                                         "WHERE shared = 1 OR owner_id = ? ORDER BY id",
                                         error);

  if (stmt == NULL)
    return NULL;
  bind_int (stmt, 1, user_id);
  return query_records (self, stmt, (RowReader) segment_from_row, (GDestroyNotify) rcrm_segment_free, error);
}

static gboolean
sqlite_segment_update (RcrmStore    *store,
                       RcrmSegment  *segment,
                       gint64        expected_version,
                       GError      **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "UPDATE segments SET name = ?, shared = ?, filter_json = ?, updated_at = ?, "
                   "version = version + 1 WHERE id = ? AND version = ?",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, segment->name);
  bind_int (stmt, 2, segment->shared ? 1 : 0);
  bind_text (stmt, 3, segment->filter_json != NULL ? segment->filter_json : "{}");
  bind_text (stmt, 4, now);
  bind_int (stmt, 5, segment->id);
  bind_int (stmt, 6, expected_version);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_version (self, "SELECT 1 FROM segments WHERE id = ?", "segment", segment->id, error);

  segment->version = expected_version + 1;
  g_free (segment->updated_at);
  segment->updated_at = g_steal_pointer (&now);
  return TRUE;
}

static gboolean
sqlite_segment_delete (RcrmStore  *store,
                       gint64      id,
                       GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "DELETE FROM segments WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, 1, id);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_not_found (error, "segment", id);
  return TRUE;
}

/* ---- custom forms -------------------------------------------------------- */

static char *
form_fields_to_json (const RcrmForm *form)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < form->fields->len; i++)
    {
      const RcrmFormField *field = g_ptr_array_index (form->fields, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, field->key);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, field->label);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, field->type);
      json_builder_set_member_name (builder, "required");
      json_builder_add_boolean_value (builder, field->required);
      if (field->choices != NULL)
        {
          json_builder_set_member_name (builder, "choices");
          json_builder_begin_array (builder);
          for (guint j = 0; field->choices[j] != NULL; j++)
            json_builder_add_string_value (builder, field->choices[j]);
          json_builder_end_array (builder);
        }
      json_builder_set_member_name (builder, "order");
      json_builder_add_int_value (builder, field->order);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* the stored definition; written only by form_fields_to_json, so members are trusted */
static gboolean
form_fields_from_json (RcrmForm    *form,
                       const char  *text,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED, "The %s form is not a JSON array",
                   form->entity);
      return FALSE;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      RcrmFormField *field;

      if (o == NULL)
        continue;
      field = rcrm_form_field_new ();
      field->key = g_strdup (json_object_get_string_member_with_default (o, "key", ""));
      field->label = g_strdup (json_object_get_string_member_with_default (o, "label", ""));
      field->type = g_strdup (json_object_get_string_member_with_default (o, "type", "text"));
      field->required = json_object_get_boolean_member_with_default (o, "required", FALSE);
      field->order = json_object_get_int_member_with_default (o, "order", i);
      if (json_object_has_member (o, "choices") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "choices")))
        {
          JsonArray *choices = json_object_get_array_member (o, "choices");
          GStrvBuilder *strv = g_strv_builder_new ();

          for (guint j = 0; j < json_array_get_length (choices); j++)
            g_strv_builder_add (strv, json_array_get_string_element (choices, j));
          field->choices = g_strv_builder_end (strv);
          g_strv_builder_unref (strv);
        }
      g_ptr_array_add (form->fields, field);
    }
  return TRUE;
}

static RcrmForm *
sqlite_form_get (RcrmStore   *store,
                 const char  *entity,
                 GError     **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT fields, updated_at, version FROM forms WHERE entity = ?",
                                         error);
  g_autoptr(RcrmForm) form = NULL;
  gboolean has_row;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, entity);
  if (!stmt_next (self, stmt, &has_row, error))
    return NULL;
  if (!has_row)
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND, "No form for %s", entity);
      return NULL;
    }
  form = rcrm_form_new (entity);
  if (!form_fields_from_json (form, (const char *) sqlite3_column_text (stmt, 0), error))
    return NULL;
  form->updated_at = column_text (stmt, 1);
  form->version = column_int (stmt, 2);
  return g_steal_pointer (&form);
}

static gboolean
sqlite_form_put (RcrmStore  *store,
                 RcrmForm   *form,
                 gint64      expected_version,
                 GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);
  g_autofree char *fields = form_fields_to_json (form);

  stmt = stmt_get (self,
                   "UPDATE forms SET fields = ?, updated_at = ?, version = version + 1 "
                   "WHERE entity = ? AND version = ?",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, fields);
  bind_text (stmt, 2, now);
  bind_text (stmt, 3, form->entity);
  bind_int (stmt, 4, expected_version);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE,
                   "The %s form was changed by someone else (or does not exist)", form->entity);
      return FALSE;
    }

  form->version = expected_version + 1;
  g_free (form->updated_at);
  form->updated_at = g_steal_pointer (&now);
  return TRUE;
}

/* ---- audit --------------------------------------------------------------- */

static gboolean
sqlite_audit_insert (RcrmStore   *store,
                     gint64       actor_id,
                     const char  *action,
                     const char  *entity,
                     gint64       entity_id,
                     const char  *details_json,
                     GError     **error)
{
  RcrmStoreSqlite *self = SELF (store);
  g_autoptr(CachedStmt) stmt = NULL;
  g_autofree char *now = now_rfc3339 (self);

  stmt = stmt_get (self,
                   "INSERT INTO audit (at, actor_id, action, entity, entity_id, details_json) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, now);
  bind_id (stmt, 2, actor_id);
  bind_text (stmt, 3, action);
  bind_text (stmt, 4, entity);
  bind_id (stmt, 5, entity_id);
  bind_text (stmt, 6, details_json);
  return stmt_run (self, stmt, error);
}

/* ---- the table ----------------------------------------------------------- */

/* ---- PDPA erasure (R26) ---------------------------------------------------- */

/* statements with the record's id as their only parameter, in order */
static gboolean
run_for_id (RcrmStoreSqlite    *self,
            const char * const *sql,
            guint               n,
            gint64              id,
            GError            **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CachedStmt) stmt = stmt_get (self, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      bind_int (stmt, 1, id);
      if (!stmt_run (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
sqlite_lead_erase (RcrmStore  *store,
                   gint64      id,
                   GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  /* the events whose data is ids, steps and flags only keep it */
  static const char * const scrub[] = {
    "DELETE FROM lead_labels WHERE lead_id = ?",
    "DELETE FROM leads_fts WHERE rowid = ?",
    "UPDATE timeline SET body = NULL WHERE lead_id = ? AND body IS NOT NULL",
    "UPDATE timeline SET body = NULL, data_json = '{}' WHERE lead_id = ? AND data_json IS NOT '{}'"
    " AND kind NOT IN ('created', 'edited', 'step', 'pipeline', 'owner', 'restored', 'account_linked')",
  };
  g_autofree char *now = now_rfc3339 (self);
  g_autoptr(CachedStmt) stmt = stmt_get (self,
                                         "UPDATE leads SET name = '', company = NULL, phone = NULL, email = NULL,"
                                         " tax_id = NULL, unfollow_reason = NULL, custom_json = '{}',"
                                         " erased_at = ?2, updated_at = ?2, version = version + 1"
                                         " WHERE id = ?1 AND erased_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  bind_int (stmt, 1, id);
  bind_text (stmt, 2, now);
  if (!stmt_run (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    return fail_not_found (error, "lead", id);
  return run_for_id (self, scrub, G_N_ELEMENTS (scrub), id, error);
}

static gboolean
sqlite_account_erase (RcrmStore  *store,
                      gint64      id,
                      gboolean    with_account,
                      GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  static const char * const contacts[] = {
    "DELETE FROM contacts WHERE account_id = ?",
  };
  static const char * const account[] = {
    "DELETE FROM account_labels WHERE account_id = ?",
    "DELETE FROM accounts_fts WHERE rowid = ?",
    "UPDATE leads SET account_id = NULL, version = version + 1 WHERE account_id = ?",
    "DELETE FROM accounts WHERE id = ?",
  };
  gboolean has_row;

  {
    g_autoptr(CachedStmt) stmt = stmt_get (self, "SELECT 1 FROM accounts WHERE id = ?", error);

    if (stmt == NULL)
      return FALSE;
    bind_int (stmt, 1, id);
    if (!stmt_next (self, stmt, &has_row, error))
      return FALSE;
    if (!has_row)
      return fail_not_found (error, "account", id);
  }

  return run_for_id (self, contacts, G_N_ELEMENTS (contacts), id, error)
         && (!with_account || run_for_id (self, account, G_N_ELEMENTS (account), id, error));
}

static gboolean
sqlite_erase_index (RcrmStore  *store,
                    GError    **error)
{
  /* FTS5 keeps a deleted document's terms in its segments until they are
   * merged; 'optimize' merges them all into one new segment (the old pages
   * are freed, and secure_delete zeroes them) */
  return exec_script (SELF (store),
                      "INSERT INTO leads_fts (leads_fts) VALUES ('optimize');"
                      "INSERT INTO accounts_fts (accounts_fts) VALUES ('optimize');", error);
}

static gboolean
sqlite_erase_journal (RcrmStore  *store,
                      GError    **error)
{
  RcrmStoreSqlite *self = SELF (store);
  int log_frames = 0, checkpointed = 0;
  int rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log_frames, &checkpointed);

  if (rc != SQLITE_OK)
    {
      set_db_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static const RcrmStoreBackend sqlite_backend = {
  .name = "sqlite",
  .close = sqlite_close,
  .begin = sqlite_begin,
  .commit = sqlite_commit,
  .rollback = sqlite_rollback,
  .schema_version = sqlite_schema_version,
  .user_insert = sqlite_user_insert,
  .user_get = sqlite_user_get,
  .user_get_by_username = sqlite_user_get_by_username,
  .user_list = sqlite_user_list,
  .user_count = sqlite_user_count,
  .user_update = sqlite_user_update,
  .user_set_signature = sqlite_user_set_signature,
  .user_get_signature = sqlite_user_get_signature,
  .team_member_ids = sqlite_team_member_ids,
  .session_insert = sqlite_session_insert,
  .session_lookup = sqlite_session_lookup,
  .session_delete = sqlite_session_delete,
  .session_delete_user = sqlite_session_delete_user,
  .settings_get = sqlite_settings_get,
  .settings_put = sqlite_settings_put,
  .team_insert = sqlite_team_insert,
  .team_get = sqlite_team_get,
  .team_list = sqlite_team_list,
  .team_update = sqlite_team_update,
  .team_get_rr_last = sqlite_team_get_rr_last,
  .team_set_rr_last = sqlite_team_set_rr_last,
  .pipeline_insert = sqlite_pipeline_insert,
  .pipeline_get = sqlite_pipeline_get,
  .pipeline_get_standard = sqlite_pipeline_get_standard,
  .pipeline_list = sqlite_pipeline_list,
  .pipeline_count_custom = sqlite_pipeline_count_custom,
  .pipeline_update = sqlite_pipeline_update,
  .pipeline_delete = sqlite_pipeline_delete,
  .pipeline_lead_count = sqlite_pipeline_lead_count,
  .pipeline_max_step = sqlite_pipeline_max_step,
  .pipeline_summary = sqlite_pipeline_summary,
  .lead_insert = sqlite_lead_insert,
  .lead_get = sqlite_lead_get,
  .lead_update = sqlite_lead_update,
  .lead_list = sqlite_lead_list,
  .lead_ids_by_owner = sqlite_lead_ids_by_owner,
  .lead_count_open = sqlite_lead_count_open,
  .lead_visible_to = sqlite_lead_visible_to,
  .lead_duplicates = sqlite_lead_duplicates,
  .timeline_insert = sqlite_timeline_insert,
  .timeline_get = sqlite_timeline_get,
  .timeline_list = sqlite_timeline_list,
  .account_insert = sqlite_account_insert,
  .account_get = sqlite_account_get,
  .account_update = sqlite_account_update,
  .account_ids_by_owner = sqlite_account_ids_by_owner,
  .account_list = sqlite_account_list,
  .account_visible_to = sqlite_account_visible_to,
  .account_won_totals = sqlite_account_won_totals,
  .account_won_leads = sqlite_account_won_leads,
  .contact_insert = sqlite_contact_insert,
  .contact_get = sqlite_contact_get,
  .contact_update = sqlite_contact_update,
  .contact_delete = sqlite_contact_delete,
  .contact_list = sqlite_contact_list,
  .contact_count = sqlite_contact_count,
  .label_insert = sqlite_label_insert,
  .label_get = sqlite_label_get,
  .label_list_for = sqlite_label_list_for,
  .label_update = sqlite_label_update,
  .label_delete = sqlite_label_delete,
  .label_usage = sqlite_label_usage,
  .segment_insert = sqlite_segment_insert,
  .segment_get = sqlite_segment_get,
  .segment_list_for = sqlite_segment_list_for,
  .segment_update = sqlite_segment_update,
  .segment_delete = sqlite_segment_delete,
  .form_get = sqlite_form_get,
  .form_put = sqlite_form_put,
  .audit_insert = sqlite_audit_insert,
  .lead_erase = sqlite_lead_erase,
  .account_erase = sqlite_account_erase,
  .erase_index = sqlite_erase_index,
  .erase_journal = sqlite_erase_journal,
};
