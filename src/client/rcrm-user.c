/* rcrm-user.c — a user of the REST API, as a GObject */
#include "config.h"

#include "rcrm-client-private.h"
#include "rcrm-user.h"

struct _RcrmUser
{
  GObject parent_instance;

  gint64       id;
  char        *username;
  char        *display_name;
  char        *role;
  gint64       team_id;
  char        *phone;
  char        *email;
  gboolean     has_signature;
  gboolean     active;
  gint64       version;
};

G_DEFINE_FINAL_TYPE (RcrmUser, rcrm_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_USERNAME,
  PROP_DISPLAY_NAME,
  PROP_ROLE,
  PROP_TEAM_ID,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_HAS_SIGNATURE,
  PROP_ACTIVE,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rcrm_user_finalize (GObject *object)
{
  RcrmUser *self = (RcrmUser *) object;

  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);


  G_OBJECT_CLASS (rcrm_user_parent_class)->finalize (object);
}

static void
rcrm_user_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RcrmUser *self = RCRM_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_TEAM_ID:
      g_value_set_int64 (value, self->team_id);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_HAS_SIGNATURE:
      g_value_set_boolean (value, self->has_signature);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_user_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RcrmUser *self = RCRM_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      rcrm_user_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_USERNAME:
      rcrm_user_set_username (self, g_value_get_string (value));
      break;

    case PROP_DISPLAY_NAME:
      rcrm_user_set_display_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      rcrm_user_set_role (self, g_value_get_string (value));
      break;

    case PROP_TEAM_ID:
      rcrm_user_set_team_id (self, g_value_get_int64 (value));
      break;

    case PROP_PHONE:
      rcrm_user_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      rcrm_user_set_email (self, g_value_get_string (value));
      break;

    case PROP_HAS_SIGNATURE:
      rcrm_user_set_has_signature (self, g_value_get_boolean (value));
      break;

    case PROP_ACTIVE:
      rcrm_user_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_VERSION:
      rcrm_user_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_user_class_init (RcrmUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rcrm_user_finalize;
  object_class->get_property = rcrm_user_get_property;
  object_class->set_property = rcrm_user_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEAM_ID] =
    g_param_spec_int64 ("team-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_SIGNATURE] =
    g_param_spec_boolean ("has-signature", NULL, NULL,
                        FALSE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                        FALSE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rcrm_user_init (RcrmUser *self)
{
}

/* ---- getters ------------------------------------------------------------- */

gint64
rcrm_user_get_id (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), 0);

  return self->id;
}

const char *
rcrm_user_get_username (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), NULL);

  return self->username;
}

const char *
rcrm_user_get_display_name (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), NULL);

  return self->display_name;
}

const char *
rcrm_user_get_role (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), NULL);

  return self->role;
}

gint64
rcrm_user_get_team_id (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), 0);

  return self->team_id;
}

const char *
rcrm_user_get_phone (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), NULL);

  return self->phone;
}

const char *
rcrm_user_get_email (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), NULL);

  return self->email;
}

gboolean
rcrm_user_get_has_signature (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), FALSE);

  return self->has_signature;
}

gboolean
rcrm_user_get_active (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), FALSE);

  return self->active;
}

gint64
rcrm_user_get_version (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), 0);

  return self->version;
}

/* ---- setters (notify only on change) --------------------------------------- */

void
rcrm_user_set_id (RcrmUser *self,
                  gint64 id)
{
  g_return_if_fail (RCRM_IS_USER (self));

  if (rcrm_client_set_int64 (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
rcrm_user_set_username (RcrmUser *self,
                        const char *username)
{
  g_return_if_fail (RCRM_IS_USER (self));

  if (rcrm_client_set_string (&self->username, username))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
}

void
rcrm_user_set_display_name (RcrmUser *self,
                            const char *display_name)
{
  g_return_if_fail (RCRM_IS_USER (self));

  if (rcrm_client_set_string (&self->display_name, display_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

void
rcrm_user_set_role (RcrmUser *self,
                    const char *role)
{
  g_return_if_fail (RCRM_IS_USER (self));

  if (rcrm_client_set_string (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

void
rcrm_user_set_team_id (RcrmUser *self,
                       gint64 team_id)
{
  g_return_if_fail (RCRM_IS_USER (self));

  if (rcrm_client_set_int64 (&self->team_id, team_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAM_ID]);
}

void
rcrm_user_set_phone (RcrmUser *self,
                     const char *phone)
{
  g_return_if_fail (RCRM_IS_USER (self));

  if (rcrm_client_set_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

void
rcrm_user_set_email (RcrmUser *self,
                     const char *email)
{
  g_return_if_fail (RCRM_IS_USER (self));

  if (rcrm_client_set_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

void
rcrm_user_set_has_signature (RcrmUser *self,
                             gboolean has_signature)
{
  g_return_if_fail (RCRM_IS_USER (self));

  if (rcrm_client_set_boolean (&self->has_signature, has_signature))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SIGNATURE]);
}

void
rcrm_user_set_active (RcrmUser *self,
                      gboolean active)
{
  g_return_if_fail (RCRM_IS_USER (self));

  if (rcrm_client_set_boolean (&self->active, active))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

void
rcrm_user_set_version (RcrmUser *self,
                       gint64 version)
{
  g_return_if_fail (RCRM_IS_USER (self));

  if (rcrm_client_set_int64 (&self->version, version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/* ---- public ---------------------------------------------------------------- */

RcrmUser *
rcrm_user_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(RcrmUser) user = NULL;
  gboolean active_present;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  user = g_object_new (RCRM_TYPE_USER, NULL);
  if (!rcrm_client_json_int (object, "id", RCRM_JSON_REQUIRED, &user->id, error)
      || !rcrm_client_json_string (object, "username", RCRM_JSON_REQUIRED, &user->username, error)
      || !rcrm_client_json_string (object, "display_name", RCRM_JSON_REQUIRED, &user->display_name, error)
      || !rcrm_client_json_string (object, "role", RCRM_JSON_REQUIRED, &user->role, error)
      || !rcrm_client_json_int (object, "team_id", RCRM_JSON_LOOSE, &user->team_id, error)
      || !rcrm_client_json_string (object, "phone", RCRM_JSON_LOOSE, &user->phone, error)
      || !rcrm_client_json_string (object, "email", RCRM_JSON_LOOSE, &user->email, error)
      || !rcrm_client_json_bool (object, "has_signature", RCRM_JSON_LOOSE, &user->has_signature, error)
      || !rcrm_client_json_bool (object, "active", RCRM_JSON_LOOSE, &user->active, error)
      || !rcrm_client_json_int (object, "version", RCRM_JSON_LOOSE, &user->version, error))
    return NULL;

  /* the user of a session has no "active": one who can sign in is active */
  active_present = json_object_has_member (object, "active")
                   && !json_object_get_null_member (object, "active");
  if (!active_present)
    user->active = TRUE;

  return g_steal_pointer (&user);
}

gboolean
rcrm_user_is_admin (RcrmUser *self)
{
  g_return_val_if_fail (RCRM_IS_USER (self), FALSE);

  return g_strcmp0 (self->role, "admin") == 0;
}
