/* rcrm-api-accounts.c — the account register (R2), purchase history (R3),
 * contacts and their quota (R11); visibility as for leads (R14) */
#include "config.h"

#include <math.h>

#include "rcrm-accounts.h"
#include "rcrm-core.h"
#include "rcrm-forms.h"
#include "rcrm-http.h"
#include "rcrm-json.h"
#include "rcrm-labels.h"
#include "rcrm-leads.h"
#include "rcrm-util.h"
#include "rcrm-validate.h"

#define MAX_WON_LEADS 500

static const RcrmText text_status = {
  "The status is pending, confirmed or sold.", "สถานะต้องเป็น pending (รอยืนยัน), confirmed (ยืนยันแล้ว) หรือ sold (ขายได้แล้ว)"
};
static const RcrmText text_location_pair = {
  "Give latitude and longitude together (or both null).", "ต้องระบุละติจูดและลองจิจูดพร้อมกัน (หรือ null ทั้งคู่)"
};
static const RcrmText text_latitude = { "Latitude is between -90 and 90.", "ละติจูดต้องอยู่ระหว่าง -90 ถึง 90" };
static const RcrmText text_longitude = { "Longitude is between -180 and 180.", "ลองจิจูดต้องอยู่ระหว่าง -180 ถึง 180" };
static const RcrmText text_not_your_account = {
  "Only the owner, their team lead or an administrator can change this account.",
  "เฉพาะผู้รับผิดชอบ หัวหน้าทีม หรือผู้ดูแลระบบเท่านั้นที่แก้ไขข้อมูลลูกค้ารายนี้ได้"
};
static const RcrmText text_owner_forbidden = {
  "Only administrators and team leads choose another owner.",
  "เฉพาะผู้ดูแลระบบและหัวหน้าทีมเท่านั้นที่กำหนดผู้รับผิดชอบคนอื่นได้"
};
static const RcrmText text_inactive_owner = {
  "This user is deactivated.", "ผู้ใช้นี้ถูกปิดการใช้งานแล้ว"
};
static const RcrmText text_contact_limit = {
  "This account already has the most contacts the package allows.",
  "ลูกค้ารายนี้มีผู้ติดต่อครบตามจำนวนสูงสุดของแพ็กเกจแล้ว"
};

static const char * const account_members[] = {
  "name", "tax_id", "branch", "address", "province", "phone", "email", "status", "latitude", "longitude",
  "owner_id", "favourite", "label_ids", "custom", NULL
};

static void
respond_account (RcrmRequest       *req,
                 guint              status,
                 const RcrmAccount *account)
{
  rcrm_respond_record (req, status, rcrm_accounts_json (req, account), account->version);
}

/* may the caller give an account to owner_id (admins: anyone; team leads: their members)? */
static gboolean
may_assign_to (RcrmRequest *req,
               gint64       owner_id)
{
  return rcrm_user_is_admin (req->user)
         || owner_id == req->user->id
         || rcrm_leads_leads_member (req, owner_id);
}

/* the location members: both or neither, null clears; 400 on wrong types */
static gboolean
read_location (RcrmRequest *req,
               JsonObject  *body,
               RcrmAccount *account)
{
  double latitude = 0, longitude = 0;
  gboolean has_lat, has_lon, lat_null, lon_null;

  if (!rcrm_member_number (req, body, "latitude", TRUE, &latitude, &lat_null, &has_lat)
      || !rcrm_member_number (req, body, "longitude", TRUE, &longitude, &lon_null, &has_lon))
    return FALSE;
  if (!has_lat && !has_lon)
    return TRUE;
  if (has_lat != has_lon || lat_null != lon_null)
    {
      rcrm_invalid_field (req, has_lat && !lat_null ? "longitude" : "latitude", &text_location_pair);
      return TRUE;
    }
  if (lat_null)
    {
      account->has_location = FALSE;
      account->latitude = account->longitude = 0;
      return TRUE;
    }
  if (!isfinite (latitude) || latitude < -90 || latitude > 90)
    rcrm_invalid_field (req, "latitude", &text_latitude);
  if (!isfinite (longitude) || longitude < -180 || longitude > 180)
    rcrm_invalid_field (req, "longitude", &text_longitude);
  if (rcrm_geo_valid (latitude, longitude))
    {
      account->has_location = TRUE;
      account->latitude = latitude;
      account->longitude = longitude;
    }
  return TRUE;
}

/* Reads the writable members of body into account (only those present) and
 * validates the result.  FALSE after responding 400/403/422. */
