/* rcrm-store-private.h — the table a storage backend fills in.
 *
 * One entry per public function of rcrm-store.h, same arguments.  A backend
 * embeds struct _RcrmStore as the first member of its own structure and
 * points it at a static const RcrmStoreBackend; rcrm-store.c checks the
 * arguments and dispatches.
 */
#pragma once

#include "rcrm-store.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;

  void          (*close)                 (RcrmStore *store);
  gboolean      (*begin)                 (RcrmStore *store, GError **error);
  gboolean      (*commit)                (RcrmStore *store, GError **error);
  void          (*rollback)              (RcrmStore *store);
  gint          (*schema_version)        (RcrmStore *store);

  gboolean      (*user_insert)           (RcrmStore *store, RcrmUser *user, GError **error);
  RcrmUser     *(*user_get)              (RcrmStore *store, gint64 id, GError **error);
  RcrmUser     *(*user_get_by_username)  (RcrmStore *store, const char *username, GError **error);
  GPtrArray    *(*user_list)             (RcrmStore *store, GError **error);
  guint         (*user_count)            (RcrmStore *store, GError **error);
  gboolean      (*user_update)           (RcrmStore *store, RcrmUser *user, gint64 expected_version, GError **error);
  gboolean      (*user_set_signature)    (RcrmStore *store, gint64 user_id, GBytes *png, GError **error);
  GBytes       *(*user_get_signature)    (RcrmStore *store, gint64 user_id, GError **error);
  GArray       *(*team_member_ids)       (RcrmStore *store, gint64 team_id, GError **error);

  gboolean      (*session_insert)        (RcrmStore *store, const char *token_hash, gint64 user_id,
                                          const char *expires_at, GError **error);
  gint64        (*session_lookup)        (RcrmStore *store, const char *token_hash, const char *now, GError **error);
  gboolean      (*session_delete)        (RcrmStore *store, const char *token_hash, GError **error);
  gboolean      (*session_delete_user)   (RcrmStore *store, gint64 user_id, GError **error);

  char         *(*settings_get)          (RcrmStore *store, gint64 *version, GError **error);
  gboolean      (*settings_put)          (RcrmStore *store, const char *json, gint64 expected_version,
                                          gint64 *new_version, GError **error);

  gboolean      (*team_insert)           (RcrmStore *store, RcrmTeam *team, GError **error);
  RcrmTeam     *(*team_get)              (RcrmStore *store, gint64 id, GError **error);
  GPtrArray    *(*team_list)             (RcrmStore *store, GError **error);
  gboolean      (*team_update)           (RcrmStore *store, RcrmTeam *team, gint64 expected_version, GError **error);
  gint64        (*team_get_rr_last)      (RcrmStore *store, gint64 team_id, GError **error);
  gboolean      (*team_set_rr_last)      (RcrmStore *store, gint64 team_id, gint64 user_id, GError **error);

  gboolean      (*pipeline_insert)       (RcrmStore *store, RcrmPipeline *pipeline, GError **error);
  RcrmPipeline *(*pipeline_get)          (RcrmStore *store, gint64 id, GError **error);
  RcrmPipeline *(*pipeline_get_standard) (RcrmStore *store, GError **error);
  GPtrArray    *(*pipeline_list)         (RcrmStore *store, GError **error);
  guint         (*pipeline_count_custom) (RcrmStore *store, GError **error);
  gboolean      (*pipeline_update)       (RcrmStore *store, RcrmPipeline *pipeline, gint64 expected_version,
                                          GError **error);
  gboolean      (*pipeline_delete)       (RcrmStore *store, gint64 id, GError **error);
  gint64        (*pipeline_lead_count)   (RcrmStore *store, gint64 pipeline_id, GError **error);
  gint          (*pipeline_max_step)     (RcrmStore *store, gint64 pipeline_id, GError **error);
  GArray       *(*pipeline_summary)      (RcrmStore *store, gint64 pipeline_id, gint64 owner_id,
                                          gint64 label_id, gint64 visible_to, GError **error);

  gboolean      (*lead_insert)           (RcrmStore *store, RcrmLead *lead, GError **error);
  RcrmLead     *(*lead_get)              (RcrmStore *store, gint64 id, GError **error);
  gboolean      (*lead_update)           (RcrmStore *store, RcrmLead *lead, gint64 expected_version, GError **error);
  GPtrArray    *(*lead_list)             (RcrmStore *store, const RcrmLeadQuery *query, gint64 *total,
                                          char **next_cursor, GError **error);
  GArray       *(*lead_ids_by_owner)     (RcrmStore *store, gint64 owner_id, GError **error);
  gint64        (*lead_count_open)       (RcrmStore *store, gint64 owner_id, GError **error);
  gboolean      (*lead_visible_to)       (RcrmStore *store, gint64 lead_id, gint64 user_id, GError **error);
  GPtrArray    *(*lead_duplicates)       (RcrmStore *store, const char *phone, const char *email,
                                          const char *tax_id, const char * const *states, GError **error);

  gboolean      (*timeline_insert)       (RcrmStore *store, RcrmTimelineEntry *entry, GError **error);
  RcrmTimelineEntry *(*timeline_get)     (RcrmStore *store, gint64 id, GError **error);
  GPtrArray    *(*timeline_list)         (RcrmStore *store, gint64 lead_id, gboolean notes_only, GError **error);

  gboolean      (*account_insert)        (RcrmStore *store, RcrmAccount *account, GError **error);
  RcrmAccount  *(*account_get)           (RcrmStore *store, gint64 id, GError **error);
  gboolean      (*account_update)        (RcrmStore *store, RcrmAccount *account, gint64 expected_version,
                                          GError **error);
  GArray       *(*account_ids_by_owner)  (RcrmStore *store, gint64 owner_id, GError **error);
  GPtrArray    *(*account_list)          (RcrmStore *store, const RcrmAccountQuery *query, gint64 *total,
                                          char **next_cursor, GError **error);
  gboolean      (*account_visible_to)    (RcrmStore *store, gint64 account_id, gint64 user_id, GError **error);
  gboolean      (*account_won_totals)    (RcrmStore *store, gint64 account_id, gint64 *count, gint64 *value,
                                          GError **error);
  GPtrArray    *(*account_won_leads)     (RcrmStore *store, gint64 account_id, gint64 visible_to, guint limit,
                                          GError **error);

  gboolean      (*contact_insert)        (RcrmStore *store, RcrmContact *contact, GError **error);
  RcrmContact  *(*contact_get)           (RcrmStore *store, gint64 id, GError **error);
  gboolean      (*contact_update)        (RcrmStore *store, RcrmContact *contact, gint64 expected_version,
                                          GError **error);
  gboolean      (*contact_delete)        (RcrmStore *store, gint64 id, GError **error);
  GPtrArray    *(*contact_list)          (RcrmStore *store, gint64 account_id, GError **error);
  gint64        (*contact_count)         (RcrmStore *store, gint64 account_id, GError **error);

  gboolean      (*label_insert)          (RcrmStore *store, RcrmLabel *label, GError **error);
  RcrmLabel    *(*label_get)             (RcrmStore *store, gint64 id, GError **error);
  GPtrArray    *(*label_list_for)        (RcrmStore *store, gint64 user_id, GError **error);
  gboolean      (*label_update)          (RcrmStore *store, RcrmLabel *label, gint64 expected_version,
                                          GError **error);
  gboolean      (*label_delete)          (RcrmStore *store, gint64 id, GError **error);
  GArray       *(*label_usage)           (RcrmStore *store, gint64 visible_to, GError **error);

  gboolean      (*segment_insert)        (RcrmStore *store, RcrmSegment *segment, GError **error);
  RcrmSegment  *(*segment_get)           (RcrmStore *store, gint64 id, GError **error);
  GPtrArray    *(*segment_list_for)      (RcrmStore *store, gint64 user_id, GError **error);
  gboolean      (*segment_update)        (RcrmStore *store, RcrmSegment *segment, gint64 expected_version,
                                          GError **error);
  gboolean      (*segment_delete)        (RcrmStore *store, gint64 id, GError **error);

  RcrmForm     *(*form_get)              (RcrmStore *store, const char *entity, GError **error);
  gboolean      (*form_put)              (RcrmStore *store, RcrmForm *form, gint64 expected_version,
                                          GError **error);

  gboolean      (*audit_insert)          (RcrmStore *store, gint64 actor_id, const char *action,
                                          const char *entity, gint64 entity_id, const char *details_json,
                                          GError **error);

  gboolean      (*lead_erase)            (RcrmStore *store, gint64 id, GError **error);
  gboolean      (*account_erase)         (RcrmStore *store, gint64 id, gboolean with_account, GError **error);
  gboolean      (*erase_index)           (RcrmStore *store, GError **error);
  gboolean      (*erase_journal)         (RcrmStore *store, GError **error);
} RcrmStoreBackend;

struct _RcrmStore {
  const RcrmStoreBackend *backend;
  char                   *fixed_now;   /* rcrm_store_set_clock(); NULL = the real time */
};

G_END_DECLS
