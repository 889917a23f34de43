/* test-preferences.c — the preferences window (admins), the form builder and
 * custom fields in the lead forms, against the real server
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The administrator changes settings and the lead form through the window's
 * own widgets; what the server stores is checked over HTTP with a separate
 * client.  The salesperson somchai has no preferences at all.
 */
#include "config.h"

#include "app-fixture.h"
#include "rcrm-admin-private.h"
#include "rcrm-client-admin.h"
#include "rcrm-core.h"

static TcServer *server;
static RcrmApplication *app;
static RcrmClient *checker;   /* the tests' own admin session, to ask the server */

/* ---- helpers ---------------------------------------------------------------------- */

static RcrmPreferencesWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (RCRM_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return RCRM_PREFERENCES_WINDOW (window);
    }
  return NULL;
}

static JsonObject *
server_settings (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *settings;

  rcrm_client_get_settings_async (checker, NULL, tc_store_result, &result);
  settings = rcrm_client_get_settings_finish (checker, tc_await (&result), &error);
  g_assert_no_error (error);
  return settings;
}

static RcrmForm *
server_form (const char *entity)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmForm *form;

  rcrm_client_get_form_async (checker, entity, NULL, tc_store_result, &result);
  form = rcrm_client_get_form_finish (checker, tc_await (&result), &error);
  g_assert_no_error (error);
  return form;
}

static void
clear_lead_form (void)
{
  g_autoptr(RcrmForm) form = server_form ("lead");
  g_autoptr(RcrmForm) saved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_set_size (rcrm_form_get_fields (form), 0);
  rcrm_client_put_form_async (checker, form, NULL, tc_store_result, &result);
  saved = rcrm_client_put_form_finish (checker, tc_await (&result), &error);
  g_assert_no_error (error);
}

static gboolean
string_list_is (JsonObject         *object,
                const char         *member,
                const char * const *expected)
{
  JsonArray *array = json_object_get_array_member (object, member);

  if (json_array_get_length (array) != g_strv_length ((GStrv) expected))
    return FALSE;
  for (guint i = 0; expected[i] != NULL; i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), expected[i]) != 0)
      return FALSE;
  return TRUE;
}

/* clicks the response button of a message dialog by its (translated) label */
static void
click_response (AdwMessageDialog *dialog,
                const char       *msgid)
{
  GtkButton *button = ta_find_button (GTK_WIDGET (dialog), ta_gettext (msgid));

  if (button == NULL)
    ta_fail ("no button “%s” in the dialog", ta_gettext (msgid));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

/* scrolls the first scrolled window under root to its end */
static gboolean
scroll_to_end (GtkWidget *root)
{
  if (GTK_IS_SCROLLED_WINDOW (root))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (root));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (scroll_to_end (child))
      return TRUE;
  return FALSE;
}

static RcrmPreferencesWindow *
open_preferences (RcrmWindow *window)
{
  RcrmPreferencesWindow *prefs;

  /* the menu item's action, as Ctrl+, and the menu do */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  TA_WAIT ((prefs = find_preferences ()) != NULL);
  TA_WAIT (!rcrm_preferences_window_get_busy (prefs) && rcrm_preferences_window_get_settings (prefs) != NULL);
  ta_wait_painted (GTK_WIDGET (prefs), 2);
  return prefs;
}

/* ---- tests ---------------------------------------------------------------------------- */

