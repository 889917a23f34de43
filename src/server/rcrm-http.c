#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "rcrm-auth.h"
#include "rcrm-http.h"
#include "rcrm-json.h"
#include "rcrm-core.h"
#include "rcrm-util.h"

#define MAX_SEGMENTS 8

typedef struct {
  const RcrmRoute *route;
  char            *segments[MAX_SEGMENTS];
  guint            n_segments;
} CompiledRoute;

struct _RcrmServer {
  SoupServer   *soup;
  RcrmStore    *store;
  RcrmSettings *settings;
  GArray       *routes;          /* CompiledRoute */
  guint         in_flight;
  gboolean      shutting_down;
  GMainLoop    *loop;
  guint         drain_source;
  guint         drain_ticks;
  gboolean      close_connections;  /* see request_started */
};

typedef struct {
  guint        status;
  const char  *code;
  RcrmText     message;
} ErrorInfo;

static const ErrorInfo error_table[RCRM_N_ERRS] = {
  [RCRM_ERR_BAD_REQUEST] = { 400, "bad_request",
    { "The request is malformed.", "คำขอมีรูปแบบไม่ถูกต้อง" } },
  [RCRM_ERR_UNAUTHORIZED] = { 401, "unauthorized",
    { "Sign in first: the token is missing, invalid or expired.", "กรุณาเข้าสู่ระบบ: โทเค็นไม่มี ไม่ถูกต้อง หรือหมดอายุ" } },
  [RCRM_ERR_FORBIDDEN] = { 403, "forbidden",
    { "You are not allowed to do this.", "คุณไม่มีสิทธิ์ทำรายการนี้" } },
  [RCRM_ERR_ADMIN_ONLY] = { 403, "admin_only",
    { "Only an administrator can do this.", "เฉพาะผู้ดูแลระบบเท่านั้นที่ทำรายการนี้ได้" } },
  [RCRM_ERR_STEP_BACK_DISABLED] = { 403, "step_back_disabled",
    { "Moving a lead back to an earlier step is turned off by the administrator.",
      "ผู้ดูแลระบบปิดการย้อนกลับไปขั้นตอนก่อนหน้า" } },
  [RCRM_ERR_PRICE_EDIT_DISABLED] = { 403, "price_edit_disabled",
    { "Editing catalogue prices is turned off by the administrator.",
      "ผู้ดูแลระบบไม่อนุญาตให้แก้ไขราคาสินค้า" } },
  [RCRM_ERR_ERASURE_DISABLED] = { 403, "erasure_disabled",
    { "Erasing personal data is turned off in the settings.", "การลบข้อมูลส่วนบุคคลถูกปิดอยู่ในการตั้งค่า" } },
  [RCRM_ERR_NOT_FOUND] = { 404, "not_found",
    { "Not found.", "ไม่พบข้อมูล" } },
  [RCRM_ERR_METHOD_NOT_ALLOWED] = { 405, "method_not_allowed",
    { "This method is not allowed here.", "ไม่รองรับวิธีการเรียกนี้" } },
  [RCRM_ERR_APPEND_ONLY] = { 405, "append_only",
    { "Notes cannot be edited or deleted; add a new note that corrects it.",
      "บันทึกไม่สามารถแก้ไขหรือลบได้ กรุณาเพิ่มบันทึกใหม่เพื่อแก้ไขข้อมูล" } },
  [RCRM_ERR_DUPLICATE_LEAD] = { 409, "duplicate_lead",
    { "A lead with the same details already exists.", "มีลีดที่ข้อมูลซ้ำกันอยู่แล้ว" } },
  [RCRM_ERR_LIMIT_REACHED] = { 409, "limit_reached",
    { "The limit has been reached.", "ถึงจำนวนสูงสุดที่กำหนดแล้ว" } },
  [RCRM_ERR_CONFLICT] = { 409, "conflict",
    { "This conflicts with the current state.", "ไม่สามารถทำรายการได้เนื่องจากขัดกับสถานะปัจจุบัน" } },
  [RCRM_ERR_PRECONDITION_FAILED] = { 412, "precondition_failed",
    { "Someone else changed this record; reload it and try again.",
      "มีผู้อื่นแก้ไขข้อมูลนี้แล้ว กรุณาโหลดข้อมูลใหม่แล้วลองอีกครั้ง" } },
  [RCRM_ERR_PRECONDITION_REQUIRED] = { 428, "precondition_required",
    { "Send If-Match with the record's version.", "ต้องส่ง If-Match พร้อมเวอร์ชันของข้อมูล" } },
  [RCRM_ERR_TOO_LARGE] = { 413, "too_large",
    { "The request body is too large.", "ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด" } },
  [RCRM_ERR_UNSUPPORTED_MEDIA_TYPE] = { 415, "unsupported_media_type",
    { "Send the body as application/json.", "กรุณาส่งข้อมูลเป็น application/json" } },
  [RCRM_ERR_INVALID] = { 422, "invalid",
    { "Some fields are not valid.", "ข้อมูลบางช่องไม่ถูกต้อง" } },
  [RCRM_ERR_RATE_LIMITED] = { 429, "rate_limited",
    { "Too many failed sign-ins; try again later.", "เข้าสู่ระบบผิดหลายครั้งเกินไป กรุณาลองใหม่ภายหลัง" } },
  [RCRM_ERR_INTERNAL] = { 500, "internal",
    { "Something went wrong on the server.", "เกิดข้อผิดพลาดที่เซิร์ฟเวอร์" } },
};

