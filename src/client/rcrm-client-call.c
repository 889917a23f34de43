/* rcrm-client-call.c — one typed call over rcrm_client_call_async()
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calls of rcrm-client-labels.c, rcrm-client-admin.c and
 * rcrm-client-accounts.c are all "send this, parse the answer into that":
 * this file holds that once.
 */
#include "config.h"

#include "rcrm-client.h"
#include "rcrm-client-private.h"

typedef struct {
  RcrmParseFunc  parse;
  GDestroyNotify free_result;
} Call;

static void
on_called (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = rcrm_client_call_finish (RCRM_CLIENT (source), result, &error);
  gpointer value;

  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (call->parse == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  value = call->parse (root, &error);
  if (value == NULL)
    {
      if (error == NULL)
        rcrm_client_set_shape_error (&error, "");
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, value, call->free_result);
}

void
rcrm_client_call_parsed_async (gpointer             self,
                               gpointer             source_tag,
                               const char          *method,
                               const char          *path,
                               JsonObject          *body,
                               gint64               if_match_version,
                               RcrmParseFunc        parse,
                               GDestroyNotify       free_result,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonNode) node = NULL;
  Call *call = g_new0 (Call, 1);
  GTask *task;

  call->parse = parse;
  call->free_result = free_result;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, g_free);

  if (body != NULL)
    node = json_node_init_object (json_node_alloc (), body);
  rcrm_client_call_async (RCRM_CLIENT (self), method, path, node, if_match_version, cancellable, on_called, task);
}

gpointer
rcrm_client_call_parsed_finish (gpointer       self,
                                GAsyncResult  *result,
                                gpointer       source_tag,
                                GError       **error)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
rcrm_client_call_parsed_finish_boolean (gpointer       self,
                                        GAsyncResult  *result,
                                        gpointer       source_tag,
                                        GError       **error)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

JsonObject *
rcrm_client_root_object (JsonNode  *root,
                         GError   **error)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      rcrm_client_set_shape_error (error, "{}");
      return NULL;
    }
  return json_node_get_object (root);
}

GPtrArray *
rcrm_client_parse_items (JsonNode         *root,
                         RcrmParseItemFunc parse_item,
                         gint64           *total,
                         char            **next_cursor,
                         GError          **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object = rcrm_client_root_object (root, error);
  JsonArray *array;

  if (object == NULL || !rcrm_client_json_array (object, "items", RCRM_JSON_REQUIRED, &array, error))
    return NULL;
  if (total != NULL && !rcrm_client_json_int (object, "total", RCRM_JSON_LOOSE, total, error))
    return NULL;
  if (next_cursor != NULL
      && !rcrm_client_json_string (object, "next_cursor", RCRM_JSON_LOOSE, next_cursor, error))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          rcrm_client_set_shape_error (error, "items");
          return NULL;
        }
      item = parse_item (json_node_get_object (node), error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}
