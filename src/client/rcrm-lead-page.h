/* rcrm-lead-page.h — one page of GET /leads */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RCRM_TYPE_LEAD_PAGE (rcrm_lead_page_get_type ())

typedef struct {
  GPtrArray *items;        /* RcrmLead, in the query's order */
  gint64     total;        /* every lead matching the filters */
  char      *next_cursor;  /* NULL on the last page */
} RcrmLeadPage;

GType         rcrm_lead_page_get_type (void) G_GNUC_CONST;
/* items empty, total 0 */
RcrmLeadPage *rcrm_lead_page_new      (void);
/* the items array is shared (referenced), not copied */
RcrmLeadPage *rcrm_lead_page_copy     (const RcrmLeadPage *page);
void          rcrm_lead_page_free     (RcrmLeadPage       *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmLeadPage, rcrm_lead_page_free)

G_END_DECLS
