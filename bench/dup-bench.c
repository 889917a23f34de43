/* dup-bench.c — how much the duplicate-lead check (R25) costs at 1,000,000 leads
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   dup-bench --server-binary build/src/server/rcrm-server --database dup.db
 *
 * On a database made by fill-leads (bench/run-dup-bench.sh makes one):
 *
 *  check       the store's lookup itself (rcrm_store_lead_duplicates, as
 *              POST /leads calls it: phone, e-mail and tax ID, all three
 *              states), in-process, for --probes probes: half of them values
 *              of existing leads picked at random (hits), half new values
 *              (misses); p50/p95/p99/max in microseconds.
 *  throughput  the real rcrm-server on the same database; POST /leads over
 *              one client, --requests per run, every body with a new phone and
 *              e-mail (so each request creates a lead), runs alternating
 *              checks off / on / on / off … (PATCH /settings) --rounds pairs;
 *              requests per second of each run and the mean of each side.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "rcrm-store.h"

static struct {
  char     *server_binary;
  char     *database;
  char     *password;
  int       probes;
  int       requests;
  int       rounds;
} opt = { NULL, NULL, NULL, 20000, 2000, 3 };

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

/* ---- the check itself ------------------------------------------------------------ */

static void
bench_check (void)
{
  static const char * const states[] = { "in_progress", "closed", "unfollowed", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmStore) store = rcrm_store_open (opt.database, &error);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rng = g_rand_new_with_seed (7781);
  gint64 max_id = 0;
  guint hits = 0, matches = 0;

  if (store == NULL)
    g_error ("%s: %s", opt.database, error->message);

  /* the highest id: leads are ids 1..max */
  for (gint64 step = 1 << 22; step > 0; step /= 2)
    {
      g_autoptr(RcrmLead) lead = rcrm_store_lead_get (store, max_id + step, NULL);

      if (lead != NULL)
        max_id += step;
    }
  if (max_id == 0)
    g_error ("%s has no leads", opt.database);

  for (int i = 0; i < opt.probes; i++)
    {
      g_autofree char *phone = NULL, *email = NULL, *tax_id = NULL;
      g_autoptr(GPtrArray) found = NULL;
      double start;

      if (i % 2 == 0)
        {
          /* a hit: the values of a lead, as a new lead would bring them */
          g_autoptr(RcrmLead) lead = NULL;

          while (lead == NULL)
            lead = rcrm_store_lead_get (store, g_rand_int_range (rng, 1, (gint32) MIN (max_id, G_MAXINT32 - 1) + 1),
                                        NULL);
          phone = g_strdup (lead->phone);
          email = g_strdup (lead->email);
          tax_id = g_strdup (lead->tax_id);
        }
      else
        {
          phone = g_strdup_printf ("+6699%07u", g_rand_int_range (rng, 0, 10000000));
          email = g_strdup_printf ("probe%d.%u@dup-bench.example", i, g_rand_int (rng));
          tax_id = NULL;
        }

      start = now_us ();
      found = rcrm_store_lead_duplicates (store, phone, email, tax_id, states, &error);
      {
        double t = now_us () - start;

        g_array_append_val (times, t);
      }
      if (found == NULL)
        g_error ("duplicates: %s", error->message);
      if (found->len > 0)
        {
          hits++;
          matches += found->len;
        }
    }

  g_array_sort (times, compare_double);
  printf ("duplicate check (store, in-process): %" G_GINT64_FORMAT " leads, %d probes (%u found a match, %u matches)\n",
          max_id, opt.probes, hits, matches);
  printf ("  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f us   [target p99 < 1000 us: %s]\n",
          percentile (times, 0.50), percentile (times, 0.95), percentile (times, 0.99),
          g_array_index (times, double, times->len - 1),
          percentile (times, 0.99) < 1000.0 ? "met" : "MISSED");
}

/* ---- throughput ------------------------------------------------------------------- */

typedef struct {
  SoupSession *session;
  char        *url;
  char        *token;
} Http;

