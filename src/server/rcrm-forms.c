#include "config.h"

#include <math.h>
#include <string.h>

#include "rcrm-core.h"
#include "rcrm-forms.h"
#include "rcrm-json.h"
#include "rcrm-validate.h"

static const RcrmText text_unknown_field = {
  "There is no such field in the form.", "ไม่มีช่องข้อมูลนี้ในแบบฟอร์ม"
};
static const RcrmText text_want_text = { "Enter text.", "กรุณากรอกข้อความ" };
static const RcrmText text_want_number = { "Enter a number.", "กรุณากรอกตัวเลข" };
static const RcrmText text_want_date = {
  "Enter a date as YYYY-MM-DD.", "กรุณากรอกวันที่ในรูปแบบ YYYY-MM-DD (ปี ค.ศ.)"
};
static const RcrmText text_want_choice = {
  "Choose one of the field's choices.", "กรุณาเลือกจากตัวเลือกของช่องนี้"
};
static const RcrmText text_key = {
  "A key is a lowercase letter followed by up to 39 lowercase letters, digits or _.",
  "คีย์ต้องขึ้นต้นด้วยอักษรภาษาอังกฤษตัวเล็ก ตามด้วยตัวอักษรเล็ก ตัวเลข หรือ _ ได้อีกไม่เกิน 39 ตัว"
};
static const RcrmText text_key_taken = { "Another field has this key.", "มีช่องอื่นใช้คีย์นี้แล้ว" };
static const RcrmText text_type = {
  "The type is text, number, date or choice.", "ชนิดต้องเป็น text, number, date หรือ choice"
};
static const RcrmText text_choices_needed = {
  "A choice field needs at least one choice.", "ช่องแบบตัวเลือกต้องมีตัวเลือกอย่างน้อยหนึ่งรายการ"
};
static const RcrmText text_choices_only = {
  "Only choice fields have choices.", "เฉพาะช่องแบบตัวเลือกเท่านั้นที่มีตัวเลือกได้"
};
static const RcrmText text_choice_bad = {
  "Choices are distinct, non-empty and at most 100 characters (at most 100 of them).",
  "ตัวเลือกต้องไม่ว่าง ไม่ซ้ำกัน ยาวไม่เกิน 100 ตัวอักษร และมีได้ไม่เกิน 100 รายการ"
};
static const RcrmText text_too_many_fields = {
  "A form has at most 50 fields.", "แบบฟอร์มมีได้ไม่เกิน 50 ช่อง"
};
static const RcrmText text_fields_shape = {
  "\"fields\" must be a list of field objects.", "\"fields\" ต้องเป็นรายการของช่องข้อมูล"
};

static guint
form_slot (const char *entity)
{
  return g_str_equal (entity, "lead") ? 0 : 1;
}

/* the cached form, loading it once; NULL with error */
static RcrmForm *
form_load (RcrmRequest  *req,
           const char   *entity,
           GError      **error)
{
  guint slot = form_slot (entity);

  if (req->forms[slot] == NULL)
    req->forms[slot] = rcrm_store_form_get (req->store, entity, error);
  return req->forms[slot];
}

RcrmForm *
rcrm_forms_get (RcrmRequest *req,
                const char  *entity)
{
  g_autoptr(GError) error = NULL;
  RcrmForm *form = form_load (req, entity, &error);

  if (form == NULL)
    rcrm_respond_store_error (req, error);
  return form;
}

/* does node fit the field?  On success *clean is the value to store (new
 * node), or NULL for "no value" (blank text); on failure *problem says why */
static gboolean
value_fits (const RcrmFormField  *field,
            JsonNode             *node,
            JsonNode            **clean,
            const RcrmText      **problem)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  *clean = NULL;
  if (g_str_equal (field->type, "number"))
    {
      if (type == G_TYPE_INT64 || (type == G_TYPE_DOUBLE && isfinite (json_node_get_double (node))))
        {
          *clean = json_node_copy (node);
          return TRUE;
        }
      *problem = &text_want_number;
      return FALSE;
    }

  if (type != G_TYPE_STRING)
    {
      *problem = g_str_equal (field->type, "date") ? &text_want_date
                 : g_str_equal (field->type, "choice") ? &text_want_choice : &text_want_text;
      return FALSE;
    }

  if (g_str_equal (field->type, "date"))
    {
      GDate date;

      if (!rcrm_date_parse_iso (json_node_get_string (node), &date))
        {
          *problem = &text_want_date;
          return FALSE;
        }
      *clean = json_node_copy (node);
      return TRUE;
    }
  if (g_str_equal (field->type, "choice"))
    {
      if (field->choices == NULL || !g_strv_contains ((const char * const *) field->choices,
                                                      json_node_get_string (node)))
        {
          *problem = &text_want_choice;
          return FALSE;
        }
      *clean = json_node_copy (node);
      return TRUE;
    }

  /* text: trimmed; blank is no value */
  {
    g_autofree char *stripped = rcrm_text_strip (json_node_get_string (node));

    if (rcrm_text_length (stripped) > RCRM_CUSTOM_TEXT_CHARS)
      {
        *problem = &rcrm_text_too_long;
        return FALSE;
      }
    if (*stripped != '\0')
      {
        *clean = json_node_new (JSON_NODE_VALUE);
        json_node_set_string (*clean, stripped);
      }
    return TRUE;
  }
}

