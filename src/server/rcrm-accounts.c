#include "config.h"

#include "rcrm-accounts.h"
#include "rcrm-forms.h"
#include "rcrm-json.h"
#include "rcrm-labels.h"
#include "rcrm-leads.h"
#include "rcrm-segments.h"
#include "rcrm-util.h"
#include "rcrm-validate.h"

static const RcrmText text_bad_status = {
  "status is pending, confirmed or sold (comma-separated).", "status ต้องเป็น pending, confirmed หรือ sold"
};
static const RcrmText text_bad_sort = {
  "sort is one of name, created_at, updated_at, optionally with '-'.",
  "sort ต้องเป็น name, created_at หรือ updated_at (ใส่ - เพื่อเรียงจากมากไปน้อย)"
};
static const RcrmText text_bad_favourite = {
  "favourite is true or false.", "favourite ต้องเป็น true หรือ false"
};

gint64
rcrm_accounts_visible_to (RcrmRequest *req)
{
  return rcrm_leads_visible_to (req);
}

gboolean
rcrm_accounts_can_see (RcrmRequest       *req,
                       const RcrmAccount *account)
{
  g_autoptr(GError) error = NULL;
  gint64 visible_to = rcrm_accounts_visible_to (req);

  if (visible_to == 0 || account->owner_id == visible_to)
    return TRUE;
  if (rcrm_store_account_visible_to (req->store, account->id, visible_to, &error))
    return TRUE;
  if (error != NULL)
    g_warning ("account %" G_GINT64_FORMAT " visibility: %s", account->id, error->message);
  return FALSE;
}

RcrmAccount *
rcrm_accounts_load_visible (RcrmRequest *req,
                            gint64       account_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = rcrm_store_account_get (req->store, account_id, &error);
  gint64 visible_to;

  if (account == NULL)
    {
      rcrm_respond_store_error (req, error);
      return NULL;
    }
  visible_to = rcrm_accounts_visible_to (req);
  if (visible_to != 0 && account->owner_id != visible_to
      && !rcrm_store_account_visible_to (req->store, account->id, visible_to, &error))
    {
      /* hidden is reported exactly like missing */
      if (error != NULL)
        rcrm_respond_store_error (req, error);
      else
        rcrm_respond_error (req, RCRM_ERR_NOT_FOUND, NULL, NULL);
      return NULL;
    }
  return g_steal_pointer (&account);
}

gboolean
rcrm_accounts_can_modify (RcrmRequest       *req,
                          const RcrmAccount *account)
{
  return rcrm_user_is_admin (req->user)
         || account->owner_id == req->user->id
         || (account->owner_id != 0 && rcrm_leads_leads_member (req, account->owner_id));
}

JsonObject *
rcrm_accounts_json (RcrmRequest       *req,
                    const RcrmAccount *account)
{
  JsonObject *o = rcrm_json_account (account, rcrm_forms_visible_values (req, "account", account->custom_json));

  json_object_set_array_member (o, "label_ids", rcrm_labels_json_visible (req, account->label_ids));
  return o;
}

/* ---- the list ---------------------------------------------------------------- */

static gboolean
parse_status (const char *text,
              guint      *mask)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  static const char * const names[] = { "pending", "confirmed", "sold" };

  *mask = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint j;

      for (j = 0; j < G_N_ELEMENTS (names); j++)
        if (g_str_equal (parts[i], names[j]))
          break;
      if (j == G_N_ELEMENTS (names))
        return FALSE;
      *mask |= 1u << j;
    }
  return *mask != 0;
}

static gboolean
parse_sort (const char      *text,
            RcrmAccountSort *sort,
            gboolean        *descending)
{
  static const struct { const char *name; RcrmAccountSort sort; } keys[] = {
    { "name", RCRM_ACCOUNT_SORT_NAME },
    { "created_at", RCRM_ACCOUNT_SORT_CREATED },
    { "updated_at", RCRM_ACCOUNT_SORT_UPDATED },
  };

  *descending = text[0] == '-';
  if (*descending)
    text++;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (text, keys[i].name))
      {
        *sort = keys[i].sort;
        return TRUE;
      }
  return FALSE;
}

