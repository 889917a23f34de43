/* rcrm-settings.h — the admin settings document (R28), kept in memory */
#pragma once

#include <json-glib/json-glib.h>

#include "rcrm-store.h"

G_BEGIN_DECLS

typedef struct _RcrmSettings RcrmSettings;

/* the stored document merged over the defaults */
RcrmSettings *rcrm_settings_load          (RcrmStore *store, GError **error);
void          rcrm_settings_free          (RcrmSettings *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmSettings, rcrm_settings_free)

/* the full document (a deep copy) */
JsonObject   *rcrm_settings_dup_object    (RcrmSettings *self);
gint64        rcrm_settings_get_version   (RcrmSettings *self);
/* replace the document after it was stored with new_version */
void          rcrm_settings_replace       (RcrmSettings *self, JsonObject *doc, gint64 new_version);

gboolean      rcrm_settings_get_bool      (RcrmSettings *self, const char *name);
gint64        rcrm_settings_get_int       (RcrmSettings *self, const char *name);
/* TRUE when value is one of the strings of the array member `name` */
gboolean      rcrm_settings_list_contains (RcrmSettings *self, const char *name, const char *value);
/* a member of a nested object, e.g. ("duplicates", "action") */
JsonNode     *rcrm_settings_get_nested    (RcrmSettings *self, const char *object, const char *member);

/* overlays every member of src onto dst; nested objects merge member by member */
void          rcrm_settings_merge         (JsonObject *dst, JsonObject *src);

/* the default document */
JsonObject   *rcrm_settings_defaults      (void);

G_END_DECLS
