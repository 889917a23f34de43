/* rcrm-api-labels.c — labels (R12): system labels (admins make and edit them,
 * everyone sees them) and personal labels (their maker's alone) */
#include "config.h"

#include "rcrm-http.h"
#include "rcrm-json.h"
#include "rcrm-leads.h"
#include "rcrm-util.h"
#include "rcrm-validate.h"

#define MAX_LABEL_NAME 50

static const RcrmText text_kind = {
  "The kind is system or personal.", "ชนิดต้องเป็น system (ของระบบ) หรือ personal (ของฉัน)"
};
static const RcrmText text_name_taken = {
  "You already have a label with this name.", "มีป้ายกำกับชื่อนี้อยู่แล้ว"
};

static JsonObject *
label_json (const RcrmLabel      *label,
            const RcrmLabelUsage *usage)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", label->id);
  json_object_set_string_member (o, "name", label->name);
  json_object_set_string_member (o, "color", label->color);
  json_object_set_string_member (o, "kind", label->kind);
  if (label->owner_id > 0)
    json_object_set_int_member (o, "owner_id", label->owner_id);
  else
    json_object_set_null_member (o, "owner_id");
  if (usage != NULL)
    {
      JsonObject *u = json_object_new ();

      json_object_set_int_member (u, "leads", usage->leads);
      json_object_set_int_member (u, "accounts", usage->accounts);
      json_object_set_object_member (o, "usage", u);
    }
  if (label->created_at != NULL)
    json_object_set_string_member (o, "created_at", label->created_at);
  if (label->updated_at != NULL)
    json_object_set_string_member (o, "updated_at", label->updated_at);
  json_object_set_int_member (o, "version", label->version);
  return o;
}

/* the usage of label_id in the array from rcrm_store_label_usage (zeros when absent) */
static RcrmLabelUsage
usage_of (GArray *usage,
          gint64  label_id)
{
  RcrmLabelUsage none = { label_id, 0, 0 };

  for (guint i = 0; usage != NULL && i < usage->len; i++)
    if (g_array_index (usage, RcrmLabelUsage, i).label_id == label_id)
      return g_array_index (usage, RcrmLabelUsage, i);
  return none;
}

static void
labels_list (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = rcrm_store_label_list_for (req->store, req->user->id, &error);
  g_autoptr(GArray) usage = NULL;
  JsonArray *items;

  if (labels != NULL)
    usage = rcrm_store_label_usage (req->store, rcrm_leads_visible_to (req), &error);
  if (labels == NULL || usage == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  items = json_array_new ();
  for (guint i = 0; i < labels->len; i++)
    {
      const RcrmLabel *label = g_ptr_array_index (labels, i);
      RcrmLabelUsage u = usage_of (usage, label->id);

      json_array_add_object_element (items, label_json (label, &u));
    }
  rcrm_respond_object (req, 200, rcrm_json_list (items, NULL, labels->len));
}

/* the label if the caller sees it (another user's personal label is 404) */
static RcrmLabel *
load_visible (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLabel) label = rcrm_store_label_get (req->store, req->ids[0], &error);

  if (label == NULL)
    {
      rcrm_respond_store_error (req, error);
      return NULL;
    }
  if (g_strcmp0 (label->kind, "system") != 0 && label->owner_id != req->user->id)
    {
      rcrm_respond_error (req, RCRM_ERR_NOT_FOUND, NULL, NULL);
      return NULL;
    }
  return g_steal_pointer (&label);
}

/* a visible label the caller may change: system labels are for admins */
static RcrmLabel *
load_modifiable (RcrmRequest *req)
{
  g_autoptr(RcrmLabel) label = load_visible (req);

  if (label == NULL)
    return NULL;
  if (g_strcmp0 (label->kind, "system") == 0 && !rcrm_require_admin (req))
    return NULL;
  return g_steal_pointer (&label);
}

/* names are unique among the system labels, and among one user's own */
static void
check_name_free (RcrmRequest     *req,
                 const RcrmLabel *label)
{
  g_autoptr(GPtrArray) labels = rcrm_store_label_list_for (req->store, req->user->id, NULL);
  g_autofree char *folded = g_utf8_casefold (label->name, -1);

  for (guint i = 0; labels != NULL && i < labels->len; i++)
    {
      const RcrmLabel *other = g_ptr_array_index (labels, i);
      g_autofree char *other_folded = g_utf8_casefold (other->name, -1);

      if (other->id != label->id && g_str_equal (other->kind, label->kind) && other->owner_id == label->owner_id
          && g_str_equal (folded, other_folded))
        {
          rcrm_invalid_field (req, "name", &text_name_taken);
          return;
        }
    }
}

