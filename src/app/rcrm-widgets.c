/* rcrm-widgets.c — small widget helpers the forms and dialogs share
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-widgets.h"

GtkLabel *
rcrm_row_add_error_label (AdwPreferencesRow *row)
{
  GtkWidget *label = gtk_label_new (NULL);

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row) || ADW_IS_ACTION_ROW (row), NULL);

  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "rcrm-field-error");

  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return GTK_LABEL (label);
}

GtkWidget *
rcrm_dialog_frame_new (AdwWindow   *window,
                       const char  *action_label,
                       const char  *action_name,
                       GtkWidget  **action_button,
                       GtkSpinner **spinner,
                       GtkLabel   **error_label)
{
  GtkWidget *box, *header, *cancel, *button, *content, *clamp, *scrolled;
  GtkWidget *spin;
  GtkWidget *error;

  g_return_val_if_fail (ADW_IS_WINDOW (window), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  button = gtk_button_new_with_mnemonic (action_label);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  spin = gtk_spinner_new ();
  gtk_widget_set_visible (spin, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), spin);
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (content), error);

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (window, box);

  if (action_button != NULL)
    *action_button = button;
  if (spinner != NULL)
    *spinner = GTK_SPINNER (spin);
  if (error_label != NULL)
    *error_label = GTK_LABEL (error);
  return content;
}
