/* rcrm-label.c — a label of the REST API, as a GObject */
#include "config.h"

#include "rcrm-client-private.h"
#include "rcrm-label.h"

struct _RcrmLabel
{
  GObject parent_instance;

  gint64       id;
  char        *name;
  char        *color;
  char        *kind;
  gint64       owner_id;
  gint64       version;
};

G_DEFINE_FINAL_TYPE (RcrmLabel, rcrm_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_KIND,
  PROP_OWNER_ID,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rcrm_label_finalize (GObject *object)
{
  RcrmLabel *self = (RcrmLabel *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->kind, g_free);


  G_OBJECT_CLASS (rcrm_label_parent_class)->finalize (object);
}

static void
rcrm_label_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RcrmLabel *self = RCRM_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_label_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RcrmLabel *self = RCRM_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      rcrm_label_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rcrm_label_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      rcrm_label_set_color (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      rcrm_label_set_kind (self, g_value_get_string (value));
      break;

    case PROP_OWNER_ID:
      rcrm_label_set_owner_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      rcrm_label_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_label_class_init (RcrmLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rcrm_label_finalize;
  object_class->get_property = rcrm_label_get_property;
  object_class->set_property = rcrm_label_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rcrm_label_init (RcrmLabel *self)
{
}

/* ---- getters ------------------------------------------------------------- */

gint64
rcrm_label_get_id (RcrmLabel *self)
{
  g_return_val_if_fail (RCRM_IS_LABEL (self), 0);

  return self->id;
}

const char *
rcrm_label_get_name (RcrmLabel *self)
{
  g_return_val_if_fail (RCRM_IS_LABEL (self), NULL);

  return self->name;
}

const char *
rcrm_label_get_color (RcrmLabel *self)
{
  g_return_val_if_fail (RCRM_IS_LABEL (self), NULL);

  return self->color;
}

const char *
rcrm_label_get_kind (RcrmLabel *self)
{
  g_return_val_if_fail (RCRM_IS_LABEL (self), NULL);

  return self->kind;
}

gint64
rcrm_label_get_owner_id (RcrmLabel *self)
{
  g_return_val_if_fail (RCRM_IS_LABEL (self), 0);

  return self->owner_id;
}

gint64
rcrm_label_get_version (RcrmLabel *self)
{
  g_return_val_if_fail (RCRM_IS_LABEL (self), 0);

  return self->version;
}

/* ---- setters (notify only on change) --------------------------------------- */

void
rcrm_label_set_id (RcrmLabel *self,
                   gint64 id)
{
  g_return_if_fail (RCRM_IS_LABEL (self));

  if (rcrm_client_set_int64 (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
rcrm_label_set_name (RcrmLabel *self,
                     const char *name)
{
  g_return_if_fail (RCRM_IS_LABEL (self));

  if (rcrm_client_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
rcrm_label_set_color (RcrmLabel *self,
                      const char *color)
{
  g_return_if_fail (RCRM_IS_LABEL (self));

  if (rcrm_client_set_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

void
rcrm_label_set_kind (RcrmLabel *self,
                     const char *kind)
{
  g_return_if_fail (RCRM_IS_LABEL (self));

  if (rcrm_client_set_string (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
rcrm_label_set_owner_id (RcrmLabel *self,
                         gint64 owner_id)
{
  g_return_if_fail (RCRM_IS_LABEL (self));

  if (rcrm_client_set_int64 (&self->owner_id, owner_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

void
rcrm_label_set_version (RcrmLabel *self,
                        gint64 version)
{
  g_return_if_fail (RCRM_IS_LABEL (self));

  if (rcrm_client_set_int64 (&self->version, version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/* ---- public ---------------------------------------------------------------- */

RcrmLabel *
rcrm_label_new_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(RcrmLabel) label = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  label = g_object_new (RCRM_TYPE_LABEL, NULL);
  if (!rcrm_client_json_int (object, "id", RCRM_JSON_REQUIRED, &label->id, error)
      || !rcrm_client_json_string (object, "name", RCRM_JSON_REQUIRED, &label->name, error)
      || !rcrm_client_json_string (object, "color", RCRM_JSON_LOOSE, &label->color, error)
      || !rcrm_client_json_string (object, "kind", RCRM_JSON_REQUIRED, &label->kind, error)
      || !rcrm_client_json_int (object, "owner_id", RCRM_JSON_LOOSE, &label->owner_id, error)
      || !rcrm_client_json_int (object, "version", RCRM_JSON_LOOSE, &label->version, error))
    return NULL;
  return g_steal_pointer (&label);
}

gboolean
rcrm_label_is_system (RcrmLabel *self)
{
  g_return_val_if_fail (RCRM_IS_LABEL (self), FALSE);

  return g_strcmp0 (self->kind, "system") == 0;
}
