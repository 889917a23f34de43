/* rcrm-grow-model.h — a list model that shows a long list's first rows at once
 * and the rest a few rows per frame
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list and column views keep up to 200 row widgets around their
 * anchor and make them all before the first frame in which the list shows
 * anything.  Over a model of 100,000 leads that is 200 rows × every column
 * before the first row appears.  This model shows the first `first` items of
 * its model, then adds `step` more per frame of the widget it is given, and
 * once the view has made its 200 rows it shows the whole model at once (no
 * new widgets are needed for that).  Each frame so makes only a few rows.
 * The same happens after every change that replaces the whole list (a new
 * search or filter).  Positions are the model's: item i is the model's item i.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RCRM_TYPE_GROW_MODEL (rcrm_grow_model_get_type ())

G_DECLARE_FINAL_TYPE (RcrmGrowModel, rcrm_grow_model, RCRM, GROW_MODEL, GObject)

/* widget: whose frame clock paces the growth (the list view) */
RcrmGrowModel *rcrm_grow_model_new         (GListModel    *model,
                                            GtkWidget     *widget,
                                            guint          first,
                                            guint          step);
/* TRUE while not all of the model is shown */
gboolean       rcrm_grow_model_get_growing (RcrmGrowModel *self);

G_END_DECLS
