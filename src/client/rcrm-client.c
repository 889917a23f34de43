/* rcrm-client.c — RcrmClient, the app's only door to rcrm-server's REST API */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "rcrm-client.h"
#include "rcrm-client-private.h"

#define API_PREFIX        "/api/v1"
#define TIMEOUT_S         30
#define IDLE_TIMEOUT_S    60
#define LIST_ALL_LIMIT    500
#define MAX_LIST_PAGES    1000

struct _RcrmClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *token;
  char        *language;
  RcrmUser    *user;

  /* one GET /leads started ahead of need (rcrm_client_prefetch_leads) */
  char         *prefetch_path;      /* NULL = none */
  gboolean      prefetch_answered;
  RcrmLeadPage *prefetch_page;      /* the answer, until taken */
  gint64        prefetch_time;      /* monotonic time of the answer */
  GPtrArray    *prefetch_waiters;   /* GTask: list_leads calls waiting for it */
  GPtrArray    *prefetch_watchers;  /* GTask: rcrm_client_prefetch_wait_async */
};

G_DEFINE_FINAL_TYPE (RcrmClient, rcrm_client, G_TYPE_OBJECT)

static void prefetch_clear (RcrmClient *self);

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_LANGUAGE,
  PROP_USER,
  N_PROPS
};

enum {
  UNAUTHORIZED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- requests ---------------------------------------------------------------- */

typedef enum {
  REQUEST_BOOLEAN  = 1 << 0,   /* returns TRUE; the body is not read */
  REQUEST_LOGIN    = 1 << 1,   /* a 401 is a wrong password, not an expired session */
  REQUEST_LOGOUT   = 1 << 2,   /* clears the session on success or 401 */
  REQUEST_LIST_ALL = 1 << 3,   /* follows next_cursor; returns GPtrArray of parse_item () */
} RequestFlags;

/* turns the answer's JSON (NULL for an empty body) into the task's result */
typedef gpointer (*ParseFunc)     (RcrmClient  *self,
                                   JsonNode    *root,
                                   GError     **error);
typedef gpointer (*ParseItemFunc) (JsonObject  *object,
                                   GError     **error);

typedef struct {
  RequestFlags   flags;
  ParseFunc      parse;
  GDestroyNotify free_result;
  ParseItemFunc  parse_item;
  SoupMessage   *msg;
  char          *method;
  char          *path;           /* for logs and the next page; with its query */
  GBytes        *body;           /* JSON, or NULL */
  char          *if_match;       /* "\"VERSION\"", or NULL */
  GPtrArray     *items;          /* REQUEST_LIST_ALL */
  guint          n_pages;
  gint64         started_us;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_clear_object (&request->msg);
  g_clear_pointer (&request->method, g_free);
  g_clear_pointer (&request->path, g_free);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->if_match, g_free);
  g_clear_pointer (&request->items, g_ptr_array_unref);
  g_free (request);
}

static GTask *
request_new (RcrmClient          *self,
             gpointer             source_tag,
             RequestFlags         flags,
             ParseFunc            parse,
             GDestroyNotify       free_result,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, source_tag);
  request->flags = flags;
  request->parse = parse;
  request->free_result = free_result;
  g_task_set_task_data (task, request, request_free);
  return task;
}

/* the path without its query: queries may hold personal data (q=…) */
static char *
path_for_log (const char *path)
{
  const char *query = strchr (path, '?');

  return query != NULL ? g_strndup (path, query - path) : g_strdup (path);
}

static void request_send (GTask *task);

static void
clear_session (RcrmClient *self)
{
  rcrm_client_set_token (self, NULL);
  if (self->user != NULL)
    {
      g_clear_object (&self->user);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
    }
}

static GError *
parse_root (GBytes    *bytes,
            JsonNode **out_root)
{
  g_autoptr(JsonParser) parser = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  *out_root = NULL;
  if (size == 0)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, size, NULL) || json_parser_get_root (parser) == NULL)
    return rcrm_client_error_new_full (RCRM_CLIENT_ERROR_PROTOCOL, 0, NULL,
                                       _("The server sent an answer that is not valid JSON."), NULL, NULL);
  *out_root = json_node_ref (json_parser_get_root (parser));
  return NULL;
}

