/* rcrm-catalog.h — the reference data the pages share
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Users (owner names), pipelines (step names), labels, the server settings
 * (lead sources, duplicate rules) and the teams the signed-in user leads, all
 * fetched once per window through its RcrmClient.  "changed" is emitted each
 * time a part arrives; "error" for each part that failed (a toast).
 */
#pragma once

#include <gio/gio.h>

#include "rcrm-client.h"

G_BEGIN_DECLS

#define RCRM_TYPE_CATALOG (rcrm_catalog_get_type ())

G_DECLARE_FINAL_TYPE (RcrmCatalog, rcrm_catalog, RCRM, CATALOG, GObject)

RcrmCatalog  *rcrm_catalog_new                    (RcrmClient   *client);
RcrmClient   *rcrm_catalog_get_client             (RcrmCatalog  *self);
/* (re)fetches every part; the current data stays until the new one arrives */
void          rcrm_catalog_load                   (RcrmCatalog  *self);
/* every part has arrived (or failed) at least once */
gboolean      rcrm_catalog_get_loaded             (RcrmCatalog  *self);

/* the signed-in user (the client's), or NULL before GET /me answered */
RcrmUser     *rcrm_catalog_get_me                 (RcrmCatalog  *self);
/* GListModel of RcrmUser, RcrmPipeline, RcrmLabel, in server order */
GListModel   *rcrm_catalog_get_users              (RcrmCatalog  *self);
GListModel   *rcrm_catalog_get_pipelines          (RcrmCatalog  *self);
GListModel   *rcrm_catalog_get_labels             (RcrmCatalog  *self);
/* GET /settings, or NULL before it arrived */
JsonObject   *rcrm_catalog_get_settings           (RcrmCatalog  *self);

RcrmUser     *rcrm_catalog_lookup_user            (RcrmCatalog  *self,
                                                   gint64        id);
RcrmPipeline *rcrm_catalog_lookup_pipeline        (RcrmCatalog  *self,
                                                   gint64        id);
/* a label the signed-in user sees, or NULL */
RcrmLabel    *rcrm_catalog_lookup_label           (RcrmCatalog  *self,
                                                   gint64        id);
/* GET /labels again after a change (label manager): "changed" when it came */
void          rcrm_catalog_reload_labels          (RcrmCatalog  *self);
RcrmPipeline *rcrm_catalog_get_standard_pipeline  (RcrmCatalog  *self);
/* NULL when the pipeline or step is unknown */
const char   *rcrm_catalog_get_step_name          (RcrmCatalog  *self,
                                                   gint64        pipeline_id,
                                                   gint          step);
/* settings.lead_sources (empty before the settings arrived) */
GStrv         rcrm_catalog_dup_lead_sources       (RcrmCatalog  *self);
/* admins and team leads may choose a lead's owner (R24) */
gboolean      rcrm_catalog_get_can_assign         (RcrmCatalog  *self);
/* the active users the signed-in user may make owner, themselves first:
 * everyone for admins, their teams' members for team leads */
GPtrArray    *rcrm_catalog_dup_assignable_users   (RcrmCatalog  *self);

G_END_DECLS
