#include "config.h"

#include "rcrm-json.h"

static void
set_string_or_null (JsonObject *object,
                    const char *name,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

static void
set_id_or_null (JsonObject *object,
                const char *name,
                gint64      id)
{
  if (id > 0)
    json_object_set_int_member (object, name, id);
  else
    json_object_set_null_member (object, name);
}

JsonObject *
rcrm_json_parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

char *
rcrm_json_to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  return json_to_string (node, FALSE);
}

JsonObject *
rcrm_json_user (const RcrmUser *user,
                gboolean        full)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", user->id);
  json_object_set_string_member (o, "username", user->username);
  json_object_set_string_member (o, "display_name", user->display_name);
  json_object_set_string_member (o, "role", user->role);
  set_id_or_null (o, "team_id", user->team_id);
  if (full)
    {
      set_string_or_null (o, "phone", user->phone);
      set_string_or_null (o, "email", user->email);
      json_object_set_boolean_member (o, "has_signature", user->has_signature);
      json_object_set_boolean_member (o, "active", user->active);
      set_string_or_null (o, "created_at", user->created_at);
      set_string_or_null (o, "updated_at", user->updated_at);
      json_object_set_int_member (o, "version", user->version);
    }
  return o;
}

JsonObject *
rcrm_json_team (const RcrmTeam *team)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", team->id);
  json_object_set_string_member (o, "name", team->name);
  set_id_or_null (o, "lead_id", team->lead_id);
  json_object_set_string_member (o, "distribution", team->distribution);
  set_string_or_null (o, "created_at", team->created_at);
  set_string_or_null (o, "updated_at", team->updated_at);
  json_object_set_int_member (o, "version", team->version);
  return o;
}

JsonObject *
rcrm_json_pipeline (const RcrmPipeline *pipeline)
{
  JsonObject *o = json_object_new ();
  JsonArray *steps = json_array_new ();

  for (guint i = 0; pipeline->steps != NULL && pipeline->steps[i] != NULL; i++)
    {
      JsonObject *step = json_object_new ();

      json_object_set_string_member (step, "name", pipeline->steps[i]);
      json_array_add_object_element (steps, step);
    }
  json_object_set_int_member (o, "id", pipeline->id);
  json_object_set_string_member (o, "name", pipeline->name);
  json_object_set_boolean_member (o, "standard", pipeline->standard);
  json_object_set_array_member (o, "steps", steps);
  set_string_or_null (o, "created_at", pipeline->created_at);
  set_string_or_null (o, "updated_at", pipeline->updated_at);
  json_object_set_int_member (o, "version", pipeline->version);
  return o;
}

JsonObject *
rcrm_json_lead (const RcrmLead *lead)
{
  JsonObject *o = json_object_new ();
  JsonArray *labels = json_array_new ();
  JsonObject *custom = rcrm_json_parse_object (lead->custom_json);

  for (guint i = 0; lead->label_ids != NULL && i < lead->label_ids->len; i++)
    json_array_add_int_element (labels, g_array_index (lead->label_ids, gint64, i));

  json_object_set_int_member (o, "id", lead->id);
  json_object_set_string_member (o, "name", lead->name);
  set_string_or_null (o, "company", lead->company);
  set_string_or_null (o, "phone", lead->phone);
  set_string_or_null (o, "email", lead->email);
  set_string_or_null (o, "tax_id", lead->tax_id);
  set_string_or_null (o, "source", lead->source);
  json_object_set_int_member (o, "value", lead->value);
  json_object_set_int_member (o, "owner_id", lead->owner_id);
  json_object_set_int_member (o, "pipeline_id", lead->pipeline_id);
  json_object_set_int_member (o, "step", lead->step);
  json_object_set_string_member (o, "state", rcrm_lead_state_to_string (lead->state));
  set_id_or_null (o, "account_id", lead->account_id);
  json_object_set_array_member (o, "label_ids", labels);
  json_object_set_object_member (o, "custom", custom != NULL ? custom : json_object_new ());
  set_string_or_null (o, "unfollow_reason", lead->unfollow_reason);
  set_string_or_null (o, "created_at", lead->created_at);
  set_string_or_null (o, "updated_at", lead->updated_at);
  set_string_or_null (o, "last_activity_at", lead->last_activity_at);
  set_string_or_null (o, "closed_at", lead->closed_at);
  json_object_set_int_member (o, "version", lead->version);
  return o;
}

