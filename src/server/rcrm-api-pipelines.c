/* rcrm-api-pipelines.c — pipelines and their steps (R7), board summaries */
#include "config.h"

#include "rcrm-http.h"
#include "rcrm-json.h"
#include "rcrm-leads.h"
#include "rcrm-util.h"
#include "rcrm-validate.h"

#define MAX_CUSTOM_PIPELINES 10
#define MIN_STEPS            2
#define MAX_STEPS            10

static const RcrmText text_steps_count = {
  "A pipeline has 2 to 10 steps.", "ไปป์ไลน์ต้องมี 2 ถึง 10 ขั้นตอน"
};
static const RcrmText text_step_name = {
  "Every step needs a name of at most 100 characters.", "ทุกขั้นตอนต้องมีชื่อ ยาวไม่เกิน 100 ตัวอักษร"
};
static const RcrmText text_standard_steps = {
  "The standard pipeline's steps can be renamed but not added or removed.",
  "ไปป์ไลน์มาตรฐานเปลี่ยนชื่อขั้นตอนได้ แต่เพิ่มหรือลบขั้นตอนไม่ได้"
};
static const RcrmText text_name_taken = {
  "Another pipeline has this name.", "มีไปป์ไลน์ชื่อนี้อยู่แล้ว"
};
static const RcrmText text_too_many = {
  "At most 10 custom pipelines.", "สร้างไปป์ไลน์เพิ่มเติมได้สูงสุด 10 ไปป์ไลน์"
};
static const RcrmText text_standard_delete = {
  "The standard pipeline cannot be deleted.", "ไม่สามารถลบไปป์ไลน์มาตรฐานได้"
};
static const RcrmText text_holds_leads = {
  "The pipeline still holds leads; move them first.", "ไปป์ไลน์นี้ยังมีลีดอยู่ กรุณาย้ายลีดออกก่อน"
};
static const RcrmText text_steps_in_use = {
  "Leads still sit at the steps that would be removed.", "ยังมีลีดอยู่ในขั้นตอนที่จะถูกลบ"
};

static const char * const pipeline_members[] = { "name", "steps", NULL };

/* steps: [{"name": "…"}, …] → a GStrv; 400 on wrong types, 422 marks on values */
static gboolean
read_steps (RcrmRequest *req,
            JsonObject  *body,
            GStrv       *out,
            gboolean    *present)
{
  static const RcrmText wrong = { "\"steps\" must be a list of {\"name\": text}.",
                                  "\"steps\" ต้องเป็นรายการของ {\"name\": ข้อความ}" };
  JsonNode *node = json_object_get_member (body, "steps");
  g_autoptr(GPtrArray) names = NULL;
  JsonArray *array;

  *present = node != NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &wrong, NULL);
      return FALSE;
    }
  array = json_node_get_array (node);
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *step;
      JsonNode *name;
      g_autofree char *clean = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &wrong, NULL);
          return FALSE;
        }
      step = json_node_get_object (element);
      name = json_object_get_member (step, "name");
      if (json_object_get_size (step) != 1 || name == NULL || !JSON_NODE_HOLDS_VALUE (name)
          || json_node_get_value_type (name) != G_TYPE_STRING)
        {
          rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &wrong, NULL);
          return FALSE;
        }
      if (!rcrm_validate_text (req, "steps", json_node_get_string (name), TRUE, 100, &clean))
        {
          /* replace the generic message with the step-specific one */
          json_object_remove_member (req->invalid_fields, "steps");
          rcrm_invalid_field (req, "steps", &text_step_name);
        }
      g_ptr_array_add (names, clean != NULL ? g_steal_pointer (&clean) : g_strdup (""));
    }
  if (names->len < MIN_STEPS || names->len > MAX_STEPS)
    rcrm_invalid_field (req, "steps", &text_steps_count);
  g_ptr_array_add (names, NULL);
  *out = (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  return TRUE;
}

