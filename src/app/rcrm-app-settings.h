/* rcrm-app-settings.h — the app's settings, with or without an installed schema
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wraps the GSettings schema "io.rcrm.Desktop" when it is installed; when it
 * is not (a build-tree run without GSETTINGS_SCHEMA_DIR, a test), the same
 * keys with the same defaults are kept in memory for the life of the process.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RCRM_APP_SETTINGS_SCHEMA_ID "io.rcrm.Desktop"

#define RCRM_TYPE_APP_SETTINGS (rcrm_app_settings_get_type ())

G_DECLARE_FINAL_TYPE (RcrmAppSettings, rcrm_app_settings, RCRM, APP_SETTINGS, GObject)

/* the process-wide instance (created on first use) */
RcrmAppSettings *rcrm_app_settings_get_default (void);
/* a new instance; backed by GSettings when the schema is installed */
RcrmAppSettings *rcrm_app_settings_new         (void);
/* NULL when the schema is not installed (values live in memory) */
GSettings       *rcrm_app_settings_get_settings (RcrmAppSettings *self);
gboolean         rcrm_app_settings_is_persistent (RcrmAppSettings *self);

char            *rcrm_app_settings_get_string  (RcrmAppSettings *self,
                                                const char      *key);
void             rcrm_app_settings_set_string  (RcrmAppSettings *self,
                                                const char      *key,
                                                const char      *value);
int              rcrm_app_settings_get_int     (RcrmAppSettings *self,
                                                const char      *key);
void             rcrm_app_settings_set_int     (RcrmAppSettings *self,
                                                const char      *key,
                                                int              value);
gboolean         rcrm_app_settings_get_boolean (RcrmAppSettings *self,
                                                const char      *key);
void             rcrm_app_settings_set_boolean (RcrmAppSettings *self,
                                                const char      *key,
                                                gboolean         value);

G_END_DECLS
