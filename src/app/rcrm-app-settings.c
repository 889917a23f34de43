/* rcrm-app-settings.c — the app's settings, with or without an installed schema
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rcrm-app-settings.h"

struct _RcrmAppSettings
{
  GObject     parent_instance;

  GSettings  *settings;   /* NULL without the schema */
  GHashTable *memory;     /* key → GVariant, without the schema */
};

G_DEFINE_FINAL_TYPE (RcrmAppSettings, rcrm_app_settings, G_TYPE_OBJECT)

/* the keys of data/io.rcrm.Desktop.gschema.xml, with its defaults */
static const struct {
  const char *key;
  const char *type;
  const char *value;
} defaults[] = {
  { "server-url",       "s", "'http://127.0.0.1:8080'" },
  { "last-username",    "s", "''" },
  { "window-width",     "i", "1100" },
  { "window-height",    "i", "720" },
  { "window-maximized", "b", "false" },
  { "inbox-sort",       "s", "'-last_activity_at'" },
};

static void
rcrm_app_settings_finalize (GObject *object)
{
  RcrmAppSettings *self = RCRM_APP_SETTINGS (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->memory, g_hash_table_unref);

  G_OBJECT_CLASS (rcrm_app_settings_parent_class)->finalize (object);
}

static void
rcrm_app_settings_class_init (RcrmAppSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rcrm_app_settings_finalize;
}

static void
rcrm_app_settings_init (RcrmAppSettings *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, RCRM_APP_SETTINGS_SCHEMA_ID, TRUE);

  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      return;
    }

  g_debug ("GSettings schema %s is not installed; settings last for this session only",
           RCRM_APP_SETTINGS_SCHEMA_ID);
  self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_variant_unref);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      GVariant *value = g_variant_parse (G_VARIANT_TYPE (defaults[i].type),
                                         defaults[i].value, NULL, NULL, NULL);

      g_assert (value != NULL);
      g_hash_table_insert (self->memory, g_strdup (defaults[i].key), g_variant_ref_sink (value));
    }
}

RcrmAppSettings *
rcrm_app_settings_new (void)
{
  return g_object_new (RCRM_TYPE_APP_SETTINGS, NULL);
}

RcrmAppSettings *
rcrm_app_settings_get_default (void)
{
  static RcrmAppSettings *instance;

  if (instance == NULL)
    instance = rcrm_app_settings_new ();

  return instance;
}

GSettings *
rcrm_app_settings_get_settings (RcrmAppSettings *self)
{
  g_return_val_if_fail (RCRM_IS_APP_SETTINGS (self), NULL);

  return self->settings;
}

gboolean
rcrm_app_settings_is_persistent (RcrmAppSettings *self)
{
  g_return_val_if_fail (RCRM_IS_APP_SETTINGS (self), FALSE);

  return self->settings != NULL;
}

static GVariant *
lookup_memory (RcrmAppSettings    *self,
               const char         *key,
               const GVariantType *type)
{
  GVariant *value = g_hash_table_lookup (self->memory, key);

  if (value == NULL || !g_variant_is_of_type (value, type))
    {
      g_critical ("Settings key “%s” does not exist or has another type", key);
      return NULL;
    }

  return value;
}

static void
store_memory (RcrmAppSettings *self,
              const char      *key,
              GVariant        *value)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (value);

  if (lookup_memory (self, key, g_variant_get_type (owned)) != NULL)
    g_hash_table_replace (self->memory, g_strdup (key), g_steal_pointer (&owned));
}

char *
rcrm_app_settings_get_string (RcrmAppSettings *self,
                              const char      *key)
{
  GVariant *value;

  g_return_val_if_fail (RCRM_IS_APP_SETTINGS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (self->settings != NULL)
    return g_settings_get_string (self->settings, key);

  value = lookup_memory (self, key, G_VARIANT_TYPE_STRING);
  return g_strdup (value != NULL ? g_variant_get_string (value, NULL) : "");
}

void
rcrm_app_settings_set_string (RcrmAppSettings *self,
                              const char      *key,
                              const char      *value)
{
  g_return_if_fail (RCRM_IS_APP_SETTINGS (self));
  g_return_if_fail (key != NULL);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, key, value != NULL ? value : "");
  else
    store_memory (self, key, g_variant_new_string (value != NULL ? value : ""));
}

int
rcrm_app_settings_get_int (RcrmAppSettings *self,
                           const char      *key)
{
  GVariant *value;

  g_return_val_if_fail (RCRM_IS_APP_SETTINGS (self), 0);
  g_return_val_if_fail (key != NULL, 0);

  if (self->settings != NULL)
    return g_settings_get_int (self->settings, key);

  value = lookup_memory (self, key, G_VARIANT_TYPE_INT32);
  return value != NULL ? g_variant_get_int32 (value) : 0;
}

void
rcrm_app_settings_set_int (RcrmAppSettings *self,
                           const char      *key,
                           int              value)
{
  g_return_if_fail (RCRM_IS_APP_SETTINGS (self));
  g_return_if_fail (key != NULL);

  if (self->settings != NULL)
    g_settings_set_int (self->settings, key, value);
  else
    store_memory (self, key, g_variant_new_int32 (value));
}

gboolean
rcrm_app_settings_get_boolean (RcrmAppSettings *self,
                               const char      *key)
{
  GVariant *value;

  g_return_val_if_fail (RCRM_IS_APP_SETTINGS (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (self->settings != NULL)
    return g_settings_get_boolean (self->settings, key);

  value = lookup_memory (self, key, G_VARIANT_TYPE_BOOLEAN);
  return value != NULL && g_variant_get_boolean (value);
}

void
rcrm_app_settings_set_boolean (RcrmAppSettings *self,
                               const char      *key,
                               gboolean         value)
{
  g_return_if_fail (RCRM_IS_APP_SETTINGS (self));
  g_return_if_fail (key != NULL);

  if (self->settings != NULL)
    g_settings_set_boolean (self->settings, key, value);
  else
    store_memory (self, key, g_variant_new_boolean (value));
}
