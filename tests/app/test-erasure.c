/* test-erasure.c — "Erase Personal Data" on the lead page (R26) against the
 * real server
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The item is in the lead page's menu for administrators only, and only
 * while settings.erasure.leads is on.  The confirmation asks for the lead's
 * exact name; afterwards the lead is gone from the server (404) and from the
 * inbox.
 */
#include "config.h"

#include <string.h>

#include "app-fixture.h"
#include "rcrm-admin-private.h"
#include "rcrm-client-admin.h"

static TcServer *server;
static RcrmApplication *app;
static RcrmClient *admin;      /* the tests' own admin session */
static gboolean have_erasure;  /* the server has the erasure endpoints */

static void
set_lead_erasure (gboolean on)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(JsonObject) patched = NULL;
  g_autoptr(JsonObject) patch = json_object_new ();
  JsonObject *erasure = json_object_new ();

  rcrm_client_get_settings_async (admin, NULL, tc_store_result, &result);
  settings = rcrm_client_get_settings_finish (admin, tc_await (&result), &error);
  g_assert_no_error (error);

  json_object_set_boolean_member (erasure, "leads", on);
  json_object_set_object_member (patch, "erasure", erasure);
  rcrm_client_update_settings_async (admin, json_object_get_int_member (settings, "version"), patch, NULL,
                                     tc_store_result, &result2);
  patched = rcrm_client_update_settings_finish (admin, tc_await (&result2), &error);
  g_assert_no_error (error);
}

/* a shown message dialog with heading, or NULL */
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

/* the lead page of window showing lead */
static RcrmLeadView *
open_lead (RcrmWindow *window,
           RcrmLead   *lead)
{
  rcrm_window_open_lead (window, rcrm_lead_get_id (lead), rcrm_lead_get_name (lead));
  return ta_window_wait_lead (window, rcrm_lead_get_id (lead));
}

static void
test_erase (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autofree char *token = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(RcrmLead) gone = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  RcrmWindow *window;
  RcrmInboxPage *inbox;
  RcrmLeadView *view;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  GtkButton *button;
  const char *name;

  set_lead_erasure (TRUE);
  lead = ta_create_lead (admin, "ลบข้อมูล", &token);
  name = rcrm_lead_get_name (lead);
  window = ta_main_window_new (app, client, 1100, 760);
  inbox = rcrm_window_get_inbox_page (window);
  ta_inbox_search (inbox, token);
  g_assert_true (ta_inbox_has_lead (inbox, rcrm_lead_get_id (lead)));

  view = open_lead (window, lead);
  /* the menu with the item is there for an administrator */
  g_assert_true (gtk_widget_get_visible (rcrm_lead_view_get_more_button (GTK_WIDGET (view))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "lead.erase", NULL));
  TA_WAIT ((dialog = rcrm_lead_view_get_erase_dialog (GTK_WIDGET (view))) != NULL);
  ta_wait_painted (GTK_WIDGET (dialog), 1);

  /* the destructive button waits for the exact name */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "erase"));
  entry = GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "rcrm-erase-entry"));
  gtk_editable_set_text (entry, "ลบข้อมูล");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "erase"));
  gtk_editable_set_text (entry, token);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "erase"));
  gtk_editable_set_text (entry, name);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "erase"));
  ta_wait_painted (GTK_WIDGET (dialog), 2);
  shot = ta_save_screenshot (GTK_WIDGET (dialog), "erase-dialog");
  g_test_message ("screenshot: %s", shot);

  button = ta_find_button (GTK_WIDGET (dialog), ta_gettext ("_Erase Permanently"));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_assert_true (have_erasure);
  g_signal_emit_by_name (button, "clicked");

  /* the window leaves the lead page and says so; the inbox no longer has it */
  TA_WAIT (g_strcmp0 (gtk_stack_get_visible_child_name (rcrm_window_get_content_stack (window)), "inbox") == 0);
  TA_WAIT (g_strcmp0 (rcrm_window_get_last_toast (window), ta_gettext ("The lead's personal data was erased")) == 0);
  ta_inbox_wait_loaded (inbox);
  g_assert_false (ta_inbox_has_lead (inbox, rcrm_lead_get_id (lead)));

  rcrm_client_get_lead_async (admin, rcrm_lead_get_id (lead), NULL, tc_store_result, &result);
  gone = rcrm_client_get_lead_finish (admin, tc_await (&result), &error);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND);
  g_assert_null (gone);

  ta_destroy_all_windows ();
}

