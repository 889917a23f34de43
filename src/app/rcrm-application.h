/* rcrm-application.h — the rcrm application: sign-in, windows, app actions
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Command line: rcrm [--server URL].  With RCRM_TOKEN in the environment the
 * app uses that bearer token instead of the keyring and the sign-in window
 * (and runs as a non-unique instance, so a script never talks to an already
 * running app).  Otherwise the token of the last user comes from the keyring
 * (rcrm-secret.h); a missing or stuck keyring only means the sign-in is not
 * remembered.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-client.h"

G_BEGIN_DECLS

#define RCRM_APPLICATION_ID "io.rcrm.Desktop"

#define RCRM_TYPE_APPLICATION (rcrm_application_get_type ())

G_DECLARE_FINAL_TYPE (RcrmApplication, rcrm_application, RCRM, APPLICATION, AdwApplication)

/* also sets up translations: rcrm_application_setup_i18n () */
RcrmApplication *rcrm_application_new        (void);
/* the client of the current session (NULL before the first activation) */
RcrmClient      *rcrm_application_get_client (RcrmApplication *self);
/* setlocale (LC_ALL, ""), and the "rcrm" text domain bound to $RCRM_LOCALEDIR
 * or the installed locale directory */
void             rcrm_application_setup_i18n (void);

G_END_DECLS
