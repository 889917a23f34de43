/* rcrm-lead.h — a lead of the REST API, as a GObject */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RCRM_TYPE_LEAD (rcrm_lead_get_type ())

G_DECLARE_FINAL_TYPE (RcrmLead, rcrm_lead, RCRM, LEAD, GObject)

/* A lead as the server sends it (api.md "Leads").  Strings are NULL when the
 * server sent null; times are RFC 3339 UTC strings; value is satang; step is
 * 0-based; state is "in_progress", "closed" or "unfollowed"; label-ids is a
 * GArray of gint64; account-id 0 = none.
 *
 * A lead made with rcrm_lead_new() is a placeholder ("loaded" FALSE) that a
 * lazy list fills in place later, so rows bound to it update through notify. */
RcrmLead   *rcrm_lead_new              (void);
RcrmLead   *rcrm_lead_new_from_json    (JsonObject  *object,
                                        GError     **error);
/* All members at once (notify only for changed ones); "loaded" becomes TRUE.
 * On a malformed object the lead is left untouched and a PROTOCOL error set. */
gboolean    rcrm_lead_update_from_json (RcrmLead    *self,
                                        JsonObject  *object,
                                        GError     **error);
/* copies every property of other, "loaded" included */
void        rcrm_lead_update_from_lead (RcrmLead    *self,
                                        RcrmLead    *other);
gboolean    rcrm_lead_has_label        (RcrmLead    *self,
                                        gint64       label_id);
gboolean    rcrm_lead_is_unfollowed    (RcrmLead    *self);


gint64       rcrm_lead_get_id               (RcrmLead    *self);
gint64       rcrm_lead_get_version          (RcrmLead    *self);
const char  *rcrm_lead_get_name             (RcrmLead    *self);
const char  *rcrm_lead_get_company          (RcrmLead    *self);
const char  *rcrm_lead_get_phone            (RcrmLead    *self);
const char  *rcrm_lead_get_email            (RcrmLead    *self);
const char  *rcrm_lead_get_tax_id           (RcrmLead    *self);
const char  *rcrm_lead_get_source           (RcrmLead    *self);
gint64       rcrm_lead_get_value            (RcrmLead    *self);
gint64       rcrm_lead_get_owner_id         (RcrmLead    *self);
gint64       rcrm_lead_get_pipeline_id      (RcrmLead    *self);
gint         rcrm_lead_get_step             (RcrmLead    *self);
const char  *rcrm_lead_get_state            (RcrmLead    *self);
gint64       rcrm_lead_get_account_id       (RcrmLead    *self);
GArray      *rcrm_lead_get_label_ids        (RcrmLead    *self);
JsonObject  *rcrm_lead_get_custom           (RcrmLead    *self);
const char  *rcrm_lead_get_unfollow_reason  (RcrmLead    *self);
const char  *rcrm_lead_get_created_at       (RcrmLead    *self);
const char  *rcrm_lead_get_updated_at       (RcrmLead    *self);
const char  *rcrm_lead_get_last_activity_at (RcrmLead    *self);
gboolean     rcrm_lead_get_loaded           (RcrmLead    *self);

void         rcrm_lead_set_id               (RcrmLead    *self,
                                             gint64       id);
void         rcrm_lead_set_version          (RcrmLead    *self,
                                             gint64       version);
void         rcrm_lead_set_name             (RcrmLead    *self,
                                             const char  *name);
void         rcrm_lead_set_company          (RcrmLead    *self,
                                             const char  *company);
void         rcrm_lead_set_phone            (RcrmLead    *self,
                                             const char  *phone);
void         rcrm_lead_set_email            (RcrmLead    *self,
                                             const char  *email);
void         rcrm_lead_set_tax_id           (RcrmLead    *self,
                                             const char  *tax_id);
void         rcrm_lead_set_source           (RcrmLead    *self,
                                             const char  *source);
void         rcrm_lead_set_value            (RcrmLead    *self,
                                             gint64       value);
void         rcrm_lead_set_owner_id         (RcrmLead    *self,
                                             gint64       owner_id);
void         rcrm_lead_set_pipeline_id      (RcrmLead    *self,
                                             gint64       pipeline_id);
void         rcrm_lead_set_step             (RcrmLead    *self,
                                             gint         step);
void         rcrm_lead_set_state            (RcrmLead    *self,
                                             const char  *state);
void         rcrm_lead_set_account_id       (RcrmLead    *self,
                                             gint64       account_id);
void         rcrm_lead_set_label_ids        (RcrmLead    *self,
                                             GArray      *label_ids);
void         rcrm_lead_set_custom           (RcrmLead    *self,
                                             JsonObject  *custom);
void         rcrm_lead_set_unfollow_reason  (RcrmLead    *self,
                                             const char  *unfollow_reason);
void         rcrm_lead_set_created_at       (RcrmLead    *self,
                                             const char  *created_at);
void         rcrm_lead_set_updated_at       (RcrmLead    *self,
                                             const char  *updated_at);
void         rcrm_lead_set_last_activity_at (RcrmLead    *self,
                                             const char  *last_activity_at);
void         rcrm_lead_set_loaded           (RcrmLead    *self,
                                             gboolean     loaded);

G_END_DECLS
