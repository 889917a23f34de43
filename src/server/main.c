/* rcrm-server — the R-CRM REST server (see docs/api.md) */
#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "rcrm-auth.h"
#include "rcrm-demo.h"
#include "rcrm-http.h"
#include "rcrm-json.h"
#include "rcrm-settings.h"
#include "rcrm-store.h"

static const char *standard_steps[] = { "ติดต่อ", "ข้อเสนอ", "ต่อรอง", "ปิดการขาย", NULL };

typedef struct {
  RcrmServer *server;
  GMainLoop  *loop;
} Shutdown;

static gboolean
on_signal (gpointer user_data)
{
  Shutdown *s = user_data;

  g_message ("stopping: finishing requests in progress");
  rcrm_server_shutdown (s->server, s->loop);
  return G_SOURCE_CONTINUE;
}

/* Admin user, standard pipeline and stored default settings on a new database. */
static gboolean
bootstrap (RcrmStore  *store,
           gint64     *admin_id,
           GError    **error)
{
  g_autoptr(RcrmPipeline) standard = NULL;
  g_autoptr(RcrmUser) admin = NULL;
  g_autofree char *settings = NULL;
  GError *local_error = NULL;
  gint64 settings_version = 0;
  guint users;

  users = rcrm_store_user_count (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (!rcrm_store_begin (store, error))
    return FALSE;

  if (users == 0)
    {
      const char *env_password = g_getenv ("RCRM_ADMIN_PASSWORD");
      g_autofree char *generated = NULL;

      admin = rcrm_user_new ();
      admin->username = g_strdup ("admin");
      admin->display_name = g_strdup ("ผู้ดูแลระบบ");
      admin->role = g_strdup ("admin");
      admin->active = TRUE;
      if (env_password == NULL || *env_password == '\0')
        env_password = generated = rcrm_password_generate ();
      admin->password_hash = rcrm_password_hash (env_password, error);
      if (admin->password_hash == NULL || !rcrm_store_user_insert (store, admin, error))
        goto fail;
      if (generated != NULL)
        /* printed once, on the database's first start */
        g_printerr ("rcrm-server: created user \"admin\" with password: %s\n", generated);
      *admin_id = admin->id;
    }

  standard = rcrm_store_pipeline_get_standard (store, &local_error);
  if (standard == NULL)
    {
      if (!g_error_matches (local_error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, local_error);
          goto fail;
        }
      g_clear_error (&local_error);
      standard = rcrm_pipeline_new ();
      standard->name = g_strdup ("มาตรฐาน");
      standard->standard = TRUE;
      standard->steps = g_strdupv ((char **) standard_steps);
      if (!rcrm_store_pipeline_insert (store, standard, error))
        goto fail;
    }

  settings = rcrm_store_settings_get (store, &settings_version, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto fail;
    }
  if (settings == NULL)
    {
      g_autoptr(JsonObject) defaults = rcrm_settings_defaults ();
      g_autofree char *text = rcrm_json_to_string (defaults);

      if (!rcrm_store_settings_put (store, text, 0, &settings_version, error))
        goto fail;
    }

  return rcrm_store_commit (store, error);

fail:
  rcrm_store_rollback (store);
  return FALSE;
}

static gboolean
parse_listen (const char  *listen,
              char       **host,
              guint       *port)
{
  const char *colon = strrchr (listen, ':');
  guint64 value;

  if (colon == NULL || colon == listen)
    return FALSE;
  if (!g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &value, NULL))
    return FALSE;
  if (listen[0] == '[' && colon[-1] == ']')
    *host = g_strndup (listen + 1, colon - listen - 2);
  else
    *host = g_strndup (listen, colon - listen);
  *port = value;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *host = NULL;
  g_autofree char *uri = NULL;
  gboolean demo = FALSE;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "SQLite database file (created on first start)", "PATH" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, "Address to listen on, e.g. 127.0.0.1:8080 (port 0 = any)", "HOST:PORT" },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, "Fill an empty database with Thai demo data", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmStore) store = NULL;
  g_autoptr(RcrmSettings) settings = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  RcrmServer *server;
  Shutdown shutdown_data;
  gint64 admin_id = 0;
  guint port = 0;
  guint sigterm, sigint;

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— the R-CRM REST server");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("rcrm-server: %s\n", error->message);
      return 2;
    }
  if (version)
    {
      g_print ("rcrm-server %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (database == NULL || listen == NULL)
    {
      g_printerr ("usage: rcrm-server --database PATH --listen HOST:PORT [--demo]\n");
      return 2;
    }
  if (!parse_listen (listen, &host, &port))
    {
      g_printerr ("rcrm-server: --listen must be HOST:PORT, got “%s”\n", listen);
      return 2;
    }

  if (!rcrm_auth_init (&error))
    {
      g_printerr ("rcrm-server: %s\n", error->message);
      return 1;
    }

  store = rcrm_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("rcrm-server: cannot open %s: %s\n", database, error->message);
      return 1;
    }
  if (!bootstrap (store, &admin_id, &error))
    {
      g_printerr ("rcrm-server: cannot prepare the database: %s\n", error->message);
      return 1;
    }
  if (demo)
    {
      /* only a database that holds nothing but the bootstrap admin */
      if (admin_id != 0 && rcrm_store_user_count (store, NULL) == 1)
        {
          if (!rcrm_demo_fill (store, admin_id, &error))
            {
              g_printerr ("rcrm-server: cannot create the demo data: %s\n", error->message);
              return 1;
            }
          g_message ("demo data created; demo users' password: %s", RCRM_DEMO_PASSWORD);
        }
      else
        g_message ("--demo ignored: the database is not new");
    }

  settings = rcrm_settings_load (store, &error);
  if (settings == NULL)
    {
      g_printerr ("rcrm-server: cannot read the settings: %s\n", error->message);
      return 1;
    }

  server = rcrm_server_new (store, settings);
  if (!rcrm_server_listen (server, host, port, &uri, &error))
    {
      g_printerr ("rcrm-server: cannot listen on %s: %s\n", listen, error->message);
      rcrm_server_free (server);
      return 1;
    }

  loop = g_main_loop_new (NULL, FALSE);
  shutdown_data.server = server;
  shutdown_data.loop = loop;
  sigterm = g_unix_signal_add (SIGTERM, on_signal, &shutdown_data);
  sigint = g_unix_signal_add (SIGINT, on_signal, &shutdown_data);

  printf ("listening on %s\n", uri);
  fflush (stdout);

  g_main_loop_run (loop);

  g_source_remove (sigterm);
  g_source_remove (sigint);
  rcrm_server_free (server);
  g_clear_pointer (&store, rcrm_store_close);
  g_message ("stopped");
  return 0;
}
