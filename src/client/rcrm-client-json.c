/* rcrm-client-json.c — typed access to the members of the server's JSON, and
 * the notify-on-change setters of the models */
#include "config.h"

#include <string.h>

#include "rcrm-client-private.h"

/* The member node, or NULL for absent/null.  FALSE (with a PROTOCOL error)
 * when its presence breaks the flags. */
static gboolean
lookup (JsonObject     *object,
        const char     *name,
        RcrmJsonFlags   flags,
        JsonNode      **out,
        GError        **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL)
    {
      if (flags & RCRM_JSON_OPTIONAL)
        return TRUE;
      rcrm_client_set_shape_error (error, name);
      return FALSE;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (flags & RCRM_JSON_NULLABLE)
        return TRUE;
      rcrm_client_set_shape_error (error, name);
      return FALSE;
    }
  *out = node;
  return TRUE;
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
rcrm_client_json_int (JsonObject     *object,
                      const char     *name,
                      RcrmJsonFlags   flags,
                      gint64         *out,
                      GError        **error)
{
  JsonNode *node;

  *out = 0;
  if (!lookup (object, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_INT64))
    {
      rcrm_client_set_shape_error (error, name);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
rcrm_client_json_string (JsonObject     *object,
                         const char     *name,
                         RcrmJsonFlags   flags,
                         char          **out,
                         GError        **error)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup (object, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_STRING))
    {
      rcrm_client_set_shape_error (error, name);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
rcrm_client_json_bool (JsonObject     *object,
                       const char     *name,
                       RcrmJsonFlags   flags,
                       gboolean       *out,
                       GError        **error)
{
  JsonNode *node;

  *out = FALSE;
  if (!lookup (object, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!holds (node, G_TYPE_BOOLEAN))
    {
      rcrm_client_set_shape_error (error, name);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
rcrm_client_json_object (JsonObject     *object,
                         const char     *name,
                         RcrmJsonFlags   flags,
                         JsonObject    **out,
                         GError        **error)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup (object, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      rcrm_client_set_shape_error (error, name);
      return FALSE;
    }
  *out = json_object_ref (json_node_get_object (node));
  return TRUE;
}

gboolean
rcrm_client_json_array (JsonObject     *object,
                        const char     *name,
                        RcrmJsonFlags   flags,
                        JsonArray     **out,
                        GError        **error)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup (object, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      rcrm_client_set_shape_error (error, name);
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
rcrm_client_json_int_array (JsonObject     *object,
                            const char     *name,
                            RcrmJsonFlags   flags,
                            GArray        **out,
                            GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonArray *array;

  *out = NULL;
  if (!rcrm_client_json_array (object, name, flags, &array, error))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (!holds (element, G_TYPE_INT64))
        {
          rcrm_client_set_shape_error (error, name);
          return FALSE;
        }
      id = json_node_get_int (element);
      g_array_append_val (ids, id);
    }
  *out = g_steal_pointer (&ids);
  return TRUE;
}

/* ---- setters ------------------------------------------------------------------ */

gboolean
rcrm_client_set_string (char       **field,
                        const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  copy = g_strdup (value);
  g_free (*field);
  *field = copy;
  return TRUE;
}

gboolean
rcrm_client_set_int64 (gint64 *field,
                       gint64  value)
{
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

gboolean
rcrm_client_set_boolean (gboolean *field,
                         gboolean  value)
{
  value = !!value;
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

gboolean
rcrm_client_set_json (JsonObject **field,
                      JsonObject  *value)
{
  if (*field == value)
    return FALSE;
  if (*field != NULL && value != NULL && json_object_equal (*field, value))
    return FALSE;
  if (value != NULL)
    json_object_ref (value);
  g_clear_pointer (field, json_object_unref);
  *field = value;
  return TRUE;
}
