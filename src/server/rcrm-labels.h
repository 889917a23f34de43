/* rcrm-labels.h — label rules shared by the API areas (R12): which labels a
 * caller sees, and keeping other users' personal labels out of sight */
#pragma once

#include "rcrm-http.h"

G_BEGIN_DECLS

/* the ids of the labels the caller sees (system labels and their own personal
 * labels); cached on the request; NULL after responding 500 */
GHashTable *rcrm_labels_visible      (RcrmRequest *req);
gboolean    rcrm_labels_is_visible   (RcrmRequest *req, gint64 label_id);
/* drops from ids the labels the caller does not see */
void        rcrm_labels_filter       (RcrmRequest *req, GArray *ids);
/* the ids the caller sees, as a JSON array */
JsonArray  *rcrm_labels_json_visible (RcrmRequest *req, const GArray *ids);
/* label_ids for a record the caller writes: the caller's choice plus the
 * labels on the record they cannot see (other users' personal labels stay) */
GArray     *rcrm_labels_merge_hidden (RcrmRequest *req, const GArray *chosen, const GArray *current);
/* label_ids in a body: each must be visible to the caller, else field is
 * marked invalid (422).  Returns TRUE when all are fine. */
gboolean    rcrm_labels_check        (RcrmRequest *req, const char *field, const GArray *ids);

G_END_DECLS