static const RcrmText text_wrong_type = {
  "Member \"%s\" has the wrong type.", "ค่า \"%s\" มีชนิดข้อมูลไม่ถูกต้อง"
};
static const RcrmText text_unknown_member = {
  "Unknown member \"%s\".", "ไม่รู้จักค่า \"%s\""
};
static const RcrmText text_not_json = {
  "The body is not a JSON object.", "ข้อมูลที่ส่งไม่ใช่ JSON object"
};
static const RcrmText text_bad_query = {
  "Query parameter \"%s\" is not valid.", "พารามิเตอร์ \"%s\" ไม่ถูกต้อง"
};
static const RcrmText text_bad_if_match = {
  "If-Match must be a quoted version such as \"3\".", "If-Match ต้องเป็นเวอร์ชันในเครื่องหมายคำพูด เช่น \"3\""
};

/* ------------------------------------------------------------------------- */

const char *
rcrm_text (RcrmRequest    *req,
           const RcrmText *text)
{
  return req->thai ? text->th : text->en;
}

static void
set_json_body (SoupServerMessage *msg,
               guint              status,
               JsonNode          *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  gsize length = 0;
  char *data;

  json_generator_set_root (gen, node);
  data = json_generator_to_data (gen, &length);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE, data, length);
}

void
rcrm_respond_json (RcrmRequest *req,
                   guint        status,
                   JsonNode    *node)
{
  g_return_if_fail (!req->responded);
  set_json_body (req->msg, status, node);
  req->responded = TRUE;
}

void
rcrm_respond_object (RcrmRequest *req,
                     guint        status,
                     JsonObject  *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  rcrm_respond_json (req, status, node);
}

void
rcrm_respond_record (RcrmRequest *req,
                     guint        status,
                     JsonObject  *object,
                     gint64       version)
{
  g_autofree char *etag = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version);

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg), "ETag", etag);
  rcrm_respond_object (req, status, object);
}

void
rcrm_respond_empty (RcrmRequest *req,
                    guint        status)
{
  g_return_if_fail (!req->responded);
  soup_server_message_set_status (req->msg, status, NULL);
  req->responded = TRUE;
}

