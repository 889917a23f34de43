/* rcrm-label-manager.h — the label manager (จัดการป้ายกำกับ, R12)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window, transient for the main window, with the system labels (changed
 * by admins only; others see them read-only) and the user's own labels, each
 * with its colour and how many leads and accounts carry it.  Creates,
 * renames, recolours and deletes (after a confirmation that states the
 * usage) through the server; after each change the catalog reloads its
 * labels, so the inbox's filters and chips follow.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-catalog.h"

G_BEGIN_DECLS

#define RCRM_TYPE_LABEL_MANAGER (rcrm_label_manager_get_type ())

G_DECLARE_FINAL_TYPE (RcrmLabelManager, rcrm_label_manager, RCRM, LABEL_MANAGER, AdwWindow)

RcrmLabelManager *rcrm_label_manager_new    (GtkWindow        *parent,
                                             RcrmCatalog      *catalog);
/* GET /labels again (usage included) */
void              rcrm_label_manager_reload (RcrmLabelManager *self);
/* what the Save button does on the editor page */
void              rcrm_label_manager_save   (RcrmLabelManager *self);

G_END_DECLS