static gboolean
read_account (RcrmRequest *req,
              JsonObject  *body,
              RcrmAccount *account,
              gboolean     creating)
{
  g_autofree char *name = NULL, *tax_id = NULL, *branch = NULL, *address = NULL, *province = NULL;
  g_autofree char *phone = NULL, *email = NULL, *status = NULL;
  g_autoptr(GArray) label_ids = NULL;
  JsonObject *custom = NULL;
  gboolean has_name, has_tax_id, has_branch, has_address, has_province, has_phone, has_email, has_status;
  gboolean has_owner, has_favourite, has_labels, has_custom;
  gint64 owner_id = 0;

  if (!rcrm_member_string (req, body, "name", FALSE, &name, &has_name)
      || !rcrm_member_string (req, body, "tax_id", TRUE, &tax_id, &has_tax_id)
      || !rcrm_member_string (req, body, "branch", TRUE, &branch, &has_branch)
      || !rcrm_member_string (req, body, "address", TRUE, &address, &has_address)
      || !rcrm_member_string (req, body, "province", TRUE, &province, &has_province)
      || !rcrm_member_string (req, body, "phone", TRUE, &phone, &has_phone)
      || !rcrm_member_string (req, body, "email", TRUE, &email, &has_email)
      || !rcrm_member_string (req, body, "status", FALSE, &status, &has_status)
      || !rcrm_member_int (req, body, "owner_id", creating, &owner_id, &has_owner)
      || !rcrm_member_bool (req, body, "favourite", &account->favourite, &has_favourite)
      || !rcrm_member_id_array (req, body, "label_ids", &label_ids, &has_labels)
      || !rcrm_member_object (req, body, "custom", &custom, &has_custom)
      || !read_location (req, body, account))
    return FALSE;

  if (has_name)
    rcrm_validate_text (req, "name", name, TRUE, 200, &account->name);
  else if (creating)
    rcrm_invalid_field (req, "name", &rcrm_text_required);
  if (has_tax_id)
    rcrm_validate_tax_id (req, "tax_id", tax_id, &account->tax_id);
  if (has_branch)
    rcrm_validate_branch (req, "branch", branch, &account->branch);
  if (has_address)
    rcrm_validate_text (req, "address", address, FALSE, 500, &account->address);
  /* the province as given; else, when the address is written, the one it names */
  if (has_province)
    rcrm_validate_province (req, "province", province, &account->province);
  else if (has_address)
    g_clear_pointer (&account->province, g_free);
  if ((has_province || has_address) && account->province == NULL)
    account->province = rcrm_province_from_address (account->address);
  if (has_phone)
    rcrm_validate_phone (req, "phone", phone, &account->phone);
  if (has_email)
    rcrm_validate_email (req, "email", email, &account->email);
  if (has_status)
    {
      if (g_strcmp0 (status, "pending") == 0 || g_strcmp0 (status, "confirmed") == 0
          || g_strcmp0 (status, "sold") == 0)
        rcrm_set_str (&account->status, status);
      else
        rcrm_invalid_field (req, "status", &text_status);
    }
  if (has_labels && rcrm_labels_check (req, "label_ids", label_ids))
    {
      GArray *merged = rcrm_labels_merge_hidden (req, label_ids, account->label_ids);

      g_array_unref (account->label_ids);
      account->label_ids = merged;
    }
  if (!rcrm_forms_apply (req, "account", has_custom ? custom : NULL, &account->custom_json, TRUE))
    return FALSE;

  if (has_owner && owner_id != 0 && owner_id != account->owner_id)
    {
      g_autoptr(RcrmUser) owner = rcrm_store_user_get (req->store, owner_id, NULL);

      if (!may_assign_to (req, owner_id))
        {
          rcrm_respond_error (req, RCRM_ERR_FORBIDDEN, &text_owner_forbidden, NULL);
          return FALSE;
        }
      if (owner == NULL)
        rcrm_invalid_field (req, "owner_id", &rcrm_text_not_found_ref);
      else if (!owner->active)
        rcrm_invalid_field (req, "owner_id", &text_inactive_owner);
      account->owner_id = owner_id;
    }
  return !rcrm_respond_if_invalid (req);
}

/* ---- accounts -------------------------------------------------------------- */

static void
accounts_list (RcrmRequest *req)
{
  rcrm_accounts_respond_list (req, NULL);
}

static void
accounts_create (RcrmRequest *req)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmAccount) account = rcrm_account_new ();
  g_autoptr(GError) error = NULL;

  body = rcrm_request_json_object (req, account_members);
  if (body == NULL)
    return;
  account->owner_id = req->user->id;
  if (!read_account (req, body, account, TRUE))
    return;

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_account_insert (req->store, account, &error)
      || !rcrm_request_audit (req, "account.create", "account", account->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_account (req, 201, account);
}

static void
account_get (RcrmRequest *req)
{
  g_autoptr(RcrmAccount) account = rcrm_accounts_load_visible (req, req->ids[0]);

  if (account != NULL)
    respond_account (req, 200, account);
}