void
rcrm_respond_bytes (RcrmRequest *req,
                    guint        status,
                    const char  *content_type,
                    GBytes      *bytes)
{
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  g_return_if_fail (!req->responded);
  soup_server_message_set_status (req->msg, status, NULL);
  soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY, data, size);
  req->responded = TRUE;
}

static JsonObject *
error_object (gboolean        thai,
              RcrmErr         err,
              const char     *message,
              JsonObject     *fields,
              JsonObject     *details)
{
  const ErrorInfo *info = &error_table[err];
  JsonObject *error = json_object_new ();
  JsonObject *root = json_object_new ();

  json_object_set_string_member (error, "code", info->code);
  json_object_set_string_member (error, "message",
                                 message != NULL ? message : (thai ? info->message.th : info->message.en));
  if (fields != NULL)
    json_object_set_object_member (error, "fields", fields);
  if (details != NULL)
    json_object_set_object_member (error, "details", details);
  json_object_set_object_member (root, "error", error);
  return root;
}

static void
respond_error_full (RcrmRequest *req,
                    RcrmErr      err,
                    const char  *message,
                    JsonObject  *fields,
                    JsonObject  *details)
{
  g_return_if_fail (err < RCRM_N_ERRS);

  if (req->responded)
    {
      g_warning ("second response for %s %s ignored", req->method, req->path);
      g_clear_pointer (&fields, json_object_unref);
      g_clear_pointer (&details, json_object_unref);
      return;
    }
  rcrm_respond_object (req, error_table[err].status,
                       error_object (req->thai, err, message, fields, details));
}

void
rcrm_respond_error (RcrmRequest    *req,
                    RcrmErr         err,
                    const RcrmText *message,
                    JsonObject     *details)
{
  respond_error_full (req, err, message != NULL ? rcrm_text (req, message) : NULL, NULL, details);
}

static void
respond_error_printf (RcrmRequest    *req,
                      RcrmErr         err,
                      const RcrmText *format,
                      const char     *arg)
{
  g_autofree char *message = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_printf (rcrm_text (req, format), arg);
#pragma GCC diagnostic pop
  respond_error_full (req, err, message, NULL, NULL);
}

void
rcrm_respond_all (RcrmRequest    *req,
                  GPtrArray      *records,
                  RcrmRecordJson  to_json,
                  const GError   *error)
{
  JsonArray *items;

  if (records == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  items = json_array_new ();
  for (guint i = 0; i < records->len; i++)
    json_array_add_object_element (items, to_json (g_ptr_array_index (records, i)));
  rcrm_respond_object (req, 200, rcrm_json_list (items, NULL, records->len));
}

void
rcrm_respond_store_error (RcrmRequest  *req,
                          const GError *error)
{
  if (g_error_matches (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND))
    rcrm_respond_error (req, RCRM_ERR_NOT_FOUND, NULL, NULL);
  else if (g_error_matches (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_STALE))
    rcrm_respond_error (req, RCRM_ERR_PRECONDITION_FAILED, NULL, NULL);
  else if (g_error_matches (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_EXISTS))
    rcrm_respond_error (req, RCRM_ERR_CONFLICT, NULL, NULL);
  else if (g_error_matches (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_APPEND_ONLY))
    rcrm_respond_error (req, RCRM_ERR_APPEND_ONLY, NULL, NULL);
  else if (g_error_matches (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_BAD_CURSOR))
    respond_error_printf (req, RCRM_ERR_BAD_REQUEST, &text_bad_query, "cursor");
  else
    {
      g_warning ("%s %s: %s", req->method, req->path, error != NULL ? error->message : "unknown error");
      rcrm_respond_error (req, RCRM_ERR_INTERNAL, NULL, NULL);
    }
}

/* ---- 422 ----------------------------------------------------------------- */

void
rcrm_invalid_field (RcrmRequest    *req,
                    const char     *field,
                    const RcrmText *message)
{
  if (req->invalid_fields == NULL)
    req->invalid_fields = json_object_new ();
  if (!json_object_has_member (req->invalid_fields, field))
    json_object_set_string_member (req->invalid_fields, field, rcrm_text (req, message));
}

gboolean
rcrm_respond_if_invalid (RcrmRequest *req)
{
  if (req->invalid_fields == NULL)
    return FALSE;
  respond_error_full (req, RCRM_ERR_INVALID, NULL, g_steal_pointer (&req->invalid_fields), NULL);
  return TRUE;
}

/* ---- body ---------------------------------------------------------------- */

static gboolean
content_type_is_json (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);

  /* a missing Content-Type is read as JSON, the only body type of these routes */
  return type == NULL || g_ascii_strcasecmp (type, "application/json") == 0;
}

