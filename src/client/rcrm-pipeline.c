/* rcrm-pipeline.c — a pipeline of the REST API, as a GObject */
#include "config.h"

#include "rcrm-client-private.h"
#include "rcrm-pipeline.h"

static gboolean
set_strv (GStrv               *field,
          const char * const  *value)
{
  if (*field == NULL && value == NULL)
    return FALSE;
  if (*field != NULL && value != NULL && g_strv_equal ((const char * const *) *field, value))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  return TRUE;
}

struct _RcrmPipeline
{
  GObject parent_instance;

  gint64       id;
  char        *name;
  gboolean     standard;
  GStrv        steps;
  gint64       version;
};

G_DEFINE_FINAL_TYPE (RcrmPipeline, rcrm_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_STANDARD,
  PROP_STEPS,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rcrm_pipeline_finalize (GObject *object)
{
  RcrmPipeline *self = (RcrmPipeline *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->steps, g_strfreev);


  G_OBJECT_CLASS (rcrm_pipeline_parent_class)->finalize (object);
}

static void
rcrm_pipeline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RcrmPipeline *self = RCRM_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_STANDARD:
      g_value_set_boolean (value, self->standard);
      break;

    case PROP_STEPS:
      g_value_set_boxed (value, self->steps);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_pipeline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RcrmPipeline *self = RCRM_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_ID:
      rcrm_pipeline_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rcrm_pipeline_set_name (self, g_value_get_string (value));
      break;

    case PROP_STANDARD:
      rcrm_pipeline_set_standard (self, g_value_get_boolean (value));
      break;

    case PROP_STEPS:
      rcrm_pipeline_set_steps (self, g_value_get_boxed (value));
      break;

    case PROP_VERSION:
      rcrm_pipeline_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_pipeline_class_init (RcrmPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rcrm_pipeline_finalize;
  object_class->get_property = rcrm_pipeline_get_property;
  object_class->set_property = rcrm_pipeline_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STANDARD] =
    g_param_spec_boolean ("standard", NULL, NULL,
                        FALSE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STEPS] =
    g_param_spec_boxed ("steps", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rcrm_pipeline_init (RcrmPipeline *self)
{
}

/* ---- getters ------------------------------------------------------------- */

gint64
rcrm_pipeline_get_id (RcrmPipeline *self)
{
  g_return_val_if_fail (RCRM_IS_PIPELINE (self), 0);

  return self->id;
}

const char *
rcrm_pipeline_get_name (RcrmPipeline *self)
{
  g_return_val_if_fail (RCRM_IS_PIPELINE (self), NULL);

  return self->name;
}

gboolean
rcrm_pipeline_get_standard (RcrmPipeline *self)
{
  g_return_val_if_fail (RCRM_IS_PIPELINE (self), FALSE);

  return self->standard;
}

const char * const *
rcrm_pipeline_get_steps (RcrmPipeline *self)
{
  g_return_val_if_fail (RCRM_IS_PIPELINE (self), NULL);

  return (const char * const *) self->steps;
}

gint64
rcrm_pipeline_get_version (RcrmPipeline *self)
{
  g_return_val_if_fail (RCRM_IS_PIPELINE (self), 0);

  return self->version;
}

/* ---- setters (notify only on change) --------------------------------------- */

void
rcrm_pipeline_set_id (RcrmPipeline *self,
                      gint64 id)
{
  g_return_if_fail (RCRM_IS_PIPELINE (self));

  if (rcrm_client_set_int64 (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
rcrm_pipeline_set_name (RcrmPipeline *self,
                        const char *name)
{
  g_return_if_fail (RCRM_IS_PIPELINE (self));

  if (rcrm_client_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
rcrm_pipeline_set_standard (RcrmPipeline *self,
                            gboolean standard)
{
  g_return_if_fail (RCRM_IS_PIPELINE (self));

  if (rcrm_client_set_boolean (&self->standard, standard))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STANDARD]);
}

void
rcrm_pipeline_set_steps (RcrmPipeline *self,
                         const char * const *steps)
{
  g_return_if_fail (RCRM_IS_PIPELINE (self));

  if (set_strv (&self->steps, steps))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
}

void
rcrm_pipeline_set_version (RcrmPipeline *self,
                           gint64 version)
{
  g_return_if_fail (RCRM_IS_PIPELINE (self));

  if (rcrm_client_set_int64 (&self->version, version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/* ---- public ---------------------------------------------------------------- */

RcrmPipeline *
rcrm_pipeline_new_from_json (JsonObject  *object,
                             GError     **error)
{
  g_autoptr(RcrmPipeline) pipeline = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *steps;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pipeline = g_object_new (RCRM_TYPE_PIPELINE, NULL);
  if (!rcrm_client_json_int (object, "id", RCRM_JSON_REQUIRED, &pipeline->id, error)
      || !rcrm_client_json_string (object, "name", RCRM_JSON_REQUIRED, &pipeline->name, error)
      || !rcrm_client_json_bool (object, "standard", RCRM_JSON_LOOSE, &pipeline->standard, error)
      || !rcrm_client_json_array (object, "steps", RCRM_JSON_REQUIRED, &steps, error)
      || !rcrm_client_json_int (object, "version", RCRM_JSON_LOOSE, &pipeline->version, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonNode *node = json_array_get_element (steps, i);
      g_autofree char *name = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          rcrm_client_set_shape_error (error, "steps");
          return NULL;
        }
      if (!rcrm_client_json_string (json_node_get_object (node), "name", RCRM_JSON_REQUIRED, &name, error))
        return NULL;
      g_strv_builder_add (builder, name);
    }
  pipeline->steps = g_strv_builder_end (builder);
  return g_steal_pointer (&pipeline);
}

guint
rcrm_pipeline_get_n_steps (RcrmPipeline *self)
{
  g_return_val_if_fail (RCRM_IS_PIPELINE (self), 0);

  return self->steps != NULL ? g_strv_length (self->steps) : 0;
}

const char *
rcrm_pipeline_get_step_name (RcrmPipeline *self,
                             guint         step)
{
  g_return_val_if_fail (RCRM_IS_PIPELINE (self), NULL);

  if (step >= rcrm_pipeline_get_n_steps (self))
    return NULL;
  return self->steps[step];
}
