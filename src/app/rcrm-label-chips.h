/* rcrm-label-chips.h — coloured chips for a set of label ids
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget that draws every chip itself (no child widgets), cheap enough
 * for a list row: names and colours come from the catalog, and it redraws
 * when the catalog changes.  Ids the catalog does not know (another user's
 * personal labels) are not shown.
 */
#pragma once

#include <gtk/gtk.h>

#include "rcrm-catalog.h"

G_BEGIN_DECLS

#define RCRM_TYPE_LABEL_CHIPS (rcrm_label_chips_get_type ())

G_DECLARE_FINAL_TYPE (RcrmLabelChips, rcrm_label_chips, RCRM, LABEL_CHIPS, GtkWidget)

GtkWidget          *rcrm_label_chips_new           (RcrmCatalog    *catalog);
void                rcrm_label_chips_set_label_ids (RcrmLabelChips *self,
                                                    GArray         *label_ids);
/* the names of the chips shown, in order (for tests and tooltips) */
GStrv               rcrm_label_chips_dup_names     (RcrmLabelChips *self);

/* A factory for a GtkColumnView column over RcrmLead or RcrmAccount items:
 * one RcrmLabelChips per row, following the lead's label-ids (an account's
 * are fixed: a changed account is a new item). */
GtkListItemFactory *rcrm_label_chips_factory_new   (RcrmCatalog    *catalog);

G_END_DECLS
