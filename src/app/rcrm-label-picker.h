/* rcrm-label-picker.h — a popover with a check button per label
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the catalog's labels (system labels and the user's own) for one or
 * more records: a label all of them carry is checked, one only some carry is
 * "inconsistent" (left as it is unless clicked).  "Apply" emits "apply" with
 * the ids to add and the ids to remove (GArray of gint64, possibly empty) and
 * closes the popover.
 */
#pragma once

#include <gtk/gtk.h>

#include "rcrm-catalog.h"

G_BEGIN_DECLS

#define RCRM_TYPE_LABEL_PICKER (rcrm_label_picker_get_type ())

G_DECLARE_FINAL_TYPE (RcrmLabelPicker, rcrm_label_picker, RCRM, LABEL_PICKER, GtkPopover)

GtkWidget *rcrm_label_picker_new        (RcrmCatalog     *catalog);
/* label_sets: a GArray (gint64) of label ids per record; rebuilds the list */
void       rcrm_label_picker_set_records (RcrmLabelPicker *self,
                                          GPtrArray       *label_sets);

/* ---- for tests (rcrm-labels-private.h) ---- */
GtkCheckButton *rcrm_label_picker_get_check (RcrmLabelPicker *self,
                                             gint64           label_id);
void            rcrm_label_picker_apply     (RcrmLabelPicker *self);

/* adds to *ids every id of add not in it and drops those of remove;
 * returns TRUE when *ids changed */
gboolean   rcrm_label_ids_edit          (GArray          *ids,
                                         GArray          *add,
                                         GArray          *remove);

G_END_DECLS
