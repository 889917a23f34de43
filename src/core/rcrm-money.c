/* rcrm-money.c — satang arithmetic, quote totals, amounts in figures and in
 * Thai words (quote-document.md, "Money" and "Amount in Thai words").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rcrm-core.h"
#include "rcrm-core-private.h"

/* Products of two gint64 (quantity × price, amount × rate) need 128 bits. */
__extension__ typedef __int128 RcrmInt128;

/* 10^15 baht: the largest amount rcrm_money_parse() accepts. */
#define MAX_PARSE_SATANG G_GINT64_CONSTANT (100000000000000000)

static gint64
clamp_to_int64 (RcrmInt128 value)
{
  if (value > G_MAXINT64)
    return G_MAXINT64;
  if (value < G_MININT64)
    return G_MININT64;
  return (gint64) value;
}

/* num / den rounded half away from zero; den > 0.  Written as comparisons
 * of the remainder so nothing can overflow. */
static RcrmInt128
div_round (RcrmInt128 num,
           RcrmInt128 den)
{
  RcrmInt128 q = num / den;
  RcrmInt128 r = num % den;

  if (r > 0 && r >= den - r)
    q++;
  else if (r < 0 && -r >= den + r)
    q--;

  return q;
}

gint64
rcrm_div_round_half_up (gint64 num,
                        gint64 den)
{
  g_return_val_if_fail (den > 0, 0);

  /* |result| ≤ |num|, so it always fits. */
  return (gint64) div_round (num, den);
}

gint64
rcrm_line_amount (gint64 quantity,
                  gint64 unit_price,
                  gint64 discount)
{
  RcrmInt128 gross = div_round ((RcrmInt128) quantity * unit_price, 1000);

  /* Saturates instead of wrapping; the server rejects such amounts long
   * before they get here. */
  return clamp_to_int64 (gross - discount);
}

gboolean
rcrm_vat_mode_from_string (const char  *s,
                           RcrmVatMode *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  /* NULL is bad input (a missing JSON member), not a programming error. */
  if (s == NULL)
    return FALSE;

  if (g_str_equal (s, "excluded"))
    *out = RCRM_VAT_EXCLUDED;
  else if (g_str_equal (s, "included"))
    *out = RCRM_VAT_INCLUDED;
  else if (g_str_equal (s, "none"))
    *out = RCRM_VAT_NONE;
  else
    return FALSE;

  return TRUE;
}

const char *
rcrm_vat_mode_to_string (RcrmVatMode mode)
{
  switch (mode)
    {
    case RCRM_VAT_EXCLUDED:
      return "excluded";
    case RCRM_VAT_INCLUDED:
      return "included";
    case RCRM_VAT_NONE:
      return "none";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
rcrm_quote_compute_totals (const RcrmQuoteLine *lines,
                           gsize                n_lines,
                           gint64               document_discount,
                           RcrmVatMode          vat_mode,
                           gint                 vat_rate_bp,
                           gint                 wht_rate_bp,
                           RcrmQuoteTotals     *out)
{
  RcrmInt128 sum = 0;
  RcrmInt128 net;

  g_return_if_fail (out != NULL);

  *out = (RcrmQuoteTotals) { 0 };

  g_return_if_fail (lines != NULL || n_lines == 0);
  g_return_if_fail (vat_mode == RCRM_VAT_EXCLUDED ||
                    vat_mode == RCRM_VAT_INCLUDED ||
                    vat_mode == RCRM_VAT_NONE);
  g_return_if_fail (vat_rate_bp >= 0);
  g_return_if_fail (wht_rate_bp >= 0);

  for (gsize i = 0; i < n_lines; i++)
    sum += rcrm_line_amount (lines[i].quantity, lines[i].unit_price, lines[i].discount);

  out->lines = clamp_to_int64 (sum);
  out->discount = document_discount;
  net = (RcrmInt128) out->lines - document_discount;

  switch (vat_mode)
    {
    case RCRM_VAT_EXCLUDED:
      out->before_vat = clamp_to_int64 (net);
      out->vat = clamp_to_int64 (div_round ((RcrmInt128) out->before_vat * vat_rate_bp, 10000));
      out->total = clamp_to_int64 ((RcrmInt128) out->before_vat + out->vat);
      break;

    case RCRM_VAT_INCLUDED:
      out->total = clamp_to_int64 (net);
      out->vat = clamp_to_int64 (div_round ((RcrmInt128) out->total * vat_rate_bp,
                                            (RcrmInt128) 10000 + vat_rate_bp));
      out->before_vat = clamp_to_int64 ((RcrmInt128) out->total - out->vat);
      break;

    case RCRM_VAT_NONE:
    default:
      out->before_vat = clamp_to_int64 (net);
      out->vat = 0;
      out->total = out->before_vat;
      break;
    }

  out->wht = clamp_to_int64 (div_round ((RcrmInt128) out->before_vat * wht_rate_bp, 10000));
  out->payable = clamp_to_int64 ((RcrmInt128) out->total - out->wht);
}

static guint64
magnitude (gint64 value)
{
  /* Well defined for G_MININT64 too. */
  return value < 0 ? 0 - (guint64) value : (guint64) value;
}

char *
rcrm_money_format (gint64 satang)
{
  guint64 mag = magnitude (satang);
  char digits[24];
  gsize len;
  GString *s;

  len = (gsize) g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, mag / 100);
  s = g_string_sized_new (len + len / 3 + 5);

  if (satang < 0)
    g_string_append_c (s, '-');

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }

  g_string_append_printf (s, ".%02u", (guint) (mag % 100));

  return g_string_free (s, FALSE);
}

