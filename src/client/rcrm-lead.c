/* rcrm-lead.c — a lead of the REST API, as a GObject */
#include "config.h"

#include <string.h>

#include "rcrm-client-private.h"
#include "rcrm-lead.h"

/* ---- helpers -------------------------------------------------------------- */

static gboolean
ids_equal (GArray *a,
           GArray *b)
{
  guint len_a = a != NULL ? a->len : 0;
  guint len_b = b != NULL ? b->len : 0;

  if (len_a != len_b)
    return FALSE;
  return len_a == 0 || memcmp (a->data, b->data, len_a * sizeof (gint64)) == 0;
}

static gboolean
set_ids (GArray **field,
         GArray  *ids)
{
  GArray *copy;

  if (ids_equal (*field, ids))
    return FALSE;
  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids != NULL ? ids->len : 0);
  if (ids != NULL)
    g_array_append_vals (copy, ids->data, ids->len);
  g_clear_pointer (field, g_array_unref);
  *field = copy;
  return TRUE;
}


struct _RcrmLead
{
  GObject parent_instance;

  gint64       id;
  gint64       version;
  char        *name;
  char        *company;
  char        *phone;
  char        *email;
  char        *tax_id;
  char        *source;
  gint64       value;
  gint64       owner_id;
  gint64       pipeline_id;
  gint         step;
  char        *state;
  gint64       account_id;
  GArray      *label_ids;
  JsonObject  *custom;
  char        *unfollow_reason;
  char        *created_at;
  char        *updated_at;
  char        *last_activity_at;
  gboolean     loaded;
};

