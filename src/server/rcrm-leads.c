#include "config.h"

#include "rcrm-json.h"
#include "rcrm-leads.h"

gint64
rcrm_leads_visible_to (RcrmRequest *req)
{
  if (!rcrm_settings_get_bool (req->settings, "restrict_visibility") || rcrm_user_is_admin (req->user))
    return 0;
  return req->user->id;
}

RcrmLead *
rcrm_leads_load_visible (RcrmRequest *req,
                         gint64       lead_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = rcrm_store_lead_get (req->store, lead_id, &error);
  gint64 visible_to;

  if (lead == NULL)
    {
      rcrm_respond_store_error (req, error);
      return NULL;
    }
  visible_to = rcrm_leads_visible_to (req);
  if (visible_to != 0 && lead->owner_id != visible_to
      && !rcrm_store_lead_visible_to (req->store, lead->id, visible_to, &error))
    {
      /* hidden is reported exactly like missing */
      if (error != NULL)
        rcrm_respond_store_error (req, error);
      else
        rcrm_respond_error (req, RCRM_ERR_NOT_FOUND, NULL, NULL);
      return NULL;
    }
  return g_steal_pointer (&lead);
}

gboolean
rcrm_leads_leads_member (RcrmRequest *req,
                         gint64       user_id)
{
  g_autoptr(RcrmUser) user = rcrm_store_user_get (req->store, user_id, NULL);
  g_autoptr(RcrmTeam) team = NULL;

  if (user == NULL || user->team_id == 0)
    return FALSE;
  team = rcrm_store_team_get (req->store, user->team_id, NULL);
  return team != NULL && team->lead_id == req->user->id;
}

gboolean
rcrm_leads_can_modify (RcrmRequest    *req,
                       const RcrmLead *lead)
{
  return rcrm_user_is_admin (req->user)
         || lead->owner_id == req->user->id
         || rcrm_leads_leads_member (req, lead->owner_id);
}

gboolean
rcrm_leads_add_event (RcrmRequest  *req,
                      gint64        lead_id,
                      const char   *kind,
                      JsonObject   *data,
                      GError      **error)
{
  g_autoptr(RcrmTimelineEntry) entry = rcrm_timeline_entry_new ();
  g_autoptr(JsonObject) owned = data;

  entry->lead_id = lead_id;
  entry->actor_id = req->user->id;
  entry->kind = g_strdup (kind);
  if (owned != NULL)
    {
      g_free (entry->data_json);
      entry->data_json = rcrm_json_to_string (owned);
    }
  return rcrm_store_timeline_insert (req->store, entry, error);
}

gboolean
rcrm_leads_set_owner (RcrmRequest  *req,
                      RcrmLead     *lead,
                      gint64        owner_id,
                      const char   *via,
                      GError      **error)
{
  JsonObject *data;
  gint64 previous = lead->owner_id;

  if (previous == owner_id)
    return TRUE;
  lead->owner_id = owner_id;
  if (!rcrm_store_lead_update (req->store, lead, lead->version, error))
    return FALSE;

  data = json_object_new ();
  json_object_set_int_member (data, "from", previous);
  json_object_set_int_member (data, "to", owner_id);
  json_object_set_string_member (data, "via", via);
  return rcrm_leads_add_event (req, lead->id, "owner", data, error);
}
