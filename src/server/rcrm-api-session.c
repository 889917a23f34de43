/* rcrm-api-session.c — health, sign-in/out, the caller's own profile */
#include "config.h"

#include "rcrm-auth.h"
#include "rcrm-core.h"
#include "rcrm-http.h"
#include "rcrm-json.h"
#include "rcrm-validate.h"

#define SESSION_DAYS        30
#define MAX_FAILURES        5
#define FAILURE_WINDOW_US   (15 * G_TIME_SPAN_MINUTE)
#define MAX_SIGNATURE_BYTES (1024 * 1024)

static const RcrmText text_bad_login = {
  "Wrong username or password.", "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง"
};
static const RcrmText text_password_short = {
  "A password has at least 8 characters.", "รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร"
};
static const RcrmText text_current_password = {
  "The current password is wrong.", "รหัสผ่านปัจจุบันไม่ถูกต้อง"
};
static const RcrmText text_not_png = {
  "The signature must be a PNG image.", "ลายเซ็นต้องเป็นรูปภาพ PNG"
};

/* ---- failed sign-ins, per username and address, in memory ---------------- */

typedef struct {
  guint  count;
  gint64 first_at;
} Failures;

static GHashTable *failures;

static char *
failure_key (const char        *username,
             SoupServerMessage *msg)
{
  const char *host = soup_server_message_get_remote_host (msg);

  return g_strdup_printf ("%s\x1f%s", username, host != NULL ? host : "");
}

static gboolean
too_many_failures (const char *key)
{
  Failures *f;

  if (failures == NULL)
    return FALSE;
  f = g_hash_table_lookup (failures, key);
  if (f == NULL)
    return FALSE;
  if (g_get_monotonic_time () - f->first_at > FAILURE_WINDOW_US)
    {
      g_hash_table_remove (failures, key);
      return FALSE;
    }
  return f->count >= MAX_FAILURES;
}

static gboolean
prune_expired (gpointer key,
               gpointer value,
               gpointer user_data)
{
  const Failures *f = value;

  return *(const gint64 *) user_data - f->first_at > FAILURE_WINDOW_US;
}

static void
record_failure (const char *key)
{
  gint64 now = g_get_monotonic_time ();
  Failures *f;

  if (failures == NULL)
    failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_size (failures) > 10000)
    g_hash_table_foreach_remove (failures, prune_expired, &now);

  f = g_hash_table_lookup (failures, key);
  if (f == NULL)
    {
      f = g_new0 (Failures, 1);
      f->first_at = now;
      g_hash_table_insert (failures, g_strdup (key), f);
    }
  f->count++;
}

static void
clear_failures (const char *key)
{
  if (failures != NULL)
    g_hash_table_remove (failures, key);
}

/* Verifies against a fixed hash when the user is unknown, so both cases take
 * the same time and nobody learns which usernames exist. */
static gboolean
verify_password (const RcrmUser *user,
                 const char     *password)
{
  static char *dummy_hash;

  if (user != NULL && user->active)
    return rcrm_password_verify (user->password_hash, password);
  if (dummy_hash == NULL)
    dummy_hash = rcrm_password_hash ("rcrm-dummy-password", NULL);
  rcrm_password_verify (dummy_hash, password);
  return FALSE;
}

/* ---- handlers ------------------------------------------------------------ */

static void
health_get (RcrmRequest *req)
{
  JsonObject *o = json_object_new ();

  json_object_set_string_member (o, "status", "ok");
  rcrm_respond_object (req, 200, o);
}

static void
session_create (RcrmRequest *req)
{
  static const char * const allowed[] = { "username", "password", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) expires = NULL;
  g_autofree char *username = NULL;
  g_autofree char *password = NULL;
  g_autofree char *key = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *expires_at = NULL;
  JsonObject *result;

  body = rcrm_request_json_object (req, allowed);
  if (body == NULL
      || !rcrm_member_string (req, body, "username", FALSE, &username, NULL)
      || !rcrm_member_string (req, body, "password", FALSE, &password, NULL))
    return;
  if (username == NULL || *username == '\0')
    rcrm_invalid_field (req, "username", &rcrm_text_required);
  if (password == NULL || *password == '\0')
    rcrm_invalid_field (req, "password", &rcrm_text_required);
  if (rcrm_respond_if_invalid (req))
    return;

  key = failure_key (username, req->msg);
  if (too_many_failures (key))
    {
      rcrm_respond_error (req, RCRM_ERR_RATE_LIMITED, NULL, NULL);
      return;
    }

  user = rcrm_store_user_get_by_username (req->store, username, &error);
  if (user == NULL && !g_error_matches (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND))
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  if (!verify_password (user, password))
    {
      record_failure (key);
      rcrm_respond_error (req, RCRM_ERR_UNAUTHORIZED, &text_bad_login, NULL);
      return;
    }
  clear_failures (key);

  token = rcrm_token_new ();
  hash = rcrm_token_hash (token);
  expires = g_date_time_add_days (now, SESSION_DAYS);
  expires_at = rcrm_datetime_to_rfc3339 (expires);
  g_clear_error (&error);
  if (!rcrm_store_session_insert (req->store, hash, user->id, expires_at, &error))
    {
      rcrm_respond_store_error (req, error);
      return;
    }

  result = json_object_new ();
  json_object_set_string_member (result, "token", token);
  json_object_set_string_member (result, "expires_at", expires_at);
  json_object_set_object_member (result, "user", rcrm_json_user (user, FALSE));
  rcrm_respond_object (req, 201, result);
}

