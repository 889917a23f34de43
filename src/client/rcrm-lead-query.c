/* rcrm-lead-query.c — the filters, sort and paging of GET /leads */
#include "config.h"

#include "rcrm-lead-query.h"
#include "rcrm-client-private.h"

G_DEFINE_BOXED_TYPE (RcrmLeadQuery, rcrm_lead_query, rcrm_lead_query_copy, rcrm_lead_query_free)

RcrmLeadQuery *
rcrm_lead_query_new (void)
{
  RcrmLeadQuery *query = g_new0 (RcrmLeadQuery, 1);

  query->step = -1;
  return query;
}

RcrmLeadQuery *
rcrm_lead_query_copy (const RcrmLeadQuery *query)
{
  RcrmLeadQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->q = g_strdup (query->q);
  copy->state = g_strdup (query->state);
  copy->sort = g_strdup (query->sort);
  copy->cursor = g_strdup (query->cursor);
  return copy;
}

void
rcrm_lead_query_free (RcrmLeadQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->q);
  g_free (query->state);
  g_free (query->sort);
  g_free (query->cursor);
  g_free (query);
}

gboolean
rcrm_lead_query_equal_filters (const RcrmLeadQuery *a,
                               const RcrmLeadQuery *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return g_strcmp0 (a->q, b->q) == 0
         && g_strcmp0 (a->state, b->state) == 0
         && a->pipeline_id == b->pipeline_id
         && a->step == b->step
         && a->owner_id == b->owner_id
         && a->label_id == b->label_id
         && a->account_id == b->account_id
         && a->segment_id == b->segment_id
         && g_strcmp0 (a->sort, b->sort) == 0;
}

gboolean
rcrm_lead_query_equal (const RcrmLeadQuery *a,
                       const RcrmLeadQuery *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return rcrm_lead_query_equal_filters (a, b)
         && a->offset == b->offset
         && g_strcmp0 (a->cursor, b->cursor) == 0
         && a->limit == b->limit;
}

void
rcrm_client_query_append_string (GString    *out,
               const char *name,
               const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_printf (out, "%s%s=%s", out->len > 0 ? "&" : "", name, escaped);
}

void
rcrm_client_query_append_int (GString    *out,
            const char *name,
            gint64      value)
{
  g_string_append_printf (out, "%s%s=%" G_GINT64_FORMAT, out->len > 0 ? "&" : "", name, value);
}

char *
rcrm_lead_query_to_string (const RcrmLeadQuery *query)
{
  GString *out;

  g_return_val_if_fail (query != NULL, NULL);

  out = g_string_new (NULL);
  if (query->q != NULL && *query->q != '\0')
    rcrm_client_query_append_string (out, "q", query->q);
  rcrm_client_query_append_string (out, "state", query->state);
  if (query->pipeline_id > 0)
    rcrm_client_query_append_int (out, "pipeline_id", query->pipeline_id);
  if (query->step >= 0)
    rcrm_client_query_append_int (out, "step", query->step);
  if (query->owner_id > 0)
    rcrm_client_query_append_int (out, "owner_id", query->owner_id);
  if (query->label_id > 0)
    rcrm_client_query_append_int (out, "label_id", query->label_id);
  if (query->account_id > 0)
    rcrm_client_query_append_int (out, "account_id", query->account_id);
  if (query->segment_id > 0)
    rcrm_client_query_append_int (out, "segment_id", query->segment_id);
  rcrm_client_query_append_string (out, "sort", query->sort);
  if (query->cursor != NULL)
    rcrm_client_query_append_string (out, "cursor", query->cursor);
  else if (query->offset > 0)
    rcrm_client_query_append_int (out, "offset", query->offset);
  if (query->limit > 0)
    rcrm_client_query_append_int (out, "limit", query->limit);
  return g_string_free (out, FALSE);
}
