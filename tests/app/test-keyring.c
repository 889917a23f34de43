/* test-keyring.c — the sign-in remembered in the keyring, across application starts
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real RcrmApplication (activated, as g_application_run does) with
 * the D-Bus session and the unlocked gnome-keyring of run-ui-test.sh.  The
 * test reads the keyring itself with libsecret's synchronous calls, which is
 * safe here: the Secret Service is up and its collection unlocked.
 */
#include "config.h"

#include <libsecret/secret.h>

#include "app-fixture.h"

static TcServer *server;

/* the app's schema (rcrm-secret.c), as any other keyring client sees it */
static const SecretSchema token_schema = {
  RCRM_SECRET_SCHEMA_NAME, SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "username", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

/* the token the keyring holds for the demo user at the test server, or NULL */
static char *
keyring_token (void)
{
  g_autoptr(GError) error = NULL;
  char *secret;
  char *token;

  secret = secret_password_lookup_sync (&token_schema, NULL, &error,
                                        "server", tc_server_url (server),
                                        "username", TA_DEMO_USER,
                                        NULL);
  g_assert_no_error (error);
  token = g_strdup (secret);
  secret_password_free (secret);
  return token;
}

static gboolean
keyring_holds (const char *expected)
{
  g_autofree char *token = keyring_token ();

  return g_strcmp0 (token, expected) == 0;
}

static void
keyring_store (const char *token)
{
  g_autoptr(GError) error = NULL;

  secret_password_store_sync (&token_schema, SECRET_COLLECTION_DEFAULT, "rcrm test", token, NULL, &error,
                              "server", tc_server_url (server),
                              "username", TA_DEMO_USER,
                              NULL);
  g_assert_no_error (error);
}

static void
keyring_clear (void)
{
  g_autoptr(GError) error = NULL;

  secret_password_clear_sync (&token_schema, NULL, &error,
                              "server", tc_server_url (server),
                              "username", TA_DEMO_USER,
                              NULL);
  g_assert_no_error (error);
}

/* ---- the application ------------------------------------------------------------------ */

static void
sign_in (RcrmLoginWindow *window)
{
  gtk_editable_set_text (GTK_EDITABLE (rcrm_login_window_get_username_row (window)), TA_DEMO_USER);
  gtk_editable_set_text (GTK_EDITABLE (rcrm_login_window_get_password_row (window)), TC_DEMO_PASSWORD);
  gtk_widget_activate (GTK_WIDGET (rcrm_login_window_get_sign_in_button (window)));
}

/* the main window replaced the sign-in window, shows the user and works */
static RcrmWindow *
assert_signed_in (TaRun *run)
{
  RcrmWindow *window;
  RcrmInboxPage *inbox;

  TA_WAIT (ta_run_main_window (run) != NULL && ta_run_login_window (run) == NULL);
  window = ta_run_main_window (run);
  TA_WAIT (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (gtk_label_get_text (rcrm_window_get_user_label (window)), ==, TA_DEMO_USER_NAME);
  inbox = rcrm_window_get_inbox_page (window);
  ta_inbox_wait_loaded (inbox);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rcrm_inbox_page_get_model (inbox))), >, 0);
  return window;
}

static const char *
run_token (TaRun *run)
{
  return rcrm_client_get_token (rcrm_application_get_client (run->app));
}

/* the server's answer to GET /me with token */
static gboolean
token_valid (const char *token)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (tc_server_url (server));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmUser) user = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_set_token (client, token);
  rcrm_client_get_me_async (client, NULL, tc_store_result, &result);
  user = rcrm_client_get_me_finish (client, tc_await (&result), &error);
  if (user == NULL)
    {
      g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED);
      return FALSE;
    }
  return TRUE;
}

static void
reset (void)
{
  RcrmAppSettings *settings = rcrm_app_settings_get_default ();

  keyring_clear ();
  rcrm_app_settings_set_string (settings, "server-url", tc_server_url (server));
  rcrm_app_settings_set_string (settings, "last-username", "");
}

/* ---- sign in, start again, sign out ------------------------------------------------------------ */

typedef struct {
  char *token;
} Remembered;