static void
session_delete (RcrmRequest *req)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;

  /* authenticated already, so the header holds a live "Bearer TOKEN" */
  auth += strlen ("Bearer ");
  while (*auth == ' ')
    auth++;
  hash = rcrm_token_hash (auth);
  if (!rcrm_store_session_delete (req->store, hash, &error))
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  rcrm_respond_empty (req, 204);
}

static void
me_get (RcrmRequest *req)
{
  rcrm_respond_record (req, 200, rcrm_json_user (req->user, TRUE), req->user->version);
}

static void
me_patch (RcrmRequest *req)
{
  static const char * const allowed[] = {
    "display_name", "phone", "email", "password", "current_password", NULL
  };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *password = NULL;
  g_autofree char *current = NULL;
  gboolean has_name, has_phone, has_email, has_password;
  RcrmUser *user = req->user;
  gint64 version;

  if (!rcrm_request_if_match (req, &version))
    return;
  body = rcrm_request_json_object (req, allowed);
  if (body == NULL
      || !rcrm_member_string (req, body, "display_name", FALSE, &display_name, &has_name)
      || !rcrm_member_string (req, body, "phone", TRUE, &phone, &has_phone)
      || !rcrm_member_string (req, body, "email", TRUE, &email, &has_email)
      || !rcrm_member_string (req, body, "password", FALSE, &password, &has_password)
      || !rcrm_member_string (req, body, "current_password", FALSE, &current, NULL))
    return;

  if (has_name)
    rcrm_validate_text (req, "display_name", display_name, TRUE, 100, &user->display_name);
  if (has_phone)
    rcrm_validate_phone (req, "phone", phone, &user->phone);
  if (has_email)
    rcrm_validate_email (req, "email", email, &user->email);
  if (has_password)
    {
      if (rcrm_text_length (password) < 8)
        rcrm_invalid_field (req, "password", &text_password_short);
      else if (!rcrm_password_verify (user->password_hash, current))
        rcrm_invalid_field (req, "current_password", &text_current_password);
      else
        {
          g_free (user->password_hash);
          user->password_hash = rcrm_password_hash (password, NULL);
        }
    }
  if (rcrm_respond_if_invalid (req))
    return;

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_user_update (req->store, user, version, &error)
      || !rcrm_request_audit (req, has_password ? "user.password" : "user.update", "user", user->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (!rcrm_request_commit (req))
    return;
  rcrm_respond_record (req, 200, rcrm_json_user (user, TRUE), user->version);
}

static void
me_signature_put (RcrmRequest *req)
{
  static const guchar png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (req->msg));
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const guchar *data = g_bytes_get_data (bytes, &size);

  if (type == NULL || g_ascii_strcasecmp (type, "image/png") != 0)
    {
      rcrm_respond_error (req, RCRM_ERR_UNSUPPORTED_MEDIA_TYPE, &text_not_png, NULL);
      return;
    }
  if (size > MAX_SIGNATURE_BYTES)
    {
      rcrm_respond_error (req, RCRM_ERR_TOO_LARGE, NULL, NULL);
      return;
    }
  if (size < sizeof png_magic || memcmp (data, png_magic, sizeof png_magic) != 0)
    {
      rcrm_invalid_field (req, "signature", &text_not_png);
      rcrm_respond_if_invalid (req);
      return;
    }

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_user_set_signature (req->store, req->user->id, bytes, &error)
      || !rcrm_request_audit (req, "user.signature", "user", req->user->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_empty (req, 204);
}

static void
user_signature_get (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = rcrm_store_user_get_signature (req->store, req->ids[0], &error);

  if (png == NULL)
    {
      if (error != NULL)
        rcrm_respond_store_error (req, error);
      else
        rcrm_respond_error (req, RCRM_ERR_NOT_FOUND, NULL, NULL);
      return;
    }
  rcrm_respond_bytes (req, 200, "image/png", png);
}

const RcrmRoute rcrm_session_routes[] = {
  { "GET",    "/health",               health_get,         TRUE },
  { "POST",   "/session",              session_create,     TRUE },
  { "DELETE", "/session",              session_delete,     FALSE },
  { "GET",    "/me",                   me_get,             FALSE },
  { "PATCH",  "/me",                   me_patch,           FALSE },
  { "PUT",    "/me/signature",         me_signature_put,   FALSE },
  { "GET",    "/users/{id}/signature", user_signature_get, FALSE },
  { NULL }
};
