/* server-fixture.c — black-box harness for the rcrm-server HTTP tests */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include <glib/gstdio.h>

#include "server-fixture.h"

#define START_TIMEOUT_S 20
#define STOP_TIMEOUT_S  20
#define SHOW_BODY_MAX   4000
#define SHOW_STDERR_MAX 4000

struct _RtServer {
  char          *database;
  char          *admin_password;
  char          *base_url;        /* http://127.0.0.1:PORT */
  GSubprocess   *process;
  SoupSession   *session;

  GMutex         lock;
  GCond          cond;
  GString       *stdout_buf;
  GString       *stderr_buf;
  char          *listen_url;      /* from the "listening on" line */
  gboolean       stdout_eof;
  GThread       *stdout_thread;
  GThread       *stderr_thread;

  gboolean       keep_database;   /* else the database directory goes with the server */

  RtUser        *admin;
  GPtrArray     *users;           /* RtUser */
  char          *lead_source;
  gint64         standard_pipeline;
};

/* ---- pool ------------------------------------------------------------------ */

typedef struct {
  gpointer       data;
  GDestroyNotify destroy;
} PoolItem;

static GArray *pool;

void
rt_pool_add (gpointer       data,
             GDestroyNotify destroy)
{
  PoolItem item = { data, destroy };

  if (pool == NULL)
    pool = g_array_new (FALSE, FALSE, sizeof (PoolItem));
  g_array_append_val (pool, item);
}

static void
pool_flush (void)
{
  if (pool == NULL)
    return;
  for (guint i = 0; i < pool->len; i++)
    {
      PoolItem *item = &g_array_index (pool, PoolItem, i);
      if (item->data != NULL && item->destroy != NULL)
        item->destroy (item->data);
    }
  g_array_set_size (pool, 0);
}

static const char *
pool_string (char *s)
{
  rt_pool_add (s, g_free);
  return s;
}

/* ---- registration and failure ------------------------------------------------ */

typedef struct {
  void (*func) (void);
} RtCase;

static jmp_buf  *current_jmp;
static RtServer *last_server;     /* for stderr in failure messages */
static RtServer *shared_server;
static GPtrArray *live_servers;   /* every started, not yet freed server */
static char     *shared_failure;  /* why the shared server could not start */

static void
message_lines (const char *prefix,
               const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i + 1] == NULL && lines[i][0] == '\0')
        break;
      g_strdelimit (lines[i], "\r", ' ');
      g_test_message ("%s%s", prefix, lines[i]);
    }
}

static char *
tail (const char *text,
      gsize       max)
{
  gsize len = strlen (text);
  const char *start;

  if (len <= max)
    return g_strdup (text);
  start = g_utf8_find_next_char (text + len - max, NULL);
  return g_strconcat ("…", start != NULL ? start : "", NULL);
}

static char *
head (const char *text,
      gsize       max)
{
  gsize len = strlen (text);
  const char *end;

  if (len <= max)
    return g_strdup (text);
  end = g_utf8_find_prev_char (text, text + max);
  return g_strdup_printf ("%.*s… (%" G_GSIZE_FORMAT " bytes)", (int) (end - text), text, len);
}

void
rt_fail (const char *file,
         int         line,
         RtResponse *r,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  {
    g_autofree char *where = g_strdup_printf ("FAILED at %s:%d: ", file, line);
    message_lines (where, message);
  }
  if (r != NULL)
    {
      g_test_message ("request: %s /api/v1%s", r->method, r->path);
      if (r->request_body != NULL)
        message_lines ("  > ", r->request_body);
      if (r->transport_error != NULL)
        g_test_message ("no HTTP response: %s", r->transport_error);
      else
        {
          g_autofree char *shown = head (rt_body_text (r), SHOW_BODY_MAX);
          g_test_message ("response: %u", r->status);
          message_lines ("  < ", shown);
        }
    }
  if (last_server != NULL)
    {
      g_autofree char *err = rt_server_stderr (last_server);
      g_autofree char *shown = tail (err, SHOW_STDERR_MAX);
      g_test_message ("server stderr (last %d bytes):", SHOW_STDERR_MAX);
      message_lines ("  ! ", shown);
    }

  if (current_jmp == NULL)
    g_error ("%s:%d: %s", file, line, message);

  /* the TAP "not ok" line takes the first line only */
  g_test_fail_printf ("%s:%d: %.*s", file, line, (int) strcspn (message, "\n"), message);
  longjmp (*current_jmp, 1);
}

static void
run_case (gconstpointer data)
{
  const RtCase *c = data;
  jmp_buf jb;

  current_jmp = &jb;
  if (setjmp (jb) == 0)
    c->func ();
  current_jmp = NULL;
  pool_flush ();

  /* a case that failed half-way leaves its own servers running */
  while (live_servers != NULL && live_servers->len > (shared_server != NULL ? 1 : 0))
    for (guint i = 0; i < live_servers->len; i++)
      if (live_servers->pdata[i] != shared_server)
        {
          rt_server_free (live_servers->pdata[i]);
          break;
        }
}

void
rt_init (int    *argc,
         char ***argv)
{
  static char **args;
  int n = *argc;

  /* one failing case must not stop the others: they report server
   * behaviours independently (GLib bails out at the first failure otherwise) */
  args = g_new0 (char *, n + 2);
  memcpy (args, *argv, n * sizeof (char *));
  args[n] = (char *) "--keep-going";
  *argc = n + 1;
  *argv = args;

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  signal (SIGPIPE, SIG_IGN);
  /* failure messages quote Thai bodies: print them as UTF-8, not '?' */
  setlocale (LC_ALL, "C.UTF-8");
}

