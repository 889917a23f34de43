/* rcrm-secret.h — the session token in the keyring (libsecret)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Schema "io.rcrm.Desktop.Token" with the attributes "server" (the base URL)
 * and "username".  Every call is async, with the caller's GCancellable and a
 * timeout (RCRM_SECRET_TIMEOUT_S): a keyring that is missing, locked behind a
 * prompt nobody answers or otherwise stuck never blocks the app.  Failures are
 * GErrors: G_IO_ERROR_TIMED_OUT after the timeout, G_IO_ERROR_CANCELLED when
 * the caller cancelled, else libsecret's or D-Bus's own (no bus, no Secret
 * Service, locked collection).
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RCRM_SECRET_SCHEMA_NAME "io.rcrm.Desktop.Token"
#define RCRM_SECRET_TIMEOUT_S   5

/* stores token for (server, username), replacing an older one */
void      rcrm_secret_store_async    (const char           *server,
                                      const char           *username,
                                      const char           *token,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  rcrm_secret_store_finish   (GAsyncResult         *result,
                                      GError              **error);
/* the token for (server, username); NULL without error when there is none */
void      rcrm_secret_lookup_async   (const char           *server,
                                      const char           *username,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
char     *rcrm_secret_lookup_finish  (GAsyncResult         *result,
                                      GError              **error);
/* removes the token for (server, username); TRUE also when there was none */
void      rcrm_secret_clear_async    (const char           *server,
                                      const char           *username,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  rcrm_secret_clear_finish   (GAsyncResult         *result,
                                      GError              **error);

/* the timeout in milliseconds of the calls above (tests shorten it);
 * 0 restores RCRM_SECRET_TIMEOUT_S */
void      rcrm_secret_set_timeout_ms (guint                 timeout_ms);

G_END_DECLS
