/* test-no-keyring.c — signing in without a keyring: it works, for this session only
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DBUS_SESSION_BUS_ADDRESS points at a socket that does not exist, so there
 * is no Secret Service (and, the address being set, GLib does not autolaunch
 * a bus either).  The app must still sign in, say that the sign-in will not be
 * remembered, and never wait on the keyring.
 */
#include "config.h"

#include "app-fixture.h"

#define NO_BUS "unix:path=/nonexistent/rcrm-test/no-bus"

static TcServer *server;

static void
sign_in (RcrmLoginWindow *window)
{
  gtk_editable_set_text (GTK_EDITABLE (rcrm_login_window_get_username_row (window)), TA_DEMO_USER);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_login_window_get_password_row (window)), TC_DEMO_PASSWORD);
  gtk_widget_activate (GTK_WIDGET (rcrm_login_window_get_sign_in_button (window)));
}

static void
assert_signed_in_not_remembered (TaRun *run)
{
  const char *message = ta_gettext ("The keyring is not available: you will have to sign in again next time.");
  RcrmWindow *window;
  RcrmInboxPage *inbox;

  TA_WAIT (ta_run_main_window (run) != NULL && ta_run_login_window (run) == NULL);
  window = ta_run_main_window (run);

  /* the session works … */
  g_assert_cmpstr (gtk_label_get_text (rcrm_window_get_user_label (window)), ==, TA_DEMO_USER_NAME);
  inbox = rcrm_window_get_inbox_page (window);
  ta_inbox_wait_loaded (inbox);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (inbox))), >, 0);
  g_assert_nonnull (rcrm_client_get_token (rcrm_application_get_client (run->app)));

  /* … and a toast says it will not be remembered (well before the app's own
   * keyring timeout: a missing bus fails at once) */
  TA_WAIT (g_strcmp0 (rcrm_window_get_last_toast (window), message) == 0);
}

static void
reset (const char *last_username)
{
  RcrmAppSettings *settings = rcrm_app_settings_get_default ();

  rcrm_app_settings_set_string (settings, "server-url", tc_server_url (server));
  rcrm_app_settings_set_string (settings, "last-username", last_username);
}

static void
first_start (TaRun *run)
{
  gint64 started = g_get_monotonic_time ();
  RcrmLoginWindow *login;

  TA_WAIT (ta_run_login_window (run) != NULL);
  login = ta_run_login_window (run);
  sign_in (login);
  assert_signed_in_not_remembered (run);
  /* the keyring failure did not hold anything up */
  g_assert_cmpint (g_get_monotonic_time () - started, <, RCRM_SECRET_TIMEOUT_S * G_USEC_PER_SEC);

  ta_run_close_windows (run);
}

static void
test_sign_in (void)
{
  reset ("");
  ta_run_app (first_start, NULL);
}

/* the next start: the keyring cannot be read, so the sign-in window again */
static void
next_start (TaRun *run)
{
  RcrmLoginWindow *login;

  TA_WAIT (ta_run_login_window (run) != NULL);
  g_assert_null (ta_run_main_window (run));
  login = ta_run_login_window (run);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_login_window_get_username_row (login))), ==, TA_DEMO_USER);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_login_window_get_error_label (login))));

  sign_in (login);
  assert_signed_in_not_remembered (run);
  g_assert_cmpuint (run->n_login_windows, ==, 1);

  ta_run_close_windows (run);
}

static void
test_next_start (void)
{
  reset (TA_DEMO_USER);
  ta_run_app (next_start, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* before anything connects to a bus */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", NO_BUS, TRUE);
  g_unsetenv ("RCRM_TOKEN");

  ta_init (&argc, &argv);
  server = tc_server_start (TRUE);

  g_test_add_func ("/app/no-keyring/sign-in", test_sign_in);
  g_test_add_func ("/app/no-keyring/next-start", test_next_start);

  status = g_test_run ();

  tc_server_stop (server);
  return status;
}