void
rt_add (const char *path,
        void      (*func) (void))
{
  RtCase *c = g_new0 (RtCase, 1);

  c->func = func;
  g_test_add_data_func_full (path, c, run_case, g_free);
}

static void
test_shared_server_exit (void)
{
  RtServer *server = shared_server;
  g_autofree char *out = NULL;

  if (server == NULL)
    {
      g_test_skip ("the shared server was not started");
      return;
    }
  out = rt_server_stdout (server);
  /* the server prints exactly one line to stdout */
  RT_CHECK (NULL, g_str_has_prefix (out, "listening on http://127.0.0.1:") &&
                  strchr (out, '\n') == out + strlen (out) - 1,
            "stdout is not exactly the one 'listening on' line: \"%s\"", out);
  shared_server = NULL;
  rt_server_stop (server, FALSE);
}

int
rt_run (void)
{
  int ret;

  rt_add ("/zz-shutdown/sigterm-exits-0", test_shared_server_exit);
  ret = g_test_run ();
  g_clear_pointer (&shared_server, rt_server_free);
  while (live_servers != NULL && live_servers->len > 0)
    rt_server_free (live_servers->pdata[0]);
  g_clear_pointer (&live_servers, g_ptr_array_unref);
  pool_flush ();
  g_clear_pointer (&pool, g_array_unref);
  g_clear_pointer (&shared_failure, g_free);
  return ret;
}

/* ---- servers ----------------------------------------------------------------- */

static gpointer
stdout_reader (gpointer data)
{
  RtServer *s = data;
  GInputStream *in = g_subprocess_get_stdout_pipe (s->process);
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (in);

  for (;;)
    {
      gsize len = 0;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (lines, &len, NULL, NULL);

      g_mutex_lock (&s->lock);
      if (line == NULL)
        {
          s->stdout_eof = TRUE;
          g_cond_broadcast (&s->cond);
          g_mutex_unlock (&s->lock);
          break;
        }
      g_string_append (s->stdout_buf, line);
      g_string_append_c (s->stdout_buf, '\n');
      if (s->listen_url == NULL && g_str_has_prefix (line, "listening on http://"))
        {
          s->listen_url = g_strdup (line + strlen ("listening on "));
          g_cond_broadcast (&s->cond);
        }
      g_mutex_unlock (&s->lock);
    }
  return NULL;
}

static gpointer
stderr_reader (gpointer data)
{
  RtServer *s = data;
  GInputStream *in = g_subprocess_get_stderr_pipe (s->process);
  char buf[4096];

  for (;;)
    {
      gssize n = g_input_stream_read (in, buf, sizeof buf, NULL, NULL);
      if (n <= 0)
        break;
      g_mutex_lock (&s->lock);
      g_string_append_len (s->stderr_buf, buf, n);
      g_mutex_unlock (&s->lock);
    }
  return NULL;
}

char *
rt_server_stdout (RtServer *s)
{
  char *copy;

  g_mutex_lock (&s->lock);
  copy = g_strdup (s->stdout_buf->str);
  g_mutex_unlock (&s->lock);
  return copy;
}

char *
rt_server_stderr (RtServer *s)
{
  char *copy;

  g_mutex_lock (&s->lock);
  copy = g_strdup (s->stderr_buf->str);
  g_mutex_unlock (&s->lock);
  return copy;
}

const char *
rt_server_database (RtServer *s)
{
  return s->database;
}

const char *
rt_server_base_url (RtServer *s)
{
  return s->base_url;
}

GPid
rt_server_pid (RtServer *s)
{
  const char *id = s->process != NULL ? g_subprocess_get_identifier (s->process) : NULL;

  return id != NULL ? (GPid) g_ascii_strtoll (id, NULL, 10) : 0;
}

static void
wait_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static gboolean
wake_up (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* waits for the process; FALSE after timeout_s */
static gboolean
wait_process (GSubprocess *process,
              guint        timeout_s)
{
  gboolean done = FALSE, timed_out = FALSE;
  guint timer = g_timeout_add_seconds (timeout_s, wake_up, &timed_out);

  g_subprocess_wait_async (process, NULL, wait_done, &done);
  while (!done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timer);
  /* let a pending wait callback run so it does not outlive `done` */
  while (!done)
    {
      g_subprocess_force_exit (process);
      g_main_context_iteration (NULL, TRUE);
    }
  return !timed_out;
}

static void
join_readers (RtServer *s)
{
  g_clear_pointer (&s->stdout_thread, g_thread_join);
  g_clear_pointer (&s->stderr_thread, g_thread_join);
}

gboolean
rt_server_signal_and_wait (RtServer *s,
                           int       signum,
                           int      *exit_status,
                           int      *term_signal)
{
  gboolean in_time;

  g_return_val_if_fail (s->process != NULL, FALSE);

  if (s->session != NULL)
    soup_session_abort (s->session);
  g_subprocess_send_signal (s->process, signum);
  in_time = wait_process (s->process, STOP_TIMEOUT_S);
  join_readers (s);

  *exit_status = g_subprocess_get_if_exited (s->process) ? g_subprocess_get_exit_status (s->process) : -1;
  *term_signal = g_subprocess_get_if_signaled (s->process) ? g_subprocess_get_term_sig (s->process) : 0;
  g_clear_object (&s->process);
  return in_time;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_remove (child);
      }
  g_rmdir (path);
}