static void
test_duplicates (void)
{
  g_autoptr(RcrmClient) admin = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  RcrmWindow *window = ta_main_window_new (app, admin, 1100, 760);
  RcrmPreferencesWindow *prefs = open_preferences (window);
  g_autoptr(JsonObject) settings = NULL;
  g_autofree char *shot = NULL;
  const char *fields[] = { "email", "phone", NULL };
  JsonObject *duplicates;
  guint action;

  /* the controls show what the server has */
  settings = server_settings ();
  duplicates = json_object_get_object_member (settings, "duplicates");
  g_assert_cmpint (gtk_switch_get_active (rcrm_preferences_window_get_switch (prefs, "duplicates.enabled")), ==,
                   json_object_get_boolean_member (duplicates, "enabled"));
  action = g_strcmp0 (json_object_get_string_member (duplicates, "action"), "disallow") == 0 ? 1 : 0;
  g_assert_cmpuint (adw_combo_row_get_selected (rcrm_preferences_window_get_combo (prefs, "duplicates.action")), ==,
                    action);
  g_clear_pointer (&settings, json_object_unref);

  /* the administrator switches it on, changes the action and compares only
   * e-mail and phone */
  gtk_switch_set_active (rcrm_preferences_window_get_switch (prefs, "duplicates.enabled"), TRUE);
  adw_combo_row_set_selected (rcrm_preferences_window_get_combo (prefs, "duplicates.action"), 1 - action);
  gtk_check_button_set_active (rcrm_preferences_window_get_check (prefs, "duplicates.fields.email"), TRUE);
  gtk_check_button_set_active (rcrm_preferences_window_get_check (prefs, "duplicates.fields.phone"), TRUE);
  gtk_check_button_set_active (rcrm_preferences_window_get_check (prefs, "duplicates.fields.tax_id"), FALSE);
  TA_WAIT (!rcrm_preferences_window_get_busy (prefs));
  g_assert_cmpstr (rcrm_preferences_window_get_last_toast (prefs), ==, ta_gettext ("Settings saved"));

  settings = server_settings ();
  duplicates = json_object_get_object_member (settings, "duplicates");
  g_assert_true (json_object_get_boolean_member (duplicates, "enabled"));
  g_assert_cmpstr (json_object_get_string_member (duplicates, "action"), ==, action == 1 ? "allow" : "disallow");
  g_assert_true (string_list_is (duplicates, "fields", fields));

  ta_wait_painted (GTK_WIDGET (prefs), 2);
  shot = ta_save_screenshot (GTK_WIDGET (prefs), "preferences-duplicates");
  g_test_message ("screenshot: %s", shot);

  /* someone else changes the settings meanwhile: the next change gets a 412,
   * the window reloads and says so */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonObject) patch = json_object_new ();
    g_autoptr(JsonObject) changed = NULL;

    json_object_set_boolean_member (patch, "allow_step_back", TRUE);
    rcrm_client_update_settings_async (checker, json_object_get_int_member (settings, "version"), patch, NULL,
                                       tc_store_result, &result);
    changed = rcrm_client_update_settings_finish (checker, tc_await (&result), &error);
    g_assert_no_error (error);
  }
  gtk_switch_set_active (rcrm_preferences_window_get_switch (prefs, "erasure.leads"), TRUE);
  TA_WAIT (!rcrm_preferences_window_get_busy (prefs)
           && g_strcmp0 (rcrm_preferences_window_get_last_toast (prefs), ta_gettext ("Settings saved")) != 0);
  g_assert_cmpstr (rcrm_preferences_window_get_last_toast (prefs), ==,
                   ta_gettext ("Someone else changed the settings meanwhile. They have been reloaded; make your "
                               "change again."));
  /* reloaded: the other change shows, the lost one does not */
  g_assert_true (gtk_switch_get_active (rcrm_preferences_window_get_switch (prefs, "allow_step_back")));
  g_assert_false (gtk_switch_get_active (rcrm_preferences_window_get_switch (prefs, "erasure.leads")));

  /* the change made again is stored */
  gtk_switch_set_active (rcrm_preferences_window_get_switch (prefs, "erasure.leads"), TRUE);
  adw_combo_row_set_selected (rcrm_preferences_window_get_combo (prefs, "erasure.accounts"), 1);
  TA_WAIT (!rcrm_preferences_window_get_busy (prefs));
  g_clear_pointer (&settings, json_object_unref);
  settings = server_settings ();
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (settings, "erasure"), "leads"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (settings, "erasure"), "accounts"),
                   ==, "contacts");

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           rcrm_preferences_window_get_page (prefs, "erasure"));
  ta_wait_painted (GTK_WIDGET (prefs), 2);
  g_free (shot);
  shot = ta_save_screenshot (GTK_WIDGET (prefs), "preferences-erasure");
  g_test_message ("screenshot: %s", shot);

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           rcrm_preferences_window_get_page (prefs, "general"));
  ta_wait_painted (GTK_WIDGET (prefs), 2);
  g_free (shot);
  shot = ta_save_screenshot (GTK_WIDGET (prefs), "preferences-general");
  g_test_message ("screenshot: %s", shot);

  ta_destroy_all_windows ();
}

static void
test_not_for_salespeople (void)
{
  g_autoptr(RcrmClient) somchai = tc_client_signed_in (tc_server_url (server), TA_DEMO_USER, TC_DEMO_PASSWORD);
  RcrmWindow *window = ta_main_window_new (app, somchai, 1100, 760);

  /* the action is off (the menu hides its item), Ctrl+, does nothing */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL);
  tc_drain ();
  g_assert_null (find_preferences ());
  g_assert_null (rcrm_window_show_preferences (window));
  g_assert_null (find_preferences ());

  ta_destroy_all_windows ();
}

