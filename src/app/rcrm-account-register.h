/* rcrm-account-register.h — the account register (ทะเบียนลูกค้า)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry (Thai substring search on the server), status and label
 * filters, "favourites first", and a GtkColumnView of the accounts that
 * loads further pages (GET /accounts, by cursor) as it is scrolled.  With
 * favourites first the favourites come first, each part in name order.
 * Selection mode applies labels (R12) to several accounts at once.
 *
 * Signals: "account-activated" (RcrmAccount *account) when a row is opened;
 * "toast" (const char *message) for errors and notices.
 */
#pragma once

#include <gtk/gtk.h>

#include "rcrm-catalog.h"
#include "rcrm-client-accounts.h"

G_BEGIN_DECLS

#define RCRM_TYPE_ACCOUNT_REGISTER (rcrm_account_register_get_type ())

G_DECLARE_FINAL_TYPE (RcrmAccountRegister, rcrm_account_register, RCRM, ACCOUNT_REGISTER, GtkWidget)

GtkWidget  *rcrm_account_register_new             (RcrmClient          *client,
                                                   RcrmCatalog         *catalog);
/* the same filters again, from the first page */
void        rcrm_account_register_reload          (RcrmAccountRegister *self);
void        rcrm_account_register_focus_search    (RcrmAccountRegister *self);
/* an account changed elsewhere (the account page): its row shows it */
void        rcrm_account_register_account_changed (RcrmAccountRegister *self,
                                                   RcrmAccount         *account);
/* the members of an account segment (R13), narrowed by the filters; 0 = none */
void        rcrm_account_register_set_segment     (RcrmAccountRegister *self,
                                                   gint64               segment_id);
gint64      rcrm_account_register_get_segment     (RcrmAccountRegister *self);
/* "save as segment" (R13) with the status and label filters; the dialog
 * (owned by GTK).  Emits "segment-created" (RcrmSegment *) when saved. */
GtkWindow  *rcrm_account_register_save_segment    (RcrmAccountRegister *self);
/* the accounts shown so far (RcrmAccount) */
GListModel *rcrm_account_register_get_model       (RcrmAccountRegister *self);
/* every match of the filters (the server's total) */
gint64      rcrm_account_register_get_total       (RcrmAccountRegister *self);
gboolean    rcrm_account_register_get_loading     (RcrmAccountRegister *self);
/* the "new account" dialog (owned by GTK) */
GtkWindow  *rcrm_account_register_new_account     (RcrmAccountRegister *self);

G_END_DECLS
