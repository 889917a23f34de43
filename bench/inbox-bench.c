/* inbox-bench.c — how fast the real inbox shows and scrolls 100,000 leads
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   inbox-bench --server-binary build/src/server/rcrm-server --database bench.db
 *   inbox-bench --server http://127.0.0.1:8080
 *
 * Signs in (admin), then makes the real main window (RcrmWindow, as the app
 * does after sign-in; --page: a bare RcrmInboxPage in a GtkWindow) and
 * measures, from the GdkFrameClock of that window:
 *
 *  startup  t0 = the app has a token: GET /me and the prefetch of the inbox's
 *           first page go out side by side and the window is made when both
 *           are here (at most 250 ms after /me), as rcrm-application.c does
 *           (--cold: t0 = just before the
 *           window is made, no prefetch).  first_frame: the first frame painted.
 *           first_rows: the end of the first frame in which rows are visible
 *           and none of the visible cells is a placeholder ("…").
 *           complete_rows: also the owner and step names (from the catalog)
 *           are in every visible row.  "Visible" is read from the widgets:
 *           the cell labels inside the list's allocation, as painted.
 *  scroll   --steps frames (default 200), each moving the column view's
 *           vertical adjustment down by one viewport (--step-fraction) in
 *           the frame clock's "update" phase, one step per frame, while the
 *           clock runs continuously (gdk_frame_clock_begin_updating).
 *  smooth   then --smooth-steps frames (default 200) of 0.1 viewport each
 *           (--smooth-fraction): a brisk but ordinary scroll, where each frame
 *           brings in a row or two instead of a whole screen.
 *  jumps    to the middle, the end, 25 % and the top, one at a time; for each:
 *           the work of the jump frame and the time until no visible cell is
 *           a placeholder.
 *  sweep    (--sweep) the whole list from top to bottom, one page of the model
 *           (200 rows) per frame: every page gets loaded, the worst case for
 *           memory.
 *
 * Per frame: work = before-paint … end of after-paint (update, layout, paint
 * and the X11 backend's after-paint), plus the X server round trip
 * (gdk_display_sync) unless --no-sync, so a frame counts until the X server
 * has its pixels; interval = end of one frame to the end of the next (with the
 * main loop's work between frames, e.g. parsing a page of JSON).  RSS from
 * /proc/self/status (the client only; the server's is reported apart).
 *
 * --frames-csv FILE writes every frame (phase, update / layout / paint
 * times, CPU time, visible rows and placeholders); --screenshots DIR saves
 * PNGs of the window between the measurements; --startup-only stops after the
 * first rows.  Prints a readable summary and one JSON line that starts with
 * {"bench".
 */
#include "config.h"

#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "rcrm-app-private.h"
#include "rcrm-cell-text.h"
#include "rcrm-lead-list-model-private.h"

#define TARGET_FIRST_ROWS_MS  300.0
#define TARGET_FRAME_MS       16.0
#define TARGET_RSS_MB         150.0
#define TIMEOUT_S             180   /* the whole run, without the sweep */
#define SWEEP_TIMEOUT_S       900   /* every page of 100,000 leads, at the server's pace */
#define LOAD_TIMEOUT_US       (10 * G_USEC_PER_SEC)
#define SETTLE_US             (1 * G_USEC_PER_SEC)
#define WAIT_FRAMES           10

typedef enum {
  PHASE_STARTUP,
  PHASE_SETTLE,        /* after the first rows: the catalog, the other box … */
  PHASE_SCROLL,
  PHASE_SCROLL_WAIT,   /* until the last step's rows are loaded */
  PHASE_SMOOTH,        /* the slower, steadier scroll */
  PHASE_SMOOTH_WAIT,
  PHASE_JUMP,          /* a jump frame and the frames until its rows are loaded */
  PHASE_JUMP_WAIT,     /* a few quiet frames between jumps */
  PHASE_SWEEP,
  PHASE_SWEEP_WAIT,    /* until every page is loaded */
  PHASE_DONE,
} Phase;

static const char * const phase_names[] = {
  "startup", "settle", "scroll", "scroll-wait", "smooth", "smooth-wait", "jump", "jump-wait", "sweep", "sweep-wait",
  "done",
};

typedef struct {
  Phase  phase;
  guint  step;          /* scroll / sweep step, jump number */
  gint64 start;         /* ::before-paint emitted */
  gint64 update;        /* ::update emitted, 0 = none */
  gint64 layout;        /* first ::layout emitted, 0 = none */
  gint64 paint;         /* ::paint emitted, 0 = none */
  gint64 after;         /* ::after-paint emitted (painting done) */
  gint64 end;           /* after-paint handlers done */
  gint64 synced;        /* X server done (= end with --no-sync) */
  guint  rows;          /* visible rows */
  guint  placeholders;  /* visible cells showing "…" */
  guint  incomplete;    /* visible owner / step cells still empty */
  gint64 scan_us;       /* the bench's own look at the cells (not in work) */
  gint64 cpu_start;     /* the main thread's CPU time at ::before-paint */
  gint64 cpu;           /* … used by the frame (work minus waiting: X server, preemption) */
} Frame;

typedef struct {
  gint64 set_at;        /* start of the frame that jumped */
  guint  frame_index;   /* in frames */
  double work_ms;       /* of the jump frame */
  double loaded_ms;     /* jump frame start → end of the first frame without placeholders */
  double max_work_ms;   /* of the frames until then */
  guint  n_frames;
} Jump;

static const double jump_targets[] = { 0.5, 1.0, 0.25, 0.0 };

typedef struct {
  gint64 rss_kb, hwm_kb, anon_kb, file_kb;
} Memory;

