/* rcrm-lead-query.h — the filters, sort and paging of GET /leads */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RCRM_TYPE_LEAD_QUERY (rcrm_lead_query_get_type ())

/* Strings are owned by the query (g_free); NULL / 0 / -1 leave the
 * parameter out, so the server's default applies. */
typedef struct {
  char   *q;            /* substring of name, company, phone, e-mail, tax ID (Thai too) */
  char   *state;        /* comma list of in_progress, closed, unfollowed, all;
                           NULL = the inbox (in_progress,closed) */
  gint64  pipeline_id;  /* 0 = any */
  gint    step;         /* -1 = any */
  gint64  owner_id;     /* 0 = any */
  gint64  label_id;     /* 0 = any */
  gint64  account_id;   /* 0 = any */
  gint64  segment_id;   /* 0 = none; else the members of that segment (R13) */
  char   *sort;         /* last_activity_at, created_at, updated_at, name, value with an
                           optional '-'; NULL = -last_activity_at */
  guint   offset;       /* rows to skip (random access); ignored with a cursor */
  char   *cursor;       /* next_cursor of the previous page */
  guint   limit;        /* 1..500; 0 = the server's default (50) */
} RcrmLeadQuery;

GType          rcrm_lead_query_get_type        (void) G_GNUC_CONST;
/* an empty query: step -1, everything else unset */
RcrmLeadQuery *rcrm_lead_query_new             (void);
RcrmLeadQuery *rcrm_lead_query_copy            (const RcrmLeadQuery *query);
void           rcrm_lead_query_free            (RcrmLeadQuery       *query);
/* compares every member, paging included */
gboolean       rcrm_lead_query_equal           (const RcrmLeadQuery *a,
                                                const RcrmLeadQuery *b);
/* the same filters and sort, without offset, cursor and limit */
gboolean       rcrm_lead_query_equal_filters   (const RcrmLeadQuery *a,
                                                const RcrmLeadQuery *b);
/* "q=%E0%B8%AA…&state=all&limit=200": the URL query, percent-encoded, no '?' */
char          *rcrm_lead_query_to_string       (const RcrmLeadQuery *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmLeadQuery, rcrm_lead_query_free)

G_END_DECLS
