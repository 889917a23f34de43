/* rcrm-store.h — the storage interface of rcrm-server.
 *
 * Every byte of SQL lives behind this interface.  rcrm-store.c holds the
 * public functions below, which dispatch through an RcrmStoreBackend table
 * (rcrm-store-private.h); rcrm-store-sqlite.c is the SQLite backend.  A
 * PostgreSQL backend implements the same table and is chosen by
 * rcrm_store_open() from a "postgresql://" URI.
 *
 * The server is single-threaded: a request handler calls rcrm_store_begin(),
 * any number of operations, then rcrm_store_commit() — or
 * rcrm_store_rollback() on the first error — so a request never leaves a
 * half-written change.  Operations called outside a transaction are atomic
 * on their own.
 *
 * The store stamps created_at/updated_at (RFC 3339 UTC), assigns ids, starts
 * versions at 1 and adds 1 per update, and derives RcrmLead.state.
 */
#pragma once

#include "rcrm-model.h"

G_BEGIN_DECLS

#define RCRM_STORE_ERROR (rcrm_store_error_quark ())
GQuark rcrm_store_error_quark (void);

typedef enum {
  RCRM_STORE_ERROR_FAILED,       /* database or I/O error */
  RCRM_STORE_ERROR_NOT_FOUND,    /* no such record */
  RCRM_STORE_ERROR_EXISTS,       /* unique value taken (username, quote number, …) */
  RCRM_STORE_ERROR_STALE,        /* expected_version differs from the stored version */
  RCRM_STORE_ERROR_APPEND_ONLY,  /* attempt to change a note */
  RCRM_STORE_ERROR_BAD_CURSOR,   /* a list cursor that this store did not make */
  RCRM_STORE_ERROR_UNSUPPORTED,  /* backend not built in */
} RcrmStoreError;

typedef struct _RcrmStore RcrmStore;

typedef enum {
  RCRM_LEAD_SORT_ACTIVITY,       /* last_activity_at (default, descending) */
  RCRM_LEAD_SORT_CREATED,
  RCRM_LEAD_SORT_UPDATED,
  RCRM_LEAD_SORT_NAME,
  RCRM_LEAD_SORT_VALUE,
} RcrmLeadSort;

typedef struct {
  const char   *q;               /* substring of name, company, phone, email, tax ID; NULL = any */
  guint         state_mask;      /* RcrmLeadState bits; 0 = IN_PROGRESS | CLOSED */
  gint64        pipeline_id;     /* 0 = any */
  gint          step;            /* -1 = any */
  gint64        owner_id;        /* 0 = any */
  gint64        label_id;        /* 0 = any */
  gint64        account_id;      /* 0 = any */
  gint64        visible_to;      /* R14: 0 = no restriction; else only leads owned by this
                                    user or by members of teams this user leads */
  RcrmLeadSort  sort;
  gboolean      descending;
  const char   *cursor;          /* from a previous page; NULL = first page */
  guint         offset;          /* rows to skip when cursor is NULL (random access for
                                    lazy list models); next_cursor still works from there */
  guint         limit;           /* 1..500 */
  /* segment filters (R13); each narrows the list */
  const GArray *label_ids;       /* gint64: leads carrying every one of them; NULL = any */
  gboolean      has_value_min;
  gint64        value_min;       /* satang, inclusive */
  gboolean      has_value_max;
  gint64        value_max;       /* satang, inclusive */
  const char   *created_from;    /* RFC 3339 UTC, inclusive; NULL = no bound */
  const char   *created_before;  /* RFC 3339 UTC, exclusive; NULL = no bound */
  const char   *province;        /* leads linked to an account in this province; NULL = any */
  gboolean      match_none;      /* a filter nothing can match (e.g. a label the caller cannot see) */
} RcrmLeadQuery;

typedef enum {
  RCRM_ACCOUNT_SORT_NAME,        /* default, ascending */
  RCRM_ACCOUNT_SORT_CREATED,
  RCRM_ACCOUNT_SORT_UPDATED,
} RcrmAccountSort;

