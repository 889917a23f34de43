/* rcrm-api-leads.c — leads: list/search, create, edit, move (R8/R9), unfollow and
 * restore (R6), assign (R24), notes (R5) and the timeline */
#include "config.h"

#include "rcrm-accounts.h"
#include "rcrm-core.h"
#include "rcrm-forms.h"
#include "rcrm-http.h"
#include "rcrm-json.h"
#include "rcrm-labels.h"
#include "rcrm-leads.h"
#include "rcrm-segments.h"
#include "rcrm-util.h"
#include "rcrm-validate.h"

#define MAX_NOTE_CHARS   10000
#define MAX_REASON_CHARS 500

static const RcrmText text_contact_needed = {
  "Give at least one of phone, e-mail or tax ID.",
  "ต้องมีเบอร์โทร อีเมล หรือเลขประจำตัวผู้เสียภาษีอย่างน้อยหนึ่งอย่าง"
};
static const RcrmText text_unknown_source = {
  "Choose a source from the list in the settings.", "กรุณาเลือกแหล่งที่มาจากรายการในการตั้งค่า"
};
static const RcrmText text_step_range = {
  "There is no such step in this pipeline.", "ไม่มีขั้นตอนนี้ในไปป์ไลน์"
};
static const RcrmText text_use_move = {
  "step, pipeline_id and owner_id change through /move and /assign, not PATCH.",
  "เปลี่ยนขั้นตอน ไปป์ไลน์ หรือผู้รับผิดชอบผ่าน /move และ /assign เท่านั้น"
};
static const RcrmText text_unfollowed = {
  "The lead is unfollowed; restore it first.", "ลีดนี้เลิกติดตามแล้ว กรุณานำกลับมาติดตามก่อน"
};
static const RcrmText text_not_unfollowed = {
  "The lead is not unfollowed.", "ลีดนี้ไม่ได้อยู่ในกล่องเลิกติดตาม"
};
static const RcrmText text_already_unfollowed = {
  "The lead is already unfollowed.", "ลีดนี้เลิกติดตามแล้ว"
};
static const RcrmText text_not_your_lead = {
  "Only the owner, their team lead or an administrator can change this lead.",
  "เฉพาะผู้รับผิดชอบ หัวหน้าทีม หรือผู้ดูแลระบบเท่านั้นที่แก้ไขลีดนี้ได้"
};
static const RcrmText text_assign_forbidden = {
  "Only administrators and team leads assign leads, within their team.",
  "เฉพาะผู้ดูแลระบบและหัวหน้าทีมเท่านั้นที่มอบหมายลีดได้ ภายในทีมของตน"
};
static const RcrmText text_owner_forbidden = {
  "Only administrators and team leads choose another owner.",
  "เฉพาะผู้ดูแลระบบและหัวหน้าทีมเท่านั้นที่กำหนดผู้รับผิดชอบคนอื่นได้"
};
static const RcrmText text_corrects = {
  "The corrected note must be a note of this lead.", "บันทึกที่ต้องการแก้ไขต้องเป็นบันทึกของลีดนี้"
};
static const RcrmText text_bad_state = {
  "state is in_progress, closed, unfollowed or all (comma-separated).",
  "state ต้องเป็น in_progress, closed, unfollowed หรือ all"
};
static const RcrmText text_bad_sort = {
  "sort is one of last_activity_at, created_at, updated_at, name, value, optionally with '-'.",
  "sort ต้องเป็น last_activity_at, created_at, updated_at, name หรือ value (ใส่ - เพื่อเรียงจากมากไปน้อย)"
};
static const RcrmText text_account_in_path = {
  "The account is the one in the path; leave account_id out.", "บัญชีลูกค้ากำหนดจากที่อยู่ของคำขอ ไม่ต้องส่ง account_id"
};
static const RcrmText text_inactive_owner = {
  "This user is deactivated.", "ผู้ใช้นี้ถูกปิดการใช้งานแล้ว"
};

/* ---- reading a lead body -------------------------------------------------- */

static void
check_account (RcrmRequest *req,
               gint64       account_id)
{
  g_autoptr(RcrmAccount) account = NULL;

  if (account_id == 0)
    return;
  account = rcrm_store_account_get (req->store, account_id, NULL);
  /* under R14 a user may link only accounts they see */
  if (account == NULL || !rcrm_accounts_can_see (req, account))
    rcrm_invalid_field (req, "account_id", &rcrm_text_not_found_ref);
}

/* Reads the writable members of body into lead (only those present, unless
 * creating) and validates the result.  FALSE after responding 400/422. */
