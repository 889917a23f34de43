/* rcrm-account-form.h — the fields of an account (R2, R22) as preference rows
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A vertical box with two groups: the account's own fields (name, tax ID,
 * branch, address, phone, e-mail, status) and the account form's custom
 * fields.  Shared by the "new account" dialog and the account page.  It
 * shows a record, tells what the user changed, collects the values for a
 * POST or a PATCH, and puts a 422's messages on their rows without touching
 * what was typed.
 *
 * Signals: "changed" — the user edited a row.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-account.h"
#include "rcrm-client.h"

G_BEGIN_DECLS

#define RCRM_TYPE_ACCOUNT_FORM (rcrm_account_form_get_type ())

G_DECLARE_FINAL_TYPE (RcrmAccountForm, rcrm_account_form, RCRM, ACCOUNT_FORM, GtkBox)

/* loads the account form's custom fields through client */
GtkWidget         *rcrm_account_form_new           (RcrmClient      *client);
/* the rows show account (NULL = empty, status "pending"), unedited */
void               rcrm_account_form_set_account   (RcrmAccountForm *self,
                                                    RcrmAccount     *account);
/* a row differs from what was last set */
gboolean           rcrm_account_form_get_dirty     (RcrmAccountForm *self);
/* Every filled row (changes_only FALSE, for POST) or only the edited rows,
 * null for a cleared one (TRUE, for PATCH).  NULL when a custom number or
 * date cannot be read (the row says why). */
JsonObject        *rcrm_account_form_collect       (RcrmAccountForm *self,
                                                    gboolean         changes_only);
/* Makes account the base while keeping the rows the user edited: after a
 * 412, saving again writes the user's edits over the newer version. */
void               rcrm_account_form_rebase        (RcrmAccountForm *self,
                                                    RcrmAccount     *account);
/* One line per field where account differs from the base: "Field: theirs
 * “…”, yours “…”" (or "you did not change it"); NULL when none differs. */
char              *rcrm_account_form_describe_conflict (RcrmAccountForm *self,
                                                        RcrmAccount     *account);
/* Shows a 422's messages on the rows (custom fields too); returns the
 * messages that belong to no row, joined by newlines (NULL when none). */
char              *rcrm_account_form_show_errors   (RcrmAccountForm *self,
                                                    const GError    *error);
void               rcrm_account_form_clear_errors  (RcrmAccountForm *self);
/* "name", "tax_id", "branch", "address", "phone", "email" (AdwEntryRow),
 * "status" (AdwComboRow); NULL for another name */
AdwPreferencesRow *rcrm_account_form_get_row       (RcrmAccountForm *self,
                                                    const char      *field);
/* the message a row shows, or NULL */
const char        *rcrm_account_form_get_error     (RcrmAccountForm *self,
                                                    const char      *field);
/* the status codes' Thai labels */
const char        *rcrm_account_status_label       (const char      *status);

G_END_DECLS