/* a visible account the caller may change, or responds */
static RcrmAccount *
load_modifiable (RcrmRequest *req,
                 gint64       account_id)
{
  g_autoptr(RcrmAccount) account = rcrm_accounts_load_visible (req, account_id);

  if (account == NULL)
    return NULL;
  if (!rcrm_accounts_can_modify (req, account))
    {
      rcrm_respond_error (req, RCRM_ERR_FORBIDDEN, &text_not_your_account, NULL);
      return NULL;
    }
  return g_steal_pointer (&account);
}

static void
account_patch (RcrmRequest *req)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version;

  account = rcrm_accounts_load_visible (req, req->ids[0]);
  if (account == NULL || !rcrm_request_if_match (req, &version))
    return;
  body = rcrm_request_json_object (req, account_members);
  if (body == NULL)
    return;
  if (!rcrm_accounts_can_modify (req, account))
    {
      rcrm_respond_error (req, RCRM_ERR_FORBIDDEN, &text_not_your_account, NULL);
      return;
    }
  if (version != account->version)
    {
      rcrm_respond_error (req, RCRM_ERR_PRECONDITION_FAILED, NULL, NULL);
      return;
    }
  if (!read_account (req, body, account, FALSE))
    return;

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_account_update (req->store, account, version, &error)
      || !rcrm_request_audit (req, "account.update", "account", account->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_account (req, 200, account);
}

/* purchase history (R3): won leads (the ones the caller sees) and invoices */
static void
account_history (RcrmRequest *req)
{
  g_autoptr(RcrmAccount) account = rcrm_accounts_load_visible (req, req->ids[0]);
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count = 0, total = 0;
  JsonArray *won;
  JsonObject *o;

  if (account == NULL)
    return;
  leads = rcrm_store_account_won_leads (req->store, account->id, rcrm_leads_visible_to (req), MAX_WON_LEADS,
                                        &error);
  if (leads == NULL || !rcrm_store_account_won_totals (req->store, account->id, &count, &total, &error))
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  won = json_array_new ();
  for (guint i = 0; i < leads->len; i++)
    {
      const RcrmLead *lead = g_ptr_array_index (leads, i);
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "id", lead->id);
      json_object_set_string_member (item, "name", lead->name);
      if (lead->company != NULL)
        json_object_set_string_member (item, "company", lead->company);
      else
        json_object_set_null_member (item, "company");
      json_object_set_int_member (item, "value", lead->value);
      json_object_set_int_member (item, "owner_id", lead->owner_id);
      json_object_set_int_member (item, "pipeline_id", lead->pipeline_id);
      if (lead->closed_at != NULL)
        json_object_set_string_member (item, "closed_at", lead->closed_at);
      else
        json_object_set_null_member (item, "closed_at");
      json_array_add_object_element (won, item);
    }
  o = json_object_new ();
  json_object_set_int_member (o, "account_id", account->id);
  json_object_set_array_member (o, "won_leads", won);
  json_object_set_int_member (o, "won_count", count);
  json_object_set_int_member (o, "total_won", total);
  /* invoices arrive with the quotes issue (R16–R18) */
  json_object_set_array_member (o, "invoices", json_array_new ());
  rcrm_respond_object (req, 200, o);
}

/* ---- contacts (R11) ---------------------------------------------------------- */

static const char * const contact_members[] = { "name", "position", "phone", "email", NULL };

static gboolean
read_contact (RcrmRequest *req,
              JsonObject  *body,
              RcrmContact *contact,
              gboolean     creating)
{
  g_autofree char *name = NULL, *position = NULL, *phone = NULL, *email = NULL;
  gboolean has_name, has_position, has_phone, has_email;

  if (!rcrm_member_string (req, body, "name", FALSE, &name, &has_name)
      || !rcrm_member_string (req, body, "position", TRUE, &position, &has_position)
      || !rcrm_member_string (req, body, "phone", TRUE, &phone, &has_phone)
      || !rcrm_member_string (req, body, "email", TRUE, &email, &has_email))
    return FALSE;
  if (has_name)
    rcrm_validate_text (req, "name", name, TRUE, 200, &contact->name);
  else if (creating)
    rcrm_invalid_field (req, "name", &rcrm_text_required);
  if (has_position)
    rcrm_validate_text (req, "position", position, FALSE, 100, &contact->position);
  if (has_phone)
    rcrm_validate_phone (req, "phone", phone, &contact->phone);
  if (has_email)
    rcrm_validate_email (req, "email", email, &contact->email);
  return !rcrm_respond_if_invalid (req);
}

static void
respond_contact (RcrmRequest       *req,
                 guint              status,
                 const RcrmContact *contact)
{
  rcrm_respond_record (req, status, rcrm_json_contact (contact), contact->version);
}