static void
test_disabled (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(RcrmLead) lead = ta_create_lead (admin, "ไม่ให้ลบ", NULL);
  RcrmWindow *window;
  RcrmLeadView *view;

  set_lead_erasure (FALSE);
  window = ta_main_window_new (app, client, 1100, 760);
  view = open_lead (window, lead);

  g_assert_false (gtk_widget_get_visible (rcrm_lead_view_get_more_button (GTK_WIDGET (view))));
  gtk_widget_activate_action (GTK_WIDGET (view), "lead.erase", NULL);
  tc_drain ();
  g_assert_null (rcrm_lead_view_get_erase_dialog (GTK_WIDGET (view)));

  ta_destroy_all_windows ();
}

/* switched off by someone else while the page showed the item: the server's
 * refusal (403 erasure_disabled) is shown in Thai, with where to switch it on */
static void
test_switched_off_meanwhile (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), "admin", TC_ADMIN_PASSWORD);
  g_autoptr(RcrmLead) lead = ta_create_lead (admin, "ปิดระหว่างทาง", NULL);
  g_autofree char *shot = NULL;
  AdwMessageDialog *dialog, *failure;
  RcrmWindow *window;
  RcrmLeadView *view;

  g_assert_true (have_erasure);
  set_lead_erasure (TRUE);
  window = ta_main_window_new (app, client, 1100, 760);
  view = open_lead (window, lead);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "lead.erase", NULL));
  TA_WAIT ((dialog = rcrm_lead_view_get_erase_dialog (GTK_WIDGET (view))) != NULL);
  set_lead_erasure (FALSE);

  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "rcrm-erase-entry")),
                         rcrm_lead_get_name (lead));
  g_signal_emit_by_name (ta_find_button (GTK_WIDGET (dialog), ta_gettext ("_Erase Permanently")), "clicked");

  TA_WAIT ((failure = find_message_dialog (ta_gettext ("Could Not Erase the Data"))) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (failure),
                            ta_gettext ("An administrator can switch erasure on in Preferences → Personal Data.")));
  ta_wait_painted (GTK_WIDGET (failure), 2);
  shot = ta_save_screenshot (GTK_WIDGET (failure), "erase-refused");
  g_test_message ("screenshot: %s", shot);

  /* nothing was erased */
  {
    g_autoptr(RcrmLead) still = ta_fetch_lead (admin, rcrm_lead_get_id (lead));

    g_assert_cmpstr (rcrm_lead_get_name (still), ==, rcrm_lead_get_name (lead));
  }
  ta_destroy_all_windows ();
}

static void
test_not_for_salespeople (void)
{
  g_autoptr(RcrmClient) client = tc_client_signed_in (tc_server_url (server), TA_DEMO_USER, TC_DEMO_PASSWORD);
  g_autoptr(RcrmLead) lead = ta_create_lead (client, "ของสมชาย", NULL);
  RcrmWindow *window;
  RcrmLeadView *view;

  set_lead_erasure (TRUE);
  window = ta_main_window_new (app, client, 1100, 760);
  view = open_lead (window, lead);

  g_assert_false (gtk_widget_get_visible (rcrm_lead_view_get_more_button (GTK_WIDGET (view))));
  gtk_widget_activate_action (GTK_WIDGET (view), "lead.erase", NULL);
  tc_drain ();
  g_assert_null (rcrm_lead_view_get_erase_dialog (GTK_WIDGET (view)));

  ta_destroy_all_windows ();
  set_lead_erasure (FALSE);
}

/* the endpoints answer 403 erasure_disabled while erasure is off; 404 means
 * they are not there */
static gboolean
server_has_erasure (void)
{
  g_autoptr(RcrmLead) lead = tc_create_lead (admin, "probe");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_erase_async (admin, "lead", rcrm_lead_get_id (lead), NULL, tc_store_result, &result);
  rcrm_client_erase_finish (admin, tc_await (&result), &error);
  return g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ERASURE_DISABLED);
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
  have_erasure = server_has_erasure ();

  g_test_add_func ("/app/erasure/erase", test_erase);
  g_test_add_func ("/app/erasure/disabled", test_disabled);
  g_test_add_func ("/app/erasure/switched-off-meanwhile", test_switched_off_meanwhile);
  g_test_add_func ("/app/erasure/not-for-salespeople", test_not_for_salespeople);

  status = g_test_run ();

  g_clear_object (&admin);
  tc_server_stop (server);
  return status;
}