/* a request with an optional JSON body; returns the status, *json the answer */
static guint
http (Http        *h,
      const char  *method,
      const char  *path,
      const char  *body,
      const char  *if_match,
      JsonNode   **json)
{
  g_autofree char *uri = g_strconcat (h->url, "/api/v1", path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (h->token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", h->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
    }
  if (if_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-Match", if_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  answer = soup_session_send_and_read (h->session, msg, NULL, &error);
  if (answer == NULL)
    g_error ("%s %s: %s", method, path, error->message);
  if (json != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize size;
      const char *data = g_bytes_get_data (answer, &size);

      *json = NULL;
      if (size > 0 && json_parser_load_from_data (parser, data, (gssize) size, NULL))
        *json = json_node_copy (json_parser_get_root (parser));
    }
  return soup_message_get_status (msg);
}

static void
set_checks (Http     *h,
            gboolean  on)
{
  g_autoptr(JsonNode) settings = NULL;
  g_autofree char *version = NULL;
  g_autofree char *body = NULL;
  guint status;

  if (http (h, "GET", "/settings", NULL, NULL, &settings) != 200 || settings == NULL)
    g_error ("GET /settings failed");
  version = g_strdup_printf ("\"%" G_GINT64_FORMAT "\"",
                             json_object_get_int_member (json_node_get_object (settings), "version"));
  body = g_strdup_printf ("{\"duplicates\": {\"enabled\": %s, \"fields\": [\"email\", \"phone\", \"tax_id\"],"
                          " \"scope\": [\"closed\", \"in_progress\", \"unfollowed\"], \"action\": \"allow\"}}",
                          on ? "true" : "false");
  status = http (h, "PATCH", "/settings", body, version, NULL);
  if (status != 200)
    g_error ("PATCH /settings: %u", status);
}

/* requests per second of one run */
/* new phones of this process: +6698 and seven digits from here on */
static int phone_base;

static double
run_posts (Http       *h,
           const char *source,
           int         run,
           guint      *conflicts)
{
  double start = now_us ();

  for (int i = 0; i < opt.requests; i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"name\": \"คุณทดสอบ ความเร็ว %d-%d\", \"source\": \"%s\","
                                               " \"phone\": \"+6698%07d\", \"email\": \"bench%d.%d.%d@dup-bench.example\"}",
                                               run, i, source, (phone_base + run * opt.requests + i) % 10000000,
                                               (int) getpid (), run, i);
      guint status = http (h, "POST", "/leads", body, NULL, NULL);

      if (status == 409)
        (*conflicts)++;
      else if (status != 201)
        g_error ("POST /leads: %u", status);
    }
  return opt.requests / ((now_us () - start) / 1e6);
}

/* the runs go off/on, on/off, off/on…: the mean of each side cancels a
 * steady drift (the database warming up in the page cache), a median would not */
static double
mean (GArray *values)
{
  double sum = 0;

  for (guint i = 0; i < values->len; i++)
    sum += g_array_index (values, double, i);
  return values->len > 0 ? sum / values->len : 0;
}

static void
bench_throughput (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autoptr(JsonNode) session = NULL;
  g_autoptr(JsonNode) settings = NULL;
  g_autoptr(GArray) off = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) on = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *login = NULL;
  g_autofree char *source = NULL;
  Http h = { 0 };
  guint conflicts = 0;
  double m_off, m_on;

  server = g_subprocess_launcher_spawn (launcher, &error, opt.server_binary, "--database", opt.database,
                                        "--listen", "127.0.0.1:0", NULL);
  if (server == NULL)
    g_error ("%s: %s", opt.server_binary, error->message);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  if (line == NULL || !g_str_has_prefix (line, "listening on "))
    g_error ("rcrm-server did not start: %s", line != NULL ? line : error != NULL ? error->message : "?");

  h.session = soup_session_new_with_options ("max-conns-per-host", 1, NULL);
  h.url = g_strdup (line + strlen ("listening on "));
  g_strstrip (h.url);
  login = g_strdup_printf ("{\"username\": \"admin\", \"password\": \"%s\"}", opt.password);
  if (http (&h, "POST", "/session", login, NULL, &session) != 201 || session == NULL)
    g_error ("cannot sign in as admin");
  h.token = g_strdup (json_object_get_string_member (json_node_get_object (session), "token"));
  if (http (&h, "GET", "/settings", NULL, NULL, &settings) != 200)
    g_error ("GET /settings failed");
  source = g_strdup (json_array_get_string_element (
    json_object_get_array_member (json_node_get_object (settings), "lead_sources"), 0));

  phone_base = (int) (g_get_real_time () / G_USEC_PER_SEC % 10000000);
  /* a warm-up run, then off and on alternating, so drift hits both alike */
  set_checks (&h, FALSE);
  run_posts (&h, source, 0, &conflicts);
  for (int round = 0; round < opt.rounds; round++)
    for (int side = 0; side < 2; side++)
      {
        gboolean checks = (round + side) % 2 == 1;
        double rate;

        set_checks (&h, checks);
        rate = run_posts (&h, source, 1 + round * 2 + side, &conflicts);
        g_array_append_val (checks ? on : off, rate);
        printf ("  run %d, checks %-3s: %.0f requests/s\n", round * 2 + side + 1, checks ? "on" : "off", rate);
      }
  set_checks (&h, FALSE);

  m_off = mean (off);
  m_on = mean (on);
  printf ("POST /leads, %d requests per run: mean %.0f/s with checks off, "
          "%.0f/s with checks on: %+.1f %%   [target within 10 %%: %s]%s\n",
          opt.requests, m_off, m_on, (m_on - m_off) / m_off * 100.0,
          m_on >= m_off * 0.9 ? "met" : "MISSED",
          conflicts > 0 ? "  (some new phones matched an existing lead)" : "");

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  g_object_unref (h.session);
  g_free (h.url);
  g_free (h.token);
}

int
main (int   argc,
      char *argv[])
{
  gboolean check_only = FALSE;
  GOptionEntry entries[] = {
    { "server-binary", 0, 0, G_OPTION_ARG_FILENAME, &opt.server_binary, "The rcrm-server to run", "PATH" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &opt.database, "A database made by fill-leads", "PATH" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &opt.password, "admin's password (default rcrm-bench-password)", "TEXT" },
    { "probes", 0, 0, G_OPTION_ARG_INT, &opt.probes, "Duplicate checks to time (default 20000)", "N" },
    { "requests", 0, 0, G_OPTION_ARG_INT, &opt.requests, "POST /leads per run (default 2000)", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &opt.rounds, "Pairs of off/on runs (default 3)", "N" },
    { "check-only", 0, 0, G_OPTION_ARG_NONE, &check_only, "Only the in-process check, no server", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the cost of the duplicate-lead check");
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("dup-bench: %s\n", error->message);
      return 2;
    }
  if (opt.database == NULL || (!check_only && opt.server_binary == NULL))
    {
      g_printerr ("dup-bench: --database and --server-binary are needed\n");
      return 2;
    }
  if (opt.password == NULL)
    opt.password = g_strdup ("rcrm-bench-password");

  bench_check ();
  if (!check_only)
    bench_throughput ();
  return 0;
}
