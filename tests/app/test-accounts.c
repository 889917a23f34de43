/* test-accounts.c — the account register and the account page (R2–R4, R11,
 * R12, R26) driven in the real window against the real server (--demo)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "app-fixture.h"
#include "rcrm-client-accounts.h"
#include "rcrm-client-admin.h"
#include "rcrm-client-labels.h"
#include "rcrm-custom-columns.h"
#include "rcrm-labels-private.h"
#include "rcrm-segment-dialog.h"
#include "rcrm-segment-sidebar.h"

static TcServer *server;
static RcrmApplication *app;
static RcrmClient *admin;

/* ---- helpers ------------------------------------------------------------------------------- */

static JsonObject *
get_settings (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *settings;

  rcrm_client_get_settings_async (admin, NULL, tc_store_result, &result);
  settings = rcrm_client_get_settings_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);
  return settings;
}

/* patch takes ownership of nothing */
static void
patch_settings (JsonObject *patch)
{
  g_autoptr(JsonObject) settings = get_settings ();
  g_autoptr(JsonObject) patched = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_update_settings_async (admin, json_object_get_int_member (settings, "version"), patch, NULL,
                                     tc_store_result, &result);
  patched = rcrm_client_update_settings_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);
}

static void
set_account_erasure (const char *scope)
{
  g_autoptr(JsonObject) patch = json_object_new ();
  JsonObject *erasure = json_object_new ();

  json_object_set_string_member (erasure, "accounts", scope);
  json_object_set_object_member (patch, "erasure", erasure);
  patch_settings (patch);
}

static void
set_max_contacts (gint64 n)
{
  g_autoptr(JsonObject) patch = json_object_new ();

  json_object_set_int_member (patch, "max_contacts_per_account", n);
  patch_settings (patch);
}

static RcrmAccount *
create_account (RcrmClient *client,
                const char *name)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = tc_unique_phone ();
  RcrmAccount *account;

  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "phone", phone);
  json_object_set_string_member (fields, "address", "12 ถนนสีลม แขวงสุริยวงศ์ เขตบางรัก กรุงเทพฯ 10500");
  rcrm_client_create_account_async (client, fields, NULL, tc_store_result, &result);
  account = rcrm_client_create_account_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  return account;
}

static RcrmContact *
create_contact (RcrmClient  *client,
                RcrmAccount *account,
                const char  *name)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmContact *contact;

  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "position", "ผู้จัดการ");
  rcrm_client_create_contact_async (client, rcrm_account_get_id (account), fields, NULL, tc_store_result, &result);
  contact = rcrm_client_create_contact_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  return contact;
}

static RcrmAccount *
fetch_account (RcrmClient  *client,
               gint64       id,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rcrm_client_get_account_async (client, id, NULL, tc_store_result, &result);
  return rcrm_client_get_account_finish (client, tc_await (&result), error);
}

static void
wait_register (RcrmAccountRegister *reg)
{
  TA_WAIT (!rcrm_account_register_get_loading (reg));
  tc_drain ();
}

static RcrmAccountView *
open_account (RcrmWindow  *window,
              RcrmAccount *account)
{
  RcrmAccountView *view;

  rcrm_window_open_account (window, rcrm_account_get_id (account), rcrm_account_get_name (account));
  view = rcrm_window_get_account_view (window);
  TA_WAIT (rcrm_account_view_get_account (view) != NULL && !rcrm_account_view_get_busy (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), ==, "account");
  return view;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_object_get_data (G_OBJECT (child), "contact") != NULL
        || g_object_get_data (G_OBJECT (child), "lead-id") != NULL)
      n++;
  return n;
}

static AdwActionRow *
find_row (GtkListBox *list,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child)
        && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
      return ADW_ACTION_ROW (child);
  return NULL;
}

