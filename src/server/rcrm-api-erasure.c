/* rcrm-api-erasure.c — PDPA erasure of leads, accounts and contacts (R26)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Admins only, and only as the settings allow: erasure.leads (true/false)
 * and erasure.accounts ("off", "contacts", "contacts_and_accounts").  Each
 * erasure is one transaction that also rewrites the search indexes; after
 * the commit the write-ahead log is checkpointed and emptied, so the erased
 * bytes are in neither the database file nor its journal.  The audit entry
 * names the record by kind and id only.
 */
#include "config.h"

#include "rcrm-http.h"

static const RcrmText text_leads_off = {
  "Erasing the personal data of leads is turned off in the lead settings.",
  "การลบข้อมูลส่วนบุคคลของลีดถูกปิดอยู่ในการตั้งค่าลีด"
};

static const RcrmText text_accounts_off = {
  "Erasing the personal data of customers is turned off in the customer settings.",
  "การลบข้อมูลส่วนบุคคลของลูกค้าถูกปิดอยู่ในการตั้งค่าลูกค้า"
};

/* erasure.accounts: "off", "contacts" or "contacts_and_accounts" */
static const char *
accounts_scope (RcrmRequest *req)
{
  JsonNode *node = rcrm_settings_get_nested (req->settings, "erasure", "accounts");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return "off";
  return json_node_get_string (node);
}

static gboolean
leads_enabled (RcrmRequest *req)
{
  JsonNode *node = rcrm_settings_get_nested (req->settings, "erasure", "leads");

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN
         && json_node_get_boolean (node);
}

/* the end of every erasure: the index rewrite, the audit entry, the commit,
 * then the journal (a failure there is logged: the data is already erased
 * in the database, and the next checkpoint empties the log) */
static void
finish (RcrmRequest *req,
        const char  *action,
        const char  *entity,
        gint64       id)
{
  g_autoptr(GError) error = NULL;

  if (!rcrm_store_erase_index (req->store, &error)
      || !rcrm_request_audit (req, action, entity, id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (!rcrm_request_commit (req))
    return;
  if (!rcrm_store_erase_journal (req->store, &error))
    g_warning ("erasure of %s %" G_GINT64_FORMAT ": the journal was not emptied yet: %s",
               entity, id, error->message);
  rcrm_respond_empty (req, 204);
}

static void
lead_erase (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;

  if (!rcrm_require_admin (req))
    return;
  if (!leads_enabled (req))
    {
      rcrm_respond_error (req, RCRM_ERR_ERASURE_DISABLED, &text_leads_off, NULL);
      return;
    }
  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_lead_erase (req->store, req->ids[0], &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  finish (req, "lead.erase", "lead", req->ids[0]);
}

static void
account_erase (RcrmRequest *req)
{
  const char *scope;
  g_autoptr(GError) error = NULL;

  if (!rcrm_require_admin (req))
    return;
  scope = accounts_scope (req);
  if (g_strcmp0 (scope, "contacts") != 0 && g_strcmp0 (scope, "contacts_and_accounts") != 0)
    {
      rcrm_respond_error (req, RCRM_ERR_ERASURE_DISABLED, &text_accounts_off, NULL);
      return;
    }
  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_account_erase (req->store, req->ids[0], g_str_equal (scope, "contacts_and_accounts"), &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  finish (req, g_str_equal (scope, "contacts") ? "account.erase_contacts" : "account.erase", "account",
          req->ids[0]);
}

static void
contact_erase (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;

  if (!rcrm_require_admin (req))
    return;
  if (g_strcmp0 (accounts_scope (req), "off") == 0)
    {
      rcrm_respond_error (req, RCRM_ERR_ERASURE_DISABLED, &text_accounts_off, NULL);
      return;
    }
  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_contact_delete (req->store, req->ids[0], &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  finish (req, "contact.erase", "contact", req->ids[0]);
}

const RcrmRoute rcrm_erasure_routes[] = {
  { "POST", "/leads/{id}/erasure",    lead_erase,    FALSE },
  { "POST", "/accounts/{id}/erasure", account_erase, FALSE },
  { "POST", "/contacts/{id}/erasure", contact_erase, FALSE },
  { NULL }
};
