/* rcrm-client-accounts.c — the account register through RcrmClient
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rcrm-client-accounts.h"
#include "rcrm-client-private.h"

/* ---- the query --------------------------------------------------------------------- */

RcrmAccountQuery *
rcrm_account_query_new (void)
{
  RcrmAccountQuery *query = g_new0 (RcrmAccountQuery, 1);

  query->favourite = -1;
  return query;
}

RcrmAccountQuery *
rcrm_account_query_copy (const RcrmAccountQuery *query)
{
  RcrmAccountQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->q = g_strdup (query->q);
  copy->status = g_strdup (query->status);
  copy->province = g_strdup (query->province);
  copy->sort = g_strdup (query->sort);
  copy->cursor = g_strdup (query->cursor);
  return copy;
}

void
rcrm_account_query_free (RcrmAccountQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->q);
  g_free (query->status);
  g_free (query->province);
  g_free (query->sort);
  g_free (query->cursor);
  g_free (query);
}

char *
rcrm_account_query_to_string (const RcrmAccountQuery *query)
{
  GString *out;

  g_return_val_if_fail (query != NULL, NULL);

  out = g_string_new (NULL);
  if (query->q != NULL && *query->q != '\0')
    rcrm_client_query_append_string (out, "q", query->q);
  rcrm_client_query_append_string (out, "status", query->status);
  if (query->owner_id > 0)
    rcrm_client_query_append_int (out, "owner_id", query->owner_id);
  if (query->label_id > 0)
    rcrm_client_query_append_int (out, "label_id", query->label_id);
  if (query->favourite >= 0)
    rcrm_client_query_append_string (out, "favourite", query->favourite ? "true" : "false");
  rcrm_client_query_append_string (out, "province", query->province);
  if (query->segment_id > 0)
    rcrm_client_query_append_int (out, "segment_id", query->segment_id);
  rcrm_client_query_append_string (out, "sort", query->sort);
  rcrm_client_query_append_string (out, "cursor", query->cursor);
  if (query->limit > 0)
    rcrm_client_query_append_int (out, "limit", query->limit);
  return g_string_free (out, FALSE);
}

void
rcrm_account_page_free (RcrmAccountPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

/* ---- parsers ------------------------------------------------------------------------- */

static gpointer
parse_account_item (JsonObject  *object,
                    GError     **error)
{
  return rcrm_account_new_from_json (object, error);
}

static gpointer
parse_account (JsonNode  *root,
               GError   **error)
{
  JsonObject *object = rcrm_client_root_object (root, error);

  return object != NULL ? rcrm_account_new_from_json (object, error) : NULL;
}

static gpointer
parse_account_page (JsonNode  *root,
                    GError   **error)
{
  g_autoptr(RcrmAccountPage) page = g_new0 (RcrmAccountPage, 1);

  page->items = rcrm_client_parse_items (root, parse_account_item, &page->total, &page->next_cursor, error);
  return page->items != NULL ? g_steal_pointer (&page) : NULL;
}

static gpointer
parse_contact_item (JsonObject  *object,
                    GError     **error)
{
  return rcrm_contact_new_from_json (object, error);
}

static gpointer
parse_contact (JsonNode  *root,
               GError   **error)
{
  JsonObject *object = rcrm_client_root_object (root, error);

  return object != NULL ? rcrm_contact_new_from_json (object, error) : NULL;
}

static gpointer
parse_contacts (JsonNode  *root,
                GError   **error)
{
  return rcrm_client_parse_items (root, parse_contact_item, NULL, NULL, error);
}

static gpointer
parse_history (JsonNode  *root,
               GError   **error)
{
  JsonObject *object = rcrm_client_root_object (root, error);
  JsonArray *won;
  gint64 count, total;

  if (object == NULL
      || !rcrm_client_json_array (object, "won_leads", RCRM_JSON_REQUIRED, &won, error)
      || !rcrm_client_json_int (object, "won_count", RCRM_JSON_REQUIRED, &count, error)
      || !rcrm_client_json_int (object, "total_won", RCRM_JSON_REQUIRED, &total, error))
    return NULL;
  return json_object_ref (object);
}

static gpointer
parse_lead (JsonNode  *root,
            GError   **error)
{
  JsonObject *object = rcrm_client_root_object (root, error);

  return object != NULL ? rcrm_lead_new_from_json (object, error) : NULL;
}

/* ---- accounts -------------------------------------------------------------------------- */

void
rcrm_client_list_accounts_async (RcrmClient             *self,
                                 const RcrmAccountQuery *query,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_autofree char *params = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));

  params = query != NULL ? rcrm_account_query_to_string (query) : g_strdup ("");
  path = g_strconcat ("/accounts", *params != '\0' ? "?" : "", params, NULL);
  rcrm_client_call_parsed_async (self, rcrm_client_list_accounts_async, "GET", path, NULL, 0,
                                 parse_account_page, (GDestroyNotify) rcrm_account_page_free,
                                 cancellable, callback, user_data);
}

RcrmAccountPage *
rcrm_client_list_accounts_finish (RcrmClient    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return rcrm_client_call_parsed_finish (self, result, rcrm_client_list_accounts_async, error);
}

