/* rcrm-move-dialog.h — choose a pipeline and a step to move a lead to (R8, R9)
 *
 * The dialog only collects the choice; its "move" response is enabled when
 * the choice differs from where the lead is.  The caller sends the request
 * (forward is always allowed; back may answer STEP_BACK_DISABLED).
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RCRM_TYPE_MOVE_DIALOG (rcrm_move_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcrmMoveDialog, rcrm_move_dialog, RCRM, MOVE_DIALOG, AdwMessageDialog)

/* pipelines: GPtrArray of RcrmPipeline (server order); the lead is in
 * pipeline_id at step.  Responses: "cancel", "move". */
RcrmMoveDialog *rcrm_move_dialog_new             (GtkWindow      *parent,
                                                  GPtrArray      *pipelines,
                                                  gint64          pipeline_id,
                                                  guint           step);
/* the chosen pipeline and step */
gint64          rcrm_move_dialog_get_pipeline_id (RcrmMoveDialog *self);
guint           rcrm_move_dialog_get_step        (RcrmMoveDialog *self);
/* for tests: choose a pipeline (by id) and a step */
gboolean        rcrm_move_dialog_select          (RcrmMoveDialog *self,
                                                  gint64          pipeline_id,
                                                  guint           step);
AdwComboRow    *rcrm_move_dialog_get_pipeline_row (RcrmMoveDialog *self);
AdwComboRow    *rcrm_move_dialog_get_step_row    (RcrmMoveDialog *self);

G_END_DECLS