static gboolean
read_lead (RcrmRequest *req,
           JsonObject  *body,
           RcrmLead    *lead,
           gboolean     creating,
           GPtrArray   *changed)
{
  g_autofree char *name = NULL, *company = NULL, *phone = NULL, *email = NULL;
  g_autofree char *tax_id = NULL, *source = NULL;
  g_autoptr(GArray) label_ids = NULL;
  JsonObject *custom = NULL;
  gboolean has_name, has_company, has_phone, has_email, has_tax_id, has_source;
  gboolean has_value, has_labels, has_custom, has_account;
  gint64 value = 0, account_id = 0;

  if (!rcrm_member_string (req, body, "name", FALSE, &name, &has_name)
      || !rcrm_member_string (req, body, "company", TRUE, &company, &has_company)
      || !rcrm_member_string (req, body, "phone", TRUE, &phone, &has_phone)
      || !rcrm_member_string (req, body, "email", TRUE, &email, &has_email)
      || !rcrm_member_string (req, body, "tax_id", TRUE, &tax_id, &has_tax_id)
      || !rcrm_member_string (req, body, "source", FALSE, &source, &has_source)
      || !rcrm_member_int (req, body, "value", FALSE, &value, &has_value)
      || !rcrm_member_id_array (req, body, "label_ids", &label_ids, &has_labels)
      || !rcrm_member_object (req, body, "custom", &custom, &has_custom)
      || !rcrm_member_int (req, body, "account_id", TRUE, &account_id, &has_account))
    return FALSE;

#define CHANGED(member) G_STMT_START { if (changed != NULL) g_ptr_array_add (changed, (gpointer) member); } G_STMT_END

  if (has_name)
    {
      rcrm_validate_text (req, "name", name, TRUE, 200, &lead->name);
      CHANGED ("name");
    }
  else if (creating && lead->name == NULL)
    rcrm_invalid_field (req, "name", &rcrm_text_required);
  if (has_company)
    {
      rcrm_validate_text (req, "company", company, FALSE, 200, &lead->company);
      CHANGED ("company");
    }
  if (has_phone)
    {
      rcrm_validate_phone (req, "phone", phone, &lead->phone);
      CHANGED ("phone");
    }
  if (has_email)
    {
      rcrm_validate_email (req, "email", email, &lead->email);
      CHANGED ("email");
    }
  if (has_tax_id)
    {
      rcrm_validate_tax_id (req, "tax_id", tax_id, &lead->tax_id);
      CHANGED ("tax_id");
    }
  if (has_source || (creating && lead->source == NULL))
    {
      if (rcrm_validate_text (req, "source", source, TRUE, 100, &lead->source)
          && !rcrm_settings_list_contains (req->settings, "lead_sources", lead->source))
        rcrm_invalid_field (req, "source", &text_unknown_source);
      if (has_source)
        CHANGED ("source");
    }
  if (has_value)
    {
      if (rcrm_validate_money (req, "value", value))
        lead->value = value;
      CHANGED ("value");
    }
  if (has_labels)
    {
      /* R12: the caller's choice among the labels they see; other users'
       * personal labels on the lead stay */
      if (rcrm_labels_check (req, "label_ids", label_ids))
        {
          GArray *merged = rcrm_labels_merge_hidden (req, label_ids, lead->label_ids);

          g_array_unref (lead->label_ids);
          lead->label_ids = merged;
        }
      CHANGED ("label_ids");
    }
  /* R22: the values against the lead form; required fields on the result */
  if (!rcrm_forms_apply (req, "lead", has_custom ? custom : NULL, &lead->custom_json, TRUE))
    return FALSE;
  if (has_custom)
    CHANGED ("custom");
  if (has_account)
    {
      check_account (req, account_id);
      lead->account_id = account_id;
      CHANGED ("account_id");
    }
#undef CHANGED

  /* R1: a way to reach the customer, unless it comes from an account */
  if (lead->phone == NULL && lead->email == NULL && lead->tax_id == NULL && lead->account_id == 0
      && (req->invalid_fields == NULL
          || !(json_object_has_member (req->invalid_fields, "phone")
               || json_object_has_member (req->invalid_fields, "email")
               || json_object_has_member (req->invalid_fields, "tax_id"))))
    {
      rcrm_invalid_field (req, "phone", &text_contact_needed);
      rcrm_invalid_field (req, "email", &text_contact_needed);
      rcrm_invalid_field (req, "tax_id", &text_contact_needed);
    }

  return !rcrm_respond_if_invalid (req);
}

/* R24: the owner of a lead created without owner_id */
static gint64
pick_owner (RcrmRequest  *req,
            GError      **error)
{
  g_autoptr(RcrmTeam) team = NULL;
  g_autoptr(GArray) members = NULL;
  gint64 chosen = 0;

  if (req->user->team_id == 0)
    return req->user->id;
  team = rcrm_store_team_get (req->store, req->user->team_id, NULL);
  if (team == NULL || g_strcmp0 (team->distribution, "none") == 0)
    return req->user->id;
  members = rcrm_store_team_member_ids (req->store, team->id, error);
  if (members == NULL)
    return 0;
  if (members->len == 0)
    return req->user->id;

  if (g_strcmp0 (team->distribution, "round_robin") == 0)
    {
      gint64 last = rcrm_store_team_get_rr_last (req->store, team->id, NULL);

      chosen = g_array_index (members, gint64, 0);
      for (guint i = 0; i < members->len; i++)
        if (g_array_index (members, gint64, i) > last)
          {
            chosen = g_array_index (members, gint64, i);
            break;
          }
      if (!rcrm_store_team_set_rr_last (req->store, team->id, chosen, error))
        return 0;
    }
  else
    {
      gint64 fewest = G_MAXINT64;

      for (guint i = 0; i < members->len; i++)
        {
          gint64 id = g_array_index (members, gint64, i);
          gint64 open = rcrm_store_lead_count_open (req->store, id, error);

          if (open < 0)
            return 0;
          if (open < fewest)
            {
              fewest = open;
              chosen = id;
            }
        }
    }
  return chosen;
}