static void
account_contacts_list (RcrmRequest *req)
{
  g_autoptr(RcrmAccount) account = rcrm_accounts_load_visible (req, req->ids[0]);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  if (account == NULL)
    return;
  contacts = rcrm_store_contact_list (req->store, account->id, &error);
  rcrm_respond_all (req, contacts, (RcrmRecordJson) rcrm_json_contact, error);
}

static void
account_contacts_create (RcrmRequest *req)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmAccount) account = NULL;
  g_autoptr(RcrmContact) contact = rcrm_contact_new ();
  g_autoptr(GError) error = NULL;
  gint64 limit = rcrm_settings_get_int (req->settings, "max_contacts_per_account");
  gint64 count;

  body = rcrm_request_json_object (req, contact_members);
  if (body == NULL)
    return;
  account = load_modifiable (req, req->ids[0]);
  if (account == NULL || !read_contact (req, body, contact, TRUE))
    return;
  contact->account_id = account->id;

  if (!rcrm_request_begin (req))
    return;
  /* R11: the quota, counted inside the write transaction */
  count = rcrm_store_contact_count (req->store, account->id, &error);
  if (count < 0)
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (count >= limit)
    {
      JsonObject *details = json_object_new ();

      rcrm_store_rollback (req->store);
      json_object_set_int_member (details, "limit", limit);
      rcrm_respond_error (req, RCRM_ERR_LIMIT_REACHED, &text_contact_limit, details);
      return;
    }
  if (!rcrm_store_contact_insert (req->store, contact, &error)
      || !rcrm_request_audit (req, "contact.create", "contact", contact->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_contact (req, 201, contact);
}

/* the contact and its account if the caller sees it, or responds 404 */
static RcrmContact *
load_contact (RcrmRequest  *req,
              RcrmAccount **account_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmContact) contact = rcrm_store_contact_get (req->store, req->ids[0], &error);
  g_autoptr(RcrmAccount) account = NULL;

  if (contact == NULL)
    {
      rcrm_respond_store_error (req, error);
      return NULL;
    }
  account = rcrm_accounts_load_visible (req, contact->account_id);
  if (account == NULL)
    return NULL;
  if (account_out != NULL)
    *account_out = g_steal_pointer (&account);
  return g_steal_pointer (&contact);
}

static void
contact_get (RcrmRequest *req)
{
  g_autoptr(RcrmContact) contact = load_contact (req, NULL);

  if (contact != NULL)
    respond_contact (req, 200, contact);
}

static void
contact_patch (RcrmRequest *req)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmContact) contact = NULL;
  g_autoptr(RcrmAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version;

  contact = load_contact (req, &account);
  if (contact == NULL || !rcrm_request_if_match (req, &version))
    return;
  body = rcrm_request_json_object (req, contact_members);
  if (body == NULL)
    return;
  if (!rcrm_accounts_can_modify (req, account))
    {
      rcrm_respond_error (req, RCRM_ERR_FORBIDDEN, &text_not_your_account, NULL);
      return;
    }
  if (version != contact->version)
    {
      rcrm_respond_error (req, RCRM_ERR_PRECONDITION_FAILED, NULL, NULL);
      return;
    }
  if (!read_contact (req, body, contact, FALSE))
    return;

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_contact_update (req->store, contact, version, &error)
      || !rcrm_request_audit (req, "contact.update", "contact", contact->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_contact (req, 200, contact);
}

static void
contact_delete (RcrmRequest *req)
{
  g_autoptr(RcrmContact) contact = NULL;
  g_autoptr(RcrmAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  contact = load_contact (req, &account);
  if (contact == NULL)
    return;
  if (!rcrm_accounts_can_modify (req, account))
    {
      rcrm_respond_error (req, RCRM_ERR_FORBIDDEN, &text_not_your_account, NULL);
      return;
    }
  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_contact_delete (req->store, contact->id, &error)
      || !rcrm_request_audit (req, "contact.delete", "contact", contact->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_empty (req, 204);
}

const RcrmRoute rcrm_account_routes[] = {
  { "GET",    "/accounts",                 accounts_list,           FALSE },
  { "POST",   "/accounts",                 accounts_create,         FALSE },
  { "GET",    "/accounts/{id}",            account_get,             FALSE },
  { "PATCH",  "/accounts/{id}",            account_patch,           FALSE },
  { "GET",    "/accounts/{id}/history",    account_history,         FALSE },
  { "GET",    "/accounts/{id}/contacts",   account_contacts_list,   FALSE },
  { "POST",   "/accounts/{id}/contacts",   account_contacts_create, FALSE },
  { "GET",    "/contacts/{id}",            contact_get,             FALSE },
  { "PATCH",  "/contacts/{id}",            contact_patch,           FALSE },
  { "DELETE", "/contacts/{id}",            contact_delete,          FALSE },
  { NULL }
};
