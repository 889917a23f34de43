/* rcrm-unfollow-dialog.h — ask for the reason to unfollow a lead (R6)
 *
 * The reasons from the settings as a list of choices plus a free-text entry;
 * the "unfollow" response is enabled only when a reason is given.  The
 * caller sends the request; when the server refuses the reason (422) the
 * caller shows a new dialog with rcrm_unfollow_dialog_set_reason() and
 * rcrm_unfollow_dialog_set_error().
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RCRM_TYPE_UNFOLLOW_DIALOG (rcrm_unfollow_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcrmUnfollowDialog, rcrm_unfollow_dialog, RCRM, UNFOLLOW_DIALOG, AdwMessageDialog)

/* reasons: the settings' unfollow_reasons (NULL-terminated, may be NULL).
 * Responses: "cancel", "unfollow". */
RcrmUnfollowDialog *rcrm_unfollow_dialog_new        (GtkWindow          *parent,
                                                     const char * const *reasons);
/* the chosen reason or the typed one, stripped; "" when none */
const char         *rcrm_unfollow_dialog_get_reason (RcrmUnfollowDialog *self);
/* chooses the listed reason equal to reason, or types it into the entry */
void                rcrm_unfollow_dialog_set_reason (RcrmUnfollowDialog *self,
                                                     const char         *reason);
/* a message (e.g. the server's 422) shown under the choices; NULL hides it */
void                rcrm_unfollow_dialog_set_error  (RcrmUnfollowDialog *self,
                                                     const char         *message);
/* for tests */
AdwEntryRow        *rcrm_unfollow_dialog_get_entry  (RcrmUnfollowDialog *self);
/* the check button of the n-th listed reason, or NULL */
GtkCheckButton     *rcrm_unfollow_dialog_get_choice (RcrmUnfollowDialog *self,
                                                     guint               n);
GtkLabel           *rcrm_unfollow_dialog_get_error_label (RcrmUnfollowDialog *self);

G_END_DECLS