/* may the caller give a lead to `owner_id` (admins: anyone; team leads: members) */
static gboolean
may_assign_to (RcrmRequest *req,
               gint64       owner_id)
{
  return rcrm_user_is_admin (req->user)
         || owner_id == req->user->id
         || rcrm_leads_leads_member (req, owner_id);
}

static gboolean
is_team_lead (RcrmRequest *req)
{
  g_autoptr(GPtrArray) teams = rcrm_store_team_list (req->store, NULL);

  for (guint i = 0; teams != NULL && i < teams->len; i++)
    if (((RcrmTeam *) g_ptr_array_index (teams, i))->lead_id == req->user->id)
      return TRUE;
  return FALSE;
}

static gboolean
check_owner_active (RcrmRequest *req,
                    gint64       owner_id)
{
  g_autoptr(RcrmUser) owner = rcrm_store_user_get (req->store, owner_id, NULL);

  if (owner == NULL)
    rcrm_invalid_field (req, "owner_id", &rcrm_text_not_found_ref);
  else if (!owner->active)
    rcrm_invalid_field (req, "owner_id", &text_inactive_owner);
  return !rcrm_respond_if_invalid (req);
}

JsonObject *
rcrm_leads_json (RcrmRequest    *req,
                 const RcrmLead *lead)
{
  JsonObject *o = rcrm_json_lead (lead);

  json_object_set_array_member (o, "label_ids", rcrm_labels_json_visible (req, lead->label_ids));
  json_object_set_object_member (o, "custom", rcrm_forms_visible_values (req, "lead", lead->custom_json));
  return o;
}

static void
respond_lead (RcrmRequest    *req,
              guint           status,
              const RcrmLead *lead)
{
  rcrm_respond_record (req, status, rcrm_leads_json (req, lead), lead->version);
}

/* ---- list ---------------------------------------------------------------- */

static gboolean
parse_state (const char *text,
             guint      *mask)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *mask = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], "in_progress"))
        *mask |= RCRM_LEAD_STATE_IN_PROGRESS;
      else if (g_str_equal (parts[i], "closed"))
        *mask |= RCRM_LEAD_STATE_CLOSED;
      else if (g_str_equal (parts[i], "unfollowed"))
        *mask |= RCRM_LEAD_STATE_UNFOLLOWED;
      else if (g_str_equal (parts[i], "all"))
        *mask |= RCRM_LEAD_STATE_IN_PROGRESS | RCRM_LEAD_STATE_CLOSED | RCRM_LEAD_STATE_UNFOLLOWED;
      else
        return FALSE;
    }
  return *mask != 0;
}

static gboolean
parse_sort (const char   *text,
            RcrmLeadSort *sort,
            gboolean     *descending)
{
  static const struct { const char *name; RcrmLeadSort sort; } keys[] = {
    { "last_activity_at", RCRM_LEAD_SORT_ACTIVITY },
    { "created_at", RCRM_LEAD_SORT_CREATED },
    { "updated_at", RCRM_LEAD_SORT_UPDATED },
    { "name", RCRM_LEAD_SORT_NAME },
    { "value", RCRM_LEAD_SORT_VALUE },
  };

  *descending = text[0] == '-';
  if (*descending)
    text++;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (text, keys[i].name))
      {
        *sort = keys[i].sort;
        return TRUE;
      }
  return FALSE;
}

void
rcrm_leads_respond_list (RcrmRequest       *req,
                         const RcrmSegment *segment,
                         gint64             account_id)
{
  RcrmLeadQuery query = { 0 };
  g_auto(RcrmQueryHold) hold = { 0 };
  g_autoptr(RcrmSegment) from_query = NULL;
  g_autoptr(GPtrArray) leads = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;
  gint64 limit = 50, step = -1, total = 0, offset = 0, label_id = 0;
  const char *text;
  JsonArray *items;

  query.sort = RCRM_LEAD_SORT_ACTIVITY;
  query.descending = TRUE;
  if (!rcrm_query_int (req, "limit", 1, 500, &limit)
      || !rcrm_query_int (req, "offset", 0, G_MAXINT32, &offset)
      || !rcrm_query_int (req, "pipeline_id", 1, G_MAXINT64, &query.pipeline_id)
      || !rcrm_query_int (req, "step", 0, 9, &step)
      || !rcrm_query_int (req, "owner_id", 1, G_MAXINT64, &query.owner_id)
      || !rcrm_query_int (req, "label_id", 1, G_MAXINT64, &label_id)
      || !rcrm_query_int (req, "account_id", 1, G_MAXINT64, &query.account_id))
    return;
  text = rcrm_query_string (req, "state");
  if (text != NULL && !parse_state (text, &query.state_mask))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_bad_state, NULL);
      return;
    }
  text = rcrm_query_string (req, "sort");
  if (text != NULL && !parse_sort (text, &query.sort, &query.descending))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_bad_sort, NULL);
      return;
    }
  if (segment == NULL && account_id == 0)
    {
      if (!rcrm_segments_from_query (req, "leads", &from_query))
        return;
      segment = from_query;
    }
  if (account_id != 0)
    {
      /* an account's leads: every state unless asked */
      if (query.account_id != 0 && query.account_id != account_id)
        query.match_none = TRUE;
      query.account_id = account_id;
      if (query.state_mask == 0)
        query.state_mask = RCRM_LEAD_STATE_IN_PROGRESS | RCRM_LEAD_STATE_CLOSED | RCRM_LEAD_STATE_UNFOLLOWED;
    }

  hold.label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (label_id != 0)
    g_array_append_val (hold.label_ids, label_id);
  hold.province = rcrm_province_normalize (rcrm_query_string (req, "province"));
  query.province = hold.province;
  query.q = rcrm_query_string (req, "q");
  query.step = step;
  query.limit = limit;
  query.cursor = rcrm_query_string (req, "cursor");
  query.offset = offset;
  query.visible_to = rcrm_leads_visible_to (req);
  rcrm_segments_apply_leads (req, segment, &query, &hold);

  leads = rcrm_store_lead_list (req->store, &query, &total, &next, &error);
  if (leads == NULL)
    {
      rcrm_respond_store_error (req, error);
      return;
    }
  items = json_array_new ();
  for (guint i = 0; i < leads->len; i++)
    json_array_add_object_element (items, rcrm_leads_json (req, g_ptr_array_index (leads, i)));
  rcrm_respond_object (req, 200, rcrm_json_list (items, next, total));
}