G_DEFINE_FINAL_TYPE (RcrmLead, rcrm_lead, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_NAME,
  PROP_COMPANY,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_TAX_ID,
  PROP_SOURCE,
  PROP_VALUE,
  PROP_OWNER_ID,
  PROP_PIPELINE_ID,
  PROP_STEP,
  PROP_STATE,
  PROP_ACCOUNT_ID,
  PROP_LABEL_IDS,
  PROP_CUSTOM,
  PROP_UNFOLLOW_REASON,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_LAST_ACTIVITY_AT,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rcrm_lead_finalize (GObject *object)
{
  RcrmLead *self = (RcrmLead *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->company, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->tax_id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->state, g_free);
  g_clear_pointer (&self->label_ids, g_array_unref);
  g_clear_pointer (&self->custom, json_object_unref);
  g_clear_pointer (&self->unfollow_reason, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->last_activity_at, g_free);


  G_OBJECT_CLASS (rcrm_lead_parent_class)->finalize (object);
}

static void
rcrm_lead_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RcrmLead *self = RCRM_LEAD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COMPANY:
      g_value_set_string (value, self->company);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_TAX_ID:
      g_value_set_string (value, self->tax_id);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_PIPELINE_ID:
      g_value_set_int64 (value, self->pipeline_id);
      break;

    case PROP_STEP:
      g_value_set_int (value, self->step);
      break;

    case PROP_STATE:
      g_value_set_string (value, self->state);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    case PROP_LABEL_IDS:
      g_value_set_boxed (value, self->label_ids);
      break;

    case PROP_CUSTOM:
      g_value_set_boxed (value, self->custom);
      break;

    case PROP_UNFOLLOW_REASON:
      g_value_set_string (value, self->unfollow_reason);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_LAST_ACTIVITY_AT:
      g_value_set_string (value, self->last_activity_at);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_lead_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RcrmLead *self = RCRM_LEAD (object);

  switch (prop_id)
    {
    case PROP_ID:
      rcrm_lead_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      rcrm_lead_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      rcrm_lead_set_name (self, g_value_get_string (value));
      break;

    case PROP_COMPANY:
      rcrm_lead_set_company (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      rcrm_lead_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      rcrm_lead_set_email (self, g_value_get_string (value));
      break;

    case PROP_TAX_ID:
      rcrm_lead_set_tax_id (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      rcrm_lead_set_source (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      rcrm_lead_set_value (self, g_value_get_int64 (value));
      break;

    case PROP_OWNER_ID:
      rcrm_lead_set_owner_id (self, g_value_get_int64 (value));
      break;

    case PROP_PIPELINE_ID:
      rcrm_lead_set_pipeline_id (self, g_value_get_int64 (value));
      break;

    case PROP_STEP:
      rcrm_lead_set_step (self, g_value_get_int (value));
      break;

    case PROP_STATE:
      rcrm_lead_set_state (self, g_value_get_string (value));
      break;

    case PROP_ACCOUNT_ID:
      rcrm_lead_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_LABEL_IDS:
      rcrm_lead_set_label_ids (self, g_value_get_boxed (value));
      break;

    case PROP_CUSTOM:
      rcrm_lead_set_custom (self, g_value_get_boxed (value));
      break;

    case PROP_UNFOLLOW_REASON:
      rcrm_lead_set_unfollow_reason (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      rcrm_lead_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      rcrm_lead_set_updated_at (self, g_value_get_string (value));
      break;

    case PROP_LAST_ACTIVITY_AT:
      rcrm_lead_set_last_activity_at (self, g_value_get_string (value));
      break;

    case PROP_LOADED:
      rcrm_lead_set_loaded (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_lead_class_init (RcrmLeadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rcrm_lead_finalize;
  object_class->get_property = rcrm_lead_get_property;
  object_class->set_property = rcrm_lead_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TAX_ID] =
    g_param_spec_string ("tax-id", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PIPELINE_ID] =
    g_param_spec_int64 ("pipeline-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STEP] =
    g_param_spec_int ("step", NULL, NULL,
                        G_MININT, G_MAXINT, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_string ("state", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LABEL_IDS] =
    g_param_spec_boxed ("label-ids", NULL, NULL,
                        G_TYPE_ARRAY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOM] =
    g_param_spec_boxed ("custom", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNFOLLOW_REASON] =
    g_param_spec_string ("unfollow-reason", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_ACTIVITY_AT] =
    g_param_spec_string ("last-activity-at", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                        FALSE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rcrm_lead_init (RcrmLead *self)
{
}

/* ---- getters ------------------------------------------------------------- */

gint64
rcrm_lead_get_id (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), 0);

  return self->id;
}

gint64
rcrm_lead_get_version (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), 0);

  return self->version;
}

const char *
rcrm_lead_get_name (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->name;
}

const char *
rcrm_lead_get_company (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->company;
}

const char *
rcrm_lead_get_phone (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->phone;
}

const char *
rcrm_lead_get_email (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->email;
}

const char *
rcrm_lead_get_tax_id (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->tax_id;
}

const char *
rcrm_lead_get_source (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->source;
}

gint64
rcrm_lead_get_value (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), 0);

  return self->value;
}

gint64
rcrm_lead_get_owner_id (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), 0);

  return self->owner_id;
}

gint64
rcrm_lead_get_pipeline_id (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), 0);

  return self->pipeline_id;
}

gint
rcrm_lead_get_step (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), 0);

  return self->step;
}

const char *
rcrm_lead_get_state (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->state;
}

gint64
rcrm_lead_get_account_id (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), 0);

  return self->account_id;
}

GArray *
rcrm_lead_get_label_ids (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->label_ids;
}

JsonObject *
rcrm_lead_get_custom (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->custom;
}

const char *
rcrm_lead_get_unfollow_reason (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->unfollow_reason;
}

const char *
rcrm_lead_get_created_at (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->created_at;
}

const char *
rcrm_lead_get_updated_at (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->updated_at;
}

const char *
rcrm_lead_get_last_activity_at (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), NULL);

  return self->last_activity_at;
}

gboolean
rcrm_lead_get_loaded (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), FALSE);

  return self->loaded;
}

/* ---- setters (notify only on change) --------------------------------------- */

void
rcrm_lead_set_id (RcrmLead *self,
                  gint64 id)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_int64 (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
rcrm_lead_set_version (RcrmLead *self,
                       gint64 version)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_int64 (&self->version, version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

void
rcrm_lead_set_name (RcrmLead *self,
                    const char *name)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
rcrm_lead_set_company (RcrmLead *self,
                       const char *company)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->company, company))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}