JsonObject *
rcrm_request_json_object (RcrmRequest        *req,
                          const char * const *allowed)
{
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GList) members = NULL;
  JsonNode *root;
  const char *data;
  gsize size = 0;

  if (!content_type_is_json (req->msg))
    {
      rcrm_respond_error (req, RCRM_ERR_UNSUPPORTED_MEDIA_TYPE, NULL, NULL);
      return NULL;
    }

  bytes = soup_message_body_flatten (body);
  data = g_bytes_get_data (bytes, &size);
  if (size > RCRM_MAX_JSON_BODY)
    {
      rcrm_respond_error (req, RCRM_ERR_TOO_LARGE, NULL, NULL);
      return NULL;
    }
  if (size == 0 || data == NULL || !g_utf8_validate (data, size, NULL) || !rcrm_json_is_strict (data, size))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_not_json, NULL);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, NULL))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_not_json, NULL);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_not_json, NULL);
      return NULL;
    }

  members = json_object_get_members (json_node_get_object (root));
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (allowed == NULL || !g_strv_contains (allowed, l->data))
        {
          respond_error_printf (req, RCRM_ERR_BAD_REQUEST, &text_unknown_member, l->data);
          return NULL;
        }
    }

  return json_object_ref (json_node_get_object (root));
}

static gboolean
wrong_type (RcrmRequest *req,
            const char  *name)
{
  respond_error_printf (req, RCRM_ERR_BAD_REQUEST, &text_wrong_type, name);
  return FALSE;
}

gboolean
rcrm_member_string (RcrmRequest  *req,
                    JsonObject   *obj,
                    const char   *name,
                    gboolean      nullable,
                    char        **out,
                    gboolean     *present)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (present != NULL)
    *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (node) && nullable)
    {
      g_clear_pointer (out, g_free);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return wrong_type (req, name);
  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
rcrm_member_int (RcrmRequest *req,
                 JsonObject  *obj,
                 const char  *name,
                 gboolean     nullable,
                 gint64      *out,
                 gboolean    *present)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (present != NULL)
    *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (node) && nullable)
    {
      *out = 0;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return wrong_type (req, name);
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
rcrm_member_bool (RcrmRequest *req,
                  JsonObject  *obj,
                  const char  *name,
                  gboolean    *out,
                  gboolean    *present)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (present != NULL)
    *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return wrong_type (req, name);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

gboolean
rcrm_member_id_array (RcrmRequest  *req,
                      JsonObject   *obj,
                      const char   *name,
                      GArray      **out,
                      gboolean     *present)
{
  JsonNode *node = json_object_get_member (obj, name);
  g_autoptr(GArray) ids = NULL;
  JsonArray *array;

  if (present != NULL)
    *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (req, name);

  array = json_node_get_array (node);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
        return wrong_type (req, name);
      id = json_node_get_int (element);
      if (id <= 0)
        return wrong_type (req, name);
      g_array_append_val (ids, id);
    }

  /* sorted, without repeats */
  g_array_sort (ids, compare_int64);
  for (guint i = 1; i < ids->len;)
    {
      if (g_array_index (ids, gint64, i) == g_array_index (ids, gint64, i - 1))
        g_array_remove_index (ids, i);
      else
        i++;
    }

  if (*out != NULL)
    g_array_unref (*out);
  *out = g_steal_pointer (&ids);
  return TRUE;
}