static void
test_custom_form (void)
{
  g_autoptr(RcrmClient) admin = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  RcrmWindow *window = ta_main_window_new (app, admin, 1100, 800);
  RcrmPreferencesWindow *prefs = open_preferences (window);
  RcrmFormEditor *editor = rcrm_preferences_window_get_form_editor (prefs, "lead");
  g_autoptr(RcrmForm) stored = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *phone = tc_unique_phone ();
  const char *choices[] = { "ร้านอาหาร", "โรงงาน", NULL };
  AdwMessageDialog *dialog;
  GtkWindow *lead_dialog;
  RcrmCustomFields *custom;
  RcrmFormField *field;
  AdwPreferencesRow *row;
  RcrmLeadView *view;
  RcrmLead *lead;
  gint64 id;

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           rcrm_preferences_window_get_page (prefs, "forms"));
  TA_WAIT (!rcrm_form_editor_get_busy (editor) && rcrm_form_editor_get_form (editor) != NULL);
  g_assert_cmpuint (rcrm_form_editor_get_n_rows (editor), ==, 0);

  /* add a required choice field; a Thai label needs a key typed by hand */
  dialog = rcrm_form_editor_open_field_dialog (editor, -1);
  ta_wait_painted (GTK_WIDGET (dialog), 1);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_form_editor_get_dialog_widget (editor, "label")), "ประเภทธุรกิจ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_form_editor_get_dialog_widget (editor, "key"))), ==, "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (rcrm_form_editor_get_dialog_widget (editor, "key")), "business_type");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rcrm_form_editor_get_dialog_widget (editor, "type")),
                              RCRM_FORM_FIELD_CHOICE);
  /* a choice field needs its choices */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (rcrm_form_editor_get_dialog_widget (editor,
                                                                                                       "choices"))),
                            "ร้านอาหาร\nโรงงาน\n", -1);
  gtk_switch_set_active (GTK_SWITCH (rcrm_form_editor_get_dialog_widget (editor, "required")), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  ta_wait_painted (GTK_WIDGET (dialog), 2);
  shot = ta_save_screenshot (GTK_WIDGET (dialog), "form-editor-field");
  g_test_message ("screenshot: %s", shot);
  click_response (dialog, "_Add");
  TA_WAIT (rcrm_form_editor_get_dialog (editor) == NULL);

  /* an English label derives its key */
  dialog = rcrm_form_editor_open_field_dialog (editor, -1);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_form_editor_get_dialog_widget (editor, "label")), "Visit Date");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_form_editor_get_dialog_widget (editor, "key"))),
                   ==, "visit_date");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rcrm_form_editor_get_dialog_widget (editor, "type")),
                              RCRM_FORM_FIELD_DATE);
  click_response (dialog, "_Add");
  TA_WAIT (rcrm_form_editor_get_dialog (editor) == NULL);

  /* the date field first, then back below the choice */
  g_assert_cmpuint (rcrm_form_editor_get_n_rows (editor), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "form-editor.move-up", "u", 1));
  g_assert_cmpstr (rcrm_form_field_get_key (g_ptr_array_index (rcrm_form_get_fields (rcrm_form_editor_get_form (editor)), 0)),
                   ==, "visit_date");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "form-editor.move-down", "u", 0));

  g_assert_true (rcrm_form_editor_get_dirty (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "form-editor.save", NULL));
  TA_WAIT (!rcrm_form_editor_get_busy (editor) && !rcrm_form_editor_get_dirty (editor));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_form_editor_get_error_label (editor))));

  stored = server_form ("lead");
  g_assert_cmpuint (rcrm_form_get_fields (stored)->len, ==, 2);
  field = g_ptr_array_index (rcrm_form_get_fields (stored), 0);
  g_assert_cmpstr (rcrm_form_field_get_key (field), ==, "business_type");
  g_assert_cmpstr (rcrm_form_field_get_label (field), ==, "ประเภทธุรกิจ");
  g_assert_cmpint (rcrm_form_field_get_field_type (field), ==, RCRM_FORM_FIELD_CHOICE);
  g_assert_true (rcrm_form_field_get_required (field));
  g_assert_cmpstrv (rcrm_form_field_get_choices (field), choices);
  field = g_ptr_array_index (rcrm_form_get_fields (stored), 1);
  g_assert_cmpstr (rcrm_form_field_get_key (field), ==, "visit_date");
  g_assert_cmpint (rcrm_form_field_get_field_type (field), ==, RCRM_FORM_FIELD_DATE);

  ta_wait_painted (GTK_WIDGET (prefs), 2);
  g_free (shot);
  shot = ta_save_screenshot (GTK_WIDGET (prefs), "preferences-forms");
  g_test_message ("screenshot: %s", shot);
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* the new-lead dialog shows the fields */
  lead_dialog = rcrm_window_new_lead (window);
  custom = rcrm_lead_dialog_get_custom_fields (GTK_WIDGET (lead_dialog));
  TA_WAIT (rcrm_custom_fields_get_row (custom, "business_type") != NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (custom)));
  row = rcrm_custom_fields_get_row (custom, "business_type");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_nonnull (rcrm_custom_fields_get_row (custom, "visit_date"));

  gtk_editable_set_text (GTK_EDITABLE (rcrm_lead_dialog_get_row (RCRM_LEAD_DIALOG (lead_dialog), "name")),
                         "ร้านก๋วยเตี๋ยวเจ๊หมวย");
  gtk_editable_set_text (GTK_EDITABLE (rcrm_lead_dialog_get_row (RCRM_LEAD_DIALOG (lead_dialog), "phone")), phone);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_custom_fields_get_row (custom, "visit_date")), "5/12/2569");

  /* without the required choice the server refuses (422 custom.business_type):
   * the message is on that row, nothing typed is lost */
  rcrm_lead_dialog_submit (RCRM_LEAD_DIALOG (lead_dialog), FALSE);
  TA_WAIT (!rcrm_lead_dialog_get_busy (RCRM_LEAD_DIALOG (lead_dialog)));
  TA_WAIT (rcrm_custom_fields_get_error (custom, "business_type") != NULL);
  g_assert_null (rcrm_custom_fields_get_error (custom, "visit_date"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_lead_dialog_get_row (RCRM_LEAD_DIALOG (lead_dialog),
                                                                                  "name"))),
                   ==, "ร้านก๋วยเตี๋ยวเจ๊หมวย");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_custom_fields_get_row (custom, "visit_date"))),
                   ==, "5/12/2569");
  /* scrolled down to the custom fields, under the others */
  ta_wait_painted (GTK_WIDGET (lead_dialog), 2);
  scroll_to_end (GTK_WIDGET (lead_dialog));
  ta_wait_painted (GTK_WIDGET (lead_dialog), 3);
  g_free (shot);
  shot = ta_save_screenshot (GTK_WIDGET (lead_dialog), "lead-dialog-custom-error");
  g_test_message ("screenshot: %s", shot);

  /* a bad date is caught before the server */
  gtk_editable_set_text (GTK_EDITABLE (rcrm_custom_fields_get_row (custom, "visit_date")), "32/13/2569");
  rcrm_lead_dialog_submit (RCRM_LEAD_DIALOG (lead_dialog), FALSE);
  g_assert_false (rcrm_lead_dialog_get_busy (RCRM_LEAD_DIALOG (lead_dialog)));
  g_assert_nonnull (rcrm_custom_fields_get_error (custom, "visit_date"));
  gtk_editable_set_text (GTK_EDITABLE (rcrm_custom_fields_get_row (custom, "visit_date")), "5/12/2569");

  /* choosing a value creates the lead with it */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_null (rcrm_custom_fields_get_error (custom, "business_type"));
  rcrm_lead_dialog_submit (RCRM_LEAD_DIALOG (lead_dialog), FALSE);
  TA_WAIT (rcrm_window_get_lead_dialog (window) == NULL);

  view = RCRM_LEAD_VIEW (rcrm_window_get_lead_view (window));
  TA_WAIT (rcrm_lead_view_get_lead (view) != NULL && !rcrm_lead_view_get_busy (view));
  lead = rcrm_lead_view_get_lead (view);
  id = rcrm_lead_get_id (lead);
  {
    g_autoptr(RcrmLead) fetched = ta_fetch_lead (checker, id);
    JsonObject *values = rcrm_lead_get_custom (fetched);

    g_assert_nonnull (values);
    g_assert_cmpstr (json_object_get_string_member (values, "business_type"), ==, "โรงงาน");
    g_assert_cmpstr (json_object_get_string_member (values, "visit_date"), ==, "2026-12-05");
  }

  /* the lead page shows them and saves a change with the other details */
  custom = rcrm_lead_view_get_custom_fields (GTK_WIDGET (view));
  TA_WAIT (rcrm_custom_fields_get_row (custom, "business_type") != NULL
           && adw_combo_row_get_selected (ADW_COMBO_ROW (rcrm_custom_fields_get_row (custom, "business_type"))) == 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_custom_fields_get_row (custom, "visit_date"))),
                   ==, "05/12/2569");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rcrm_custom_fields_get_row (custom, "business_type")), 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "lead.save", NULL));
  TA_WAIT (!rcrm_lead_view_get_busy (view) && !rcrm_custom_fields_get_dirty (custom));
  {
    g_autoptr(RcrmLead) fetched = ta_fetch_lead (checker, id);

    g_assert_cmpstr (json_object_get_string_member (rcrm_lead_get_custom (fetched), "business_type"), ==,
                     "ร้านอาหาร");
  }

  /* clearing a required value on the page: the server's 422 on that row */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rcrm_custom_fields_get_row (custom, "business_type")), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "lead.save", NULL));
  TA_WAIT (!rcrm_lead_view_get_busy (view) && rcrm_custom_fields_get_error (custom, "business_type") != NULL);
  g_assert_true (rcrm_custom_fields_get_dirty (custom));

  ta_wait_painted (GTK_WIDGET (window), 2);
  g_free (shot);
  shot = ta_save_screenshot (GTK_WIDGET (window), "lead-page-custom-fields");
  g_test_message ("screenshot: %s", shot);

  ta_destroy_all_windows ();
  clear_lead_form ();
}

