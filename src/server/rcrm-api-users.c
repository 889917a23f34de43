/* rcrm-api-users.c — users (admin), teams, transfer of a user's records (R21) */
#include "config.h"

#include "rcrm-auth.h"
#include "rcrm-core.h"
#include "rcrm-http.h"
#include "rcrm-json.h"
#include "rcrm-leads.h"
#include "rcrm-util.h"
#include "rcrm-validate.h"

static const RcrmText text_username = {
  "3 to 32 characters: lower-case letters, digits, '.', '_' or '-'.",
  "ชื่อผู้ใช้ต้องมี 3–32 ตัวอักษร ใช้ได้เฉพาะ a–z ตัวเลข . _ หรือ -"
};
static const RcrmText text_username_taken = { "This username is taken.", "ชื่อผู้ใช้นี้มีอยู่แล้ว" };
static const RcrmText text_password_short = {
  "A password has at least 8 characters.", "รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร"
};
static const RcrmText text_role = { "The role is \"admin\" or \"user\".", "บทบาทต้องเป็น admin หรือ user" };
static const RcrmText text_distribution = {
  "Distribution is \"none\", \"round_robin\" or \"fewest_open\".",
  "การกระจายลีดต้องเป็น none, round_robin หรือ fewest_open"
};
static const RcrmText text_inactive_user = { "This user is deactivated.", "ผู้ใช้นี้ถูกปิดการใช้งานแล้ว" };
static const RcrmText text_self_deactivate = {
  "You cannot deactivate your own account.", "ไม่สามารถปิดการใช้งานบัญชีของตัวเองได้"
};
static const RcrmText text_last_admin = {
  "The last active administrator must stay an administrator.",
  "ต้องมีผู้ดูแลระบบที่ใช้งานอยู่อย่างน้อยหนึ่งคน"
};
static const RcrmText text_not_owned = {
  "Every record must belong to the user being transferred from.",
  "รายการที่เลือกต้องเป็นของผู้ใช้ที่โอนย้ายออก"
};
static const RcrmText text_same_user = {
  "Choose another user to transfer to.", "กรุณาเลือกผู้ใช้ปลายทางที่ไม่ใช่คนเดิม"
};