/* One page of a list: appends its items; *next_cursor for the next page. */
static gboolean
parse_list_page (Request     *request,
                 JsonNode    *root,
                 char       **next_cursor,
                 GError     **error)
{
  JsonObject *object;
  JsonArray *items;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      rcrm_client_set_shape_error (error, "items");
      return FALSE;
    }
  object = json_node_get_object (root);
  if (!rcrm_client_json_array (object, "items", RCRM_JSON_REQUIRED, &items, error)
      || !rcrm_client_json_string (object, "next_cursor", RCRM_JSON_LOOSE, next_cursor, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          rcrm_client_set_shape_error (error, "items");
          return FALSE;
        }
      item = request->parse_item (json_node_get_object (node), error);
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (request->items, item);
    }
  return TRUE;
}

static void
on_response (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RcrmClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *log_path = path_for_log (request->path);
  g_autofree char *next_cursor = NULL;
  gpointer value;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      g_debug ("%s %s: %s", request->method, log_path, error->message);
      g_task_return_error (task, rcrm_client_error_new_from_transport (error, self->base_url));
      return;
    }

  status = soup_message_get_status (request->msg);
  g_debug ("%s %s: %u (%.1f ms)", request->method, log_path, status,
           (g_get_monotonic_time () - request->started_us) / 1000.0);

  if (status < 200 || status > 299)
    {
      GError *http_error = rcrm_client_error_new_from_response (status, bytes);

      if (status == SOUP_STATUS_UNAUTHORIZED && (request->flags & REQUEST_LOGOUT))
        {
          /* the token was no longer valid: signed out all the same */
          g_error_free (http_error);
          clear_session (self);
          g_task_return_boolean (task, TRUE);
          return;
        }
      if (status == SOUP_STATUS_UNAUTHORIZED && !(request->flags & REQUEST_LOGIN))
        g_signal_emit (self, signals[UNAUTHORIZED], 0);
      g_task_return_error (task, http_error);
      return;
    }

  if (request->flags & REQUEST_LOGOUT)
    clear_session (self);
  if (request->flags & REQUEST_BOOLEAN)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  error = parse_root (bytes, &root);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (request->flags & REQUEST_LIST_ALL)
    {
      if (!parse_list_page (request, root, &next_cursor, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (next_cursor != NULL && ++request->n_pages < MAX_LIST_PAGES)
        {
          g_autofree char *escaped = g_uri_escape_string (next_cursor, NULL, FALSE);
          g_autofree char *base = g_strdup (request->path);
          char *cursor = strstr (base, "&cursor=");

          if (cursor != NULL)
            *cursor = '\0';
          g_free (request->path);
          request->path = g_strdup_printf ("%s&cursor=%s", base, escaped);
          request_send (g_steal_pointer (&task));
          return;
        }
      g_task_return_pointer (task, g_steal_pointer (&request->items), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  value = request->parse (self, root, &error);
  if (value == NULL)
    {
      if (error == NULL)
        rcrm_client_set_shape_error (&error, "");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, value, request->free_result);
}

/* Sends the task's request; takes the task. */
static void
request_send (GTask *task)
{
  RcrmClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *url = g_strconcat (self->base_url, API_PREFIX, request->path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (request->method, url);
  SoupMessageHeaders *headers;

  if (msg == NULL)
    {
      g_autofree char *message =
        /* TRANSLATORS: %s is the server address the user entered */
        g_strdup_printf (_("The server address “%s” is not valid."), self->base_url);

      g_task_return_error (task, rcrm_client_error_new_full (RCRM_CLIENT_ERROR_NETWORK, 0, NULL, message,
                                                              NULL, NULL));
      g_object_unref (task);
      return;
    }

  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->token != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->token, NULL);
      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (request->if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", request->if_match);
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", request->body);

  g_set_object (&request->msg, msg);
  request->started_us = g_get_monotonic_time ();
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                    on_response, task);
}

/* Starts METHOD path with an optional JSON body and If-Match; takes the task. */
static void
request_start (GTask      *task,
               const char *method,
               const char *path,
               JsonNode   *body,
               gint64      if_match_version)
{
  Request *request = g_task_get_task_data (task);

  request->method = g_strdup (method);
  request->path = g_strdup (path);
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);

      request->body = g_bytes_new_take (text, strlen (text));
    }
  if (if_match_version > 0)
    request->if_match = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", if_match_version);
  request_send (task);
}

static void
request_start_list_all (GTask         *task,
                        const char    *path,
                        ParseItemFunc  parse_item)
{
  Request *request = g_task_get_task_data (task);
  g_autofree char *full = g_strdup_printf ("%s?limit=%u", path, LIST_ALL_LIMIT);

  request->flags |= REQUEST_LIST_ALL;
  request->parse_item = parse_item;
  request->items = g_ptr_array_new_with_free_func (g_object_unref);
  request_start (task, "GET", full, NULL, 0);
}

static gpointer
propagate (RcrmClient    *self,
           GAsyncResult  *result,
           gpointer       source_tag,
           GError       **error)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- parsers ----------------------------------------------------------------- */

static JsonObject *
root_object (JsonNode  *root,
             GError   **error)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      rcrm_client_set_shape_error (error, "{}");
      return NULL;
    }
  return json_node_get_object (root);
}

