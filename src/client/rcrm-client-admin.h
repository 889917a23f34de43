/* rcrm-client-admin.h — RcrmClient calls for administrators: settings,
 * custom forms (R22) and PDPA erasure (R26)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Async/finish pairs like the rest of RcrmClient.  Errors are
 * RCRM_CLIENT_ERROR: a stale version is PRECONDITION_FAILED (412), a
 * non-admin ADMIN_ONLY (403), bad values INVALID (422, see the fields:
 * "duplicates.action", "fields.2.key", …), erasure switched off
 * ERASURE_DISABLED (403).
 */
#pragma once

#include "rcrm-client.h"
#include "rcrm-form.h"

G_BEGIN_DECLS

/* PATCH /settings with If-Match: version; changes holds any subset of the
 * document (nested objects merge member by member).  Returns the whole new
 * document, "version" included. */
void        rcrm_client_update_settings_async  (RcrmClient          *self,
                                                gint64               version,
                                                JsonObject          *changes,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
JsonObject *rcrm_client_update_settings_finish (RcrmClient          *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* GET /forms/{entity}; entity "lead" or "account" */
void        rcrm_client_get_form_async         (RcrmClient          *self,
                                                const char          *entity,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
RcrmForm   *rcrm_client_get_form_finish        (RcrmClient          *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* PUT /forms/{entity} with If-Match: the form's version; replaces the
 * definition with the form's fields (in their order).  Returns the stored
 * form. */
void        rcrm_client_put_form_async         (RcrmClient          *self,
                                                RcrmForm            *form,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
RcrmForm   *rcrm_client_put_form_finish        (RcrmClient          *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* POST /{leads|accounts|contacts}/{id}/erasure; kind "lead", "account" or
 * "contact".  Irreversible. */
void        rcrm_client_erase_async            (RcrmClient          *self,
                                                const char          *kind,
                                                gint64               id,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean    rcrm_client_erase_finish           (RcrmClient          *self,
                                                GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
