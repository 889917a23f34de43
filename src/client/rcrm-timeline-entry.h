/* rcrm-timeline-entry.h — an entry of a lead's timeline, as a GObject */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RCRM_TYPE_TIMELINE_ENTRY (rcrm_timeline_entry_get_type ())

G_DECLARE_FINAL_TYPE (RcrmTimelineEntry, rcrm_timeline_entry, RCRM, TIMELINE_ENTRY, GObject)

/* An entry of a lead's timeline (R5): a note (kind "note": author-id, body,
 * corrects-note-id, 0 = none) or an automatic event with its "data" object:
 * "created", "edited" {fields}, "step" {from,to}, "pipeline"
 * {from_pipeline_id,to_pipeline_id,from,to}, "owner" {from,to,via},
 * "unfollowed" {reason,step}, "restored" {step}, and later kinds. */
RcrmTimelineEntry *rcrm_timeline_entry_new_from_json (JsonObject         *object,
                                                      GError            **error);
gboolean           rcrm_timeline_entry_is_note       (RcrmTimelineEntry  *self);


gint64       rcrm_timeline_entry_get_id               (RcrmTimelineEntry *self);
gint64       rcrm_timeline_entry_get_lead_id          (RcrmTimelineEntry *self);
const char  *rcrm_timeline_entry_get_kind             (RcrmTimelineEntry *self);
gint64       rcrm_timeline_entry_get_actor_id         (RcrmTimelineEntry *self);
const char  *rcrm_timeline_entry_get_created_at       (RcrmTimelineEntry *self);
gint64       rcrm_timeline_entry_get_author_id        (RcrmTimelineEntry *self);
const char  *rcrm_timeline_entry_get_body             (RcrmTimelineEntry *self);
gint64       rcrm_timeline_entry_get_corrects_note_id (RcrmTimelineEntry *self);
JsonObject  *rcrm_timeline_entry_get_data             (RcrmTimelineEntry *self);

void         rcrm_timeline_entry_set_id               (RcrmTimelineEntry *self,
                                                       gint64            id);
void         rcrm_timeline_entry_set_lead_id          (RcrmTimelineEntry *self,
                                                       gint64            lead_id);
void         rcrm_timeline_entry_set_kind             (RcrmTimelineEntry *self,
                                                       const char       *kind);
void         rcrm_timeline_entry_set_actor_id         (RcrmTimelineEntry *self,
                                                       gint64            actor_id);
void         rcrm_timeline_entry_set_created_at       (RcrmTimelineEntry *self,
                                                       const char       *created_at);
void         rcrm_timeline_entry_set_author_id        (RcrmTimelineEntry *self,
                                                       gint64            author_id);
void         rcrm_timeline_entry_set_body             (RcrmTimelineEntry *self,
                                                       const char       *body);
void         rcrm_timeline_entry_set_corrects_note_id (RcrmTimelineEntry *self,
                                                       gint64            corrects_note_id);
void         rcrm_timeline_entry_set_data             (RcrmTimelineEntry *self,
                                                       JsonObject       *data);

G_END_DECLS
