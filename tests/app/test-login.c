/* test-login.c — the sign-in window against the real server
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "app-fixture.h"

static TcServer *server;
static RcrmApplication *app;

typedef struct {
  RcrmLoginWindow *window;
  RcrmClient      *signed_in;   /* the "signed-in" signal's client */
  guint            n_signed_in;
} Fixture;

static void
on_signed_in (RcrmLoginWindow *window,
              RcrmClient      *client,
              Fixture         *fixture)
{
  g_set_object (&fixture->signed_in, client);
  fixture->n_signed_in++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (tc_server_url (server));

  fixture->window = rcrm_login_window_new (GTK_APPLICATION (app), client);
  g_signal_connect (fixture->window, "signed-in", G_CALLBACK (on_signed_in), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  TA_WAIT (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ta_destroy_all_windows ();
  g_clear_object (&fixture->signed_in);
}

static void
type_into (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* what the user does: fill the rows and press the sign-in button */
static void
sign_in (Fixture    *fixture,
         const char *server_url,
         const char *username,
         const char *password)
{
  RcrmLoginWindow *window = fixture->window;

  if (server_url != NULL)
    type_into (rcrm_login_window_get_server_row (window), server_url);
  type_into (rcrm_login_window_get_username_row (window), username);
  type_into (rcrm_login_window_get_password_row (window), password);

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (rcrm_login_window_get_sign_in_button (window))));
  gtk_widget_activate (GTK_WIDGET (rcrm_login_window_get_sign_in_button (window)));
}

static gboolean
error_shown (RcrmLoginWindow *window)
{
  GtkLabel *label = rcrm_login_window_get_error_label (window);

  return gtk_widget_get_visible (GTK_WIDGET (label)) && *gtk_label_get_text (label) != '\0';
}

static char *
describe (RcrmLoginWindow *window)
{
  GtkLabel *label = rcrm_login_window_get_error_label (window);

  return g_strdup_printf ("busy %d, error label (visible %d) “%s”",
                          rcrm_login_window_get_busy (window),
                          gtk_widget_get_visible (GTK_WIDGET (label)),
                          gtk_label_get_text (label));
}

/* the message the server itself sends for a wrong password (in Thai) */
static char *
server_wrong_password_message (void)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (tc_server_url (server));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmUser) user = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_login_async (client, TA_DEMO_USER, "not-the-password", NULL, tc_store_result, &result);
  user = rcrm_client_login_finish (client, tc_await (&result), &error);
  g_assert_null (user);
  g_assert_error (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_UNAUTHORIZED);
  return g_strdup (error->message);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  RcrmLoginWindow *window = fixture->window;
  g_autofree char *expected = server_wrong_password_message ();
  GtkLabel *error_label = rcrm_login_window_get_error_label (window);

  /* the server answers in Thai under a Thai locale (Accept-Language) */
  g_assert_cmpstr (expected, ==, "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง");

  sign_in (fixture, NULL, TA_DEMO_USER, "not-the-password");
  TA_WAIT_STATE (!rcrm_login_window_get_busy (window) && error_shown (window), describe (window));

  g_assert_cmpstr (gtk_label_get_text (error_label), ==, expected);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (error_label)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rcrm_login_window_get_password_row (window)), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rcrm_login_window_get_server_row (window)), "error"));
  /* nothing the user typed is lost */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_login_window_get_username_row (window))), ==, TA_DEMO_USER);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_login_window_get_password_row (window))), ==, "not-the-password");
  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
  g_assert_null (rcrm_client_get_token (rcrm_login_window_get_client (window)));

  /* typing again clears the row's error mark */
  type_into (rcrm_login_window_get_password_row (window), "x");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rcrm_login_window_get_password_row (window)), "error"));
}

static void
test_missing_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  RcrmLoginWindow *window = fixture->window;
  GtkLabel *error_label = rcrm_login_window_get_error_label (window);

  /* no password: refused before any request */
  type_into (rcrm_login_window_get_username_row (window), TA_DEMO_USER);
  type_into (rcrm_login_window_get_password_row (window), "");
  rcrm_login_window_submit (window);
  g_assert_false (rcrm_login_window_get_busy (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, ta_gettext ("Enter your password."));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rcrm_login_window_get_password_row (window)), "error"));

  /* no user name */
  type_into (rcrm_login_window_get_username_row (window), "  ");
  type_into (rcrm_login_window_get_password_row (window), TC_DEMO_PASSWORD);
  rcrm_login_window_submit (window);
  g_assert_false (rcrm_login_window_get_busy (window));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, ta_gettext ("Enter your user name."));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rcrm_login_window_get_username_row (window)), "error"));

  /* not an http(s) address */
  type_into (rcrm_login_window_get_server_row (window), "ftp://example.com");
  type_into (rcrm_login_window_get_username_row (window), TA_DEMO_USER);
  rcrm_login_window_submit (window);
  g_assert_false (rcrm_login_window_get_busy (window));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==,
                   ta_gettext ("Enter the server address, for example http://crm.example.co.th:8080."));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rcrm_login_window_get_server_row (window)), "error"));

  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
}

