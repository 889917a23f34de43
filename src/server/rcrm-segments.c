#include "config.h"

#include "rcrm-core.h"
#include "rcrm-json.h"
#include "rcrm-labels.h"
#include "rcrm-leads.h"
#include "rcrm-accounts.h"
#include "rcrm-segments.h"
#include "rcrm-util.h"
#include "rcrm-validate.h"

static const RcrmText text_unknown_filter = {
  "Unknown filter member \"%s\" for this kind of segment.", "ไม่รู้จักเงื่อนไข \"%s\" สำหรับกลุ่มประเภทนี้"
};
static const RcrmText text_other_entity = {
  "This segment is not a segment of this list.", "กลุ่มนี้ไม่ใช่กลุ่มของรายการนี้"
};
static const RcrmText text_bad_segment_id = {
  "Query parameter \"segment_id\" is not valid.", "พารามิเตอร์ \"segment_id\" ไม่ถูกต้อง"
};
static const RcrmText text_state_values = {
  "Use in_progress, closed or unfollowed (at least one).", "ใช้ in_progress, closed หรือ unfollowed อย่างน้อยหนึ่งค่า"
};
static const RcrmText text_status_values = {
  "Use pending, confirmed or sold (at least one).", "ใช้ pending, confirmed หรือ sold อย่างน้อยหนึ่งค่า"
};
static const RcrmText text_shared_labels = {
  "A shared segment can use system labels only.", "กลุ่มที่แชร์ใช้ได้เฉพาะป้ายกำกับของระบบ"
};
static const RcrmText text_bad_label = {
  "One of the labels does not exist or is another user's.", "ป้ายกำกับบางรายการไม่มีอยู่หรือเป็นของผู้ใช้อื่น"
};
static const RcrmText text_range = {
  "The upper bound is below the lower bound.", "ค่าสูงสุดน้อยกว่าค่าต่ำสุด"
};
static const RcrmText text_date = {
  "Enter a date as YYYY-MM-DD.", "กรุณากรอกวันที่ในรูปแบบ YYYY-MM-DD (ปี ค.ศ.)"
};

static const char * const lead_states[] = { "in_progress", "closed", "unfollowed", NULL };
static const char * const account_statuses[] = { "pending", "confirmed", "sold", NULL };

void
rcrm_query_hold_clear (RcrmQueryHold *hold)
{
  g_clear_pointer (&hold->label_ids, g_array_unref);
  g_clear_pointer (&hold->created_from, g_free);
  g_clear_pointer (&hold->created_before, g_free);
  g_clear_pointer (&hold->province, g_free);
}

gboolean
rcrm_segments_is_visible (RcrmRequest       *req,
                          const RcrmSegment *segment)
{
  /* personal segments are their maker's alone, as personal labels (R12) */
  return segment->shared || segment->owner_id == req->user->id;
}

RcrmSegment *
rcrm_segments_load_visible (RcrmRequest *req,
                            gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmSegment) segment = rcrm_store_segment_get (req->store, id, &error);

  if (segment == NULL)
    {
      rcrm_respond_store_error (req, error);
      return NULL;
    }
  if (!rcrm_segments_is_visible (req, segment))
    {
      rcrm_respond_error (req, RCRM_ERR_NOT_FOUND, NULL, NULL);
      return NULL;
    }
  return g_steal_pointer (&segment);
}

gboolean
rcrm_segments_from_query (RcrmRequest  *req,
                          const char   *entity,
                          RcrmSegment **out)
{
  const char *text = rcrm_query_string (req, "segment_id");
  g_autoptr(RcrmSegment) segment = NULL;
  gint64 id;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  if (!rcrm_parse_int64 (text, &id) || id <= 0)
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_bad_segment_id, NULL);
      return FALSE;
    }
  segment = rcrm_segments_load_visible (req, id);
  if (segment == NULL)
    return FALSE;
  if (!g_str_equal (segment->entity, entity))
    {
      rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text_other_entity, NULL);
      return FALSE;
    }
  *out = g_steal_pointer (&segment);
  return TRUE;
}

/* ---- dates ----------------------------------------------------------------- */

