/* rcrm-contact-dialog.h — add or edit a contact (ผู้ติดต่อ) of an account (R11)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A modal window: name, position, phone, e-mail.  A full account (409
 * limit_reached), a bad value (422, on its row) or someone else's newer
 * version (412: their values are shown and saving again keeps the user's)
 * keep what was typed.  On success "saved" (RcrmContact *contact) is
 * emitted and the dialog closes.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-account.h"
#include "rcrm-client.h"

G_BEGIN_DECLS

#define RCRM_TYPE_CONTACT_DIALOG (rcrm_contact_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcrmContactDialog, rcrm_contact_dialog, RCRM, CONTACT_DIALOG, AdwWindow)

/* contact NULL: a new contact of account_id */
RcrmContactDialog *rcrm_contact_dialog_new       (GtkWindow         *parent,
                                                  RcrmClient        *client,
                                                  gint64             account_id,
                                                  RcrmContact       *contact);
/* "name", "position", "phone", "email" */
AdwEntryRow       *rcrm_contact_dialog_get_row   (RcrmContactDialog *self,
                                                  const char        *field);
void               rcrm_contact_dialog_submit    (RcrmContactDialog *self);
/* the message shown above the rows (empty when none) */
const char        *rcrm_contact_dialog_get_error (RcrmContactDialog *self);
gboolean           rcrm_contact_dialog_get_busy  (RcrmContactDialog *self);

G_END_DECLS
