/* rcrm-ids.c — Thai tax IDs and branch codes (quote-document.md, "Thai
 * identifiers").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rcrm-core.h"
#include "rcrm-core-private.h"

#define TAX_ID_LENGTH 13
#define BRANCH_DIGITS 5
#define HEAD_OFFICE "head_office"

static gboolean
is_ascii_digits (const char *s,
                 gsize       n)
{
  gsize i;

  for (i = 0; i < n && g_ascii_isdigit (s[i]); i++)
    ;

  return i == n && s[n] == '\0';
}

/* d13 = (11 − (Σ d_i × (14 − i)) mod 11) mod 10 */
static int
tax_id_check_digit (const char *digits)
{
  int sum = 0;

  for (int i = 0; i < TAX_ID_LENGTH - 1; i++)
    sum += (digits[i] - '0') * (TAX_ID_LENGTH - i);

  return (11 - sum % 11) % 10;
}

gboolean
rcrm_tax_id_is_valid (const char *digits)
{
  g_return_val_if_fail (digits != NULL, FALSE);

  return is_ascii_digits (digits, TAX_ID_LENGTH) &&
         tax_id_check_digit (digits) == digits[TAX_ID_LENGTH - 1] - '0';
}

gboolean
rcrm_tax_id_normalize (const char  *input,
                       char       **out,
                       GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GString) digits = NULL;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = rcrm_text_strip (input);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_EMPTY,
                           "No tax ID given");
      return FALSE;
    }

  if (!g_utf8_validate (stripped, -1, NULL))
    goto bad_format;

  /* Digits (ASCII or Thai), grouped by dashes or blanks as people write
   * them: 0-1055-36000-31-5, 0 1055 36000 31 5. */
  digits = g_string_sized_new (TAX_ID_LENGTH);
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = rcrm_core_digit_value (c);

      if (d >= 0)
        g_string_append_c (digits, (char) ('0' + d));
      else if (!rcrm_core_is_dash (c) && !g_unichar_isspace (c))
        goto bad_format;
    }

  if (digits->len != TAX_ID_LENGTH)
    {
      g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_LENGTH,
                   "A tax ID has 13 digits, “%s” has %u", stripped, (guint) digits->len);
      return FALSE;
    }

  if (!rcrm_tax_id_is_valid (digits->str))
    {
      g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_CHECKSUM,
                   "Wrong check digit in tax ID “%s”", stripped);
      return FALSE;
    }

  *out = g_string_free (g_steal_pointer (&digits), FALSE);
  return TRUE;

bad_format:
  g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_FORMAT,
               "“%s” is not a tax ID", stripped);
  return FALSE;
}

char *
rcrm_tax_id_format (const char *digits)
{
  g_return_val_if_fail (digits != NULL, NULL);
  g_return_val_if_fail (is_ascii_digits (digits, TAX_ID_LENGTH), NULL);

  /* 0-0000-00000-00-0 */
  return g_strdup_printf ("%.1s-%.4s-%.5s-%.2s-%.1s",
                          digits, digits + 1, digits + 5, digits + 10, digits + 12);
}

/* If text starts with prefix, returns what follows it; else NULL. */
static const char *
skip_prefix (const char *text,
             const char *prefix)
{
  gsize len = strlen (prefix);

  return g_ascii_strncasecmp (text, prefix, len) == 0 ? text + len : NULL;
}

gboolean
rcrm_branch_normalize (const char  *input,
                       char       **out,
                       GError     **error)
{
  /* Words that may stand before a branch number; longest first. */
  static const char * const prefixes[] = {
    "สาขาที่", "สาขา", "branch no.", "branch no", "branch",
  };
  /* Ways of writing "head office". */
  static const char * const head_office[] = {
    HEAD_OFFICE, "head office", "headoffice", "hq", "สำนักงานใหญ่", "สนญ.", "สนญ",
  };
  g_autofree char *stripped = NULL;
  const char *p;
  guint value = 0;
  guint n_digits = 0;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = rcrm_text_strip (input);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_EMPTY,
                           "No branch given");
      return FALSE;
    }
  if (!g_utf8_validate (stripped, -1, NULL))
    goto bad_format;

  for (guint i = 0; i < G_N_ELEMENTS (head_office); i++)
    {
      if (g_ascii_strcasecmp (stripped, head_office[i]) == 0)
        {
          *out = g_strdup (HEAD_OFFICE);
          return TRUE;
        }
    }

  p = stripped;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      const char *rest = skip_prefix (stripped, prefixes[i]);

      if (rest != NULL)
        {
          p = rest;
          while (g_unichar_isspace (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          break;
        }
    }

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      int d = rcrm_core_digit_value (g_utf8_get_char (p));

      if (d < 0)
        goto bad_format;
      value = value * 10 + (guint) d;
      if (++n_digits > BRANCH_DIGITS)
        {
          g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_LENGTH,
                       "A branch number has at most 5 digits: “%s”", stripped);
          return FALSE;
        }
    }

  if (n_digits == 0)
    goto bad_format;

  /* Branch 00000 is the head office (Revenue Department usage). */
  if (value == 0)
    *out = g_strdup (HEAD_OFFICE);
  else
    *out = g_strdup_printf ("%05u", value);

  return TRUE;

bad_format:
  g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_FORMAT,
               "“%s” is not a branch (head office or a 5-digit number)", stripped);
  return FALSE;
}

char *
rcrm_branch_format (const char *branch)
{
  g_return_val_if_fail (branch != NULL, NULL);

  if (g_str_equal (branch, HEAD_OFFICE))
    return g_strdup ("สำนักงานใหญ่");
  if (is_ascii_digits (branch, BRANCH_DIGITS))
    return g_strdup_printf ("สาขาที่ %s", branch);

  return g_strdup (branch);
}