static gpointer
parse_lead (RcrmClient  *self,
            JsonNode    *root,
            GError     **error)
{
  JsonObject *object = root_object (root, error);

  return object != NULL ? rcrm_lead_new_from_json (object, error) : NULL;
}

static gpointer
parse_note (RcrmClient  *self,
            JsonNode    *root,
            GError     **error)
{
  JsonObject *object = root_object (root, error);

  return object != NULL ? rcrm_timeline_entry_new_from_json (object, error) : NULL;
}

static gpointer
parse_object (RcrmClient  *self,
              JsonNode    *root,
              GError     **error)
{
  JsonObject *object = root_object (root, error);

  return object != NULL ? json_object_ref (object) : NULL;
}

static gpointer
parse_node (RcrmClient  *self,
            JsonNode    *root,
            GError     **error)
{
  return root != NULL ? json_node_ref (root) : json_node_new (JSON_NODE_NULL);
}

static void
set_user (RcrmClient *self,
          RcrmUser   *user)
{
  if (g_set_object (&self->user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

static gpointer
parse_me (RcrmClient  *self,
          JsonNode    *root,
          GError     **error)
{
  JsonObject *object = root_object (root, error);
  RcrmUser *user;

  if (object == NULL)
    return NULL;
  user = rcrm_user_new_from_json (object, error);
  if (user != NULL)
    set_user (self, user);
  return user;
}

static gpointer
parse_session (RcrmClient  *self,
               JsonNode    *root,
               GError     **error)
{
  JsonObject *object = root_object (root, error);
  g_autoptr(JsonObject) user_object = NULL;
  g_autofree char *token = NULL;
  g_autofree char *expires_at = NULL;
  RcrmUser *user;

  if (object == NULL
      || !rcrm_client_json_string (object, "token", RCRM_JSON_REQUIRED, &token, error)
      || !rcrm_client_json_string (object, "expires_at", RCRM_JSON_LOOSE, &expires_at, error)
      || !rcrm_client_json_object (object, "user", RCRM_JSON_REQUIRED, &user_object, error))
    return NULL;
  user = rcrm_user_new_from_json (user_object, error);
  if (user == NULL)
    return NULL;

  g_object_freeze_notify (G_OBJECT (self));
  rcrm_client_set_token (self, token);
  set_user (self, user);
  g_object_thaw_notify (G_OBJECT (self));
  return user;
}

static gpointer
parse_lead_page (RcrmClient  *self,
                 JsonNode    *root,
                 GError     **error)
{
  g_autoptr(RcrmLeadPage) page = rcrm_lead_page_new ();
  JsonObject *object = root_object (root, error);
  JsonArray *items;

  if (object == NULL
      || !rcrm_client_json_array (object, "items", RCRM_JSON_REQUIRED, &items, error)
      || !rcrm_client_json_int (object, "total", RCRM_JSON_REQUIRED, &page->total, error)
      || !rcrm_client_json_string (object, "next_cursor", RCRM_JSON_LOOSE, &page->next_cursor, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      RcrmLead *lead;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          rcrm_client_set_shape_error (error, "items");
          return NULL;
        }
      lead = rcrm_lead_new_from_json (json_node_get_object (node), error);
      if (lead == NULL)
        return NULL;
      g_ptr_array_add (page->items, lead);
    }
  return g_steal_pointer (&page);
}

static gpointer
parse_user_item (JsonObject  *object,
                 GError     **error)
{
  return rcrm_user_new_from_json (object, error);
}

static gpointer
parse_pipeline_item (JsonObject  *object,
                     GError     **error)
{
  return rcrm_pipeline_new_from_json (object, error);
}

static gpointer
parse_label_item (JsonObject  *object,
                  GError     **error)
{
  return rcrm_label_new_from_json (object, error);
}

static gpointer
parse_timeline_item (JsonObject  *object,
                     GError     **error)
{
  return rcrm_timeline_entry_new_from_json (object, error);
}

/* ---- GObject ------------------------------------------------------------------- */

static void
update_language (RcrmClient *self)
{
  if (self->language != NULL)
    g_object_set (self->session, "accept-language", self->language, NULL);
  else
    /* from g_get_language_names (), th first under a Thai locale */
    g_object_set (self->session, "accept-language-auto", TRUE, NULL);
}

static void
rcrm_client_constructed (GObject *object)
{
  RcrmClient *self = (RcrmClient *) object;

  G_OBJECT_CLASS (rcrm_client_parent_class)->constructed (object);

  self->session = soup_session_new_with_options ("user-agent", "rcrm/" PACKAGE_VERSION,
                                                 "timeout", TIMEOUT_S,
                                                 "idle-timeout", IDLE_TIMEOUT_S,
                                                 NULL);
  update_language (self);
}

static void
rcrm_client_dispose (GObject *object)
{
  RcrmClient *self = (RcrmClient *) object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (rcrm_client_parent_class)->dispose (object);
}

static void
rcrm_client_finalize (GObject *object)
{
  RcrmClient *self = (RcrmClient *) object;

  prefetch_clear (self);
  g_clear_pointer (&self->prefetch_waiters, g_ptr_array_unref);
  g_clear_pointer (&self->prefetch_watchers, g_ptr_array_unref);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (rcrm_client_parent_class)->finalize (object);
}

static void
rcrm_client_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RcrmClient *self = RCRM_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_client_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RcrmClient *self = RCRM_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      {
        /* construct-only: "http://host:port", without trailing slashes */
        const char *url = g_value_get_string (value);
        gsize len = url != NULL ? strlen (url) : 0;

        while (len > 0 && url[len - 1] == '/')
          len--;
        g_free (self->base_url);
        self->base_url = g_strndup (url != NULL ? url : "", len);
      }
      break;

    case PROP_TOKEN:
      rcrm_client_set_token (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      rcrm_client_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_client_class_init (RcrmClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rcrm_client_constructed;
  object_class->dispose = rcrm_client_dispose;
  object_class->finalize = rcrm_client_finalize;
  object_class->get_property = rcrm_client_get_property;
  object_class->set_property = rcrm_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         RCRM_TYPE_USER,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcrmClient::unauthorized:
   *
   * A request other than sign-in was refused with 401: the token is missing,
   * expired or revoked.  The app shows its sign-in window.
   */
  signals[UNAUTHORIZED] =
    g_signal_new ("unauthorized",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rcrm_client_init (RcrmClient *self)
{
}

/* ---- properties ------------------------------------------------------------------ */

RcrmClient *
rcrm_client_new (const char *base_url)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (RCRM_TYPE_CLIENT, "base-url", base_url, NULL);
}

const char *
rcrm_client_get_base_url (RcrmClient *self)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (self), NULL);

  return self->base_url;
}

const char *
rcrm_client_get_token (RcrmClient *self)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (self), NULL);

  return self->token;
}

void
rcrm_client_set_token (RcrmClient *self,
                       const char *token)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));

  if (token != NULL && *token == '\0')
    token = NULL;
  if (rcrm_client_set_string (&self->token, token))
    {
      /* another user's leads, or none */
      prefetch_clear (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);
    }
}

