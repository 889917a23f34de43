/* rcrm-http.h — request context, routing and the error contract of rcrm-server */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "rcrm-store.h"
#include "rcrm-settings.h"

G_BEGIN_DECLS

#define RCRM_API_PREFIX "/api/v1"
#define RCRM_MAX_JSON_BODY   (1 * 1024 * 1024)
#define RCRM_MAX_IMPORT_BODY (10 * 1024 * 1024)

/* A user-visible text in both languages of the API. */
typedef struct {
  const char *en;
  const char *th;
} RcrmText;

typedef enum {
  RCRM_ERR_BAD_REQUEST,
  RCRM_ERR_UNAUTHORIZED,
  RCRM_ERR_FORBIDDEN,
  RCRM_ERR_ADMIN_ONLY,
  RCRM_ERR_STEP_BACK_DISABLED,
  RCRM_ERR_PRICE_EDIT_DISABLED,
  RCRM_ERR_ERASURE_DISABLED,
  RCRM_ERR_NOT_FOUND,
  RCRM_ERR_METHOD_NOT_ALLOWED,
  RCRM_ERR_APPEND_ONLY,
  RCRM_ERR_DUPLICATE_LEAD,
  RCRM_ERR_LIMIT_REACHED,
  RCRM_ERR_CONFLICT,
  RCRM_ERR_PRECONDITION_FAILED,
  RCRM_ERR_PRECONDITION_REQUIRED,
  RCRM_ERR_TOO_LARGE,
  RCRM_ERR_UNSUPPORTED_MEDIA_TYPE,
  RCRM_ERR_INVALID,
  RCRM_ERR_RATE_LIMITED,
  RCRM_ERR_INTERNAL,
  RCRM_N_ERRS
} RcrmErr;

typedef struct _RcrmServer RcrmServer;

typedef struct {
  RcrmServer        *server;
  RcrmStore         *store;
  RcrmSettings      *settings;
  SoupServerMessage *msg;
  const char        *method;
  const char        *path;
  GHashTable        *query;        /* may be NULL */
  gint64             ids[4];       /* the {id} segments of the route, in order */
  guint              n_ids;
  RcrmUser          *user;         /* the authenticated caller, NULL on public routes */
  gboolean           thai;         /* Accept-Language prefers th */
  gboolean           responded;
  /* 422 collection */
  JsonObject        *invalid_fields;
  /* per-request caches (rcrm-labels.c, rcrm-forms.c); freed after the response */
  GHashTable        *visible_labels;   /* gint64 label id set, or NULL until needed */
  RcrmForm          *forms[2];         /* lead form, account form, or NULL until needed */
} RcrmRequest;

typedef void (*RcrmHandler) (RcrmRequest *req);

typedef struct {
  const char  *method;
  const char  *pattern;   /* "/leads/{id}/move" under RCRM_API_PREFIX */
  RcrmHandler  handler;
  gboolean     public;    /* no bearer token needed */
} RcrmRoute;

/* --- server ---------------------------------------------------------------- */
RcrmServer *rcrm_server_new          (RcrmStore *store, RcrmSettings *settings);
/* binds host:port (port 0 = any); *out_uri "http://HOST:PORT" */
gboolean    rcrm_server_listen       (RcrmServer *self, const char *host, guint port,
                                      char **out_uri, GError **error);
/* stop accepting; the loop quits after in-flight requests finish */
void        rcrm_server_shutdown     (RcrmServer *self, GMainLoop *loop);
void        rcrm_server_free         (RcrmServer *self);

/* --- responses ------------------------------------------------------------- */
const char *rcrm_text                (RcrmRequest *req, const RcrmText *text);
void        rcrm_respond_json        (RcrmRequest *req, guint status, JsonNode *node);
/* takes ownership of object */
void        rcrm_respond_object      (RcrmRequest *req, guint status, JsonObject *object);
/* sends ETag: "version" as well */
void        rcrm_respond_record      (RcrmRequest *req, guint status, JsonObject *object, gint64 version);
void        rcrm_respond_empty       (RcrmRequest *req, guint status);
void        rcrm_respond_bytes       (RcrmRequest *req, guint status, const char *content_type, GBytes *bytes);
/* message NULL = the code's default; details may be NULL (ownership taken) */
void        rcrm_respond_error       (RcrmRequest *req, RcrmErr err, const RcrmText *message,
                                      JsonObject *details);
