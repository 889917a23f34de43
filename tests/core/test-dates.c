/* test-dates.c — ISO dates, RFC 3339 times and Buddhist Era display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "rcrm-core.h"

/* ---- rcrm_date_parse_iso / rcrm_date_to_iso ------------------------------- */

typedef struct {
  const char *text;
  gboolean valid;
  guint day, month, year;
} IsoCase;

static const IsoCase iso_cases[] = {
  { "2026-11-23", TRUE, 23, 11, 2026 },
  { "2026-01-01", TRUE, 1, 1, 2026 },
  { "2025-12-31", TRUE, 31, 12, 2025 },
  { "2024-02-29", TRUE, 29, 2, 2024 },
  { "2000-02-29", TRUE, 29, 2, 2000 },
  { "0001-01-01", TRUE, 1, 1, 1 },
  { "9999-12-31", TRUE, 31, 12, 9999 },
  { "2025-02-29", FALSE },
  { "1900-02-29", FALSE },
  { "2026-02-30", FALSE },
  { "2026-04-31", FALSE },
  { "2026-13-01", FALSE },
  { "2026-00-10", FALSE },
  { "2026-11-00", FALSE },
  { "0000-01-01", FALSE },
  { "2026-1-5", FALSE },
  { "26-11-23", FALSE },
  { "2026/11/23", FALSE },
  { "23-11-2026", FALSE },
  { "20261123", FALSE },
  { "2026-11-23T00:00:00Z", FALSE },
  { " 2026-11-23", FALSE },
  { "2026-11-23 ", FALSE },
  { "2026-11-2x", FALSE },
  { "+026-11-23", FALSE },
  { "", FALSE },
  { "๒๐๒๖-๑๑-๒๓", FALSE },
};

static void
test_iso (gconstpointer data)
{
  const IsoCase *c = data;
  GDate date;

  g_date_clear (&date, 1);

  if (!c->valid)
    {
      g_assert_false (rcrm_date_parse_iso (c->text, &date));
      g_assert_false (rcrm_date_parse_iso (c->text, NULL));
      return;
    }

  g_assert_true (rcrm_date_parse_iso (c->text, &date));
  g_assert_true (g_date_valid (&date));
  g_assert_cmpuint (g_date_get_day (&date), ==, c->day);
  g_assert_cmpuint (g_date_get_month (&date), ==, c->month);
  g_assert_cmpuint (g_date_get_year (&date), ==, c->year);

  {
    g_autofree char *back = rcrm_date_to_iso (&date);
    g_assert_cmpstr (back, ==, c->text);
  }
}

/* ---- Buddhist Era -------------------------------------------------------- */

typedef struct {
  guint day, month, year;
  const char *be_long;
  const char *be_short;
} BeCase;

static const BeCase be_cases[] = {
  { 23, 11, 2026, "23 พฤศจิกายน 2569", "23/11/2569" },
  { 1, 1, 2026, "1 มกราคม 2569", "01/01/2569" },
  { 31, 12, 2025, "31 ธันวาคม 2568", "31/12/2568" },
  { 29, 2, 2024, "29 กุมภาพันธ์ 2567", "29/02/2567" },
  { 29, 2, 2000, "29 กุมภาพันธ์ 2543", "29/02/2543" },
  { 28, 2, 2026, "28 กุมภาพันธ์ 2569", "28/02/2569" },
  { 15, 3, 2027, "15 มีนาคม 2570", "15/03/2570" },
  { 5, 4, 2026, "5 เมษายน 2569", "05/04/2569" },
  { 13, 4, 2026, "13 เมษายน 2569", "13/04/2569" },
  { 31, 5, 2026, "31 พฤษภาคม 2569", "31/05/2569" },
  { 30, 6, 2026, "30 มิถุนายน 2569", "30/06/2569" },
  { 28, 7, 2026, "28 กรกฎาคม 2569", "28/07/2569" },
  { 12, 8, 2026, "12 สิงหาคม 2569", "12/08/2569" },
  { 9, 9, 2026, "9 กันยายน 2569", "09/09/2569" },
  { 23, 10, 2026, "23 ตุลาคม 2569", "23/10/2569" },
  { 5, 12, 2026, "5 ธันวาคม 2569", "05/12/2569" },
  { 1, 1, 1, "1 มกราคม 544", "01/01/544" },
  { 31, 12, 9999, "31 ธันวาคม 10542", "31/12/10542" },
};

