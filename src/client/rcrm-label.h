/* rcrm-label.h — a label of the REST API, as a GObject */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RCRM_TYPE_LABEL (rcrm_label_get_type ())

G_DECLARE_FINAL_TYPE (RcrmLabel, rcrm_label, RCRM, LABEL, GObject)

/* A label (R12): kind "system" (everyone's) or "personal" (owner-id's);
 * color "#RRGGBB"; owner-id 0 for system labels. */
RcrmLabel  *rcrm_label_new_from_json (JsonObject  *object,
                                      GError     **error);
gboolean    rcrm_label_is_system     (RcrmLabel   *self);


gint64       rcrm_label_get_id       (RcrmLabel   *self);
const char  *rcrm_label_get_name     (RcrmLabel   *self);
const char  *rcrm_label_get_color    (RcrmLabel   *self);
const char  *rcrm_label_get_kind     (RcrmLabel   *self);
gint64       rcrm_label_get_owner_id (RcrmLabel   *self);
gint64       rcrm_label_get_version  (RcrmLabel   *self);

void         rcrm_label_set_id       (RcrmLabel   *self,
                                      gint64       id);
void         rcrm_label_set_name     (RcrmLabel   *self,
                                      const char  *name);
void         rcrm_label_set_color    (RcrmLabel   *self,
                                      const char  *color);
void         rcrm_label_set_kind     (RcrmLabel   *self,
                                      const char  *kind);
void         rcrm_label_set_owner_id (RcrmLabel   *self,
                                      gint64       owner_id);
void         rcrm_label_set_version  (RcrmLabel   *self,
                                      gint64       version);

G_END_DECLS
