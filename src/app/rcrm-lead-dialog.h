/* rcrm-lead-dialog.h — the "new lead" dialog (R1, R23, R24, R25)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window with the lead's fields.  The server's validation messages
 * (422) are shown on their rows; a duplicate (409 duplicate_lead) shows the
 * matching leads and, when the rules allow it, "Create Anyway".  The input
 * is never cleared by an error.  On success "created" (RcrmLead *lead) is
 * emitted and the dialog closes.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-account.h"
#include "rcrm-catalog.h"

G_BEGIN_DECLS

#define RCRM_TYPE_LEAD_DIALOG (rcrm_lead_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcrmLeadDialog, rcrm_lead_dialog, RCRM, LEAD_DIALOG, AdwWindow)

/* catalog may be NULL: the dialog then loads its own from client */
RcrmLeadDialog *rcrm_lead_dialog_new      (GtkWindow      *parent,
                                           RcrmClient     *client,
                                           RcrmCatalog    *catalog);
gboolean        rcrm_lead_dialog_get_busy (RcrmLeadDialog *self);
/* A lead of account (R4, POST /accounts/{id}/leads): the rows start with
 * the account's name, phone, e-mail and tax ID; a row the user empties
 * stays empty. */
void            rcrm_lead_dialog_set_account    (RcrmLeadDialog *self,
                                                 RcrmAccount    *account);
gint64          rcrm_lead_dialog_get_account_id (RcrmLeadDialog *self);

G_END_DECLS