typedef enum {
  RCRM_ACCOUNT_STATUS_PENDING   = 1 << 0,
  RCRM_ACCOUNT_STATUS_CONFIRMED = 1 << 1,
  RCRM_ACCOUNT_STATUS_SOLD      = 1 << 2,
} RcrmAccountStatus;

typedef enum {
  RCRM_FAVOURITE_ANY,
  RCRM_FAVOURITE_ONLY,
  RCRM_FAVOURITE_NOT,
} RcrmFavouriteFilter;

typedef struct {
  const char   *q;               /* substring of name, tax ID, phone, e-mail; NULL = any */
  guint         status_mask;     /* RcrmAccountStatus bits; 0 = any */
  gint64        owner_id;        /* 0 = any */
  const GArray *label_ids;       /* gint64: accounts carrying every one of them; NULL = any */
  RcrmFavouriteFilter favourite;
  const char   *province;        /* NULL = any */
  gboolean      has_value_min;   /* on the account's won total (sum of its closed leads) */
  gint64        value_min;
  gboolean      has_value_max;
  gint64        value_max;
  const char   *created_from;    /* as RcrmLeadQuery */
  const char   *created_before;
  gint64        visible_to;      /* R14: 0 = no restriction; else only accounts owned by this user
                                    or members of teams they lead, or on which one of them holds a lead */
  gboolean      match_none;
  RcrmAccountSort sort;
  gboolean      descending;
  const char   *cursor;
  guint         offset;
  guint         limit;           /* 1..500 */
} RcrmAccountQuery;

/* Opens (creating and migrating) the store.  uri is a file path for SQLite;
 * "postgresql://…" answers RCRM_STORE_ERROR_UNSUPPORTED for now. */
RcrmStore   *rcrm_store_open                 (const char *uri, GError **error);
/* Checkpoints and closes; safe with NULL. */
void         rcrm_store_close                (RcrmStore *store);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmStore, rcrm_store_close)

gboolean     rcrm_store_begin                (RcrmStore *store, GError **error);
gboolean     rcrm_store_commit               (RcrmStore *store, GError **error);
void         rcrm_store_rollback             (RcrmStore *store);
/* Stamps every following write with `now` (RFC 3339 UTC) instead of the real
 * time, until called with NULL.  For demo data with a believable history. */
void         rcrm_store_set_clock            (RcrmStore *store, const char *now);
/* the migration number the database is at */
gint         rcrm_store_schema_version       (RcrmStore *store);

/* ---- users --------------------------------------------------------------- */
gboolean     rcrm_store_user_insert          (RcrmStore *store, RcrmUser *user, GError **error);
RcrmUser    *rcrm_store_user_get             (RcrmStore *store, gint64 id, GError **error);
RcrmUser    *rcrm_store_user_get_by_username (RcrmStore *store, const char *username, GError **error);
/* all users, inactive included, by id; element-type RcrmUser */
GPtrArray   *rcrm_store_user_list            (RcrmStore *store, GError **error);
guint        rcrm_store_user_count           (RcrmStore *store, GError **error);
/* writes display_name, role, team_id, phone, email, password_hash, active */
gboolean     rcrm_store_user_update          (RcrmStore *store, RcrmUser *user, gint64 expected_version, GError **error);
/* NULL signature removes it */
gboolean     rcrm_store_user_set_signature   (RcrmStore *store, gint64 user_id, GBytes *png, GError **error);
GBytes      *rcrm_store_user_get_signature   (RcrmStore *store, gint64 user_id, GError **error);
/* ids of the active members of a team, ascending */
GArray      *rcrm_store_team_member_ids      (RcrmStore *store, gint64 team_id, GError **error);

/* ---- sessions (token_hash: hex SHA-256 of the bearer token) -------------- */
gboolean     rcrm_store_session_insert       (RcrmStore *store, const char *token_hash, gint64 user_id,
                                              const char *expires_at, GError **error);
