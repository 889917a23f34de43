/* rcrm-preferences-window.h — the administrator's settings (R28)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pages: duplicate prevention (R25), personal data erasure (R26), general
 * switches (R8, R14, R17, R11) and the custom forms (R22).  Each change is
 * saved shortly after it is made with PATCH /settings and If-Match, the
 * controls insensitive meanwhile; a 412 reloads the settings and says so,
 * other errors come as a toast (in Thai) and the controls show the server's
 * values again.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-client.h"

G_BEGIN_DECLS

#define RCRM_TYPE_PREFERENCES_WINDOW (rcrm_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RcrmPreferencesWindow, rcrm_preferences_window, RCRM, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* loads the settings at once; parent may be NULL */
RcrmPreferencesWindow *rcrm_preferences_window_new (GtkWindow  *parent,
                                                    RcrmClient *client);

G_END_DECLS
