/* rcrm-segment-sidebar.h — the lead segments (กลุ่มลูกค้า, R13) in the window's sidebar
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Appends to the sidebar's GtkListBox a heading and one row per lead segment
 * (shared ones and the user's own) with its count; each row is named
 * "segment-ID".  A right click (or Shift+F10 / the Menu key) offers Rename
 * and Delete for segments the user may change: their own, and for admins the
 * shared ones too.  "toast" (const char *) for results and errors;
 * "segment-removed" (gint64 id) after a delete; "loaded" after each list.
 */
#pragma once

#include <gtk/gtk.h>

#include "rcrm-catalog.h"
#include "rcrm-segment.h"

G_BEGIN_DECLS

#define RCRM_TYPE_SEGMENT_SIDEBAR (rcrm_segment_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (RcrmSegmentSidebar, rcrm_segment_sidebar, RCRM, SEGMENT_SIDEBAR, GObject)

RcrmSegmentSidebar *rcrm_segment_sidebar_new      (GtkListBox         *list,
                                                   RcrmCatalog        *catalog);
/* GET /segments?entity=leads again (names, counts) */
void                rcrm_segment_sidebar_reload   (RcrmSegmentSidebar *self);
/* the segment of a row named "segment-ID", or NULL */
RcrmSegment        *rcrm_segment_sidebar_lookup   (RcrmSegmentSidebar *self,
                                                   gint64              id);
GtkListBoxRow      *rcrm_segment_sidebar_get_row  (RcrmSegmentSidebar *self,
                                                   gint64              id);
/* TRUE while GET /segments is on its way */
gboolean            rcrm_segment_sidebar_get_loading (RcrmSegmentSidebar *self);
/* what the context menu's items do (rename opens a dialog) */
void                rcrm_segment_sidebar_rename   (RcrmSegmentSidebar *self,
                                                   gint64              id);
void                rcrm_segment_sidebar_delete   (RcrmSegmentSidebar *self,
                                                   gint64              id);

G_END_DECLS