void
rcrm_lead_set_phone (RcrmLead *self,
                     const char *phone)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

void
rcrm_lead_set_email (RcrmLead *self,
                     const char *email)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->email, email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

void
rcrm_lead_set_tax_id (RcrmLead *self,
                      const char *tax_id)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->tax_id, tax_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAX_ID]);
}

void
rcrm_lead_set_source (RcrmLead *self,
                      const char *source)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

void
rcrm_lead_set_value (RcrmLead *self,
                     gint64 value)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_int64 (&self->value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

void
rcrm_lead_set_owner_id (RcrmLead *self,
                        gint64 owner_id)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_int64 (&self->owner_id, owner_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

void
rcrm_lead_set_pipeline_id (RcrmLead *self,
                           gint64 pipeline_id)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_int64 (&self->pipeline_id, pipeline_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE_ID]);
}

void
rcrm_lead_set_step (RcrmLead *self,
                    gint step)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (self->step == step)
    return;
  self->step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

void
rcrm_lead_set_state (RcrmLead *self,
                     const char *state)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->state, state))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
rcrm_lead_set_account_id (RcrmLead *self,
                          gint64 account_id)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_int64 (&self->account_id, account_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

void
rcrm_lead_set_label_ids (RcrmLead *self,
                         GArray *label_ids)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (set_ids (&self->label_ids, label_ids))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL_IDS]);
}

void
rcrm_lead_set_custom (RcrmLead *self,
                      JsonObject *custom)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_json (&self->custom, custom))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM]);
}

void
rcrm_lead_set_unfollow_reason (RcrmLead *self,
                               const char *unfollow_reason)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->unfollow_reason, unfollow_reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNFOLLOW_REASON]);
}

void
rcrm_lead_set_created_at (RcrmLead *self,
                          const char *created_at)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

void
rcrm_lead_set_updated_at (RcrmLead *self,
                          const char *updated_at)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

void
rcrm_lead_set_last_activity_at (RcrmLead *self,
                                const char *last_activity_at)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_string (&self->last_activity_at, last_activity_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ACTIVITY_AT]);
}

void
rcrm_lead_set_loaded (RcrmLead *self,
                      gboolean loaded)
{
  g_return_if_fail (RCRM_IS_LEAD (self));

  if (rcrm_client_set_boolean (&self->loaded, loaded))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
}

/* ---- public ---------------------------------------------------------------- */

RcrmLead *
rcrm_lead_new (void)
{
  return g_object_new (RCRM_TYPE_LEAD, NULL);
}

