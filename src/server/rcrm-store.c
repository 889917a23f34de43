/* rcrm-store.c — the public store functions: check arguments, dispatch to the backend */
#include "config.h"

#include "rcrm-store-private.h"
#include "rcrm-store-sqlite.h"

G_DEFINE_QUARK (rcrm-store-error-quark, rcrm_store_error)

RcrmStore *
rcrm_store_open (const char  *uri,
                 GError     **error)
{
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_str_has_prefix (uri, "postgresql://") || g_str_has_prefix (uri, "postgres://"))
    {
      g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_UNSUPPORTED,
                           "The PostgreSQL storage backend is not built into this server; "
                           "use an SQLite database file path");
      return NULL;
    }
  if (*uri == '\0')
    {
      g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED, "Empty database path");
      return NULL;
    }
  return rcrm_store_sqlite_open (uri, error);
}

void
rcrm_store_close (RcrmStore *store)
{
  if (store == NULL)
    return;
  g_clear_pointer (&store->fixed_now, g_free);
  store->backend->close (store);
}

gboolean
rcrm_store_begin (RcrmStore  *store,
                  GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->begin (store, error);
}

gboolean
rcrm_store_commit (RcrmStore  *store,
                   GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->commit (store, error);
}

void
rcrm_store_rollback (RcrmStore *store)
{
  g_return_if_fail (store != NULL);

  store->backend->rollback (store);
}

void
rcrm_store_set_clock (RcrmStore  *store,
                      const char *now)
{
  char *copy = g_strdup (now);

  g_return_if_fail (store != NULL);
  g_free (store->fixed_now);
  store->fixed_now = copy;
}

gint
rcrm_store_schema_version (RcrmStore *store)
{
  g_return_val_if_fail (store != NULL, -1);

  return store->backend->schema_version (store);
}

/* ---- users --------------------------------------------------------------- */

