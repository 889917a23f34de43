/* rcrm-widgets.h — small widget helpers the forms and dialogs share
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A hidden, wrapping "error" caption at the end of an entry or action row,
 * for the server's message about that field (owned by the row). */
GtkLabel  *rcrm_row_add_error_label (AdwPreferencesRow *row);

/* The frame of a small modal form: a header bar with "Cancel" (closes
 * window) and the suggested action_label button (activating action_name),
 * a spinner beside it, and below a clamped, scrollable box that starts
 * with a hidden "error" label.  Sets it as window's content and returns the
 * box to append the form to (owned by the window). */
GtkWidget *rcrm_dialog_frame_new    (AdwWindow         *window,
                                     const char        *action_label,
                                     const char        *action_name,
                                     GtkWidget        **action_button,
                                     GtkSpinner       **spinner,
                                     GtkLabel         **error_label);

G_END_DECLS