/* the row's suffix button named name ("edit", "delete", "erase") */
static GtkButton *
row_button (AdwActionRow *row,
            const char   *name)
{
  GtkWidget *stack[64];
  guint top = 0;

  stack[top++] = GTK_WIDGET (row);
  while (top > 0)
    {
      GtkWidget *widget = stack[--top];

      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
        return GTK_BUTTON (widget);
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL && top < G_N_ELEMENTS (stack);
           child = gtk_widget_get_next_sibling (child))
        stack[top++] = child;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
register_has (RcrmAccountRegister *reg,
              const char          *name)
{
  GListModel *model = rcrm_account_register_get_model (reg);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RcrmAccount) account = g_list_model_get_item (model, i);

      if (g_strcmp0 (rcrm_account_get_name (account), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- the register ----------------------------------------------------------------------------- */

static void
test_register (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autofree char *shot = NULL;
  g_autofree char *count = NULL;
  RcrmWindow *window;
  RcrmAccountRegister *reg;
  GListModel *model;
  gint64 all;

  window = ta_main_window_new (app, client, 1200, 760);
  rcrm_window_show_page (window, "accounts");
  reg = rcrm_window_get_account_register (window);
  wait_register (reg);
  model = rcrm_account_register_get_model (reg);
  all = rcrm_account_register_get_total (reg);
  g_assert_cmpint (all, >=, 50);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  count = ta_count_text ((guint) all);
  g_test_message ("count: %s / %s", gtk_label_get_text (rcrm_account_register_get_count_label (reg)), count);
  g_assert_nonnull (strstr (gtk_label_get_text (rcrm_account_register_get_count_label (reg)), "บัญชี"));
  g_assert_cmpstr (adw_window_title_get_title (rcrm_window_get_title_widget (window)), ==,
                   ta_gettext ("Account Register"));

  /* the first rows on screen in Thai; a row's cells */
  {
    g_autoptr(RcrmAccount) first = g_list_model_get_item (model, 0);
    g_autofree char *status = rcrm_account_register_dup_cell_text (reg, "status", first);

    g_assert_true (g_str_equal (status, "รอยืนยัน") || g_str_equal (status, "ยืนยันแล้ว")
                   || g_str_equal (status, "ขายได้แล้ว"));
    ta_wait_painted (GTK_WIDGET (window), 2);
    TA_WAIT (ta_find_cell_text (GTK_WIDGET (reg), rcrm_account_get_name (first)) != NULL);
  }
  shot = ta_save_screenshot (GTK_WIDGET (window), "account-register");
  g_test_message ("screenshot: %s", shot);

  /* Thai substring search, no spaces needed */
  gtk_editable_set_text (GTK_EDITABLE (rcrm_account_register_get_search_entry (reg)), "ล้านนา");
  g_signal_emit_by_name (rcrm_account_register_get_search_entry (reg), "search-changed");
  TA_WAIT (rcrm_account_register_get_total (reg) == 1 && !rcrm_account_register_get_loading (reg));
  g_assert_true (register_has (reg, "บริษัท ล้านนา คอฟฟี่ จำกัด"));
  {
    g_autoptr(RcrmAccount) found = g_list_model_get_item (model, 0);
    g_autofree char *province = rcrm_account_register_dup_cell_text (reg, "province", found);

    g_assert_cmpstr (province, ==, "เชียงใหม่");
  }

  /* nothing matches: the empty page says so */
  gtk_editable_set_text (GTK_EDITABLE (rcrm_account_register_get_search_entry (reg)), "ไม่มีบริษัทนี้แน่นอน");
  g_signal_emit_by_name (rcrm_account_register_get_search_entry (reg), "search-changed");
  TA_WAIT (rcrm_account_register_get_total (reg) == 0 && !rcrm_account_register_get_loading (reg));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (rcrm_account_register_get_stack (reg)), ==, "empty");

  /* a status filter: every row has that status */
  gtk_editable_set_text (GTK_EDITABLE (rcrm_account_register_get_search_entry (reg)), "");
  g_signal_emit_by_name (rcrm_account_register_get_search_entry (reg), "search-changed");
  gtk_drop_down_set_selected (rcrm_account_register_get_status_dropdown (reg), 3);   /* sold */
  wait_register (reg);
  TA_WAIT (!rcrm_account_register_get_loading (reg));
  g_assert_cmpint (rcrm_account_register_get_total (reg), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RcrmAccount) account = g_list_model_get_item (model, i);

      g_assert_cmpstr (rcrm_account_get_status (account), ==, "sold");
    }
  gtk_drop_down_set_selected (rcrm_account_register_get_status_dropdown (reg), 0);
  wait_register (reg);

  /* scrolled to the end, every account is there exactly once */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (rcrm_account_register_get_column_view (reg)),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

    while (g_list_model_get_n_items (model) < (guint) all)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
        ta_wait_painted (GTK_WIDGET (window), 1);
        wait_register (reg);
      }
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, (guint) all);
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(RcrmAccount) account = g_list_model_get_item (model, i);
        gint64 *id = g_new (gint64, 1);

        *id = rcrm_account_get_id (account);
        g_assert_false (g_hash_table_contains (seen, id));
        g_hash_table_add (seen, id);
      }
    g_hash_table_foreach (seen, (GHFunc) (void (*) (void)) g_free, NULL);
  }

  ta_destroy_all_windows ();
}

/* favourites first: the favourites, then the rest */
static void
test_favourites_first (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(RcrmAccount) account = create_account (admin, "ฮฮฮ ร้านโปรดท้ายสุด");
  RcrmAccountView *view;
  RcrmAccountRegister *reg;
  RcrmWindow *window;
  GListModel *model;

  window = ta_main_window_new (app, client, 1200, 760);
  view = open_account (window, account);
  /* the star on the page */
  gtk_toggle_button_set_active (rcrm_account_view_get_favourite_button (view), TRUE);
  TA_WAIT (rcrm_account_get_favourite (rcrm_account_view_get_account (view)) && !rcrm_account_view_get_busy (view));

  rcrm_window_show_page (window, "accounts");
  reg = rcrm_window_get_account_register (window);
  gtk_toggle_button_set_active (rcrm_account_register_get_favourites_button (reg), TRUE);
  wait_register (reg);
  model = rcrm_account_register_get_model (reg);
  {
    g_autoptr(RcrmAccount) first = g_list_model_get_item (model, 0);
    g_autofree char *star = rcrm_account_register_dup_cell_text (reg, "favourite", first);

    g_assert_true (rcrm_account_get_favourite (first));
    g_assert_cmpstr (star, ==, "★");
  }
  {
    gboolean in_rest = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(RcrmAccount) item = g_list_model_get_item (model, i);

        if (!rcrm_account_get_favourite (item))
          in_rest = TRUE;
        else
          g_assert_false (in_rest);
      }
  }
  g_assert_true (register_has (reg, rcrm_account_get_name (account)));
  ta_destroy_all_windows ();
}