typedef struct {
  /* options */
  char          *server_url;
  char          *server_binary;
  char          *database;
  char          *username;
  char          *password;
  char          *screenshot_dir;
  char          *frames_csv;
  gboolean       page_mode;
  gboolean       no_sync;
  gboolean       sweep;
  gboolean       startup_only;
  int            steps;
  double         step_fraction;
  int            smooth_steps;
  double         smooth_fraction;

  GMainLoop     *loop;
  GSubprocess   *server;
  RcrmClient    *client;
  GtkWindow     *window;
  RcrmInboxPage *page;
  GtkColumnView *view;
  GtkWidget     *list;          /* the GtkListView inside the column view */
  GtkAdjustment *vadj;
  RcrmLeadListModel *model;
  GdkFrameClock *clock;
  int            col_name, col_owner, col_step;

  Phase          phase;
  gboolean       in_frame;
  Frame          cur;
  GArray        *frames;        /* Frame */
  guint          scroll_first, scroll_last;   /* frame indexes, inclusive */
  guint          smooth_first, smooth_last;
  double         smooth_origin;
  guint          sweep_first, sweep_last;
  gboolean       updating;

  gint64         t0, t_me, t_window, t_first_frame, t_model, t_first_rows, t_complete;
  gboolean       cold;
  guint          rows_timeout;
  double         first_frame_work_ms;
  Memory         mem_first_rows, mem_scrolled, mem_swept;
  guint          pages_scrolled, pages_swept;

  guint          step;
  guint          sweep_steps;
  double         row_height;
  gint64         wait_since;
  double         scroll_loaded_ms;   /* last step → rows loaded */
  double         smooth_loaded_ms;
  double         sweep_loaded_ms;    /* last sweep step → every page loaded */
  Jump           jumps[G_N_ELEMENTS (jump_targets)];
  guint          jump;
  guint          wait_frames;
  double         refresh_ms;
  gint64         scan_total_us;
  guint          n_toasts;
  GString       *events;        /* startup: "name ms, …" */
  int            exit_code;
} Bench;

static Bench bench;

/* ---- small helpers -------------------------------------------------------------------- */

static double
ms (gint64 us)
{
  return us / 1000.0;
}

/* CPU time of this thread, µs */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* what happens during the startup, for the report */
static void
event (const char *name)
{
  if (bench.phase != PHASE_STARTUP)
    return;
  g_string_append_printf (bench.events, "%s%s %.0f", bench.events->len > 0 ? ", " : "", name,
                          ms (g_get_monotonic_time () - bench.t0));
}

static void
read_memory (Memory *m)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  memset (m, 0, sizeof *m);
  if (!g_file_get_contents ("/proc/self/status", &text, NULL, NULL))
    return;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 *slot = NULL;
      const char *colon = strchr (lines[i], ':');

      if (g_str_has_prefix (lines[i], "VmRSS:"))
        slot = &m->rss_kb;
      else if (g_str_has_prefix (lines[i], "VmHWM:"))
        slot = &m->hwm_kb;
      else if (g_str_has_prefix (lines[i], "RssAnon:"))
        slot = &m->anon_kb;
      else if (g_str_has_prefix (lines[i], "RssFile:"))
        slot = &m->file_kb;
      if (slot != NULL && colon != NULL)
        *slot = g_ascii_strtoll (colon + 1, NULL, 10);
    }
}

