#include "config.h"

#include "rcrm-settings.h"

struct _RcrmSettings {
  JsonObject *doc;
  gint64      version;
};

static const char *default_lead_sources[] = {
  "เว็บไซต์", "โทรศัพท์", "LINE", "Facebook", "งานแสดงสินค้า", "ลูกค้าแนะนำ", NULL
};

static const char *default_unfollow_reasons[] = {
  "ลูกค้าไม่มีงบประมาณ", "เลือกคู่แข่ง", "ติดต่อไม่ได้", "ยังไม่พร้อมซื้อ", "ข้อมูลไม่ถูกต้อง", NULL
};

static JsonArray *
string_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

JsonObject *
rcrm_settings_defaults (void)
{
  JsonObject *doc = json_object_new ();
  JsonObject *duplicates = json_object_new ();
  JsonObject *erasure = json_object_new ();
  JsonObject *company = json_object_new ();
  static const char *dup_fields[] = { "email", "phone", "tax_id", NULL };
  static const char *dup_scope[] = { "closed", "in_progress", "unfollowed", NULL };

  json_object_set_boolean_member (doc, "allow_step_back", FALSE);
  json_object_set_boolean_member (doc, "restrict_visibility", FALSE);
  json_object_set_boolean_member (doc, "allow_price_edit", TRUE);
  json_object_set_int_member (doc, "max_contacts_per_account", 10);
  json_object_set_int_member (doc, "vat_rate_bp", 700);

  json_object_set_boolean_member (duplicates, "enabled", TRUE);
  json_object_set_array_member (duplicates, "fields", string_array (dup_fields));
  json_object_set_array_member (duplicates, "scope", string_array (dup_scope));
  json_object_set_string_member (duplicates, "action", "allow");
  json_object_set_object_member (doc, "duplicates", duplicates);

  json_object_set_boolean_member (erasure, "leads", FALSE);
  json_object_set_string_member (erasure, "accounts", "off");
  json_object_set_object_member (doc, "erasure", erasure);

  json_object_set_array_member (doc, "lead_sources", string_array (default_lead_sources));
  json_object_set_array_member (doc, "unfollow_reasons", string_array (default_unfollow_reasons));

  json_object_set_string_member (company, "name", "");
  json_object_set_string_member (company, "address", "");
  json_object_set_string_member (company, "tax_id", "");
  json_object_set_string_member (company, "branch", "head_office");
  json_object_set_string_member (company, "phone", "");
  json_object_set_string_member (company, "email", "");
  json_object_set_object_member (doc, "company", company);

  return doc;
}

void
rcrm_settings_merge (JsonObject *dst,
                     JsonObject *src)
{
  g_autoptr(GList) members = json_object_get_members (src);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (src, name);
      JsonNode *current = json_object_get_member (dst, name);

      if (JSON_NODE_HOLDS_OBJECT (value) && current != NULL && JSON_NODE_HOLDS_OBJECT (current))
        rcrm_settings_merge (json_node_get_object (current), json_node_get_object (value));
      else
        json_object_set_member (dst, name, json_node_copy (value));
    }
}

RcrmSettings *
rcrm_settings_load (RcrmStore  *store,
                    GError    **error)
{
  g_autoptr(JsonObject) doc = rcrm_settings_defaults ();
  g_autofree char *stored = NULL;
  RcrmSettings *self;
  gint64 version = 0;
  GError *local_error = NULL;

  stored = rcrm_store_settings_get (store, &version, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (stored != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (!json_parser_load_from_data (parser, stored, -1, error))
        return NULL;
      root = json_parser_get_root (parser);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error_literal (error, RCRM_STORE_ERROR, RCRM_STORE_ERROR_FAILED,
                               "stored settings are not a JSON object");
          return NULL;
        }
      rcrm_settings_merge (doc, json_node_get_object (root));
    }

  self = g_new0 (RcrmSettings, 1);
  self->doc = g_steal_pointer (&doc);
  self->version = version;
  return self;
}

void
rcrm_settings_free (RcrmSettings *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->doc, json_object_unref);
  g_free (self);
}

JsonObject *
rcrm_settings_dup_object (RcrmSettings *self)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) copy = NULL;

  json_node_set_object (node, self->doc);
  copy = json_node_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

gint64
rcrm_settings_get_version (RcrmSettings *self)
{
  return self->version;
}

void
rcrm_settings_replace (RcrmSettings *self,
                       JsonObject   *doc,
                       gint64        new_version)
{
  json_object_ref (doc);
  g_clear_pointer (&self->doc, json_object_unref);
  self->doc = doc;
  self->version = new_version;
}

gboolean
rcrm_settings_get_bool (RcrmSettings *self,
                        const char   *name)
{
  return json_object_get_boolean_member_with_default (self->doc, name, FALSE);
}

gint64
rcrm_settings_get_int (RcrmSettings *self,
                       const char   *name)
{
  return json_object_get_int_member_with_default (self->doc, name, 0);
}

gboolean
rcrm_settings_list_contains (RcrmSettings *self,
                             const char   *name,
                             const char   *value)
{
  JsonArray *array;

  if (!json_object_has_member (self->doc, name))
    return FALSE;
  array = json_object_get_array_member (self->doc, name);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

JsonNode *
rcrm_settings_get_nested (RcrmSettings *self,
                          const char   *object,
                          const char   *member)
{
  JsonNode *node = json_object_get_member (self->doc, object);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_get_member (json_node_get_object (node), member);
}