gboolean
rcrm_member_object (RcrmRequest  *req,
                    JsonObject   *obj,
                    const char   *name,
                    JsonObject  **out,
                    gboolean     *present)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (present != NULL)
    *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (req, name);
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
rcrm_member_number (RcrmRequest  *req,
                    JsonObject   *obj,
                    const char   *name,
                    gboolean      nullable,
                    double       *out,
                    gboolean     *is_null,
                    gboolean     *present)
{
  JsonNode *node = json_object_get_member (obj, name);
  GType type;

  if (present != NULL)
    *present = node != NULL;
  if (is_null != NULL)
    *is_null = FALSE;
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (node) && nullable)
    {
      if (is_null != NULL)
        *is_null = TRUE;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return wrong_type (req, name);
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return wrong_type (req, name);
  return TRUE;
}

gboolean
rcrm_respond_wrong_type (RcrmRequest *req,
                         const char  *name)
{
  return wrong_type (req, name);
}

/* ---- query --------------------------------------------------------------- */

const char *
rcrm_query_string (RcrmRequest *req,
                   const char  *name)
{
  if (req->query == NULL)
    return NULL;
  return g_hash_table_lookup (req->query, name);
}

gboolean
rcrm_query_int (RcrmRequest *req,
                const char  *name,
                gint64       min,
                gint64       max,
                gint64      *out)
{
  const char *text = rcrm_query_string (req, name);
  gint64 value;

  if (text == NULL)
    return TRUE;
  if (!rcrm_parse_int64 (text, &value) || value < min || value > max)
    {
      respond_error_printf (req, RCRM_ERR_BAD_REQUEST, &text_bad_query, name);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/* ---- If-Match ------------------------------------------------------------ */

gboolean
rcrm_request_if_match (RcrmRequest *req,
                       gint64      *version)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *value = soup_message_headers_get_one (headers, "If-Match");
  g_autofree char *inner = NULL;
  gsize len;

  if (value == NULL)
    {
      rcrm_respond_error (req, RCRM_ERR_PRECONDITION_REQUIRED, NULL, NULL);
      return FALSE;
    }

  /* "3", W/"3" is not accepted: versions are strong validators */
  while (g_ascii_isspace (*value))
    value++;
  len = strlen (value);
  while (len > 0 && g_ascii_isspace (value[len - 1]))
    len--;
  if (len >= 3 && value[0] == '"' && value[len - 1] == '"')
    inner = g_strndup (value + 1, len - 2);
  else
    inner = g_strndup (value, len);

  if (!rcrm_parse_int64 (inner, version) || *version <= 0)
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_bad_if_match, NULL);
      return FALSE;
    }
  return TRUE;
}

/* ---- roles --------------------------------------------------------------- */

gboolean
rcrm_user_is_admin (const RcrmUser *user)
{
  return user != NULL && g_strcmp0 (user->role, "admin") == 0;
}

gboolean
rcrm_require_admin (RcrmRequest *req)
{
  if (rcrm_user_is_admin (req->user))
    return TRUE;
  rcrm_respond_error (req, RCRM_ERR_ADMIN_ONLY, NULL, NULL);
  return FALSE;
}

/* ---- transactions -------------------------------------------------------- */

gboolean
rcrm_request_begin (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;

  if (rcrm_store_begin (req->store, &error))
    return TRUE;
  rcrm_respond_store_error (req, error);
  return FALSE;
}

gboolean
rcrm_request_commit (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;

  if (rcrm_store_commit (req->store, &error))
    return TRUE;
  rcrm_store_rollback (req->store);
  rcrm_respond_store_error (req, error);
  return FALSE;
}

