/* rcrm-core-private.h — helpers shared by the core library's sources only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 0–9 for an ASCII or a Thai digit (๐–๙), −1 for anything else. */
static inline int
rcrm_core_digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0x0E50 && c <= 0x0E59)
    return (int) (c - 0x0E50);
  return -1;
}

/* '-' and the dashes word processors substitute for it. */
static inline gboolean
rcrm_core_is_dash (gunichar c)
{
  return c == '-' ||
         (c >= 0x2010 && c <= 0x2015) ||   /* HYPHEN … HORIZONTAL BAR */
         c == 0x2212;                      /* MINUS SIGN */
}

G_END_DECLS