/* a record to its API JSON (rcrm-json.h) */
typedef JsonObject *(*RcrmRecordJson) (gconstpointer record);
/* 200 {"items": every record as JSON, "next_cursor": null, "total"}, or the
 * store error when records is NULL */
void        rcrm_respond_all         (RcrmRequest *req, GPtrArray *records, RcrmRecordJson to_json,
                                      const GError *error);
/* maps RCRM_STORE_ERROR codes (not found, stale, exists) and anything else to 500 */
void        rcrm_respond_store_error (RcrmRequest *req, const GError *error);

/* --- 422 helpers ------------------------------------------------------------ */
void        rcrm_invalid_field       (RcrmRequest *req, const char *field, const RcrmText *message);
/* if any field was marked invalid: sends 422 and returns TRUE */
gboolean    rcrm_respond_if_invalid  (RcrmRequest *req);

/* --- request body ---------------------------------------------------------- */
/* Parses the body as a JSON object (sends 400/413/415 and returns NULL on failure);
 * every member name must be in allowed (NULL-terminated) else 400. */
JsonObject *rcrm_request_json_object (RcrmRequest *req, const char * const *allowed);
/* Typed members: return FALSE after sending 400 on a wrong type.
 * *present is TRUE when the member exists (a JSON null counts when nullable). */
gboolean    rcrm_member_string       (RcrmRequest *req, JsonObject *obj, const char *name,
                                      gboolean nullable, char **out, gboolean *present);
gboolean    rcrm_member_int          (RcrmRequest *req, JsonObject *obj, const char *name,
                                      gboolean nullable, gint64 *out, gboolean *present);
gboolean    rcrm_member_bool         (RcrmRequest *req, JsonObject *obj, const char *name,
                                      gboolean *out, gboolean *present);
gboolean    rcrm_member_id_array     (RcrmRequest *req, JsonObject *obj, const char *name,
                                      GArray **out, gboolean *present);
gboolean    rcrm_member_object       (RcrmRequest *req, JsonObject *obj, const char *name,
                                      JsonObject **out, gboolean *present);
/* a JSON number (integer or decimal); with nullable, null sets *is_null */
gboolean    rcrm_member_number       (RcrmRequest *req, JsonObject *obj, const char *name,
                                      gboolean nullable, double *out, gboolean *is_null, gboolean *present);
/* sends 400 "member has the wrong type" and returns FALSE (for hand-read members) */
gboolean    rcrm_respond_wrong_type  (RcrmRequest *req, const char *name);

/* --- query string ---------------------------------------------------------- */
/* FALSE after sending 400 when malformed; *out untouched when absent */
gboolean    rcrm_query_int           (RcrmRequest *req, const char *name, gint64 min, gint64 max, gint64 *out);
const char *rcrm_query_string        (RcrmRequest *req, const char *name);

/* --- If-Match --------------------------------------------------------------- */
/* 428 when missing, 400 when malformed; FALSE after responding */
gboolean    rcrm_request_if_match    (RcrmRequest *req, gint64 *version);

/* --- roles ------------------------------------------------------------------ */
gboolean    rcrm_user_is_admin       (const RcrmUser *user);
/* 403 admin_only unless the caller is an admin */
gboolean    rcrm_require_admin       (RcrmRequest *req);

/* --- transactions ------------------------------------------------------------ */
gboolean    rcrm_request_begin       (RcrmRequest *req);
/* commits, or rolls back and responds 500 */
gboolean    rcrm_request_commit      (RcrmRequest *req);
/* rolls back and responds with the store error */
void        rcrm_request_fail        (RcrmRequest *req, const GError *error);

/* --- audit (R29) ------------------------------------------------------------- */
gboolean    rcrm_request_audit       (RcrmRequest *req, const char *action, const char *entity,
                                      gint64 entity_id, GError **error);

/* the routes of each API area (rcrm-api-*.c) */
extern const RcrmRoute rcrm_session_routes[];
extern const RcrmRoute rcrm_user_routes[];
extern const RcrmRoute rcrm_settings_routes[];
extern const RcrmRoute rcrm_pipeline_routes[];
extern const RcrmRoute rcrm_lead_routes[];
extern const RcrmRoute rcrm_label_routes[];
extern const RcrmRoute rcrm_account_routes[];
extern const RcrmRoute rcrm_segment_routes[];
extern const RcrmRoute rcrm_form_routes[];
extern const RcrmRoute rcrm_erasure_routes[];

G_END_DECLS
