/* rcrm-move-dialog.h */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RCRM_TYPE_MOVE_DIALOG (rcrm_move_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcrmMoveDialog, rcrm_move_dialog, RCRM, MOVE_DIALOG, AdwMessageDialog)

G_END_DECLS
