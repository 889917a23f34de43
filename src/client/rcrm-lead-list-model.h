/* rcrm-lead-list-model.h — a lazy GListModel of the leads of a query
 *
 * Holds n-items = the query's total, but creates items only when asked for
 * them: get_item() returns a placeholder RcrmLead ("loaded" FALSE) and fetches
 * the page holding it (GET /leads?offset=…&limit=page-size, at most two
 * requests at a time, each page once); the page's leads are then copied into
 * the same objects, so rows bound to them update through notify.  Enough for
 * 100,000 leads: only the pages asked for exist.
 */
#pragma once

#include <gio/gio.h>

#include "rcrm-client.h"

G_BEGIN_DECLS

#define RCRM_TYPE_LEAD_LIST_MODEL (rcrm_lead_list_model_get_type ())

G_DECLARE_FINAL_TYPE (RcrmLeadListModel, rcrm_lead_list_model, RCRM, LEAD_LIST_MODEL, GObject)

#define RCRM_LEAD_LIST_MODEL_PAGE_SIZE 200

RcrmLeadListModel   *rcrm_lead_list_model_new           (RcrmClient          *client);
RcrmClient          *rcrm_lead_list_model_get_client    (RcrmLeadListModel   *self);
/* The filters and sort (offset, cursor and limit are ignored).  Setting a
 * query always reloads: the first page is fetched, then the model changes
 * at once from the old items to n-items = total. */
const RcrmLeadQuery *rcrm_lead_list_model_get_query     (RcrmLeadListModel   *self);
void                 rcrm_lead_list_model_set_query     (RcrmLeadListModel   *self,
                                                         const RcrmLeadQuery *query);
/* Asks for the first page of query now (rcrm_client_prefetch_leads), for a
 * model of the default page size that will be given query soon. */
void                 rcrm_lead_list_model_prefetch      (RcrmClient          *client,
                                                         const RcrmLeadQuery *query);
/* the same query again (after a change elsewhere, or an error) */
void                 rcrm_lead_list_model_reload        (RcrmLeadListModel   *self);
/* TRUE while a request is queued or in flight */
gboolean             rcrm_lead_list_model_get_loading   (RcrmLeadListModel   *self);
/* the server's total for the query, = n-items */
guint                rcrm_lead_list_model_get_total     (RcrmLeadListModel   *self);
guint                rcrm_lead_list_model_get_page_size (RcrmLeadListModel   *self);
/* 1..500; takes effect at the next reload */
void                 rcrm_lead_list_model_set_page_size (RcrmLeadListModel   *self,
                                                         guint                page_size);
/* Copies a fresh copy of a lead (from update/move/…) into every loaded item
 * with its id; returns TRUE when there was one. */
gboolean             rcrm_lead_list_model_update_lead   (RcrmLeadListModel   *self,
                                                         RcrmLead            *lead);

G_END_DECLS
