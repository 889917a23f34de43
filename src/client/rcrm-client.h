/* rcrm-client.h — RcrmClient, the app's only door to rcrm-server's REST API
 *
 * One SoupSession; every call is an async/finish pair on the caller's
 * thread-default main context, cancellable with a GCancellable.  Errors are
 * RCRM_CLIENT_ERROR (see rcrm-client-error.h) or G_IO_ERROR_CANCELLED.
 * Requests carry Accept-Language from g_get_language_names() (or the
 * "language" property), so the server's messages come back in Thai under a
 * Thai locale.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rcrm-client-error.h"
#include "rcrm-label.h"
#include "rcrm-lead.h"
#include "rcrm-lead-page.h"
#include "rcrm-lead-query.h"
#include "rcrm-pipeline.h"
#include "rcrm-timeline-entry.h"
#include "rcrm-user.h"

G_BEGIN_DECLS

#define RCRM_TYPE_CLIENT (rcrm_client_get_type ())

G_DECLARE_FINAL_TYPE (RcrmClient, rcrm_client, RCRM, CLIENT, GObject)

/* base_url: "http://127.0.0.1:8080" (no /api/v1) */
RcrmClient   *rcrm_client_new                 (const char           *base_url);
const char   *rcrm_client_get_base_url        (RcrmClient           *self);
/* the bearer token; set by login, cleared by logout; NULL = signed out */
const char   *rcrm_client_get_token           (RcrmClient           *self);
void          rcrm_client_set_token           (RcrmClient           *self,
                                               const char           *token);
/* Accept-Language sent as is ("th", "en"); NULL = from g_get_language_names() */
const char   *rcrm_client_get_language        (RcrmClient           *self);
void          rcrm_client_set_language        (RcrmClient           *self,
                                               const char           *language);
/* the signed-in user (from login or get_me), or NULL */
RcrmUser     *rcrm_client_get_user            (RcrmClient           *self);

/* ---- session ------------------------------------------------------------------ */