/* the user id of a live session (expires_at > now), or 0 */
gint64       rcrm_store_session_lookup       (RcrmStore *store, const char *token_hash, const char *now, GError **error);
gboolean     rcrm_store_session_delete       (RcrmStore *store, const char *token_hash, GError **error);
gboolean     rcrm_store_session_delete_user  (RcrmStore *store, gint64 user_id, GError **error);

/* ---- settings (one JSON document) ---------------------------------------- */
/* NULL with *version = 0 and no error when never written */
char        *rcrm_store_settings_get         (RcrmStore *store, gint64 *version, GError **error);
/* expected_version 0 = first write */
gboolean     rcrm_store_settings_put         (RcrmStore *store, const char *json, gint64 expected_version,
                                              gint64 *new_version, GError **error);

/* ---- teams --------------------------------------------------------------- */
gboolean     rcrm_store_team_insert          (RcrmStore *store, RcrmTeam *team, GError **error);
RcrmTeam    *rcrm_store_team_get             (RcrmStore *store, gint64 id, GError **error);
GPtrArray   *rcrm_store_team_list            (RcrmStore *store, GError **error);
/* writes name, lead_id, distribution */
gboolean     rcrm_store_team_update          (RcrmStore *store, RcrmTeam *team, gint64 expected_version, GError **error);
/* round-robin position: the member who got the last lead (0 = none); no version change */
gint64       rcrm_store_team_get_rr_last     (RcrmStore *store, gint64 team_id, GError **error);
gboolean     rcrm_store_team_set_rr_last     (RcrmStore *store, gint64 team_id, gint64 user_id, GError **error);

/* ---- pipelines ----------------------------------------------------------- */
gboolean     rcrm_store_pipeline_insert      (RcrmStore *store, RcrmPipeline *pipeline, GError **error);
RcrmPipeline *rcrm_store_pipeline_get        (RcrmStore *store, gint64 id, GError **error);
RcrmPipeline *rcrm_store_pipeline_get_standard (RcrmStore *store, GError **error);
/* standard first, then by id */
GPtrArray   *rcrm_store_pipeline_list        (RcrmStore *store, GError **error);
guint        rcrm_store_pipeline_count_custom (RcrmStore *store, GError **error);
/* writes name and steps; re-derives the state of the pipeline's leads */
gboolean     rcrm_store_pipeline_update      (RcrmStore *store, RcrmPipeline *pipeline, gint64 expected_version, GError **error);
gboolean     rcrm_store_pipeline_delete      (RcrmStore *store, gint64 id, GError **error);
/* every lead in the pipeline, unfollowed included */
gint64       rcrm_store_pipeline_lead_count  (RcrmStore *store, gint64 pipeline_id, GError **error);
/* highest step any lead of the pipeline is at, -1 when none */
gint         rcrm_store_pipeline_max_step    (RcrmStore *store, gint64 pipeline_id, GError **error);
/* per step: count and sum of value of the pipeline's in-progress and closed leads
 * matching owner_id / label_id (0 = any) and visible_to (as RcrmLeadQuery);
 * element-type RcrmStepSummary, one per step */
GArray      *rcrm_store_pipeline_summary     (RcrmStore *store, gint64 pipeline_id, gint64 owner_id,
                                              gint64 label_id, gint64 visible_to, GError **error);

/* ---- leads --------------------------------------------------------------- */
/* fills id, state, created_at, updated_at, last_activity_at, version;
 * keeps the search index and label links */
gboolean     rcrm_store_lead_insert          (RcrmStore *store, RcrmLead *lead, GError **error);
RcrmLead    *rcrm_store_lead_get             (RcrmStore *store, gint64 id, GError **error);
/* writes every mutable field (name … custom_json, owner_id, pipeline_id, step,
 * unfollowed, unfollow_reason, account_id, label_ids); refreshes state,
 * updated_at, last_activity_at, version and the search index */
gboolean     rcrm_store_lead_update          (RcrmStore *store, RcrmLead *lead, gint64 expected_version, GError **error);
/* a page of leads; *total counts every match, *next_cursor is NULL on the last page */
GPtrArray   *rcrm_store_lead_list            (RcrmStore *store, const RcrmLeadQuery *query, gint64 *total,
                                              char **next_cursor, GError **error);