static gboolean
username_valid (const char *username)
{
  gsize len = username != NULL ? strlen (username) : 0;

  if (len < 3 || len > 32)
    return FALSE;
  for (const char *p = username; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '.' || *p == '_' || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
role_valid (const char *role)
{
  return g_strcmp0 (role, "admin") == 0 || g_strcmp0 (role, "user") == 0;
}

/* Marks `field` invalid unless id is 0 or names an existing team. */
static void
check_team (RcrmRequest *req,
            const char  *field,
            gint64       team_id)
{
  g_autoptr(RcrmTeam) team = NULL;

  if (team_id == 0)
    return;
  team = rcrm_store_team_get (req->store, team_id, NULL);
  if (team == NULL)
    rcrm_invalid_field (req, field, &rcrm_text_not_found_ref);
}

/* Loads an active user for a reference field; marks it invalid otherwise. */
static RcrmUser *
active_user_ref (RcrmRequest *req,
                 const char  *field,
                 gint64       user_id)
{
  g_autoptr(RcrmUser) user = user_id > 0 ? rcrm_store_user_get (req->store, user_id, NULL) : NULL;

  if (user == NULL)
    {
      rcrm_invalid_field (req, field, &rcrm_text_not_found_ref);
      return NULL;
    }
  if (!user->active)
    {
      rcrm_invalid_field (req, field, &text_inactive_user);
      return NULL;
    }
  return g_steal_pointer (&user);
}

static guint
count_active_admins (RcrmRequest *req)
{
  g_autoptr(GPtrArray) users = rcrm_store_user_list (req->store, NULL);
  guint n = 0;

  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      const RcrmUser *u = g_ptr_array_index (users, i);
      if (u->active && rcrm_user_is_admin (u))
        n++;
    }
  return n;
}

/* ---- users --------------------------------------------------------------- */

/* element-type RcrmUser, or NULL after responding */
static GPtrArray *
load_users (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *users = rcrm_store_user_list (req->store, &error);

  if (users == NULL)
    rcrm_respond_store_error (req, error);
  return users;
}

static void
users_list (RcrmRequest *req)
{
  g_autoptr(GPtrArray) users = NULL;
  JsonArray *items;

  if (!rcrm_require_admin (req) || (users = load_users (req)) == NULL)
    return;
  items = json_array_new ();
  for (guint i = 0; i < users->len; i++)
    json_array_add_object_element (items, rcrm_json_user (g_ptr_array_index (users, i), TRUE));
  rcrm_respond_object (req, 200, rcrm_json_list (items, NULL, users->len));
}

/* Everyone's names and roles, for owner columns and pickers: no contact
 * details, no versions. */
static void
directory_list (RcrmRequest *req)
{
  g_autoptr(GPtrArray) users = load_users (req);
  JsonArray *items;

  if (users == NULL)
    return;
  items = json_array_new ();
  for (guint i = 0; i < users->len; i++)
    {
      const RcrmUser *u = g_ptr_array_index (users, i);
      JsonObject *o = rcrm_json_user (u, FALSE);

      json_object_set_boolean_member (o, "active", u->active);
      json_array_add_object_element (items, o);
    }
  rcrm_respond_object (req, 200, rcrm_json_list (items, NULL, users->len));
}

static void
user_get (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmUser) user = rcrm_store_user_get (req->store, req->ids[0], &error);
  gboolean admin = rcrm_user_is_admin (req->user);
  JsonObject *o;

  if (user == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  o = rcrm_json_user (user, admin || user->id == req->user->id);
  if (!json_object_has_member (o, "active"))
    json_object_set_boolean_member (o, "active", user->active);
  rcrm_respond_record (req, 200, o, user->version);
}

static void
users_create (RcrmRequest *req)
{
  static const char * const allowed[] = {
    "username", "display_name", "password", "role", "team_id", "phone", "email", NULL
  };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmUser) user = rcrm_user_new ();
  g_autoptr(RcrmUser) existing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *password = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;

  if (!rcrm_require_admin (req))
    return;
  body = rcrm_request_json_object (req, allowed);
  if (body == NULL
      || !rcrm_member_string (req, body, "username", FALSE, &user->username, NULL)
      || !rcrm_member_string (req, body, "display_name", FALSE, &display_name, NULL)
      || !rcrm_member_string (req, body, "password", FALSE, &password, NULL)
      || !rcrm_member_string (req, body, "role", FALSE, &user->role, NULL)
      || !rcrm_member_int (req, body, "team_id", TRUE, &user->team_id, NULL)
      || !rcrm_member_string (req, body, "phone", TRUE, &phone, NULL)
      || !rcrm_member_string (req, body, "email", TRUE, &email, NULL))
    return;

  if (user->username == NULL)
    rcrm_invalid_field (req, "username", &rcrm_text_required);
  else if (!username_valid (user->username))
    rcrm_invalid_field (req, "username", &text_username);
  rcrm_validate_text (req, "display_name", display_name, TRUE, 100, &user->display_name);
  if (password == NULL)
    rcrm_invalid_field (req, "password", &rcrm_text_required);
  else if (rcrm_text_length (password) < 8)
    rcrm_invalid_field (req, "password", &text_password_short);
  if (user->role == NULL)
    user->role = g_strdup ("user");
  else if (!role_valid (user->role))
    rcrm_invalid_field (req, "role", &text_role);
  check_team (req, "team_id", user->team_id);
  rcrm_validate_phone (req, "phone", phone, &user->phone);
  rcrm_validate_email (req, "email", email, &user->email);
  if (rcrm_respond_if_invalid (req))
    return;

  existing = rcrm_store_user_get_by_username (req->store, user->username, NULL);
  if (existing != NULL)
    {
      rcrm_respond_error (req, RCRM_ERR_CONFLICT, &text_username_taken, NULL);
      return;
    }

  user->password_hash = rcrm_password_hash (password, &error);
  user->active = TRUE;
  if (user->password_hash == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_user_insert (req->store, user, &error)
      || !rcrm_request_audit (req, "user.create", "user", user->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_record (req, 201, rcrm_json_user (user, TRUE), user->version);
}

static void
user_patch (RcrmRequest *req)
{
  static const char * const allowed[] = {
    "display_name", "password", "role", "team_id", "phone", "email", "active", NULL
  };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *password = NULL;
  g_autofree char *role = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  gboolean has_name, has_password, has_role, has_phone, has_email, has_active;
  gboolean active = TRUE;
  gboolean was_admin;
  gint64 version;

  if (!rcrm_require_admin (req) || !rcrm_request_if_match (req, &version))
    return;
  body = rcrm_request_json_object (req, allowed);
  if (body == NULL)
    return;
  user = rcrm_store_user_get (req->store, req->ids[0], &error);
  if (user == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  was_admin = rcrm_user_is_admin (user) && user->active;

  if (!rcrm_member_string (req, body, "display_name", FALSE, &display_name, &has_name)
      || !rcrm_member_string (req, body, "password", FALSE, &password, &has_password)
      || !rcrm_member_string (req, body, "role", FALSE, &role, &has_role)
      || !rcrm_member_int (req, body, "team_id", TRUE, &user->team_id, NULL)
      || !rcrm_member_string (req, body, "phone", TRUE, &phone, &has_phone)
      || !rcrm_member_string (req, body, "email", TRUE, &email, &has_email)
      || !rcrm_member_bool (req, body, "active", &active, &has_active))
    return;

  if (has_name)
    rcrm_validate_text (req, "display_name", display_name, TRUE, 100, &user->display_name);
  if (has_password)
    {
      if (rcrm_text_length (password) < 8)
        rcrm_invalid_field (req, "password", &text_password_short);
      else
        {
          g_free (user->password_hash);
          user->password_hash = rcrm_password_hash (password, NULL);
        }
    }
  if (has_role)
    {
      if (!role_valid (role))
        rcrm_invalid_field (req, "role", &text_role);
      else
        rcrm_set_str (&user->role, role);
    }
  check_team (req, "team_id", user->team_id);
  if (has_phone)
    rcrm_validate_phone (req, "phone", phone, &user->phone);
  if (has_email)
    rcrm_validate_email (req, "email", email, &user->email);
  if (has_active)
    user->active = active;
  if (rcrm_respond_if_invalid (req))
    return;

  if (user->id == req->user->id && !user->active)
    {
      rcrm_respond_error (req, RCRM_ERR_CONFLICT, &text_self_deactivate, NULL);
      return;
    }
  if (was_admin && !(rcrm_user_is_admin (user) && user->active) && count_active_admins (req) <= 1)
    {
      rcrm_respond_error (req, RCRM_ERR_CONFLICT, &text_last_admin, NULL);
      return;
    }

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_user_update (req->store, user, version, &error)
      /* a new password or a deactivation ends every session of that user */
      || ((has_password || !user->active) && !rcrm_store_session_delete_user (req->store, user->id, &error))
      || !rcrm_request_audit (req, has_password ? "user.password" : "user.update", "user", user->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_record (req, 200, rcrm_json_user (user, TRUE), user->version);
}

static void
user_delete (RcrmRequest *req)
{
  g_autoptr(RcrmUser) user = NULL;
  g_autoptr(GError) error = NULL;

  if (!rcrm_require_admin (req))
    return;
  user = rcrm_store_user_get (req->store, req->ids[0], &error);
  if (user == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  if (user->id == req->user->id)
    {
      rcrm_respond_error (req, RCRM_ERR_CONFLICT, &text_self_deactivate, NULL);
      return;
    }
  if (!user->active)
    {
      rcrm_respond_empty (req, 204);
      return;
    }
  if (rcrm_user_is_admin (user) && count_active_admins (req) <= 1)
    {
      rcrm_respond_error (req, RCRM_ERR_CONFLICT, &text_last_admin, NULL);
      return;
    }

  /* deactivation: the user's records stay and can be transferred (R21) */
  user->active = FALSE;
  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_user_update (req->store, user, user->version, &error)
      || !rcrm_store_session_delete_user (req->store, user->id, &error)
      || !rcrm_request_audit (req, "user.deactivate", "user", user->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_empty (req, 204);
}

/* Every id of `requested` must be in `owned` (both sorted ascending). */
static gboolean
all_owned (GArray *requested,
           GArray *owned)
{
  guint j = 0;

  for (guint i = 0; i < requested->len; i++)
    {
      gint64 id = g_array_index (requested, gint64, i);

      while (j < owned->len && g_array_index (owned, gint64, j) < id)
        j++;
      if (j == owned->len || g_array_index (owned, gint64, j) != id)
        return FALSE;
    }
  return TRUE;
}

static void
user_transfer (RcrmRequest *req)
{
  static const char * const allowed[] = { "to_user_id", "lead_ids", "account_ids", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmUser) from = NULL;
  g_autoptr(RcrmUser) to = NULL;
  g_autoptr(GArray) lead_ids = NULL;
  g_autoptr(GArray) account_ids = NULL;
  g_autoptr(GArray) owned_leads = NULL;
  g_autoptr(GArray) owned_accounts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_leads, has_accounts;
  gint64 to_id = 0;
  JsonObject *result;

  if (!rcrm_require_admin (req))
    return;
  body = rcrm_request_json_object (req, allowed);
  if (body == NULL
      || !rcrm_member_int (req, body, "to_user_id", FALSE, &to_id, NULL)
      || !rcrm_member_id_array (req, body, "lead_ids", &lead_ids, &has_leads)
      || !rcrm_member_id_array (req, body, "account_ids", &account_ids, &has_accounts))
    return;

  from = rcrm_store_user_get (req->store, req->ids[0], &error);
  if (from == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  to = active_user_ref (req, "to_user_id", to_id);
  if (to != NULL && to->id == from->id)
    rcrm_invalid_field (req, "to_user_id", &text_same_user);

  owned_leads = rcrm_store_lead_ids_by_owner (req->store, from->id, &error);
  if (owned_leads == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  owned_accounts = rcrm_store_account_ids_by_owner (req->store, from->id, &error);
  if (owned_accounts == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }

  /* no selection = everything; a lead selection alone moves no accounts */
  if (!has_leads)
    lead_ids = g_array_ref (owned_leads);
  else if (!all_owned (lead_ids, owned_leads))
    rcrm_invalid_field (req, "lead_ids", &text_not_owned);
  if (!has_accounts)
    account_ids = has_leads ? g_array_new (FALSE, FALSE, sizeof (gint64)) : g_array_ref (owned_accounts);
  else if (!all_owned (account_ids, owned_accounts))
    rcrm_invalid_field (req, "account_ids", &text_not_owned);
  if (rcrm_respond_if_invalid (req))
    return;

  if (!rcrm_request_begin (req))
    return;
  for (guint i = 0; i < lead_ids->len; i++)
    {
      g_autoptr(RcrmLead) lead = rcrm_store_lead_get (req->store, g_array_index (lead_ids, gint64, i), &error);

      if (lead == NULL || !rcrm_leads_set_owner (req, lead, to->id, "transfer", &error))
        {
          rcrm_request_fail (req, error);
          return;
        }
    }
  for (guint i = 0; i < account_ids->len; i++)
    {
      g_autoptr(RcrmAccount) account = rcrm_store_account_get (req->store, g_array_index (account_ids, gint64, i), &error);

      if (account == NULL)
        {
          rcrm_request_fail (req, error);
          return;
        }
      account->owner_id = to->id;
      if (!rcrm_store_account_update (req->store, account, account->version, &error))
        {
          rcrm_request_fail (req, error);
          return;
        }
    }
  if (!rcrm_request_audit (req, "user.transfer", "user", from->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (!rcrm_request_commit (req))
    return;

  result = json_object_new ();
  json_object_set_int_member (result, "moved_leads", lead_ids->len);
  json_object_set_int_member (result, "moved_accounts", account_ids->len);
  rcrm_respond_object (req, 200, result);
}

/* ---- teams --------------------------------------------------------------- */

static gboolean
distribution_valid (const char *d)
{
  return g_strcmp0 (d, "none") == 0 || g_strcmp0 (d, "round_robin") == 0 || g_strcmp0 (d, "fewest_open") == 0;
}

static void
teams_list (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = rcrm_store_team_list (req->store, &error);

  rcrm_respond_all (req, teams, (RcrmRecordJson) rcrm_json_team, error);
}

/* reads and checks name, lead_id, distribution into team */
static gboolean
read_team (RcrmRequest *req,
           JsonObject  *body,
           RcrmTeam    *team,
           gboolean     creating)
{
  g_autofree char *name = NULL;
  g_autofree char *distribution = NULL;
  gboolean has_name, has_lead, has_distribution;

  if (!rcrm_member_string (req, body, "name", FALSE, &name, &has_name)
      || !rcrm_member_int (req, body, "lead_id", TRUE, &team->lead_id, &has_lead)
      || !rcrm_member_string (req, body, "distribution", FALSE, &distribution, &has_distribution))
    return FALSE;

  if (has_name || creating)
    rcrm_validate_text (req, "name", name, TRUE, 100, &team->name);
  if (has_lead && team->lead_id != 0)
    rcrm_user_free (active_user_ref (req, "lead_id", team->lead_id));
  if (has_distribution)
    {
      if (!distribution_valid (distribution))
        rcrm_invalid_field (req, "distribution", &text_distribution);
      else
        rcrm_set_str (&team->distribution, distribution);
    }
  else if (creating)
    rcrm_set_str (&team->distribution, "none");
  return !rcrm_respond_if_invalid (req);
}

static void
teams_create (RcrmRequest *req)
{
  static const char * const allowed[] = { "name", "lead_id", "distribution", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmTeam) team = rcrm_team_new ();
  g_autoptr(GError) error = NULL;

  if (!rcrm_require_admin (req))
    return;
  body = rcrm_request_json_object (req, allowed);
  if (body == NULL || !read_team (req, body, team, TRUE))
    return;

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_team_insert (req->store, team, &error)
      || !rcrm_request_audit (req, "team.create", "team", team->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_record (req, 201, rcrm_json_team (team), team->version);
}

static void
team_get (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmTeam) team = rcrm_store_team_get (req->store, req->ids[0], &error);

  if (team == NULL)
    rcrm_respond_store_error (req, error);
  else
    rcrm_respond_record (req, 200, rcrm_json_team (team), team->version);
}

static void
team_patch (RcrmRequest *req)
{
  static const char * const allowed[] = { "name", "lead_id", "distribution", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmTeam) team = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version;

  if (!rcrm_require_admin (req) || !rcrm_request_if_match (req, &version))
    return;
  body = rcrm_request_json_object (req, allowed);
  if (body == NULL)
    return;
  team = rcrm_store_team_get (req->store, req->ids[0], &error);
  if (team == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  if (!read_team (req, body, team, FALSE))
    return;

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_team_update (req->store, team, version, &error)
      || !rcrm_request_audit (req, "team.update", "team", team->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_record (req, 200, rcrm_json_team (team), team->version);
}

const RcrmRoute rcrm_user_routes[] = {
  { "GET",    "/users",                users_list,    FALSE },
  { "GET",    "/directory",            directory_list, FALSE },
  { "POST",   "/users",                users_create,  FALSE },
  { "GET",    "/users/{id}",           user_get,      FALSE },
  { "PATCH",  "/users/{id}",           user_patch,    FALSE },
  { "DELETE", "/users/{id}",           user_delete,   FALSE },
  { "POST",   "/users/{id}/transfer",  user_transfer, FALSE },
  { "GET",    "/teams",                teams_list,    FALSE },
  { "POST",   "/teams",                teams_create,  FALSE },
  { "GET",    "/teams/{id}",           team_get,      FALSE },
  { "PATCH",  "/teams/{id}",           team_patch,    FALSE },
  { NULL }
};