static void
remove_database_dir (RtServer *s)
{
  g_autofree char *dir = g_path_get_dirname (s->database);
  g_autofree char *base = g_path_get_basename (dir);

  if (g_str_has_prefix (base, "rcrm-test-"))
    remove_tree (dir);
}

static void
rt_user_free (RtUser *user)
{
  g_free (user->username);
  g_free (user->password);
  g_free (user->token);
  g_free (user);
}

void
rt_server_free (RtServer *s)
{
  if (s == NULL)
    return;
  if (s == last_server)
    last_server = NULL;
  if (s == shared_server)
    shared_server = NULL;
  if (live_servers != NULL)
    g_ptr_array_remove (live_servers, s);
  if (s->session != NULL)
    soup_session_abort (s->session);
  if (s->process != NULL)
    {
      g_subprocess_force_exit (s->process);
      wait_process (s->process, STOP_TIMEOUT_S);
    }
  join_readers (s);
  g_clear_object (&s->process);
  g_clear_object (&s->session);
  if (!s->keep_database && s->database != NULL)
    remove_database_dir (s);
  g_free (s->database);
  g_free (s->admin_password);
  g_free (s->base_url);
  g_free (s->listen_url);
  g_free (s->lead_source);
  g_string_free (s->stdout_buf, TRUE);
  g_string_free (s->stderr_buf, TRUE);
  g_clear_pointer (&s->users, g_ptr_array_unref);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
  g_free (s);
}

void
rt_server_stop (RtServer *s,
                gboolean  keep_database)
{
  int status, sig;
  gboolean in_time;
  g_autofree char *err = NULL;

  in_time = rt_server_signal_and_wait (s, SIGTERM, &status, &sig);
  err = rt_server_stderr (s);
  s->keep_database = keep_database;
  rt_server_free (s);

  if (!in_time || status != 0)
    {
      g_autofree char *shown = tail (err, SHOW_STDERR_MAX);
      message_lines ("  ! ", shown);
      if (!in_time)
        RT_FAIL (NULL, "the server did not exit within %d s of SIGTERM", STOP_TIMEOUT_S);
      if (sig != 0)
        RT_FAIL (NULL, "the server died of signal %d (%s) after SIGTERM", sig, g_strsignal (sig));
      RT_FAIL (NULL, "the server exited with status %d after SIGTERM, expected 0", status);
    }
}

/* the server must not outlive a test executable that crashed or timed out */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

RtServer *
rt_server_start (const RtServerOpts *opts)
{
  static const RtServerOpts defaults = { NULL, NULL, FALSE };
  const char *exe = g_getenv ("RCRM_SERVER");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  RtServer *s;
  gint64 deadline;

  if (opts == NULL)
    opts = &defaults;
  if (exe == NULL || *exe == '\0')
    RT_FAIL (NULL, "RCRM_SERVER is not set: it must hold the path of rcrm-server");
  if (!g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE))
    RT_FAIL (NULL, "RCRM_SERVER=%s is not an executable file", exe);

  s = g_new0 (RtServer, 1);
  g_mutex_init (&s->lock);
  g_cond_init (&s->cond);
  s->stdout_buf = g_string_new (NULL);
  s->stderr_buf = g_string_new (NULL);
  s->users = g_ptr_array_new_with_free_func ((GDestroyNotify) rt_user_free);
  s->admin_password = g_strdup (opts->admin_password != NULL ? opts->admin_password : RT_ADMIN_PASSWORD);

  if (opts->database != NULL)
    s->database = g_strdup (opts->database);
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("rcrm-test-XXXXXX", &error);
      if (dir == NULL)
        {
          rt_server_free (s);
          RT_FAIL (NULL, "cannot make a temporary directory: %s", error->message);
        }
      s->database = g_build_filename (dir, "rcrm.db", NULL);
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  if (*s->admin_password != '\0')
    g_subprocess_launcher_setenv (launcher, "RCRM_ADMIN_PASSWORD", s->admin_password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "RCRM_ADMIN_PASSWORD");

  g_ptr_array_add (argv, (gpointer) exe);
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, s->database);
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) "127.0.0.1:0");
  if (opts->demo)
    g_ptr_array_add (argv, (gpointer) "--demo");
  g_ptr_array_add (argv, NULL);

  s->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (s->process == NULL)
    {
      rt_server_free (s);
      RT_FAIL (NULL, "cannot start %s: %s", exe, error->message);
    }
  if (live_servers == NULL)
    live_servers = g_ptr_array_new ();
  g_ptr_array_add (live_servers, s);
  s->stdout_thread = g_thread_new ("server-stdout", stdout_reader, s);
  s->stderr_thread = g_thread_new ("server-stderr", stderr_reader, s);

  deadline = g_get_monotonic_time () + START_TIMEOUT_S * G_TIME_SPAN_SECOND;
  g_mutex_lock (&s->lock);
  while (s->listen_url == NULL && !s->stdout_eof)
    if (!g_cond_wait_until (&s->cond, &s->lock, deadline))
      break;
  g_mutex_unlock (&s->lock);

  if (s->listen_url == NULL)
    {
      gboolean exited = s->stdout_eof;
      g_autofree char *out = NULL, *err = NULL, *shown = NULL;

      g_subprocess_force_exit (s->process);
      wait_process (s->process, STOP_TIMEOUT_S);
      join_readers (s);
      out = rt_server_stdout (s);
      err = rt_server_stderr (s);
      shown = tail (err, SHOW_STDERR_MAX);
      rt_server_free (s);
      message_lines ("  ! ", shown);
      RT_FAIL (NULL, "%s never printed 'listening on http://…' %s; stdout was \"%s\"", exe,
               exited ? "(stdout closed)" : "within 20 s", out);
    }

  re = g_regex_new ("^http://127\\.0\\.0\\.1:([0-9]+)$", 0, 0, NULL);
  if (!g_regex_match (re, s->listen_url, 0, &match))
    {
      g_autofree char *url = g_strdup (s->listen_url);
      rt_server_free (s);
      RT_FAIL (NULL, "the listening line does not name http://127.0.0.1:PORT: \"%s\"", url);
    }
  s->base_url = g_strdup (s->listen_url);
  /* no proxy: the default resolver reads GSettings, which isolated test dirs lack */
  s->session = soup_session_new_with_options ("timeout", 30, "idle-timeout", 30,
                                              "proxy-resolver", NULL, NULL);
  last_server = s;
  return s;
}

