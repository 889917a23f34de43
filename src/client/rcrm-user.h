/* rcrm-user.h — a user of the REST API, as a GObject */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RCRM_TYPE_USER (rcrm_user_get_type ())

G_DECLARE_FINAL_TYPE (RcrmUser, rcrm_user, RCRM, USER, GObject)

/* A user (api.md "Session and users").  role is "admin" or "user"; team-id
 * 0 = no team.  phone, email, has-signature and version come only where the
 * server sends them (GET /me, admins' GET /users). */
RcrmUser   *rcrm_user_new_from_json (JsonObject  *object,
                                     GError     **error);
gboolean    rcrm_user_is_admin      (RcrmUser    *self);


gint64       rcrm_user_get_id            (RcrmUser    *self);
const char  *rcrm_user_get_username      (RcrmUser    *self);
const char  *rcrm_user_get_display_name  (RcrmUser    *self);
const char  *rcrm_user_get_role          (RcrmUser    *self);
gint64       rcrm_user_get_team_id       (RcrmUser    *self);
const char  *rcrm_user_get_phone         (RcrmUser    *self);
const char  *rcrm_user_get_email         (RcrmUser    *self);
gboolean     rcrm_user_get_has_signature (RcrmUser    *self);
gboolean     rcrm_user_get_active        (RcrmUser    *self);
gint64       rcrm_user_get_version       (RcrmUser    *self);

void         rcrm_user_set_id            (RcrmUser    *self,
                                          gint64       id);
void         rcrm_user_set_username      (RcrmUser    *self,
                                          const char  *username);
void         rcrm_user_set_display_name  (RcrmUser    *self,
                                          const char  *display_name);
void         rcrm_user_set_role          (RcrmUser    *self,
                                          const char  *role);
void         rcrm_user_set_team_id       (RcrmUser    *self,
                                          gint64       team_id);
void         rcrm_user_set_phone         (RcrmUser    *self,
                                          const char  *phone);
void         rcrm_user_set_email         (RcrmUser    *self,
                                          const char  *email);
void         rcrm_user_set_has_signature (RcrmUser    *self,
                                          gboolean     has_signature);
void         rcrm_user_set_active        (RcrmUser    *self,
                                          gboolean     active);
void         rcrm_user_set_version       (RcrmUser    *self,
                                          gint64       version);

G_END_DECLS
