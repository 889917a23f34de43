/* rcrm-api-segments.c — segments (R13): named saved filters over leads or
 * accounts, personal or shared by an admin; a segment opens as a filtered list */
#include "config.h"

#include "rcrm-accounts.h"
#include "rcrm-http.h"
#include "rcrm-json.h"
#include "rcrm-leads.h"
#include "rcrm-segments.h"
#include "rcrm-validate.h"

static const RcrmText text_entity = {
  "The entity is leads or accounts.", "ประเภทต้องเป็น leads หรือ accounts"
};
static const RcrmText text_bad_entity_query = {
  "Query parameter \"entity\" is leads or accounts.", "พารามิเตอร์ \"entity\" ต้องเป็น leads หรือ accounts"
};

/* the segment with its member count for the caller */
static JsonObject *
segment_json (RcrmRequest        *req,
              const RcrmSegment  *segment,
              GError            **error)
{
  gint64 count = 0;
  JsonObject *o;

  if (!rcrm_segments_count (req, segment, &count, error))
    return NULL;
  o = rcrm_json_segment (segment);
  json_object_set_int_member (o, "count", count);
  return o;
}

static void
respond_segment (RcrmRequest       *req,
                 guint              status,
                 const RcrmSegment *segment)
{
  g_autoptr(GError) error = NULL;
  JsonObject *o = segment_json (req, segment, &error);

  if (o == NULL)
    rcrm_respond_store_error (req, error);
  else
    rcrm_respond_record (req, status, o, segment->version);
}

static void
segments_list (RcrmRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  const char *entity = rcrm_query_string (req, "entity");
  JsonArray *items;
  guint n = 0;

  if (entity != NULL && !g_str_equal (entity, "leads") && !g_str_equal (entity, "accounts"))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_bad_entity_query, NULL);
      return;
    }
  segments = rcrm_store_segment_list_for (req->store, req->user->id, &error);
  if (segments == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  items = json_array_new ();
  for (guint i = 0; i < segments->len; i++)
    {
      const RcrmSegment *segment = g_ptr_array_index (segments, i);
      JsonObject *o;

      if (entity != NULL && !g_str_equal (entity, segment->entity))
        continue;
      o = segment_json (req, segment, &error);
      if (o == NULL)
        {
          json_array_unref (items);
          rcrm_respond_store_error (req, error);
          return;
        }
      json_array_add_object_element (items, o);
      n++;
    }
  rcrm_respond_object (req, 200, rcrm_json_list (items, NULL, n));
}