RtServer *
rt_shared (void)
{
  if (shared_server != NULL)
    return shared_server;
  if (shared_failure != NULL)
    RT_FAIL (NULL, "the shared server could not start: %s", shared_failure);

  shared_failure = g_strdup ("it failed while starting (see the first failing case)");
  shared_server = rt_server_start (NULL);
  g_clear_pointer (&shared_failure, g_free);
  return shared_server;
}

/* ---- requests --------------------------------------------------------------- */

static void
rt_response_free (RtResponse *r)
{
  g_free (r->method);
  g_free (r->path);
  g_free (r->request_body);
  g_free (r->transport_error);
  g_clear_pointer (&r->headers, soup_message_headers_unref);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_clear_pointer (&r->json, json_node_unref);
  g_free (r);
}

RtResponse *
rt_request (RtServer            *s,
            const char          *method,
            const char          *path,
            const RtRequestOpts *opts)
{
  static const RtRequestOpts none = { 0 };
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeaders *headers;
  RtResponse *r;

  if (opts == NULL)
    opts = &none;

  last_server = s;
  r = g_new0 (RtResponse, 1);
  r->method = g_strdup (method);
  r->path = g_strdup (path);
  rt_pool_add (r, (GDestroyNotify) rt_response_free);

  if (opts->raw_body != NULL)
    body = g_bytes_ref (opts->raw_body);
  else if (opts->body != NULL)
    body = g_bytes_new (opts->body, strlen (opts->body));
  if (body != NULL)
    {
      gsize len;
      const char *data = g_bytes_get_data (body, &len);
      if (len > 2048)
        r->request_body = g_strdup_printf ("%.*s… (%" G_GSIZE_FORMAT " bytes)", 200, data, len);
      else
        r->request_body = g_utf8_make_valid (data != NULL ? data : "", len);
    }

  url = g_strconcat (s->base_url, "/api/v1", path, NULL);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL)
    RT_FAIL (r, "bad test URL %s: %s", url, error->message);
  msg = soup_message_new_from_uri (method, uri);
  headers = soup_message_get_request_headers (msg);

  if (opts->authorization != NULL)
    soup_message_headers_replace (headers, "Authorization", opts->authorization);
  else if (opts->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", opts->token, NULL);
      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (opts->if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", opts->if_match);
  if (opts->accept_language != NULL)
    soup_message_headers_replace (headers, "Accept-Language", opts->accept_language);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg,
                                              opts->content_type != NULL ? opts->content_type
                                                                         : "application/json",
                                              body);

  r->body = soup_session_send_and_read (s->session, msg, NULL, &error);
  r->status = soup_message_get_status (msg);
  r->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  if (r->body == NULL)
    {
      r->transport_error = g_strdup (error->message);
      r->body = g_bytes_new (NULL, 0);
      r->status = 0;
      return r;
    }

  if (g_bytes_get_size (r->body) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize len;
      const char *data = g_bytes_get_data (r->body, &len);

      if (json_parser_load_from_data (parser, data, len, NULL))
        r->json = json_parser_steal_root (parser);
    }
  return r;
}

RtResponse *
rt_get (RtServer   *s,
        const char *token,
        const char *path)
{
  return rt_request (s, "GET", path, &(RtRequestOpts) { .token = token });
}

RtResponse *
rt_post (RtServer   *s,
         const char *token,
         const char *path,
         const char *body)
{
  return rt_request (s, "POST", path, &(RtRequestOpts) { .token = token, .body = body });
}

RtResponse *
rt_put (RtServer   *s,
        const char *token,
        const char *path,
        const char *body)
{
  return rt_request (s, "PUT", path, &(RtRequestOpts) { .token = token, .body = body });
}

RtResponse *
rt_patch (RtServer   *s,
          const char *token,
          const char *path,
          const char *if_match,
          const char *body)
{
  return rt_request (s, "PATCH", path,
                     &(RtRequestOpts) { .token = token, .body = body, .if_match = if_match });
}

RtResponse *
rt_delete (RtServer   *s,
           const char *token,
           const char *path)
{
  return rt_request (s, "DELETE", path, &(RtRequestOpts) { .token = token });
}

const char *
rt_header (RtResponse *r,
           const char *name)
{
  return r->headers != NULL ? soup_message_headers_get_one (r->headers, name) : NULL;
}

/* ---- pooled strings ------------------------------------------------------- */

const char *
rt_json (const char *format,
         ...)
{
  va_list args;
  char *s;

  va_start (args, format);
  s = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (s, "'", '"');
  return pool_string (s);
}

