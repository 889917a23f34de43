/* rcrm-window.h — the main window: sidebar, inbox, unfollowed box, lead page
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rcrm-catalog.h"
#include "rcrm-client.h"

G_BEGIN_DECLS

#define RCRM_TYPE_WINDOW (rcrm_window_get_type ())

G_DECLARE_FINAL_TYPE (RcrmWindow, rcrm_window, RCRM, WINDOW, AdwApplicationWindow)

/* client must be signed in (token set); application may be NULL */
RcrmWindow  *rcrm_window_new         (GtkApplication *application,
                                      RcrmClient     *client);
RcrmClient  *rcrm_window_get_client  (RcrmWindow     *self);
RcrmCatalog *rcrm_window_get_catalog (RcrmWindow     *self);
/* message is plain text (not markup) */
void         rcrm_window_show_toast  (RcrmWindow     *self,
                                      const char     *message);
/* "inbox", "unfollowed" or "accounts" */
void         rcrm_window_show_page   (RcrmWindow     *self,
                                      const char     *name);
/* shows the lead page for id; title is the header's title until the lead
 * page reports the lead (may be NULL) */
void         rcrm_window_open_lead   (RcrmWindow     *self,
                                      gint64          id,
                                      const char     *title);
/* shows the account page for id (from the register); title as for leads */
void         rcrm_window_open_account (RcrmWindow    *self,
                                       gint64         id,
                                       const char    *title);
/* the "new lead" dialog (win.new-lead); returns it (owned by GTK) */
GtkWindow   *rcrm_window_new_lead    (RcrmWindow     *self);
/* the preferences window (win.preferences, administrators only; NULL for
 * anyone else); returns it (owned by GTK) */
GtkWindow   *rcrm_window_show_preferences (RcrmWindow *self);

G_END_DECLS
