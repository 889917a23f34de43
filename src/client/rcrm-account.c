/* rcrm-account.c — an account and a contact of the REST API
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rcrm-account.h"
#include "rcrm-client-private.h"

struct _RcrmAccount
{
  GObject     parent_instance;

  JsonObject *json;
  gint64      id;
  gint64      version;
  char       *name;
  char       *tax_id;
  char       *branch;
  char       *address;
  char       *province;
  char       *phone;
  char       *email;
  char       *status;
  gint64      owner_id;
  gboolean    favourite;
  gboolean    has_location;
  double      latitude;
  double      longitude;
  GArray     *label_ids;
  JsonObject *custom;
  gint64      contact_count;
  char       *created_at;
  char       *updated_at;
};

G_DEFINE_FINAL_TYPE (RcrmAccount, rcrm_account, G_TYPE_OBJECT)

static void
rcrm_account_finalize (GObject *object)
{
  RcrmAccount *self = RCRM_ACCOUNT (object);

  g_clear_pointer (&self->json, json_object_unref);
  g_free (self->name);
  g_free (self->tax_id);
  g_free (self->branch);
  g_free (self->address);
  g_free (self->province);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->status);
  g_clear_pointer (&self->label_ids, g_array_unref);
  g_clear_pointer (&self->custom, json_object_unref);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (rcrm_account_parent_class)->finalize (object);
}

static void
rcrm_account_class_init (RcrmAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rcrm_account_finalize;
}

static void
rcrm_account_init (RcrmAccount *self)
{
}

/* a number member that may be null */
static gboolean
json_number (JsonObject  *object,
             const char  *name,
             gboolean    *present,
             double      *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *present = FALSE;
  *out = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node)
      || (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    {
      rcrm_client_set_shape_error (error, name);
      return FALSE;
    }
  *present = TRUE;
  *out = json_node_get_double (node);
  return TRUE;
}

RcrmAccount *
rcrm_account_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(RcrmAccount) self = g_object_new (RCRM_TYPE_ACCOUNT, NULL);
  gboolean has_latitude, has_longitude;

  g_return_val_if_fail (object != NULL, NULL);

  if (!rcrm_client_json_int (object, "id", RCRM_JSON_REQUIRED, &self->id, error)
      || !rcrm_client_json_int (object, "version", RCRM_JSON_REQUIRED, &self->version, error)
      || !rcrm_client_json_string (object, "name", RCRM_JSON_REQUIRED, &self->name, error)
      || !rcrm_client_json_string (object, "tax_id", RCRM_JSON_LOOSE, &self->tax_id, error)
      || !rcrm_client_json_string (object, "branch", RCRM_JSON_LOOSE, &self->branch, error)
      || !rcrm_client_json_string (object, "address", RCRM_JSON_LOOSE, &self->address, error)
      || !rcrm_client_json_string (object, "province", RCRM_JSON_LOOSE, &self->province, error)
      || !rcrm_client_json_string (object, "phone", RCRM_JSON_LOOSE, &self->phone, error)
      || !rcrm_client_json_string (object, "email", RCRM_JSON_LOOSE, &self->email, error)
      || !rcrm_client_json_string (object, "status", RCRM_JSON_REQUIRED, &self->status, error)
      || !rcrm_client_json_int (object, "owner_id", RCRM_JSON_LOOSE, &self->owner_id, error)
      || !rcrm_client_json_bool (object, "favourite", RCRM_JSON_LOOSE, &self->favourite, error)
      || !json_number (object, "latitude", &has_latitude, &self->latitude, error)
      || !json_number (object, "longitude", &has_longitude, &self->longitude, error)
      || !rcrm_client_json_int_array (object, "label_ids", RCRM_JSON_LOOSE, &self->label_ids, error)
      || !rcrm_client_json_object (object, "custom", RCRM_JSON_LOOSE, &self->custom, error)
      || !rcrm_client_json_int (object, "contact_count", RCRM_JSON_LOOSE, &self->contact_count, error)
      || !rcrm_client_json_string (object, "created_at", RCRM_JSON_LOOSE, &self->created_at, error)
      || !rcrm_client_json_string (object, "updated_at", RCRM_JSON_LOOSE, &self->updated_at, error))
    return NULL;

  self->has_location = has_latitude && has_longitude;
  if (self->custom == NULL)
    self->custom = json_object_new ();
  self->json = json_object_ref (object);
  return g_steal_pointer (&self);
}

