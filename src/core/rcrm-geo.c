/* rcrm-geo.c — distances between map locations of accounts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "rcrm-core.h"

#define EARTH_MEAN_RADIUS_M 6371008.8

static double
radians (double degrees)
{
  return degrees * G_PI / 180.0;
}

double
rcrm_geo_distance_m (double lat1,
                     double lon1,
                     double lat2,
                     double lon2)
{
  double s_lat = sin (radians (lat2 - lat1) / 2.0);
  double s_lon = sin (radians (lon2 - lon1) / 2.0);
  double a = s_lat * s_lat + cos (radians (lat1)) * cos (radians (lat2)) * s_lon * s_lon;

  /* Rounding can push a a hair outside [0, 1] near the antipodes. */
  a = CLAMP (a, 0.0, 1.0);

  return 2.0 * EARTH_MEAN_RADIUS_M * atan2 (sqrt (a), sqrt (1.0 - a));
}

gboolean
rcrm_geo_valid (double lat,
                double lon)
{
  return isfinite (lat) && isfinite (lon) &&
         lat >= -90.0 && lat <= 90.0 &&
         lon >= -180.0 && lon <= 180.0;
}
