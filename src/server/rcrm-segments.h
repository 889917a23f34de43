/* rcrm-segments.h — segments (R13): named saved filters over leads or
 * accounts, and how a filter narrows the lead and account lists */
#pragma once

#include "rcrm-http.h"

G_BEGIN_DECLS

/* what the list queries point into; owned by the handler */
typedef struct {
  GArray *label_ids;
  char   *created_from;
  char   *created_before;
  char   *province;
} RcrmQueryHold;

void         rcrm_query_hold_clear         (RcrmQueryHold *hold);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RcrmQueryHold, rcrm_query_hold_clear)

/* the segment if the caller sees it (shared, or their own); else responds 404 */
RcrmSegment *rcrm_segments_load_visible    (RcrmRequest *req, gint64 id);
gboolean     rcrm_segments_is_visible      (RcrmRequest *req, const RcrmSegment *segment);
/* the segment named by ?segment_id= for a list of entity ("leads"/"accounts"):
 * TRUE with *out NULL when absent; FALSE after responding 400 (malformed, or a
 * segment of the other entity) or 404 (missing or not the caller's) */
gboolean     rcrm_segments_from_query      (RcrmRequest *req, const char *entity, RcrmSegment **out);
/* narrows a list query by a segment's filter (segment may be NULL) and by
 * label visibility: every label in hold->label_ids (the list's own label_id,
 * added by the caller) plus the segment's must be one the caller sees */
void         rcrm_segments_apply_leads     (RcrmRequest *req, const RcrmSegment *segment,
                                            RcrmLeadQuery *query, RcrmQueryHold *hold);
void         rcrm_segments_apply_accounts  (RcrmRequest *req, const RcrmSegment *segment,
                                            RcrmAccountQuery *query, RcrmQueryHold *hold);
/* Reads a "filter" object for entity: 400 after responding on unknown
 * members or wrong JSON types; 422 marks ("filter.X") on bad values.
 * *out_json = the normalised filter.  FALSE when it responded. */
gboolean     rcrm_segments_read_filter     (RcrmRequest *req, const char *entity, JsonObject *filter,
                                            gboolean shared, char **out_json);
/* members the caller sees */
gboolean     rcrm_segments_count           (RcrmRequest *req, const RcrmSegment *segment, gint64 *count,
                                            GError **error);
/* "Asia/Bangkok" dates "YYYY-MM-DD" → RFC 3339 UTC bounds of that day */
char        *rcrm_day_start_utc            (const char *date);
char        *rcrm_day_end_utc              (const char *date);   /* exclusive: the next day's start */

G_END_DECLS