gboolean
rcrm_money_parse (const char  *text,
                  gint64      *out_satang,
                  GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  gboolean negative = FALSE;
  gboolean too_large = FALSE;
  guint64 baht = 0;
  guint64 total;
  guint n_int_digits = 0;
  guint n_frac_digits = 0;
  guint frac = 0;
  guint group_digits = 0;     /* digits since the last ',' */
  gboolean seen_comma = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = rcrm_text_strip (text);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_EMPTY,
                           "No amount given");
      return FALSE;
    }
  if (!g_utf8_validate (stripped, -1, NULL))
    goto bad_format;

  p = stripped;
  if (*p == '+' || rcrm_core_is_dash (g_utf8_get_char (p)))
    {
      negative = *p != '+';
      p = g_utf8_next_char (p);
    }

  /* Integer part: digits, optionally grouped by threes with ','. */
  for (; *p != '\0' && *p != '.'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = rcrm_core_digit_value (c);

      if (c == ',')
        {
          if (group_digits == 0 || (seen_comma && group_digits != 3) ||
              (!seen_comma && group_digits > 3))
            goto bad_format;
          seen_comma = TRUE;
          group_digits = 0;
          continue;
        }
      if (d < 0)
        goto bad_format;

      n_int_digits++;
      group_digits++;
      if (baht > MAX_PARSE_SATANG / 100)
        too_large = TRUE;
      else
        baht = baht * 10 + (guint) d;
    }
  if (seen_comma && group_digits != 3)
    goto bad_format;

  /* Fraction: one or two digits after '.'. */
  if (*p == '.')
    {
      for (p++; *p != '\0'; p = g_utf8_next_char (p))
        {
          int d = rcrm_core_digit_value (g_utf8_get_char (p));

          if (d < 0)
            goto bad_format;
          if (++n_frac_digits > 2)
            {
              g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_FORMAT,
                           "More than two decimals in amount “%s”", stripped);
              return FALSE;
            }
          frac = frac * 10 + (guint) d;
        }
      if (n_frac_digits == 0)
        goto bad_format;
      if (n_frac_digits == 1)
        frac *= 10;
    }
  if (n_int_digits == 0 && n_frac_digits == 0)
    goto bad_format;

  total = baht * 100 + frac;
  if (too_large || total > (guint64) MAX_PARSE_SATANG)
    {
      g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_RANGE,
                   "Amount “%s” is out of range", stripped);
      return FALSE;
    }

  if (out_satang != NULL)
    *out_satang = negative ? -(gint64) total : (gint64) total;

  return TRUE;

bad_format:
  g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_FORMAT,
               "“%s” is not an amount of money", stripped);
  return FALSE;
}

/* ---- Thai words ---------------------------------------------------------- */

static const char * const digit_words[10] = {
  "ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า",
};

/* units … hundred thousands */
static const char * const place_words[6] = {
  "", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน",
};

/* Appends group (0 … 999 999; nothing for 0).  A final 1 reads เอ็ด when
 * the number has a higher digit: in this group, or before it (higher). */
static void
append_group (GString  *s,
              guint     group,
              gboolean  higher)
{
  guint div = 100000;

  g_assert (group < 1000000);

  for (int place = 5; place >= 0; place--, div /= 10)
    {
      guint d = (group / div) % 10;

      if (d == 0)
        continue;

      if (place == 1)
        {
          /* สิบ, ยี่สิบ, สามสิบ … */
          if (d == 2)
            g_string_append (s, "ยี่");
          else if (d != 1)
            g_string_append (s, digit_words[d]);
          g_string_append (s, place_words[1]);
        }
      else if (place == 0)
        {
          if (d == 1 && (higher || group >= 10))
            g_string_append (s, "เอ็ด");
          else
            g_string_append (s, digit_words[d]);
        }
      else
        {
          g_string_append (s, digit_words[d]);
          g_string_append (s, place_words[place]);
        }
    }
}

/* Millions are read recursively: the count of millions by the same rule,
 * then ล้าน, then the rest (where a higher digit always exists). */
static void
append_number (GString *s,
               guint64  n,
               gboolean higher)
{
  if (n >= 1000000)
    {
      append_number (s, n / 1000000, higher);
      g_string_append (s, "ล้าน");
      append_group (s, (guint) (n % 1000000), TRUE);
    }
  else
    {
      append_group (s, (guint) n, higher);
    }
}

char *
rcrm_baht_text (gint64 satang)
{
  guint64 mag = magnitude (satang);
  guint64 baht = mag / 100;
  guint rest = (guint) (mag % 100);
  GString *s = g_string_new (NULL);

  if (satang < 0)
    g_string_append (s, "ลบ");

  if (baht > 0)
    {
      append_number (s, baht, FALSE);
      g_string_append (s, "บาท");
    }
  else if (rest == 0)
    {
      g_string_append (s, "ศูนย์บาท");
    }

  if (rest == 0)
    {
      g_string_append (s, "ถ้วน");
    }
  else
    {
      append_group (s, rest, FALSE);
      g_string_append (s, "สตางค์");
    }

  return g_string_free (s, FALSE);
}