JsonObject *
rcrm_account_get_json (RcrmAccount *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT (self), NULL);
  return self->json;
}

#define ACCOUNT_GETTER(type, member) \
type \
rcrm_account_get_##member (RcrmAccount *self) \
{ \
  g_return_val_if_fail (RCRM_IS_ACCOUNT (self), 0); \
  return self->member; \
}

ACCOUNT_GETTER (gint64, id)
ACCOUNT_GETTER (gint64, version)
ACCOUNT_GETTER (const char *, name)
ACCOUNT_GETTER (const char *, tax_id)
ACCOUNT_GETTER (const char *, branch)
ACCOUNT_GETTER (const char *, address)
ACCOUNT_GETTER (const char *, province)
ACCOUNT_GETTER (const char *, phone)
ACCOUNT_GETTER (const char *, email)
ACCOUNT_GETTER (const char *, status)
ACCOUNT_GETTER (gint64, owner_id)
ACCOUNT_GETTER (gboolean, favourite)
ACCOUNT_GETTER (GArray *, label_ids)
ACCOUNT_GETTER (JsonObject *, custom)
ACCOUNT_GETTER (gint64, contact_count)
ACCOUNT_GETTER (const char *, created_at)
ACCOUNT_GETTER (const char *, updated_at)

gboolean
rcrm_account_get_location (RcrmAccount *self,
                           double      *latitude,
                           double      *longitude)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT (self), FALSE);

  if (latitude != NULL)
    *latitude = self->latitude;
  if (longitude != NULL)
    *longitude = self->longitude;
  return self->has_location;
}

/* ---- contacts ------------------------------------------------------------------- */

struct _RcrmContact
{
  GObject  parent_instance;

  gint64   id;
  gint64   version;
  gint64   account_id;
  char    *name;
  char    *position;
  char    *phone;
  char    *email;
};

G_DEFINE_FINAL_TYPE (RcrmContact, rcrm_contact, G_TYPE_OBJECT)

static void
rcrm_contact_finalize (GObject *object)
{
  RcrmContact *self = RCRM_CONTACT (object);

  g_free (self->name);
  g_free (self->position);
  g_free (self->phone);
  g_free (self->email);

  G_OBJECT_CLASS (rcrm_contact_parent_class)->finalize (object);
}

static void
rcrm_contact_class_init (RcrmContactClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rcrm_contact_finalize;
}

static void
rcrm_contact_init (RcrmContact *self)
{
}

RcrmContact *
rcrm_contact_new_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(RcrmContact) self = g_object_new (RCRM_TYPE_CONTACT, NULL);

  g_return_val_if_fail (object != NULL, NULL);

  if (!rcrm_client_json_int (object, "id", RCRM_JSON_REQUIRED, &self->id, error)
      || !rcrm_client_json_int (object, "version", RCRM_JSON_REQUIRED, &self->version, error)
      || !rcrm_client_json_int (object, "account_id", RCRM_JSON_REQUIRED, &self->account_id, error)
      || !rcrm_client_json_string (object, "name", RCRM_JSON_REQUIRED, &self->name, error)
      || !rcrm_client_json_string (object, "position", RCRM_JSON_LOOSE, &self->position, error)
      || !rcrm_client_json_string (object, "phone", RCRM_JSON_LOOSE, &self->phone, error)
      || !rcrm_client_json_string (object, "email", RCRM_JSON_LOOSE, &self->email, error))
    return NULL;
  return g_steal_pointer (&self);
}

#define CONTACT_GETTER(type, member) \
type \
rcrm_contact_get_##member (RcrmContact *self) \
{ \
  g_return_val_if_fail (RCRM_IS_CONTACT (self), 0); \
  return self->member; \
}

CONTACT_GETTER (gint64, id)
CONTACT_GETTER (gint64, version)
CONTACT_GETTER (gint64, account_id)
CONTACT_GETTER (const char *, name)
CONTACT_GETTER (const char *, position)
CONTACT_GETTER (const char *, phone)
CONTACT_GETTER (const char *, email)
