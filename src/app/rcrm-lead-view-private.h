/* rcrm-lead-view-private.h — what in-process UI tests need to drive RcrmLeadView
 *
 * Wait for "busy" to become FALSE (notify::busy) after set_lead_id or any
 * action; then the page name tells what is shown.  Actions of the "lead"
 * group (gtk_widget_activate_action): reload, save, revert, move (dialog),
 * move-to-step (u), unfollow (dialog), restore, add-note, correct-note (x),
 * cancel-correction, conflict-save, conflict-discard.
 */
#pragma once

#include "rcrm-lead-view.h"

G_BEGIN_DECLS

/* TRUE while a request of the view is under way */
gboolean        rcrm_lead_view_get_busy             (RcrmLeadView *self);
/* "empty", "loading", "error" or "lead" */
const char     *rcrm_lead_view_get_page_name        (RcrmLeadView *self);
/* the lead as last received from the server, or NULL */
RcrmLead       *rcrm_lead_view_get_lead             (RcrmLeadView *self);

/* header */
GtkLabel       *rcrm_lead_view_get_name_label       (RcrmLeadView *self);
GtkLabel       *rcrm_lead_view_get_state_label      (RcrmLeadView *self);
GtkLabel       *rcrm_lead_view_get_owner_label      (RcrmLeadView *self);
GtkLabel       *rcrm_lead_view_get_value_label      (RcrmLeadView *self);
GtkLabel       *rcrm_lead_view_get_pipeline_label   (RcrmLeadView *self);
/* one button per step of the lead's pipeline; clicking one moves there */
guint           rcrm_lead_view_get_n_step_buttons   (RcrmLeadView *self);
GtkButton      *rcrm_lead_view_get_step_button      (RcrmLeadView *self,
                                                     guint         step);
GtkButton      *rcrm_lead_view_get_move_button      (RcrmLeadView *self);
GtkButton      *rcrm_lead_view_get_unfollow_button  (RcrmLeadView *self);
GtkButton      *rcrm_lead_view_get_restore_button   (RcrmLeadView *self);
GtkButton      *rcrm_lead_view_get_retry_button     (RcrmLeadView *self);

/* details form; member is "name", "company", "phone", "email", "tax_id" or "value" */
AdwEntryRow    *rcrm_lead_view_get_entry_row        (RcrmLeadView *self,
                                                     const char   *member);
AdwComboRow    *rcrm_lead_view_get_source_row       (RcrmLeadView *self);
GtkButton      *rcrm_lead_view_get_save_button      (RcrmLeadView *self);
GtkButton      *rcrm_lead_view_get_revert_button    (RcrmLeadView *self);
/* the message shown on a row after a 422, or NULL */
const char     *rcrm_lead_view_get_field_error      (RcrmLeadView *self,
                                                     const char   *member);
/* the "someone else changed this lead" banner (412) */
GtkRevealer    *rcrm_lead_view_get_conflict_banner  (RcrmLeadView *self);
GtkLabel       *rcrm_lead_view_get_conflict_label   (RcrmLeadView *self);

/* notes and timeline (newest first) */
GtkTextView    *rcrm_lead_view_get_note_view        (RcrmLeadView *self);
GtkButton      *rcrm_lead_view_get_note_button      (RcrmLeadView *self);
/* the note a new note will correct, 0 = none */
gint64          rcrm_lead_view_get_corrects_note_id (RcrmLeadView *self);
GtkListBox     *rcrm_lead_view_get_timeline         (RcrmLeadView *self);

/* the workflow without its dialogs (the same requests as the dialogs') */
void            rcrm_lead_view_move                 (RcrmLeadView *self,
                                                     gint64        pipeline_id,
                                                     guint         step);
void            rcrm_lead_view_unfollow             (RcrmLeadView *self,
                                                     const char   *reason);
void            rcrm_lead_view_restore              (RcrmLeadView *self);
/* the dialog the view has open (move, unfollow or a message), or NULL */
GtkWindow      *rcrm_lead_view_get_dialog           (RcrmLeadView *self);
/* the last error message the view showed (dialog, toast or form), or NULL */
const char     *rcrm_lead_view_get_last_error       (RcrmLeadView *self);

G_END_DECLS
