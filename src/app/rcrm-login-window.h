/* rcrm-login-window.h — the sign-in window
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rcrm-client.h"

G_BEGIN_DECLS

#define RCRM_TYPE_LOGIN_WINDOW (rcrm_login_window_get_type ())

G_DECLARE_FINAL_TYPE (RcrmLoginWindow, rcrm_login_window, RCRM, LOGIN_WINDOW, AdwApplicationWindow)

/* The server row starts with the client's base URL.  Signing in to another
 * address makes a new RcrmClient (the "client" property changes).  On success
 * "signed-in" (RcrmClient *client) is emitted; the client then holds the token
 * and the user.  application may be NULL. */
RcrmLoginWindow *rcrm_login_window_new          (GtkApplication  *application,
                                                 RcrmClient      *client);
RcrmClient      *rcrm_login_window_get_client   (RcrmLoginWindow *self);
void             rcrm_login_window_set_username (RcrmLoginWindow *self,
                                                 const char      *username);
/* an inline message above the button (e.g. "session expired"); NULL hides it */
void             rcrm_login_window_show_error   (RcrmLoginWindow *self,
                                                 const char      *message);
gboolean         rcrm_login_window_get_busy     (RcrmLoginWindow *self);

G_END_DECLS
