/* rcrm-segment.h — a segment (R13): a named, saved filter over leads or accounts
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RCRM_TYPE_SEGMENT (rcrm_segment_get_type ())

G_DECLARE_FINAL_TYPE (RcrmSegment, rcrm_segment, RCRM, SEGMENT, GObject)

/* entity "leads" or "accounts"; shared segments have been shared by an
 * admin; filter is the server's filter object (never NULL); count = the
 * members the caller sees */
RcrmSegment *rcrm_segment_new_from_json (JsonObject   *object,
                                         GError      **error);
gint64       rcrm_segment_get_id        (RcrmSegment  *self);
const char  *rcrm_segment_get_name      (RcrmSegment  *self);
const char  *rcrm_segment_get_entity    (RcrmSegment  *self);
gboolean     rcrm_segment_get_shared    (RcrmSegment  *self);
gint64       rcrm_segment_get_owner_id  (RcrmSegment  *self);
JsonObject  *rcrm_segment_get_filter    (RcrmSegment  *self);
gint64       rcrm_segment_get_count     (RcrmSegment  *self);
gint64       rcrm_segment_get_version   (RcrmSegment  *self);
/* copies every member of other (same id) into self, notifying what changed */
void         rcrm_segment_update_from   (RcrmSegment  *self,
                                         RcrmSegment  *other);

G_END_DECLS