const char *
rcrm_client_get_language (RcrmClient *self)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (self), NULL);

  return self->language;
}

void
rcrm_client_set_language (RcrmClient *self,
                          const char *language)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));

  if (language != NULL && *language == '\0')
    language = NULL;
  if (!rcrm_client_set_string (&self->language, language))
    return;
  if (self->session != NULL)
    update_language (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

RcrmUser *
rcrm_client_get_user (RcrmClient *self)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (self), NULL);

  return self->user;
}

/* ---- session ---------------------------------------------------------------------- */

void
rcrm_client_login_async (RcrmClient          *self,
                         const char          *username,
                         const char          *password,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  GTask *task;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (username != NULL);
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "username");
  json_builder_add_string_value (builder, username);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  task = request_new (self, rcrm_client_login_async, REQUEST_LOGIN, parse_session, g_object_unref,
                      cancellable, callback, user_data);
  request_start (task, "POST", "/session", body, 0);
}

RcrmUser *
rcrm_client_login_finish (RcrmClient    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return propagate (self, result, rcrm_client_login_async, error);
}

void
rcrm_client_logout_async (RcrmClient          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_new (self, rcrm_client_logout_async, REQUEST_BOOLEAN | REQUEST_LOGOUT, NULL, NULL,
                      cancellable, callback, user_data);
  if (self->token == NULL)
    {
      clear_session (self);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  request_start (task, "DELETE", "/session", NULL, 0);
}

gboolean
rcrm_client_logout_finish (RcrmClient    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rcrm_client_logout_async, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
rcrm_client_get_me_async (RcrmClient          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_new (self, rcrm_client_get_me_async, 0, parse_me, g_object_unref, cancellable, callback, user_data);
  request_start (task, "GET", "/me", NULL, 0);
}

RcrmUser *
rcrm_client_get_me_finish (RcrmClient    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return propagate (self, result, rcrm_client_get_me_async, error);
}

/* ---- reference data ----------------------------------------------------------------- */

static void
list_all (RcrmClient          *self,
          gpointer             source_tag,
          const char          *path,
          ParseItemFunc        parse_item,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = request_new (self, source_tag, 0, NULL, NULL, cancellable, callback, user_data);

  request_start_list_all (task, path, parse_item);
}

void
rcrm_client_list_users_async (RcrmClient          *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_all (self, rcrm_client_list_users_async, "/users", parse_user_item, cancellable, callback, user_data);
}

GPtrArray *
rcrm_client_list_users_finish (RcrmClient    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return propagate (self, result, rcrm_client_list_users_async, error);
}

void
rcrm_client_list_directory_async (RcrmClient          *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_all (self, rcrm_client_list_directory_async, "/directory", parse_user_item,
            cancellable, callback, user_data);
}

GPtrArray *
rcrm_client_list_directory_finish (RcrmClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return propagate (self, result, rcrm_client_list_directory_async, error);
}

void
rcrm_client_list_pipelines_async (RcrmClient          *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_all (self, rcrm_client_list_pipelines_async, "/pipelines", parse_pipeline_item,
            cancellable, callback, user_data);
}

GPtrArray *
rcrm_client_list_pipelines_finish (RcrmClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return propagate (self, result, rcrm_client_list_pipelines_async, error);
}

void
rcrm_client_list_labels_async (RcrmClient          *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_all (self, rcrm_client_list_labels_async, "/labels", parse_label_item, cancellable, callback, user_data);
}

GPtrArray *
rcrm_client_list_labels_finish (RcrmClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return propagate (self, result, rcrm_client_list_labels_async, error);
}

void
rcrm_client_get_settings_async (RcrmClient          *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_new (self, rcrm_client_get_settings_async, 0, parse_object, (GDestroyNotify) json_object_unref,
                      cancellable, callback, user_data);
  request_start (task, "GET", "/settings", NULL, 0);
}

JsonObject *
rcrm_client_get_settings_finish (RcrmClient    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return propagate (self, result, rcrm_client_get_settings_async, error);
}

/* ---- leads ---------------------------------------------------------------------------- */

/* ---- prefetch: the first page of the inbox while the window is being built ---- */

/* an answer older than this is not handed out: it may be stale */
#define PREFETCH_MAX_AGE_US (10 * G_USEC_PER_SEC)

static void
prefetch_clear (RcrmClient *self)
{
  g_clear_pointer (&self->prefetch_path, g_free);
  g_clear_pointer (&self->prefetch_page, rcrm_lead_page_free);
  self->prefetch_answered = FALSE;
}

/* a task of rcrm_client_list_leads_async that is answered from elsewhere */
static GTask *
waiter_new (RcrmClient          *self,
            const char          *path,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *waiter = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (waiter, rcrm_client_list_leads_async);
  g_task_set_task_data (waiter, g_strdup (path), g_free);
  return waiter;
}

static void
on_forwarded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) waiter = user_data;
  GError *error = NULL;
  RcrmLeadPage *page = propagate (RCRM_CLIENT (source), result, rcrm_client_list_leads_async, &error);

  if (page != NULL)
    g_task_return_pointer (waiter, page, (GDestroyNotify) rcrm_lead_page_free);
  else
    g_task_return_error (waiter, error);
}

