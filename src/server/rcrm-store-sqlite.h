/* rcrm-store-sqlite.h — the SQLite backend of RcrmStore */
#pragma once

#include "rcrm-store.h"

G_BEGIN_DECLS

/* path: a file name (created when missing) or ":memory:" */
RcrmStore *rcrm_store_sqlite_open (const char *path, GError **error);

G_END_DECLS
