/* rcrm-inbox-page.h — the lead inbox (กล่องลีด) and the unfollowed box
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry, filters (pipeline, step, owner, label, state) and a
 * GtkColumnView over a lazy RcrmLeadListModel.  Searching, filtering and
 * sorting (column headers) all go to the server through the model's query.
 * With "unfollowed" it is the unfollowed box (R6): state=unfollowed and a
 * reason column.
 *
 * Signals: "lead-activated" (RcrmLead *lead) when a row is opened;
 * "toast" (const char *message) for errors and notices.
 */
#pragma once

#include <gtk/gtk.h>

#include "rcrm-catalog.h"
#include "rcrm-lead-list-model.h"

G_BEGIN_DECLS

#define RCRM_TYPE_INBOX_PAGE (rcrm_inbox_page_get_type ())

G_DECLARE_FINAL_TYPE (RcrmInboxPage, rcrm_inbox_page, RCRM, INBOX_PAGE, GtkWidget)

/* Asks for the first page a new inbox will show (rcrm_client_prefetch_leads):
 * call it as soon as the client has a token, before building the window. */
void               rcrm_inbox_page_prefetch       (RcrmClient    *client);
/* catalog may be NULL: the page then loads its own from client */
GtkWidget         *rcrm_inbox_page_new            (RcrmClient    *client,
                                                   RcrmCatalog   *catalog,
                                                   gboolean       unfollowed);
RcrmClient        *rcrm_inbox_page_get_client     (RcrmInboxPage *self);
RcrmCatalog       *rcrm_inbox_page_get_catalog    (RcrmInboxPage *self);
gboolean           rcrm_inbox_page_get_unfollowed (RcrmInboxPage *self);
RcrmLeadListModel *rcrm_inbox_page_get_model      (RcrmInboxPage *self);
/* the server's sort of the current column ("-last_activity_at", "name", …) */
const char        *rcrm_inbox_page_get_sort       (RcrmInboxPage *self);
void               rcrm_inbox_page_reload         (RcrmInboxPage *self);
void               rcrm_inbox_page_clear_filters  (RcrmInboxPage *self);
void               rcrm_inbox_page_focus_search   (RcrmInboxPage *self);
/* A lead changed elsewhere (lead page): refreshes its row, or reloads when it
 * joined or left this box (unfollowed / restored). */
void               rcrm_inbox_page_lead_changed   (RcrmInboxPage *self,
                                                   RcrmLead      *lead);
/* Shows the members of a lead segment (R13, GET /leads?segment_id=), which
 * the filters narrow further; 0 = no segment */
void               rcrm_inbox_page_set_segment    (RcrmInboxPage *self,
                                                   gint64         segment_id);
gint64             rcrm_inbox_page_get_segment    (RcrmInboxPage *self);

G_END_DECLS