static void
segments_create (RcrmRequest *req)
{
  static const char * const allowed[] = { "name", "entity", "shared", "filter", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmSegment) segment = rcrm_segment_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *entity = NULL, *filter_json = NULL;
  JsonObject *filter = NULL;

  body = rcrm_request_json_object (req, allowed);
  if (body == NULL
      || !rcrm_member_string (req, body, "name", FALSE, &name, NULL)
      || !rcrm_member_string (req, body, "entity", FALSE, &entity, NULL)
      || !rcrm_member_bool (req, body, "shared", &segment->shared, NULL)
      || !rcrm_member_object (req, body, "filter", &filter, NULL))
    return;
  /* only admins share segments */
  if (segment->shared && !rcrm_require_admin (req))
    return;
  rcrm_validate_text (req, "name", name, TRUE, 100, &segment->name);
  if (entity == NULL)
    rcrm_invalid_field (req, "entity", &rcrm_text_required);
  else if (!g_str_equal (entity, "leads") && !g_str_equal (entity, "accounts"))
    rcrm_invalid_field (req, "entity", &text_entity);
  if (rcrm_respond_if_invalid (req))
    return;
  if (!rcrm_segments_read_filter (req, entity, filter, segment->shared, &filter_json))
    return;
  segment->entity = g_steal_pointer (&entity);
  g_free (segment->filter_json);
  segment->filter_json = g_steal_pointer (&filter_json);
  segment->owner_id = req->user->id;

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_segment_insert (req->store, segment, &error)
      || !rcrm_request_audit (req, "segment.create", "segment", segment->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_segment (req, 201, segment);
}

static void
segment_get (RcrmRequest *req)
{
  g_autoptr(RcrmSegment) segment = rcrm_segments_load_visible (req, req->ids[0]);

  if (segment != NULL)
    respond_segment (req, 200, segment);
}

/* a visible segment the caller may change: shared ones are for admins,
 * personal ones their maker's (others do not see them) */
static RcrmSegment *
load_modifiable (RcrmRequest *req)
{
  g_autoptr(RcrmSegment) segment = rcrm_segments_load_visible (req, req->ids[0]);

  if (segment == NULL)
    return NULL;
  if (segment->shared && !rcrm_require_admin (req))
    return NULL;
  return g_steal_pointer (&segment);
}

static void
segment_patch (RcrmRequest *req)
{
  static const char * const allowed[] = { "name", "shared", "filter", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmSegment) segment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL, *filter_json = NULL;
  g_autoptr(JsonObject) stored = NULL;
  JsonObject *filter = NULL;
  gboolean has_name, has_shared, has_filter, shared = FALSE;
  gint64 version;

  segment = rcrm_segments_load_visible (req, req->ids[0]);
  if (segment == NULL || !rcrm_request_if_match (req, &version))
    return;
  body = rcrm_request_json_object (req, allowed);
  if (body == NULL
      || !rcrm_member_string (req, body, "name", FALSE, &name, &has_name)
      || !rcrm_member_bool (req, body, "shared", &shared, &has_shared)
      || !rcrm_member_object (req, body, "filter", &filter, &has_filter))
    return;
  if ((segment->shared || (has_shared && shared)) && !rcrm_require_admin (req))
    return;
  if (version != segment->version)
    {
      rcrm_respond_error (req, RCRM_ERR_PRECONDITION_FAILED, NULL, NULL);
      return;
    }
  if (has_name)
    rcrm_validate_text (req, "name", name, TRUE, 100, &segment->name);
  if (has_shared)
    segment->shared = shared;
  if (rcrm_respond_if_invalid (req))
    return;
  /* the filter is replaced as a whole; sharing re-checks the stored one */
  if (!has_filter)
    filter = stored = rcrm_json_parse_object (segment->filter_json);
  if (!rcrm_segments_read_filter (req, segment->entity, filter, segment->shared, &filter_json))
    return;
  g_free (segment->filter_json);
  segment->filter_json = g_steal_pointer (&filter_json);

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_segment_update (req->store, segment, version, &error)
      || !rcrm_request_audit (req, "segment.update", "segment", segment->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_segment (req, 200, segment);
}

static void
segment_delete (RcrmRequest *req)
{
  g_autoptr(RcrmSegment) segment = load_modifiable (req);
  g_autoptr(GError) error = NULL;

  if (segment == NULL)
    return;
  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_segment_delete (req->store, segment->id, &error)
      || !rcrm_request_audit (req, "segment.delete", "segment", segment->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_empty (req, 204);
}

/* the leads or accounts that match, as GET /leads?segment_id= or GET /accounts?segment_id= */
static void
segment_members (RcrmRequest *req)
{
  g_autoptr(RcrmSegment) segment = rcrm_segments_load_visible (req, req->ids[0]);

  if (segment == NULL)
    return;
  if (g_str_equal (segment->entity, "leads"))
    rcrm_leads_respond_list (req, segment, 0);
  else
    rcrm_accounts_respond_list (req, segment);
}

const RcrmRoute rcrm_segment_routes[] = {
  { "GET",    "/segments",              segments_list,   FALSE },
  { "POST",   "/segments",              segments_create, FALSE },
  { "GET",    "/segments/{id}",         segment_get,     FALSE },
  { "PATCH",  "/segments/{id}",         segment_patch,   FALSE },
  { "DELETE", "/segments/{id}",         segment_delete,  FALSE },
  { "GET",    "/segments/{id}/members", segment_members, FALSE },
  { NULL }
};
