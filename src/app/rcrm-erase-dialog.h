/* rcrm-erase-dialog.h — the confirmation of a PDPA erasure (R26)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwMessageDialog that says what will be removed for good and asks the
 * administrator to type the record's name; the destructive "Erase" response
 * is enabled only while the typed text is exactly the name.  Choosing it
 * sends POST /{leads|accounts|contacts}/{id}/erasure; a refusal (403
 * erasure_disabled, admin_only, 404, …) is shown in a message dialog, and on
 * success done (user_data) runs.  Cancelling cancellable drops the result
 * (done does not run).
 */
#pragma once

#include <adwaita.h>

#include "rcrm-client.h"

G_BEGIN_DECLS

typedef void (*RcrmEraseDone) (gpointer user_data);

/* kind "lead", "account" or "contact"; returns the dialog (owned by GTK) */
AdwMessageDialog *rcrm_erase_dialog_present (GtkWindow     *parent,
                                             RcrmClient    *client,
                                             const char    *kind,
                                             gint64         id,
                                             const char    *name,
                                             GCancellable  *cancellable,
                                             RcrmEraseDone  done,
                                             gpointer       user_data);

G_END_DECLS