static void
test_be (gconstpointer data)
{
  const BeCase *c = data;
  GDate *date = g_date_new_dmy ((GDateDay) c->day, (GDateMonth) c->month, (GDateYear) c->year);
  g_autofree char *be_long = rcrm_date_format_be_long (date);
  g_autofree char *be_short = rcrm_date_format_be_short (date);

  g_assert_cmpstr (be_long, ==, c->be_long);
  g_assert_cmpstr (be_short, ==, c->be_short);
  g_date_free (date);
}

/* The month names must not depend on the process locale. */
static void
test_be_locale_independent (void)
{
  GDate *date = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  g_autofree char *be_long = NULL;

  setlocale (LC_ALL, "C");
  be_long = rcrm_date_format_be_long (date);
  g_assert_cmpstr (be_long, ==, "23 พฤศจิกายน 2569");
  g_date_free (date);
}

/* ---- date-times ---------------------------------------------------------- */

typedef struct {
  const char *iso;        /* an instant with its own zone */
  const char *be;         /* rcrm_datetime_format_be() in that zone */
  const char *rfc3339;    /* rcrm_datetime_to_rfc3339() */
} DateTimeCase;

static const DateTimeCase datetime_cases[] = {
  { "2026-11-23T16:30:00+07:00", "23 พ.ย. 2569 16:30", "2026-11-23T09:30:00Z" },
  { "2026-11-23T09:30:00Z", "23 พ.ย. 2569 09:30", "2026-11-23T09:30:00Z" },
  { "2026-01-01T03:00:00+07:00", "1 ม.ค. 2569 03:00", "2025-12-31T20:00:00Z" },
  { "2025-12-31T23:59:59+07:00", "31 ธ.ค. 2568 23:59", "2025-12-31T16:59:59Z" },
  { "2024-02-29T00:05:00+07:00", "29 ก.พ. 2567 00:05", "2024-02-28T17:05:00Z" },
  { "2026-03-10T08:00:00+07:00", "10 มี.ค. 2569 08:00", "2026-03-10T01:00:00Z" },
  { "2026-04-13T12:00:00+07:00", "13 เม.ย. 2569 12:00", "2026-04-13T05:00:00Z" },
  { "2026-05-01T07:00:00+07:00", "1 พ.ค. 2569 07:00", "2026-05-01T00:00:00Z" },
  { "2026-06-15T06:59:00+07:00", "15 มิ.ย. 2569 06:59", "2026-06-14T23:59:00Z" },
  { "2026-07-28T18:45:30+07:00", "28 ก.ค. 2569 18:45", "2026-07-28T11:45:30Z" },
  { "2026-08-12T09:09:09.999+07:00", "12 ส.ค. 2569 09:09", "2026-08-12T02:09:09Z" },
  { "2026-09-30T23:00:00-05:00", "30 ก.ย. 2569 23:00", "2026-10-01T04:00:00Z" },
  { "2026-10-23T10:00:00+05:30", "23 ต.ค. 2569 10:00", "2026-10-23T04:30:00Z" },
};

static void
test_datetime (gconstpointer data)
{
  const DateTimeCase *c = data;
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (c->iso, NULL);
  g_autofree char *be = NULL;
  g_autofree char *rfc3339 = NULL;
  g_autoptr(GDateTime) back = NULL;

  g_assert_nonnull (dt);
  be = rcrm_datetime_format_be (dt);
  g_assert_cmpstr (be, ==, c->be);
  rfc3339 = rcrm_datetime_to_rfc3339 (dt);
  g_assert_cmpstr (rfc3339, ==, c->rfc3339);

  /* Our parser reads our output back as the same second. */
  back = rcrm_datetime_parse_rfc3339 (rfc3339);
  g_assert_nonnull (back);
  g_assert_cmpint (g_date_time_to_unix (back), ==, g_date_time_to_unix (dt));
}

/* A UTC time shown in Bangkok crosses the year boundary. */
static void
test_datetime_be_bangkok (void)
{
  g_autoptr(GDateTime) utc = rcrm_datetime_parse_rfc3339 ("2025-12-31T17:30:00Z");
  g_autoptr(GTimeZone) bangkok = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, bangkok);
  g_autofree char *be_utc = rcrm_datetime_format_be (utc);
  g_autofree char *be_local = rcrm_datetime_format_be (local);

  g_assert_cmpstr (be_utc, ==, "31 ธ.ค. 2568 17:30");
  g_assert_cmpstr (be_local, ==, "1 ม.ค. 2569 00:30");
}