JsonObject *
rcrm_json_account (const RcrmAccount *account,
                   JsonObject        *custom)
{
  JsonObject *o = json_object_new ();
  JsonArray *labels = json_array_new ();

  if (custom == NULL)
    custom = rcrm_json_parse_object (account->custom_json);
  for (guint i = 0; account->label_ids != NULL && i < account->label_ids->len; i++)
    json_array_add_int_element (labels, g_array_index (account->label_ids, gint64, i));

  json_object_set_int_member (o, "id", account->id);
  json_object_set_string_member (o, "name", account->name);
  set_string_or_null (o, "tax_id", account->tax_id);
  set_string_or_null (o, "branch", account->branch);
  set_string_or_null (o, "address", account->address);
  set_string_or_null (o, "province", account->province);
  set_string_or_null (o, "phone", account->phone);
  set_string_or_null (o, "email", account->email);
  json_object_set_string_member (o, "status", account->status);
  if (account->has_location)
    {
      json_object_set_double_member (o, "latitude", account->latitude);
      json_object_set_double_member (o, "longitude", account->longitude);
    }
  else
    {
      json_object_set_null_member (o, "latitude");
      json_object_set_null_member (o, "longitude");
    }
  set_id_or_null (o, "owner_id", account->owner_id);
  json_object_set_boolean_member (o, "favourite", account->favourite);
  json_object_set_object_member (o, "custom", custom != NULL ? custom : json_object_new ());
  json_object_set_array_member (o, "label_ids", labels);
  json_object_set_int_member (o, "contact_count", account->contact_count);
  set_string_or_null (o, "created_at", account->created_at);
  set_string_or_null (o, "updated_at", account->updated_at);
  json_object_set_int_member (o, "version", account->version);
  return o;
}

JsonObject *
rcrm_json_contact (const RcrmContact *contact)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", contact->id);
  json_object_set_int_member (o, "account_id", contact->account_id);
  json_object_set_string_member (o, "name", contact->name);
  set_string_or_null (o, "position", contact->position);
  set_string_or_null (o, "phone", contact->phone);
  set_string_or_null (o, "email", contact->email);
  set_string_or_null (o, "created_at", contact->created_at);
  set_string_or_null (o, "updated_at", contact->updated_at);
  json_object_set_int_member (o, "version", contact->version);
  return o;
}

JsonObject *
rcrm_json_segment (const RcrmSegment *segment)
{
  JsonObject *o = json_object_new ();
  JsonObject *filter = rcrm_json_parse_object (segment->filter_json);

  json_object_set_int_member (o, "id", segment->id);
  json_object_set_string_member (o, "name", segment->name);
  json_object_set_string_member (o, "entity", segment->entity);
  json_object_set_boolean_member (o, "shared", segment->shared);
  json_object_set_int_member (o, "owner_id", segment->owner_id);
  json_object_set_object_member (o, "filter", filter != NULL ? filter : json_object_new ());
  set_string_or_null (o, "created_at", segment->created_at);
  set_string_or_null (o, "updated_at", segment->updated_at);
  json_object_set_int_member (o, "version", segment->version);
  return o;
}

JsonObject *
rcrm_json_timeline_entry (const RcrmTimelineEntry *entry)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "id", entry->id);
  json_object_set_int_member (o, "lead_id", entry->lead_id);
  json_object_set_string_member (o, "kind", entry->kind);
  set_id_or_null (o, "actor_id", entry->actor_id);
  set_string_or_null (o, "created_at", entry->created_at);
  if (g_strcmp0 (entry->kind, "note") == 0)
    {
      set_id_or_null (o, "author_id", entry->actor_id);
      set_string_or_null (o, "body", entry->body);
      set_id_or_null (o, "corrects_note_id", entry->corrects_id);
    }
  else
    {
      JsonObject *data = rcrm_json_parse_object (entry->data_json);

      json_object_set_object_member (o, "data", data != NULL ? data : json_object_new ());
    }
  return o;
}

JsonObject *
rcrm_json_list (JsonArray  *items,
                const char *next_cursor,
                gint64      total)
{
  JsonObject *o = json_object_new ();

  json_object_set_array_member (o, "items", items);
  set_string_or_null (o, "next_cursor", next_cursor);
  json_object_set_int_member (o, "total", total);
  return o;
}
