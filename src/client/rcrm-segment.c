/* rcrm-segment.c — a segment (R13): a named, saved filter over leads or accounts
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rcrm-client-private.h"
#include "rcrm-segment.h"

struct _RcrmSegment
{
  GObject     parent_instance;

  gint64      id;
  char       *name;
  char       *entity;
  gboolean    shared;
  gint64      owner_id;
  JsonObject *filter;
  gint64      count;
  gint64      version;
};

G_DEFINE_FINAL_TYPE (RcrmSegment, rcrm_segment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ENTITY,
  PROP_SHARED,
  PROP_OWNER_ID,
  PROP_COUNT,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rcrm_segment_finalize (GObject *object)
{
  RcrmSegment *self = RCRM_SEGMENT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->filter, json_object_unref);

  G_OBJECT_CLASS (rcrm_segment_parent_class)->finalize (object);
}

static void
rcrm_segment_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RcrmSegment *self = RCRM_SEGMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ENTITY:
      g_value_set_string (value, self->entity);
      break;

    case PROP_SHARED:
      g_value_set_boolean (value, self->shared);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_COUNT:
      g_value_set_int64 (value, self->count);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_segment_class_init (RcrmSegmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rcrm_segment_finalize;
  object_class->get_property = rcrm_segment_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTITY] =
    g_param_spec_string ("entity", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHARED] =
    g_param_spec_boolean ("shared", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_int64 ("count", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rcrm_segment_init (RcrmSegment *self)
{
}

RcrmSegment *
rcrm_segment_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(RcrmSegment) self = NULL;
  g_autoptr(JsonObject) filter = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RCRM_TYPE_SEGMENT, NULL);
  if (!rcrm_client_json_int (object, "id", RCRM_JSON_REQUIRED, &self->id, error)
      || !rcrm_client_json_string (object, "name", RCRM_JSON_REQUIRED, &self->name, error)
      || !rcrm_client_json_string (object, "entity", RCRM_JSON_REQUIRED, &self->entity, error)
      || !rcrm_client_json_bool (object, "shared", RCRM_JSON_LOOSE, &self->shared, error)
      || !rcrm_client_json_int (object, "owner_id", RCRM_JSON_LOOSE, &self->owner_id, error)
      || !rcrm_client_json_object (object, "filter", RCRM_JSON_LOOSE, &filter, error)
      || !rcrm_client_json_int (object, "count", RCRM_JSON_LOOSE, &self->count, error)
      || !rcrm_client_json_int (object, "version", RCRM_JSON_LOOSE, &self->version, error))
    return NULL;

  self->filter = filter != NULL ? g_steal_pointer (&filter) : json_object_new ();
  return g_steal_pointer (&self);
}

gint64
rcrm_segment_get_id (RcrmSegment *self)
{
  g_return_val_if_fail (RCRM_IS_SEGMENT (self), 0);

  return self->id;
}

const char *
rcrm_segment_get_name (RcrmSegment *self)
{
  g_return_val_if_fail (RCRM_IS_SEGMENT (self), NULL);

  return self->name;
}

const char *
rcrm_segment_get_entity (RcrmSegment *self)
{
  g_return_val_if_fail (RCRM_IS_SEGMENT (self), NULL);

  return self->entity;
}

gboolean
rcrm_segment_get_shared (RcrmSegment *self)
{
  g_return_val_if_fail (RCRM_IS_SEGMENT (self), FALSE);

  return self->shared;
}

gint64
rcrm_segment_get_owner_id (RcrmSegment *self)
{
  g_return_val_if_fail (RCRM_IS_SEGMENT (self), 0);

  return self->owner_id;
}

JsonObject *
rcrm_segment_get_filter (RcrmSegment *self)
{
  g_return_val_if_fail (RCRM_IS_SEGMENT (self), NULL);

  return self->filter;
}

gint64
rcrm_segment_get_count (RcrmSegment *self)
{
  g_return_val_if_fail (RCRM_IS_SEGMENT (self), 0);

  return self->count;
}

gint64
rcrm_segment_get_version (RcrmSegment *self)
{
  g_return_val_if_fail (RCRM_IS_SEGMENT (self), 0);

  return self->version;
}

void
rcrm_segment_update_from (RcrmSegment *self,
                          RcrmSegment *other)
{
  g_return_if_fail (RCRM_IS_SEGMENT (self));
  g_return_if_fail (RCRM_IS_SEGMENT (other));

  g_object_freeze_notify (G_OBJECT (self));
  if (rcrm_client_set_int64 (&self->id, other->id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  if (rcrm_client_set_string (&self->name, other->name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (rcrm_client_set_string (&self->entity, other->entity))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTITY]);
  if (rcrm_client_set_boolean (&self->shared, other->shared))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHARED]);
  if (rcrm_client_set_int64 (&self->owner_id, other->owner_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
  rcrm_client_set_json (&self->filter, other->filter);
  if (rcrm_client_set_int64 (&self->count, other->count))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
  if (rcrm_client_set_int64 (&self->version, other->version))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
  g_object_thaw_notify (G_OBJECT (self));
}