static void
leads_list (RcrmRequest *req)
{
  rcrm_leads_respond_list (req, NULL, 0);
}

/* ---- create, read, edit -------------------------------------------------- */

/* does the lead sit at the closing step (and is followed)? */
static gboolean
lead_will_close (RcrmRequest    *req,
                 const RcrmLead *lead)
{
  g_autoptr(RcrmPipeline) pipeline = rcrm_store_pipeline_get (req->store, lead->pipeline_id, NULL);

  return pipeline != NULL && !lead->unfollowed && lead->step >= (gint) rcrm_pipeline_n_steps (pipeline) - 1;
}

static gboolean
add_account_linked (RcrmRequest     *req,
                    const RcrmLead  *lead,
                    gboolean         created,
                    GError         **error)
{
  JsonObject *data = json_object_new ();

  json_object_set_int_member (data, "account_id", lead->account_id);
  json_object_set_boolean_member (data, "created", created);
  return rcrm_leads_add_event (req, lead->id, "account_linked", data, error);
}

static const RcrmText text_duplicate_lead = {
  "A lead with the same details already exists.",
  "มีลีดที่มีข้อมูลเดียวกันอยู่แล้ว"
};

/* R25: TRUE when the lead may be created; otherwise a 409 duplicate_lead was
 * sent (or a store error). Erased leads never match (they hold no values). */
static gboolean
check_duplicates (RcrmRequest    *req,
                  const RcrmLead *lead,
                  gboolean        confirm)
{
  static const char * const all_fields[] = { "email", "phone", "tax_id", NULL };
  static const char * const all_states[] = { "closed", "in_progress", "unfollowed", NULL };
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  const char *states[4] = { NULL };
  const char *action_s = "allow";
  JsonNode *node;
  JsonObject *details;
  JsonArray *items;
  gboolean disallow, owns_all = TRUE;
  gint64 visible_to;
  guint i, n = 0;

  node = rcrm_settings_get_nested (req->settings, "duplicates", "enabled");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || !json_node_get_boolean (node))
    return TRUE;
  node = rcrm_settings_get_nested (req->settings, "duplicates", "action");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && g_strcmp0 (json_node_get_string (node), "disallow") == 0)
    action_s = "disallow";
  disallow = g_str_equal (action_s, "disallow");
  /* allow + confirmed: no need to look */
  if (!disallow && confirm)
    return TRUE;

  node = rcrm_settings_get_nested (req->settings, "duplicates", "scope");
  for (i = 0; all_states[i] != NULL; i++)
    {
      gboolean in = FALSE;

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *a = json_node_get_array (node);

          for (guint j = 0; j < json_array_get_length (a); j++)
            if (g_strcmp0 (json_array_get_string_element (a, j), all_states[i]) == 0)
              in = TRUE;
        }
      if (in)
        states[n++] = all_states[i];
    }
  node = rcrm_settings_get_nested (req->settings, "duplicates", "fields");
  {
    gboolean use[3] = { FALSE, FALSE, FALSE };

    if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
      {
        JsonArray *a = json_node_get_array (node);

        for (i = 0; all_fields[i] != NULL; i++)
          for (guint j = 0; j < json_array_get_length (a); j++)
            if (g_strcmp0 (json_array_get_string_element (a, j), all_fields[i]) == 0)
              use[i] = TRUE;
      }
    matches = rcrm_store_lead_duplicates (req->store, use[1] ? lead->phone : NULL, use[0] ? lead->email : NULL,
                                          use[2] ? lead->tax_id : NULL, states, &error);
  }
  if (matches == NULL)
    {
      rcrm_respond_store_error (req, error);
      return FALSE;
    }
  if (matches->len == 0)
    return TRUE;
  for (i = 0; i < matches->len; i++)
    if (((RcrmLeadMatch *) g_ptr_array_index (matches, i))->owner_id != req->user->id)
      owns_all = FALSE;
  if (disallow && owns_all)
    return TRUE;

  visible_to = rcrm_leads_visible_to (req);
  details = json_object_new ();
  items = json_array_new ();
  json_object_set_string_member (details, "action", action_s);
  for (i = 0; i < matches->len; i++)
    {
      RcrmLeadMatch *m = g_ptr_array_index (matches, i);
      g_autoptr(RcrmUser) owner = rcrm_store_user_get (req->store, m->owner_id, NULL);
      JsonObject *item = json_object_new ();
      JsonObject *o = json_object_new ();
      JsonArray *on = json_array_new ();
      gboolean visible = visible_to == 0 || m->owner_id == visible_to
                         || rcrm_store_lead_visible_to (req->store, m->lead_id, visible_to, NULL);

      if (visible)
        {
          json_object_set_int_member (item, "lead_id", m->lead_id);
          json_object_set_string_member (item, "name", m->name);
        }
      else
        {
          json_object_set_null_member (item, "lead_id");
          json_object_set_null_member (item, "name");
        }
      json_object_set_int_member (o, "id", m->owner_id);
      json_object_set_string_member (o, "display_name", owner != NULL ? owner->display_name : NULL);
      json_object_set_object_member (item, "owner", o);
      if (m->matched & RCRM_MATCH_EMAIL)
        json_array_add_string_element (on, "email");
      if (m->matched & RCRM_MATCH_PHONE)
        json_array_add_string_element (on, "phone");
      if (m->matched & RCRM_MATCH_TAX_ID)
        json_array_add_string_element (on, "tax_id");
      json_object_set_array_member (item, "matched_on", on);
      json_object_set_string_member (item, "state", m->state);
      json_array_add_object_element (items, item);
    }
  json_object_set_array_member (details, "matches", items);
  rcrm_respond_error (req, RCRM_ERR_DUPLICATE_LEAD, &text_duplicate_lead, details);
  return FALSE;
}

