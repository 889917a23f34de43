/* rcrm-unfollow-dialog.h */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RCRM_TYPE_UNFOLLOW_DIALOG (rcrm_unfollow_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcrmUnfollowDialog, rcrm_unfollow_dialog, RCRM, UNFOLLOW_DIALOG, AdwMessageDialog)

G_END_DECLS