/* ids of every lead owned by the user, ascending */
GArray      *rcrm_store_lead_ids_by_owner    (RcrmStore *store, gint64 owner_id, GError **error);
/* in-progress leads (not closed, not unfollowed) owned by the user */
gint64       rcrm_store_lead_count_open      (RcrmStore *store, gint64 owner_id, GError **error);
/* R25: leads whose phone, email or tax_id (already normalised; NULL = not checked)
 * equals the given value and whose state is one of states (NULL-terminated);
 * element-type RcrmLeadMatch, ascending by id; each lead once */
#define RCRM_MATCH_EMAIL  (1u << 0)
#define RCRM_MATCH_PHONE  (1u << 1)
#define RCRM_MATCH_TAX_ID (1u << 2)
typedef struct {
  gint64  lead_id;
  char   *name;
  gint64  owner_id;
  char   *state;
  guint   matched;   /* RCRM_MATCH_* bits */
} RcrmLeadMatch;
void         rcrm_lead_match_free            (RcrmLeadMatch *match);
GPtrArray   *rcrm_store_lead_duplicates      (RcrmStore *store, const char *phone, const char *email,
                                              const char *tax_id, const char * const *states, GError **error);
/* does the user (directly or as leader of the owner's team) see this lead under R14? */
gboolean     rcrm_store_lead_visible_to      (RcrmStore *store, gint64 lead_id, gint64 user_id, GError **error);

/* ---- timeline (notes and events; append-only) ---------------------------- */
/* fills id and created_at; bumps the lead's last_activity_at (not its version) */
gboolean     rcrm_store_timeline_insert      (RcrmStore *store, RcrmTimelineEntry *entry, GError **error);
RcrmTimelineEntry *rcrm_store_timeline_get   (RcrmStore *store, gint64 id, GError **error);
/* oldest first; notes_only = only kind "note" */
GPtrArray   *rcrm_store_timeline_list        (RcrmStore *store, gint64 lead_id, gboolean notes_only, GError **error);

/* ---- accounts ------------------------------------------------------------- */
/* fills id, created_at, updated_at, version, contact_count; keeps the search
 * index and the label links */
gboolean     rcrm_store_account_insert       (RcrmStore *store, RcrmAccount *account, GError **error);
RcrmAccount *rcrm_store_account_get          (RcrmStore *store, gint64 id, GError **error);
/* writes every mutable field, label_ids included */
gboolean     rcrm_store_account_update       (RcrmStore *store, RcrmAccount *account, gint64 expected_version, GError **error);
GArray      *rcrm_store_account_ids_by_owner (RcrmStore *store, gint64 owner_id, GError **error);
/* a page of accounts, as rcrm_store_lead_list */
GPtrArray   *rcrm_store_account_list         (RcrmStore *store, const RcrmAccountQuery *query, gint64 *total,
                                              char **next_cursor, GError **error);
/* does the user see this account under R14 (see RcrmAccountQuery.visible_to)? */
gboolean     rcrm_store_account_visible_to   (RcrmStore *store, gint64 account_id, gint64 user_id, GError **error);
/* number and summed value of the closed leads linked to the account */
gboolean     rcrm_store_account_won_totals   (RcrmStore *store, gint64 account_id, gint64 *count, gint64 *value,
                                              GError **error);
/* the closed leads linked to the account, latest win first, at most limit;
 * visible_to as RcrmLeadQuery */
GPtrArray   *rcrm_store_account_won_leads    (RcrmStore *store, gint64 account_id, gint64 visible_to, guint limit,
                                              GError **error);