static void
mark (RcrmRequest    *req,
      const char     *key,
      const RcrmText *message)
{
  g_autofree char *field = g_strconcat ("custom.", key, NULL);

  rcrm_invalid_field (req, field, message);
}

gboolean
rcrm_forms_apply (RcrmRequest  *req,
                  const char   *entity,
                  JsonObject   *custom,
                  char        **custom_json,
                  gboolean      check_required)
{
  RcrmForm *form = rcrm_forms_get (req, entity);
  g_autoptr(JsonObject) result = NULL;

  if (form == NULL)
    return FALSE;
  result = rcrm_json_parse_object (*custom_json);
  if (result == NULL)
    result = json_object_new ();

  if (custom != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (custom);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data;
          JsonNode *node = json_object_get_member (custom, key);
          const RcrmFormField *field = rcrm_form_find (form, key);
          const RcrmText *problem = NULL;
          JsonNode *clean = NULL;

          if (field == NULL)
            mark (req, key, &text_unknown_field);
          else if (JSON_NODE_HOLDS_NULL (node))
            json_object_remove_member (result, key);
          else if (!value_fits (field, node, &clean, &problem))
            mark (req, key, problem);
          else if (clean == NULL)
            json_object_remove_member (result, key);
          else
            json_object_set_member (result, key, clean);
        }
    }

  if (check_required)
    for (guint i = 0; i < form->fields->len; i++)
      {
        const RcrmFormField *field = g_ptr_array_index (form->fields, i);
        JsonNode *node = json_object_get_member (result, field->key);
        g_autoptr(JsonNode) clean = NULL;
        const RcrmText *problem = NULL;

        if (field->required && (node == NULL || !value_fits (field, node, &clean, &problem) || clean == NULL))
          mark (req, field->key, &rcrm_text_required);
      }

  g_free (*custom_json);
  *custom_json = rcrm_json_to_string (result);
  return TRUE;
}

JsonObject *
rcrm_forms_visible_values (RcrmRequest *req,
                           const char  *entity,
                           const char  *custom_json)
{
  g_autoptr(GError) error = NULL;
  RcrmForm *form = form_load (req, entity, &error);
  g_autoptr(JsonObject) stored = rcrm_json_parse_object (custom_json);
  JsonObject *shown = json_object_new ();

  /* while a response is being built: nothing to show rather than a second answer */
  if (form == NULL)
    g_warning ("the %s form: %s", entity, error->message);

  for (guint i = 0; form != NULL && stored != NULL && i < form->fields->len; i++)
    {
      const RcrmFormField *field = g_ptr_array_index (form->fields, i);
      JsonNode *node = json_object_get_member (stored, field->key);
      JsonNode *clean = NULL;
      const RcrmText *problem = NULL;

      if (node != NULL && value_fits (field, node, &clean, &problem) && clean != NULL)
        json_object_set_member (shown, field->key, clean);
    }
  return shown;
}

/* ---- form definitions ------------------------------------------------------ */

static gboolean
key_is_valid (const char *key)
{
  gsize len = strlen (key);

  if (len < 1 || len > 40 || !(key[0] >= 'a' && key[0] <= 'z'))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!((key[i] >= 'a' && key[i] <= 'z') || g_ascii_isdigit (key[i]) || key[i] == '_'))
      return FALSE;
  return TRUE;
}

static void
mark_at (RcrmRequest    *req,
         guint           index,
         const char     *member,
         const RcrmText *message)
{
  g_autofree char *field = g_strdup_printf ("fields.%u.%s", index, member);

  rcrm_invalid_field (req, field, message);
}

static gint
compare_fields (gconstpointer a,
                gconstpointer b)
{
  const RcrmFormField *x = *(RcrmFormField * const *) a;
  const RcrmFormField *y = *(RcrmFormField * const *) b;

  return x->order < y->order ? -1 : x->order > y->order;
}

