/* rcrm-form-editor.h — the form builder for custom fields (R22)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwPreferencesGroup listing the fields of the lead or account form
 * (label, key, type, required) with add, edit, remove (confirmed) and move
 * up/down.  Changes stay local until "Save", which sends PUT /forms/{entity}
 * with If-Match; a 422 ("fields.N.key", …) is shown on row N, a 412 reloads
 * the form and says so.
 *
 * Signals: "toast" (const char *message).
 */
#pragma once

#include <adwaita.h>

#include "rcrm-client.h"
#include "rcrm-form.h"

G_BEGIN_DECLS

#define RCRM_TYPE_FORM_EDITOR (rcrm_form_editor_get_type ())

G_DECLARE_FINAL_TYPE (RcrmFormEditor, rcrm_form_editor, RCRM, FORM_EDITOR, AdwPreferencesGroup)

/* entity "lead" or "account"; loads the form at once */
GtkWidget *rcrm_form_editor_new      (RcrmClient     *client,
                                      const char     *entity);
void       rcrm_form_editor_reload   (RcrmFormEditor *self);
/* TRUE while loading or saving */
gboolean   rcrm_form_editor_get_busy (RcrmFormEditor *self);
/* there are unsaved changes */
gboolean   rcrm_form_editor_get_dirty (RcrmFormEditor *self);

G_END_DECLS