gboolean
rcrm_store_user_insert (RcrmStore  *store,
                        RcrmUser   *user,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (user != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->user_insert (store, user, error);
}

RcrmUser *
rcrm_store_user_get (RcrmStore  *store,
                     gint64      id,
                     GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->user_get (store, id, error);
}

RcrmUser *
rcrm_store_user_get_by_username (RcrmStore   *store,
                                 const char  *username,
                                 GError     **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->user_get_by_username (store, username, error);
}

GPtrArray *
rcrm_store_user_list (RcrmStore  *store,
                      GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->user_list (store, error);
}

guint
rcrm_store_user_count (RcrmStore  *store,
                       GError    **error)
{
  g_return_val_if_fail (store != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return store->backend->user_count (store, error);
}

gboolean
rcrm_store_user_update (RcrmStore  *store,
                        RcrmUser   *user,
                        gint64      expected_version,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (user != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->user_update (store, user, expected_version, error);
}

gboolean
rcrm_store_user_set_signature (RcrmStore  *store,
                               gint64      user_id,
                               GBytes     *png,
                               GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->user_set_signature (store, user_id, png, error);
}

GBytes *
rcrm_store_user_get_signature (RcrmStore  *store,
                               gint64      user_id,
                               GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->user_get_signature (store, user_id, error);
}

GArray *
rcrm_store_team_member_ids (RcrmStore  *store,
                            gint64      team_id,
                            GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->team_member_ids (store, team_id, error);
}

/* ---- sessions ------------------------------------------------------------ */

gboolean
rcrm_store_session_insert (RcrmStore   *store,
                           const char  *token_hash,
                           gint64       user_id,
                           const char  *expires_at,
                           GError     **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);
  g_return_val_if_fail (expires_at != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->session_insert (store, token_hash, user_id, expires_at, error);
}

gint64
rcrm_store_session_lookup (RcrmStore   *store,
                           const char  *token_hash,
                           const char  *now,
                           GError     **error)
{
  g_return_val_if_fail (store != NULL, 0);
  g_return_val_if_fail (token_hash != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return store->backend->session_lookup (store, token_hash, now, error);
}

gboolean
rcrm_store_session_delete (RcrmStore   *store,
                           const char  *token_hash,
                           GError     **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (token_hash != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->session_delete (store, token_hash, error);
}

gboolean
rcrm_store_session_delete_user (RcrmStore  *store,
                                gint64      user_id,
                                GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->session_delete_user (store, user_id, error);
}

/* ---- settings ------------------------------------------------------------ */

char *
rcrm_store_settings_get (RcrmStore  *store,
                         gint64     *version,
                         GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->settings_get (store, version, error);
}

gboolean
rcrm_store_settings_put (RcrmStore   *store,
                         const char  *json,
                         gint64       expected_version,
                         gint64      *new_version,
                         GError     **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (expected_version >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->settings_put (store, json, expected_version, new_version, error);
}

/* ---- teams --------------------------------------------------------------- */

gboolean
rcrm_store_team_insert (RcrmStore  *store,
                        RcrmTeam   *team,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (team != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->team_insert (store, team, error);
}

RcrmTeam *
rcrm_store_team_get (RcrmStore  *store,
                     gint64      id,
                     GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->team_get (store, id, error);
}

GPtrArray *
rcrm_store_team_list (RcrmStore  *store,
                      GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->team_list (store, error);
}

gboolean
rcrm_store_team_update (RcrmStore  *store,
                        RcrmTeam   *team,
                        gint64      expected_version,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (team != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->team_update (store, team, expected_version, error);
}

gint64
rcrm_store_team_get_rr_last (RcrmStore  *store,
                             gint64      team_id,
                             GError    **error)
{
  g_return_val_if_fail (store != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return store->backend->team_get_rr_last (store, team_id, error);
}

gboolean
rcrm_store_team_set_rr_last (RcrmStore  *store,
                             gint64      team_id,
                             gint64      user_id,
                             GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->team_set_rr_last (store, team_id, user_id, error);
}

/* ---- pipelines ----------------------------------------------------------- */

gboolean
rcrm_store_pipeline_insert (RcrmStore     *store,
                            RcrmPipeline  *pipeline,
                            GError       **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (pipeline != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->pipeline_insert (store, pipeline, error);
}

RcrmPipeline *
rcrm_store_pipeline_get (RcrmStore  *store,
                         gint64      id,
                         GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->pipeline_get (store, id, error);
}

RcrmPipeline *
rcrm_store_pipeline_get_standard (RcrmStore  *store,
                                  GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->pipeline_get_standard (store, error);
}

GPtrArray *
rcrm_store_pipeline_list (RcrmStore  *store,
                          GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->pipeline_list (store, error);
}

guint
rcrm_store_pipeline_count_custom (RcrmStore  *store,
                                  GError    **error)
{
  g_return_val_if_fail (store != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return store->backend->pipeline_count_custom (store, error);
}

gboolean
rcrm_store_pipeline_update (RcrmStore     *store,
                            RcrmPipeline  *pipeline,
                            gint64         expected_version,
                            GError       **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (pipeline != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->pipeline_update (store, pipeline, expected_version, error);
}

gboolean
rcrm_store_pipeline_delete (RcrmStore  *store,
                            gint64      id,
                            GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->pipeline_delete (store, id, error);
}

gint64
rcrm_store_pipeline_lead_count (RcrmStore  *store,
                                gint64      pipeline_id,
                                GError    **error)
{
  g_return_val_if_fail (store != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return store->backend->pipeline_lead_count (store, pipeline_id, error);
}

gint
rcrm_store_pipeline_max_step (RcrmStore  *store,
                              gint64      pipeline_id,
                              GError    **error)
{
  g_return_val_if_fail (store != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return store->backend->pipeline_max_step (store, pipeline_id, error);
}

GArray *
rcrm_store_pipeline_summary (RcrmStore  *store,
                             gint64      pipeline_id,
                             gint64      owner_id,
                             gint64      label_id,
                             gint64      visible_to,
                             GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->pipeline_summary (store, pipeline_id, owner_id, label_id, visible_to, error);
}

/* ---- leads --------------------------------------------------------------- */

gboolean
rcrm_store_lead_insert (RcrmStore  *store,
                        RcrmLead   *lead,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (lead != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->lead_insert (store, lead, error);
}

RcrmLead *
rcrm_store_lead_get (RcrmStore  *store,
                     gint64      id,
                     GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->lead_get (store, id, error);
}

gboolean
rcrm_store_lead_update (RcrmStore  *store,
                        RcrmLead   *lead,
                        gint64      expected_version,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (lead != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->lead_update (store, lead, expected_version, error);
}

GPtrArray *
rcrm_store_lead_list (RcrmStore            *store,
                      const RcrmLeadQuery  *query,
                      gint64               *total,
                      char                **next_cursor,
                      GError              **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->limit >= 1 && query->limit <= 500, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->lead_list (store, query, total, next_cursor, error);
}

GArray *
rcrm_store_lead_ids_by_owner (RcrmStore  *store,
                              gint64      owner_id,
                              GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->lead_ids_by_owner (store, owner_id, error);
}

gint64
rcrm_store_lead_count_open (RcrmStore  *store,
                            gint64      owner_id,
                            GError    **error)
{
  g_return_val_if_fail (store != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  return store->backend->lead_count_open (store, owner_id, error);
}

void
rcrm_lead_match_free (RcrmLeadMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->name);
  g_free (match->state);
  g_free (match);
}

GPtrArray *
rcrm_store_lead_duplicates (RcrmStore          *store,
                            const char         *phone,
                            const char         *email,
                            const char         *tax_id,
                            const char * const *states,
                            GError            **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (states != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->lead_duplicates (store, phone, email, tax_id, states, error);
}

gboolean
rcrm_store_lead_visible_to (RcrmStore  *store,
                            gint64      lead_id,
                            gint64      user_id,
                            GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->lead_visible_to (store, lead_id, user_id, error);
}

/* ---- timeline ------------------------------------------------------------ */

gboolean
rcrm_store_timeline_insert (RcrmStore          *store,
                            RcrmTimelineEntry  *entry,
                            GError            **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->timeline_insert (store, entry, error);
}

RcrmTimelineEntry *
rcrm_store_timeline_get (RcrmStore  *store,
                         gint64      id,
                         GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->timeline_get (store, id, error);
}

GPtrArray *
rcrm_store_timeline_list (RcrmStore  *store,
                          gint64      lead_id,
                          gboolean    notes_only,
                          GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->timeline_list (store, lead_id, notes_only, error);
}

/* ---- accounts ------------------------------------------------------------ */

gboolean
rcrm_store_account_insert (RcrmStore    *store,
                           RcrmAccount  *account,
                           GError      **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->account_insert (store, account, error);
}

RcrmAccount *
rcrm_store_account_get (RcrmStore  *store,
                        gint64      id,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->account_get (store, id, error);
}

gboolean
rcrm_store_account_update (RcrmStore    *store,
                           RcrmAccount  *account,
                           gint64        expected_version,
                           GError      **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->account_update (store, account, expected_version, error);
}

GArray *
rcrm_store_account_ids_by_owner (RcrmStore  *store,
                                 gint64      owner_id,
                                 GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->account_ids_by_owner (store, owner_id, error);
}

GPtrArray *
rcrm_store_account_list (RcrmStore               *store,
                         const RcrmAccountQuery  *query,
                         gint64                  *total,
                         char                   **next_cursor,
                         GError                 **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->limit >= 1 && query->limit <= 500, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->account_list (store, query, total, next_cursor, error);
}

gboolean
rcrm_store_account_visible_to (RcrmStore  *store,
                               gint64      account_id,
                               gint64      user_id,
                               GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->account_visible_to (store, account_id, user_id, error);
}

gboolean
rcrm_store_account_won_totals (RcrmStore  *store,
                               gint64      account_id,
                               gint64     *count,
                               gint64     *value,
                               GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->account_won_totals (store, account_id, count, value, error);
}

GPtrArray *
rcrm_store_account_won_leads (RcrmStore  *store,
                              gint64      account_id,
                              gint64      visible_to,
                              guint       limit,
                              GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->account_won_leads (store, account_id, visible_to, limit, error);
}

/* ---- contacts ------------------------------------------------------------ */

gboolean
rcrm_store_contact_insert (RcrmStore    *store,
                           RcrmContact  *contact,
                           GError      **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->contact_insert (store, contact, error);
}

RcrmContact *
rcrm_store_contact_get (RcrmStore  *store,
                        gint64      id,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->contact_get (store, id, error);
}

gboolean
rcrm_store_contact_update (RcrmStore    *store,
                           RcrmContact  *contact,
                           gint64        expected_version,
                           GError      **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->contact_update (store, contact, expected_version, error);
}

gboolean
rcrm_store_contact_delete (RcrmStore  *store,
                           gint64      id,
                           GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->contact_delete (store, id, error);
}

GPtrArray *
rcrm_store_contact_list (RcrmStore  *store,
                         gint64      account_id,
                         GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->contact_list (store, account_id, error);
}

gint64
rcrm_store_contact_count (RcrmStore  *store,
                          gint64      account_id,
                          GError    **error)
{
  g_return_val_if_fail (store != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return store->backend->contact_count (store, account_id, error);
}

/* ---- labels -------------------------------------------------------------- */

gboolean
rcrm_store_label_insert (RcrmStore  *store,
                         RcrmLabel  *label,
                         GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->label_insert (store, label, error);
}

RcrmLabel *
rcrm_store_label_get (RcrmStore  *store,
                      gint64      id,
                      GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->label_get (store, id, error);
}

GPtrArray *
rcrm_store_label_list_for (RcrmStore  *store,
                           gint64      user_id,
                           GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->label_list_for (store, user_id, error);
}

gboolean
rcrm_store_label_update (RcrmStore  *store,
                         RcrmLabel  *label,
                         gint64      expected_version,
                         GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->label_update (store, label, expected_version, error);
}

gboolean
rcrm_store_label_delete (RcrmStore  *store,
                         gint64      id,
                         GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->label_delete (store, id, error);
}

GArray *
rcrm_store_label_usage (RcrmStore  *store,
                        gint64      visible_to,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->label_usage (store, visible_to, error);
}

/* ---- segments ------------------------------------------------------------ */

gboolean
rcrm_store_segment_insert (RcrmStore    *store,
                           RcrmSegment  *segment,
                           GError      **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (segment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->segment_insert (store, segment, error);
}

RcrmSegment *
rcrm_store_segment_get (RcrmStore  *store,
                        gint64      id,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->segment_get (store, id, error);
}

GPtrArray *
rcrm_store_segment_list_for (RcrmStore  *store,
                             gint64      user_id,
                             GError    **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->segment_list_for (store, user_id, error);
}

gboolean
rcrm_store_segment_update (RcrmStore    *store,
                           RcrmSegment  *segment,
                           gint64        expected_version,
                           GError      **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (segment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->segment_update (store, segment, expected_version, error);
}

gboolean
rcrm_store_segment_delete (RcrmStore  *store,
                           gint64      id,
                           GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->segment_delete (store, id, error);
}

/* ---- forms --------------------------------------------------------------- */

RcrmForm *
rcrm_store_form_get (RcrmStore   *store,
                     const char  *entity,
                     GError     **error)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return store->backend->form_get (store, entity, error);
}

gboolean
rcrm_store_form_put (RcrmStore  *store,
                     RcrmForm   *form,
                     gint64      expected_version,
                     GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (form != NULL && form->entity != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->form_put (store, form, expected_version, error);
}

/* ---- audit --------------------------------------------------------------- */

gboolean
rcrm_store_audit_insert (RcrmStore   *store,
                         gint64       actor_id,
                         const char  *action,
                         const char  *entity,
                         gint64       entity_id,
                         const char  *details_json,
                         GError     **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->audit_insert (store, actor_id, action, entity, entity_id, details_json, error);
}

gboolean
rcrm_store_lead_erase (RcrmStore  *store,
                       gint64      id,
                       GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->lead_erase (store, id, error);
}

gboolean
rcrm_store_account_erase (RcrmStore  *store,
                          gint64      id,
                          gboolean    with_account,
                          GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->account_erase (store, id, with_account, error);
}

gboolean
rcrm_store_erase_index (RcrmStore  *store,
                        GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->erase_index (store, error);
}

gboolean
rcrm_store_erase_journal (RcrmStore  *store,
                          GError    **error)
{
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return store->backend->erase_journal (store, error);
}
