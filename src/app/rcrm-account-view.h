/* rcrm-account-view.h — the account page (R2–R4, R11, R12, R26)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One account: its details (edited with If-Match; on a 412 the newer values
 * are shown and the user's edits kept), favourite, labels, its contacts
 * with the quota (R11: "3 of 10"; add, edit, delete), its leads, its
 * purchase history (won leads, their total in baht, B.E. dates), "new lead
 * from this account" (R4), and for administrators, when the settings allow
 * it, "Erase Personal Data…" for the account and for each contact (R26).
 *
 * Signals: "toast" (const char *message); "account-changed" (RcrmAccount *)
 * with each newer version (loaded or saved); "account-saved" after this
 * page changed it; "lead-activated" (gint64 id, const char *name) when a lead
 * row is opened; "lead-created" (RcrmLead *) after "new lead"; "erased"
 * (gint64 id) when the account itself was erased.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-account-form.h"
#include "rcrm-catalog.h"

G_BEGIN_DECLS

#define RCRM_TYPE_ACCOUNT_VIEW (rcrm_account_view_get_type ())

G_DECLARE_FINAL_TYPE (RcrmAccountView, rcrm_account_view, RCRM, ACCOUNT_VIEW, GtkWidget)

GtkWidget    *rcrm_account_view_new            (RcrmClient      *client,
                                                RcrmCatalog     *catalog);
/* loads the account, its contacts, leads and history; 0 = none */
void          rcrm_account_view_set_account_id (RcrmAccountView *self,
                                                gint64           id);
gint64        rcrm_account_view_get_account_id (RcrmAccountView *self);
/* NULL until loaded */
RcrmAccount  *rcrm_account_view_get_account    (RcrmAccountView *self);
/* TRUE while something is loading or saving */
gboolean      rcrm_account_view_get_busy       (RcrmAccountView *self);
void          rcrm_account_view_reload         (RcrmAccountView *self);

G_END_DECLS