/* the prefetch could not serve the waiter: it asks the server itself */
static void
waiter_forward (RcrmClient *self,
                GTask      *waiter)
{
  GTask *task = request_new (self, rcrm_client_list_leads_async, 0, parse_lead_page,
                             (GDestroyNotify) rcrm_lead_page_free,
                             g_task_get_cancellable (waiter), on_forwarded, g_object_ref (waiter));

  request_start (task, "GET", g_task_get_task_data (waiter), NULL, 0);
}

static void
on_prefetched (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RcrmClient *self = RCRM_CLIENT (source);
  g_autofree char *path = user_data;
  RcrmLeadPage *page = propagate (self, result, rcrm_client_list_leads_async, NULL);
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->prefetch_waiters);
  g_autoptr(GPtrArray) watchers = g_steal_pointer (&self->prefetch_watchers);

  if (g_strcmp0 (self->prefetch_path, path) == 0)
    {
      self->prefetch_answered = TRUE;
      self->prefetch_page = page;
      self->prefetch_time = g_get_monotonic_time ();
    }
  else
    /* dropped meanwhile (another token): nobody may have this page */
    g_clear_pointer (&page, rcrm_lead_page_free);

  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (waiters, i);

      if (g_task_return_error_if_cancelled (waiter))
        continue;
      if (self->prefetch_page != NULL && g_strcmp0 (self->prefetch_path, g_task_get_task_data (waiter)) == 0)
        {
          g_task_return_pointer (waiter, g_steal_pointer (&self->prefetch_page),
                                 (GDestroyNotify) rcrm_lead_page_free);
          /* one-shot: the next identical request asks the server again */
          prefetch_clear (self);
        }
      else
        waiter_forward (self, waiter);
    }

  for (guint i = 0; watchers != NULL && i < watchers->len; i++)
    {
      GTask *watcher = g_ptr_array_index (watchers, i);

      if (!g_task_return_error_if_cancelled (watcher))
        g_task_return_boolean (watcher, TRUE);
    }
}

