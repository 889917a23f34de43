/* client-fixture.h — helpers for the RcrmClient tests
 *
 * Starts the real rcrm-server ($RCRM_SERVER) on a temporary database, waits
 * for async calls on the default main context, and makes leads.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rcrm-client.h"

G_BEGIN_DECLS

#define TC_ADMIN_PASSWORD "admin-secret-1"
#define TC_DEMO_PASSWORD  "demo-password"

typedef struct _TcServer TcServer;

/* TRUE when $RCRM_SERVER is set */
gboolean      tc_have_server        (void);
/* --demo or an empty database; fails the test when it does not start */
TcServer     *tc_server_start       (gboolean demo);
const char   *tc_server_url         (TcServer *server);
/* SIGTERM, waits, asserts exit status 0, removes the database */
void          tc_server_stop        (TcServer *server);

/* an async callback storing a reference to the result in *(GAsyncResult **) user_data */
void          tc_store_result       (GObject      *source,
                                     GAsyncResult *result,
                                     gpointer      user_data);
/* iterates the default main context until *slot is set (30 s at most) */
GAsyncResult *tc_await              (GAsyncResult **slot);
/* iterates until done (*flag TRUE) or timeout_s passed; returns *flag */
gboolean      tc_iterate_until      (gboolean     *flag,
                                     guint         timeout_s);
/* iterates until nothing is pending */
void          tc_drain              (void);

/* a client of url, signed in as username (asserts success) */
RcrmClient   *tc_client_signed_in   (const char   *url,
                                     const char   *username,
                                     const char   *password);
/* a Thai mobile number "08x-xxx-xxxx" unique in this process */
char         *tc_unique_phone       (void);
/* a lead owned by the caller: name, the first lead source, a unique phone */
RcrmLead     *tc_create_lead        (RcrmClient   *client,
                                     const char   *name);
/* the first of settings.lead_sources */
char         *tc_first_lead_source  (RcrmClient   *client);
/* the standard pipeline (asserts there is one) */
RcrmPipeline *tc_standard_pipeline  (RcrmClient   *client);
/* a user by username from GET /directory */
RcrmUser     *tc_find_user          (RcrmClient   *client,
                                     const char   *username);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TcServer, tc_server_stop)

G_END_DECLS
