/* rcrm-leads.h — lead rules shared by the API areas (R5, R14, R21, R24) */
#pragma once

#include "rcrm-http.h"

G_BEGIN_DECLS

/* R14: the user id lists must be restricted to, or 0 when the caller sees everything */
gint64    rcrm_leads_visible_to    (RcrmRequest *req);
/* the lead if the caller may see it; otherwise responds (404, or 500) and returns NULL */
RcrmLead *rcrm_leads_load_visible  (RcrmRequest *req, gint64 lead_id);
/* may the caller change this lead (owner, admin, or leader of the owner's team)? */
gboolean  rcrm_leads_can_modify    (RcrmRequest *req, const RcrmLead *lead);
/* is `user_id` a member of a team the caller leads? */
gboolean  rcrm_leads_leads_member  (RcrmRequest *req, gint64 user_id);
/* appends an automatic timeline event; data may be NULL (ownership taken) */
gboolean  rcrm_leads_add_event     (RcrmRequest *req, gint64 lead_id, const char *kind,
                                    JsonObject *data, GError **error);
/* the API shape for the caller: their labels only, the custom fields of the current form */
JsonObject *rcrm_leads_json        (RcrmRequest *req, const RcrmLead *lead);
/* GET /leads (segment and account_id 0: from the query), a segment's members,
 * or an account's leads (every state by default) */
void      rcrm_leads_respond_list  (RcrmRequest *req, const RcrmSegment *segment, gint64 account_id);
/* new owner + "owner" event {from, to, via} */
gboolean  rcrm_leads_set_owner     (RcrmRequest *req, RcrmLead *lead, gint64 owner_id,
                                    const char *via, GError **error);

G_END_DECLS
