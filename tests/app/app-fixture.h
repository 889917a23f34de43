/* app-fixture.h — helpers for the UI tests of the app (tests/app)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests create the app's real windows in-process (through the accessors
 * of rcrm-app-private.h and rcrm-lead-view-private.h) against the real
 * rcrm-server started by the client fixture (tc_server_start), iterate the
 * main context until what the widgets show is what they expect, and save
 * screenshots.  run-ui-test.sh provides the display, the D-Bus session and
 * the keyring; meson provides the environment (see meson.build).
 */
#pragma once

#include <adwaita.h>

#include "client-fixture.h"
#include "rcrm-app-private.h"
#include "rcrm-lead-view-private.h"
#include "rcrm-move-dialog.h"
#include "rcrm-timeline-row.h"
#include "rcrm-unfollow-dialog.h"

G_BEGIN_DECLS

/* how long a TA_WAIT waits before it fails the test */
#define TA_WAIT_TIMEOUT_S 30

/* The demo data (rcrm-server --demo) the tests rely on */
#define TA_DEMO_USER          "somchai"
#define TA_DEMO_USER_NAME     "สมชาย ใจดี"
#define TA_DEMO_TEAM_LEAD     "sudarat"
#define TA_DEMO_SEARCH        "สมชาย"
#define TA_DEMO_SEARCH_RESULT "นายสมชายใจดี"

/* Before anything else in main(): the locale and text domain as the app sets
 * them (rcrm_application_setup_i18n), g_test_init with isolated directories,
 * gtk_init and adw_init.  Fails at once when the environment is not the one
 * meson gives (display, Thai locale, RCRM_SERVER, schema directory). */
void          ta_init                (int          *argc,
                                      char       ***argv);

/* A new RcrmApplication for the windows a test makes itself: registered (its
 * "startup" ran: app actions, the stylesheet and icons of its resources) but
 * not activated, so it opens no window of its own.  Non-unique, so that a
 * test can start another one.  It stays registered on the bus, and so alive,
 * until the process ends (only g_application_run unregisters). */
RcrmApplication *ta_application_new  (void);

/* ---- a whole application run ------------------------------------------------------ */

typedef struct _TaRun TaRun;
typedef void (*TaRunBody) (TaRun *run);

struct _TaRun {
  RcrmApplication *app;
  TaRunBody        body;
  gpointer         data;
  guint            n_login_windows;   /* shown during the run */
  guint            n_main_windows;
};

/* A start of the real app as `rcrm` without arguments: g_application_run of
 * a new RcrmApplication (so it registers, starts up, activates, and at the end
 * shuts down and leaves the bus as the real program does).  body runs once the
 * app is activated (inside the run); it drives the app with TA_WAIT and ends
 * by closing the app's windows (ta_run_close_windows), after which the run
 * ends when the app releases its last hold, as it would for the user. */
void             ta_run_app           (TaRunBody        body,
                                       gpointer         data);
/* the app's sign-in window or main window, or NULL */
RcrmLoginWindow *ta_run_login_window  (TaRun           *run);
RcrmWindow      *ta_run_main_window   (TaRun           *run);
/* closes every window of the app, as the user does with the close button */
void             ta_run_close_windows (TaRun           *run);

/* ---- waiting ----------------------------------------------------------------- */

typedef struct {
  gint64 deadline;
  guint  ticker;
} TaWait;

void          ta_wait_begin          (TaWait      *wait);
/* one iteration of the default main context; fails the test with what (and
 * state, freed, when not NULL) after TA_WAIT_TIMEOUT_S */
void          ta_wait_step           (TaWait      *wait,
                                      const char  *file,
                                      int          line,
                                      const char  *func,
                                      const char  *what,
                                      char        *state);
void          ta_wait_end            (TaWait      *wait);

/* Iterates the main context until cond holds; fails the test, naming cond,
 * after TA_WAIT_TIMEOUT_S. */
#define TA_WAIT(cond) TA_WAIT_STATE (cond, NULL)

/* The same; state (a newly allocated string, evaluated only on failure)
 * describes what the widgets showed instead. */