static void
respond_label (RcrmRequest     *req,
               guint            status,
               const RcrmLabel *label)
{
  g_autoptr(GArray) usage = rcrm_store_label_usage (req->store, rcrm_leads_visible_to (req), NULL);
  RcrmLabelUsage u = usage_of (usage, label->id);

  rcrm_respond_record (req, status, label_json (label, &u), label->version);
}

static void
labels_create (RcrmRequest *req)
{
  static const char * const allowed[] = { "name", "color", "kind", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmLabel) label = rcrm_label_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *color = NULL, *kind = NULL;

  body = rcrm_request_json_object (req, allowed);
  if (body == NULL
      || !rcrm_member_string (req, body, "name", FALSE, &name, NULL)
      || !rcrm_member_string (req, body, "color", FALSE, &color, NULL)
      || !rcrm_member_string (req, body, "kind", FALSE, &kind, NULL))
    return;

  if (kind == NULL)
    kind = g_strdup ("personal");
  if (!g_str_equal (kind, "system") && !g_str_equal (kind, "personal"))
    rcrm_invalid_field (req, "kind", &text_kind);
  /* R12: users cannot make system labels */
  else if (g_str_equal (kind, "system") && !rcrm_require_admin (req))
    return;
  label->kind = g_steal_pointer (&kind);
  label->owner_id = g_str_equal (label->kind, "personal") ? req->user->id : 0;
  if (rcrm_validate_text (req, "name", name, TRUE, MAX_LABEL_NAME, &label->name))
    check_name_free (req, label);
  rcrm_validate_color (req, "color", color, &label->color);
  if (rcrm_respond_if_invalid (req))
    return;

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_label_insert (req->store, label, &error)
      || !rcrm_request_audit (req, "label.create", "label", label->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_label (req, 201, label);
}

static void
label_get (RcrmRequest *req)
{
  g_autoptr(RcrmLabel) label = load_visible (req);

  if (label != NULL)
    respond_label (req, 200, label);
}

static void
label_patch (RcrmRequest *req)
{
  static const char * const allowed[] = { "name", "color", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *color = NULL;
  gboolean has_name, has_color;
  gint64 version;

  label = load_visible (req);
  if (label == NULL || !rcrm_request_if_match (req, &version))
    return;
  body = rcrm_request_json_object (req, allowed);
  if (body == NULL
      || !rcrm_member_string (req, body, "name", FALSE, &name, &has_name)
      || !rcrm_member_string (req, body, "color", FALSE, &color, &has_color))
    return;
  if (g_strcmp0 (label->kind, "system") == 0 && !rcrm_require_admin (req))
    return;
  if (version != label->version)
    {
      rcrm_respond_error (req, RCRM_ERR_PRECONDITION_FAILED, NULL, NULL);
      return;
    }
  if (has_name && rcrm_validate_text (req, "name", name, TRUE, MAX_LABEL_NAME, &label->name))
    check_name_free (req, label);
  if (has_color)
    rcrm_validate_color (req, "color", color, &label->color);
  if (rcrm_respond_if_invalid (req))
    return;

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_label_update (req->store, label, version, &error)
      || !rcrm_request_audit (req, "label.update", "label", label->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_label (req, 200, label);
}

static void
label_delete (RcrmRequest *req)
{
  g_autoptr(RcrmLabel) label = load_modifiable (req);
  g_autoptr(GError) error = NULL;

  if (label == NULL)
    return;
  if (!rcrm_request_begin (req))
    return;
  /* off every lead, account and segment filter, then gone */
  if (!rcrm_store_label_delete (req->store, label->id, &error)
      || !rcrm_request_audit (req, "label.delete", "label", label->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_empty (req, 204);
}

const RcrmRoute rcrm_label_routes[] = {
  { "GET",    "/labels",      labels_list,   FALSE },
  { "POST",   "/labels",      labels_create, FALSE },
  { "GET",    "/labels/{id}", label_get,     FALSE },
  { "PATCH",  "/labels/{id}", label_patch,   FALSE },
  { "DELETE", "/labels/{id}", label_delete,  FALSE },
  { NULL }
};