/* Reads every member into a new, unobserved lead. */
static RcrmLead *
parse (JsonObject  *object,
       GError     **error)
{
  g_autoptr(RcrmLead) lead = NULL;
  gint64 step = 0;

  g_return_val_if_fail (object != NULL, NULL);

  lead = rcrm_lead_new ();
  if (!rcrm_client_json_int (object, "id", RCRM_JSON_REQUIRED, &lead->id, error)
      || !rcrm_client_json_int (object, "version", RCRM_JSON_REQUIRED, &lead->version, error)
      || !rcrm_client_json_string (object, "name", RCRM_JSON_REQUIRED, &lead->name, error)
      || !rcrm_client_json_string (object, "company", RCRM_JSON_LOOSE, &lead->company, error)
      || !rcrm_client_json_string (object, "phone", RCRM_JSON_LOOSE, &lead->phone, error)
      || !rcrm_client_json_string (object, "email", RCRM_JSON_LOOSE, &lead->email, error)
      || !rcrm_client_json_string (object, "tax_id", RCRM_JSON_LOOSE, &lead->tax_id, error)
      || !rcrm_client_json_string (object, "source", RCRM_JSON_LOOSE, &lead->source, error)
      || !rcrm_client_json_int (object, "value", RCRM_JSON_REQUIRED, &lead->value, error)
      || !rcrm_client_json_int (object, "owner_id", RCRM_JSON_REQUIRED, &lead->owner_id, error)
      || !rcrm_client_json_int (object, "pipeline_id", RCRM_JSON_REQUIRED, &lead->pipeline_id, error)
      || !rcrm_client_json_int (object, "step", RCRM_JSON_REQUIRED, &step, error)
      || !rcrm_client_json_string (object, "state", RCRM_JSON_REQUIRED, &lead->state, error)
      || !rcrm_client_json_int (object, "account_id", RCRM_JSON_LOOSE, &lead->account_id, error)
      || !rcrm_client_json_int_array (object, "label_ids", RCRM_JSON_LOOSE, &lead->label_ids, error)
      || !rcrm_client_json_object (object, "custom", RCRM_JSON_LOOSE, &lead->custom, error)
      || !rcrm_client_json_string (object, "unfollow_reason", RCRM_JSON_LOOSE, &lead->unfollow_reason, error)
      || !rcrm_client_json_string (object, "created_at", RCRM_JSON_LOOSE, &lead->created_at, error)
      || !rcrm_client_json_string (object, "updated_at", RCRM_JSON_LOOSE, &lead->updated_at, error)
      || !rcrm_client_json_string (object, "last_activity_at", RCRM_JSON_LOOSE, &lead->last_activity_at, error))
    return NULL;

  if (step < 0 || step > G_MAXINT)
    {
      rcrm_client_set_shape_error (error, "step");
      return NULL;
    }
  lead->step = (gint) step;
  lead->loaded = TRUE;
  return g_steal_pointer (&lead);
}

RcrmLead *
rcrm_lead_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse (object, error);
}

gboolean
rcrm_lead_update_from_json (RcrmLead    *self,
                            JsonObject  *object,
                            GError     **error)
{
  g_autoptr(RcrmLead) fresh = NULL;

  g_return_val_if_fail (RCRM_IS_LEAD (self), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fresh = parse (object, error);
  if (fresh == NULL)
    return FALSE;
  rcrm_lead_update_from_lead (self, fresh);
  return TRUE;
}

void
rcrm_lead_update_from_lead (RcrmLead *self,
                            RcrmLead *other)
{
  g_return_if_fail (RCRM_IS_LEAD (self));
  g_return_if_fail (RCRM_IS_LEAD (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  rcrm_lead_set_id (self, other->id);
  rcrm_lead_set_version (self, other->version);
  rcrm_lead_set_name (self, other->name);
  rcrm_lead_set_company (self, other->company);
  rcrm_lead_set_phone (self, other->phone);
  rcrm_lead_set_email (self, other->email);
  rcrm_lead_set_tax_id (self, other->tax_id);
  rcrm_lead_set_source (self, other->source);
  rcrm_lead_set_value (self, other->value);
  rcrm_lead_set_owner_id (self, other->owner_id);
  rcrm_lead_set_pipeline_id (self, other->pipeline_id);
  rcrm_lead_set_step (self, other->step);
  rcrm_lead_set_state (self, other->state);
  rcrm_lead_set_account_id (self, other->account_id);
  rcrm_lead_set_label_ids (self, other->label_ids);
  rcrm_lead_set_custom (self, other->custom);
  rcrm_lead_set_unfollow_reason (self, other->unfollow_reason);
  rcrm_lead_set_created_at (self, other->created_at);
  rcrm_lead_set_updated_at (self, other->updated_at);
  rcrm_lead_set_last_activity_at (self, other->last_activity_at);
  rcrm_lead_set_loaded (self, other->loaded);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
rcrm_lead_has_label (RcrmLead *self,
                     gint64    label_id)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), FALSE);

  for (guint i = 0; self->label_ids != NULL && i < self->label_ids->len; i++)
    if (g_array_index (self->label_ids, gint64, i) == label_id)
      return TRUE;
  return FALSE;
}

gboolean
rcrm_lead_is_unfollowed (RcrmLead *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD (self), FALSE);

  return g_strcmp0 (self->state, "unfollowed") == 0;
}
