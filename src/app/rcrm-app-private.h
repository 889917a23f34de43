/* rcrm-app-private.h — what the UI tests (tests/app) need to drive the real widgets
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not for use by the app's own code outside the file that implements each
 * function (except rcrm_app_ensure_resources and rcrm_window_save_state).
 * The returned widgets are owned by their window or page.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-account-dialog.h"
#include "rcrm-account-register.h"
#include "rcrm-account-view.h"
#include "rcrm-app-settings.h"
#include "rcrm-contact-dialog.h"
#include "rcrm-application.h"
#include "rcrm-catalog.h"
#include "rcrm-format.h"
#include "rcrm-inbox-page.h"
#include "rcrm-lead-dialog.h"
#include "rcrm-login-window.h"
#include "rcrm-secret.h"
#include "rcrm-window.h"

G_BEGIN_DECLS

/* ---- rcrm-application.c ---------------------------------------------------------------- */

/* adds the app's resource icons to the default display's icon theme (once) */
void                 rcrm_app_ensure_resources             (void);

/* ---- rcrm-login-window.c --------------------------------------------------------------- */

AdwEntryRow         *rcrm_login_window_get_server_row      (RcrmLoginWindow *self);
AdwEntryRow         *rcrm_login_window_get_username_row    (RcrmLoginWindow *self);
AdwEntryRow         *rcrm_login_window_get_password_row    (RcrmLoginWindow *self);
GtkButton           *rcrm_login_window_get_sign_in_button  (RcrmLoginWindow *self);
/* the inline error (visible only when there is one) */
GtkLabel            *rcrm_login_window_get_error_label     (RcrmLoginWindow *self);
GtkSpinner          *rcrm_login_window_get_spinner         (RcrmLoginWindow *self);
/* what the sign-in button and Enter do */
void                 rcrm_login_window_submit              (RcrmLoginWindow *self);

/* ---- rcrm-window.c ------------------------------------------------------------------------ */

RcrmInboxPage       *rcrm_window_get_inbox_page            (RcrmWindow      *self);
RcrmInboxPage       *rcrm_window_get_unfollowed_page       (RcrmWindow      *self);
/* the RcrmLeadView */
GtkWidget           *rcrm_window_get_lead_view             (RcrmWindow      *self);
/* children "inbox", "unfollowed", "lead" */
GtkStack            *rcrm_window_get_content_stack         (RcrmWindow      *self);
/* rows named "inbox" and "unfollowed" */
GtkListBox          *rcrm_window_get_sidebar               (RcrmWindow      *self);
AdwLeaflet          *rcrm_window_get_leaflet               (RcrmWindow      *self);
AdwToastOverlay     *rcrm_window_get_toast_overlay         (RcrmWindow      *self);
/* the signed-in user's display name in the header bar */
GtkLabel            *rcrm_window_get_user_label            (RcrmWindow      *self);
AdwWindowTitle      *rcrm_window_get_title_widget          (RcrmWindow      *self);
/* the text of the last toast shown (plain text), or NULL */
const char          *rcrm_window_get_last_toast            (RcrmWindow      *self);
/* the open "new lead" dialog, or NULL */
GtkWindow           *rcrm_window_get_lead_dialog           (RcrmWindow      *self);
/* the account register and the account page (made on first use) */
RcrmAccountRegister *rcrm_window_get_account_register      (RcrmWindow      *self);
RcrmAccountView     *rcrm_window_get_account_view          (RcrmWindow      *self);
/* stores the size and maximized state in the settings (also on close) */
void                 rcrm_window_save_state                (RcrmWindow      *self);

/* ---- rcrm-inbox-page.c ------------------------------------------------------------------- */

GtkSearchEntry      *rcrm_inbox_page_get_search_entry      (RcrmInboxPage   *self);
GtkColumnView       *rcrm_inbox_page_get_column_view       (RcrmInboxPage   *self);
/* "N ลีด" */
GtkLabel            *rcrm_inbox_page_get_count_label       (RcrmInboxPage   *self);
/* shown (stack child "empty") when the query has no leads */
AdwStatusPage       *rcrm_inbox_page_get_status_page       (RcrmInboxPage   *self);
/* children "list" and "empty" */
GtkStack            *rcrm_inbox_page_get_stack             (RcrmInboxPage   *self);
GtkDropDown         *rcrm_inbox_page_get_pipeline_dropdown (RcrmInboxPage   *self);
GtkDropDown         *rcrm_inbox_page_get_step_dropdown     (RcrmInboxPage   *self);
GtkDropDown         *rcrm_inbox_page_get_owner_dropdown    (RcrmInboxPage   *self);
GtkDropDown         *rcrm_inbox_page_get_label_dropdown    (RcrmInboxPage   *self);
/* hidden in the unfollowed box; items: in progress and closed, in progress, closed */
GtkDropDown         *rcrm_inbox_page_get_state_dropdown    (RcrmInboxPage   *self);
/* columns "name", "company", "owner", "step", "value", "activity" and, in the
 * unfollowed box, "reason"; NULL for another id */