/* one field object; FALSE after responding 400 */
static gboolean
read_field (RcrmRequest   *req,
            JsonNode      *element,
            guint          index,
            GHashTable    *keys,
            RcrmFormField *field)
{
  static const char * const allowed[] = { "key", "label", "type", "required", "choices", "order", NULL };
  static const char * const types[] = { "text", "number", "date", "choice", NULL };
  g_autoptr(GList) members = NULL;
  g_autofree char *key = NULL, *label = NULL, *type = NULL;
  gboolean has_key, has_label, has_type, has_order;
  JsonObject *o;
  JsonNode *choices;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_fields_shape, NULL);
      return FALSE;
    }
  o = json_node_get_object (element);
  members = json_object_get_members (o);
  for (const GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_fields_shape, NULL);
        return FALSE;
      }
  field->order = index;
  if (!rcrm_member_string (req, o, "key", FALSE, &key, &has_key)
      || !rcrm_member_string (req, o, "label", FALSE, &label, &has_label)
      || !rcrm_member_string (req, o, "type", FALSE, &type, &has_type)
      || !rcrm_member_bool (req, o, "required", &field->required, NULL)
      || !rcrm_member_int (req, o, "order", FALSE, &field->order, &has_order))
    return FALSE;

  if (key == NULL || !key_is_valid (key))
    mark_at (req, index, "key", key == NULL ? &rcrm_text_required : &text_key);
  else if (g_hash_table_contains (keys, key))
    mark_at (req, index, "key", &text_key_taken);
  else
    g_hash_table_add (keys, g_strdup (key));
  field->key = g_steal_pointer (&key);

  {
    g_autofree char *path = g_strdup_printf ("fields.%u.label", index);

    rcrm_validate_text (req, path, label, TRUE, 100, &field->label);
  }

  if (type == NULL || !g_strv_contains (types, type))
    mark_at (req, index, "type", type == NULL ? &rcrm_text_required : &text_type);
  field->type = g_steal_pointer (&type);

  choices = json_object_get_member (o, "choices");
  if (choices != NULL)
    {
      g_autoptr(GStrvBuilder) strv = g_strv_builder_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gboolean bad = FALSE;
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (choices))
        return rcrm_respond_wrong_type (req, "choices");
      array = json_node_get_array (choices);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *c = json_array_get_element (array, i);
          g_autofree char *stripped = NULL;

          if (!JSON_NODE_HOLDS_VALUE (c) || json_node_get_value_type (c) != G_TYPE_STRING)
            return rcrm_respond_wrong_type (req, "choices");
          stripped = rcrm_text_strip (json_node_get_string (c));
          if (*stripped == '\0' || rcrm_text_length (stripped) > 100 || g_hash_table_contains (seen, stripped))
            bad = TRUE;
          else
            {
              g_strv_builder_add (strv, stripped);
              g_hash_table_add (seen, g_steal_pointer (&stripped));
            }
        }
      if (json_array_get_length (array) > RCRM_FORM_MAX_CHOICES)
        bad = TRUE;
      if (g_strcmp0 (field->type, "choice") != 0)
        mark_at (req, index, "choices", &text_choices_only);
      else if (bad)
        mark_at (req, index, "choices", &text_choice_bad);
      field->choices = g_strv_builder_end (strv);
    }
  if (g_strcmp0 (field->type, "choice") == 0 && (field->choices == NULL || field->choices[0] == NULL))
    mark_at (req, index, "choices", &text_choices_needed);
  if (g_strcmp0 (field->type, "choice") != 0)
    g_clear_pointer (&field->choices, g_strfreev);
  return TRUE;
}

gboolean
rcrm_forms_read_fields (RcrmRequest *req,
                        JsonObject  *body,
                        RcrmForm    *form)
{
  JsonNode *node = json_object_get_member (body, "fields");
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rcrm_form_field_free);
  JsonArray *array;

  if (node == NULL)
    {
      rcrm_invalid_field (req, "fields", &rcrm_text_required);
      return !rcrm_respond_if_invalid (req);
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_fields_shape, NULL);
      return FALSE;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) > RCRM_FORM_MAX_FIELDS)
    rcrm_invalid_field (req, "fields", &text_too_many_fields);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      RcrmFormField *field = rcrm_form_field_new ();

      g_ptr_array_add (fields, field);
      if (!read_field (req, json_array_get_element (array, i), i, keys, field))
        return FALSE;
    }
  /* display order: by "order", ties in the order given (g_ptr_array_sort is stable) */
  g_ptr_array_sort (fields, compare_fields);
  g_ptr_array_unref (form->fields);
  form->fields = g_steal_pointer (&fields);
  return TRUE;
}

JsonObject *
rcrm_forms_json (const RcrmForm *form)
{
  JsonObject *o = json_object_new ();
  JsonArray *fields = json_array_new ();

  for (guint i = 0; i < form->fields->len; i++)
    {
      const RcrmFormField *field = g_ptr_array_index (form->fields, i);
      JsonObject *f = json_object_new ();

      json_object_set_string_member (f, "key", field->key);
      json_object_set_string_member (f, "label", field->label);
      json_object_set_string_member (f, "type", field->type);
      json_object_set_boolean_member (f, "required", field->required);
      if (field->choices != NULL)
        {
          JsonArray *choices = json_array_new ();

          for (guint j = 0; field->choices[j] != NULL; j++)
            json_array_add_string_element (choices, field->choices[j]);
          json_object_set_array_member (f, "choices", choices);
        }
      json_object_set_int_member (f, "order", field->order);
      json_array_add_object_element (fields, f);
    }
  json_object_set_string_member (o, "entity", form->entity);
  json_object_set_array_member (o, "fields", fields);
  if (form->updated_at != NULL)
    json_object_set_string_member (o, "updated_at", form->updated_at);
  json_object_set_int_member (o, "version", form->version);
  return o;
}
