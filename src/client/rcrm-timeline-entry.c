/* rcrm-timeline-entry.c — an entry of a lead's timeline, as a GObject */
#include "config.h"

#include "rcrm-client-private.h"
#include "rcrm-timeline-entry.h"

struct _RcrmTimelineEntry
{
  GObject parent_instance;

  gint64       id;
  gint64       lead_id;
  char        *kind;
  gint64       actor_id;
  char        *created_at;
  gint64       author_id;
  char        *body;
  gint64       corrects_note_id;
  JsonObject  *data;
};

G_DEFINE_FINAL_TYPE (RcrmTimelineEntry, rcrm_timeline_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LEAD_ID,
  PROP_KIND,
  PROP_ACTOR_ID,
  PROP_CREATED_AT,
  PROP_AUTHOR_ID,
  PROP_BODY,
  PROP_CORRECTS_NOTE_ID,
  PROP_DATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rcrm_timeline_entry_finalize (GObject *object)
{
  RcrmTimelineEntry *self = (RcrmTimelineEntry *) object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->data, json_object_unref);


  G_OBJECT_CLASS (rcrm_timeline_entry_parent_class)->finalize (object);
}

static void
rcrm_timeline_entry_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RcrmTimelineEntry *self = RCRM_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_LEAD_ID:
      g_value_set_int64 (value, self->lead_id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_ACTOR_ID:
      g_value_set_int64 (value, self->actor_id);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_AUTHOR_ID:
      g_value_set_int64 (value, self->author_id);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_CORRECTS_NOTE_ID:
      g_value_set_int64 (value, self->corrects_note_id);
      break;

    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_timeline_entry_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RcrmTimelineEntry *self = RCRM_TIMELINE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      rcrm_timeline_entry_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_LEAD_ID:
      rcrm_timeline_entry_set_lead_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      rcrm_timeline_entry_set_kind (self, g_value_get_string (value));
      break;

    case PROP_ACTOR_ID:
      rcrm_timeline_entry_set_actor_id (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      rcrm_timeline_entry_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR_ID:
      rcrm_timeline_entry_set_author_id (self, g_value_get_int64 (value));
      break;

    case PROP_BODY:
      rcrm_timeline_entry_set_body (self, g_value_get_string (value));
      break;

    case PROP_CORRECTS_NOTE_ID:
      rcrm_timeline_entry_set_corrects_note_id (self, g_value_get_int64 (value));
      break;

    case PROP_DATA:
      rcrm_timeline_entry_set_data (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_timeline_entry_class_init (RcrmTimelineEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rcrm_timeline_entry_finalize;
  object_class->get_property = rcrm_timeline_entry_get_property;
  object_class->set_property = rcrm_timeline_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEAD_ID] =
    g_param_spec_int64 ("lead-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTOR_ID] =
    g_param_spec_int64 ("actor-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHOR_ID] =
    g_param_spec_int64 ("author-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                        NULL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CORRECTS_NOTE_ID] =
    g_param_spec_int64 ("corrects-note-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rcrm_timeline_entry_init (RcrmTimelineEntry *self)
{
}

/* ---- getters ------------------------------------------------------------- */

gint64
rcrm_timeline_entry_get_id (RcrmTimelineEntry *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (self), 0);

  return self->id;
}

gint64
rcrm_timeline_entry_get_lead_id (RcrmTimelineEntry *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (self), 0);

  return self->lead_id;
}

const char *
rcrm_timeline_entry_get_kind (RcrmTimelineEntry *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->kind;
}

gint64
rcrm_timeline_entry_get_actor_id (RcrmTimelineEntry *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (self), 0);

  return self->actor_id;
}

const char *
rcrm_timeline_entry_get_created_at (RcrmTimelineEntry *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->created_at;
}

gint64
rcrm_timeline_entry_get_author_id (RcrmTimelineEntry *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (self), 0);

  return self->author_id;
}

const char *
rcrm_timeline_entry_get_body (RcrmTimelineEntry *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->body;
}

gint64
rcrm_timeline_entry_get_corrects_note_id (RcrmTimelineEntry *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (self), 0);

  return self->corrects_note_id;
}

JsonObject *
rcrm_timeline_entry_get_data (RcrmTimelineEntry *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (self), NULL);

  return self->data;
}

/* ---- setters (notify only on change) --------------------------------------- */

void
rcrm_timeline_entry_set_id (RcrmTimelineEntry *self,
                            gint64 id)
{
  g_return_if_fail (RCRM_IS_TIMELINE_ENTRY (self));

  if (rcrm_client_set_int64 (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
rcrm_timeline_entry_set_lead_id (RcrmTimelineEntry *self,
                                 gint64 lead_id)
{
  g_return_if_fail (RCRM_IS_TIMELINE_ENTRY (self));

  if (rcrm_client_set_int64 (&self->lead_id, lead_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_ID]);
}

void
rcrm_timeline_entry_set_kind (RcrmTimelineEntry *self,
                              const char *kind)
{
  g_return_if_fail (RCRM_IS_TIMELINE_ENTRY (self));

  if (rcrm_client_set_string (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

void
rcrm_timeline_entry_set_actor_id (RcrmTimelineEntry *self,
                                  gint64 actor_id)
{
  g_return_if_fail (RCRM_IS_TIMELINE_ENTRY (self));

  if (rcrm_client_set_int64 (&self->actor_id, actor_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR_ID]);
}

void
rcrm_timeline_entry_set_created_at (RcrmTimelineEntry *self,
                                    const char *created_at)
{
  g_return_if_fail (RCRM_IS_TIMELINE_ENTRY (self));

  if (rcrm_client_set_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

void
rcrm_timeline_entry_set_author_id (RcrmTimelineEntry *self,
                                   gint64 author_id)
{
  g_return_if_fail (RCRM_IS_TIMELINE_ENTRY (self));

  if (rcrm_client_set_int64 (&self->author_id, author_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_ID]);
}

void
rcrm_timeline_entry_set_body (RcrmTimelineEntry *self,
                              const char *body)
{
  g_return_if_fail (RCRM_IS_TIMELINE_ENTRY (self));

  if (rcrm_client_set_string (&self->body, body))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

void
rcrm_timeline_entry_set_corrects_note_id (RcrmTimelineEntry *self,
                                          gint64 corrects_note_id)
{
  g_return_if_fail (RCRM_IS_TIMELINE_ENTRY (self));

  if (rcrm_client_set_int64 (&self->corrects_note_id, corrects_note_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORRECTS_NOTE_ID]);
}

void
rcrm_timeline_entry_set_data (RcrmTimelineEntry *self,
                              JsonObject *data)
{
  g_return_if_fail (RCRM_IS_TIMELINE_ENTRY (self));

  if (rcrm_client_set_json (&self->data, data))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
}

/* ---- public ---------------------------------------------------------------- */

RcrmTimelineEntry *
rcrm_timeline_entry_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  g_autoptr(RcrmTimelineEntry) entry = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  entry = g_object_new (RCRM_TYPE_TIMELINE_ENTRY, NULL);
  if (!rcrm_client_json_int (object, "id", RCRM_JSON_REQUIRED, &entry->id, error)
      || !rcrm_client_json_int (object, "lead_id", RCRM_JSON_REQUIRED, &entry->lead_id, error)
      || !rcrm_client_json_string (object, "kind", RCRM_JSON_REQUIRED, &entry->kind, error)
      || !rcrm_client_json_int (object, "actor_id", RCRM_JSON_LOOSE, &entry->actor_id, error)
      || !rcrm_client_json_string (object, "created_at", RCRM_JSON_LOOSE, &entry->created_at, error))
    return NULL;

  if (g_str_equal (entry->kind, "note"))
    {
      if (!rcrm_client_json_string (object, "body", RCRM_JSON_REQUIRED, &entry->body, error)
          || !rcrm_client_json_int (object, "author_id", RCRM_JSON_LOOSE, &entry->author_id, error)
          || !rcrm_client_json_int (object, "corrects_note_id", RCRM_JSON_LOOSE, &entry->corrects_note_id, error))
        return NULL;
      if (entry->author_id == 0)
        entry->author_id = entry->actor_id;
    }
  else if (!rcrm_client_json_object (object, "data", RCRM_JSON_LOOSE, &entry->data, error))
    return NULL;

  return g_steal_pointer (&entry);
}

gboolean
rcrm_timeline_entry_is_note (RcrmTimelineEntry *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (self), FALSE);

  return g_strcmp0 (self->kind, "note") == 0;
}
