/* rcrm-form.c — a custom form definition (R22)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rcrm-client-private.h"
#include "rcrm-form.h"

/* ---- RcrmFormField -------------------------------------------------------------- */

struct _RcrmFormField
{
  GObject            parent_instance;

  char              *key;
  char              *label;
  RcrmFormFieldType  type;
  gboolean           required;
  GStrv              choices;
  gint64             order;
};

G_DEFINE_FINAL_TYPE (RcrmFormField, rcrm_form_field, G_TYPE_OBJECT)

static const char * const type_names[] = {
  [RCRM_FORM_FIELD_TEXT]   = "text",
  [RCRM_FORM_FIELD_NUMBER] = "number",
  [RCRM_FORM_FIELD_DATE]   = "date",
  [RCRM_FORM_FIELD_CHOICE] = "choice",
};

static void
rcrm_form_field_finalize (GObject *object)
{
  RcrmFormField *self = RCRM_FORM_FIELD (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->choices, g_strfreev);

  G_OBJECT_CLASS (rcrm_form_field_parent_class)->finalize (object);
}

static void
rcrm_form_field_class_init (RcrmFormFieldClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rcrm_form_field_finalize;
}

static void
rcrm_form_field_init (RcrmFormField *self)
{
  self->key = g_strdup ("");
  self->label = g_strdup ("");
  self->choices = g_new0 (char *, 1);
}

const char *
rcrm_form_field_type_to_string (RcrmFormFieldType type)
{
  g_return_val_if_fail (type <= RCRM_FORM_FIELD_CHOICE, "text");

  return type_names[type];
}

gboolean
rcrm_form_field_type_from_string (const char        *text,
                                  RcrmFormFieldType *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    if (g_strcmp0 (type_names[i], text) == 0)
      {
        *out = (RcrmFormFieldType) i;
        return TRUE;
      }

  return FALSE;
}

RcrmFormField *
rcrm_form_field_new (const char        *key,
                     const char        *label,
                     RcrmFormFieldType  type,
                     gboolean           required)
{
  RcrmFormField *self = g_object_new (RCRM_TYPE_FORM_FIELD, NULL);

  rcrm_form_field_set_key (self, key);
  rcrm_form_field_set_label (self, label);
  self->type = type;
  self->required = required;
  return self;
}

RcrmFormField *
rcrm_form_field_new_from_json (JsonObject  *object,
                               GError     **error)
{
  g_autoptr(RcrmFormField) self = g_object_new (RCRM_TYPE_FORM_FIELD, NULL);
  g_autofree char *type = NULL;
  JsonArray *choices = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);
  if (!rcrm_client_json_string (object, "key", RCRM_JSON_REQUIRED, &self->key, error)
      || !rcrm_client_json_string (object, "label", RCRM_JSON_REQUIRED, &self->label, error)
      || !rcrm_client_json_string (object, "type", RCRM_JSON_REQUIRED, &type, error)
      || !rcrm_client_json_bool (object, "required", RCRM_JSON_LOOSE, &self->required, error)
      || !rcrm_client_json_int (object, "order", RCRM_JSON_LOOSE, &self->order, error)
      || !rcrm_client_json_array (object, "choices", RCRM_JSON_LOOSE, &choices, error))
    return NULL;

  if (!rcrm_form_field_type_from_string (type, &self->type))
    {
      rcrm_client_set_shape_error (error, "type");
      return NULL;
    }

  if (choices != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (choices); i++)
        {
          JsonNode *node = json_array_get_element (choices, i);

          if (json_node_get_value_type (node) != G_TYPE_STRING)
            {
              rcrm_client_set_shape_error (error, "choices");
              return NULL;
            }
          g_strv_builder_add (builder, json_node_get_string (node));
        }
      g_strfreev (self->choices);
      self->choices = g_strv_builder_end (builder);
    }

  return g_steal_pointer (&self);
}

RcrmFormField *
rcrm_form_field_copy (RcrmFormField *self)
{
  RcrmFormField *copy;

  g_return_val_if_fail (RCRM_IS_FORM_FIELD (self), NULL);

  copy = rcrm_form_field_new (self->key, self->label, self->type, self->required);
  rcrm_form_field_set_choices (copy, (const char * const *) self->choices);
  copy->order = self->order;
  return copy;
}

JsonObject *
rcrm_form_field_to_json (RcrmFormField *self)
{
  JsonObject *object;

  g_return_val_if_fail (RCRM_IS_FORM_FIELD (self), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "key", self->key);
  json_object_set_string_member (object, "label", self->label);
  json_object_set_string_member (object, "type", type_names[self->type]);
  json_object_set_boolean_member (object, "required", self->required);
  json_object_set_int_member (object, "order", self->order);
  if (self->type == RCRM_FORM_FIELD_CHOICE)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; self->choices[i] != NULL; i++)
        json_array_add_string_element (array, self->choices[i]);
      json_object_set_array_member (object, "choices", array);
    }
  return object;
}

const char *
rcrm_form_field_get_key (RcrmFormField *self)
{
  g_return_val_if_fail (RCRM_IS_FORM_FIELD (self), NULL);

  return self->key;
}

void
rcrm_form_field_set_key (RcrmFormField *self,
                         const char    *key)
{
  g_return_if_fail (RCRM_IS_FORM_FIELD (self));

  rcrm_client_set_string (&self->key, key != NULL ? key : "");
}

const char *
rcrm_form_field_get_label (RcrmFormField *self)
{
  g_return_val_if_fail (RCRM_IS_FORM_FIELD (self), NULL);

  return self->label;
}

void
rcrm_form_field_set_label (RcrmFormField *self,
                           const char    *label)
{
  g_return_if_fail (RCRM_IS_FORM_FIELD (self));

  rcrm_client_set_string (&self->label, label != NULL ? label : "");
}