const char *
rt_path (const char *format,
         ...)
{
  va_list args;
  char *s;

  va_start (args, format);
  s = g_strdup_vprintf (format, args);
  va_end (args);
  return pool_string (s);
}

const char *
rt_q (const char *value)
{
  return pool_string (g_uri_escape_string (value, NULL, FALSE));
}

const char *
rt_version_tag (gint64 version)
{
  return pool_string (g_strdup_printf ("\"%" G_GINT64_FORMAT "\"", version));
}

static guint unique_counter;

const char *
rt_unique (const char *prefix)
{
  return pool_string (g_strdup_printf ("%s%ux", prefix, ++unique_counter));
}

const char *
rt_unique_phone (void)
{
  static guint n;
  guint v = 1000000 + (++n);

  /* 081-NNN-NNNN: a mobile number (8 after the trunk 0, 9 national digits) */
  return pool_string (g_strdup_printf ("081-%03u-%04u", v / 10000, v % 10000));
}

const char *
rt_e164 (const char *local)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = local; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->str[0] == '0')
    g_string_erase (digits, 0, 1);
  g_string_prepend (digits, "+66");
  return pool_string (g_string_free (digits, FALSE));
}

char
rt_tax_id_check_digit (const char *digits12)
{
  int sum = 0;

  for (int i = 1; i <= 12; i++)
    sum += (digits12[i - 1] - '0') * (14 - i);
  return (char) ('0' + (11 - sum % 11) % 10);
}

const char *
rt_unique_tax_id (void)
{
  static guint n;
  char *id = g_strdup_printf ("31%010u?", 1000000u + (++n));

  id[12] = rt_tax_id_check_digit (id);
  return pool_string (id);
}

/* ---- JSON access ----------------------------------------------------------- */

JsonNode *
rt_node_at (JsonNode   *root,
            const char *path)
{
  g_auto(GStrv) parts = NULL;
  JsonNode *node = root;

  if (root == NULL)
    return NULL;
  if (path == NULL || *path == '\0')
    return root;

  parts = g_strsplit (path, ".", -1);
  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *obj = json_node_get_object (node);
          node = json_object_has_member (obj, parts[i]) ? json_object_get_member (obj, parts[i]) : NULL;
        }
      else if (JSON_NODE_HOLDS_ARRAY (node) && g_ascii_isdigit (parts[i][0]))
        {
          JsonArray *arr = json_node_get_array (node);
          guint64 index = g_ascii_strtoull (parts[i], NULL, 10);
          node = index < json_array_get_length (arr) ? json_array_get_element (arr, (guint) index) : NULL;
        }
      else
        node = NULL;
    }
  return node;
}

JsonNode *
rt_node (RtResponse *r,
         const char *path)
{
  return rt_node_at (r->json, path);
}

gboolean
rt_has (RtResponse *r,
        const char *path)
{
  return rt_node (r, path) != NULL;
}

gboolean
rt_is_null (RtResponse *r,
            const char *path)
{
  JsonNode *node = rt_node (r, path);

  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

static gboolean
node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gint64
rt_int (RtResponse *r,
        const char *path)
{
  JsonNode *node = rt_node (r, path);

  if (!node_is_int (node))
    RT_FAIL (r, "'%s' is %s, expected an integer", path, node == NULL ? "missing" : "not an integer");
  return json_node_get_int (node);
}

const char *
rt_str (RtResponse *r,
        const char *path)
{
  JsonNode *node = rt_node (r, path);

  if (!node_is_string (node))
    RT_FAIL (r, "'%s' is %s, expected a string", path, node == NULL ? "missing" : "not a string");
  return json_node_get_string (node);
}

gboolean
rt_bool (RtResponse *r,
         const char *path)
{
  JsonNode *node = rt_node (r, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    RT_FAIL (r, "'%s' is %s, expected a boolean", path, node == NULL ? "missing" : "not a boolean");
  return json_node_get_boolean (node);
}

guint
rt_len (RtResponse *r,
        const char *path)
{
  JsonNode *node = rt_node (r, path);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    RT_FAIL (r, "'%s' is %s, expected an array", path, node == NULL ? "missing" : "not an array");
  return json_array_get_length (json_node_get_array (node));
}

gint64
rt_node_int (JsonNode   *root,
             const char *path)
{
  JsonNode *node = rt_node_at (root, path);

  if (!node_is_int (node))
    RT_FAIL (NULL, "'%s' of %s is not an integer", path,
             root != NULL ? pool_string (json_to_string (root, FALSE)) : "(null)");
  return json_node_get_int (node);
}

const char *
rt_node_str (JsonNode   *root,
             const char *path)
{
  JsonNode *node = rt_node_at (root, path);

  if (!node_is_string (node))
    RT_FAIL (NULL, "'%s' of %s is not a string", path,
             root != NULL ? pool_string (json_to_string (root, FALSE)) : "(null)");
  return json_node_get_string (node);
}

gboolean
rt_node_bool (JsonNode   *root,
              const char *path)
{
  JsonNode *node = rt_node_at (root, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    RT_FAIL (NULL, "'%s' of %s is not a boolean", path,
             root != NULL ? pool_string (json_to_string (root, FALSE)) : "(null)");
  return json_node_get_boolean (node);
}

const char *
rt_body_text (RtResponse *r)
{
  gsize len = 0;
  const char *data = r->body != NULL ? g_bytes_get_data (r->body, &len) : NULL;

  return pool_string (g_utf8_make_valid (data != NULL ? data : "", len));
}

gboolean
rt_array_has_int (RtResponse *r,
                  const char *path,
                  const char *member,
                  gint64      value)
{
  guint n = rt_len (r, path);
  JsonArray *arr = json_node_get_array (rt_node (r, path));

  for (guint i = 0; i < n; i++)
    {
      JsonNode *m = rt_node_at (json_array_get_element (arr, i), member);
      if (node_is_int (m) && json_node_get_int (m) == value)
        return TRUE;
    }
  return FALSE;
}

const char *
rt_array_join (RtResponse *r,
               const char *path,
               const char *member)
{
  guint n = rt_len (r, path);
  JsonArray *arr = json_node_get_array (rt_node (r, path));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *m = rt_node_at (json_array_get_element (arr, i), member);
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, node_is_string (m) ? json_node_get_string (m) : "?");
    }
  return pool_string (g_string_free (out, FALSE));
}

gboolean
rt_text_has_thai (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0x0E00 && c <= 0x0E7F)
        return TRUE;
    }
  return FALSE;
}

