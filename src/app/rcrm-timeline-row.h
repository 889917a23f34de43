/* rcrm-timeline-row.h — one entry of a lead's timeline (R5)
 *
 * A row shows an icon for the entry's kind, a Thai sentence describing it
 * ("ย้ายจาก ข้อเสนอ ไป ต่อรอง"), the body of a note (selectable), and the
 * actor's display name with a Buddhist-era date and time.  A note row has a
 * "Correct" button that activates the action "lead.correct-note" with the
 * note's id (an int64, "x"); an ancestor (RcrmLeadView) installs it.  Notes are
 * append-only: there is no edit or delete anywhere.
 */
#pragma once

#include <adwaita.h>

#include "rcrm-timeline-entry.h"

G_BEGIN_DECLS

#define RCRM_TYPE_TIMELINE_ROW (rcrm_timeline_row_get_type ())

G_DECLARE_FINAL_TYPE (RcrmTimelineRow, rcrm_timeline_row, RCRM, TIMELINE_ROW, GtkListBoxRow)

/* user_names: gint64 * (user id) → const char * (display name), or NULL;
 * pipelines: gint64 * (pipeline id) → RcrmPipeline *, or NULL;
 * pipeline_id: the lead's pipeline at the time of the entry, for the step
 * names of "step", "unfollowed" and "restored" entries. */
GtkWidget         *rcrm_timeline_row_new         (RcrmTimelineEntry *entry,
                                                  GHashTable        *user_names,
                                                  GHashTable        *pipelines,
                                                  gint64             pipeline_id);
RcrmTimelineEntry *rcrm_timeline_row_get_entry   (RcrmTimelineRow   *self);
/* the sentence shown for the entry */
const char        *rcrm_timeline_row_get_sentence (RcrmTimelineRow  *self);
/* the "Correct" button; visible only on notes */
GtkWidget         *rcrm_timeline_row_get_correct_button (RcrmTimelineRow *self);

/* the sentence for an entry (as on the row), e.g. "ย้ายจาก ข้อเสนอ ไป ต่อรอง" */
char              *rcrm_timeline_describe        (RcrmTimelineEntry *entry,
                                                  GHashTable        *user_names,
                                                  GHashTable        *pipelines,
                                                  gint64             pipeline_id);
/* the icon name for an entry kind */
const char        *rcrm_timeline_icon_name       (const char        *kind);
/* the display name of a user id: the name from user_names, or "User #N" */
char              *rcrm_timeline_user_name       (GHashTable        *user_names,
                                                  gint64             user_id);
/* "23 พ.ย. 2569 16:30" in local time, from an RFC 3339 string; NULL-safe */
char              *rcrm_timeline_format_time     (const char        *rfc3339);

G_END_DECLS