/* TRUE when the prefetch answers (or will answer) this GET /leads */
static gboolean
prefetch_take (RcrmClient          *self,
               const char          *path,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  if (self->prefetch_path == NULL || !g_str_equal (self->prefetch_path, path))
    return FALSE;

  if (!self->prefetch_answered)
    {
      if (self->prefetch_waiters == NULL)
        self->prefetch_waiters = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->prefetch_waiters, waiter_new (self, path, cancellable, callback, user_data));
      return TRUE;
    }

  if (self->prefetch_page == NULL
      || g_get_monotonic_time () - self->prefetch_time > PREFETCH_MAX_AGE_US)
    {
      /* it failed, or it is old */
      prefetch_clear (self);
      return FALSE;
    }

  task = waiter_new (self, path, cancellable, callback, user_data);
  g_task_return_pointer (task, g_steal_pointer (&self->prefetch_page), (GDestroyNotify) rcrm_lead_page_free);
  prefetch_clear (self);
  return TRUE;
}

void
rcrm_client_prefetch_wait_async (RcrmClient          *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rcrm_client_prefetch_wait_async);
  if (self->prefetch_path == NULL || self->prefetch_answered)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (self->prefetch_watchers == NULL)
    self->prefetch_watchers = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->prefetch_watchers, g_steal_pointer (&task));
}

