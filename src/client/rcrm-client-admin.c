/* rcrm-client-admin.c — RcrmClient calls for administrators
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built on rcrm_client_call_async (the client's generic request: auth,
 * Accept-Language, If-Match, error mapping); each call turns the answer's
 * JSON into its own result.
 */
#include "config.h"

#include "rcrm-client-admin.h"
#include "rcrm-client-private.h"

#define admin_call      rcrm_client_call_parsed_async
#define admin_propagate rcrm_client_call_parsed_finish

static gpointer
parse_settings (JsonNode  *root,
                GError   **error)
{
  JsonObject *object;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      rcrm_client_set_shape_error (error, "{}");
      return NULL;
    }
  object = json_node_get_object (root);
  if (!rcrm_client_json_int (object, "version", RCRM_JSON_REQUIRED, &version, error))
    return NULL;
  return json_object_ref (object);
}

static gpointer
parse_form (JsonNode  *root,
            GError   **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      rcrm_client_set_shape_error (error, "{}");
      return NULL;
    }
  return rcrm_form_new_from_json (json_node_get_object (root), error);
}

static gboolean
entity_valid (const char *entity)
{
  return g_strcmp0 (entity, "lead") == 0 || g_strcmp0 (entity, "account") == 0;
}

/* ---- settings ------------------------------------------------------------------ */

void
rcrm_client_update_settings_async (RcrmClient          *self,
                                   gint64               version,
                                   JsonObject          *changes,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (version > 0);
  g_return_if_fail (changes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  admin_call (self, rcrm_client_update_settings_async, "PATCH", "/settings", changes, version,
              parse_settings, (GDestroyNotify) json_object_unref, cancellable, callback, user_data);
}

JsonObject *
rcrm_client_update_settings_finish (RcrmClient    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return admin_propagate (self, result, rcrm_client_update_settings_async, error);
}

/* ---- custom forms (R22) ----------------------------------------------------------- */

void
rcrm_client_get_form_async (RcrmClient          *self,
                            const char          *entity,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (entity_valid (entity));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = g_strconcat ("/forms/", entity, NULL);
  admin_call (self, rcrm_client_get_form_async, "GET", path, NULL, 0,
              parse_form, g_object_unref, cancellable, callback, user_data);
}

RcrmForm *
rcrm_client_get_form_finish (RcrmClient    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return admin_propagate (self, result, rcrm_client_get_form_async, error);
}

void
rcrm_client_put_form_async (RcrmClient          *self,
                            RcrmForm            *form,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (RCRM_IS_FORM (form));
  g_return_if_fail (entity_valid (rcrm_form_get_entity (form)));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  body = rcrm_form_to_json (form);
  path = g_strconcat ("/forms/", rcrm_form_get_entity (form), NULL);
  admin_call (self, rcrm_client_put_form_async, "PUT", path, body, rcrm_form_get_version (form),
              parse_form, g_object_unref, cancellable, callback, user_data);
}

RcrmForm *
rcrm_client_put_form_finish (RcrmClient    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return admin_propagate (self, result, rcrm_client_put_form_async, error);
}

/* ---- PDPA erasure (R26) --------------------------------------------------------------- */

void
rcrm_client_erase_async (RcrmClient          *self,
                         const char          *kind,
                         gint64               id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *path = NULL;
  const char *collection = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (g_strcmp0 (kind, "lead") == 0)
    collection = "leads";
  else if (g_strcmp0 (kind, "account") == 0)
    collection = "accounts";
  else if (g_strcmp0 (kind, "contact") == 0)
    collection = "contacts";
  g_return_if_fail (collection != NULL);

  path = g_strdup_printf ("/%s/%" G_GINT64_FORMAT "/erasure", collection, id);
  admin_call (self, rcrm_client_erase_async, "POST", path, NULL, 0,
              NULL, NULL, cancellable, callback, user_data);
}

gboolean
rcrm_client_erase_finish (RcrmClient    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return rcrm_client_call_parsed_finish_boolean (self, result, rcrm_client_erase_async, error);
}
