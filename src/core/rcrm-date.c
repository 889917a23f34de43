/* rcrm-date.c — ISO 8601 / RFC 3339 in the API, Buddhist Era for display.
 *
 * The Thai month names are spelled out here instead of asking the C
 * library: the process may not run under a Thai locale, and GLib 2.74's
 * g_date_time_format() knows no Buddhist Era anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rcrm-core.h"

#define BE_OFFSET 543

static const char * const month_names[12] = {
  "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
  "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
};

static const char * const month_abbrevs[12] = {
  "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
  "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
};

/* n ASCII digits at text → *out; FALSE if any is not a digit. */
static gboolean
parse_digits (const char *text,
              guint       n,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

gboolean
rcrm_date_parse_iso (const char *text,
                     GDate      *out)
{
  guint year, month, day;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !parse_digits (text, 4, &year) ||
      !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day))
    return FALSE;

  if (month < 1 || month > 12 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

char *
rcrm_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

char *
rcrm_date_format_be_long (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%u %s %u",
                          (guint) g_date_get_day (date),
                          month_names[g_date_get_month (date) - 1],
                          (guint) g_date_get_year (date) + BE_OFFSET);
}

char *
rcrm_date_format_be_short (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%02u/%02u/%u",
                          (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_year (date) + BE_OFFSET);
}

char *
rcrm_datetime_format_be (GDateTime *dt)
{
  g_return_val_if_fail (dt != NULL, NULL);

  return g_strdup_printf ("%d %s %d %02d:%02d",
                          g_date_time_get_day_of_month (dt),
                          month_abbrevs[g_date_time_get_month (dt) - 1],
                          g_date_time_get_year (dt) + BE_OFFSET,
                          g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt));
}

char *
rcrm_datetime_to_rfc3339 (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (dt != NULL, NULL);

  utc = g_date_time_to_utc (dt);
  if (utc == NULL)
    return NULL;

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

char *
rcrm_now_rfc3339 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return rcrm_datetime_to_rfc3339 (now);
}

/* RFC 3339 section 5.6, date-time:
 *   YYYY-MM-DD ("T" / "t" / " ") hh:mm:ss [. 1*DIGIT] ("Z" / "z" / ±hh:mm)
 * g_date_time_new_from_iso8601() accepts much more (week dates, ordinal
 * dates, basic format, no seconds), so the shape is checked here first. */
GDateTime *
rcrm_datetime_parse_rfc3339 (const char *text)
{
  g_autofree char *copy = NULL;
  gsize len, i;
  guint unused;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  if (len < 20 ||
      !parse_digits (text, 4, &unused) || text[4] != '-' ||
      !parse_digits (text + 5, 2, &unused) || text[7] != '-' ||
      !parse_digits (text + 8, 2, &unused) ||
      (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      !parse_digits (text + 11, 2, &unused) || text[13] != ':' ||
      !parse_digits (text + 14, 2, &unused) || text[16] != ':' ||
      !parse_digits (text + 17, 2, &unused))
    return NULL;

  i = 19;
  if (text[i] == '.')
    {
      gsize start = ++i;

      while (g_ascii_isdigit (text[i]))
        i++;
      if (i == start)
        return NULL;
    }

  if (text[i] == 'Z' || text[i] == 'z')
    {
      if (i + 1 != len)
        return NULL;
    }
  else if (text[i] == '+' || text[i] == '-')
    {
      if (i + 6 != len ||
          !parse_digits (text + i + 1, 2, &unused) || text[i + 3] != ':' ||
          !parse_digits (text + i + 4, 2, &unused))
        return NULL;
    }
  else
    {
      return NULL;
    }

  copy = g_ascii_strup (text, -1);
  copy[10] = 'T';

  return g_date_time_new_from_iso8601 (copy, NULL);
}
