/* rcrm-cell-text.h — one line of text in a list cell, cheap to rebind
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkLabel does a lot of work when its text changes: it re-measures, and
 * its row and column get laid out again.  A big list rebinds hundreds of
 * cells in one frame (a jump), most of them off screen.  RcrmCellText has a
 * height that does not depend on its text and (unless told otherwise) no
 * natural width, so setting the text only queues a redraw; the text is
 * shaped when the cell is first drawn, which off-screen cells never are.
 * Its CSS name is "label", so it is styled like one.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RCRM_TYPE_CELL_TEXT (rcrm_cell_text_get_type ())

G_DECLARE_FINAL_TYPE (RcrmCellText, rcrm_cell_text, RCRM, CELL_TEXT, GtkWidget)

GtkWidget  *rcrm_cell_text_new              (void);
/* NULL = empty */
void        rcrm_cell_text_set_text         (RcrmCellText *self,
                                             const char   *text);
const char *rcrm_cell_text_get_text         (RcrmCellText *self);
/* 0 = start, 1 = end */
void        rcrm_cell_text_set_xalign       (RcrmCellText *self,
                                             float         xalign);
/* drawn dimmed (a value still loading) */
void        rcrm_cell_text_set_dimmed       (RcrmCellText *self,
                                             gboolean      dimmed);
gboolean    rcrm_cell_text_get_dimmed       (RcrmCellText *self);
/* tabular figures, so amounts and dates line up */
void        rcrm_cell_text_set_numeric      (RcrmCellText *self,
                                             gboolean      numeric);
/* TRUE: the natural width is the text's (a column without a fixed width);
 * FALSE (default): the column decides the width and a text change never
 * changes the layout */
void        rcrm_cell_text_set_measure_text (RcrmCellText *self,
                                             gboolean      measure_text);

G_END_DECLS
