/* rcrm-json.h — records to API JSON (api.md shapes) */
#pragma once

#include <json-glib/json-glib.h>

#include "rcrm-model.h"

G_BEGIN_DECLS

/* full = with phone, email, has_signature, active, times and version */
JsonObject *rcrm_json_user           (const RcrmUser *user, gboolean full);
JsonObject *rcrm_json_team           (const RcrmTeam *team);
JsonObject *rcrm_json_pipeline       (const RcrmPipeline *pipeline);
JsonObject *rcrm_json_lead           (const RcrmLead *lead);
JsonObject *rcrm_json_timeline_entry (const RcrmTimelineEntry *entry);
/* custom: the values to show (ownership taken), NULL = the stored ones */
JsonObject *rcrm_json_account        (const RcrmAccount *account, JsonObject *custom);
JsonObject *rcrm_json_contact        (const RcrmContact *contact);
JsonObject *rcrm_json_segment        (const RcrmSegment *segment);
/* parses JSON object text; NULL if it is not one */
JsonObject *rcrm_json_parse_object   (const char *text);
char       *rcrm_json_to_string      (JsonObject *object);
/* { "items": [...], "next_cursor": …, "total": … } from an array of JsonObject* */
JsonObject *rcrm_json_list           (JsonArray *items, const char *next_cursor, gint64 total);

G_END_DECLS