/* POST /leads, and POST /accounts/{id}/leads (R4) with account set: the
 * lead starts from the account's details */
static void
lead_create (RcrmRequest       *req,
             const RcrmAccount *account)
{
  static const char * const allowed[] = {
    "name", "company", "phone", "email", "tax_id", "source", "value", "label_ids", "custom", "account_id",
    "owner_id", "pipeline_id", "step", "confirm_duplicate", NULL
  };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmLead) lead = rcrm_lead_new ();
  g_autoptr(RcrmPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_owner, has_pipeline, confirm = FALSE, closes, created = FALSE;
  gint64 step = 0;
  JsonObject *data;

  body = rcrm_request_json_object (req, allowed);
  if (body == NULL)
    return;
  /* from an account the path names it; the body may not */
  if (account != NULL && json_object_has_member (body, "account_id"))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_account_in_path, NULL);
      return;
    }
  if (!rcrm_member_int (req, body, "owner_id", TRUE, &lead->owner_id, &has_owner)
      || !rcrm_member_int (req, body, "pipeline_id", TRUE, &lead->pipeline_id, &has_pipeline)
      || !rcrm_member_int (req, body, "step", FALSE, &step, NULL)
      || !rcrm_member_bool (req, body, "confirm_duplicate", &confirm, NULL))
    return;

  if (account != NULL)
    {
      lead->name = g_strdup (account->name);
      lead->company = g_strdup (account->name);
      lead->phone = g_strdup (account->phone);
      lead->email = g_strdup (account->email);
      lead->tax_id = g_strdup (account->tax_id);
      lead->account_id = account->id;
    }

  /* pipeline and step first so every field error comes back at once */
  if (lead->pipeline_id != 0)
    pipeline = rcrm_store_pipeline_get (req->store, lead->pipeline_id, NULL);
  else
    pipeline = rcrm_store_pipeline_get_standard (req->store, NULL);
  if (pipeline == NULL)
    rcrm_invalid_field (req, "pipeline_id", &rcrm_text_not_found_ref);
  else if (step < 0 || step >= rcrm_pipeline_n_steps (pipeline))
    rcrm_invalid_field (req, "step", &text_step_range);
  if (!read_lead (req, body, lead, TRUE, NULL))
    return;
  lead->pipeline_id = pipeline->id;
  lead->step = step;

  if (lead->owner_id != 0)
    {
      if (!may_assign_to (req, lead->owner_id))
        {
          rcrm_respond_error (req, RCRM_ERR_FORBIDDEN, &text_owner_forbidden, NULL);
          return;
        }
      if (!check_owner_active (req, lead->owner_id))
        return;
    }
  if (!check_duplicates (req, lead, confirm))
    return;

  if (!rcrm_request_begin (req))
    return;
  if (lead->owner_id == 0)
    {
      lead->owner_id = pick_owner (req, &error);
      if (lead->owner_id == 0)
        {
          rcrm_request_fail (req, error);
          return;
        }
    }
  lead->created_by = req->user->id;

  /* R3: a lead made at the closing step is won from the start */
  closes = lead_will_close (req, lead);
  if (closes && !rcrm_accounts_link_won_lead (req, lead, &created, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }

  data = json_object_new ();
  json_object_set_int_member (data, "pipeline_id", lead->pipeline_id);
  json_object_set_int_member (data, "step", lead->step);
  json_object_set_int_member (data, "owner_id", lead->owner_id);
  if (lead->account_id != 0)
    json_object_set_int_member (data, "account_id", lead->account_id);
  if (!rcrm_store_lead_insert (req->store, lead, &error)
      || !rcrm_leads_add_event (req, lead->id, "created", data, &error)
      || (closes && !add_account_linked (req, lead, created, &error))
      || !rcrm_request_audit (req, "lead.create", "lead", lead->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (!rcrm_request_commit (req))
    return;

  respond_lead (req, 201, lead);
}

static void
leads_create (RcrmRequest *req)
{
  lead_create (req, NULL);
}

static void
account_leads_create (RcrmRequest *req)
{
  g_autoptr(RcrmAccount) account = rcrm_accounts_load_visible (req, req->ids[0]);

  /* R4: any number of new leads from an account the caller sees */
  if (account != NULL)
    lead_create (req, account);
}

static void
account_leads_list (RcrmRequest *req)
{
  g_autoptr(RcrmAccount) account = rcrm_accounts_load_visible (req, req->ids[0]);

  if (account != NULL)
    rcrm_leads_respond_list (req, NULL, account->id);
}

static void
lead_get (RcrmRequest *req)
{
  g_autoptr(RcrmLead) lead = rcrm_leads_load_visible (req, req->ids[0]);

  if (lead != NULL)
    respond_lead (req, 200, lead);
}

static void
lead_patch (RcrmRequest *req)
{
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  static const char * const all_members[] = {
    "name", "company", "phone", "email", "tax_id", "source", "value", "label_ids", "custom", "account_id",
    "step", "pipeline_id", "owner_id", NULL
  };
  JsonObject *data;
  JsonArray *fields;
  gint64 version;

  lead = rcrm_leads_load_visible (req, req->ids[0]);
  if (lead == NULL || !rcrm_request_if_match (req, &version))
    return;
  body = rcrm_request_json_object (req, all_members);
  if (body == NULL)
    return;
  if (json_object_has_member (body, "step") || json_object_has_member (body, "pipeline_id")
      || json_object_has_member (body, "owner_id"))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_use_move, NULL);
      return;
    }
  if (!rcrm_leads_can_modify (req, lead))
    {
      rcrm_respond_error (req, RCRM_ERR_FORBIDDEN, &text_not_your_lead, NULL);
      return;
    }
  if (version != lead->version)
    {
      rcrm_respond_error (req, RCRM_ERR_PRECONDITION_FAILED, NULL, NULL);
      return;
    }
  if (!read_lead (req, body, lead, FALSE, changed))
    return;

  if (!rcrm_request_begin (req))
    return;
  /* the timeline names the changed fields, never their (personal) values */
  fields = json_array_new ();
  for (guint i = 0; i < changed->len; i++)
    json_array_add_string_element (fields, g_ptr_array_index (changed, i));
  data = json_object_new ();
  json_object_set_array_member (data, "fields", fields);
  if (!rcrm_store_lead_update (req->store, lead, version, &error)
      || !rcrm_leads_add_event (req, lead->id, "edited", data, &error)
      || !rcrm_request_audit (req, "lead.update", "lead", lead->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_lead (req, 200, lead);
}

/* ---- workflow ------------------------------------------------------------ */

/* loads a visible lead the caller may change, or responds */
static RcrmLead *
load_modifiable (RcrmRequest *req)
{
  g_autoptr(RcrmLead) lead = rcrm_leads_load_visible (req, req->ids[0]);

  if (lead == NULL)
    return NULL;
  if (!rcrm_leads_can_modify (req, lead))
    {
      rcrm_respond_error (req, RCRM_ERR_FORBIDDEN, &text_not_your_lead, NULL);
      return NULL;
    }
  return g_steal_pointer (&lead);
}

/* writes the lead, one event, an audit line; responds with the lead.
 * R3: a lead that was not closed and now sits at the closing step is linked
 * to its account first, and gets an "account_linked" event after the other. */
static void
commit_change (RcrmRequest *req,
               RcrmLead    *lead,
               const char  *event,
               JsonObject  *data,
               const char  *audit_action,
               gboolean     was_closed)
{
  g_autoptr(GError) error = NULL;
  gboolean closes, created = FALSE;

  if (!rcrm_request_begin (req))
    {
      json_object_unref (data);
      return;
    }
  closes = !was_closed && lead_will_close (req, lead);
  if (closes && !rcrm_accounts_link_won_lead (req, lead, &created, &error))
    {
      json_object_unref (data);
      rcrm_request_fail (req, error);
      return;
    }
  if (!rcrm_store_lead_update (req->store, lead, lead->version, &error)
      || !rcrm_leads_add_event (req, lead->id, event, data, &error)
      || (closes && !add_account_linked (req, lead, created, &error))
      || !rcrm_request_audit (req, audit_action, "lead", lead->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_lead (req, 200, lead);
}

static void
lead_move (RcrmRequest *req)
{
  static const char * const allowed[] = { "step", "pipeline_id", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(RcrmPipeline) target = NULL;
  gint64 step = -1, pipeline_id = 0;
  gboolean has_step, was_closed;
  JsonObject *data;

  body = rcrm_request_json_object (req, allowed);
  if (body == NULL
      || !rcrm_member_int (req, body, "step", FALSE, &step, &has_step)
      || !rcrm_member_int (req, body, "pipeline_id", TRUE, &pipeline_id, NULL))
    return;
  lead = load_modifiable (req);
  if (lead == NULL)
    return;
  if (lead->unfollowed)
    {
      rcrm_respond_error (req, RCRM_ERR_CONFLICT, &text_unfollowed, NULL);
      return;
    }
  was_closed = lead->state == RCRM_LEAD_STATE_CLOSED;

  if (pipeline_id == 0)
    pipeline_id = lead->pipeline_id;
  target = rcrm_store_pipeline_get (req->store, pipeline_id, NULL);
  if (target == NULL)
    rcrm_invalid_field (req, "pipeline_id", &rcrm_text_not_found_ref);
  if (!has_step)
    rcrm_invalid_field (req, "step", &rcrm_text_required);
  else if (target != NULL && (step < 0 || step >= rcrm_pipeline_n_steps (target)))
    rcrm_invalid_field (req, "step", &text_step_range);
  if (rcrm_respond_if_invalid (req))
    return;

  data = json_object_new ();
  if (pipeline_id != lead->pipeline_id)
    {
      /* R9: another pipeline, any step there */
      json_object_set_int_member (data, "from_pipeline_id", lead->pipeline_id);
      json_object_set_int_member (data, "to_pipeline_id", pipeline_id);
      json_object_set_int_member (data, "from", lead->step);
      json_object_set_int_member (data, "to", step);
      lead->pipeline_id = pipeline_id;
      lead->step = step;
      commit_change (req, lead, "pipeline", data, "lead.move_pipeline", was_closed);
      return;
    }

  if (step == lead->step)
    {
      json_object_unref (data);
      respond_lead (req, 200, lead);
      return;
    }
  /* R8: forward always; back only when allowed (admins always may) */
  if (step < lead->step && !rcrm_settings_get_bool (req->settings, "allow_step_back")
      && !rcrm_user_is_admin (req->user))
    {
      json_object_unref (data);
      rcrm_respond_error (req, RCRM_ERR_STEP_BACK_DISABLED, NULL, NULL);
      return;
    }
  json_object_set_int_member (data, "from", lead->step);
  json_object_set_int_member (data, "to", step);
  lead->step = step;
  commit_change (req, lead, "step", data, "lead.move", was_closed);
}

static void
lead_unfollow (RcrmRequest *req)
{
  static const char * const allowed[] = { "reason", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *clean = NULL;
  JsonObject *data;

  body = rcrm_request_json_object (req, allowed);
  if (body == NULL || !rcrm_member_string (req, body, "reason", FALSE, &reason, NULL))
    return;
  lead = load_modifiable (req);
  if (lead == NULL)
    return;
  if (!rcrm_validate_text (req, "reason", reason, TRUE, MAX_REASON_CHARS, &clean))
    {
      rcrm_respond_if_invalid (req);
      return;
    }
  if (lead->unfollowed)
    {
      rcrm_respond_error (req, RCRM_ERR_CONFLICT, &text_already_unfollowed, NULL);
      return;
    }

  lead->unfollowed = TRUE;
  rcrm_set_str (&lead->unfollow_reason, clean);
  data = json_object_new ();
  json_object_set_string_member (data, "reason", clean);
  json_object_set_int_member (data, "step", lead->step);
  commit_change (req, lead, "unfollowed", data, "lead.unfollow", TRUE);
}

static void
lead_restore (RcrmRequest *req)
{
  g_autoptr(RcrmLead) lead = load_modifiable (req);
  JsonObject *data;

  if (lead == NULL)
    return;
  if (!lead->unfollowed)
    {
      rcrm_respond_error (req, RCRM_ERR_CONFLICT, &text_not_unfollowed, NULL);
      return;
    }
  /* back to the inbox at the same step */
  lead->unfollowed = FALSE;
  g_clear_pointer (&lead->unfollow_reason, g_free);
  data = json_object_new ();
  json_object_set_int_member (data, "step", lead->step);
  commit_change (req, lead, "restored", data, "lead.restore", FALSE);
}

static void
lead_assign (RcrmRequest *req)
{
  static const char * const allowed[] = { "owner_id", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(GError) error = NULL;
  gint64 owner_id = 0;
  gboolean has_owner;

  body = rcrm_request_json_object (req, allowed);
  if (body == NULL || !rcrm_member_int (req, body, "owner_id", FALSE, &owner_id, &has_owner))
    return;
  lead = rcrm_leads_load_visible (req, req->ids[0]);
  if (lead == NULL)
    return;
  if (!has_owner)
    {
      rcrm_invalid_field (req, "owner_id", &rcrm_text_required);
      rcrm_respond_if_invalid (req);
      return;
    }

  /* admins: any lead to anyone; team leads: their team's leads to their team */
  if (!rcrm_user_is_admin (req->user)
      && !(is_team_lead (req) && may_assign_to (req, lead->owner_id) && may_assign_to (req, owner_id)))
    {
      rcrm_respond_error (req, RCRM_ERR_FORBIDDEN, &text_assign_forbidden, NULL);
      return;
    }
  if (!check_owner_active (req, owner_id))
    return;
  if (owner_id == lead->owner_id)
    {
      respond_lead (req, 200, lead);
      return;
    }

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_leads_set_owner (req, lead, owner_id, "assign", &error)
      || !rcrm_request_audit (req, "lead.assign", "lead", lead->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    respond_lead (req, 200, lead);
}

/* ---- timeline and notes (R5) --------------------------------------------- */

static void
respond_entries (RcrmRequest *req,
                 gboolean     notes_only)
{
  g_autoptr(RcrmLead) lead = rcrm_leads_load_visible (req, req->ids[0]);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (lead == NULL)
    return;
  entries = rcrm_store_timeline_list (req->store, lead->id, notes_only, &error);
  rcrm_respond_all (req, entries, (RcrmRecordJson) rcrm_json_timeline_entry, error);
}

static void
lead_timeline (RcrmRequest *req)
{
  respond_entries (req, FALSE);
}

static void
lead_notes_list (RcrmRequest *req)
{
  respond_entries (req, TRUE);
}

static void
lead_notes_create (RcrmRequest *req)
{
  static const char * const allowed[] = { "body", "corrects_note_id", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmLead) lead = NULL;
  g_autoptr(RcrmTimelineEntry) note = rcrm_timeline_entry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  body = rcrm_request_json_object (req, allowed);
  if (body == NULL
      || !rcrm_member_string (req, body, "body", FALSE, &text, NULL)
      || !rcrm_member_int (req, body, "corrects_note_id", TRUE, &note->corrects_id, NULL))
    return;
  lead = rcrm_leads_load_visible (req, req->ids[0]);
  if (lead == NULL)
    return;

  rcrm_validate_text (req, "body", text, TRUE, MAX_NOTE_CHARS, &note->body);
  if (note->corrects_id != 0)
    {
      g_autoptr(RcrmTimelineEntry) corrected = rcrm_store_timeline_get (req->store, note->corrects_id, NULL);

      if (corrected == NULL || corrected->lead_id != lead->id || g_strcmp0 (corrected->kind, "note") != 0)
        rcrm_invalid_field (req, "corrects_note_id", &text_corrects);
    }
  if (rcrm_respond_if_invalid (req))
    return;

  note->lead_id = lead->id;
  note->actor_id = req->user->id;
  note->kind = g_strdup ("note");
  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_timeline_insert (req->store, note, &error)
      || !rcrm_request_audit (req, "note.create", "lead", lead->id, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_object (req, 201, rcrm_json_timeline_entry (note));
}

static void
lead_note_change (RcrmRequest *req)
{
  g_autoptr(RcrmLead) lead = rcrm_leads_load_visible (req, req->ids[0]);

  /* R5: nobody edits or deletes a note, whatever the note id */
  if (lead != NULL)
    rcrm_respond_error (req, RCRM_ERR_APPEND_ONLY, NULL, NULL);
}

static void
lead_note_get (RcrmRequest *req)
{
  g_autoptr(RcrmLead) lead = rcrm_leads_load_visible (req, req->ids[0]);
  g_autoptr(RcrmTimelineEntry) note = NULL;

  if (lead == NULL)
    return;
  note = rcrm_store_timeline_get (req->store, req->ids[1], NULL);
  if (note == NULL || note->lead_id != lead->id || g_strcmp0 (note->kind, "note") != 0)
    rcrm_respond_error (req, RCRM_ERR_NOT_FOUND, NULL, NULL);
  else
    rcrm_respond_object (req, 200, rcrm_json_timeline_entry (note));
}

const RcrmRoute rcrm_lead_routes[] = {
  { "GET",    "/leads",                     leads_list,        FALSE },
  { "POST",   "/leads",                     leads_create,      FALSE },
  { "GET",    "/leads/{id}",                lead_get,          FALSE },
  { "PATCH",  "/leads/{id}",                lead_patch,        FALSE },
  { "POST",   "/leads/{id}/move",           lead_move,         FALSE },
  { "POST",   "/leads/{id}/unfollow",       lead_unfollow,     FALSE },
  { "POST",   "/leads/{id}/restore",        lead_restore,      FALSE },
  { "POST",   "/leads/{id}/assign",         lead_assign,       FALSE },
  { "GET",    "/leads/{id}/timeline",       lead_timeline,     FALSE },
  { "GET",    "/leads/{id}/notes",          lead_notes_list,   FALSE },
  { "POST",   "/leads/{id}/notes",          lead_notes_create, FALSE },
  { "GET",    "/leads/{id}/notes/{id}",     lead_note_get,     FALSE },
  { "GET",    "/accounts/{id}/leads",       account_leads_list,   FALSE },
  { "POST",   "/accounts/{id}/leads",       account_leads_create, FALSE },
  { "PATCH",  "/leads/{id}/notes/{id}",     lead_note_change,  FALSE },
  { "PUT",    "/leads/{id}/notes/{id}",     lead_note_change,  FALSE },
  { "DELETE", "/leads/{id}/notes/{id}",     lead_note_change,  FALSE },
  { NULL }
};
