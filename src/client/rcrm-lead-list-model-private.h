/* rcrm-lead-list-model-private.h — counters for the tests */
#pragma once

#include "rcrm-lead-list-model.h"

G_BEGIN_DECLS

/* GET /leads requests started since the model was made */
guint rcrm_lead_list_model_get_n_requests    (RcrmLeadListModel *self);
/* the most requests ever in flight at once (reloads not counted) */
guint rcrm_lead_list_model_get_max_in_flight (RcrmLeadListModel *self);
/* pages that exist (asked for or loaded) */
guint rcrm_lead_list_model_get_n_pages       (RcrmLeadListModel *self);
/* the most pages kept (default 32); the least recently used go first */
void  rcrm_lead_list_model_set_max_pages     (RcrmLeadListModel *self,
                                              guint              max_pages);

G_END_DECLS