void
rcrm_accounts_respond_list (RcrmRequest       *req,
                            const RcrmSegment *segment)
{
  RcrmAccountQuery query = { 0 };
  g_auto(RcrmQueryHold) hold = { 0 };
  g_autoptr(RcrmSegment) from_query = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  gint64 limit = 50, offset = 0, label_id = 0, total = 0;
  const char *text;
  JsonArray *items;

  if (!rcrm_query_int (req, "limit", 1, 500, &limit)
      || !rcrm_query_int (req, "offset", 0, G_MAXINT32, &offset)
      || !rcrm_query_int (req, "owner_id", 1, G_MAXINT64, &query.owner_id)
      || !rcrm_query_int (req, "label_id", 1, G_MAXINT64, &label_id))
    return;
  text = rcrm_query_string (req, "status");
  if (text != NULL && !parse_status (text, &query.status_mask))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_bad_status, NULL);
      return;
    }
  text = rcrm_query_string (req, "sort");
  if (text != NULL && !parse_sort (text, &query.sort, &query.descending))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_bad_sort, NULL);
      return;
    }
  text = rcrm_query_string (req, "favourite");
  if (text != NULL)
    {
      if (g_str_equal (text, "true"))
        query.favourite = RCRM_FAVOURITE_ONLY;
      else if (g_str_equal (text, "false"))
        query.favourite = RCRM_FAVOURITE_NOT;
      else
        {
          rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_bad_favourite, NULL);
          return;
        }
    }
  if (segment == NULL)
    {
      if (!rcrm_segments_from_query (req, "accounts", &from_query))
        return;
      segment = from_query;
    }

  hold.label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (label_id != 0)
    g_array_append_val (hold.label_ids, label_id);
  hold.province = rcrm_province_normalize (rcrm_query_string (req, "province"));
  query.province = hold.province;
  query.q = rcrm_query_string (req, "q");
  query.limit = limit;
  query.offset = offset;
  query.cursor = rcrm_query_string (req, "cursor");
  query.visible_to = rcrm_accounts_visible_to (req);
  rcrm_segments_apply_accounts (req, segment, &query, &hold);

  accounts = rcrm_store_account_list (req->store, &query, &total, &next, &error);
  if (accounts == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  items = json_array_new ();
  for (guint i = 0; i < accounts->len; i++)
    json_array_add_object_element (items, rcrm_accounts_json (req, g_ptr_array_index (accounts, i)));
  rcrm_respond_object (req, 200, rcrm_json_list (items, next, total));
}

/* ---- R3 ------------------------------------------------------------------------ */

gboolean
rcrm_accounts_link_won_lead (RcrmRequest  *req,
                             RcrmLead     *lead,
                             gboolean     *created,
                             GError      **error)
{
  g_autoptr(RcrmAccount) account = NULL;

  *created = FALSE;
  if (lead->account_id != 0)
    {
      account = rcrm_store_account_get (req->store, lead->account_id, error);
      if (account == NULL)
        return FALSE;
      if (g_strcmp0 (account->status, "sold") == 0)
        return TRUE;
      rcrm_set_str (&account->status, "sold");
      return rcrm_store_account_update (req->store, account, account->version, error)
             && rcrm_request_audit (req, "account.update", "account", account->id, error);
    }

  /* a company lead makes a company account with the person as its contact;
   * otherwise the person is the customer */
  account = rcrm_account_new ();
  account->name = g_strdup (lead->company != NULL ? lead->company : lead->name);
  account->tax_id = g_strdup (lead->tax_id);
  account->phone = g_strdup (lead->phone);
  account->email = g_strdup (lead->email);
  account->owner_id = lead->owner_id;
  rcrm_set_str (&account->status, "sold");
  if (!rcrm_store_account_insert (req->store, account, error)
      || !rcrm_request_audit (req, "account.create", "account", account->id, error))
    return FALSE;
  if (lead->company != NULL)
    {
      g_autoptr(RcrmContact) contact = rcrm_contact_new ();

      contact->account_id = account->id;
      contact->name = g_strdup (lead->name);
      contact->phone = g_strdup (lead->phone);
      contact->email = g_strdup (lead->email);
      if (!rcrm_store_contact_insert (req->store, contact, error)
          || !rcrm_request_audit (req, "contact.create", "contact", contact->id, error))
        return FALSE;
    }
  lead->account_id = account->id;
  *created = TRUE;
  return TRUE;
}
