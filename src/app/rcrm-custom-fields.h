/* rcrm-custom-fields.h — the rows of a custom form (R22) and their values
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwPreferencesGroup ("Additional Fields") with one row per field of a
 * form definition: AdwEntryRow for text, number and date (with a calendar),
 * AdwComboRow for a choice.  Required fields carry a " *".  It reads and
 * writes a record's "custom" object, shows a 422's "custom.KEY" messages on
 * the rows (the input stays), and is hidden while the form has no fields.
 * Drop it into any vertical box of a form (the create dialogs, the record
 * pages).
 *
 * Signals: "changed" — the user edited a row.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-client.h"
#include "rcrm-form.h"

G_BEGIN_DECLS

#define RCRM_TYPE_CUSTOM_FIELDS (rcrm_custom_fields_get_type ())

G_DECLARE_FINAL_TYPE (RcrmCustomFields, rcrm_custom_fields, RCRM, CUSTOM_FIELDS, AdwPreferencesGroup)

GtkWidget  *rcrm_custom_fields_new          (void);
/* builds the rows for form (NULL = none); values typed into rows whose key
 * stays keep their text */
void        rcrm_custom_fields_set_form     (RcrmCustomFields *self,
                                             RcrmForm         *form);
RcrmForm   *rcrm_custom_fields_get_form     (RcrmCustomFields *self);
/* GET /forms/{entity} ("lead" or "account") through client, then
 * set_form; a failure shows its message in the group's description.
 * Emits "loaded" once the form is set. */
void        rcrm_custom_fields_load         (RcrmCustomFields *self,
                                             RcrmClient       *client,
                                             const char       *entity);
/* the record's "custom" (NULL = none): the rows show it, unedited */
void        rcrm_custom_fields_set_values   (RcrmCustomFields *self,
                                             JsonObject       *custom);
/* a row differs from the values last set */
gboolean    rcrm_custom_fields_get_dirty    (RcrmCustomFields *self);
/* The rows' values as a "custom" object: every filled row (changes_only
 * FALSE, for a create), or only the edited rows with null for a cleared
 * one (TRUE, for a PATCH).  NULL when a number or date cannot be read:
 * the rows then show why. */
JsonObject *rcrm_custom_fields_collect      (RcrmCustomFields *self,
                                             gboolean          changes_only);
/* Shows the "custom.KEY" messages of a 422 on their rows; returns TRUE when
 * at least one was shown (the first such row gets the focus). */
gboolean    rcrm_custom_fields_show_errors  (RcrmCustomFields *self,
                                             const GError     *error);
void        rcrm_custom_fields_clear_errors (RcrmCustomFields *self);
/* the message shown on the row of key, or NULL */
const char *rcrm_custom_fields_get_error    (RcrmCustomFields *self,
                                             const char       *key);
/* the row of key (AdwEntryRow or AdwComboRow), or NULL */
AdwPreferencesRow *rcrm_custom_fields_get_row (RcrmCustomFields *self,
                                             const char       *key);

G_END_DECLS