/* what only the server checks (a choice longer than 100 characters) comes
 * back as a 422 on fields.N.choices: shown on row N, the edits kept */
static void
test_form_server_errors (void)
{
  g_autoptr(RcrmClient) admin = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  RcrmWindow *window = ta_main_window_new (app, admin, 1100, 760);
  RcrmPreferencesWindow *prefs = open_preferences (window);
  RcrmFormEditor *editor = rcrm_preferences_window_get_form_editor (prefs, "account");
  g_autoptr(GString) long_choice = g_string_new (NULL);
  g_autoptr(RcrmForm) stored = NULL;
  AdwMessageDialog *dialog;
  AdwActionRow *row;

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           rcrm_preferences_window_get_page (prefs, "forms"));
  TA_WAIT (!rcrm_form_editor_get_busy (editor) && rcrm_form_editor_get_form (editor) != NULL);

  dialog = rcrm_form_editor_open_field_dialog (editor, -1);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_form_editor_get_dialog_widget (editor, "label")), "Grade");
  click_response (dialog, "_Add");
  TA_WAIT (rcrm_form_editor_get_dialog (editor) == NULL);

  for (guint i = 0; i < 101; i++)
    g_string_append (long_choice, "ก");
  dialog = rcrm_form_editor_open_field_dialog (editor, -1);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_form_editor_get_dialog_widget (editor, "label")), "Size");
  adw_combo_row_set_selected (ADW_COMBO_ROW (rcrm_form_editor_get_dialog_widget (editor, "type")),
                              RCRM_FORM_FIELD_CHOICE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (rcrm_form_editor_get_dialog_widget (editor,
                                                                                                       "choices"))),
                            long_choice->str, -1);
  click_response (dialog, "_Add");
  TA_WAIT (rcrm_form_editor_get_dialog (editor) == NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "form-editor.save", NULL));
  TA_WAIT (!rcrm_form_editor_get_busy (editor));
  g_assert_true (rcrm_form_editor_get_dirty (editor));
  row = rcrm_form_editor_get_row (editor, 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rcrm_form_editor_get_row (editor, 0)), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (row)));
  g_assert_cmpuint (rcrm_form_editor_get_n_rows (editor), ==, 2);

  /* nothing was stored */
  stored = server_form ("account");
  g_assert_cmpuint (rcrm_form_get_fields (stored)->len, ==, 0);

  /* the bad field removed (confirmed), the rest saves */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "form-editor.remove", "u", 1));
  TA_WAIT ((dialog = rcrm_form_editor_get_dialog (editor)) != NULL);
  click_response (dialog, "_Remove");
  TA_WAIT (rcrm_form_editor_get_n_rows (editor) == 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "form-editor.save", NULL));
  TA_WAIT (!rcrm_form_editor_get_busy (editor) && !rcrm_form_editor_get_dirty (editor));
  g_clear_object (&stored);
  stored = server_form ("account");
  g_assert_cmpuint (rcrm_form_get_fields (stored)->len, ==, 1);
  g_assert_cmpstr (rcrm_form_field_get_key (g_ptr_array_index (rcrm_form_get_fields (stored), 0)), ==, "grade");

  ta_destroy_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ta_init (&argc, &argv);
  server = tc_server_start (TRUE);
  app = ta_application_new ();
  checker = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);

  g_test_add_func ("/app/preferences/duplicates", test_duplicates);
  g_test_add_func ("/app/preferences/not-for-salespeople", test_not_for_salespeople);
  g_test_add_func ("/app/preferences/custom-form", test_custom_form);
  g_test_add_func ("/app/preferences/form-server-errors", test_form_server_errors);

  status = g_test_run ();

  g_clear_object (&checker);
  tc_server_stop (server);
  return status;
}
