/* rcrm-accounts.h — account rules shared by the API areas (R2, R3, R14) */
#pragma once

#include "rcrm-http.h"

G_BEGIN_DECLS

/* R14: the user id account lists must be restricted to, or 0 (as rcrm_leads_visible_to) */
gint64       rcrm_accounts_visible_to     (RcrmRequest *req);
/* may the caller see this account? FALSE also on a database error (logged) */
gboolean     rcrm_accounts_can_see        (RcrmRequest *req, const RcrmAccount *account);
/* the account if the caller may see it; otherwise responds (404, or 500) and returns NULL */
RcrmAccount *rcrm_accounts_load_visible   (RcrmRequest *req, gint64 account_id);
/* may the caller change it (owner, leader of the owner's team, admin)? */
gboolean     rcrm_accounts_can_modify     (RcrmRequest *req, const RcrmAccount *account);
/* the API shape for the caller: their labels only, the custom fields of the current form */
JsonObject  *rcrm_accounts_json           (RcrmRequest *req, const RcrmAccount *account);
/* GET /accounts and GET /segments/{id}/members of an accounts segment */
void         rcrm_accounts_respond_list   (RcrmRequest *req, const RcrmSegment *segment);
/* R3, inside the caller's transaction, before the won lead is written: links
 * the lead to its account — the one it names, or a new one made from the
 * lead (with the lead's person as its first contact when the lead names a
 * company).  The account's status becomes "sold".  Sets lead->account_id
 * and *created. */
gboolean     rcrm_accounts_link_won_lead  (RcrmRequest *req, RcrmLead *lead, gboolean *created, GError **error);

G_END_DECLS
