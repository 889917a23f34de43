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
/* NULL or blank → *out NULL; else "head_office" or 5 digits (Thai forms accepted) */
gboolean rcrm_validate_branch (RcrmRequest *req, const char *field, const char *value, char **out);
/* "#RRGGBB" (stored upper case) */
gboolean rcrm_validate_color  (RcrmRequest *req, const char *field, const char *value, char **out);
/* NULL or blank → *out NULL; else rcrm_province_normalize, at most 100 characters */
gboolean rcrm_validate_province (RcrmRequest *req, const char *field, const char *value, char **out);

/* a province as stored: without "จังหวัด"/"จ.", Bangkok spelled
 * "กรุงเทพมหานคร"; NULL when blank */
char    *rcrm_province_normalize    (const char *text);
/* the province named in a Thai address ("… จังหวัดเชียงใหม่ 50200",
 * "… จ.ขอนแก่น", "… กรุงเทพฯ 10110"), or NULL */
char    *rcrm_province_from_address (const char *address);

G_END_DECLS