/* midnight in Bangkok (UTC+7, no daylight saving) of date + days, in UTC */
static char *
bangkok_midnight_utc (const char *date,
                      gint        days)
{
  GDate d;

  if (!rcrm_date_parse_iso (date, &d))
    return NULL;
  /* 00:00 +07:00 is 17:00Z the day before */
  if (days > 0)
    g_date_add_days (&d, (guint) days);
  g_date_subtract_days (&d, 1);
  return g_strdup_printf ("%04d-%02d-%02dT17:00:00Z", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

char *
rcrm_day_start_utc (const char *date)
{
  return bangkok_midnight_utc (date, 0);
}

char *
rcrm_day_end_utc (const char *date)
{
  return bangkok_midnight_utc (date, 1);
}

/* ---- applying a filter ----------------------------------------------------- */

static guint
mask_of (JsonObject          *filter,
         const char          *member,
         const char * const  *names)
{
  JsonArray *array;
  guint mask = 0;

  if (!json_object_has_member (filter, member)
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (filter, member)))
    return 0;
  array = json_object_get_array_member (filter, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = json_array_get_string_element (array, i);

      for (guint j = 0; names[j] != NULL; j++)
        if (g_strcmp0 (name, names[j]) == 0)
          mask |= 1u << j;
    }
  return mask;
}

static gint64
int_of (JsonObject *filter,
        const char *member,
        gboolean   *present)
{
  JsonNode *node = json_object_get_member (filter, member);

  *present = node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
  return *present ? json_node_get_int (node) : 0;
}

static const char *
string_of (JsonObject *filter,
           const char *member)
{
  JsonNode *node = json_object_get_member (filter, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* the common part: labels, owner, values, dates, province */
typedef struct {
  gint64       *owner_id;
  gboolean     *has_value_min;
  gint64       *value_min;
  gboolean     *has_value_max;
  gint64       *value_max;
  const char  **created_from;
  const char  **created_before;
  const char  **province;
  gboolean     *match_none;
  const GArray **label_ids;
} QueryView;

static void
apply_common (RcrmRequest       *req,
              const RcrmSegment *segment,
              QueryView         *q,
              RcrmQueryHold     *hold)
{
  g_autoptr(JsonObject) filter = segment != NULL ? rcrm_json_parse_object (segment->filter_json) : NULL;

  if (hold->label_ids == NULL)
    hold->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (filter != NULL)
    {
      gboolean present;
      gint64 owner = int_of (filter, "owner_id", &present);
      const char *text;

      if (present)
        {
          if (*q->owner_id != 0 && *q->owner_id != owner)
            *q->match_none = TRUE;
          *q->owner_id = owner;
        }
      *q->value_min = int_of (filter, "value_min", q->has_value_min);
      *q->value_max = int_of (filter, "value_max", q->has_value_max);
      if ((text = string_of (filter, "created_from")) != NULL)
        {
          hold->created_from = rcrm_day_start_utc (text);
          *q->created_from = hold->created_from;
        }
      if ((text = string_of (filter, "created_to")) != NULL)
        {
          hold->created_before = rcrm_day_end_utc (text);
          *q->created_before = hold->created_before;
        }
      if ((text = string_of (filter, "province")) != NULL)
        {
          if (*q->province != NULL && g_strcmp0 (*q->province, text) != 0)
            *q->match_none = TRUE;
          g_free (hold->province);
          hold->province = g_strdup (text);
          *q->province = hold->province;
        }
      if (json_object_has_member (filter, "label_ids")
          && JSON_NODE_HOLDS_ARRAY (json_object_get_member (filter, "label_ids")))
        {
          JsonArray *ids = json_object_get_array_member (filter, "label_ids");

          for (guint i = 0; i < json_array_get_length (ids); i++)
            {
              gint64 id = json_array_get_int_element (ids, i);

              g_array_append_val (hold->label_ids, id);
            }
        }
    }

  /* a label the caller cannot see matches nothing they may list */
  for (guint i = 0; i < hold->label_ids->len; i++)
    if (!rcrm_labels_is_visible (req, g_array_index (hold->label_ids, gint64, i)))
      *q->match_none = TRUE;
  *q->label_ids = hold->label_ids;
}

void
rcrm_segments_apply_leads (RcrmRequest       *req,
                           const RcrmSegment *segment,
                           RcrmLeadQuery     *query,
                           RcrmQueryHold     *hold)
{
  QueryView view = {
    &query->owner_id, &query->has_value_min, &query->value_min, &query->has_value_max, &query->value_max,
    &query->created_from, &query->created_before, &query->province, &query->match_none, &query->label_ids,
  };

  if (segment != NULL)
    {
      g_autoptr(JsonObject) filter = rcrm_json_parse_object (segment->filter_json);
      guint mask = filter != NULL ? mask_of (filter, "state", lead_states) : 0;

      /* bits follow lead_states: in_progress, closed, unfollowed = RcrmLeadState */
      if (mask != 0)
        {
          if (query->state_mask != 0)
            {
              query->state_mask &= mask;
              if (query->state_mask == 0)
                query->match_none = TRUE;
            }
          else
            query->state_mask = mask;
        }
    }
  apply_common (req, segment, &view, hold);
}

void
rcrm_segments_apply_accounts (RcrmRequest       *req,
                              const RcrmSegment *segment,
                              RcrmAccountQuery  *query,
                              RcrmQueryHold     *hold)
{
  QueryView view = {
    &query->owner_id, &query->has_value_min, &query->value_min, &query->has_value_max, &query->value_max,
    &query->created_from, &query->created_before, &query->province, &query->match_none, &query->label_ids,
  };

  if (segment != NULL)
    {
      g_autoptr(JsonObject) filter = rcrm_json_parse_object (segment->filter_json);
      guint mask = filter != NULL ? mask_of (filter, "status", account_statuses) : 0;

      if (mask != 0)
        {
          if (query->status_mask != 0)
            {
              query->status_mask &= mask;
              if (query->status_mask == 0)
                query->match_none = TRUE;
            }
          else
            query->status_mask = mask;
        }
    }
  apply_common (req, segment, &view, hold);
}

gboolean
rcrm_segments_count (RcrmRequest        *req,
                     const RcrmSegment  *segment,
                     gint64             *count,
                     GError            **error)
{
  g_auto(RcrmQueryHold) hold = { 0 };
  g_autoptr(GPtrArray) page = NULL;

  if (g_str_equal (segment->entity, "leads"))
    {
      RcrmLeadQuery query = { 0 };

      query.step = -1;
      query.limit = 1;
      query.visible_to = rcrm_leads_visible_to (req);
      rcrm_segments_apply_leads (req, segment, &query, &hold);
      page = rcrm_store_lead_list (req->store, &query, count, NULL, error);
    }
  else
    {
      RcrmAccountQuery query = { 0 };

      query.limit = 1;
      query.visible_to = rcrm_accounts_visible_to (req);
      rcrm_segments_apply_accounts (req, segment, &query, &hold);
      page = rcrm_store_account_list (req->store, &query, count, NULL, error);
    }
  return page != NULL;
}

/* ---- reading a filter ------------------------------------------------------ */

static void
mark (RcrmRequest    *req,
      const char     *member,
      const RcrmText *message)
{
  g_autofree char *field = g_strconcat ("filter.", member, NULL);

  rcrm_invalid_field (req, field, message);
}

/* "state"/"status": a string or a list of strings from names → a JSON array */
static gboolean
read_names (RcrmRequest         *req,
            JsonObject          *filter,
            const char          *member,
            const char * const  *names,
            const RcrmText      *message,
            JsonObject          *out)
{
  JsonNode *node = json_object_get_member (filter, member);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  JsonArray *array;
  guint mask = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_ptr_array_add (values, (gpointer) json_node_get_string (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *input = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (input); i++)
        {
          JsonNode *e = json_array_get_element (input, i);

          if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
            return rcrm_respond_wrong_type (req, member);
          g_ptr_array_add (values, (gpointer) json_node_get_string (e));
        }
    }
  else
    return rcrm_respond_wrong_type (req, member);

  for (guint i = 0; i < values->len; i++)
    {
      guint j;

      for (j = 0; names[j] != NULL; j++)
        if (g_str_equal (values->pdata[i], names[j]))
          break;
      if (names[j] == NULL)
        {
          mark (req, member, message);
          return TRUE;
        }
      mask |= 1u << j;
    }
  if (mask == 0)
    {
      mark (req, member, message);
      return TRUE;
    }
  array = json_array_new ();
  for (guint j = 0; names[j] != NULL; j++)
    if (mask & (1u << j))
      json_array_add_string_element (array, names[j]);
  json_object_set_array_member (out, member, array);
  return TRUE;
}

static gboolean
given (JsonObject *filter,
       const char *member)
{
  JsonNode *node = filter != NULL ? json_object_get_member (filter, member) : NULL;

  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

gboolean
rcrm_segments_read_filter (RcrmRequest  *req,
                           const char   *entity,
                           JsonObject   *filter,
                           gboolean      shared,
                           char        **out_json)
{
  static const char * const lead_members[] = {
    "label_ids", "state", "owner_id", "value_min", "value_max", "created_from", "created_to", "province", NULL
  };
  static const char * const account_members[] = {
    "label_ids", "status", "owner_id", "value_min", "value_max", "created_from", "created_to", "province", NULL
  };
  gboolean leads = g_str_equal (entity, "leads");
  const char * const *allowed = leads ? lead_members : account_members;
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(GList) members = NULL;
  g_autoptr(GArray) label_ids = NULL;
  g_autofree char *from = NULL, *to = NULL, *province = NULL;
  gint64 owner_id = 0, value_min = 0, value_max = 0;
  GDate from_date, to_date;

  if (filter != NULL)
    {
      members = json_object_get_members (filter);
      for (const GList *l = members; l != NULL; l = l->next)
        if (!g_strv_contains (allowed, l->data))
          {
            g_autofree char *message = NULL;
            RcrmText text;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
            message = g_strdup_printf (rcrm_text (req, &text_unknown_filter), (const char *) l->data);
#pragma GCC diagnostic pop
            text.en = text.th = message;
            rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text, NULL);
            return FALSE;
          }
      if ((given (filter, "label_ids") && !rcrm_member_id_array (req, filter, "label_ids", &label_ids, NULL))
          || !rcrm_member_int (req, filter, "owner_id", TRUE, &owner_id, NULL)
          || !rcrm_member_int (req, filter, "value_min", TRUE, &value_min, NULL)
          || !rcrm_member_int (req, filter, "value_max", TRUE, &value_max, NULL)
          || !rcrm_member_string (req, filter, "created_from", TRUE, &from, NULL)
          || !rcrm_member_string (req, filter, "created_to", TRUE, &to, NULL)
          || !rcrm_member_string (req, filter, "province", TRUE, &province, NULL))
        return FALSE;
      if (!read_names (req, filter, leads ? "state" : "status", leads ? lead_states : account_statuses,
                       leads ? &text_state_values : &text_status_values, out))
        return FALSE;
    }

  if (label_ids != NULL && label_ids->len > 0)
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < label_ids->len; i++)
        {
          gint64 id = g_array_index (label_ids, gint64, i);
          g_autoptr(RcrmLabel) label = rcrm_store_label_get (req->store, id, NULL);

          if (label == NULL || !rcrm_labels_is_visible (req, id))
            mark (req, "label_ids", &text_bad_label);
          else if (shared && g_strcmp0 (label->kind, "system") != 0)
            mark (req, "label_ids", &text_shared_labels);
          json_array_add_int_element (array, id);
        }
      json_object_set_array_member (out, "label_ids", array);
    }
  if (given (filter, "owner_id"))
    {
      g_autoptr(RcrmUser) owner = owner_id > 0 ? rcrm_store_user_get (req->store, owner_id, NULL) : NULL;

      if (owner == NULL)
        mark (req, "owner_id", &rcrm_text_not_found_ref);
      json_object_set_int_member (out, "owner_id", owner_id);
    }
  if (given (filter, "value_min"))
    {
      rcrm_validate_money (req, "filter.value_min", value_min);
      json_object_set_int_member (out, "value_min", value_min);
    }
  if (given (filter, "value_max"))
    {
      if (rcrm_validate_money (req, "filter.value_max", value_max) && given (filter, "value_min")
          && value_max < value_min)
        mark (req, "value_max", &text_range);
      json_object_set_int_member (out, "value_max", value_max);
    }
  if (from != NULL)
    {
      if (!rcrm_date_parse_iso (from, &from_date))
        {
          mark (req, "created_from", &text_date);
          g_clear_pointer (&from, g_free);
        }
      else
        json_object_set_string_member (out, "created_from", from);
    }
  if (to != NULL)
    {
      if (!rcrm_date_parse_iso (to, &to_date))
        mark (req, "created_to", &text_date);
      else
        {
          if (from != NULL && g_date_compare (&to_date, &from_date) < 0)
            mark (req, "created_to", &text_range);
          json_object_set_string_member (out, "created_to", to);
        }
    }
  if (province != NULL)
    {
      g_autofree char *clean = NULL;

      if (rcrm_validate_province (req, "filter.province", province, &clean) && clean != NULL)
        json_object_set_string_member (out, "province", clean);
    }

  if (rcrm_respond_if_invalid (req))
    return FALSE;
  *out_json = rcrm_json_to_string (out);
  return TRUE;
}
