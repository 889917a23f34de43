/* rcrm-contact.c — Thai phone numbers and e-mail addresses, normalised so
 * that duplicates can be found by plain comparison (product.md, R25).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rcrm-core.h"
#include "rcrm-core-private.h"

#define THAI_COUNTRY_CODE "66"

/* ---- phones -------------------------------------------------------------- */

/* Characters people put between the digits of a phone number. */
static gboolean
is_phone_separator (gunichar c)
{
  return g_unichar_isspace (c) || rcrm_core_is_dash (c) ||
         c == '.' || c == '(' || c == ')';
}

gboolean
rcrm_phone_normalize (const char  *input,
                      char       **out_e164,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GString) digits = NULL;
  gboolean plus = FALSE;
  const char *national;
  gsize expected;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (out_e164 != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = rcrm_text_strip (input);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_EMPTY,
                           "No phone number given");
      return FALSE;
    }
  if (!g_utf8_validate (stripped, -1, NULL))
    goto bad_format;

  digits = g_string_sized_new (16);
  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = rcrm_core_digit_value (c);

      if (d >= 0)
        g_string_append_c (digits, (char) ('0' + d));
      else if (c == '+' && !plus && digits->len == 0)
        plus = TRUE;
      else if (!is_phone_separator (c))
        goto bad_format;
    }
  if (digits->len == 0)
    goto bad_format;

  /* Find the national number (without the trunk 0) in
   *   +66 81…, +66 (0)81…, 66 81…, 0066 81…, 081…
   * A number that starts with neither 0 nor 66 cannot be Thai. */
  if (g_str_has_prefix (digits->str, THAI_COUNTRY_CODE))
    national = digits->str + 2;
  else if (!plus && g_str_has_prefix (digits->str, "00" THAI_COUNTRY_CODE))
    national = digits->str + 4;
  else if (!plus && digits->str[0] == '0' && digits->str[1] != '0')
    national = digits->str + 1;
  else
    {
      g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_FORMAT,
                   "“%s” is not a Thai phone number", stripped);
      return FALSE;
    }

  /* After the country code, the trunk 0 of "+66 (0)81…" is dropped. */
  if (national != digits->str + 1 && national[0] == '0')
    national++;

  /* Mobiles (06, 08, 09) have 9 national digits, landlines 8. */
  switch (national[0])
    {
    case '6': case '8': case '9':
      expected = 9;
      break;
    case '2': case '3': case '4': case '5': case '7':
      expected = 8;
      break;
    case '\0':
      expected = 9;           /* nothing after the prefix: a length error */
      break;
    default:
      goto bad_format;
    }

  if (strlen (national) != expected)
    {
      g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_LENGTH,
                   "Wrong number of digits in phone number “%s”", stripped);
      return FALSE;
    }

  *out_e164 = g_strconcat ("+" THAI_COUNTRY_CODE, national, NULL);
  return TRUE;

bad_format:
  g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_FORMAT,
               "“%s” is not a phone number", stripped);
  return FALSE;
}

char *
rcrm_phone_format_local (const char *e164)
{
  const char *n;
  gsize len;

  g_return_val_if_fail (e164 != NULL, NULL);

  if (!g_str_has_prefix (e164, "+" THAI_COUNTRY_CODE))
    return g_strdup (e164);

  n = e164 + 3;
  len = strlen (n);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (n[i]))
      return g_strdup (e164);

  if (len == 9 && strchr ("689", n[0]) != NULL)
    return g_strdup_printf ("0%.2s-%.3s-%.4s", n, n + 2, n + 5);      /* 081-234-5678 */
  if (len == 8 && n[0] == '2')
    return g_strdup_printf ("0%.1s-%.3s-%.4s", n, n + 1, n + 4);      /* 02-123-4567 */
  if (len == 8 && strchr ("3457", n[0]) != NULL)
    return g_strdup_printf ("0%.2s-%.3s-%.3s", n, n + 2, n + 5);      /* 053-123-456 */

  return g_strdup (e164);
}

/* ---- e-mail -------------------------------------------------------------- */

/* Blanks, controls, invisible format characters and the specials that only
 * appear in quoted or bracketed forms, which a CRM has no use for. */
static gboolean
is_forbidden_in_email (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_SPACE_SEPARATOR:
      return TRUE;
    default:
      return g_unichar_isspace (c) || (c < 0x80 && strchr ("\"(),:;<>[\\]", (int) c) != NULL);
    }
}

/* A host name: dot-separated non-empty labels of letters, digits and
 * inner hyphens (any non-ASCII letter counts, for Thai domains). */
static gboolean
is_dotted_domain (const char *domain)
{
  g_auto(GStrv) labels = g_strsplit (domain, ".", -1);

  if (g_strv_length (labels) < 2)
    return FALSE;

  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *label = labels[i];
      gsize len = strlen (label);

      if (len == 0 || label[0] == '-' || label[len - 1] == '-')
        return FALSE;
      for (const char *p = label; *p != '\0'; p++)
        if ((guchar) *p < 0x80 && !g_ascii_isalnum (*p) && *p != '-')
          return FALSE;
    }

  return TRUE;
}

gboolean
rcrm_email_normalize (const char  *input,
                      char       **out,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;
  char *at;
  gsize local_len;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = rcrm_text_strip (input);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_EMPTY,
                           "No e-mail address given");
      return FALSE;
    }
  if (!g_utf8_validate (stripped, -1, NULL))
    goto bad_format;

  composed = g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
  folded = g_utf8_casefold (composed, -1);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    if (is_forbidden_in_email (g_utf8_get_char (p)))
      goto bad_format;

  at = strchr (folded, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    goto bad_format;

  /* Local part: non-empty, dots only between characters. */
  local_len = (gsize) (at - folded);
  if (local_len == 0 || folded[0] == '.' || at[-1] == '.' ||
      g_strstr_len (folded, (gssize) local_len, "..") != NULL)
    goto bad_format;

  if (!is_dotted_domain (at + 1))
    goto bad_format;

  *out = g_steal_pointer (&folded);
  return TRUE;

bad_format:
  g_set_error (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_FORMAT,
               "“%s” is not an e-mail address", stripped);
  return FALSE;
}
