/* rcrm-client-error.c — RCRM_CLIENT_ERROR, an extended GError domain */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "rcrm-client-error.h"
#include "rcrm-client-private.h"

typedef struct {
  guint       status;
  char       *server_code;
  JsonObject *fields;
  JsonObject *details;
} RcrmClientErrorPrivate;

static void
rcrm_client_error_private_init (RcrmClientErrorPrivate *priv)
{
  /* the accessors G_DEFINE_EXTENDED_ERROR makes may return NULL */
  if (priv == NULL)
    return;
  priv->status = 0;
  priv->server_code = NULL;
  priv->fields = NULL;
  priv->details = NULL;
}

static void
rcrm_client_error_private_copy (const RcrmClientErrorPrivate *src,
                                RcrmClientErrorPrivate       *dest)
{
  if (src == NULL || dest == NULL)
    return;
  dest->status = src->status;
  dest->server_code = g_strdup (src->server_code);
  dest->fields = src->fields != NULL ? json_object_ref (src->fields) : NULL;
  dest->details = src->details != NULL ? json_object_ref (src->details) : NULL;
}

static void
rcrm_client_error_private_clear (RcrmClientErrorPrivate *priv)
{
  if (priv == NULL)
    return;
  g_clear_pointer (&priv->server_code, g_free);
  g_clear_pointer (&priv->fields, json_object_unref);
  g_clear_pointer (&priv->details, json_object_unref);
}

G_DEFINE_EXTENDED_ERROR (RcrmClientError, rcrm_client_error)

/* ---- codes ------------------------------------------------------------------ */

static const struct {
  const char      *code;
  RcrmClientError  error;
} server_codes[] = {
  { "bad_request", RCRM_CLIENT_ERROR_BAD_REQUEST },
  { "unauthorized", RCRM_CLIENT_ERROR_UNAUTHORIZED },
  { "forbidden", RCRM_CLIENT_ERROR_FORBIDDEN },
  { "admin_only", RCRM_CLIENT_ERROR_ADMIN_ONLY },
  { "step_back_disabled", RCRM_CLIENT_ERROR_STEP_BACK_DISABLED },
  { "price_edit_disabled", RCRM_CLIENT_ERROR_PRICE_EDIT_DISABLED },
  { "erasure_disabled", RCRM_CLIENT_ERROR_ERASURE_DISABLED },
  { "not_found", RCRM_CLIENT_ERROR_NOT_FOUND },
  { "method_not_allowed", RCRM_CLIENT_ERROR_METHOD_NOT_ALLOWED },
  { "append_only", RCRM_CLIENT_ERROR_APPEND_ONLY },
  { "duplicate_lead", RCRM_CLIENT_ERROR_DUPLICATE_LEAD },
  { "limit_reached", RCRM_CLIENT_ERROR_LIMIT_REACHED },
  { "conflict", RCRM_CLIENT_ERROR_CONFLICT },
  { "precondition_failed", RCRM_CLIENT_ERROR_PRECONDITION_FAILED },
  { "precondition_required", RCRM_CLIENT_ERROR_PRECONDITION_REQUIRED },
  { "too_large", RCRM_CLIENT_ERROR_TOO_LARGE },
  { "unsupported_media_type", RCRM_CLIENT_ERROR_UNSUPPORTED_MEDIA_TYPE },
  { "invalid", RCRM_CLIENT_ERROR_INVALID },
  { "rate_limited", RCRM_CLIENT_ERROR_RATE_LIMITED },
  { "internal", RCRM_CLIENT_ERROR_SERVER },
};

