/* client-fixture.c — helpers for the RcrmClient tests */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "client-fixture.h"

#define START_TIMEOUT_S 60
#define AWAIT_TIMEOUT_S 30

struct _TcServer {
  GSubprocess *process;
  char        *dir;
  char        *url;
};

gboolean
tc_have_server (void)
{
  const char *path = g_getenv ("RCRM_SERVER");

  return path != NULL && *path != '\0';
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
tc_iterate_until (gboolean *flag,
                  guint     timeout_s)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (timeout_s, on_timeout, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  return *flag;
}

void
tc_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
tc_store_result (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

GAsyncResult *
tc_await (GAsyncResult **slot)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (AWAIT_TIMEOUT_S, on_timeout, &timed_out);

  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("an async call did not finish within %d s", AWAIT_TIMEOUT_S);
  g_source_remove (source);
  return *slot;
}

/* ---- server ---------------------------------------------------------------- */

typedef struct {
  char     *url;
  gboolean  done;
  GError   *error;
} ReadLine;

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ReadLine *state = user_data;
  g_autofree char *line = NULL;
  gsize length = 0;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, &length, &state->error);
  if (line == NULL)
    {
      state->done = TRUE;
      return;
    }
  if (g_str_has_prefix (line, "listening on "))
    {
      state->url = g_strdup (line + strlen ("listening on "));
      state->done = TRUE;
      return;
    }
  g_data_input_stream_read_line_async (G_DATA_INPUT_STREAM (source), G_PRIORITY_DEFAULT, NULL, on_line, state);
}

/* a failed assertion aborts the test: the server must not outlive it */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

TcServer *
tc_server_start (gboolean demo)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  const char *argv[8];
  ReadLine state = { 0 };
  TcServer *server;
  guint n = 0;

  server = g_new0 (TcServer, 1);
  server->dir = g_dir_make_tmp ("rcrm-client-test-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (server->dir, "rcrm.db", NULL);

  argv[n++] = g_getenv ("RCRM_SERVER");
  argv[n++] = "--database";
  argv[n++] = database;
  argv[n++] = "--listen";
  argv[n++] = "127.0.0.1:0";
  if (demo)
    argv[n++] = "--demo";
  argv[n] = NULL;

  g_subprocess_launcher_setenv (launcher, "RCRM_ADMIN_PASSWORD", TC_ADMIN_PASSWORD, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, NULL, on_line, &state);
  if (!tc_iterate_until (&state.done, START_TIMEOUT_S))
    g_error ("%s did not print \"listening on\" within %d s", argv[0], START_TIMEOUT_S);
  g_assert_no_error (state.error);
  if (state.url == NULL)
    g_error ("%s ended its output without \"listening on\"", argv[0]);
  server->url = state.url;
  return server;
}

const char *
tc_server_url (TcServer *server)
{
  return server->url;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

void
tc_server_stop (TcServer *server)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (server == NULL)
    return;

  g_subprocess_send_signal (server->process, SIGTERM);
  g_subprocess_wait_async (server->process, NULL, tc_store_result, &result);
  g_subprocess_wait_finish (server->process, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server->process));
  g_assert_cmpint (g_subprocess_get_exit_status (server->process), ==, 0);

  remove_tree (server->dir);
  g_clear_object (&server->process);
  g_free (server->dir);
  g_free (server->url);
  g_free (server);
}

/* ---- domain helpers ---------------------------------------------------------------- */

RcrmClient *
tc_client_signed_in (const char *url,
                     const char *username,
                     const char *password)
{
  g_autoptr(RcrmClient) client = rcrm_client_new (url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RcrmUser) user = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_login_async (client, username, password, NULL, tc_store_result, &result);
  user = rcrm_client_login_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
  return g_steal_pointer (&client);
}

char *
tc_unique_phone (void)
{
  static guint counter;

  if (counter == 0)
    counter = g_random_int_range (0, 5000000);
  counter++;
  return g_strdup_printf ("089-%03u-%04u", (counter / 10000) % 1000, counter % 10000);
}

char *
tc_first_lead_source (RcrmClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *sources;

  rcrm_client_get_settings_async (client, NULL, tc_store_result, &result);
  settings = rcrm_client_get_settings_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  sources = json_object_get_array_member (settings, "lead_sources");
  g_assert_nonnull (sources);
  g_assert_cmpuint (json_array_get_length (sources), >, 0);
  return g_strdup (json_array_get_string_element (sources, 0));
}

RcrmLead *
tc_create_lead (RcrmClient *client,
                const char *name)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *source = tc_first_lead_source (client);
  g_autofree char *phone = tc_unique_phone ();
  RcrmLead *lead;

  json_object_set_string_member (fields, "name", name);
  json_object_set_string_member (fields, "source", source);
  json_object_set_string_member (fields, "phone", phone);
  /* explicit: the demo's Bangkok team hands new leads round-robin */
  json_object_set_int_member (fields, "owner_id", rcrm_user_get_id (rcrm_client_get_user (client)));
  rcrm_client_create_lead_async (client, fields, NULL, tc_store_result, &result);
  lead = rcrm_client_create_lead_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (lead);
  return lead;
}

RcrmPipeline *
tc_standard_pipeline (RcrmClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) pipelines = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_list_pipelines_async (client, NULL, tc_store_result, &result);
  pipelines = rcrm_client_list_pipelines_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pipelines->len; i++)
    if (rcrm_pipeline_get_standard (g_ptr_array_index (pipelines, i)))
      return g_object_ref (g_ptr_array_index (pipelines, i));
  g_error ("no standard pipeline");
}

RcrmUser *
tc_find_user (RcrmClient *client,
              const char *username)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  rcrm_client_list_directory_async (client, NULL, tc_store_result, &result);
  users = rcrm_client_list_directory_finish (client, tc_await (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    if (g_strcmp0 (rcrm_user_get_username (g_ptr_array_index (users, i)), username) == 0)
      return g_object_ref (g_ptr_array_index (users, i));
  g_error ("no user %s", username);
}
