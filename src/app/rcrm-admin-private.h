/* rcrm-admin-private.h — what the UI tests need to drive the admin widgets:
 * the preferences window, the form editor, custom fields, the erase dialog
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not for use by the app's own code outside the file that implements each
 * function.  The returned widgets are owned by their window.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-custom-fields.h"
#include "rcrm-erase-dialog.h"
#include "rcrm-form-editor.h"
#include "rcrm-preferences-window.h"

G_BEGIN_DECLS

/* ---- rcrm-preferences-window.c ------------------------------------------------------------ */

/* TRUE while the settings are loading or saving */
gboolean          rcrm_preferences_window_get_busy          (RcrmPreferencesWindow *self);
/* the settings as last received (NULL before) */
JsonObject       *rcrm_preferences_window_get_settings      (RcrmPreferencesWindow *self);
/* pages "duplicates", "erasure", "general", "forms" */
AdwPreferencesPage *rcrm_preferences_window_get_page        (RcrmPreferencesWindow *self,
                                                             const char            *name);
/* switches: "duplicates.enabled", "erasure.leads", "allow_step_back",
 * "restrict_visibility", "allow_price_edit" */
GtkSwitch        *rcrm_preferences_window_get_switch        (RcrmPreferencesWindow *self,
                                                             const char            *member);
/* check buttons: "duplicates.fields.email|phone|tax_id",
 * "duplicates.scope.closed|in_progress|unfollowed" */
GtkCheckButton   *rcrm_preferences_window_get_check         (RcrmPreferencesWindow *self,
                                                             const char            *member);
/* combo rows: "duplicates.action" (allow, disallow), "erasure.accounts"
 * (off, contacts, contacts_and_accounts) */
AdwComboRow      *rcrm_preferences_window_get_combo         (RcrmPreferencesWindow *self,
                                                             const char            *member);
GtkSpinButton    *rcrm_preferences_window_get_max_contacts  (RcrmPreferencesWindow *self);
/* entity "lead" or "account" */
RcrmFormEditor   *rcrm_preferences_window_get_form_editor   (RcrmPreferencesWindow *self,
                                                             const char            *entity);
/* the last message shown as a toast, or NULL */
const char       *rcrm_preferences_window_get_last_toast    (RcrmPreferencesWindow *self);

/* ---- rcrm-form-editor.c ------------------------------------------------------------------- */

/* the add (index -1) or edit dialog of field index */
AdwMessageDialog *rcrm_form_editor_open_field_dialog        (RcrmFormEditor *self,
                                                             int             index);
/* the field or remove dialog open now, or NULL */
AdwMessageDialog *rcrm_form_editor_get_dialog               (RcrmFormEditor *self);
/* the field dialog's "label", "key" (AdwEntryRow), "type" (AdwComboRow:
 * text, number, date, choice), "required" (GtkSwitch), "choices"
 * (GtkTextView, one per line), "hint" (GtkLabel: why it cannot be added) */
GtkWidget        *rcrm_form_editor_get_dialog_widget        (RcrmFormEditor *self,
                                                             const char     *name);
/* the working copy (unsaved changes included) */
RcrmForm         *rcrm_form_editor_get_form                 (RcrmFormEditor *self);
guint             rcrm_form_editor_get_n_rows               (RcrmFormEditor *self);
AdwActionRow     *rcrm_form_editor_get_row                  (RcrmFormEditor *self,
                                                             guint           index);
GtkLabel         *rcrm_form_editor_get_error_label          (RcrmFormEditor *self);

/* ---- the lead dialog and the lead page ---------------------------------------------------- */

/* their "Additional Fields" group */
RcrmCustomFields *rcrm_lead_dialog_get_custom_fields        (GtkWidget *dialog);
RcrmCustomFields *rcrm_lead_view_get_custom_fields          (GtkWidget *view);
/* the lead page's menu button (visible only when erasure is possible) */
GtkWidget        *rcrm_lead_view_get_more_button            (GtkWidget *view);
/* the erase dialog the lead page opened, or NULL */
AdwMessageDialog *rcrm_lead_view_get_erase_dialog           (GtkWidget *view);

G_END_DECLS
