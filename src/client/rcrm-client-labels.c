/* rcrm-client-labels.c — labels (R12) and segments (R13) through RcrmClient
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every call is rcrm_client_call_async() (the client's one request path:
 * session, Accept-Language, errors) and a parser of its answer.
 */
#include "config.h"

#include "rcrm-client-labels.h"
#include "rcrm-client-private.h"

/* METHOD path with body (taken; may be NULL); parse NULL = a boolean result */
static void
call (RcrmClient          *self,
      gpointer             source_tag,
      const char          *method,
      const char          *path,
      JsonNode            *body,
      gint64               version,
      RcrmParseFunc        parse,
      GDestroyNotify       free_result,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  g_autoptr(JsonNode) owned_body = body;

  rcrm_client_call_parsed_async (self, source_tag, method, path,
                                 owned_body != NULL ? json_node_get_object (owned_body) : NULL, version,
                                 parse, free_result, cancellable, callback, user_data);
}

#define finish         rcrm_client_call_parsed_finish
#define finish_boolean rcrm_client_call_parsed_finish_boolean
#define root_object    rcrm_client_root_object

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* "items" of a list answer, each through parse_item */
static GPtrArray *
parse_items (JsonNode          *root,
             RcrmParseItemFunc  parse_item,
             GError           **error)
{
  return rcrm_client_parse_items (root, parse_item, NULL, NULL, error);
}

/* ---- labels ------------------------------------------------------------------------ */

typedef struct {
  gint64 leads;
  gint64 accounts;
} Usage;

static GQuark usage_quark (void);
G_DEFINE_QUARK (rcrm-label-usage, usage)

gboolean
rcrm_label_get_usage (RcrmLabel *label,
                      gint64    *leads,
                      gint64    *accounts)
{
  Usage *usage;

  g_return_val_if_fail (RCRM_IS_LABEL (label), FALSE);

  usage = g_object_get_qdata (G_OBJECT (label), usage_quark ());
  if (leads != NULL)
    *leads = usage != NULL ? usage->leads : 0;
  if (accounts != NULL)
    *accounts = usage != NULL ? usage->accounts : 0;
  return usage != NULL;
}

static gpointer
parse_label_with_usage (JsonObject  *object,
                        GError     **error)
{
  g_autoptr(RcrmLabel) label = rcrm_label_new_from_json (object, error);
  g_autoptr(JsonObject) usage_object = NULL;
  Usage usage = { 0, 0 };

  if (label == NULL
      || !rcrm_client_json_object (object, "usage", RCRM_JSON_LOOSE, &usage_object, error))
    return NULL;
  if (usage_object != NULL)
    {
      if (!rcrm_client_json_int (usage_object, "leads", RCRM_JSON_LOOSE, &usage.leads, error)
          || !rcrm_client_json_int (usage_object, "accounts", RCRM_JSON_LOOSE, &usage.accounts, error))
        return NULL;
      g_object_set_qdata_full (G_OBJECT (label), usage_quark (),
                               g_memdup2 (&usage, sizeof usage), g_free);
    }
  return g_steal_pointer (&label);
}

static gpointer
parse_labels (JsonNode  *root,
              GError   **error)
{
  return parse_items (root, parse_label_with_usage, error);
}

static gpointer
parse_label (JsonNode  *root,
             GError   **error)
{
  JsonObject *object = root_object (root, error);

  return object != NULL ? parse_label_with_usage (object, error) : NULL;
}

