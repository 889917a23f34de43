/* rcrm-client-accounts.h — the account register through RcrmClient:
 * accounts, contacts, an account's history and new leads from an account
 * (R2–R4, R11)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Async/finish pairs like the rest of RcrmClient.  Errors are
 * RCRM_CLIENT_ERROR: bad values INVALID (422, with the fields), a stale
 * version PRECONDITION_FAILED (412), a full account LIMIT_REACHED (409 with
 * details {"limit": N}), no right to change FORBIDDEN (403), hidden or gone
 * NOT_FOUND (404).  An account's leads are rcrm_client_list_leads_async()
 * with RcrmLeadQuery.account_id.
 */
#pragma once

#include "rcrm-account.h"
#include "rcrm-client.h"

G_BEGIN_DECLS

/* The filters, sort and paging of GET /accounts.  Strings are owned
 * (g_free); NULL / 0 leave a parameter out. */
typedef struct {
  char   *q;           /* substring of name, tax ID, phone, e-mail (Thai too) */
  char   *status;      /* comma list of pending, confirmed, sold */
  gint64  owner_id;
  gint64  label_id;
  gint    favourite;   /* -1 = any, 0 = not favourites, 1 = favourites */
  char   *province;
  gint64  segment_id;
  char   *sort;        /* name (default), created_at, updated_at; '-' = descending */
  char   *cursor;
  guint   limit;       /* 1..500; 0 = the server's default */
} RcrmAccountQuery;

RcrmAccountQuery *rcrm_account_query_new       (void);
RcrmAccountQuery *rcrm_account_query_copy      (const RcrmAccountQuery *query);
void              rcrm_account_query_free      (RcrmAccountQuery       *query);
/* the URL query, percent-encoded, no '?' */
char             *rcrm_account_query_to_string (const RcrmAccountQuery *query);

typedef struct {
  GPtrArray *items;        /* RcrmAccount */
  char      *next_cursor;  /* NULL on the last page */
  gint64     total;        /* every match */
} RcrmAccountPage;

void              rcrm_account_page_free       (RcrmAccountPage        *page);

/* GET /accounts */
void             rcrm_client_list_accounts_async   (RcrmClient             *self,
                                                    const RcrmAccountQuery *query,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
RcrmAccountPage *rcrm_client_list_accounts_finish  (RcrmClient             *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
void             rcrm_client_get_account_async     (RcrmClient             *self,
                                                    gint64                  id,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
RcrmAccount     *rcrm_client_get_account_finish    (RcrmClient             *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
/* POST /accounts with the members of fields */
void             rcrm_client_create_account_async  (RcrmClient             *self,
                                                    JsonObject             *fields,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
RcrmAccount     *rcrm_client_create_account_finish (RcrmClient             *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
/* PATCH /accounts/{id} with If-Match: version */
void             rcrm_client_update_account_async  (RcrmClient             *self,
                                                    gint64                  id,
                                                    gint64                  version,
                                                    JsonObject             *changes,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
RcrmAccount     *rcrm_client_update_account_finish (RcrmClient             *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
/* GET /accounts/{id}/history: {"won_leads", "won_count", "total_won",
 * "invoices"} as the server sends it */
void             rcrm_client_get_account_history_async  (RcrmClient        *self,
                                                         gint64             account_id,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
JsonObject      *rcrm_client_get_account_history_finish (RcrmClient        *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);
/* POST /accounts/{id}/leads (R4): fields as for POST /leads, without
 * account_id; what it leaves out comes from the account */
void             rcrm_client_create_account_lead_async  (RcrmClient        *self,
                                                         gint64             account_id,
                                                         JsonObject        *fields,
                                                         GCancellable      *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer           user_data);
RcrmLead        *rcrm_client_create_account_lead_finish (RcrmClient        *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);

/* GET /accounts/{id}/contacts: GPtrArray of RcrmContact, by id */
void             rcrm_client_list_contacts_async   (RcrmClient             *self,
                                                    gint64                  account_id,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
GPtrArray       *rcrm_client_list_contacts_finish  (RcrmClient             *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
/* POST /accounts/{id}/contacts; the quota (R11) fails with LIMIT_REACHED */
void             rcrm_client_create_contact_async  (RcrmClient             *self,
                                                    gint64                  account_id,
                                                    JsonObject             *fields,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
RcrmContact     *rcrm_client_create_contact_finish (RcrmClient             *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
/* PATCH /contacts/{id} with If-Match: version */
void             rcrm_client_update_contact_async  (RcrmClient             *self,
                                                    gint64                  id,
                                                    gint64                  version,
                                                    JsonObject             *changes,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
RcrmContact     *rcrm_client_update_contact_finish (RcrmClient             *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);
void             rcrm_client_delete_contact_async  (RcrmClient             *self,
                                                    gint64                  id,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
gboolean         rcrm_client_delete_contact_finish (RcrmClient             *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmAccountQuery, rcrm_account_query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmAccountPage, rcrm_account_page_free)

G_END_DECLS