typedef struct {
  const char *text;
  gint64 unix_time;       /* when valid */
  gint microsecond;
  gboolean valid;
} Rfc3339Case;

static const Rfc3339Case rfc3339_cases[] = {
  { "2026-11-23T09:30:00Z", G_GINT64_CONSTANT (1795426200), 0, TRUE },
  { "2026-11-23T16:30:00+07:00", G_GINT64_CONSTANT (1795426200), 0, TRUE },
  { "2026-11-23T04:30:00-05:00", G_GINT64_CONSTANT (1795426200), 0, TRUE },
  { "2026-11-23t09:30:00z", G_GINT64_CONSTANT (1795426200), 0, TRUE },
  { "2026-11-23 09:30:00Z", G_GINT64_CONSTANT (1795426200), 0, TRUE },
  { "2026-11-23T09:30:00.250Z", G_GINT64_CONSTANT (1795426200), 250000, TRUE },
  { "1970-01-01T00:00:00Z", 0, 0, TRUE },
  { "2024-02-29T23:59:59+00:00", G_GINT64_CONSTANT (1709251199), 0, TRUE },
  { "2026-11-23", 0, 0, FALSE },
  { "2026-11-23T09:30Z", 0, 0, FALSE },
  { "2026-11-23T09:30:00", 0, 0, FALSE },          /* no zone */
  { "2026-11-23T09:30:00+0700", 0, 0, FALSE },
  { "2026-11-23T09:30:00+07", 0, 0, FALSE },
  { "2026-11-23T09:30:00.Z", 0, 0, FALSE },
  { "2026-11-23T09:30:00Z ", 0, 0, FALSE },
  { "2026-11-23T09:30:00+07:00x", 0, 0, FALSE },
  { "2026-W48-1T09:30:00Z", 0, 0, FALSE },
  { "20261123T093000Z", 0, 0, FALSE },
  { "2026-02-30T00:00:00Z", 0, 0, FALSE },
  { "2026-13-01T00:00:00Z", 0, 0, FALSE },
  { "2026-11-23T25:00:00Z", 0, 0, FALSE },
  { "2026-11-23T09:60:00Z", 0, 0, FALSE },
  { "", 0, 0, FALSE },
  { "not a date", 0, 0, FALSE },
};

static void
test_rfc3339_parse (gconstpointer data)
{
  const Rfc3339Case *c = data;
  g_autoptr(GDateTime) dt = rcrm_datetime_parse_rfc3339 (c->text);

  if (!c->valid)
    {
      g_assert_null (dt);
      return;
    }

  g_assert_nonnull (dt);
  g_assert_cmpint (g_date_time_to_unix (dt), ==, c->unix_time);
  g_assert_cmpint (g_date_time_get_microsecond (dt), ==, c->microsecond);
}

static void
test_now (void)
{
  g_autofree char *now = rcrm_now_rfc3339 ();
  g_autoptr(GDateTime) dt = NULL;
  gint64 diff;

  g_assert_cmpuint (strlen (now), ==, 20);
  g_assert_cmpint (now[19], ==, 'Z');
  dt = rcrm_datetime_parse_rfc3339 (now);
  g_assert_nonnull (dt);
  diff = g_get_real_time () / G_USEC_PER_SEC - g_date_time_to_unix (dt);
  g_assert_cmpint (diff, >=, 0);
  g_assert_cmpint (diff, <=, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (iso_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dates/iso/%u", i);
      g_test_add_data_func (path, &iso_cases[i], test_iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (be_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dates/buddhist-era/%04u-%02u-%02u",
                                               be_cases[i].year, be_cases[i].month, be_cases[i].day);
      g_test_add_data_func (path, &be_cases[i], test_be);
    }
  for (guint i = 0; i < G_N_ELEMENTS (datetime_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dates/datetime/%u", i);
      g_test_add_data_func (path, &datetime_cases[i], test_datetime);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rfc3339_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dates/rfc3339-parse/%u", i);
      g_test_add_data_func (path, &rfc3339_cases[i], test_rfc3339_parse);
    }
  g_test_add_func ("/dates/buddhist-era/locale-independent", test_be_locale_independent);
  g_test_add_func ("/dates/datetime/bangkok-new-year", test_datetime_be_bangkok);
  g_test_add_func ("/dates/now", test_now);

  return g_test_run ();
}