RcrmFormFieldType
rcrm_form_field_get_field_type (RcrmFormField *self)
{
  g_return_val_if_fail (RCRM_IS_FORM_FIELD (self), RCRM_FORM_FIELD_TEXT);

  return self->type;
}

void
rcrm_form_field_set_field_type (RcrmFormField     *self,
                                RcrmFormFieldType  type)
{
  g_return_if_fail (RCRM_IS_FORM_FIELD (self));
  g_return_if_fail (type <= RCRM_FORM_FIELD_CHOICE);

  self->type = type;
}

gboolean
rcrm_form_field_get_required (RcrmFormField *self)
{
  g_return_val_if_fail (RCRM_IS_FORM_FIELD (self), FALSE);

  return self->required;
}

void
rcrm_form_field_set_required (RcrmFormField *self,
                              gboolean       required)
{
  g_return_if_fail (RCRM_IS_FORM_FIELD (self));

  self->required = !!required;
}

const char * const *
rcrm_form_field_get_choices (RcrmFormField *self)
{
  g_return_val_if_fail (RCRM_IS_FORM_FIELD (self), NULL);

  return (const char * const *) self->choices;
}

void
rcrm_form_field_set_choices (RcrmFormField      *self,
                             const char * const *choices)
{
  GStrv copy;

  g_return_if_fail (RCRM_IS_FORM_FIELD (self));

  copy = choices != NULL ? g_strdupv ((char **) choices) : g_new0 (char *, 1);
  g_strfreev (self->choices);
  self->choices = copy;
}

gint64
rcrm_form_field_get_order (RcrmFormField *self)
{
  g_return_val_if_fail (RCRM_IS_FORM_FIELD (self), 0);

  return self->order;
}

void
rcrm_form_field_set_order (RcrmFormField *self,
                           gint64         order)
{
  g_return_if_fail (RCRM_IS_FORM_FIELD (self));

  self->order = order;
}

/* ---- RcrmForm ------------------------------------------------------------------------ */

struct _RcrmForm
{
  GObject    parent_instance;

  char      *entity;
  gint64     version;
  GPtrArray *fields;
};

G_DEFINE_FINAL_TYPE (RcrmForm, rcrm_form, G_TYPE_OBJECT)

static void
rcrm_form_finalize (GObject *object)
{
  RcrmForm *self = RCRM_FORM (object);

  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (rcrm_form_parent_class)->finalize (object);
}

static void
rcrm_form_class_init (RcrmFormClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rcrm_form_finalize;
}

static void
rcrm_form_init (RcrmForm *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
}

RcrmForm *
rcrm_form_new (const char *entity)
{
  RcrmForm *self;

  g_return_val_if_fail (entity != NULL, NULL);

  self = g_object_new (RCRM_TYPE_FORM, NULL);
  self->entity = g_strdup (entity);
  return self;
}

RcrmForm *
rcrm_form_new_from_json (JsonObject  *object,
                         GError     **error)
{
  g_autoptr(RcrmForm) self = g_object_new (RCRM_TYPE_FORM, NULL);
  JsonArray *fields = NULL;

  g_return_val_if_fail (object != NULL, NULL);

  if (!rcrm_client_json_string (object, "entity", RCRM_JSON_REQUIRED, &self->entity, error)
      || !rcrm_client_json_int (object, "version", RCRM_JSON_REQUIRED, &self->version, error)
      || !rcrm_client_json_array (object, "fields", RCRM_JSON_REQUIRED, &fields, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonNode *node = json_array_get_element (fields, i);
      RcrmFormField *field;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          rcrm_client_set_shape_error (error, "fields");
          return NULL;
        }
      field = rcrm_form_field_new_from_json (json_node_get_object (node), error);
      if (field == NULL)
        return NULL;
      g_ptr_array_add (self->fields, field);
    }

  return g_steal_pointer (&self);
}

RcrmForm *
rcrm_form_copy (RcrmForm *self)
{
  RcrmForm *copy;

  g_return_val_if_fail (RCRM_IS_FORM (self), NULL);

  copy = rcrm_form_new (self->entity);
  copy->version = self->version;
  for (guint i = 0; i < self->fields->len; i++)
    g_ptr_array_add (copy->fields, rcrm_form_field_copy (g_ptr_array_index (self->fields, i)));
  return copy;
}

JsonObject *
rcrm_form_to_json (RcrmForm *self)
{
  JsonObject *object;
  JsonArray *array;

  g_return_val_if_fail (RCRM_IS_FORM (self), NULL);

  array = json_array_new ();
  for (guint i = 0; i < self->fields->len; i++)
    {
      RcrmFormField *field = g_ptr_array_index (self->fields, i);
      JsonObject *member;

      field->order = i + 1;
      member = rcrm_form_field_to_json (field);
      json_array_add_object_element (array, member);
    }

  object = json_object_new ();
  json_object_set_array_member (object, "fields", array);
  return object;
}

const char *
rcrm_form_get_entity (RcrmForm *self)
{
  g_return_val_if_fail (RCRM_IS_FORM (self), NULL);

  return self->entity;
}

gint64
rcrm_form_get_version (RcrmForm *self)
{
  g_return_val_if_fail (RCRM_IS_FORM (self), 0);

  return self->version;
}

GPtrArray *
rcrm_form_get_fields (RcrmForm *self)
{
  g_return_val_if_fail (RCRM_IS_FORM (self), NULL);

  return self->fields;
}

RcrmFormField *
rcrm_form_lookup_field (RcrmForm   *self,
                        const char *key)
{
  g_return_val_if_fail (RCRM_IS_FORM (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      RcrmFormField *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (field->key, key) == 0)
        return field;
    }
  return NULL;
}