void
rcrm_client_list_labels_usage_async (RcrmClient          *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));

  /* the server answers with the whole list */
  call (self, rcrm_client_list_labels_usage_async, "GET", "/labels", NULL, 0,
        parse_labels, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
rcrm_client_list_labels_usage_finish (RcrmClient    *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish (self, result, rcrm_client_list_labels_usage_async, error);
}

void
rcrm_client_create_label_async (RcrmClient          *self,
                                const char          *name,
                                const char          *color,
                                gboolean             system,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  JsonObject *body;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (color != NULL);

  body = json_object_new ();
  json_object_set_string_member (body, "name", name);
  json_object_set_string_member (body, "color", color);
  json_object_set_string_member (body, "kind", system ? "system" : "personal");
  call (self, rcrm_client_create_label_async, "POST", "/labels", object_node (body), 0,
        parse_label, g_object_unref, cancellable, callback, user_data);
}

RcrmLabel *
rcrm_client_create_label_finish (RcrmClient    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish (self, result, rcrm_client_create_label_async, error);
}

void
rcrm_client_update_label_async (RcrmClient          *self,
                                gint64               id,
                                gint64               version,
                                const char          *name,
                                const char          *color,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;
  JsonObject *body;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (version > 0);

  body = json_object_new ();
  if (name != NULL)
    json_object_set_string_member (body, "name", name);
  if (color != NULL)
    json_object_set_string_member (body, "color", color);
  path = g_strdup_printf ("/labels/%" G_GINT64_FORMAT, id);
  call (self, rcrm_client_update_label_async, "PATCH", path, object_node (body), version,
        parse_label, g_object_unref, cancellable, callback, user_data);
}

RcrmLabel *
rcrm_client_update_label_finish (RcrmClient    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish (self, result, rcrm_client_update_label_async, error);
}

void
rcrm_client_delete_label_async (RcrmClient          *self,
                                gint64               id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/labels/%" G_GINT64_FORMAT, id);
  call (self, rcrm_client_delete_label_async, "DELETE", path, NULL, 0,
        NULL, NULL, cancellable, callback, user_data);
}

gboolean
rcrm_client_delete_label_finish (RcrmClient    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_boolean (self, result, rcrm_client_delete_label_async, error);
}

static gpointer
parse_lead (JsonNode  *root,
            GError   **error)
{
  JsonObject *object = root_object (root, error);

  return object != NULL ? rcrm_lead_new_from_json (object, error) : NULL;
}

void
rcrm_client_set_lead_labels_async (RcrmClient          *self,
                                   gint64               lead_id,
                                   gint64               version,
                                   const gint64        *label_ids,
                                   guint                n_label_ids,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;
  JsonObject *body;
  JsonArray *ids;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (lead_id > 0);
  g_return_if_fail (version > 0);
  g_return_if_fail (label_ids != NULL || n_label_ids == 0);

  ids = json_array_sized_new (n_label_ids);
  for (guint i = 0; i < n_label_ids; i++)
    json_array_add_int_element (ids, label_ids[i]);
  body = json_object_new ();
  json_object_set_array_member (body, "label_ids", ids);
  path = g_strdup_printf ("/leads/%" G_GINT64_FORMAT, lead_id);
  call (self, rcrm_client_set_lead_labels_async, "PATCH", path, object_node (body), version,
        parse_lead, g_object_unref, cancellable, callback, user_data);
}

RcrmLead *
rcrm_client_set_lead_labels_finish (RcrmClient    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish (self, result, rcrm_client_set_lead_labels_async, error);
}

/* ---- segments ---------------------------------------------------------------------- */

static gpointer
parse_segment_item (JsonObject  *object,
                    GError     **error)
{
  return rcrm_segment_new_from_json (object, error);
}

static gpointer
parse_segments (JsonNode  *root,
                GError   **error)
{
  return parse_items (root, parse_segment_item, error);
}

static gpointer
parse_segment (JsonNode  *root,
               GError   **error)
{
  JsonObject *object = root_object (root, error);

  return object != NULL ? rcrm_segment_new_from_json (object, error) : NULL;
}

void
rcrm_client_list_segments_async (RcrmClient          *self,
                                 const char          *entity,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (entity == NULL || g_str_equal (entity, "leads") || g_str_equal (entity, "accounts"));

  path = entity != NULL ? g_strconcat ("/segments?entity=", entity, NULL) : g_strdup ("/segments");
  call (self, rcrm_client_list_segments_async, "GET", path, NULL, 0,
        parse_segments, (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
rcrm_client_list_segments_finish (RcrmClient    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish (self, result, rcrm_client_list_segments_async, error);
}

void
rcrm_client_get_segment_async (RcrmClient          *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/segments/%" G_GINT64_FORMAT, id);
  call (self, rcrm_client_get_segment_async, "GET", path, NULL, 0,
        parse_segment, g_object_unref, cancellable, callback, user_data);
}

RcrmSegment *
rcrm_client_get_segment_finish (RcrmClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish (self, result, rcrm_client_get_segment_async, error);
}

void
rcrm_client_create_segment_async (RcrmClient          *self,
                                  const char          *name,
                                  const char          *entity,
                                  gboolean             shared,
                                  JsonObject          *filter,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  JsonObject *body;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (entity != NULL);

  body = json_object_new ();
  json_object_set_string_member (body, "name", name);
  json_object_set_string_member (body, "entity", entity);
  json_object_set_boolean_member (body, "shared", shared);
  if (filter != NULL)
    json_object_set_object_member (body, "filter", json_object_ref (filter));
  call (self, rcrm_client_create_segment_async, "POST", "/segments", object_node (body), 0,
        parse_segment, g_object_unref, cancellable, callback, user_data);
}

RcrmSegment *
rcrm_client_create_segment_finish (RcrmClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish (self, result, rcrm_client_create_segment_async, error);
}

void
rcrm_client_update_segment_async (RcrmClient          *self,
                                  gint64               id,
                                  gint64               version,
                                  JsonObject          *changes,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (version > 0);
  g_return_if_fail (changes != NULL);

  path = g_strdup_printf ("/segments/%" G_GINT64_FORMAT, id);
  call (self, rcrm_client_update_segment_async, "PATCH", path, object_node (json_object_ref (changes)), version,
        parse_segment, g_object_unref, cancellable, callback, user_data);
}

RcrmSegment *
rcrm_client_update_segment_finish (RcrmClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish (self, result, rcrm_client_update_segment_async, error);
}

void
rcrm_client_delete_segment_async (RcrmClient          *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/segments/%" G_GINT64_FORMAT, id);
  call (self, rcrm_client_delete_segment_async, "DELETE", path, NULL, 0,
        NULL, NULL, cancellable, callback, user_data);
}

gboolean
rcrm_client_delete_segment_finish (RcrmClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_boolean (self, result, rcrm_client_delete_segment_async, error);
}