/* ---- the account page --------------------------------------------------------------------------- */

static void
test_edit_conflict (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), TA_DEMO_USER, TC_DEMO_PASSWORD);
  g_autoptr(RcrmAccount) account = create_account (client, "บริษัท แก้ไขพร้อมกัน จำกัด");
  g_autoptr(RcrmAccount) theirs = NULL;
  g_autoptr(RcrmAccount) stored = NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  RcrmAccountForm *form;
  RcrmAccountView *view;
  RcrmWindow *window;
  AdwEntryRow *email_row;

  window = ta_main_window_new (app, client, 1100, 900);
  view = open_account (window, account);
  form = rcrm_account_view_get_form (view);
  g_assert_cmpstr (adw_window_title_get_title (rcrm_window_get_title_widget (window)), ==,
                   rcrm_account_get_name (account));

  /* a bad value: the row says why, the text stays */
  email_row = ADW_ENTRY_ROW (rcrm_account_form_get_row (form, "email"));
  gtk_editable_set_text (GTK_EDITABLE (email_row), "ไม่ใช่อีเมล");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "account.save", NULL));
  TA_WAIT (rcrm_account_form_get_error (form, "email") != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email_row)), ==, "ไม่ใช่อีเมล");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (email_row), "error"));

  /* someone else saves the address meanwhile */
  json_object_set_string_member (changes, "address", "99 ถนนนิมมานเหมินท์ จ.เชียงใหม่ 50200");
  rcrm_client_update_account_async (admin, rcrm_account_get_id (account), rcrm_account_get_version (account),
                                    changes, NULL, tc_store_result, &result);
  theirs = rcrm_client_update_account_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);

  gtk_editable_set_text (GTK_EDITABLE (email_row), "sales@edit-conflict.co.th");
  gtk_editable_set_text (GTK_EDITABLE (rcrm_account_form_get_row (form, "address")), "1 ถนนพระราม 4 กรุงเทพฯ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "account.save", NULL));
  TA_WAIT (gtk_revealer_get_reveal_child (rcrm_account_view_get_conflict_revealer (view)));
  g_assert_nonnull (strstr (gtk_label_get_text (rcrm_account_view_get_conflict_label (view)), "นิมมานเหมินท์"));
  /* the user's edits are still in the rows */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email_row)), ==, "sales@edit-conflict.co.th");
  ta_wait_painted (GTK_WIDGET (window), 2);
  shot = ta_save_screenshot (GTK_WIDGET (window), "account-conflict");
  g_test_message ("screenshot: %s", shot);

  /* keep mine: saved over their version */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "account.keep-mine", NULL));
  TA_WAIT (!rcrm_account_view_get_busy (view)
           && g_strcmp0 (rcrm_account_get_email (rcrm_account_view_get_account (view)),
                         "sales@edit-conflict.co.th") == 0);
  stored = fetch_account (admin, rcrm_account_get_id (account), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rcrm_account_get_email (stored), ==, "sales@edit-conflict.co.th");
  g_assert_cmpstr (rcrm_account_get_address (stored), ==, "1 ถนนพระราม 4 กรุงเทพฯ");
  g_assert_cmpint (rcrm_account_get_version (stored), >, rcrm_account_get_version (theirs));
  g_assert_false (gtk_revealer_get_reveal_child (rcrm_account_view_get_conflict_revealer (view)));
  TA_WAIT (g_strcmp0 (rcrm_window_get_last_toast (window), ta_gettext ("Account saved")) == 0);

  ta_destroy_all_windows ();
}