GtkColumnViewColumn *rcrm_inbox_page_get_column            (RcrmInboxPage   *self,
                                                            const char      *id);
/* the text the column's cell shows for lead ("…" while it is a placeholder) */
char                *rcrm_inbox_page_dup_cell_text         (RcrmInboxPage   *self,
                                                            const char      *column_id,
                                                            RcrmLead        *lead);
/* chooses the item with id in a filter: "pipeline", "step" (the step index;
 * -1 = all), "owner" or "label" (0 = all) */
void                 rcrm_inbox_page_select_filter         (RcrmInboxPage   *self,
                                                            const char      *filter,
                                                            gint64           id);

/* ---- rcrm-lead-dialog.c ------------------------------------------------------------------- */

/* the row of a field, by the server's name: "name", "company", "phone", "email",
 * "tax_id", "value" (AdwEntryRow); "source", "pipeline_id", "step", "owner_id"
 * (AdwComboRow) */
AdwPreferencesRow   *rcrm_lead_dialog_get_row              (RcrmLeadDialog  *self,
                                                            const char      *field);
/* the message shown on that row, or NULL */
const char          *rcrm_lead_dialog_get_field_error      (RcrmLeadDialog  *self,
                                                            const char      *field);
GtkButton           *rcrm_lead_dialog_get_create_button    (RcrmLeadDialog  *self);
GtkButton           *rcrm_lead_dialog_get_cancel_button    (RcrmLeadDialog  *self);
GtkSpinner          *rcrm_lead_dialog_get_spinner          (RcrmLeadDialog  *self);
/* errors that belong to no row */
GtkLabel            *rcrm_lead_dialog_get_error_label      (RcrmLeadDialog  *self);
/* the duplicate warning (R25): visible after a 409 duplicate_lead */
GtkWidget           *rcrm_lead_dialog_get_duplicate_box    (RcrmLeadDialog  *self);
/* one AdwActionRow per match: title = name or "—", subtitle = owner, fields, state */
GtkListBox          *rcrm_lead_dialog_get_duplicate_list   (RcrmLeadDialog  *self);
GtkLabel            *rcrm_lead_dialog_get_duplicate_message (RcrmLeadDialog *self);
/* visible only when the rules allow ("allow") */
GtkButton           *rcrm_lead_dialog_get_create_anyway_button (RcrmLeadDialog *self);
/* what Create (FALSE) and Create Anyway (TRUE) do */
void                 rcrm_lead_dialog_submit               (RcrmLeadDialog  *self,
                                                            gboolean         confirm_duplicate);

/* ---- rcrm-account-register.c --------------------------------------------------------------- */

GtkSearchEntry      *rcrm_account_register_get_search_entry      (RcrmAccountRegister *self);
/* items: all statuses, pending, confirmed, sold */
GtkDropDown         *rcrm_account_register_get_status_dropdown   (RcrmAccountRegister *self);
GtkDropDown         *rcrm_account_register_get_label_dropdown    (RcrmAccountRegister *self);
GtkToggleButton     *rcrm_account_register_get_favourites_button (RcrmAccountRegister *self);
GtkColumnView       *rcrm_account_register_get_column_view       (RcrmAccountRegister *self);
/* "N บัญชี" */
GtkLabel            *rcrm_account_register_get_count_label       (RcrmAccountRegister *self);
/* children "list" and "empty" */
GtkStack            *rcrm_account_register_get_stack             (RcrmAccountRegister *self);
/* what a column ("favourite", "name", "tax_id", "province", "phone",
 * "status", "owner") shows for account */
char                *rcrm_account_register_dup_cell_text         (RcrmAccountRegister *self,
                                                                  const char          *column_id,
                                                                  RcrmAccount         *account);

/* ---- rcrm-account-view.c --------------------------------------------------------------------- */

RcrmAccountForm     *rcrm_account_view_get_form              (RcrmAccountView *self);
/* "contacts", "leads" or "history" (rows: AdwActionRow) */
GtkListBox          *rcrm_account_view_get_list              (RcrmAccountView *self,
                                                              const char      *which);
/* the same groups; the description holds the quota, count or totals */
AdwPreferencesGroup *rcrm_account_view_get_group             (RcrmAccountView *self,
                                                              const char      *which);
GtkRevealer         *rcrm_account_view_get_conflict_revealer (RcrmAccountView *self);
GtkLabel            *rcrm_account_view_get_conflict_label    (RcrmAccountView *self);
GtkLabel            *rcrm_account_view_get_error_label       (RcrmAccountView *self);
/* the menu with "Erase Personal Data…" (shown to administrators when enabled) */
GtkWidget           *rcrm_account_view_get_more_button       (RcrmAccountView *self);
GtkToggleButton     *rcrm_account_view_get_favourite_button  (RcrmAccountView *self);
/* the open contact or new-lead dialog, or NULL */
GtkWindow           *rcrm_account_view_get_dialog            (RcrmAccountView *self);
AdwMessageDialog    *rcrm_account_view_get_erase_dialog      (RcrmAccountView *self);

G_END_DECLS
