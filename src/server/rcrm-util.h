/* rcrm-util.h — small helpers of rcrm-server */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* strict decimal: optional '-', digits only, no blanks, within gint64 */
gboolean rcrm_parse_int64 (const char *text, gint64 *out);

/* replaces *dest with a copy of value (GLib 2.74 has no g_set_str) */
void     rcrm_set_str     (char **dest, const char *value);

/* RFC 8259 syntax (json-glib alone also takes single quotes and other
 * extensions), nesting at most 64 deep */
gboolean rcrm_json_is_strict (const char *data, gsize length);

G_END_DECLS
