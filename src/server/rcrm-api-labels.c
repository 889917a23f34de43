/* rcrm-api-labels.c — labels (R12): system labels and the caller's own */
#include "config.h"

#include "rcrm-http.h"
#include "rcrm-json.h"

static JsonObject *
label_json (const RcrmLabel *label)
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
  json_object_set_int_member (o, "version", label->version);
  return o;
}

static void
labels_list (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = rcrm_store_label_list_for (req->store, req->user->id, &error);
  JsonArray *items;

  if (labels == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  items = json_array_new ();
  for (guint i = 0; i < labels->len; i++)
    json_array_add_object_element (items, label_json (g_ptr_array_index (labels, i)));
  rcrm_respond_object (req, 200, rcrm_json_list (items, NULL, labels->len));
}

const RcrmRoute rcrm_label_routes[] = {
  { "GET", "/labels", labels_list, FALSE },
  { NULL }
};