void
rcrm_request_fail (RcrmRequest  *req,
                   const GError *error)
{
  rcrm_store_rollback (req->store);
  rcrm_respond_store_error (req, error);
}

gboolean
rcrm_request_audit (RcrmRequest  *req,
                    const char   *action,
                    const char   *entity,
                    gint64        entity_id,
                    GError      **error)
{
  return rcrm_store_audit_insert (req->store, req->user != NULL ? req->user->id : 0,
                                  action, entity, entity_id, NULL, error);
}

/* ---- routing ------------------------------------------------------------- */

static void
compiled_route_clear (gpointer data)
{
  CompiledRoute *route = data;

  for (guint i = 0; i < route->n_segments; i++)
    g_free (route->segments[i]);
}

static void
add_routes (RcrmServer      *self,
            const RcrmRoute *routes)
{
  for (const RcrmRoute *r = routes; r->method != NULL; r++)
    {
      CompiledRoute compiled = { r, { NULL }, 0 };
      g_auto(GStrv) parts = g_strsplit (r->pattern + 1, "/", -1);

      g_assert (g_strv_length (parts) <= MAX_SEGMENTS);
      for (guint i = 0; parts[i] != NULL; i++)
        compiled.segments[compiled.n_segments++] = g_strdup (parts[i]);
      g_array_append_val (self->routes, compiled);
    }
}