RcrmClientError
rcrm_client_error_code_from_server (const char *code,
                                    guint       status)
{
  if (code != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (server_codes); i++)
      if (g_str_equal (code, server_codes[i].code))
        return server_codes[i].error;

  switch (status)
    {
    case 400: return RCRM_CLIENT_ERROR_BAD_REQUEST;
    case 401: return RCRM_CLIENT_ERROR_UNAUTHORIZED;
    case 403: return RCRM_CLIENT_ERROR_FORBIDDEN;
    case 404: return RCRM_CLIENT_ERROR_NOT_FOUND;
    case 405: return RCRM_CLIENT_ERROR_METHOD_NOT_ALLOWED;
    case 409: return RCRM_CLIENT_ERROR_CONFLICT;
    case 412: return RCRM_CLIENT_ERROR_PRECONDITION_FAILED;
    case 413: return RCRM_CLIENT_ERROR_TOO_LARGE;
    case 415: return RCRM_CLIENT_ERROR_UNSUPPORTED_MEDIA_TYPE;
    case 422: return RCRM_CLIENT_ERROR_INVALID;
    case 428: return RCRM_CLIENT_ERROR_PRECONDITION_REQUIRED;
    case 429: return RCRM_CLIENT_ERROR_RATE_LIMITED;
    default:
      return status >= 500 && status <= 599 ? RCRM_CLIENT_ERROR_SERVER : RCRM_CLIENT_ERROR_PROTOCOL;
    }
}

/* for an error body without a message (a proxy's page, an empty body) */
static char *
fallback_message (RcrmClientError code,
                  guint           status)
{
  switch (code)
    {
    case RCRM_CLIENT_ERROR_BAD_REQUEST:
      return g_strdup (_("The server did not accept the request."));
    case RCRM_CLIENT_ERROR_UNAUTHORIZED:
      return g_strdup (_("Please sign in again."));
    case RCRM_CLIENT_ERROR_FORBIDDEN:
      return g_strdup (_("You are not allowed to do this."));
    case RCRM_CLIENT_ERROR_ADMIN_ONLY:
      return g_strdup (_("Only an administrator can do this."));
    case RCRM_CLIENT_ERROR_STEP_BACK_DISABLED:
      return g_strdup (_("Moving a lead back to an earlier step is turned off."));
    case RCRM_CLIENT_ERROR_PRICE_EDIT_DISABLED:
      return g_strdup (_("Editing catalogue prices is turned off."));
    case RCRM_CLIENT_ERROR_ERASURE_DISABLED:
      return g_strdup (_("Erasing personal data is turned off."));
    case RCRM_CLIENT_ERROR_NOT_FOUND:
      return g_strdup (_("The record was not found."));
    case RCRM_CLIENT_ERROR_METHOD_NOT_ALLOWED:
      return g_strdup (_("The server does not support this action."));
    case RCRM_CLIENT_ERROR_APPEND_ONLY:
      return g_strdup (_("Notes cannot be edited or deleted."));
    case RCRM_CLIENT_ERROR_DUPLICATE_LEAD:
      return g_strdup (_("A lead with the same details already exists."));
    case RCRM_CLIENT_ERROR_LIMIT_REACHED:
      return g_strdup (_("The limit has been reached."));
    case RCRM_CLIENT_ERROR_CONFLICT:
      return g_strdup (_("This conflicts with the current state of the record."));
    case RCRM_CLIENT_ERROR_PRECONDITION_FAILED:
      return g_strdup (_("Someone else changed this record. Reload it and try again."));
    case RCRM_CLIENT_ERROR_PRECONDITION_REQUIRED:
      return g_strdup (_("The server needs the record’s version to change it."));
    case RCRM_CLIENT_ERROR_TOO_LARGE:
      return g_strdup (_("The data is too large to send."));
    case RCRM_CLIENT_ERROR_UNSUPPORTED_MEDIA_TYPE:
      return g_strdup (_("The server does not accept this kind of data."));
    case RCRM_CLIENT_ERROR_INVALID:
      return g_strdup (_("Some fields are not valid."));
    case RCRM_CLIENT_ERROR_RATE_LIMITED:
      return g_strdup (_("Too many failed attempts. Try again later."));
    case RCRM_CLIENT_ERROR_SERVER:
      return g_strdup (_("Something went wrong on the server. Try again later."));
    case RCRM_CLIENT_ERROR_NETWORK:
    case RCRM_CLIENT_ERROR_PROTOCOL:
    default:
      /* TRANSLATORS: %u is an HTTP status code such as 418 */
      return g_strdup_printf (_("The server sent an unexpected answer (HTTP %u)."), status);
    }
}