gboolean
rt_is_rfc3339_utc (const char *text)
{
  return text != NULL &&
         g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z$",
                               text, 0, 0);
}

/* ---- assertions --------------------------------------------------------------- */

void
rt_assert_error (const char *file,
                 int         line,
                 RtResponse *r,
                 guint       status,
                 const char *code)
{
  JsonNode *node;

  if (r->status != status)
    rt_fail (file, line, r, "%s %s: status %u, expected %u %s", r->method, r->path, r->status, status, code);
  if (r->json == NULL || !JSON_NODE_HOLDS_OBJECT (r->json))
    rt_fail (file, line, r, "error body is not a JSON object");
  node = rt_node (r, "error");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    rt_fail (file, line, r, "error body has no \"error\" object");
  node = rt_node (r, "error.code");
  if (!node_is_string (node))
    rt_fail (file, line, r, "error.code is missing or not a string");
  if (g_strcmp0 (json_node_get_string (node), code) != 0)
    rt_fail (file, line, r, "error.code is \"%s\", expected \"%s\"", json_node_get_string (node), code);
  node = rt_node (r, "error.message");
  if (!node_is_string (node) || *json_node_get_string (node) == '\0')
    rt_fail (file, line, r, "error.message is missing, empty or not a string");
  node = rt_node (r, "error.fields");
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    rt_fail (file, line, r, "error.fields is not an object");
  node = rt_node (r, "error.details");
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    rt_fail (file, line, r, "error.details is not an object");
}

void
rt_note (GString    *problems,
         RtResponse *r,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  g_autofree char *body = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (r == NULL)
    {
      g_string_append_printf (problems, "\n  - %s", what);
      return;
    }
  body = head (r->transport_error != NULL ? r->transport_error : rt_body_text (r), 300);
  g_string_append_printf (problems, "\n  - %s %s%s%s: %s → %u %s", r->method, r->path,
                          r->request_body != NULL ? " " : "",
                          r->request_body != NULL ? r->request_body : "", what, r->status, body);
}

void
rt_note_unless_error (GString    *problems,
                      RtResponse *r,
                      guint       status,
                      const char *code)
{
  JsonNode *c = rt_node (r, "error.code");
  JsonNode *m = rt_node (r, "error.message");

  if (r->status != status || !node_is_string (c) || g_strcmp0 (json_node_get_string (c), code) != 0 ||
      !node_is_string (m) || *json_node_get_string (m) == '\0')
    rt_note (problems, r, "expected %u %s", status, code);
}

JsonNode *
rt_error_field (RtResponse *r,
                const char *field)
{
  JsonNode *fields = rt_node (r, "error.fields");

  /* field names may hold dots ("custom.size", "filter.state"): no path walk */
  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields)
      || !json_object_has_member (json_node_get_object (fields), field))
    return NULL;
  return json_object_get_member (json_node_get_object (fields), field);
}

void
rt_assert_error_field (const char *file,
                       int         line,
                       RtResponse *r,
                       const char *field)
{
  JsonNode *node = rt_error_field (r, field);

  if (node == NULL)
    rt_fail (file, line, r, "error.fields has no \"%s\"", field);
  if (!node_is_string (node) || *json_node_get_string (node) == '\0')
    rt_fail (file, line, r, "error.fields.%s is not a non-empty message", field);
}

void
rt_assert_int (const char *file,
               int         line,
               RtResponse *r,
               const char *path,
               gint64      expected)
{
  JsonNode *node = rt_node (r, path);

  if (!node_is_int (node))
    rt_fail (file, line, r, "'%s' is %s, expected %" G_GINT64_FORMAT, path,
             node == NULL ? "missing" : "not an integer", expected);
  if (json_node_get_int (node) != expected)
    rt_fail (file, line, r, "'%s' is %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT, path,
             json_node_get_int (node), expected);
}

void
rt_assert_str (const char *file,
               int         line,
               RtResponse *r,
               const char *path,
               const char *expected)
{
  JsonNode *node = rt_node (r, path);

  if (!node_is_string (node))
    rt_fail (file, line, r, "'%s' is %s, expected \"%s\"", path,
             node == NULL ? "missing" : "not a string", expected);
  if (g_strcmp0 (json_node_get_string (node), expected) != 0)
    rt_fail (file, line, r, "'%s' is \"%s\", expected \"%s\"", path, json_node_get_string (node), expected);
}