static void
test_unreachable_server (Fixture       *fixture,
                         gconstpointer  data)
{
  RcrmLoginWindow *window = fixture->window;
  const char *text;

  /* nothing listens on port 1 */
  sign_in (fixture, "127.0.0.1:1", TA_DEMO_USER, TC_DEMO_PASSWORD);
  TA_WAIT_STATE (!rcrm_login_window_get_busy (window) && error_shown (window), describe (window));

  /* the client's own message, from the build's Thai catalogue ($RCRM_LOCALEDIR):
   * "Cannot connect to the server at %s: %s" */
  text = gtk_label_get_text (rcrm_login_window_get_error_label (window));
  g_assert_true (g_str_has_prefix (text, "เชื่อมต่อเซิร์ฟเวอร์ที่ http://127.0.0.1:1 ไม่ได้"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rcrm_login_window_get_server_row (window)), "error"));
  g_assert_cmpuint (fixture->n_signed_in, ==, 0);
}

static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  RcrmLoginWindow *window = fixture->window;
  g_autofree char *screenshot = NULL;
  RcrmUser *user;

  /* the server row starts with the client's address */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_login_window_get_server_row (window))), ==,
                   tc_server_url (server));

  /* as the user sees it just before pressing "Sign In" */
  type_into (rcrm_login_window_get_username_row (window), TA_DEMO_USER);
  type_into (rcrm_login_window_get_password_row (window), TC_DEMO_PASSWORD);
  g_assert_nonnull (ta_find_label (GTK_WIDGET (window), ta_gettext ("Sign in to R-CRM")));
  screenshot = ta_save_screenshot (GTK_WIDGET (window), "login");
  g_assert_true (g_file_test (screenshot, G_FILE_TEST_IS_REGULAR));

  sign_in (fixture, NULL, TA_DEMO_USER, TC_DEMO_PASSWORD);
  TA_WAIT_STATE (fixture->n_signed_in == 1, describe (window));

  g_assert_true (fixture->signed_in == rcrm_login_window_get_client (window));
  g_assert_nonnull (rcrm_client_get_token (fixture->signed_in));
  user = rcrm_client_get_user (fixture->signed_in);
  g_assert_nonnull (user);
  g_assert_cmpstr (rcrm_user_get_username (user), ==, TA_DEMO_USER);
  g_assert_cmpstr (rcrm_user_get_display_name (user), ==, TA_DEMO_USER_NAME);

  /* the password is dropped; no error is shown */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rcrm_login_window_get_password_row (window))), ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rcrm_login_window_get_error_label (window))));
  g_assert_false (rcrm_login_window_get_busy (window));
}

static void
test_sign_in_other_address (Fixture       *fixture,
                            gconstpointer  data)
{
  RcrmLoginWindow *window = fixture->window;
  g_autofree char *url = g_strconcat (tc_server_url (server), "/", NULL);

  /* another spelling of the address (trailing slash) is normalised; a new
   * client is made for it and reported */
  sign_in (fixture, url, TA_DEMO_USER, TC_DEMO_PASSWORD);
  TA_WAIT_STATE (fixture->n_signed_in == 1, describe (window));

  g_assert_cmpstr (rcrm_client_get_base_url (fixture->signed_in), ==, tc_server_url (server));
  g_assert_nonnull (rcrm_client_get_token (fixture->signed_in));
  g_assert_true (rcrm_login_window_get_client (window) == fixture->signed_in);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ta_init (&argc, &argv);
  server = tc_server_start (TRUE);
  app = ta_application_new ();

  g_test_add ("/app/login/wrong-password", Fixture, NULL, fixture_set_up, test_wrong_password, fixture_tear_down);
  g_test_add ("/app/login/missing-fields", Fixture, NULL, fixture_set_up, test_missing_fields, fixture_tear_down);
  g_test_add ("/app/login/unreachable-server", Fixture, NULL, fixture_set_up, test_unreachable_server, fixture_tear_down);
  g_test_add ("/app/login/sign-in", Fixture, NULL, fixture_set_up, test_sign_in, fixture_tear_down);
  g_test_add ("/app/login/other-address", Fixture, NULL, fixture_set_up, test_sign_in_other_address, fixture_tear_down);

  status = g_test_run ();

  /* app stays registered until the process ends: only g_application_run
   * unregisters an application (see ta_application_new) */
  tc_server_stop (server);
  return status;
}