gboolean
rcrm_client_prefetch_wait_finish (RcrmClient    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
rcrm_client_prefetch_leads (RcrmClient          *self,
                            const RcrmLeadQuery *query)
{
  g_autofree char *query_string = NULL;
  GTask *task;

  g_return_if_fail (RCRM_IS_CLIENT (self));

  prefetch_clear (self);
  if (self->token == NULL)
    return;

  query_string = query != NULL ? rcrm_lead_query_to_string (query) : g_strdup ("");
  self->prefetch_path = g_strconcat ("/leads", *query_string != '\0' ? "?" : "", query_string, NULL);
  task = request_new (self, rcrm_client_list_leads_async, 0, parse_lead_page, (GDestroyNotify) rcrm_lead_page_free,
                      NULL, on_prefetched, g_strdup (self->prefetch_path));
  request_start (task, "GET", self->prefetch_path, NULL, 0);
}

void
rcrm_client_list_leads_async (RcrmClient          *self,
                              const RcrmLeadQuery *query,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *query_string = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  query_string = query != NULL ? rcrm_lead_query_to_string (query) : g_strdup ("");
  path = g_strconcat ("/leads", *query_string != '\0' ? "?" : "", query_string, NULL);

  if (prefetch_take (self, path, cancellable, callback, user_data))
    return;

  task = request_new (self, rcrm_client_list_leads_async, 0, parse_lead_page, (GDestroyNotify) rcrm_lead_page_free,
                      cancellable, callback, user_data);
  request_start (task, "GET", path, NULL, 0);
}

RcrmLeadPage *
rcrm_client_list_leads_finish (RcrmClient    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return propagate (self, result, rcrm_client_list_leads_async, error);
}

/* a request answered with a lead */
static void
lead_request (RcrmClient          *self,
              gpointer             source_tag,
              const char          *method,
              gint64               id,
              const char          *action,
              JsonObject          *body,
              gint64               if_match_version,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) node = NULL;
  GTask *task;

  if (id > 0)
    path = g_strdup_printf ("/leads/%" G_GINT64_FORMAT "%s", id, action != NULL ? action : "");
  else
    path = g_strdup ("/leads");
  if (body != NULL)
    node = json_node_init_object (json_node_alloc (), body);

  task = request_new (self, source_tag, 0, parse_lead, g_object_unref, cancellable, callback, user_data);
  request_start (task, method, path, node, if_match_version);
}

void
rcrm_client_get_lead_async (RcrmClient          *self,
                            gint64               id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  lead_request (self, rcrm_client_get_lead_async, "GET", id, NULL, NULL, 0, cancellable, callback, user_data);
}

RcrmLead *
rcrm_client_get_lead_finish (RcrmClient    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return propagate (self, result, rcrm_client_get_lead_async, error);
}