static gint64
process_rss_kb (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *text = NULL;
  const char *line;

  if (pid == NULL || !g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  line = strstr (text, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : 0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct {
  guint  n;
  double max, p99, p95, p50, mean;
  guint  over;          /* > TARGET_FRAME_MS */
  guint  dropped;       /* intervals > 1.5 refresh intervals */
} Stats;

/* the nearest rank: the smallest value with at least p of the values at or below it */
static guint
rank (guint  n,
      double p)
{
  guint r = (guint) ceil (p * n - 1e-9);

  return CLAMP (r, 1, n) - 1;
}

static Stats
stats_of (GArray *values,
          double  over,
          double  dropped)
{
  Stats s = { 0 };
  double sum = 0;

  s.n = values->len;
  if (s.n == 0)
    return s;
  g_array_sort (values, compare_double);
  for (guint i = 0; i < s.n; i++)
    {
      double v = g_array_index (values, double, i);

      sum += v;
      if (v > over)
        s.over++;
      if (dropped > 0 && v > dropped)
        s.dropped++;
    }
  s.max = g_array_index (values, double, s.n - 1);
  s.p99 = g_array_index (values, double, rank (s.n, 0.99));
  s.p95 = g_array_index (values, double, rank (s.n, 0.95));
  s.p50 = g_array_index (values, double, rank (s.n, 0.50));
  s.mean = sum / s.n;
  return s;
}

/* ---- what the list shows ------------------------------------------------------------------ */

/* Reads the rows as they were painted: the list's children are the rows, a
 * row's children the cells in column order, and each of the inbox's cells
 * holds one RcrmCellText ("…" while its lead is a placeholder). */
static void
scan_cells (Frame *frame)
{
  int height;

  frame->rows = frame->placeholders = frame->incomplete = 0;
  if (bench.list == NULL || !gtk_widget_get_mapped (bench.list))
    return;

  height = gtk_widget_get_height (bench.list);
  for (GtkWidget *row = gtk_widget_get_first_child (bench.list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;
      int column = 0;

      if (!gtk_widget_get_mapped (row) || !gtk_widget_compute_bounds (row, bench.list, &bounds)
          || bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;

      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
           cell = gtk_widget_get_next_sibling (cell), column++)
        {
          GtkWidget *label = gtk_widget_get_first_child (cell);
          const char *text;

          if (!RCRM_IS_CELL_TEXT (label))
            continue;
          text = rcrm_cell_text_get_text (RCRM_CELL_TEXT (label));
          if (column == bench.col_name)
            frame->rows++;
          if (g_str_equal (text, "…"))
            frame->placeholders++;
          else if ((column == bench.col_owner || column == bench.col_step) && *text == '\0')
            frame->incomplete++;
        }
    }
}

static int
column_index (const char *id)
{
  GListModel *columns = gtk_column_view_get_columns (bench.view);
  GtkColumnViewColumn *column = rcrm_inbox_page_get_column (bench.page, id);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, i);

      if (c == column)
        return (int) i;
    }
  g_error ("no column “%s” in the inbox", id);
}

/* ---- screenshots (only between measurements) ------------------------------------------------ */

static void
screenshot (const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (bench.screenshot_dir == NULL)
    return;

  width = gtk_widget_get_width (GTK_WIDGET (bench.window));
  height = gtk_widget_get_height (GTK_WIDGET (bench.window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (bench.window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (bench.window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (bench.screenshot_dir, name, NULL);
  g_mkdir_with_parents (bench.screenshot_dir, 0755);
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("inbox-bench: could not write %s\n", path);
}

/* ---- the run ----------------------------------------------------------------------------------- */

static void
finish (int code)
{
  bench.exit_code = code;
  bench.phase = PHASE_DONE;
  if (bench.updating)
    {
      gdk_frame_clock_end_updating (bench.clock);
      bench.updating = FALSE;
    }
  g_main_loop_quit (bench.loop);
}

static double
max_value (void)
{
  return MAX (0.0, gtk_adjustment_get_upper (bench.vadj) - gtk_adjustment_get_page_size (bench.vadj));
}

static gboolean
start_scroll (gpointer user_data)
{
  if (bench.phase != PHASE_SETTLE)
    return G_SOURCE_REMOVE;

  screenshot ("1-first-rows.png");
  bench.phase = PHASE_SCROLL;
  bench.step = 0;
  bench.updating = TRUE;
  gdk_frame_clock_begin_updating (bench.clock);
  return G_SOURCE_REMOVE;
}

static gboolean
end_startup (gpointer user_data)
{
  screenshot ("1-first-rows.png");
  read_memory (&bench.mem_scrolled);
  finish (0);
  return G_SOURCE_REMOVE;
}

/* the frame clock's "update" phase: the bench moves the list here */
static void
on_update (GdkFrameClock *clock,
           gpointer       user_data)
{
  GdkFrameTimings *timings;

  switch (bench.phase)
    {
    case PHASE_SCROLL:
      bench.step++;
      bench.cur.step = bench.step;
      gtk_adjustment_set_value (bench.vadj, MIN (max_value (),
                                                 bench.step * bench.step_fraction
                                                 * gtk_adjustment_get_page_size (bench.vadj)));
      timings = gdk_frame_clock_get_current_timings (clock);
      if (timings != NULL && gdk_frame_timings_get_refresh_interval (timings) > 0)
        bench.refresh_ms = ms (gdk_frame_timings_get_refresh_interval (timings));
      break;

    case PHASE_SMOOTH:
      bench.step++;
      bench.cur.step = bench.step;
      gtk_adjustment_set_value (bench.vadj, MIN (max_value (), bench.smooth_origin + bench.step * bench.smooth_fraction
                                                 * gtk_adjustment_get_page_size (bench.vadj)));
      break;

    case PHASE_JUMP:
      if (bench.jumps[bench.jump].set_at == 0)
        {
          bench.jumps[bench.jump].set_at = bench.cur.start;
          bench.jumps[bench.jump].frame_index = bench.frames->len;
          bench.cur.step = bench.jump;
          gtk_adjustment_set_value (bench.vadj, jump_targets[bench.jump] * max_value ());
        }
      break;

    case PHASE_SWEEP:
      bench.step++;
      bench.cur.step = bench.step;
      gtk_adjustment_set_value (bench.vadj, MIN (max_value (), bench.step * RCRM_LEAD_LIST_MODEL_PAGE_SIZE
                                                               * bench.row_height));
      break;

    case PHASE_STARTUP:
    case PHASE_SETTLE:
    case PHASE_SCROLL_WAIT:
    case PHASE_SMOOTH_WAIT:
    case PHASE_JUMP_WAIT:
    case PHASE_SWEEP_WAIT:
    case PHASE_DONE:
    default:
      break;
    }
}

static void
next_after_frame (Frame *f)
{
  switch (bench.phase)
    {
    case PHASE_STARTUP:
      if (bench.t_first_frame == 0)
        {
          bench.t_first_frame = f->synced;
          bench.first_frame_work_ms = ms (f->synced - f->start);
        }
      if (bench.t_first_rows == 0 && f->rows > 0 && f->placeholders == 0)
        {
          bench.t_first_rows = f->synced;
          read_memory (&bench.mem_first_rows);
        }
      if (bench.t_first_rows != 0 && f->rows > 0 && f->placeholders == 0 && f->incomplete == 0)
        {
          bench.t_complete = f->synced;
          bench.phase = PHASE_SETTLE;
          g_timeout_add (SETTLE_US / 1000, bench.startup_only ? end_startup : start_scroll, NULL);
        }
      break;

    case PHASE_SCROLL:
      if (bench.scroll_first == G_MAXUINT)
        bench.scroll_first = bench.frames->len - 1;
      bench.scroll_last = bench.frames->len - 1;
      if (bench.step >= (guint) bench.steps)
        {
          bench.phase = PHASE_SCROLL_WAIT;
          bench.wait_since = f->start;
        }
      break;

    case PHASE_SCROLL_WAIT:
      if (f->placeholders == 0 || f->start - bench.wait_since > LOAD_TIMEOUT_US)
        {
          bench.scroll_loaded_ms = f->placeholders == 0 ? ms (f->synced - bench.wait_since) : -1;
          screenshot ("2-after-scroll.png");
          bench.phase = bench.smooth_steps > 0 ? PHASE_SMOOTH : PHASE_SMOOTH_WAIT;
          bench.step = 0;
          bench.smooth_origin = gtk_adjustment_get_value (bench.vadj);
          bench.wait_since = f->start;
        }
      break;

    case PHASE_SMOOTH:
      if (bench.smooth_first == G_MAXUINT)
        bench.smooth_first = bench.frames->len - 1;
      bench.smooth_last = bench.frames->len - 1;
      if (bench.step >= (guint) bench.smooth_steps)
        {
          bench.phase = PHASE_SMOOTH_WAIT;
          bench.wait_since = f->start;
        }
      break;

    case PHASE_SMOOTH_WAIT:
      if (f->placeholders == 0 || f->start - bench.wait_since > LOAD_TIMEOUT_US)
        {
          bench.smooth_loaded_ms = f->placeholders == 0 ? ms (f->synced - bench.wait_since) : -1;
          read_memory (&bench.mem_scrolled);
          bench.pages_scrolled = rcrm_lead_list_model_get_n_pages (bench.model);
          bench.phase = PHASE_JUMP;
          bench.jump = 0;
        }
      break;

    case PHASE_JUMP:
      {
        Jump *j = &bench.jumps[bench.jump];

        if (j->set_at == 0)
          break;
        j->n_frames++;
        if (bench.frames->len - 1 == j->frame_index)
          j->work_ms = ms (f->synced - f->start);
        j->max_work_ms = MAX (j->max_work_ms, ms (f->synced - f->start));
        if (f->placeholders == 0 || f->start - j->set_at > LOAD_TIMEOUT_US)
          {
            j->loaded_ms = f->placeholders == 0 ? ms (f->synced - j->set_at) : -1;
            if (bench.jump == 0)
              screenshot ("3-middle.png");
            bench.phase = PHASE_JUMP_WAIT;
            bench.wait_frames = 0;
          }
      }
      break;

    case PHASE_JUMP_WAIT:
      if (++bench.wait_frames < WAIT_FRAMES)
        break;
      if (++bench.jump < G_N_ELEMENTS (jump_targets))
        bench.phase = PHASE_JUMP;
      else if (bench.sweep)
        {
          bench.phase = PHASE_SWEEP;
          bench.step = 0;
          bench.row_height = gtk_adjustment_get_upper (bench.vadj) / MAX (1u, rcrm_lead_list_model_get_total (bench.model));
          bench.sweep_steps = rcrm_lead_list_model_get_total (bench.model) / RCRM_LEAD_LIST_MODEL_PAGE_SIZE + 1;
        }
      else
        finish (0);
      break;

    case PHASE_SWEEP:
      if (bench.sweep_first == G_MAXUINT)
        bench.sweep_first = bench.frames->len - 1;
      bench.sweep_last = bench.frames->len - 1;
      if (bench.step >= bench.sweep_steps)
        {
          bench.phase = PHASE_SWEEP_WAIT;
          bench.wait_since = f->start;
        }
      break;

    case PHASE_SWEEP_WAIT:
      if (!rcrm_lead_list_model_get_loading (bench.model)
          || f->start - bench.wait_since > (gint64) SWEEP_TIMEOUT_S * G_USEC_PER_SEC)
        {
          bench.sweep_loaded_ms = rcrm_lead_list_model_get_loading (bench.model) ? -1 : ms (f->synced - bench.wait_since);
          read_memory (&bench.mem_swept);
          bench.pages_swept = rcrm_lead_list_model_get_n_pages (bench.model);
          finish (0);
        }
      break;

    case PHASE_SETTLE:
    case PHASE_DONE:
    default:
      break;
    }
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  Frame *f = &bench.cur;
  gint64 scan_start;

  if (!bench.in_frame)
    return;

  f->end = g_get_monotonic_time ();
  if (!bench.no_sync)
    gdk_display_sync (gtk_widget_get_display (GTK_WIDGET (bench.window)));
  f->synced = g_get_monotonic_time ();
  f->cpu = thread_cpu_us () - f->cpu_start;
  f->phase = bench.phase;

  scan_start = g_get_monotonic_time ();
  scan_cells (f);
  f->scan_us = g_get_monotonic_time () - scan_start;
  bench.scan_total_us += f->scan_us;

  if (bench.phase == PHASE_STARTUP)
    {
      g_autofree char *name = g_strdup_printf ("frame %.0f-", ms (f->start - bench.t0));

      event (name);
    }
  g_array_append_val (bench.frames, *f);
  bench.in_frame = FALSE;
  next_after_frame (&g_array_index (bench.frames, Frame, bench.frames->len - 1));
}

/* emission hooks run before every handler of the signal, GTK's own included */
static gboolean
phase_hook (GSignalInvocationHint *hint,
            guint                  n_params,
            const GValue          *params,
            gpointer               data)
{
  const char *phase = data;
  gint64 now = g_get_monotonic_time ();

  if (bench.clock == NULL || g_value_get_object (&params[0]) != (GObject *) bench.clock)
    return TRUE;

  if (g_str_equal (phase, "before-paint"))
    {
      memset (&bench.cur, 0, sizeof bench.cur);
      bench.cur.start = now;
      bench.cur.cpu_start = thread_cpu_us ();
      bench.in_frame = TRUE;
    }
  else if (!bench.in_frame)
    ;
  else if (g_str_equal (phase, "update"))
    bench.cur.update = now;
  else if (g_str_equal (phase, "layout"))
    {
      if (bench.cur.layout == 0)
        bench.cur.layout = now;
    }
  else if (g_str_equal (phase, "paint"))
    bench.cur.paint = now;
  else if (g_str_equal (phase, "after-paint"))
    bench.cur.after = now;
  return TRUE;
}

static void
add_hook (const char *signal)
{
  guint id;

  /* signals exist once the class does */
  g_type_class_unref (g_type_class_ref (GDK_TYPE_FRAME_CLOCK));
  id = g_signal_lookup (signal, GDK_TYPE_FRAME_CLOCK);

  g_assert (id != 0);
  g_signal_add_emission_hook (id, 0, phase_hook, (gpointer) signal, NULL);
}

static void
on_realize (GtkWidget *window,
            gpointer   user_data)
{
  event ("realize");
  bench.clock = gtk_widget_get_frame_clock (window);
  g_assert (bench.clock != NULL);
  g_signal_connect (bench.clock, "update", G_CALLBACK (on_update), NULL);
  g_signal_connect (bench.clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  if (bench.t_model == 0 && g_list_model_get_n_items (model) > 0)
    {
      bench.t_model = g_get_monotonic_time ();
      event ("inbox-page-1");
    }
}

static void
on_other_items_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        gpointer    user_data)
{
  event ("unfollowed-page-1");
}

static void
on_event (gpointer    instance,
          const char *name)
{
  event (name);
}

static void
on_toast (GtkWidget  *page,
          const char *message,
          gpointer    user_data)
{
  bench.n_toasts++;
  g_printerr ("inbox-bench: the app says: %s\n", message);
}

static gboolean
on_timeout (gpointer user_data)
{
  g_printerr ("inbox-bench: gave up in phase %s after %d s (%u frames)\n",
              phase_names[bench.phase], TIMEOUT_S + (bench.sweep ? SWEEP_TIMEOUT_S : 0), bench.frames->len);
  if (bench.phase == PHASE_STARTUP && bench.t_model != 0)
    g_printerr ("inbox-bench: the model has leads but no visible row was seen: does each cell of the inbox "
                "still hold one RcrmCellText? (see scan_cells)\n");
  finish (1);
  return G_SOURCE_REMOVE;
}

static void
make_window (void)
{
  GtkWidget *child;

  if (bench.page_mode)
    {
      bench.window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_default_size (bench.window, 1100, 720);
      child = rcrm_inbox_page_new (bench.client, NULL, FALSE);
      bench.page = RCRM_INBOX_PAGE (child);
      gtk_window_set_child (bench.window, child);
    }
  else
    {
      bench.window = GTK_WINDOW (rcrm_window_new (NULL, bench.client));
      bench.page = rcrm_window_get_inbox_page (RCRM_WINDOW (bench.window));
    }
  gtk_window_set_title (bench.window, "R-CRM inbox benchmark");
  g_signal_connect (bench.page, "toast", G_CALLBACK (on_toast), NULL);

  bench.view = rcrm_inbox_page_get_column_view (bench.page);
  bench.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench.view));
  bench.model = rcrm_inbox_page_get_model (bench.page);
  g_signal_connect (bench.model, "items-changed", G_CALLBACK (on_items_changed), NULL);
  g_signal_connect (rcrm_inbox_page_get_catalog (bench.page), "changed", G_CALLBACK (on_event), (gpointer) "catalog");
  g_signal_connect (bench.window, "map", G_CALLBACK (on_event), (gpointer) "map");
  if (!bench.page_mode)
    g_signal_connect (rcrm_inbox_page_get_model (rcrm_window_get_unfollowed_page (RCRM_WINDOW (bench.window))),
                      "items-changed", G_CALLBACK (on_other_items_changed), NULL);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (bench.view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      bench.list = child;
  g_assert (bench.list != NULL);
  bench.col_name = column_index ("name");
  bench.col_owner = column_index ("owner");
  bench.col_step = column_index ("step");

  g_signal_connect_after (bench.window, "realize", G_CALLBACK (on_realize), NULL);
  bench.t_window = g_get_monotonic_time ();
  gtk_window_present (bench.window);
}

static void
window_after_me (void)
{
  if (bench.window != NULL)
    return;
  g_clear_handle_id (&bench.rows_timeout, g_source_remove);
  make_window ();
}

static gboolean
on_rows_timeout (gpointer user_data)
{
  bench.rows_timeout = 0;
  window_after_me ();
  return G_SOURCE_REMOVE;
}

static void
on_prefetch_here (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  rcrm_client_prefetch_wait_finish (RCRM_CLIENT (source), result, NULL);
  window_after_me ();
}

static void
on_me (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmUser) user = rcrm_client_get_me_finish (RCRM_CLIENT (source), result, &error);

  if (user == NULL)
    g_error ("GET /me: %s", error->message);
  bench.t_me = g_get_monotonic_time ();
  /* as show_main_with_rows: the window once the first page is here (at most 250 ms) */
  rcrm_client_prefetch_wait_async (bench.client, NULL, on_prefetch_here, NULL);
  bench.rows_timeout = g_timeout_add (250, on_rows_timeout, NULL);
}

/* t0: what the app does when it starts with a stored token (rcrm-application.c,
 * validate_token): GET /me and the inbox's first page side by side, then the
 * window once both are here.  --cold: t0 = the window is made, no prefetch. */
static void
start_app (void)
{
  bench.t0 = g_get_monotonic_time ();
  if (bench.cold)
    {
      bench.t_me = bench.t0;
      make_window ();
      return;
    }
  rcrm_client_get_me_async (bench.client, NULL, on_me, NULL);
  rcrm_inbox_page_prefetch (bench.client);
}

/* ---- sign-in and the server ----------------------------------------------------------------- */

static void
on_login (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(RcrmUser) user = rcrm_client_login_finish (RCRM_CLIENT (source), result, error);

  g_main_loop_quit (bench.loop);
}

static gboolean
sign_in (GError **error)
{
  GError *local_error = NULL;

  bench.client = rcrm_client_new (bench.server_url);
  rcrm_client_login_async (bench.client, bench.username, bench.password, NULL, on_login, &local_error);
  g_main_loop_run (bench.loop);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
start_server (GError **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  bench.server = g_subprocess_launcher_spawn (launcher, error, bench.server_binary, "--database", bench.database,
                                              "--listen", "127.0.0.1:0", NULL);
  if (bench.server == NULL)
    return FALSE;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bench.server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, error);
  if (line == NULL || !g_str_has_prefix (line, "listening on "))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "rcrm-server did not start");
      return FALSE;
    }
  bench.server_url = g_strdup (line + strlen ("listening on "));
  g_strchomp (bench.server_url);
  return TRUE;
}

static void
stop_server (void)
{
  if (bench.server == NULL)
    return;
  g_subprocess_send_signal (bench.server, SIGTERM);
  g_subprocess_wait (bench.server, NULL, NULL);
  g_clear_object (&bench.server);
}

/* ---- the report ----------------------------------------------------------------------------------- */

typedef struct {
  Stats work;           /* before-paint … after-paint (+ X sync) */
  Stats cpu;            /* the main thread's CPU time in that span */
  Stats paint;          /* the paint phase alone */
  Stats interval;       /* end of the previous frame … end of this one */
  guint placeholder_frames;
} FrameSet;

/* the frames [first, last] of the phases in phase_mask */
static FrameSet
frame_set (guint first,
           guint last,
           guint phase_mask)
{
  g_autoptr(GArray) work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) interval = g_array_new (FALSE, FALSE, sizeof (double));
  double dropped = bench.refresh_ms > 0 ? 1.5 * bench.refresh_ms : 25.0;
  FrameSet set = { 0 };

  for (guint i = first; i <= last && i < bench.frames->len; i++)
    {
      Frame *f = &g_array_index (bench.frames, Frame, i);
      double value;

      if ((phase_mask & (1u << f->phase)) == 0)
        continue;
      value = ms (f->synced - f->start);
      g_array_append_val (work, value);
      value = ms (f->cpu);
      g_array_append_val (cpu, value);
      if (f->paint != 0)
        {
          value = ms (f->after - f->paint);
          g_array_append_val (paint, value);
        }
      if (f->placeholders > 0)
        set.placeholder_frames++;
      /* only when the previous frame belongs to the same stretch */
      if (i > first && (phase_mask & (1u << g_array_index (bench.frames, Frame, i - 1).phase)) != 0)
        {
          value = ms (f->synced - g_array_index (bench.frames, Frame, i - 1).synced);
          g_array_append_val (interval, value);
        }
    }
  set.work = stats_of (work, TARGET_FRAME_MS, 0);
  set.cpu = stats_of (cpu, TARGET_FRAME_MS, 0);
  set.paint = stats_of (paint, TARGET_FRAME_MS, 0);
  set.interval = stats_of (interval, TARGET_FRAME_MS, dropped);
  return set;
}

static void
print_stats (const char  *name,
             const Stats *s)
{
  printf ("  %-16s n=%-4u max %6.1f  p99 %6.1f  p95 %6.1f  median %5.1f  mean %5.1f ms  >16 ms: %u",
          name, s->n, s->max, s->p99, s->p95, s->p50, s->mean, s->over);
  if (g_str_has_prefix (name, "interval"))
    printf ("  dropped: %u", s->dropped);
  printf ("\n");
}

static void
print_set (const FrameSet *set)
{
  print_stats ("work", &set->work);
  print_stats ("  cpu", &set->cpu);
  print_stats ("  paint", &set->paint);
  print_stats ("interval", &set->interval);
}

static void
json_stats (GString     *json,
            const char  *name,
            const Stats *s)
{
  g_string_append_printf (json, "\"%s\":{\"n\":%u,\"max_ms\":%.2f,\"p99_ms\":%.2f,\"p95_ms\":%.2f,"
                          "\"median_ms\":%.2f,\"mean_ms\":%.2f,\"over_16ms\":%u,\"dropped\":%u}",
                          name, s->n, s->max, s->p99, s->p95, s->p50, s->mean, s->over, s->dropped);
}

static void
json_set (GString        *json,
          const char     *name,
          const FrameSet *set)
{
  g_string_append_printf (json, ",\"%s\":{", name);
  json_stats (json, "work", &set->work);
  g_string_append_c (json, ',');
  json_stats (json, "cpu", &set->cpu);
  g_string_append_c (json, ',');
  json_stats (json, "paint", &set->paint);
  g_string_append_c (json, ',');
  json_stats (json, "interval", &set->interval);
  g_string_append_printf (json, ",\"placeholder_frames\":%u}", set->placeholder_frames);
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "MISSED";
}

static void
report (void)
{
  FrameSet scroll = frame_set (bench.scroll_first, bench.scroll_last, 1u << PHASE_SCROLL);
  FrameSet smooth = frame_set (bench.smooth_first, bench.smooth_last, 1u << PHASE_SMOOTH);
  FrameSet jumps = frame_set (0, bench.frames->len - 1, 1u << PHASE_JUMP);
  FrameSet sweep = { 0 };
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *loadavg = NULL;
  Memory end;
  double first_rows_ms = ms (bench.t_first_rows - bench.t0);
  double peak_mb = bench.mem_scrolled.hwm_kb / 1024.0;
  guint over = scroll.work.over + smooth.work.over + jumps.work.over;
  gint64 server_hwm = bench.server != NULL ? process_rss_kb (g_subprocess_get_identifier (bench.server)) : 0;

  read_memory (&end);
  if (bench.sweep)
    sweep = frame_set (bench.sweep_first, bench.sweep_last, 1u << PHASE_SWEEP);
  /* the 1, 5 and 15 minute load averages: other work on the machine skews every number */
  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    {
      char *p = loadavg;

      for (guint fields = 0; *p != '\0'; p++)
        if (*p == ' ' && ++fields == 3)
          break;
      *p = '\0';
    }

  printf ("inbox-bench: %u leads, %s, %s, GSK_RENDERER=%s, GTK_A11Y=%s, frame end %s, load average %s\n",
          rcrm_lead_list_model_get_total (bench.model), bench.page_mode ? "RcrmInboxPage in a GtkWindow" : "RcrmWindow",
          bench.server_url, g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)",
          g_getenv ("GTK_A11Y") != NULL ? g_getenv ("GTK_A11Y") : "(default)",
          bench.no_sync ? "after-paint" : "after-paint + XSync", loadavg != NULL ? loadavg : "?");
  if (bench.cold)
    printf ("startup (--cold: t0 = the window is made; it starts its own requests)\n");
  else
    printf ("startup (t0 = the app has a token: GET /me and the inbox's first page go out; the window is made when"
            " both are here, at most 250 ms after /me, as rcrm-application.c does)\n  /me answered %.1f ms\n",
            ms (bench.t_me - bench.t0));
  printf ("  window made %.1f ms, first frame %.1f ms (its work %.1f ms), first page in the model %.1f ms\n",
          ms (bench.t_window - bench.t0), ms (bench.t_first_frame - bench.t0), bench.first_frame_work_ms,
          bench.t_model ? ms (bench.t_model - bench.t0) : -1.0);
  printf ("  first rows visible with data %.1f ms   [target < %.0f ms: %s]\n", first_rows_ms, TARGET_FIRST_ROWS_MS,
          verdict (first_rows_ms < TARGET_FIRST_ROWS_MS));
  printf ("  rows complete (owner and step names too) %.1f ms\n", ms (bench.t_complete - bench.t0));
  printf ("  events (ms): %s\n", bench.events->str);
  if (!bench.startup_only)
    {
      printf ("scroll: %d frames, each moving %.2f viewport (%.0f px)\n", bench.steps, bench.step_fraction,
              gtk_adjustment_get_page_size (bench.vadj) * bench.step_fraction);
      print_set (&scroll);
      printf ("  frames showing placeholders: %u of %u; after the last step all rows loaded in %.1f ms\n",
              scroll.placeholder_frames, scroll.work.n, bench.scroll_loaded_ms);
      printf ("smooth scroll: %d frames, each moving %.2f viewport (%.0f px)\n", bench.smooth_steps,
              bench.smooth_fraction, gtk_adjustment_get_page_size (bench.vadj) * bench.smooth_fraction);
      print_set (&smooth);
      printf ("  frames showing placeholders: %u of %u; after the last step all rows loaded in %.1f ms\n",
              smooth.placeholder_frames, smooth.work.n, bench.smooth_loaded_ms);
      printf ("jumps (work of the jump frame; time until no visible cell is a placeholder)\n");
      for (guint i = 0; i < G_N_ELEMENTS (jump_targets); i++)
        printf ("  to %3.0f %%: jump frame %6.1f ms, rows loaded after %6.1f ms (%u frames, worst %.1f ms)\n",
                jump_targets[i] * 100, bench.jumps[i].work_ms, bench.jumps[i].loaded_ms, bench.jumps[i].n_frames,
                bench.jumps[i].max_work_ms);
      print_set (&jumps);
    }
  if (bench.sweep)
    {
      printf ("sweep: %u frames, one model page (%d rows) per frame, then until every page is loaded\n",
              bench.sweep_steps, RCRM_LEAD_LIST_MODEL_PAGE_SIZE);
      print_set (&sweep);
      printf ("  every page loaded %.1f s after the last step (%u GET /leads in all)\n", bench.sweep_loaded_ms / 1000,
              rcrm_lead_list_model_get_n_requests (bench.model));
    }
  if (!bench.startup_only)
    printf ("frames over %.0f ms while scrolling and jumping: %u of %u; worst %.1f ms   [target none: %s]\n",
            TARGET_FRAME_MS, over, scroll.work.n + smooth.work.n + jumps.work.n,
            MAX (MAX (scroll.work.max, smooth.work.max), jumps.work.max), verdict (over == 0));
  printf ("memory (client, kB): RSS at first rows %" G_GINT64_FORMAT ", after scrolling %" G_GINT64_FORMAT
          " (%u model pages)", bench.mem_first_rows.rss_kb, bench.mem_scrolled.rss_kb, bench.pages_scrolled);
  if (bench.sweep)
    printf (", after the sweep %" G_GINT64_FORMAT " (%u pages)", bench.mem_swept.rss_kb, bench.pages_swept);
  printf ("\n  end: VmRSS %" G_GINT64_FORMAT " VmHWM %" G_GINT64_FORMAT " (RssAnon %" G_GINT64_FORMAT
          ", RssFile %" G_GINT64_FORMAT ")   [target peak < %.0f MB (before any sweep): %.1f MB %s]\n",
          end.rss_kb, end.hwm_kb, end.anon_kb, end.file_kb, TARGET_RSS_MB, peak_mb,
          verdict (peak_mb < TARGET_RSS_MB));
  if (server_hwm > 0)
    printf ("  rcrm-server VmHWM %" G_GINT64_FORMAT " kB\n", server_hwm);
  printf ("GET /leads by the inbox model: %u; the bench's own cell scans took %.1f ms (outside the frame work)\n",
          rcrm_lead_list_model_get_n_requests (bench.model), ms (bench.scan_total_us));
  if (bench.n_toasts > 0)
    printf ("the app showed %u error toasts (see stderr)\n", bench.n_toasts);

  g_string_append_printf (json, "{\"bench\":\"inbox\",\"leads\":%u,\"mode\":\"%s\",\"x_sync\":%s,"
                          "\"refresh_ms\":%.2f,\"loadavg\":\"%s\"",
                          rcrm_lead_list_model_get_total (bench.model), bench.page_mode ? "page" : "window",
                          bench.no_sync ? "false" : "true", bench.refresh_ms, loadavg != NULL ? loadavg : "");
  g_string_append_printf (json, ",\"startup\":{\"window_made_ms\":%.2f,\"first_frame_ms\":%.2f,"
                          "\"first_frame_work_ms\":%.2f,\"model_first_page_ms\":%.2f,\"first_rows_ms\":%.2f,"
                          "\"complete_rows_ms\":%.2f}",
                          ms (bench.t_window - bench.t0), ms (bench.t_first_frame - bench.t0),
                          bench.first_frame_work_ms, bench.t_model ? ms (bench.t_model - bench.t0) : -1.0,
                          first_rows_ms, ms (bench.t_complete - bench.t0));
  g_string_append_printf (json, ",\"scroll_steps\":%d,\"scroll_step_px\":%.0f,\"scroll_loaded_ms\":%.2f",
                          bench.startup_only ? 0 : bench.steps,
                          gtk_adjustment_get_page_size (bench.vadj) * bench.step_fraction, bench.scroll_loaded_ms);
  json_set (json, "scroll", &scroll);
  g_string_append_printf (json, ",\"smooth_steps\":%d,\"smooth_step_px\":%.0f,\"smooth_loaded_ms\":%.2f",
                          bench.startup_only ? 0 : bench.smooth_steps,
                          gtk_adjustment_get_page_size (bench.vadj) * bench.smooth_fraction, bench.smooth_loaded_ms);
  json_set (json, "smooth", &smooth);
  g_string_append (json, ",\"jumps\":[");
  for (guint i = 0; i < G_N_ELEMENTS (jump_targets); i++)
    g_string_append_printf (json, "%s{\"to\":%.2f,\"frame_ms\":%.2f,\"loaded_ms\":%.2f,\"frames\":%u,\"worst_ms\":%.2f}",
                            i > 0 ? "," : "", jump_targets[i], bench.jumps[i].work_ms, bench.jumps[i].loaded_ms,
                            bench.jumps[i].n_frames, bench.jumps[i].max_work_ms);
  g_string_append (json, "]");
  json_set (json, "jump_frames", &jumps);
  if (bench.sweep)
    {
      json_set (json, "sweep", &sweep);
      g_string_append_printf (json, ",\"sweep_loaded_ms\":%.2f", bench.sweep_loaded_ms);
    }
  g_string_append_printf (json, ",\"memory_kb\":{\"first_rows_rss\":%" G_GINT64_FORMAT ",\"scrolled_rss\":%"
                          G_GINT64_FORMAT ",\"scrolled_hwm\":%" G_GINT64_FORMAT ",\"swept_rss\":%" G_GINT64_FORMAT
                          ",\"end_rss\":%" G_GINT64_FORMAT ",\"end_hwm\":%" G_GINT64_FORMAT ",\"end_anon\":%"
                          G_GINT64_FORMAT ",\"end_file\":%" G_GINT64_FORMAT ",\"server_hwm\":%" G_GINT64_FORMAT "}",
                          bench.mem_first_rows.rss_kb, bench.mem_scrolled.rss_kb, bench.mem_scrolled.hwm_kb,
                          bench.mem_swept.rss_kb, end.rss_kb, end.hwm_kb, end.anon_kb, end.file_kb, server_hwm);
  g_string_append_printf (json, ",\"pages_scrolled\":%u,\"pages_swept\":%u,\"requests\":%u,\"toasts\":%u",
                          bench.pages_scrolled, bench.pages_swept, rcrm_lead_list_model_get_n_requests (bench.model),
                          bench.n_toasts);
  g_string_append_printf (json, ",\"targets\":{\"first_rows\":%s,\"frames\":%s,\"rss\":%s}}",
                          first_rows_ms < TARGET_FIRST_ROWS_MS ? "true" : "false",
                          bench.startup_only ? "null" : over == 0 ? "true" : "false",
                          peak_mb < TARGET_RSS_MB ? "true" : "false");
  printf ("%s\n", json->str);
  fflush (stdout);
}

