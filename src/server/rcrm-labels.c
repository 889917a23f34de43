#include "config.h"

#include "rcrm-labels.h"

static const RcrmText text_bad_label = {
  "One of the labels does not exist or is another user's.", "ป้ายกำกับบางรายการไม่มีอยู่หรือเป็นของผู้ใช้อื่น"
};

GHashTable *
rcrm_labels_visible (RcrmRequest *req)
{
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *set;

  if (req->visible_labels != NULL)
    return req->visible_labels;
  labels = rcrm_store_label_list_for (req->store, req->user->id, &error);
  if (labels == NULL)
    {
      g_warning ("labels of user %" G_GINT64_FORMAT ": %s", req->user->id, error->message);
      return NULL;
    }
  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      const RcrmLabel *label = g_ptr_array_index (labels, i);

      g_hash_table_add (set, g_memdup2 (&label->id, sizeof label->id));
    }
  req->visible_labels = set;
  return set;
}

gboolean
rcrm_labels_is_visible (RcrmRequest *req,
                        gint64       label_id)
{
  GHashTable *set = rcrm_labels_visible (req);

  return set != NULL && g_hash_table_contains (set, &label_id);
}

void
rcrm_labels_filter (RcrmRequest *req,
                    GArray      *ids)
{
  for (guint i = 0; ids != NULL && i < ids->len;)
    {
      if (rcrm_labels_is_visible (req, g_array_index (ids, gint64, i)))
        i++;
      else
        g_array_remove_index (ids, i);
    }
}

JsonArray *
rcrm_labels_json_visible (RcrmRequest  *req,
                          const GArray *ids)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (rcrm_labels_is_visible (req, id))
        json_array_add_int_element (array, id);
    }
  return array;
}

GArray *
rcrm_labels_merge_hidden (RcrmRequest  *req,
                          const GArray *chosen,
                          const GArray *current)
{
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (chosen != NULL)
    g_array_append_vals (merged, chosen->data, chosen->len);
  for (guint i = 0; current != NULL && i < current->len; i++)
    {
      gint64 id = g_array_index (current, gint64, i);

      if (!rcrm_labels_is_visible (req, id))
        g_array_append_val (merged, id);
    }
  return merged;   /* the store sorts and removes repeats */
}

gboolean
rcrm_labels_check (RcrmRequest  *req,
                   const char   *field,
                   const GArray *ids)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (!rcrm_labels_is_visible (req, g_array_index (ids, gint64, i)))
      {
        rcrm_invalid_field (req, field, &text_bad_label);
        return FALSE;
      }
  return TRUE;
}