void
rt_assert_bool (const char *file,
                int         line,
                RtResponse *r,
                const char *path,
                gboolean    expected)
{
  JsonNode *node = rt_node (r, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    rt_fail (file, line, r, "'%s' is %s, expected %s", path,
             node == NULL ? "missing" : "not a boolean", expected ? "true" : "false");
  if (!json_node_get_boolean (node) != !expected)
    rt_fail (file, line, r, "'%s' is %s, expected %s", path,
             expected ? "false" : "true", expected ? "true" : "false");
}

void
rt_assert_null (const char *file,
                int         line,
                RtResponse *r,
                const char *path)
{
  JsonNode *node = rt_node (r, path);

  if (node == NULL || !JSON_NODE_HOLDS_NULL (node))
    rt_fail (file, line, r, "'%s' is %s, expected null", path, node == NULL ? "missing" : "not null");
}

/* ---- domain helpers ---------------------------------------------------------- */

const char *
rt_login (RtServer   *s,
          const char *username,
          const char *password)
{
  RtResponse *r = rt_post (s, NULL, "/session",
                           rt_json ("{'username': '%s', 'password': '%s'}", username, password));

  RT_ASSERT_STATUS (r, 201);
  return rt_str (r, "token");
}

RtUser *
rt_admin (RtServer *s)
{
  RtResponse *r;
  RtUser *admin;

  if (s->admin != NULL)
    return s->admin;

  r = rt_post (s, NULL, "/session",
               rt_json ("{'username': 'admin', 'password': '%s'}", s->admin_password));
  RT_ASSERT_STATUS (r, 201);
  admin = g_new0 (RtUser, 1);
  admin->id = rt_int (r, "user.id");
  admin->username = g_strdup ("admin");
  admin->password = g_strdup (s->admin_password);
  admin->token = g_strdup (rt_str (r, "token"));
  g_ptr_array_add (s->users, admin);
  s->admin = admin;
  return admin;
}

RtUser *
rt_user_new (RtServer   *s,
             const char *role,
             gint64      team_id)
{
  const char *username = rt_unique ("user");
  g_autofree char *team = team_id > 0 ? g_strdup_printf (", 'team_id': " I64, team_id) : g_strdup ("");
  RtResponse *r;
  RtUser *user;

  r = rt_post (s, rt_admin (s)->token, "/users",
               rt_json ("{'username': '%s', 'display_name': 'ผู้ใช้ %s', 'password': '%s', 'role': '%s'%s}",
                        username, username, RT_USER_PASSWORD, role, team));
  RT_ASSERT_STATUS (r, 201);

  user = g_new0 (RtUser, 1);
  user->id = rt_int (r, "id");
  user->username = g_strdup (username);
  user->password = g_strdup (RT_USER_PASSWORD);
  g_ptr_array_add (s->users, user);
  user->token = g_strdup (rt_login (s, username, RT_USER_PASSWORD));
  return user;
}

JsonNode *
rt_user_record (RtServer *s,
                gint64    user_id)
{
  RtResponse *r = rt_get (s, rt_admin (s)->token, "/users?limit=500");
  guint n;

  RT_ASSERT_STATUS (r, 200);
  n = rt_len (r, "items");
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = rt_node (r, rt_path ("items.%u", i));
      JsonNode *id = rt_node_at (item, "id");
      if (node_is_int (id) && json_node_get_int (id) == user_id)
        return item;
    }
  RT_FAIL (r, "GET /users does not list user " I64, user_id);
}

void
rt_user_set_team (RtServer *s,
                  gint64    user_id,
                  gint64    team_id)
{
  JsonNode *user = rt_user_record (s, user_id);
  RtResponse *r;

  r = rt_patch (s, rt_admin (s)->token, rt_path ("/users/" I64, user_id),
                rt_version_tag (rt_node_int (user, "version")),
                rt_json ("{'team_id': " I64 "}", team_id));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "team_id", team_id);
}

gint64
rt_team_new (RtServer   *s,
             const char *distribution,
             gint64      lead_id)
{
  g_autofree char *lead = lead_id > 0 ? g_strdup_printf (", 'lead_id': " I64, lead_id) : g_strdup ("");
  RtResponse *r;

  r = rt_post (s, rt_admin (s)->token, "/teams",
               rt_json ("{'name': 'ทีม %s', 'distribution': '%s'%s}", rt_unique ("t"), distribution, lead));
  RT_ASSERT_STATUS (r, 201);
  return rt_int (r, "id");
}

RtResponse *
rt_settings_patch (RtServer   *s,
                   const char *body)
{
  const char *token = rt_admin (s)->token;
  RtResponse *r = rt_get (s, token, "/settings");
  const char *etag;

  RT_ASSERT_STATUS (r, 200);
  etag = rt_header (r, "ETag");
  RT_CHECK (r, etag != NULL, "GET /settings sent no ETag");
  r = rt_patch (s, token, "/settings", etag, body);
  RT_ASSERT_STATUS (r, 200);
  return r;
}

const char *
rt_lead_source (RtServer *s)
{
  if (s->lead_source == NULL)
    {
      RtResponse *r = rt_get (s, rt_admin (s)->token, "/settings");
      RT_ASSERT_STATUS (r, 200);
      RT_CHECK (r, rt_len (r, "lead_sources") > 0, "settings.lead_sources is empty");
      s->lead_source = g_strdup (rt_str (r, "lead_sources.0"));
    }
  return s->lead_source;
}