/* POST /session; on success sets "token" and "user" */
void          rcrm_client_login_async         (RcrmClient           *self,
                                               const char           *username,
                                               const char           *password,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmUser     *rcrm_client_login_finish        (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* DELETE /session; clears "token" and "user" (an already invalid token counts
 * as signed out) */
void          rcrm_client_logout_async        (RcrmClient           *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      rcrm_client_logout_finish       (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* GET /me; also updates "user" */
void          rcrm_client_get_me_async        (RcrmClient           *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmUser     *rcrm_client_get_me_finish       (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* ---- reference data (every page, in server order) ------------------------------ */

/* GET /users (administrators: full records), GPtrArray of RcrmUser */
void          rcrm_client_list_users_async    (RcrmClient           *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray    *rcrm_client_list_users_finish   (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* GET /directory (everyone: id, username, display-name, role, team-id,
 * active — for owner names and pickers), GPtrArray of RcrmUser */
void          rcrm_client_list_directory_async  (RcrmClient          *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray    *rcrm_client_list_directory_finish (RcrmClient          *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);
/* GPtrArray of RcrmPipeline */
void          rcrm_client_list_pipelines_async (RcrmClient          *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GPtrArray    *rcrm_client_list_pipelines_finish (RcrmClient         *self,
                                                 GAsyncResult       *result,
                                                 GError            **error);
/* GPtrArray of RcrmLabel: system labels and the caller's own */
void          rcrm_client_list_labels_async   (RcrmClient           *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray    *rcrm_client_list_labels_finish  (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* GET /settings: the whole document, "version" included */
void          rcrm_client_get_settings_async  (RcrmClient           *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
JsonObject   *rcrm_client_get_settings_finish (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);

/* ---- leads ---------------------------------------------------------------------- */

/* GET /leads; query NULL = the inbox, first page */
void          rcrm_client_list_leads_async    (RcrmClient           *self,
                                               const RcrmLeadQuery  *query,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmLeadPage *rcrm_client_list_leads_finish   (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* Starts GET /leads for query now, before anyone asks: the next
 * rcrm_client_list_leads_async() with the same query (paging included), made
 * within 10 s of the answer, gets that answer instead of a request of its
 * own — or waits for it while it is on its way.  Once only; a new token
 * drops it.  For the first page of the inbox while the window is built. */
void          rcrm_client_prefetch_leads      (RcrmClient           *self,
                                               const RcrmLeadQuery  *query);
/* completes when the prefetch has its answer (at once when none is on its
 * way); FALSE only with an error (cancelled) */
void          rcrm_client_prefetch_wait_async  (RcrmClient          *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      rcrm_client_prefetch_wait_finish (RcrmClient          *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void          rcrm_client_get_lead_async      (RcrmClient           *self,
                                               gint64                id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmLead     *rcrm_client_get_lead_finish     (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* POST /leads with the members of fields ("name", "source", "phone", …,
 * "confirm_duplicate").  A duplicate (R25) fails with
 * RCRM_CLIENT_ERROR_DUPLICATE_LEAD and rcrm_client_error_get_details() holds
 * {"action", "matches"}; a validation error with RCRM_CLIENT_ERROR_INVALID and
 * rcrm_client_error_get_fields(). */
void          rcrm_client_create_lead_async   (RcrmClient           *self,
                                               JsonObject           *fields,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmLead     *rcrm_client_create_lead_finish  (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* PATCH /leads/{id} with If-Match: version.  Someone else's newer version
 * fails with RCRM_CLIENT_ERROR_PRECONDITION_FAILED. */
void          rcrm_client_update_lead_async   (RcrmClient           *self,
                                               gint64                id,
                                               gint64                version,
                                               JsonObject           *changes,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmLead     *rcrm_client_update_lead_finish  (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* POST /leads/{id}/move; pipeline_id 0 = the same pipeline.  Back without
 * permission: RCRM_CLIENT_ERROR_STEP_BACK_DISABLED (R8). */
void          rcrm_client_move_lead_async     (RcrmClient           *self,
                                               gint64                id,
                                               gint64                pipeline_id,
                                               guint                 step,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmLead     *rcrm_client_move_lead_finish    (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
void          rcrm_client_unfollow_lead_async (RcrmClient           *self,
                                               gint64                id,
                                               const char           *reason,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmLead     *rcrm_client_unfollow_lead_finish (RcrmClient          *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void          rcrm_client_restore_lead_async  (RcrmClient           *self,
                                               gint64                id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmLead     *rcrm_client_restore_lead_finish (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
void          rcrm_client_assign_lead_async   (RcrmClient           *self,
                                               gint64                id,
                                               gint64                owner_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmLead     *rcrm_client_assign_lead_finish  (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* GPtrArray of RcrmTimelineEntry, oldest first */
void          rcrm_client_get_timeline_async  (RcrmClient           *self,
                                               gint64                lead_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
GPtrArray    *rcrm_client_get_timeline_finish (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);
/* POST /leads/{id}/notes; corrects_note_id 0 = none (R5) */
void          rcrm_client_add_note_async      (RcrmClient           *self,
                                               gint64                lead_id,
                                               const char           *body,
                                               gint64                corrects_note_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
RcrmTimelineEntry *rcrm_client_add_note_finish (RcrmClient          *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* ---- any other endpoint ------------------------------------------------------------ */

/* METHOD /api/v1PATH (path with its query, e.g. "/accounts?q=x") with an
 * optional JSON body and If-Match (if_match_version 0 = none).  Returns the
 * answer's JSON, or a JSON null node for an empty answer (204). */
void          rcrm_client_call_async          (RcrmClient           *self,
                                               const char           *method,
                                               const char           *path,
                                               JsonNode             *body,
                                               gint64                if_match_version,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
JsonNode     *rcrm_client_call_finish         (RcrmClient           *self,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
