/* rcrm-segment-dialog.h — "save as segment" (R13) from the inbox's filters
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A name, the shared switch (admins only), the inbox's current filters
 * (labels, state, owner: given as a filter object) and the members the inbox
 * has no control for: value range, created date range and province.  Saves
 * with POST /segments; the server's validation messages are shown under the
 * fields, and nothing typed is lost.  "created" (RcrmSegment) on success,
 * then the dialog closes.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-catalog.h"
#include "rcrm-segment.h"

G_BEGIN_DECLS

#define RCRM_TYPE_SEGMENT_DIALOG (rcrm_segment_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RcrmSegmentDialog, rcrm_segment_dialog, RCRM, SEGMENT_DIALOG, AdwWindow)

/* base_filter: label_ids / state / owner_id from the inbox (may be empty);
 * summary: those in words, for the user */
RcrmSegmentDialog *rcrm_segment_dialog_new    (GtkWindow         *parent,
                                               RcrmCatalog       *catalog,
                                               JsonObject        *base_filter,
                                               const char        *summary);
void               rcrm_segment_dialog_submit (RcrmSegmentDialog *self);
/* a segment of "accounts" (from the register; summary as for _new) instead
 * of "leads" (the default) */
void               rcrm_segment_dialog_set_entity (RcrmSegmentDialog *self,
                                                   const char        *entity,
                                                   const char        *summary);

G_END_DECLS