static void
test_contacts_quota (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), TA_DEMO_USER, TC_DEMO_PASSWORD);
  g_autoptr(RcrmAccount) account = create_account (client, "บริษัท ผู้ติดต่อเต็ม จำกัด");
  g_autoptr(RcrmContact) first = create_contact (client, account, "คุณหนึ่ง ทดสอบ");
  g_autoptr(RcrmContact) second = create_contact (client, account, "คุณสอง ทดสอบ");
  g_autofree char *shot = NULL;
  g_autofree char *quota = NULL;
  RcrmContactDialog *dialog;
  AdwMessageDialog *confirm;
  RcrmAccountView *view;
  RcrmWindow *window;
  GtkListBox *contacts;

  set_max_contacts (2);
  window = ta_main_window_new (app, client, 1100, 900);
  view = open_account (window, account);
  contacts = rcrm_account_view_get_list (view, "contacts");
  TA_WAIT (n_rows (contacts) == 2);
  quota = g_strdup_printf (ta_gettext ("%u of %u"), 2u, 2u);
  TA_WAIT (g_strcmp0 (adw_preferences_group_get_description (rcrm_account_view_get_group (view, "contacts")),
                      quota) == 0);

  /* a third one: refused in Thai, what was typed stays */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "account.add-contact", NULL));
  dialog = RCRM_CONTACT_DIALOG (rcrm_account_view_get_dialog (view));
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_contact_dialog_get_row (dialog, "name")), "คุณสาม เกินโควตา");
  gtk_editable_set_text (GTK_EDITABLE (rcrm_contact_dialog_get_row (dialog, "phone")), "081-234-5679");
  rcrm_contact_dialog_submit (dialog);
  TA_WAIT (!rcrm_contact_dialog_get_busy (dialog) && *rcrm_contact_dialog_get_error (dialog) != '\0');
  {
    g_autofree char *expected = g_strdup_printf (ta_gettext ("This account already has the most contacts allowed (%d). "
                                                             "Delete one to add another."), 2);

    g_assert_cmpstr (rcrm_contact_dialog_get_error (dialog), ==, expected);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_contact_dialog_get_row (dialog, "name"))), ==,
                   "คุณสาม เกินโควตา");
  ta_wait_painted (GTK_WIDGET (dialog), 2);
  shot = ta_save_screenshot (GTK_WIDGET (dialog), "contact-quota");
  g_test_message ("screenshot: %s", shot);

  /* make room: delete the first one (confirmed) */
  {
    AdwActionRow *row = find_row (contacts, "คุณหนึ่ง ทดสอบ");

    g_assert_nonnull (row);
    g_signal_emit_by_name (row_button (row, "delete"), "clicked");
    TA_WAIT ((confirm = find_message_dialog (ta_gettext ("Delete Contact?"))) != NULL);
    adw_message_dialog_response (confirm, "delete");
    gtk_window_destroy (GTK_WINDOW (confirm));
  }
  TA_WAIT (n_rows (contacts) == 1 && !rcrm_account_view_get_busy (view));

  /* the same dialog, the same input: now it is added */
  rcrm_contact_dialog_submit (dialog);
  TA_WAIT (n_rows (contacts) == 2 && find_row (contacts, "คุณสาม เกินโควตา") != NULL);
  g_assert_null (rcrm_account_view_get_dialog (view));

  /* edit: the dialog starts with the contact's values */
  g_signal_emit_by_name (row_button (find_row (contacts, "คุณสอง ทดสอบ"), "edit"), "clicked");
  dialog = RCRM_CONTACT_DIALOG (rcrm_account_view_get_dialog (view));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_contact_dialog_get_row (dialog, "position"))), ==,
                   "ผู้จัดการ");
  gtk_editable_set_text (GTK_EDITABLE (rcrm_contact_dialog_get_row (dialog, "position")), "ผู้อำนวยการ");
  rcrm_contact_dialog_submit (dialog);
  TA_WAIT (rcrm_account_view_get_dialog (view) == NULL);
  TA_WAIT (find_row (contacts, "คุณสอง ทดสอบ") != NULL
           && g_str_has_prefix (adw_action_row_get_subtitle (find_row (contacts, "คุณสอง ทดสอบ")), "ผู้อำนวยการ"));

  set_max_contacts (10);
  ta_destroy_all_windows ();
}