void
rcrm_client_get_account_async (RcrmClient          *self,
                               gint64               id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/accounts/%" G_GINT64_FORMAT, id);
  rcrm_client_call_parsed_async (self, rcrm_client_get_account_async, "GET", path, NULL, 0,
                                 parse_account, g_object_unref, cancellable, callback, user_data);
}

RcrmAccount *
rcrm_client_get_account_finish (RcrmClient    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return rcrm_client_call_parsed_finish (self, result, rcrm_client_get_account_async, error);
}

void
rcrm_client_create_account_async (RcrmClient          *self,
                                  JsonObject          *fields,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (fields != NULL);

  rcrm_client_call_parsed_async (self, rcrm_client_create_account_async, "POST", "/accounts", fields, 0,
                                 parse_account, g_object_unref, cancellable, callback, user_data);
}

RcrmAccount *
rcrm_client_create_account_finish (RcrmClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return rcrm_client_call_parsed_finish (self, result, rcrm_client_create_account_async, error);
}

void
rcrm_client_update_account_async (RcrmClient          *self,
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

  path = g_strdup_printf ("/accounts/%" G_GINT64_FORMAT, id);
  rcrm_client_call_parsed_async (self, rcrm_client_update_account_async, "PATCH", path, changes, version,
                                 parse_account, g_object_unref, cancellable, callback, user_data);
}

RcrmAccount *
rcrm_client_update_account_finish (RcrmClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return rcrm_client_call_parsed_finish (self, result, rcrm_client_update_account_async, error);
}

void
rcrm_client_get_account_history_async (RcrmClient          *self,
                                       gint64               account_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (account_id > 0);

  path = g_strdup_printf ("/accounts/%" G_GINT64_FORMAT "/history", account_id);
  rcrm_client_call_parsed_async (self, rcrm_client_get_account_history_async, "GET", path, NULL, 0,
                                 parse_history, (GDestroyNotify) json_object_unref,
                                 cancellable, callback, user_data);
}

JsonObject *
rcrm_client_get_account_history_finish (RcrmClient    *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return rcrm_client_call_parsed_finish (self, result, rcrm_client_get_account_history_async, error);
}

void
rcrm_client_create_account_lead_async (RcrmClient          *self,
                                       gint64               account_id,
                                       JsonObject          *fields,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (account_id > 0);
  g_return_if_fail (fields != NULL);

  path = g_strdup_printf ("/accounts/%" G_GINT64_FORMAT "/leads", account_id);
  rcrm_client_call_parsed_async (self, rcrm_client_create_account_lead_async, "POST", path, fields, 0,
                                 parse_lead, g_object_unref, cancellable, callback, user_data);
}

RcrmLead *
rcrm_client_create_account_lead_finish (RcrmClient    *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return rcrm_client_call_parsed_finish (self, result, rcrm_client_create_account_lead_async, error);
}

/* ---- contacts ---------------------------------------------------------------------------- */

void
rcrm_client_list_contacts_async (RcrmClient          *self,
                                 gint64               account_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (account_id > 0);

  path = g_strdup_printf ("/accounts/%" G_GINT64_FORMAT "/contacts", account_id);
  rcrm_client_call_parsed_async (self, rcrm_client_list_contacts_async, "GET", path, NULL, 0,
                                 parse_contacts, (GDestroyNotify) g_ptr_array_unref,
                                 cancellable, callback, user_data);
}

GPtrArray *
rcrm_client_list_contacts_finish (RcrmClient    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return rcrm_client_call_parsed_finish (self, result, rcrm_client_list_contacts_async, error);
}

void
rcrm_client_create_contact_async (RcrmClient          *self,
                                  gint64               account_id,
                                  JsonObject          *fields,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (account_id > 0);
  g_return_if_fail (fields != NULL);

  path = g_strdup_printf ("/accounts/%" G_GINT64_FORMAT "/contacts", account_id);
  rcrm_client_call_parsed_async (self, rcrm_client_create_contact_async, "POST", path, fields, 0,
                                 parse_contact, g_object_unref, cancellable, callback, user_data);
}

RcrmContact *
rcrm_client_create_contact_finish (RcrmClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return rcrm_client_call_parsed_finish (self, result, rcrm_client_create_contact_async, error);
}

void
rcrm_client_update_contact_async (RcrmClient          *self,
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

  path = g_strdup_printf ("/contacts/%" G_GINT64_FORMAT, id);
  rcrm_client_call_parsed_async (self, rcrm_client_update_contact_async, "PATCH", path, changes, version,
                                 parse_contact, g_object_unref, cancellable, callback, user_data);
}

RcrmContact *
rcrm_client_update_contact_finish (RcrmClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return rcrm_client_call_parsed_finish (self, result, rcrm_client_update_contact_async, error);
}

void
rcrm_client_delete_contact_async (RcrmClient          *self,
                                  gint64               id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (self));
  g_return_if_fail (id > 0);

  path = g_strdup_printf ("/contacts/%" G_GINT64_FORMAT, id);
  rcrm_client_call_parsed_async (self, rcrm_client_delete_contact_async, "DELETE", path, NULL, 0,
                                 NULL, NULL, cancellable, callback, user_data);
}

gboolean
rcrm_client_delete_contact_finish (RcrmClient    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return rcrm_client_call_parsed_finish_boolean (self, result, rcrm_client_delete_contact_async, error);
}
