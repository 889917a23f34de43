/* rcrm-lead-view.h — the page of one lead */
#pragma once

#include <adwaita.h>

#include "rcrm-client.h"

G_BEGIN_DECLS

#define RCRM_TYPE_LEAD_VIEW (rcrm_lead_view_get_type ())

G_DECLARE_FINAL_TYPE (RcrmLeadView, rcrm_lead_view, RCRM, LEAD_VIEW, AdwBin)

GtkWidget *rcrm_lead_view_new         (RcrmClient   *client);
void       rcrm_lead_view_set_lead_id (RcrmLeadView *self,
                                       gint64        id);
gint64     rcrm_lead_view_get_lead_id (RcrmLeadView *self);

G_END_DECLS