static void
test_new_lead_and_history (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), TA_DEMO_USER, TC_DEMO_PASSWORD);
  g_autoptr(RcrmAccount) account = create_account (client, "บริษัท ซื้อซ้ำ จำกัด");
  g_autoptr(RcrmPipeline) standard = tc_standard_pipeline (client);
  g_autoptr(RcrmLead) won = NULL;
  g_autoptr(RcrmLead) moved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *source = tc_first_lead_source (client);
  g_autofree char *shot = NULL;
  g_autofree char *won_on = NULL;
  RcrmLeadDialog *dialog;
  RcrmAccountView *view;
  RcrmWindow *window;
  GtkListBox *leads, *history;

  /* a won lead of the account (R3) */
  json_object_set_string_member (fields, "source", source);
  json_object_set_string_member (fields, "name", "งานติดตั้งระบบ");
  json_object_set_int_member (fields, "value", 1250050);
  rcrm_client_create_account_lead_async (client, rcrm_account_get_id (account), fields, NULL, tc_store_result, &result);
  won = rcrm_client_create_account_lead_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  rcrm_client_move_lead_async (client, rcrm_lead_get_id (won), rcrm_lead_get_pipeline_id (won),
                               rcrm_pipeline_get_n_steps (standard) - 1, NULL, tc_store_result, &result);
  moved = rcrm_client_move_lead_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);

  window = ta_main_window_new (app, client, 1100, 1000);
  view = open_account (window, account);
  leads = rcrm_account_view_get_list (view, "leads");
  history = rcrm_account_view_get_list (view, "history");
  TA_WAIT (n_rows (history) == 1);
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sale, %s in total",
                                                              "%u sales, %s in total", 1),
                                                 1u, "฿12,500.50");
    AdwActionRow *row = find_row (history, "งานติดตั้งระบบ");
    g_autofree char *date = NULL;

    g_assert_cmpstr (adw_preferences_group_get_description (rcrm_account_view_get_group (view, "history")), ==,
                     expected);
    g_assert_nonnull (row);
    /* a Buddhist-era date: 25xx */
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "25"));
    date = g_strdup (adw_action_row_get_subtitle (row));
    g_test_message ("won row: %s", date);
  }

  /* R4: a new lead from the account, pre-filled */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "account.new-lead", NULL));
  dialog = RCRM_LEAD_DIALOG (rcrm_account_view_get_dialog (view));
  g_assert_nonnull (dialog);
  g_assert_cmpint (rcrm_lead_dialog_get_account_id (dialog), ==, rcrm_account_get_id (account));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_lead_dialog_get_row (dialog, "company"))), ==,
                   rcrm_account_get_name (account));
  gtk_editable_set_text (GTK_EDITABLE (rcrm_lead_dialog_get_row (dialog, "name")), "งานบำรุงรักษาปีที่สอง");
  ta_wait_painted (GTK_WIDGET (dialog), 2);
  shot = ta_save_screenshot (GTK_WIDGET (dialog), "account-new-lead");
  g_test_message ("screenshot: %s", shot);
  rcrm_lead_dialog_submit (dialog, TRUE);
  TA_WAIT (find_row (leads, "งานบำรุงรักษาปีที่สอง") != NULL);
  g_assert_cmpuint (n_rows (leads), ==, 2);

  /* its row opens the lead; back returns to the account */
  g_signal_emit_by_name (leads, "row-activated", find_row (leads, "งานบำรุงรักษาปีที่สอง"));
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), "lead") == 0);
  {
    RcrmLeadView *lead_view = RCRM_LEAD_VIEW (rcrm_window_get_lead_view (window));
    RcrmLead *lead;

    TA_WAIT ((lead = rcrm_lead_view_get_lead (lead_view)) != NULL);
    g_assert_cmpint (rcrm_lead_get_account_id (lead), ==, rcrm_account_get_id (account));
    {
      GtkLabel *open = NULL;

      TA_WAIT ((open = ta_find_label (GTK_WIDGET (lead_view), ta_gettext ("Open Account"))) != NULL);
      ta_wait_painted (GTK_WIDGET (window), 2);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (open)));
    }
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), ==, "account");

  /* and from the lead page to its account ("Open Account") */
  g_signal_emit_by_name (leads, "row-activated", find_row (leads, "งานบำรุงรักษาปีที่สอง"));
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), "lead") == 0);
  TA_WAIT (rcrm_lead_view_get_lead (RCRM_LEAD_VIEW (rcrm_window_get_lead_view (window))) != NULL);
  g_assert_true (gtk_widget_activate_action (rcrm_window_get_lead_view (window), "lead.open-account", NULL));
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), "account") == 0);
  TA_WAIT (!rcrm_account_view_get_busy (view) && rcrm_account_view_get_account (view) != NULL);
  g_assert_cmpstr (adw_window_title_get_title (rcrm_window_get_title_widget (window)), ==,
                   rcrm_account_get_name (account));

  ta_wait_painted (GTK_WIDGET (window), 2);
  g_clear_pointer (&shot, g_free);
  shot = ta_save_screenshot (GTK_WIDGET (window), "account-page");
  g_test_message ("screenshot: %s", shot);
  ta_destroy_all_windows ();
}

static void
test_new_account (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), TA_DEMO_USER, TC_DEMO_PASSWORD);
  RcrmAccountRegister *reg;
  RcrmAccountDialog *dialog;
  RcrmAccountForm *form;
  RcrmAccountView *view;
  RcrmWindow *window;

  window = ta_main_window_new (app, client, 1100, 900);
  rcrm_window_show_page (window, "accounts");
  reg = rcrm_window_get_account_register (window);
  wait_register (reg);
  dialog = RCRM_ACCOUNT_DIALOG (rcrm_account_register_new_account (reg));
  form = rcrm_account_dialog_get_form (dialog);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_account_form_get_row (form, "name")), "บริษัท ลูกค้าใหม่ล่าสุด จำกัด");
  gtk_editable_set_text (GTK_EDITABLE (rcrm_account_form_get_row (form, "tax_id")), "1234567890123");
  gtk_editable_set_text (GTK_EDITABLE (rcrm_account_form_get_row (form, "branch")), "สาขา 7");
  rcrm_account_dialog_submit (dialog);
  TA_WAIT (!rcrm_account_dialog_get_busy (dialog) && rcrm_account_form_get_error (form, "tax_id") != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_account_form_get_row (form, "name"))), ==,
                   "บริษัท ลูกค้าใหม่ล่าสุด จำกัด");

  gtk_editable_set_text (GTK_EDITABLE (rcrm_account_form_get_row (form, "tax_id")), "0-1055-51234-56-7");
  rcrm_account_dialog_submit (dialog);
  /* created: the page opens on it */
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), "account") == 0);
  view = rcrm_window_get_account_view (window);
  TA_WAIT (rcrm_account_view_get_account (view) != NULL && !rcrm_account_view_get_busy (view));
  g_assert_cmpstr (rcrm_account_get_branch (rcrm_account_view_get_account (view)), ==, "00007");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_account_form_get_row (rcrm_account_view_get_form (view),
                                                                                   "branch"))), ==,
                   "สาขาที่ 00007");
  ta_destroy_all_windows ();
}