void
rcrm_client_create_lead_async (RcrmClient          *self,
                               JsonObject          *fields,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (fields != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  lead_request (self, rcrm_client_create_lead_async, "POST", 0, NULL, fields, 0, cancellable, callback, user_data);
}

RcrmLead *
rcrm_client_create_lead_finish (RcrmClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return propagate (self, result, rcrm_client_create_lead_async, error);
}

void
rcrm_client_update_lead_async (RcrmClient          *self,
                               gint64               id,
                               gint64               version,
                               JsonObject          *changes,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (version > 0);
  g_return_if_fail (changes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  lead_request (self, rcrm_client_update_lead_async, "PATCH", id, NULL, changes, version,
                cancellable, callback, user_data);
}

RcrmLead *
rcrm_client_update_lead_finish (RcrmClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return propagate (self, result, rcrm_client_update_lead_async, error);
}

void
rcrm_client_move_lead_async (RcrmClient          *self,
                             gint64               id,
                             gint64               pipeline_id,
                             guint                step,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (pipeline_id >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_object_set_int_member (body, "step", step);
  if (pipeline_id > 0)
    json_object_set_int_member (body, "pipeline_id", pipeline_id);
  lead_request (self, rcrm_client_move_lead_async, "POST", id, "/move", body, 0, cancellable, callback, user_data);
}

RcrmLead *
rcrm_client_move_lead_finish (RcrmClient    *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return propagate (self, result, rcrm_client_move_lead_async, error);
}

void
rcrm_client_unfollow_lead_async (RcrmClient          *self,
                                 gint64               id,
                                 const char          *reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (reason != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_object_set_string_member (body, "reason", reason);
  lead_request (self, rcrm_client_unfollow_lead_async, "POST", id, "/unfollow", body, 0,
                cancellable, callback, user_data);
}

RcrmLead *
rcrm_client_unfollow_lead_finish (RcrmClient    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return propagate (self, result, rcrm_client_unfollow_lead_async, error);
}

void
rcrm_client_restore_lead_async (RcrmClient          *self,
                                gint64               id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  lead_request (self, rcrm_client_restore_lead_async, "POST", id, "/restore", NULL, 0,
                cancellable, callback, user_data);
}

RcrmLead *
rcrm_client_restore_lead_finish (RcrmClient    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return propagate (self, result, rcrm_client_restore_lead_async, error);
}

void
rcrm_client_assign_lead_async (RcrmClient          *self,
                               gint64               id,
                               gint64               owner_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (owner_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_object_set_int_member (body, "owner_id", owner_id);
  lead_request (self, rcrm_client_assign_lead_async, "POST", id, "/assign", body, 0,
                cancellable, callback, user_data);
}

RcrmLead *
rcrm_client_assign_lead_finish (RcrmClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return propagate (self, result, rcrm_client_assign_lead_async, error);
}

void
rcrm_client_get_timeline_async (RcrmClient          *self,
                                gint64               lead_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (lead_id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strdup_printf ("/leads/%" G_GINT64_FORMAT "/timeline", lead_id);
  list_all (self, rcrm_client_get_timeline_async, path, parse_timeline_item, cancellable, callback, user_data);
}

GPtrArray *
rcrm_client_get_timeline_finish (RcrmClient    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return propagate (self, result, rcrm_client_get_timeline_async, error);
}

void
rcrm_client_add_note_async (RcrmClient          *self,
                            gint64               lead_id,
                            const char          *body,
                            gint64               corrects_note_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (lead_id > 0);
  g_return_if_fail (body != NULL);
  g_return_if_fail (corrects_note_id >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_object_set_string_member (object, "body", body);
  if (corrects_note_id > 0)
    json_object_set_int_member (object, "corrects_note_id", corrects_note_id);
  node = json_node_init_object (json_node_alloc (), object);
  path = g_strdup_printf ("/leads/%" G_GINT64_FORMAT "/notes", lead_id);

  task = request_new (self, rcrm_client_add_note_async, 0, parse_note, g_object_unref,
                      cancellable, callback, user_data);
  request_start (task, "POST", path, node, 0);
}

RcrmTimelineEntry *
rcrm_client_add_note_finish (RcrmClient    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return propagate (self, result, rcrm_client_add_note_async, error);
}

/* ---- any other endpoint ---------------------------------------------------------------- */

void
rcrm_client_call_async (RcrmClient          *self,
                        const char          *method,
                        const char          *path,
                        JsonNode            *body,
                        gint64               if_match_version,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (if_match_version >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = request_new (self, rcrm_client_call_async, 0, parse_node, (GDestroyNotify) json_node_unref,
                      cancellable, callback, user_data);
  request_start (task, method, path, body, if_match_version);
}

JsonNode *
rcrm_client_call_finish (RcrmClient    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return propagate (self, result, rcrm_client_call_async, error);
}