/* Does the route match the path's segments?  Fills ids on success. */
static gboolean
route_matches (const CompiledRoute *route,
               char               **parts,
               guint                n_parts,
               gint64              *ids,
               guint               *n_ids)
{
  if (route->n_segments != n_parts)
    return FALSE;

  *n_ids = 0;
  for (guint i = 0; i < n_parts; i++)
    {
      if (g_str_equal (route->segments[i], "{id}"))
        {
          gint64 id;

          if (!rcrm_parse_int64 (parts[i], &id) || id <= 0)
            return FALSE;
          ids[(*n_ids)++] = id;
        }
      else if (!g_str_equal (route->segments[i], parts[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
prefers_thai (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_list (headers, "Accept-Language");
  g_autoptr(GSList) unacceptable = NULL;
  GSList *languages;
  gboolean thai = FALSE;

  if (value == NULL)
    return FALSE;
  /* sorted by preference, highest first */
  languages = soup_header_parse_quality_list (value, &unacceptable);
  if (languages != NULL)
    {
      const char *first = languages->data;
      thai = g_ascii_strncasecmp (first, "th", 2) == 0 && (first[2] == '\0' || first[2] == '-');
    }
  g_slist_free_full (languages, g_free);
  g_slist_free_full (g_steal_pointer (&unacceptable), g_free);
  return thai;
}

static RcrmUser *
authenticate (RcrmRequest *req)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmUser) user = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  gint64 user_id;

  if (auth == NULL || g_ascii_strncasecmp (auth, "Bearer ", 7) != 0)
    return NULL;
  auth += 7;
  while (*auth == ' ')
    auth++;
  if (*auth == '\0' || strlen (auth) > 512)
    return NULL;

  hash = rcrm_token_hash (auth);
  now = rcrm_now_rfc3339 ();
  user_id = rcrm_store_session_lookup (req->store, hash, now, &error);
  if (user_id <= 0)
    return NULL;
  user = rcrm_store_user_get (req->store, user_id, &error);
  if (user == NULL || !user->active)
    return NULL;
  return g_steal_pointer (&user);
}

static void
dispatch (RcrmServer        *self,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query)
{
  RcrmRequest req = { 0 };
  const CompiledRoute *match = NULL;
  gboolean path_known = FALSE;
  g_auto(GStrv) parts = NULL;
  guint n_parts;

  req.server = self;
  req.store = self->store;
  req.settings = self->settings;
  req.msg = msg;
  req.method = soup_server_message_get_method (msg);
  req.path = path;
  req.query = query;
  req.thai = prefers_thai (msg);

  if (!g_str_has_prefix (path, RCRM_API_PREFIX "/"))
    {
      rcrm_respond_error (&req, RCRM_ERR_NOT_FOUND, NULL, NULL);
      return;
    }

  parts = g_strsplit (path + strlen (RCRM_API_PREFIX "/"), "/", MAX_SEGMENTS + 1);
  n_parts = g_strv_length (parts);
  if (n_parts > 0 && parts[n_parts - 1][0] == '\0')
    n_parts--;   /* one trailing slash is tolerated */

  for (guint i = 0; i < self->routes->len; i++)
    {
      const CompiledRoute *route = &g_array_index (self->routes, CompiledRoute, i);
      gint64 ids[4];
      guint n_ids = 0;

      if (!route_matches (route, parts, n_parts, ids, &n_ids))
        continue;
      path_known = TRUE;
      if (g_str_equal (route->route->method, req.method))
        {
          match = route;
          memcpy (req.ids, ids, sizeof ids);
          req.n_ids = n_ids;
          break;
        }
    }

  if (match == NULL)
    {
      rcrm_respond_error (&req, path_known ? RCRM_ERR_METHOD_NOT_ALLOWED : RCRM_ERR_NOT_FOUND, NULL, NULL);
      return;
    }

  if (!match->route->public)
    {
      req.user = authenticate (&req);
      if (req.user == NULL)
        {
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "WWW-Authenticate", "Bearer");
          rcrm_respond_error (&req, RCRM_ERR_UNAUTHORIZED, NULL, NULL);
          return;
        }
    }

  match->route->handler (&req);

  if (!req.responded)
    {
      g_warning ("handler for %s %s sent no response", req.method, match->route->pattern);
      rcrm_respond_error (&req, RCRM_ERR_INTERNAL, NULL, NULL);
    }
  g_clear_pointer (&req.invalid_fields, json_object_unref);
  g_clear_pointer (&req.user, rcrm_user_free);
  g_clear_pointer (&req.visible_labels, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (req.forms); i++)
    g_clear_pointer (&req.forms[i], rcrm_form_free);
}

static void
server_callback (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  RcrmServer *self = user_data;
  gint64 started = g_get_monotonic_time ();

  dispatch (self, msg, path, query);

  /* no query string and no body in the log: they may hold personal data */
  g_debug ("%s %s %u %.1f ms", soup_server_message_get_method (msg), path,
           soup_server_message_get_status (msg),
           (g_get_monotonic_time () - started) / 1000.0);
}

/* Refuses an oversized body from its Content-Length before reading it. */
static void
early_callback (SoupServer        *soup,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (headers);
  goffset limit = g_str_has_suffix (path, "/import") ? RCRM_MAX_IMPORT_BODY : RCRM_MAX_JSON_BODY;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH && length > limit)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_take_object (node, error_object (prefers_thai (msg), RCRM_ERR_TOO_LARGE, NULL, NULL, NULL));
      set_json_body (msg, 413, node);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
    }
}

/* libsoup answers some malformed requests (an undecodable path, say) with a
 * bare 400 before any handler runs; give them the error contract's body. */
static void
got_headers (SoupServerMessage *msg,
             gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  guint status = soup_server_message_get_status (msg);

  if (status >= 400 && body->length == 0)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
      RcrmErr err = status == 400 ? RCRM_ERR_BAD_REQUEST : RCRM_ERR_NOT_FOUND;

      if (status != 400 && status != 404)
        return;
      json_node_take_object (node, error_object (prefers_thai (msg), err, NULL, NULL, NULL));
      set_json_body (msg, status, node);
    }
}

static void
request_started (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  RcrmServer *self = user_data;

  self->in_flight++;
  g_signal_connect_after (msg, "got-headers", G_CALLBACK (got_headers), self);
  /* libsoup before 3.3 (Debian 12 has 3.2) never notices that a client
   * closed an idle keep-alive connection: the socket stays in CLOSE_WAIT,
   * one file descriptor each, until the server cannot open its database any
   * more.  So there, each request gets its own connection. */
  if (self->close_connections)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
}

