/* rcrm-core.h — the GLib-only library shared by rcrm-server and the app.
 *
 * Money is always gint64 satang; quantities gint64 thousandths.  Nothing in
 * here knows HTTP or GTK.  Error messages are English and meant for logs; the
 * server and the app map the error codes to their own (Thai) wording.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RCRM_CORE_ERROR (rcrm_core_error_quark ())
GQuark rcrm_core_error_quark (void);

typedef enum {
  RCRM_CORE_ERROR_EMPTY,      /* nothing but blanks */
  RCRM_CORE_ERROR_FORMAT,     /* characters or shape not allowed */
  RCRM_CORE_ERROR_LENGTH,     /* wrong number of digits */
  RCRM_CORE_ERROR_CHECKSUM,   /* tax ID check digit */
  RCRM_CORE_ERROR_RANGE,      /* value out of the representable range */
} RcrmCoreError;

/* ---- money (rcrm-money.c) ------------------------------------------------ */

typedef enum {
  RCRM_VAT_EXCLUDED,
  RCRM_VAT_INCLUDED,
  RCRM_VAT_NONE,
} RcrmVatMode;

typedef struct {
  gint64 quantity;    /* thousandths: 1.5 pieces = 1500 */
  gint64 unit_price;  /* satang */
  gint64 discount;    /* satang, for the whole line */
} RcrmQuoteLine;

typedef struct {
  gint64 lines;       /* sum of line amounts */
  gint64 discount;    /* document discount */
  gint64 before_vat;
  gint64 vat;
  gint64 total;
  gint64 wht;
  gint64 payable;
} RcrmQuoteTotals;

/* round(num / den) half up (half away from zero for negative results); den > 0 */
gint64   rcrm_div_round_half_up   (gint64 num, gint64 den);
/* round(quantity × unit_price / 1000) − discount */
gint64   rcrm_line_amount         (gint64 quantity, gint64 unit_price, gint64 discount);
gboolean rcrm_vat_mode_from_string (const char *s, RcrmVatMode *out);
const char *rcrm_vat_mode_to_string (RcrmVatMode mode);
/* quote-document.md "Money"; vat_rate_bp 700 = 7 %, wht_rate_bp 300 = 3 % */
void     rcrm_quote_compute_totals (const RcrmQuoteLine *lines,
                                    gsize                n_lines,
                                    gint64               document_discount,
                                    RcrmVatMode          vat_mode,
                                    gint                 vat_rate_bp,
                                    gint                 wht_rate_bp,
                                    RcrmQuoteTotals     *out);
/* 123450 → "1,234.50"; −5 → "-0.05" */
char    *rcrm_money_format        (gint64 satang);
/* "1,234.5" / "1234.50" / "1234" / "-3" → satang; at most 2 decimals; RANGE beyond ±10^15 baht */
gboolean rcrm_money_parse         (const char *text, gint64 *out_satang, GError **error);
/* amount in Thai words (quote-document.md), e.g. 123450 → "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์" */
char    *rcrm_baht_text           (gint64 satang);

/* ---- dates (rcrm-date.c) ------------------------------------------------- */

/* strict "YYYY-MM-DD" (Gregorian), a real calendar date */
gboolean rcrm_date_parse_iso      (const char *text, GDate *out);
char    *rcrm_date_to_iso         (const GDate *date);
/* "23 พฤศจิกายน 2569" */
char    *rcrm_date_format_be_long (const GDate *date);
/* "23/11/2569" */
char    *rcrm_date_format_be_short (const GDate *date);
/* "23 พ.ย. 2569 16:30" in the given time's own zone */
char    *rcrm_datetime_format_be  (GDateTime *dt);
/* RFC 3339 UTC with seconds: "2026-11-23T09:30:00Z" */
char    *rcrm_datetime_to_rfc3339 (GDateTime *dt);
char    *rcrm_now_rfc3339         (void);
/* parses RFC 3339 (Z or offset); NULL on error */
GDateTime *rcrm_datetime_parse_rfc3339 (const char *text);

/* ---- identifiers (rcrm-ids.c) -------------------------------------------- */

/* 13 digits, dashes/spaces allowed in input; *out = digits only */
gboolean rcrm_tax_id_normalize    (const char *input, char **out, GError **error);
/* exactly 13 ASCII digits with a correct check digit */
gboolean rcrm_tax_id_is_valid     (const char *digits);
/* "0105536000315" → "0-1055-36000-31-5"; input must be 13 digits */
char    *rcrm_tax_id_format       (const char *digits);
/* "head_office", "สำนักงานใหญ่", "00000" → "head_office";
 * "00001", "1", "สาขาที่ 00001", "สาขา 12" → 5-digit string */
gboolean rcrm_branch_normalize    (const char *input, char **out, GError **error);
/* "head_office" → "สำนักงานใหญ่", "00001" → "สาขาที่ 00001" */
char    *rcrm_branch_format       (const char *branch);

/* ---- phones and e-mail (rcrm-contact.c) ---------------------------------- */

/* Thai numbers to E.164: 0812345678, 081-234-5678, +66 81 234 5678,
 * 66812345678, +66 (0) 81..., 02-123-4567, 053 123 456.
 * Mobiles (6/8/9 after the trunk 0) have 9 national digits, landlines (2,3,4,5,7) 8. */
gboolean rcrm_phone_normalize     (const char *input, char **out_e164, GError **error);
/* "+66812345678" → "081-234-5678"; "+6621234567" → "02-123-4567";
 * "+6653123456" → "053-123-456"; anything else returned unchanged */
char    *rcrm_phone_format_local  (const char *e164);
/* trims, case-folds, checks one '@', a non-empty local part and a dotted domain, no blanks */
gboolean rcrm_email_normalize     (const char *input, char **out, GError **error);

/* ---- geography (rcrm-geo.c) ---------------------------------------------- */

/* great-circle (haversine) distance in metres, mean Earth radius 6371008.8 m */
double   rcrm_geo_distance_m      (double lat1, double lon1, double lat2, double lon2);
gboolean rcrm_geo_valid           (double lat, double lon);

/* ---- text (rcrm-text.c) -------------------------------------------------- */

/* trims ASCII and Unicode blanks at both ends; NULL stays NULL */
char    *rcrm_text_strip          (const char *text);
/* number of Unicode code points */
glong    rcrm_text_length         (const char *text);

G_END_DECLS