/* ---- contacts (R11) --------------------------------------------------------- */
gboolean     rcrm_store_contact_insert       (RcrmStore *store, RcrmContact *contact, GError **error);
RcrmContact *rcrm_store_contact_get          (RcrmStore *store, gint64 id, GError **error);
/* writes name, position, phone, email */
gboolean     rcrm_store_contact_update       (RcrmStore *store, RcrmContact *contact, gint64 expected_version, GError **error);
gboolean     rcrm_store_contact_delete       (RcrmStore *store, gint64 id, GError **error);
/* the account's contacts by id */
GPtrArray   *rcrm_store_contact_list         (RcrmStore *store, gint64 account_id, GError **error);
gint64       rcrm_store_contact_count        (RcrmStore *store, gint64 account_id, GError **error);

/* ---- labels (R12) ----------------------------------------------------------- */
gboolean     rcrm_store_label_insert         (RcrmStore *store, RcrmLabel *label, GError **error);
RcrmLabel   *rcrm_store_label_get            (RcrmStore *store, gint64 id, GError **error);
/* system labels and the user's own personal labels, by id */
GPtrArray   *rcrm_store_label_list_for       (RcrmStore *store, gint64 user_id, GError **error);
/* writes name and color */
gboolean     rcrm_store_label_update         (RcrmStore *store, RcrmLabel *label, gint64 expected_version, GError **error);
/* takes the label off every lead and account (each gets a new version) and deletes it */
gboolean     rcrm_store_label_delete         (RcrmStore *store, gint64 id, GError **error);
/* per label carried by at least one record: the leads (any state) and accounts
 * carrying it, only those visible_to sees (as RcrmLeadQuery / RcrmAccountQuery);
 * element-type RcrmLabelUsage, by label id */
GArray      *rcrm_store_label_usage          (RcrmStore *store, gint64 visible_to, GError **error);

/* ---- segments (R13) --------------------------------------------------------- */
gboolean     rcrm_store_segment_insert       (RcrmStore *store, RcrmSegment *segment, GError **error);
RcrmSegment *rcrm_store_segment_get          (RcrmStore *store, gint64 id, GError **error);
/* the shared segments and the user's own, by id */
GPtrArray   *rcrm_store_segment_list_for     (RcrmStore *store, gint64 user_id, GError **error);
/* writes name, shared, filter_json */
gboolean     rcrm_store_segment_update       (RcrmStore *store, RcrmSegment *segment, gint64 expected_version, GError **error);
gboolean     rcrm_store_segment_delete       (RcrmStore *store, gint64 id, GError **error);

/* ---- custom forms (R22): entity "lead" or "account" ------------------------- */
RcrmForm    *rcrm_store_form_get             (RcrmStore *store, const char *entity, GError **error);
/* replaces the fields */
gboolean     rcrm_store_form_put             (RcrmStore *store, RcrmForm *form, gint64 expected_version, GError **error);

/* ---- audit (R29): who changed what, never personal values ----------------- */
gboolean     rcrm_store_audit_insert         (RcrmStore *store, gint64 actor_id, const char *action,
                                              const char *entity, gint64 entity_id, const char *details_json,
                                              GError **error);

/* ---- PDPA erasure (R26) ---------------------------------------------------- */
/* In a transaction: removes the lead's personal values (name → "", company,
 * phone, e-mail, tax ID, unfollow reason, custom values), its labels, its
 * search entry, its notes' text and the data of its events that may hold
 * personal values; the row stays for the anonymous figures, out of every
 * read.  An erased or missing lead → RCRM_STORE_ERROR_NOT_FOUND. */
gboolean     rcrm_store_lead_erase           (RcrmStore *store, gint64 id, GError **error);
/* In a transaction: deletes the account's contacts; with_account also the
 * account itself (its labels and search entry; its leads stay, unlinked). */
gboolean     rcrm_store_account_erase        (RcrmStore *store, gint64 id, gboolean with_account, GError **error);
/* In the same transaction, after the erasure: rewrites the search indexes so
 * no old segment keeps a trace of the erased text. */
gboolean     rcrm_store_erase_index          (RcrmStore *store, GError **error);
/* After the commit: moves every page into the database file and empties the
 * write-ahead log, so no older copy of an erased page survives there. */
gboolean     rcrm_store_erase_journal        (RcrmStore *store, GError **error);

G_END_DECLS
