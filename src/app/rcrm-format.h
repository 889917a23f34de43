/* rcrm-format.h — how the app shows money and dates
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Thin wrappers over src/core for the widgets: baht from satang with the
 * "฿" prefix, and Buddhist-era dates from the API's RFC 3339 strings in the
 * local time zone.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 123450 → "฿1,234.50" */
char *rcrm_format_baht              (gint64      satang);
/* "in_progress", "closed", "unfollowed" in words (translated) */
const char *rcrm_format_lead_state (const char *state);
/* 1234567 → "1,234,567" */
char *rcrm_format_count             (guint64     n);
/* "2026-11-23T09:30:00Z" → "23/11/2569" (local date); NULL for NULL or junk */
char *rcrm_format_date_be_short     (const char *rfc3339);
/* "2026-11-23T09:30:00Z" → "23 พ.ย. 2569 16:30" (local time); NULL for NULL or junk */
char *rcrm_format_datetime_be       (const char *rfc3339);

G_END_DECLS
