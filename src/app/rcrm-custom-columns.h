/* rcrm-custom-columns.h — the custom fields of a form (R22) as list columns
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adds one GtkColumnViewColumn per field of the lead or account form to a
 * column view whose items are RcrmLead or RcrmAccount, showing each
 * record's value from its "custom" object (numbers as written, dates in the
 * Buddhist era, choices as chosen).  Loading again replaces the columns.
 */
#pragma once

#include <gtk/gtk.h>

#include "rcrm-client.h"
#include "rcrm-form.h"

G_BEGIN_DECLS

/* GET /forms/{entity} through client, then set_form; a failure leaves the
 * columns as they were (the lists work without them) */
void   rcrm_custom_columns_load     (GtkColumnView *view,
                                     RcrmClient    *client,
                                     const char    *entity);
/* columns for form's fields (NULL = none), after the view's own columns */
void   rcrm_custom_columns_set_form (GtkColumnView *view,
                                     RcrmForm      *form);
/* the custom columns now in view, in order */
GPtrArray *rcrm_custom_columns_get  (GtkColumnView *view);
/* how a list shows a custom value (member key of custom; NULL/absent = "") */
char  *rcrm_custom_value_text       (RcrmFormField *field,
                                     JsonObject    *custom);

G_END_DECLS