#define TA_WAIT_STATE(cond, state)                                                   \
  G_STMT_START {                                                                     \
    TaWait ta_wait_;                                                                 \
    ta_wait_begin (&ta_wait_);                                                       \
    while (!(cond))                                                                  \
      {                                                                              \
        if (g_get_monotonic_time () > ta_wait_.deadline)                             \
          ta_wait_step (&ta_wait_, __FILE__, __LINE__, G_STRFUNC, #cond, (state));   \
        else                                                                         \
          ta_wait_step (&ta_wait_, __FILE__, __LINE__, G_STRFUNC, #cond, NULL);      \
      }                                                                              \
    ta_wait_end (&ta_wait_);                                                         \
  } G_STMT_END

/* fails the running test with a printf-style message (TAP "not ok") */
#define ta_fail(...)                                                                 \
  G_STMT_START {                                                                     \
    char *ta_fail_message_ = g_strdup_printf (__VA_ARGS__);                          \
    g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, ta_fail_message_); \
    g_free (ta_fail_message_);                                                       \
  } G_STMT_END

/* waits until widget is mapped and its frame clock painted n more frames */
void          ta_wait_painted        (GtkWidget   *widget,
                                      guint        n);

/* ---- what the widgets show ---------------------------------------------------- */

/* the first descendant of root (root included) that is a GtkLabel showing
 * text and is drawable (mapped and visible), or NULL */
GtkLabel     *ta_find_label          (GtkWidget   *root,
                                      const char  *text);
/* the same for the list cells' RcrmCellText (the inbox's cells) */
GtkWidget    *ta_find_cell_text      (GtkWidget   *root,
                                      const char  *text);
/* the first drawable GtkButton under root whose label, without mnemonic
 * underscores, is label; or NULL */
GtkButton    *ta_find_button         (GtkWidget   *root,
                                      const char  *label);
/* destroys every toplevel window and drains the main context */
void          ta_destroy_all_windows (void);

/* gettext in the app's text domain: what the app shows for msgid */
const char   *ta_gettext             (const char  *msgid) G_GNUC_FORMAT (1);
/* "N ลีด"-like text of the inbox's count label for n leads */
char         *ta_count_text          (guint        n);

/* ---- screenshots ---------------------------------------------------------------- */

/* Renders widget (a window) with its own renderer (GSK_RENDERER=cairo) into
 * $RCRM_SCREENSHOT_DIR/name.png and returns the path.  Waits for a painted
 * frame first. */
char         *ta_save_screenshot     (GtkWidget   *widget,
                                      const char  *name);

/* ---- the main window --------------------------------------------------------------- */

/* the real main window of app (may be NULL) for client (signed in),
 * width × height, presented; returns once the catalog (owner and step names)
 * and the first inbox page arrived */
RcrmWindow   *ta_main_window_new     (RcrmApplication *app,
                                      RcrmClient  *client,
                                      int          width,
                                      int          height);
/* waits until page's model is loaded (not loading) for the current query */
void          ta_inbox_wait_loaded   (RcrmInboxPage *page);
/* types text into the page's search entry and waits for the server's answer
 * to that query; NULL or "" clears the search */
void          ta_inbox_search        (RcrmInboxPage *page,
                                      const char    *text);
/* the item at position of the page's column view model, loaded (waits for its
 * page of the lazy model); a new reference */
RcrmLead     *ta_inbox_get_lead      (RcrmInboxPage *page,
                                      guint          position);
/* TRUE when the page's (loaded) model holds a lead with id */
gboolean      ta_inbox_has_lead      (RcrmInboxPage *page,
                                      gint64         id);
/* the names shown in the page's name column, in order (loads every item) */
GStrv         ta_inbox_dup_names     (RcrmInboxPage *page);
/* activates (double-click / Enter) the row at position, as the user does */
void          ta_inbox_activate_row  (RcrmInboxPage *page,
                                      guint          position);

/* the lead page of window, once the lead id is shown and nothing is busy */
RcrmLeadView *ta_window_wait_lead    (RcrmWindow  *window,
                                      gint64       id);
/* waits until view is idle and shows the lead page (fails with the error
 * page's text when it shows an error) */
void          ta_lead_view_wait_idle (RcrmLeadView *view);
/* the sentence of the newest timeline row, or NULL */
const char   *ta_timeline_first_sentence (RcrmLeadView *view);
/* the GtkLabel texts of the newest timeline row, joined with '\n' */
char         *ta_timeline_first_text (RcrmLeadView *view);
/* the number of timeline rows */
guint         ta_timeline_n_rows     (RcrmLeadView *view);

/* ---- the server ---------------------------------------------------------------------- */

/* the lead as the server has it now (asserts success) */
RcrmLead     *ta_fetch_lead          (RcrmClient  *client,
                                      gint64       id);
/* a lead owned by client's user with a unique, searchable name:
 * "<prefix> <unique latin token>"; the token is returned in *token */
RcrmLead     *ta_create_lead         (RcrmClient  *client,
                                      const char  *prefix,
                                      char       **token);

G_END_DECLS