/* first start: nobody signed in yet */
static void
first_start (TaRun *run)
{
  Remembered *state = run->data;
  g_autofree char *last_username = NULL;
  RcrmLoginWindow *login;
  RcrmWindow *window;

  TA_WAIT (ta_run_login_window (run) != NULL);
  login = ta_run_login_window (run);
  g_assert_null (ta_run_main_window (run));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_login_window_get_server_row (login))), ==,
                   tc_server_url (server));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_login_window_get_username_row (login))), ==, "");

  sign_in (login);
  window = assert_signed_in (run);

  /* the token is in the keyring, under the server and the user name */
  state->token = g_strdup (run_token (run));
  g_assert_nonnull (state->token);
  TA_WAIT (keyring_holds (state->token));
  last_username = rcrm_app_settings_get_string (rcrm_app_settings_get_default (), "last-username");
  g_assert_cmpstr (last_username, ==, TA_DEMO_USER);
  /* and no "not remembered" toast */
  g_assert_null (rcrm_window_get_last_toast (window));

  ta_run_close_windows (run);
}

/* the next start: signed in from the keyring */
static void
second_start (TaRun *run)
{
  Remembered *state = run->data;
  RcrmLoginWindow *login;

  assert_signed_in (run);
  g_assert_cmpuint (run->n_login_windows, ==, 0);
  g_assert_cmpuint (run->n_main_windows, ==, 1);
  g_assert_cmpstr (run_token (run), ==, state->token);
  g_assert_true (keyring_holds (state->token));

  /* signing out removes the token, and the server ends the session */
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "logout", NULL);
  TA_WAIT (ta_run_login_window (run) != NULL && ta_run_main_window (run) == NULL);
  login = ta_run_login_window (run);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_login_window_get_username_row (login))), ==, TA_DEMO_USER);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_login_window_get_error_label (login))));
  TA_WAIT (keyring_holds (NULL));
  g_assert_null (run_token (run));
  g_assert_false (token_valid (state->token));

  ta_run_close_windows (run);
}

/* after signing out: asked again, the user name filled in */
static void
third_start (TaRun *run)
{
  Remembered *state = run->data;
  RcrmLoginWindow *login;

  TA_WAIT (ta_run_login_window (run) != NULL);
  g_assert_null (ta_run_main_window (run));
  login = ta_run_login_window (run);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_login_window_get_username_row (login))), ==, TA_DEMO_USER);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_login_window_get_error_label (login))));

  /* signing in again stores the new token */
  sign_in (login);
  assert_signed_in (run);
  g_assert_cmpstr (run_token (run), !=, state->token);
  TA_WAIT (keyring_holds (run_token (run)));

  ta_run_close_windows (run);
}

static void
test_remembered (void)
{
  Remembered state = { NULL };

  reset ();
  g_assert_null (keyring_token ());

  ta_run_app (first_start, &state);
  ta_run_app (second_start, &state);
  ta_run_app (third_start, &state);

  g_free (state.token);
}

/* ---- a token the server no longer accepts ------------------------------------------------------ */

static void
expired_start (TaRun *run)
{
  RcrmLoginWindow *login;
  GtkLabel *error_label;

  TA_WAIT (ta_run_login_window (run) != NULL);
  g_assert_null (ta_run_main_window (run));
  login = ta_run_login_window (run);
  error_label = rcrm_login_window_get_error_label (login);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, ta_gettext ("Your session has ended. Please sign in again."));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_login_window_get_username_row (login))), ==, TA_DEMO_USER);

  /* the stale token is gone from the keyring */
  TA_WAIT (keyring_holds (NULL));

  sign_in (login);
  assert_signed_in (run);
  TA_WAIT (keyring_holds (run_token (run)));

  ta_run_close_windows (run);
}

static void
test_expired_token (void)
{
  /* expired, or revoked elsewhere */
  reset ();
  rcrm_app_settings_set_string (rcrm_app_settings_get_default (), "last-username", TA_DEMO_USER);
  keyring_store ("expired-or-revoked-token");

  ta_run_app (expired_start, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ta_init (&argc, &argv);
  g_unsetenv ("RCRM_TOKEN");
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_error ("no D-Bus session: run this test through run-ui-test.sh (meson test --suite app)");
  server = tc_server_start (TRUE);

  g_test_add_func ("/app/keyring/remembered", test_remembered);
  g_test_add_func ("/app/keyring/expired-token", test_expired_token);

  status = g_test_run ();

  tc_server_stop (server);
  return status;
}
