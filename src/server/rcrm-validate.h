/* rcrm-validate.h — field checks shared by the API handlers; each marks the
 * field invalid on the request (422) and stores the normalised value */
#pragma once

#include "rcrm-http.h"

G_BEGIN_DECLS

extern const RcrmText rcrm_text_required;
extern const RcrmText rcrm_text_too_long;
extern const RcrmText rcrm_text_not_found_ref;

/* strips blanks; empty → *out NULL (an error if required); longer than
 * max_chars code points → error.  Returns TRUE when valid. */
gboolean rcrm_validate_text   (RcrmRequest *req, const char *field, const char *value,
                               gboolean required, glong max_chars, char **out);
/* NULL or blank → *out NULL; otherwise E.164 */
gboolean rcrm_validate_phone  (RcrmRequest *req, const char *field, const char *value, char **out);
gboolean rcrm_validate_email  (RcrmRequest *req, const char *field, const char *value, char **out);
gboolean rcrm_validate_tax_id (RcrmRequest *req, const char *field, const char *value, char **out);
/* value must be ≥ 0 */
gboolean rcrm_validate_money  (RcrmRequest *req, const char *field, gint64 value);

G_END_DECLS
