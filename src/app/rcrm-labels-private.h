/* rcrm-labels-private.h — what the UI tests need of the label manager, label
 * picker, chips and segments (tests/app/test-labels.c, test-segments.c)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not for use by the app's own code outside the file that implements each
 * function, except rcrm_label_usage_text.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-inbox-page.h"
#include "rcrm-label-chips.h"
#include "rcrm-label-manager.h"
#include "rcrm-label-picker.h"
#include "rcrm-lead-view.h"
#include "rcrm-segment-dialog.h"
#include "rcrm-segment-sidebar.h"
#include "rcrm-window.h"

G_BEGIN_DECLS

/* "Used on N leads, M accounts" (or "Not used yet") */
char                *rcrm_label_usage_text                (gint64            leads,
                                                           gint64            accounts);

/* ---- rcrm-label-manager.c ---------------------------------------------------------- */

AdwPreferencesGroup *rcrm_label_manager_get_group         (RcrmLabelManager *self,
                                                           gboolean          system);
/* the row of a label, or NULL */
AdwActionRow        *rcrm_label_manager_get_row           (RcrmLabelManager *self,
                                                           gint64            label_id);
/* which: "edit" or "delete"; NULL when the user may not change the label */
GtkButton           *rcrm_label_manager_get_row_button    (RcrmLabelManager *self,
                                                           gint64            label_id,
                                                           const char       *which);
/* the "+" of a group (the system one is hidden for non-admins) */
GtkWidget           *rcrm_label_manager_get_new_button    (RcrmLabelManager *self,
                                                           gboolean          system);
/* a request is in flight */
gboolean             rcrm_label_manager_get_busy          (RcrmLabelManager *self);
/* RcrmLabel with usage, or NULL before GET /labels answered */
GPtrArray           *rcrm_label_manager_get_labels        (RcrmLabelManager *self);
/* the editor page */
AdwEntryRow         *rcrm_label_manager_get_name_row      (RcrmLabelManager *self);
GtkLabel            *rcrm_label_manager_get_error_label   (RcrmLabelManager *self);
gboolean             rcrm_label_manager_select_color      (RcrmLabelManager *self,
                                                           const char       *color);
/* children "list" and "edit" */
GtkStack            *rcrm_label_manager_get_stack         (RcrmLabelManager *self);
/* the open delete confirmation, or NULL */
AdwMessageDialog    *rcrm_label_manager_get_delete_dialog (RcrmLabelManager *self);

/* ---- rcrm-window.c ---------------------------------------------------------------- */

/* the open label manager, or NULL; rcrm_window_open_label_manager opens it */
RcrmLabelManager    *rcrm_window_get_label_manager        (RcrmWindow       *self);
RcrmLabelManager    *rcrm_window_open_label_manager       (RcrmWindow       *self);
/* the sidebar's segment rows (GtkListBox; each row's name is "segment-ID") */
GtkListBox          *rcrm_window_get_segment_list         (RcrmWindow       *self);
/* the page of the segment shown (stack child "segment") */
RcrmInboxPage       *rcrm_window_get_segment_page         (RcrmWindow       *self);
RcrmSegmentSidebar  *rcrm_window_get_segment_sidebar      (RcrmWindow       *self);

/* ---- rcrm-inbox-page.c ------------------------------------------------------------- */

/* the selection mode toggle, the apply-labels menu button and its picker */
GtkToggleButton     *rcrm_inbox_page_get_select_button    (RcrmInboxPage    *self);
GtkMenuButton       *rcrm_inbox_page_get_labels_button    (RcrmInboxPage    *self);
RcrmLabelPicker     *rcrm_inbox_page_get_label_picker     (RcrmInboxPage    *self);
GtkSelectionModel   *rcrm_inbox_page_get_selection        (RcrmInboxPage    *self);
/* the labels update in flight (0 = none) */
guint                rcrm_inbox_page_get_n_labelling      (RcrmInboxPage    *self);
/* opens the "save as segment" dialog for the current filters */
RcrmSegmentDialog   *rcrm_inbox_page_save_segment         (RcrmInboxPage    *self);

/* ---- rcrm-lead-view.c ------------------------------------------------------------------ */

/* the lead page's RcrmLabelChips and its label picker's menu button */
GtkWidget           *rcrm_lead_view_get_label_chips       (RcrmLeadView     *self);
GtkMenuButton       *rcrm_lead_view_get_labels_button     (RcrmLeadView     *self);

/* ---- rcrm-segment-dialog.c ---------------------------------------------------------- */

AdwEntryRow         *rcrm_segment_dialog_get_name_row     (RcrmSegmentDialog *self);
/* "value_min", "value_max" (baht), "created_from", "created_to" (YYYY-MM-DD),
 * "province" */
AdwEntryRow         *rcrm_segment_dialog_get_row          (RcrmSegmentDialog *self,
                                                           const char        *field);
/* visible for admins only */
GtkSwitch           *rcrm_segment_dialog_get_shared_switch (RcrmSegmentDialog *self);
GtkLabel            *rcrm_segment_dialog_get_error_label  (RcrmSegmentDialog *self);
void                 rcrm_segment_dialog_submit           (RcrmSegmentDialog *self);

G_END_DECLS
