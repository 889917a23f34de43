/* rcrm-text.c — small text helpers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rcrm-core.h"

/* Unicode white space, plus the invisible characters that come along when
 * text is pasted from web pages and Thai word processors (Thai has no spaces
 * between words, so editors insert ZERO WIDTH SPACE as a word break). */
static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) ||
         c == 0x200B ||   /* ZERO WIDTH SPACE */
         c == 0x2060 ||   /* WORD JOINER */
         c == 0xFEFF;     /* ZERO WIDTH NO-BREAK SPACE (BOM) */
}

char *
rcrm_text_strip (const char *text)
{
  const char *start;
  const char *end;

  if (text == NULL)
    return NULL;

  /* Not UTF-8 (should not happen past the JSON parser): strip ASCII only. */
  if (!g_utf8_validate (text, -1, NULL))
    return g_strstrip (g_strdup (text));

  start = text;
  while (*start != '\0' && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_blank (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

glong
rcrm_text_length (const char *text)
{
  const char *p;
  glong n = 0;

  g_return_val_if_fail (text != NULL, 0);

  if (g_utf8_validate (text, -1, NULL))
    return g_utf8_strlen (text, -1);

  /* Invalid UTF-8: g_utf8_strlen() could step over the terminating NUL, so
   * walk carefully and count every byte that does not start a valid
   * character as one. */
  for (p = text; *p != '\0'; n++)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        p++;
      else
        p = g_utf8_next_char (p);
    }

  return n;
}