/* every frame, times in ms from t0: where a long frame spends its time */
static void
write_frames_csv (void)
{
  g_autoptr(GString) csv = g_string_new ("frame,phase,step,start_ms,before_paint_ms,update_ms,layout_ms,paint_ms,after_paint_ms,"
                                         "x_sync_ms,work_ms,cpu_ms,interval_ms,rows,placeholders,incomplete,scan_ms,start_monotonic_us\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < bench.frames->len; i++)
    {
      Frame *f = &g_array_index (bench.frames, Frame, i);
      gint64 paint = f->paint != 0 ? f->paint : f->after;
      gint64 layout = f->layout != 0 ? f->layout : paint;
      gint64 update = f->update != 0 ? f->update : layout;

      g_string_append_printf (csv, "%u,%s,%u,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%u,%u,%u,%.2f,%"
                              G_GINT64_FORMAT "\n",
                              i, phase_names[f->phase], f->step, ms (f->start - bench.t0),
                              ms (update - f->start), ms (layout - update), ms (paint - layout), ms (f->after - paint),
                              ms (f->end - f->after), ms (f->synced - f->end), ms (f->synced - f->start),
                              ms (f->cpu), i > 0 ? ms (f->synced - g_array_index (bench.frames, Frame, i - 1).synced) : 0.0,
                              f->rows, f->placeholders, f->incomplete, ms (f->scan_us), f->start);
    }
  if (!g_file_set_contents (bench.frames_csv, csv->str, csv->len, &error))
    g_printerr ("inbox-bench: %s\n", error->message);
}

/* ---- main ------------------------------------------------------------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &bench.server_url, "A running rcrm-server, e.g. http://127.0.0.1:8080", "URL" },
    { "server-binary", 0, 0, G_OPTION_ARG_FILENAME, &bench.server_binary, "Start this rcrm-server …", "PATH" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &bench.database, "… on this database (made by fill-leads)", "PATH" },
    { "username", 0, 0, G_OPTION_ARG_STRING, &bench.username, "Sign in as (default admin: sees every lead)", "NAME" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &bench.password, "Password (default rcrm-bench-password)", "TEXT" },
    { "page", 0, 0, G_OPTION_ARG_NONE, &bench.page_mode, "A bare RcrmInboxPage instead of the main window", NULL },
    { "cold", 0, 0, G_OPTION_ARG_NONE, &bench.cold, "t0 = the window is made, without GET /me and the prefetch", NULL },
    { "steps", 0, 0, G_OPTION_ARG_INT, &bench.steps, "Scroll steps, one per frame (default 200)", "N" },
    { "step-fraction", 0, 0, G_OPTION_ARG_DOUBLE, &bench.step_fraction, "Viewports per step (default 1)", "F" },
    { "smooth-steps", 0, 0, G_OPTION_ARG_INT, &bench.smooth_steps, "Then smooth-scroll steps, one per frame (default 200)", "N" },
    { "smooth-fraction", 0, 0, G_OPTION_ARG_DOUBLE, &bench.smooth_fraction, "Viewports per smooth step (default 0.1)", "F" },
    { "sweep", 0, 0, G_OPTION_ARG_NONE, &bench.sweep, "Then sweep the whole list (loads every page)", NULL },
    { "startup-only", 0, 0, G_OPTION_ARG_NONE, &bench.startup_only, "Stop after the first rows (no scrolling)", NULL },
    { "no-sync", 0, 0, G_OPTION_ARG_NONE, &bench.no_sync, "Do not wait for the X server at the end of a frame", NULL },
    { "screenshots", 0, 0, G_OPTION_ARG_FILENAME, &bench.screenshot_dir, "Save PNGs of the window here", "DIR" },
    { "frames-csv", 0, 0, G_OPTION_ARG_FILENAME, &bench.frames_csv, "Write every frame's timings here", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the inbox benchmark (run it under Xvfb)");
  g_autoptr(GError) error = NULL;

  bench.steps = 200;
  bench.step_fraction = 1.0;
  bench.smooth_steps = 200;
  bench.smooth_fraction = 0.1;
  bench.scroll_first = bench.smooth_first = bench.sweep_first = G_MAXUINT;
  bench.frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  bench.events = g_string_new (NULL);

  /* as the app: the locale's language (Thai under LANG=th_TH.UTF-8) */
  rcrm_application_setup_i18n ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("inbox-bench: %s\n", error->message);
      return 2;
    }
  if ((bench.server_url == NULL) == (bench.server_binary == NULL || bench.database == NULL) || bench.steps < 1
      || bench.step_fraction <= 0 || bench.smooth_steps < 0 || bench.smooth_fraction <= 0)
    {
      g_printerr ("usage: inbox-bench (--server URL | --server-binary PATH --database PATH) [--steps N] [--sweep]\n");
      return 2;
    }
  if (bench.username == NULL)
    bench.username = g_strdup ("admin");
  if (bench.password == NULL)
    bench.password = g_strdup ("rcrm-bench-password");

  if (!gtk_init_check ())
    {
      g_printerr ("inbox-bench: no display (run it under xvfb-run)\n");
      return 2;
    }
  adw_init ();
  rcrm_app_ensure_resources ();
  bench.loop = g_main_loop_new (NULL, FALSE);

  if (bench.server_binary != NULL && !start_server (&error))
    {
      g_printerr ("inbox-bench: %s\n", error->message);
      stop_server ();
      return 1;
    }
  if (!sign_in (&error))
    {
      g_printerr ("inbox-bench: cannot sign in to %s as %s: %s\n", bench.server_url, bench.username, error->message);
      stop_server ();
      return 1;
    }

  add_hook ("before-paint");
  add_hook ("update");
  add_hook ("layout");
  add_hook ("paint");
  add_hook ("after-paint");

  start_app ();
  g_timeout_add_seconds (TIMEOUT_S + (bench.sweep ? SWEEP_TIMEOUT_S : 0), on_timeout, NULL);
  g_main_loop_run (bench.loop);

  if (bench.exit_code == 0)
    report ();
  if (bench.frames_csv != NULL)
    write_frames_csv ();
  if (bench.screenshot_dir != NULL && bench.exit_code == 0)
    screenshot ("4-end.png");

  gtk_window_destroy (bench.window);
  stop_server ();
  g_clear_object (&bench.client);
  g_array_unref (bench.frames);
  return bench.exit_code;
}
