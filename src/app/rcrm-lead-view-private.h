/* rcrm-lead-view-private.h — accessors for in-process UI tests */
#pragma once

#include "rcrm-lead-view.h"

G_BEGIN_DECLS

gboolean   rcrm_lead_view_get_busy (RcrmLeadView *self);

G_END_DECLS
