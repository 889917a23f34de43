/* rcrm-client-labels.h — labels (R12) and segments (R13) through RcrmClient
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Async/finish pairs like those of rcrm-client.h, with the same errors:
 * a duplicate name or a bad colour is RCRM_CLIENT_ERROR_INVALID (fields
 * "name", "color", "label_ids", "filter.X"), a system label or a shared
 * segment changed by a non-admin RCRM_CLIENT_ERROR_FORBIDDEN ("admin_only"),
 * a stale If-Match RCRM_CLIENT_ERROR_PRECONDITION_FAILED.
 */
#pragma once

#include "rcrm-client.h"
#include "rcrm-segment.h"

G_BEGIN_DECLS

/* ---- labels -------------------------------------------------------------------- */

/* GET /labels, every page: GPtrArray of RcrmLabel with their usage
 * (rcrm_label_get_usage) */
void          rcrm_client_list_labels_usage_async   (RcrmClient           *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray    *rcrm_client_list_labels_usage_finish  (RcrmClient           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* the leads and accounts carrying a label among those the caller sees, as
 * the label's GET /labels answer said; FALSE when it did not say */
gboolean      rcrm_label_get_usage                  (RcrmLabel            *label,
                                                     gint64               *leads,
                                                     gint64               *accounts);

/* POST /labels; system TRUE = a system label (admins only) */
void          rcrm_client_create_label_async        (RcrmClient           *self,
                                                     const char           *name,
                                                     const char           *color,
                                                     gboolean              system,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
RcrmLabel    *rcrm_client_create_label_finish       (RcrmClient           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* PATCH /labels/{id} with If-Match: version; name or color NULL = unchanged */
void          rcrm_client_update_label_async        (RcrmClient           *self,
                                                     gint64                id,
                                                     gint64                version,
                                                     const char           *name,
                                                     const char           *color,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
RcrmLabel    *rcrm_client_update_label_finish       (RcrmClient           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* DELETE /labels/{id}: it leaves every lead, account and segment */
void          rcrm_client_delete_label_async        (RcrmClient           *self,
                                                     gint64                id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean      rcrm_client_delete_label_finish       (RcrmClient           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* PATCH /leads/{id} {"label_ids": […]} with If-Match: version; the new lead */
void          rcrm_client_set_lead_labels_async     (RcrmClient           *self,
                                                     gint64                lead_id,
                                                     gint64                version,
                                                     const gint64         *label_ids,
                                                     guint                 n_label_ids,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
RcrmLead     *rcrm_client_set_lead_labels_finish    (RcrmClient           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* ---- segments ------------------------------------------------------------------- */

/* GET /segments?entity=…, every page (entity NULL = both): GPtrArray of
 * RcrmSegment, shared ones and the caller's own */
void          rcrm_client_list_segments_async       (RcrmClient           *self,
                                                     const char           *entity,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GPtrArray    *rcrm_client_list_segments_finish      (RcrmClient           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void          rcrm_client_get_segment_async         (RcrmClient           *self,
                                                     gint64                id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
RcrmSegment  *rcrm_client_get_segment_finish        (RcrmClient           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* POST /segments; filter may be NULL (everything); shared: admins only */
void          rcrm_client_create_segment_async      (RcrmClient           *self,
                                                     const char           *name,
                                                     const char           *entity,
                                                     gboolean              shared,
                                                     JsonObject           *filter,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
RcrmSegment  *rcrm_client_create_segment_finish     (RcrmClient           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
/* PATCH /segments/{id} with If-Match: version; changes holds "name",
 * "shared" and/or "filter" (replaced whole) */
void          rcrm_client_update_segment_async      (RcrmClient           *self,
                                                     gint64                id,
                                                     gint64                version,
                                                     JsonObject           *changes,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
RcrmSegment  *rcrm_client_update_segment_finish     (RcrmClient           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void          rcrm_client_delete_segment_async      (RcrmClient           *self,
                                                     gint64                id,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean      rcrm_client_delete_segment_finish     (RcrmClient           *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