/* ---- PDPA erasure on the account and contact pages (R26) ------------------------------------- */

static void
erase_through_dialog (RcrmAccountView *view,
                      const char      *name)
{
  AdwMessageDialog *dialog;

  TA_WAIT ((dialog = rcrm_account_view_get_erase_dialog (view)) != NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "erase"));
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "rcrm-erase-entry")), name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "erase"));
  g_signal_emit_by_name (ta_find_button (GTK_WIDGET (dialog), ta_gettext ("_Erase Permanently")), "clicked");
}

static void
test_erase (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(RcrmAccount) account = create_account (admin, "บริษัท ลบข้อมูลลูกค้า จำกัด");
  g_autoptr(RcrmContact) contact = create_contact (admin, account, "คุณลบได้ ทดสอบ");
  g_autoptr(RcrmContact) other = create_contact (admin, account, "คุณคนที่สอง ทดสอบ");
  g_autoptr(RcrmAccount) gone = NULL;
  g_autoptr(GError) error = NULL;
  RcrmAccountRegister *reg;
  RcrmAccountView *view;
  RcrmWindow *window;
  GtkListBox *contacts;

  set_account_erasure ("contacts_and_accounts");
  window = ta_main_window_new (app, client, 1100, 900);
  view = open_account (window, account);
  contacts = rcrm_account_view_get_list (view, "contacts");
  TA_WAIT (n_rows (contacts) == 2 && gtk_widget_get_visible (rcrm_account_view_get_more_button (view)));

  /* a contact, from its row */
  g_assert_nonnull (row_button (find_row (contacts, "คุณลบได้ ทดสอบ"), "erase"));
  g_signal_emit_by_name (row_button (find_row (contacts, "คุณลบได้ ทดสอบ"), "erase"), "clicked");
  erase_through_dialog (view, "คุณลบได้ ทดสอบ");
  TA_WAIT (n_rows (contacts) == 1 && find_row (contacts, "คุณลบได้ ทดสอบ") == NULL);
  TA_WAIT (g_strcmp0 (rcrm_window_get_last_toast (window), ta_gettext ("The contact's personal data was erased")) == 0);

  /* the account itself: the register no longer has it, the server says 404 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "account.erase", NULL));
  erase_through_dialog (view, rcrm_account_get_name (account));
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), "accounts") == 0);
  TA_WAIT (g_strcmp0 (rcrm_window_get_last_toast (window), ta_gettext ("The account's personal data was erased")) == 0);
  reg = rcrm_window_get_account_register (window);
  wait_register (reg);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_account_register_get_search_entry (reg)), "ลบข้อมูลลูกค้า");
  g_signal_emit_by_name (rcrm_account_register_get_search_entry (reg), "search-changed");
  TA_WAIT (!rcrm_account_register_get_loading (reg) && rcrm_account_register_get_total (reg) == 0);
  gone = fetch_account (admin, rcrm_account_get_id (account), &error);
  g_assert_null (gone);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);

  ta_destroy_all_windows ();
}

/* scope "contacts": the account stays without its contacts; "off" and
 * salespeople: no item at all */
static void
test_erase_scopes (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(RcrmClient) sales = tc_client_signed_in (tc_server_url (server), TA_DEMO_USER, TC_DEMO_PASSWORD);
  g_autoptr(RcrmAccount) account = create_account (admin, "บริษัท ลบเฉพาะผู้ติดต่อ จำกัด");
  g_autoptr(RcrmContact) contact = create_contact (admin, account, "คุณผู้ติดต่อ ลบทิ้ง");
  g_autoptr(RcrmAccount) mine = create_account (sales, "บริษัท ของพนักงานขาย จำกัด");
  g_autoptr(RcrmAccount) still = NULL;
  g_autoptr(GError) error = NULL;
  RcrmAccountView *view;
  RcrmWindow *window;
  GtkListBox *contacts;

  set_account_erasure ("contacts");
  window = ta_main_window_new (app, client, 1100, 900);
  view = open_account (window, account);
  contacts = rcrm_account_view_get_list (view, "contacts");
  TA_WAIT (n_rows (contacts) == 1 && gtk_widget_get_visible (rcrm_account_view_get_more_button (view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "account.erase", NULL));
  erase_through_dialog (view, rcrm_account_get_name (account));
  TA_WAIT (n_rows (contacts) == 0 && !rcrm_account_view_get_busy (view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), ==, "account");
  still = fetch_account (admin, rcrm_account_get_id (account), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rcrm_account_get_contact_count (still), ==, 0);
  ta_destroy_all_windows ();

  /* off: no menu, no row button */
  set_account_erasure ("off");
  {
    g_autoptr(RcrmContact) again = create_contact (admin, account, "คุณใหม่ หลังปิด");

    window = ta_main_window_new (app, client, 1100, 900);
    view = open_account (window, account);
    contacts = rcrm_account_view_get_list (view, "contacts");
    TA_WAIT (n_rows (contacts) == 1);
    g_assert_false (gtk_widget_get_visible (rcrm_account_view_get_more_button (view)));
    g_assert_null (row_button (find_row (contacts, "คุณใหม่ หลังปิด"), "erase"));
    gtk_widget_activate_action (GTK_WIDGET (view), "account.erase", NULL);
    tc_drain ();
    g_assert_null (rcrm_account_view_get_erase_dialog (view));
    ta_destroy_all_windows ();
  }

  /* a salesperson, erasure on: still nothing */
  set_account_erasure ("contacts_and_accounts");
  {
    g_autoptr(RcrmContact) theirs = create_contact (sales, mine, "คุณลูกค้า ของฉัน");

    window = ta_main_window_new (app, sales, 1100, 900);
    view = open_account (window, mine);
    contacts = rcrm_account_view_get_list (view, "contacts");
    TA_WAIT (n_rows (contacts) == 1);
    g_assert_false (gtk_widget_get_visible (rcrm_account_view_get_more_button (view)));
    g_assert_null (row_button (find_row (contacts, "คุณลูกค้า ของฉัน"), "erase"));
    ta_destroy_all_windows ();
  }
  set_account_erasure ("off");
}

/* ---- account segments (R13) ------------------------------------------------------------------- */

static void
test_segment (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autofree char *name = g_strdup_printf ("ลูกค้าที่ขายได้ %d", (int) getpid ());
  g_autofree char *shot = NULL;
  RcrmSegmentSidebar *sidebar;
  RcrmAccountRegister *reg;
  RcrmSegmentDialog *dialog;
  RcrmSegment *segment = NULL;
  GtkListBoxRow *row;
  GListModel *model;
  RcrmWindow *window;
  gint64 sold;

  window = ta_main_window_new (app, client, 1200, 760);
  rcrm_window_show_page (window, "accounts");
  reg = rcrm_window_get_account_register (window);
  wait_register (reg);
  gtk_drop_down_set_selected (rcrm_account_register_get_status_dropdown (reg), 3);   /* sold */
  wait_register (reg);
  TA_WAIT (!rcrm_account_register_get_loading (reg));
  sold = rcrm_account_register_get_total (reg);
  g_assert_cmpint (sold, >, 0);

  dialog = RCRM_SEGMENT_DIALOG (rcrm_account_register_save_segment (reg));
  gtk_editable_set_text (GTK_EDITABLE (rcrm_segment_dialog_get_name_row (dialog)), name);
  rcrm_segment_dialog_submit (dialog);

  /* in the sidebar with its count; opened, the register shows its members */
  sidebar = rcrm_window_get_segment_sidebar (window);
  TA_WAIT (!rcrm_segment_sidebar_get_loading (sidebar) && ta_find_label (GTK_WIDGET (rcrm_window_get_sidebar (window)),
                                                                          name) != NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (rcrm_window_get_sidebar (window)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ta_find_label (child, name) != NULL)
      segment = g_object_get_data (G_OBJECT (child), "rcrm-segment");
  g_assert_nonnull (segment);
  g_assert_cmpstr (rcrm_segment_get_entity (segment), ==, "accounts");
  g_assert_cmpint (rcrm_segment_get_count (segment), ==, sold);
  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), rcrm_segment_get_filter (segment));
    g_autofree char *filter = json_to_string (node, FALSE);

    g_test_message ("filter: %s", filter);
    g_assert_nonnull (strstr (filter, "\"status\""));
    g_assert_nonnull (strstr (filter, "sold"));
  }

  rcrm_window_show_page (window, "inbox");
  gtk_drop_down_set_selected (rcrm_account_register_get_status_dropdown (reg), 0);
  row = rcrm_segment_sidebar_get_row (sidebar, rcrm_segment_get_id (segment));
  g_signal_emit_by_name (rcrm_window_get_sidebar (window), "row-activated", row);
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), "accounts") == 0);
  TA_WAIT (rcrm_account_register_get_segment (reg) == rcrm_segment_get_id (segment));
  wait_register (reg);
  TA_WAIT (!rcrm_account_register_get_loading (reg) && rcrm_account_register_get_total (reg) == sold);
  g_assert_cmpstr (adw_window_title_get_title (rcrm_window_get_title_widget (window)), ==, name);
  model = rcrm_account_register_get_model (reg);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RcrmAccount) account = g_list_model_get_item (model, i);

      g_assert_cmpstr (rcrm_account_get_status (account), ==, "sold");
    }
  ta_wait_painted (GTK_WIDGET (window), 2);
  shot = ta_save_screenshot (GTK_WIDGET (window), "account-segment");
  g_test_message ("screenshot: %s", shot);

  /* the register's own row: every account again */
  g_signal_emit_by_name (rcrm_window_get_sidebar (window), "row-activated",
                         gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (
                           gtk_widget_get_first_child (GTK_WIDGET (rcrm_window_get_sidebar (window))))));
  TA_WAIT (rcrm_account_register_get_segment (reg) == 0);
  wait_register (reg);
  TA_WAIT (!rcrm_account_register_get_loading (reg) && rcrm_account_register_get_total (reg) > sold);
  g_assert_cmpstr (adw_window_title_get_title (rcrm_window_get_title_widget (window)), ==,
                   ta_gettext ("Account Register"));
  ta_destroy_all_windows ();
}

