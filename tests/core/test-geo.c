/* test-geo.c — great-circle distances and coordinate checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rcrm-core.h"

#define EARTH_MEAN_RADIUS_M 6371008.8
#define HALF_CIRCUMFERENCE_M (G_PI * EARTH_MEAN_RADIUS_M)
#define ONE_DEGREE_M (HALF_CIRCUMFERENCE_M / 180.0)

typedef struct {
  const char *name;
  double lat1, lon1, lat2, lon2;
  double expected_m;
  double tolerance_m;
} DistanceCase;

static const DistanceCase distance_cases[] = {
  /* Bangkok (Democracy Monument) – Chiang Mai (Tha Phae Gate): about 582 km */
  { "bangkok-chiang-mai", 13.7563, 100.5018, 18.7883, 98.9853, 582000.0, 5820.0 },
  { "bangkok-phuket", 13.7563, 100.5018, 7.8804, 98.3923, 692800.0, 6928.0 },
  { "zero", 13.7563, 100.5018, 13.7563, 100.5018, 0.0, 1e-6 },
  { "zero-origin", 0.0, 0.0, 0.0, 0.0, 0.0, 1e-6 },
  { "one-degree-latitude", 10.0, 100.0, 11.0, 100.0, ONE_DEGREE_M, 0.01 },
  { "one-degree-equator", 0.0, 100.0, 0.0, 101.0, ONE_DEGREE_M, 0.01 },
  { "across-antimeridian", 0.0, 179.5, 0.0, -179.5, ONE_DEGREE_M, 0.01 },
  { "antipodes-equator", 0.0, 0.0, 0.0, 180.0, HALF_CIRCUMFERENCE_M, 1.0 },
  { "antipodes-poles", 90.0, 0.0, -90.0, 0.0, HALF_CIRCUMFERENCE_M, 1.0 },
  { "antipodes-bangkok", 13.7563, 100.5018, -13.7563, -79.4982, HALF_CIRCUMFERENCE_M, 1.0 },
  { "pole-to-equator", 90.0, 0.0, 0.0, 123.0, HALF_CIRCUMFERENCE_M / 2.0, 1.0 },
  /* two shops 100 m apart on the same street */
  { "short", 13.7563, 100.5018, 13.7563 + 100.0 / ONE_DEGREE_M, 100.5018, 100.0, 0.001 },
};

static void
test_distance (gconstpointer data)
{
  const DistanceCase *c = data;
  double d = rcrm_geo_distance_m (c->lat1, c->lon1, c->lat2, c->lon2);
  double back = rcrm_geo_distance_m (c->lat2, c->lon2, c->lat1, c->lon1);

  g_assert_false (isnan (d));
  g_assert_cmpfloat_with_epsilon (d, c->expected_m, c->tolerance_m);
  g_assert_cmpfloat_with_epsilon (back, d, 1e-6);
  g_assert_cmpfloat (d, >=, 0.0);
}

typedef struct {
  double lat, lon;
  gboolean valid;
} ValidCase;

static void
test_valid (void)
{
  const ValidCase cases[] = {
    { 0.0, 0.0, TRUE },
    { 13.7563, 100.5018, TRUE },
    { 90.0, 180.0, TRUE },
    { -90.0, -180.0, TRUE },
    { 90.0001, 0.0, FALSE },
    { -90.0001, 0.0, FALSE },
    { 0.0, 180.0001, FALSE },
    { 0.0, -180.0001, FALSE },
    { 100.5018, 13.7563, FALSE },     /* swapped */
    { NAN, 0.0, FALSE },
    { 0.0, NAN, FALSE },
    { INFINITY, 0.0, FALSE },
    { 0.0, -INFINITY, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (rcrm_geo_valid (cases[i].lat, cases[i].lon), ==, cases[i].valid);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (distance_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/geo/distance/%s", distance_cases[i].name);
      g_test_add_data_func (path, &distance_cases[i], test_distance);
    }
  g_test_add_func ("/geo/valid", test_valid);

  return g_test_run ();
}