GError *
rcrm_client_error_new_full (RcrmClientError  code,
                            guint            status,
                            const char      *server_code,
                            const char      *message,
                            JsonObject      *fields,
                            JsonObject      *details)
{
  GError *error = g_error_new_literal (RCRM_CLIENT_ERROR, code, message);
  RcrmClientErrorPrivate *priv = rcrm_client_error_get_private (error);

  g_assert (priv != NULL);
  priv->status = status;
  priv->server_code = g_strdup (server_code);
  priv->fields = fields != NULL ? json_object_ref (fields) : NULL;
  priv->details = details != NULL ? json_object_ref (details) : NULL;
  return error;
}

/* the "error" object of a body, or NULL */
static JsonObject *
error_object_from_body (JsonParser *parser,
                        GBytes     *body)
{
  gsize size = 0;
  const char *data;
  JsonNode *root;
  JsonNode *node;

  if (body == NULL)
    return NULL;
  data = g_bytes_get_data (body, &size);
  if (size == 0 || !json_parser_load_from_data (parser, data, size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  node = json_object_get_member (json_node_get_object (root), "error");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

GError *
rcrm_client_error_new_from_response (guint   status,
                                     GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *fallback = NULL;
  JsonObject *object = error_object_from_body (parser, body);
  const char *server_code = NULL;
  const char *message = NULL;
  JsonObject *fields = NULL;
  JsonObject *details = NULL;
  RcrmClientError code;

  if (object != NULL)
    {
      server_code = string_member (object, "code");
      message = string_member (object, "message");
      fields = object_member (object, "fields");
      details = object_member (object, "details");
    }
  code = rcrm_client_error_code_from_server (server_code, status);
  if (message == NULL || *message == '\0')
    message = fallback = fallback_message (code, status);

  return rcrm_client_error_new_full (code, status, server_code, message, fields, details);
}

GError *
rcrm_client_error_new_from_transport (const GError *error,
                                      const char   *base_url)
{
  g_autofree char *message = NULL;
  RcrmClientError code = RCRM_CLIENT_ERROR_NETWORK;

  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      /* TRANSLATORS: %s is the server address, e.g. http://crm.example.co.th:8080 */
      message = g_strdup_printf (_("The server at %s did not answer in time."), base_url);
    }
  else if (error->domain == SOUP_SESSION_ERROR)
    {
      /* the server answered something that is not HTTP we can read */
      code = RCRM_CLIENT_ERROR_PROTOCOL;
      /* TRANSLATORS: %s is a technical reason */
      message = g_strdup_printf (_("The server’s answer could not be read: %s"), error->message);
    }
  else
    {
      /* TRANSLATORS: the first %s is the server address, the second a technical reason
       * such as "Connection refused" */
      message = g_strdup_printf (_("Cannot connect to the server at %s: %s"), base_url, error->message);
    }

  return rcrm_client_error_new_full (code, 0, NULL, message, NULL, NULL);
}

void
rcrm_client_set_shape_error (GError     **error,
                             const char  *what)
{
  g_autofree char *message = NULL;

  if (error == NULL)
    return;
  g_return_if_fail (*error == NULL);
  /* TRANSLATORS: %s names a member of the server's JSON answer, e.g. "name" */
  message = g_strdup_printf (_("The server sent an unexpected answer: “%s” is missing or has the wrong type."),
                             what);
  *error = rcrm_client_error_new_full (RCRM_CLIENT_ERROR_PROTOCOL, 0, NULL, message, NULL, NULL);
}

/* ---- accessors -------------------------------------------------------------- */

static RcrmClientErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != RCRM_CLIENT_ERROR)
    return NULL;
  return rcrm_client_error_get_private (error);
}

JsonObject *
rcrm_client_error_get_fields (const GError *error)
{
  RcrmClientErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->fields : NULL;
}

JsonObject *
rcrm_client_error_get_details (const GError *error)
{
  RcrmClientErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->details : NULL;
}

const char *
rcrm_client_error_get_field_message (const GError *error,
                                     const char   *field)
{
  JsonObject *fields = rcrm_client_error_get_fields (error);

  g_return_val_if_fail (field != NULL, NULL);

  if (fields == NULL)
    return NULL;
  return string_member (fields, field);
}

const char *
rcrm_client_error_get_server_code (const GError *error)
{
  RcrmClientErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->server_code : NULL;
}

guint
rcrm_client_error_get_status (const GError *error)
{
  RcrmClientErrorPrivate *priv = get_private (error);

  return priv != NULL ? priv->status : 0;
}
