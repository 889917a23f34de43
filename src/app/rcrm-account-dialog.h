/* rcrm-account-dialog.h — the "new account" dialog (R2)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window with the account's fields (RcrmAccountForm).  The server's
 * messages (422) appear on their rows and the input stays; on success
 * "created" (RcrmAccount *account) is emitted and the dialog closes.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-account-form.h"

G_BEGIN_DECLS

#define RCRM_TYPE_ACCOUNT_DIALOG (rcrm_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcrmAccountDialog, rcrm_account_dialog, RCRM, ACCOUNT_DIALOG, AdwWindow)

RcrmAccountDialog *rcrm_account_dialog_new      (GtkWindow         *parent,
                                                 RcrmClient        *client);
RcrmAccountForm   *rcrm_account_dialog_get_form (RcrmAccountDialog *self);
/* what the Create button does */
void               rcrm_account_dialog_submit   (RcrmAccountDialog *self);
/* the message that belongs to no row (empty when none) */
const char        *rcrm_account_dialog_get_error (RcrmAccountDialog *self);
gboolean           rcrm_account_dialog_get_busy (RcrmAccountDialog *self);

G_END_DECLS