/* ---- custom columns (R22) ---------------------------------------------------------------------- */

static void
put_form (const char *entity,
          gboolean    with_fields)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmForm) form = NULL;
  g_autoptr(RcrmForm) saved = NULL;

  rcrm_client_get_form_async (admin, entity, NULL, tc_store_result, &result);
  form = rcrm_client_get_form_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (rcrm_form_get_fields (form), 0);
  if (with_fields)
    {
      g_ptr_array_add (rcrm_form_get_fields (form),
                       rcrm_form_field_new ("industry", "ประเภทธุรกิจ", RCRM_FORM_FIELD_TEXT, FALSE));
      g_ptr_array_add (rcrm_form_get_fields (form),
                       rcrm_form_field_new ("since", "ลูกค้าตั้งแต่", RCRM_FORM_FIELD_DATE, FALSE));
    }
  rcrm_client_put_form_async (admin, form, NULL, tc_store_result, &result2);
  saved = rcrm_client_put_form_finish (admin, tc_await (&result2), &error);
  g_assert_no_error (error);
}

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  return NULL;
}

static void
test_custom_columns (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) custom = json_object_new ();
  g_autoptr(RcrmAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RcrmAccountRegister *reg;
  RcrmInboxPage *inbox;
  RcrmWindow *window;

  put_form ("account", TRUE);
  put_form ("lead", TRUE);
  json_object_set_string_member (fields, "name", "บริษัท คอลัมน์พิเศษ จำกัด");
  json_object_set_string_member (custom, "industry", "โรงแรมและรีสอร์ท");
  json_object_set_string_member (custom, "since", "2024-03-15");
  json_object_set_object_member (fields, "custom", json_object_ref (custom));
  rcrm_client_create_account_async (admin, fields, NULL, tc_store_result, &result);
  account = rcrm_client_create_account_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);

  window = ta_main_window_new (app, client, 1400, 760);
  /* the inbox: the lead form's fields are columns too */
  inbox = rcrm_window_get_inbox_page (window);
  TA_WAIT (find_column (rcrm_inbox_page_get_column_view (inbox), "ประเภทธุรกิจ") != NULL);

  rcrm_window_show_page (window, "accounts");
  reg = rcrm_window_get_account_register (window);
  TA_WAIT (find_column (rcrm_account_register_get_column_view (reg), "ลูกค้าตั้งแต่") != NULL);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_account_register_get_search_entry (reg)), "คอลัมน์พิเศษ");
  TA_WAIT (!rcrm_account_register_get_loading (reg) && rcrm_account_register_get_total (reg) == 1);
  ta_wait_painted (GTK_WIDGET (window), 2);
  TA_WAIT (ta_find_cell_text (GTK_WIDGET (reg), "โรงแรมและรีสอร์ท") != NULL);
  /* the date in the Buddhist era (2567) */
  {
    g_autoptr(RcrmFormField) since = rcrm_form_field_new ("since", "ลูกค้าตั้งแต่", RCRM_FORM_FIELD_DATE, FALSE);
    g_autofree char *text = rcrm_custom_value_text (since, custom);

    g_assert_nonnull (strstr (text, "2567"));
    TA_WAIT (ta_find_cell_text (GTK_WIDGET (reg), text) != NULL);
  }

  ta_destroy_all_windows ();
  put_form ("account", FALSE);
  put_form ("lead", FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ta_init (&argc, &argv);
  server = tc_server_start (TRUE);
  app = ta_application_new ();
  admin = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);

  g_test_add_func ("/app/accounts/register", test_register);
  g_test_add_func ("/app/accounts/favourites-first", test_favourites_first);
  g_test_add_func ("/app/accounts/edit-conflict", test_edit_conflict);
  g_test_add_func ("/app/accounts/contacts-quota", test_contacts_quota);
  g_test_add_func ("/app/accounts/new-lead-and-history", test_new_lead_and_history);
  g_test_add_func ("/app/accounts/new-account", test_new_account);
  g_test_add_func ("/app/accounts/segment", test_segment);
  g_test_add_func ("/app/accounts/custom-columns", test_custom_columns);
  g_test_add_func ("/app/accounts/erase", test_erase);
  g_test_add_func ("/app/accounts/erase-scopes", test_erase_scopes);

  status = g_test_run ();

  g_clear_object (&admin);
  tc_server_stop (server);
  return status;
}
