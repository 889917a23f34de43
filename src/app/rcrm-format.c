/* rcrm-format.c — how the app shows money and dates
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rcrm-core.h"
#include "rcrm-format.h"

char *
rcrm_format_baht (gint64 satang)
{
  g_autofree char *amount = rcrm_money_format (satang);

  if (satang < 0)
    return g_strconcat ("-฿", amount + 1, NULL);

  return g_strconcat ("฿", amount, NULL);
}

char *
rcrm_format_count (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

static GDateTime *
parse_local (const char *rfc3339)
{
  g_autoptr(GDateTime) utc = NULL;

  if (rfc3339 == NULL || *rfc3339 == '\0')
    return NULL;

  utc = rcrm_datetime_parse_rfc3339 (rfc3339);
  if (utc == NULL)
    return NULL;

  return g_date_time_to_local (utc);
}

char *
rcrm_format_date_be_short (const char *rfc3339)
{
  g_autoptr(GDateTime) local = parse_local (rfc3339);
  GDate date;

  if (local == NULL)
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));

  return rcrm_date_format_be_short (&date);
}

char *
rcrm_format_datetime_be (const char *rfc3339)
{
  g_autoptr(GDateTime) local = parse_local (rfc3339);

  if (local == NULL)
    return NULL;

  return rcrm_datetime_format_be (local);
}

const char *
rcrm_format_lead_state (const char *state)
{
  if (g_strcmp0 (state, "in_progress") == 0)
    return _("In progress");
  if (g_strcmp0 (state, "closed") == 0)
    return _("Closed");
  if (g_strcmp0 (state, "unfollowed") == 0)
    return _("Unfollowed");
  return state != NULL ? state : "";
}
