/* rcrm-demo.h — Thai demo data for `rcrm-server --demo` */
#pragma once

#include "rcrm-store.h"

G_BEGIN_DECLS

/* Password of every demo user (not the admin), documented in the README. */
#define RCRM_DEMO_PASSWORD "demo-password"

/* Fills a store that holds only the bootstrap admin and the standard pipeline
 * with users, teams, custom pipelines, accounts, labels and leads with notes.
 * Deterministic (fixed random seed) so screenshots and tests are stable.
 * All in one transaction. */
gboolean rcrm_demo_fill (RcrmStore *store, gint64 admin_id, GError **error);

G_END_DECLS