static void
request_done (SoupServer        *soup,
              SoupServerMessage *msg,
              gpointer           user_data)
{
  RcrmServer *self = user_data;

  if (self->in_flight > 0)
    self->in_flight--;
}

RcrmServer *
rcrm_server_new (RcrmStore    *store,
                 RcrmSettings *settings)
{
  RcrmServer *self = g_new0 (RcrmServer, 1);

  self->store = store;
  self->settings = settings;
  self->close_connections = soup_get_major_version () == 3 && soup_get_minor_version () < 3;
  self->routes = g_array_new (FALSE, FALSE, sizeof (CompiledRoute));
  g_array_set_clear_func (self->routes, compiled_route_clear);
  add_routes (self, rcrm_session_routes);
  add_routes (self, rcrm_user_routes);
  add_routes (self, rcrm_settings_routes);
  add_routes (self, rcrm_pipeline_routes);
  add_routes (self, rcrm_lead_routes);
  add_routes (self, rcrm_label_routes);
  add_routes (self, rcrm_account_routes);
  add_routes (self, rcrm_segment_routes);
  add_routes (self, rcrm_form_routes);
  add_routes (self, rcrm_erasure_routes);

  self->soup = soup_server_new ("server-header", "rcrm-server/" PACKAGE_VERSION, NULL);
  soup_server_add_early_handler (self->soup, NULL, early_callback, self, NULL);
  soup_server_add_handler (self->soup, NULL, server_callback, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_done), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_done), self);
  return self;
}

gboolean
rcrm_server_listen (RcrmServer  *self,
                    const char  *host,
                    guint        port,
                    char       **out_uri,
                    GError     **error)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autofree char *host_text = NULL;

  address = g_inet_address_new_from_string (host);
  if (address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address", host);
      return FALSE;
    }
  socket_address = g_inet_socket_address_new (address, port);

  /* our own socket: SoupServer's default backlog of 10 drops clients under load */
  socket = g_socket_new (g_inet_address_get_family (address), G_SOCKET_TYPE_STREAM,
                         G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    return FALSE;
  g_socket_set_option (socket, SOL_SOCKET, SO_REUSEADDR, TRUE, NULL);
  if (!g_socket_bind (socket, socket_address, TRUE, error))
    return FALSE;
  g_socket_set_listen_backlog (socket, 1024);
  if (!g_socket_listen (socket, error))
    return FALSE;
  if (!soup_server_listen_socket (self->soup, socket, 0, error))
    return FALSE;

  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return FALSE;
  host_text = g_inet_address_to_string (address);
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6)
    *out_uri = g_strdup_printf ("http://[%s]:%u", host_text,
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  else
    *out_uri = g_strdup_printf ("http://%s:%u", host_text,
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return TRUE;
}

static gboolean
drain_tick (gpointer user_data)
{
  RcrmServer *self = user_data;

  /* in-flight requests get up to 10 s to finish */
  if (self->in_flight == 0 || ++self->drain_ticks > 200)
    {
      self->drain_source = 0;
      g_main_loop_quit (self->loop);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
rcrm_server_shutdown (RcrmServer *self,
                      GMainLoop  *loop)
{
  if (self->shutting_down)
    return;
  self->shutting_down = TRUE;
  self->loop = loop;
  /* closes the listening sockets; requests in progress go on */
  soup_server_disconnect (self->soup);
  if (self->in_flight == 0)
    g_main_loop_quit (loop);
  else
    self->drain_source = g_timeout_add (50, drain_tick, self);
}

void
rcrm_server_free (RcrmServer *self)
{
  if (self == NULL)
    return;
  g_clear_handle_id (&self->drain_source, g_source_remove);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->routes, g_array_unref);
  g_free (self);
}
