/* rcrm-client-private.h — helpers shared inside the client library (and its tests) */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rcrm-client-error.h"

G_BEGIN_DECLS

/* ---- errors ---------------------------------------------------------------- */

/* An error from an HTTP answer that is not 2xx: the code from the body's
 * "code" (else from the status), the body's "message" (else a fallback),
 * and its "fields"/"details".  body may be NULL or not JSON. */
GError  *rcrm_client_error_new_from_response (guint        status,
                                              GBytes      *body);
/* fields and details may be NULL; they are referenced */
GError  *rcrm_client_error_new_full          (RcrmClientError code,
                                              guint        status,
                                              const char  *server_code,
                                              const char  *message,
                                              JsonObject  *fields,
                                              JsonObject  *details);
/* A transport failure (GIO, resolver, TLS, libsoup) as a NETWORK or PROTOCOL
 * error; G_IO_ERROR_CANCELLED is returned as a copy, unchanged. */
GError  *rcrm_client_error_new_from_transport (const GError *error,
                                               const char   *base_url);
/* PROTOCOL: member `what` is missing or has the wrong type */
void     rcrm_client_set_shape_error          (GError     **error,
                                               const char  *what);

/* ---- JSON members ------------------------------------------------------------ */

typedef enum {
  RCRM_JSON_REQUIRED = 0,
  RCRM_JSON_OPTIONAL = 1 << 0,     /* may be absent */
  RCRM_JSON_NULLABLE = 1 << 1,     /* may be null */
  RCRM_JSON_LOOSE    = RCRM_JSON_OPTIONAL | RCRM_JSON_NULLABLE,
} RcrmJsonFlags;

/* Each reads member `name` of object into *out and returns TRUE, or sets a
 * PROTOCOL error and returns FALSE when it is missing (unless OPTIONAL), null
 * (unless NULLABLE) or of another type.  Absent or null gives 0 / NULL / FALSE. */
gboolean rcrm_client_json_int      (JsonObject *object, const char *name, RcrmJsonFlags flags,
                                    gint64 *out, GError **error);
/* *out is a new string (or NULL) */
gboolean rcrm_client_json_string   (JsonObject *object, const char *name, RcrmJsonFlags flags,
                                    char **out, GError **error);
gboolean rcrm_client_json_bool     (JsonObject *object, const char *name, RcrmJsonFlags flags,
                                    gboolean *out, GError **error);
/* *out is a new reference (or NULL) */
gboolean rcrm_client_json_object   (JsonObject *object, const char *name, RcrmJsonFlags flags,
                                    JsonObject **out, GError **error);
/* *out is borrowed (or NULL) */
gboolean rcrm_client_json_array    (JsonObject *object, const char *name, RcrmJsonFlags flags,
                                    JsonArray **out, GError **error);
/* an array of integers; *out is a new GArray of gint64 (empty when absent or null) */
gboolean rcrm_client_json_int_array (JsonObject *object, const char *name, RcrmJsonFlags flags,
                                     GArray **out, GError **error);

/* ---- notify-on-change setters ------------------------------------------------- */

/* these return TRUE when the value changed */
gboolean rcrm_client_set_string    (char **field, const char *value);
gboolean rcrm_client_set_int64     (gint64 *field, gint64 value);
gboolean rcrm_client_set_boolean   (gboolean *field, gboolean value);
/* by value (json_object_equal); takes a reference */
gboolean rcrm_client_set_json      (JsonObject **field, JsonObject *value);

/* ---- typed calls (rcrm-client-call.c) ------------------------------------------ */

/* turns an answer into a result (NULL with error set when it is malformed) */
typedef gpointer (*RcrmParseFunc)     (JsonNode   *root,
                                       GError    **error);
typedef gpointer (*RcrmParseItemFunc) (JsonObject *object,
                                       GError    **error);

/* METHOD path (body not taken; may be NULL) through rcrm_client_call_async;
 * the task's result is parse (root), or TRUE when parse is NULL */
void       rcrm_client_call_parsed_async          (gpointer             self,
                                                   gpointer             source_tag,
                                                   const char          *method,
                                                   const char          *path,
                                                   JsonObject          *body,
                                                   gint64               if_match_version,
                                                   RcrmParseFunc        parse,
                                                   GDestroyNotify       free_result,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gpointer   rcrm_client_call_parsed_finish         (gpointer             self,
                                                   GAsyncResult        *result,
                                                   gpointer             source_tag,
                                                   GError             **error);
gboolean   rcrm_client_call_parsed_finish_boolean (gpointer             self,
                                                   GAsyncResult        *result,
                                                   gpointer             source_tag,
                                                   GError             **error);
/* the answer as an object (borrowed), or a PROTOCOL error */
JsonObject *rcrm_client_root_object               (JsonNode            *root,
                                                   GError             **error);
/* "items" of a list answer through parse_item (GObjects); total and
 * next_cursor (may be NULL) get those members (0 / NULL when absent) */
GPtrArray  *rcrm_client_parse_items               (JsonNode            *root,
                                                   RcrmParseItemFunc    parse_item,
                                                   gint64              *total,
                                                   char               **next_cursor,
                                                   GError             **error);

/* ---- URL queries (rcrm-lead-query.c) --------------------------------------------- */

/* "&name=value" (no '&' first); value percent-encoded; NULL value = nothing */
void        rcrm_client_query_append_string       (GString             *out,
                                                   const char          *name,
                                                   const char          *value);
void        rcrm_client_query_append_int          (GString             *out,
                                                   const char          *name,
                                                   gint64               value);

G_END_DECLS
