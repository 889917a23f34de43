/* rcrm-lead-view.h — the page of one lead: header, details, actions, notes, timeline
 *
 * The view fetches what it needs itself through the client (the lead, its
 * timeline, users for names, pipelines for step names, settings for the
 * unfollow reasons and lead sources), with a spinner while loading and a
 * status page with a retry button on failure.
 *
 * Signals:
 *   "lead-changed" (RcrmLead *lead): after every successful change (save,
 *                   move, unfollow, restore, note)
 *   "toast" (const char *message): a message for the window's toast overlay
 * Properties: "client" (construct-only), "lead-id", "busy" (read-only: TRUE
 * while any request of the view is under way).
 */
#pragma once

#include <adwaita.h>

#include "rcrm-catalog.h"

#include "rcrm-client.h"

G_BEGIN_DECLS

#define RCRM_TYPE_LEAD_VIEW (rcrm_lead_view_get_type ())

G_DECLARE_FINAL_TYPE (RcrmLeadView, rcrm_lead_view, RCRM, LEAD_VIEW, AdwBin)

GtkWidget *rcrm_lead_view_new         (RcrmClient   *client);
/* loads the lead asynchronously; 0 = the empty status page */
void       rcrm_lead_view_set_lead_id (RcrmLeadView *self,
                                       gint64        id);
gint64     rcrm_lead_view_get_lead_id (RcrmLeadView *self);
/* shows the lead's label chips and a picker to change them (R12); once */
void       rcrm_lead_view_set_catalog (RcrmLeadView *self,
                                       RcrmCatalog  *catalog);

G_END_DECLS