static gboolean
name_taken (RcrmRequest *req,
            const char  *name,
            gint64       except_id)
{
  g_autoptr(GPtrArray) pipelines = rcrm_store_pipeline_list (req->store, NULL);

  for (guint i = 0; pipelines != NULL && i < pipelines->len; i++)
    {
      const RcrmPipeline *p = g_ptr_array_index (pipelines, i);

      if (p->id != except_id && g_strcmp0 (p->name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
pipelines_list (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pipelines = rcrm_store_pipeline_list (req->store, &error);

  rcrm_respond_all (req, pipelines, (RcrmRecordJson) rcrm_json_pipeline, error);
}

static void
pipeline_get (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmPipeline) pipeline = rcrm_store_pipeline_get (req->store, req->ids[0], &error);

  if (pipeline == NULL)
    rcrm_respond_store_error (req, error);
  else
    rcrm_respond_record (req, 200, rcrm_json_pipeline (pipeline), pipeline->version);
}

static void
pipelines_create (RcrmRequest *req)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmPipeline) pipeline = rcrm_pipeline_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean has_steps;
  guint custom;

  if (!rcrm_require_admin (req))
    return;
  body = rcrm_request_json_object (req, pipeline_members);
  if (body == NULL
      || !rcrm_member_string (req, body, "name", FALSE, &name, NULL)
      || !read_steps (req, body, &pipeline->steps, &has_steps))
    return;
  if (rcrm_validate_text (req, "name", name, TRUE, 100, &pipeline->name) && name_taken (req, pipeline->name, 0))
    rcrm_invalid_field (req, "name", &text_name_taken);
  if (!has_steps)
    rcrm_invalid_field (req, "steps", &text_steps_count);
  if (rcrm_respond_if_invalid (req))
    return;

  custom = rcrm_store_pipeline_count_custom (req->store, &error);
  if (error != NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  if (custom >= MAX_CUSTOM_PIPELINES)
    {
      rcrm_respond_error (req, RCRM_ERR_LIMIT_REACHED, &text_too_many, NULL);
      return;
    }

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_pipeline_insert (req->store, pipeline, &error)
      || !rcrm_request_audit (req, "pipeline.create", "pipeline", pipeline->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_record (req, 201, rcrm_json_pipeline (pipeline), pipeline->version);
}

static void
pipeline_patch (RcrmRequest *req)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) steps = NULL;
  g_autofree char *name = NULL;
  gboolean has_name, has_steps;
  gint64 version;

  if (!rcrm_require_admin (req) || !rcrm_request_if_match (req, &version))
    return;
  body = rcrm_request_json_object (req, pipeline_members);
  if (body == NULL)
    return;
  pipeline = rcrm_store_pipeline_get (req->store, req->ids[0], &error);
  if (pipeline == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  if (!rcrm_member_string (req, body, "name", FALSE, &name, &has_name)
      || !read_steps (req, body, &steps, &has_steps))
    return;
  if (has_name && rcrm_validate_text (req, "name", name, TRUE, 100, &pipeline->name)
      && name_taken (req, pipeline->name, pipeline->id))
    rcrm_invalid_field (req, "name", &text_name_taken);
  if (has_steps && pipeline->standard && g_strv_length (steps) != rcrm_pipeline_n_steps (pipeline))
    rcrm_invalid_field (req, "steps", &text_standard_steps);
  if (rcrm_respond_if_invalid (req))
    return;

  if (has_steps)
    {
      gint max_step = rcrm_store_pipeline_max_step (req->store, pipeline->id, &error);

      if (error != NULL)
        {
          rcrm_respond_store_error (req, error);
          return;
        }
      if (max_step >= (gint) g_strv_length (steps))
        {
          rcrm_respond_error (req, RCRM_ERR_CONFLICT, &text_steps_in_use, NULL);
          return;
        }
      g_strfreev (pipeline->steps);
      pipeline->steps = g_steal_pointer (&steps);
    }

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_pipeline_update (req->store, pipeline, version, &error)
      || !rcrm_request_audit (req, "pipeline.update", "pipeline", pipeline->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_record (req, 200, rcrm_json_pipeline (pipeline), pipeline->version);
}

static void
pipeline_delete (RcrmRequest *req)
{
  g_autoptr(RcrmPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  gint64 leads;

  if (!rcrm_require_admin (req))
    return;
  pipeline = rcrm_store_pipeline_get (req->store, req->ids[0], &error);
  if (pipeline == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  if (pipeline->standard)
    {
      rcrm_respond_error (req, RCRM_ERR_FORBIDDEN, &text_standard_delete, NULL);
      return;
    }
  leads = rcrm_store_pipeline_lead_count (req->store, pipeline->id, &error);
  if (error != NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  if (leads > 0)
    {
      rcrm_respond_error (req, RCRM_ERR_CONFLICT, &text_holds_leads, NULL);
      return;
    }

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_pipeline_delete (req->store, pipeline->id, &error)
      || !rcrm_request_audit (req, "pipeline.delete", "pipeline", pipeline->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_empty (req, 204);
}

static void
pipeline_summary (RcrmRequest *req)
{
  g_autoptr(RcrmPipeline) pipeline = NULL;
  g_autoptr(GArray) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 owner_id = 0, label_id = 0;
  JsonArray *steps;
  JsonObject *result;

  if (!rcrm_query_int (req, "owner_id", 1, G_MAXINT64, &owner_id)
      || !rcrm_query_int (req, "label_id", 1, G_MAXINT64, &label_id))
    return;
  pipeline = rcrm_store_pipeline_get (req->store, req->ids[0], &error);
  if (pipeline == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  /* R14: only leads the caller may see are counted */
  summary = rcrm_store_pipeline_summary (req->store, pipeline->id, owner_id, label_id,
                                         rcrm_leads_visible_to (req), &error);
  if (summary == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }

  steps = json_array_new ();
  for (guint i = 0; i < summary->len; i++)
    {
      const RcrmStepSummary *s = &g_array_index (summary, RcrmStepSummary, i);
      JsonObject *o = json_object_new ();

      if (i < rcrm_pipeline_n_steps (pipeline))
        json_object_set_string_member (o, "name", pipeline->steps[i]);
      json_object_set_int_member (o, "count", s->count);
      json_object_set_int_member (o, "value", s->value);
      json_array_add_object_element (steps, o);
    }
  result = json_object_new ();
  json_object_set_int_member (result, "pipeline_id", pipeline->id);
  json_object_set_array_member (result, "steps", steps);
  rcrm_respond_object (req, 200, result);
}

const RcrmRoute rcrm_pipeline_routes[] = {
  { "GET",    "/pipelines",              pipelines_list,   FALSE },
  { "POST",   "/pipelines",              pipelines_create, FALSE },
  { "GET",    "/pipelines/{id}",         pipeline_get,     FALSE },
  { "PATCH",  "/pipelines/{id}",         pipeline_patch,   FALSE },
  { "DELETE", "/pipelines/{id}",         pipeline_delete,  FALSE },
  { "GET",    "/pipelines/{id}/summary", pipeline_summary, FALSE },
  { NULL }
};