gint64
rt_standard_pipeline (RtServer *s)
{
  if (s->standard_pipeline == 0)
    {
      RtResponse *r = rt_get (s, rt_admin (s)->token, "/pipelines");
      guint n;

      RT_ASSERT_STATUS (r, 200);
      n = rt_len (r, "items");
      for (guint i = 0; i < n; i++)
        if (rt_bool (r, rt_path ("items.%u.standard", i)))
          s->standard_pipeline = rt_int (r, rt_path ("items.%u.id", i));
      RT_CHECK (r, s->standard_pipeline > 0, "GET /pipelines lists no standard pipeline");
    }
  return s->standard_pipeline;
}

gint64
rt_pipeline_new (RtServer *s,
                 guint     n_steps)
{
  GString *steps = g_string_new (NULL);
  RtResponse *r;

  for (guint i = 0; i < n_steps; i++)
    g_string_append_printf (steps, "%s{'name': 'S%u'}", i > 0 ? ", " : "", i);
  r = rt_post (s, rt_admin (s)->token, "/pipelines",
               rt_json ("{'name': 'ไปป์ไลน์ %s', 'steps': [%s]}", rt_unique ("p"), steps->str));
  g_string_free (steps, TRUE);
  RT_ASSERT_STATUS (r, 201);
  return rt_int (r, "id");
}

RtResponse *
rt_lead_create (RtServer   *s,
                const char *token,
                const char *fields)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  JsonObject *obj;

  node = json_from_string (fields != NULL ? fields : "{}", &error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    RT_FAIL (NULL, "bad lead fields in the test: %s", fields);
  obj = json_node_get_object (node);
  if (!json_object_has_member (obj, "name"))
    json_object_set_string_member (obj, "name", rt_unique ("ลีดทดสอบ"));
  if (!json_object_has_member (obj, "source"))
    json_object_set_string_member (obj, "source", rt_lead_source (s));
  if (!json_object_has_member (obj, "phone") && !json_object_has_member (obj, "email") &&
      !json_object_has_member (obj, "tax_id"))
    json_object_set_string_member (obj, "phone", rt_unique_phone ());
  body = json_to_string (node, FALSE);
  return rt_post (s, token, "/leads", body);
}

gint64
rt_lead_new (RtServer   *s,
             const char *token,
             const char *fields)
{
  RtResponse *r = rt_lead_create (s, token, fields);

  RT_ASSERT_STATUS (r, 201);
  return rt_int (r, "id");
}

RtResponse *
rt_lead_get (RtServer   *s,
             const char *token,
             gint64      id)
{
  RtResponse *r = rt_get (s, token, rt_path ("/leads/" I64, id));

  RT_ASSERT_STATUS (r, 200);
  return r;
}

RtResponse *
rt_lead_move (RtServer   *s,
              const char *token,
              gint64      id,
              gint        step,
              gint64      pipeline_id)
{
  RtResponse *r;

  if (pipeline_id > 0)
    r = rt_post (s, token, rt_path ("/leads/" I64 "/move", id),
                 rt_json ("{'step': %d, 'pipeline_id': " I64 "}", step, pipeline_id));
  else
    r = rt_post (s, token, rt_path ("/leads/" I64 "/move", id), rt_json ("{'step': %d}", step));
  RT_ASSERT_STATUS (r, 200);
  RT_ASSERT_INT (r, "step", step);
  return r;
}

static void
free_garray (gpointer a)
{
  g_array_unref (a);
}

GArray *
rt_lead_list_all (RtServer   *s,
                  const char *token,
                  const char *query,
                  guint       page_size)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *cursor = NULL;
  gint64 total = -1;

  rt_pool_add (ids, free_garray);
  for (guint page = 0; page < 1000; page++)
    {
      const char *path = rt_path ("/leads?%s%slimit=%u%s%s", query, *query != '\0' ? "&" : "", page_size,
                                  cursor != NULL ? "&cursor=" : "", cursor != NULL ? rt_q (cursor) : "");
      RtResponse *r = rt_get (s, token, path);
      guint n;

      RT_ASSERT_STATUS (r, 200);
      n = rt_len (r, "items");
      RT_CHECK (r, n <= page_size, "page of %u items for limit=%u", n, page_size);
      RT_CHECK (r, rt_has (r, "next_cursor"), "list has no next_cursor member");
      if (total < 0)
        total = rt_int (r, "total");
      else
        RT_ASSERT_INT (r, "total", total);

      for (guint i = 0; i < n; i++)
        {
          gint64 id = rt_int (r, rt_path ("items.%u.id", i));
          RT_CHECK (r, !g_hash_table_contains (seen, &id), "lead " I64 " appears twice while paging", id);
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          g_array_append_val (ids, id);
        }

      g_clear_pointer (&cursor, g_free);
      if (rt_is_null (r, "next_cursor"))
        {
          RT_CHECK (r, (gint64) ids->len == total, "paging gave %u leads, total says " I64, ids->len, total);
          return ids;
        }
      cursor = g_strdup (rt_str (r, "next_cursor"));
    }
  RT_FAIL (NULL, "more than 1000 pages");
}

gboolean
rt_ids_contain (GArray *ids,
                gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

gint
rt_compare_int64 (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

const char *
rt_id_set (GArray *ids)
{
  g_autoptr(GArray) sorted = g_array_copy (ids);
  GString *out = g_string_new (NULL);

  g_array_sort (sorted, rt_compare_int64);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (out, "%s" I64, i > 0 ? "," : "", g_array_index (sorted, gint64, i));
  return pool_string (g_string_free (out, FALSE));
}

const char *
rt_id_set_of (int n,
              ...)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, n);
  for (int i = 0; i < n; i++)
    {
      gint64 id = va_arg (args, gint64);
      g_array_append_val (ids, id);
    }
  va_end (args);
  return rt_id_set (ids);
}
