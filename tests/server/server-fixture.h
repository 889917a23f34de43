/* server-fixture.h — black-box harness for the rcrm-server HTTP tests
 *
 * Starts the real binary ($RCRM_SERVER) on a temporary SQLite database,
 * talks to it with a synchronous libsoup 3 session, and offers assertion
 * helpers that print the request, the response and the server's stderr when
 * they fail.
 *
 * A failing rt_* assertion marks the current test case failed and jumps back
 * out of it, so the remaining cases of the executable still run.  Test cases
 * are therefore registered with rt_add() (not g_test_add_func()) and use the
 * RT_ASSERT_* / RT_CHECK macros rather than g_assert_*().
 *
 * Strings returned by the helpers (rt_json(), rt_path(), rt_str(), …) and
 * every RtResponse live in a pool that is emptied after each test case.
 */
#pragma once

#include <string.h>

#include <glib.h>
#include <gio/gio.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* "%" G_GINT64_FORMAT, for ids in paths and bodies */
#define I64 "%" G_GINT64_FORMAT

#define RT_ADMIN_PASSWORD "admin-secret-1"
#define RT_USER_PASSWORD  "password-123"

typedef struct _RtServer RtServer;

typedef struct {
  gint64  id;
  char   *username;
  char   *password;
  char   *token;
} RtUser;

typedef struct {
  char               *method;
  char               *path;
  char               *request_body;     /* at most 2 KiB of it, for messages */
  guint               status;           /* 0 when the request failed below HTTP */
  char               *transport_error;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;             /* NULL when the body is empty or not JSON */
} RtResponse;

typedef struct {
  const char *token;            /* Authorization: Bearer TOKEN */
  const char *authorization;    /* raw Authorization header, overrides token */
  const char *body;             /* JSON text; NULL = no body */
  GBytes     *raw_body;         /* overrides body */
  const char *content_type;     /* default application/json when there is a body */
  const char *if_match;         /* sent as is: pass "\"3\"" or use rt_version_tag() */
  const char *accept_language;
} RtRequestOpts;

typedef struct {
  const char *database;         /* NULL = a new temporary directory */
  const char *admin_password;   /* NULL = RT_ADMIN_PASSWORD; "" = leave unset */
  gboolean    demo;             /* --demo */
} RtServerOpts;

/* ---- test registration and main ------------------------------------------ */
void         rt_init                 (int *argc, char ***argv);
void         rt_add                  (const char *path, void (*func) (void));
/* runs the tests; when the shared server was used, a final case stops it
 * with SIGTERM and checks it exits 0 */
int          rt_run                  (void);

/* ---- servers ------------------------------------------------------------- */
/* the executable's server, started on first use */
RtServer    *rt_shared               (void);
RtServer    *rt_server_start         (const RtServerOpts *opts);
/* SIGTERM, wait at most 20 s, assert exit status 0; frees the server.
 * The database directory stays when keep_database is TRUE. */
void         rt_server_stop          (RtServer *server, gboolean keep_database);
/* kills without checks; for cleanup */
void         rt_server_free          (RtServer *server);
const char  *rt_server_database      (RtServer *server);
const char  *rt_server_base_url      (RtServer *server);    /* http://127.0.0.1:PORT */
/* everything the server wrote to stdout so far */
char        *rt_server_stdout        (RtServer *server);
char        *rt_server_stderr        (RtServer *server);
GPid         rt_server_pid           (RtServer *server);
/* SIGTERM/SIGINT and wait; returns the raw wait status (see g_spawn_check_wait_status) */
gboolean     rt_server_signal_and_wait (RtServer *server, int signum, int *exit_status,
                                        int *term_signal);

/* ---- requests (path relative to /api/v1) --------------------------------- */
RtResponse  *rt_request              (RtServer *server, const char *method, const char *path,
                                      const RtRequestOpts *opts);
RtResponse  *rt_get                  (RtServer *server, const char *token, const char *path);
RtResponse  *rt_post                 (RtServer *server, const char *token, const char *path,
                                      const char *body);
RtResponse  *rt_put                  (RtServer *server, const char *token, const char *path,
                                      const char *body);
RtResponse  *rt_patch                (RtServer *server, const char *token, const char *path,
                                      const char *if_match, const char *body);
RtResponse  *rt_delete               (RtServer *server, const char *token, const char *path);
const char  *rt_header               (RtResponse *r, const char *name);

/* ---- pooled strings ------------------------------------------------------- */
/* printf, then every ' becomes " — so bodies read {'name': 'x'} */
const char  *rt_json                 (const char *format, ...) G_GNUC_PRINTF (1, 2);
const char  *rt_path                 (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* percent-encodes a query parameter value */
const char  *rt_q                    (const char *value);
/* "\"VERSION\"" */
const char  *rt_version_tag          (gint64 version);
/* a word unique within this process, e.g. "mk17x" */
const char  *rt_unique               (const char *prefix);
/* a Thai mobile number unique within this process, local form "08x-xxx-xxxx" */
const char  *rt_unique_phone         (void);
/* E.164 of a local Thai number: "081-234-5678" → "+66812345678" (digits only logic) */
const char  *rt_e164                 (const char *local);
/* a valid 13-digit tax ID, unique within this process */
const char  *rt_unique_tax_id        (void);
/* the check digit rule; digits12 = the first 12 digits */
char         rt_tax_id_check_digit   (const char *digits12);
void         rt_pool_add             (gpointer data, GDestroyNotify destroy);

/* ---- JSON access (path "a.b.0.c"; array indexes are numbers) -------------- */
JsonNode    *rt_node                 (RtResponse *r, const char *path);
JsonNode    *rt_node_at              (JsonNode *root, const char *path);
gboolean     rt_has                  (RtResponse *r, const char *path);
gboolean     rt_is_null              (RtResponse *r, const char *path);
/* these fail the test when the member is missing or of another type */
gint64       rt_int                  (RtResponse *r, const char *path);
const char  *rt_str                  (RtResponse *r, const char *path);
gboolean     rt_bool                 (RtResponse *r, const char *path);
guint        rt_len                  (RtResponse *r, const char *path);
gint64       rt_node_int             (JsonNode *root, const char *path);
const char  *rt_node_str             (JsonNode *root, const char *path);
gboolean     rt_node_bool            (JsonNode *root, const char *path);
/* the body as text (pooled, NUL-terminated) */
const char  *rt_body_text            (RtResponse *r);
/* does the array at path (of objects) hold one whose member `member` is `value`? */
gboolean     rt_array_has_int        (RtResponse *r, const char *path, const char *member, gint64 value);
/* "a,b,c" of the string member `member` of each object of the array at path */
const char  *rt_array_join           (RtResponse *r, const char *path, const char *member);
gboolean     rt_text_has_thai        (const char *text);
gboolean     rt_is_rfc3339_utc       (const char *text);

/* ---- failing ---------------------------------------------------------------- */
/* marks the current case failed, prints the context, leaves the case */
G_NORETURN void rt_fail              (const char *file, int line, RtResponse *r,
                                      const char *format, ...) G_GNUC_PRINTF (4, 5);

#define RT_FAIL(r, ...) rt_fail (__FILE__, __LINE__, (r), __VA_ARGS__)

#define RT_CHECK(r, cond, ...) \
  G_STMT_START { if (!(cond)) rt_fail (__FILE__, __LINE__, (r), __VA_ARGS__); } G_STMT_END

#define RT_ASSERT_STATUS(r, expected) \
  G_STMT_START { \
    RtResponse *rt__r = (r); \
    if (rt__r->status != (guint) (expected)) \
      rt_fail (__FILE__, __LINE__, rt__r, "%s %s: status %u, expected %u", \
               rt__r->method, rt__r->path, rt__r->status, (guint) (expected)); \
  } G_STMT_END

/* status, and the error contract: {"error":{"code": code, "message": "…"}} */
#define RT_ASSERT_ERROR(r, status, code) \
  rt_assert_error (__FILE__, __LINE__, (r), (status), (code))
/* 422 invalid with error.fields.<field> a non-empty string */
#define RT_ASSERT_INVALID(r, field) \
  G_STMT_START { \
    RT_ASSERT_ERROR ((r), 422, "invalid"); \
    rt_assert_error_field (__FILE__, __LINE__, (r), (field)); \
  } G_STMT_END
#define RT_ASSERT_ERROR_FIELD(r, field) \
  rt_assert_error_field (__FILE__, __LINE__, (r), (field))
#define RT_ASSERT_INT(r, path, expected) \
  rt_assert_int (__FILE__, __LINE__, (r), (path), (expected))
#define RT_ASSERT_STR(r, path, expected) \
  rt_assert_str (__FILE__, __LINE__, (r), (path), (expected))
#define RT_ASSERT_BOOL(r, path, expected) \
  rt_assert_bool (__FILE__, __LINE__, (r), (path), (expected))
#define RT_ASSERT_NULL(r, path) \
  rt_assert_null (__FILE__, __LINE__, (r), (path))
#define RT_ASSERT_HAS(r, path) \
  RT_CHECK ((r), rt_has ((r), (path)), "response has no member '%s'", (path))
#define RT_ASSERT_CMPINT(r, a, op, b) \
  G_STMT_START { \
    gint64 rt__a = (a), rt__b = (b); \
    if (!(rt__a op rt__b)) \
      rt_fail (__FILE__, __LINE__, (r), "%s %s %s: %" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT, \
               #a, #op, #b, rt__a, #op, rt__b); \
  } G_STMT_END
#define RT_ASSERT_CMPSTR(r, a, op, b) \
  G_STMT_START { \
    const char *rt__a = (a), *rt__b = (b); \
    if (!(g_strcmp0 (rt__a, rt__b) op 0)) \
      rt_fail (__FILE__, __LINE__, (r), "%s %s %s: \"%s\" %s \"%s\"", \
               #a, #op, #b, rt__a, #op, rt__b); \
  } G_STMT_END

/* Table-driven checks: instead of stopping at the first bad row, note each
 * one in `problems` and fail once at the end with RT_ASSERT_NO_PROBLEMS. */
void rt_note_unless_error  (GString *problems, RtResponse *r, guint status, const char *code);
void rt_note               (GString *problems, RtResponse *r, const char *format, ...) G_GNUC_PRINTF (3, 4);
#define RT_ASSERT_NO_PROBLEMS(problems) \
  G_STMT_START { \
    if ((problems)->len > 0) \
      rt_fail (__FILE__, __LINE__, NULL, "wrong answers:%s", (problems)->str); \
  } G_STMT_END

/* error.fields[field] (field names may contain dots), or NULL */
JsonNode *rt_error_field   (RtResponse *r, const char *field);
void rt_assert_error       (const char *file, int line, RtResponse *r, guint status, const char *code);
void rt_assert_error_field (const char *file, int line, RtResponse *r, const char *field);
void rt_assert_int         (const char *file, int line, RtResponse *r, const char *path, gint64 expected);
void rt_assert_str         (const char *file, int line, RtResponse *r, const char *path, const char *expected);
void rt_assert_bool        (const char *file, int line, RtResponse *r, const char *path, gboolean expected);
void rt_assert_null        (const char *file, int line, RtResponse *r, const char *path);

/* ---- domain helpers (each asserts its own success) ----------------------- */
/* the bootstrap admin, logged in once per server */
RtUser      *rt_admin                (RtServer *server);
/* POST /session; returns the token */
const char  *rt_login                (RtServer *server, const char *username, const char *password);
/* a new user (role "user" or "admin", team 0 = none), logged in */
RtUser      *rt_user_new             (RtServer *server, const char *role, gint64 team_id);
/* the user record from GET /users (as admin) */
JsonNode    *rt_user_record          (RtServer *server, gint64 user_id);
/* PATCH /users/{id} {"team_id"} with If-Match */
void         rt_user_set_team        (RtServer *server, gint64 user_id, gint64 team_id);
/* POST /teams; lead_id 0 = none */
gint64       rt_team_new             (RtServer *server, const char *distribution, gint64 lead_id);
/* GET /settings then PATCH /settings (admin) with body */
RtResponse  *rt_settings_patch       (RtServer *server, const char *body);
/* the first of settings.lead_sources */
const char  *rt_lead_source          (RtServer *server);
/* the standard pipeline's id */
gint64       rt_standard_pipeline    (RtServer *server);
/* POST /pipelines with n steps named "S0".."Sn-1" (admin) */
gint64       rt_pipeline_new         (RtServer *server, guint n_steps);
/* POST /leads: the members of `fields` (JSON object text, may be NULL) plus a
 * unique name, the first lead source and a unique phone for whatever it omits */
RtResponse  *rt_lead_create          (RtServer *server, const char *token, const char *fields);
gint64       rt_lead_new             (RtServer *server, const char *token, const char *fields);
/* GET /leads/{id} asserting 200 */
RtResponse  *rt_lead_get             (RtServer *server, const char *token, gint64 id);
/* POST /leads/{id}/move asserting 200 (pipeline 0 = same) */
RtResponse  *rt_lead_move            (RtServer *server, const char *token, gint64 id,
                                      gint step, gint64 pipeline_id);
/* every page of a GET /leads query (query string without limit/cursor, may be
 * ""); asserts the paging contract; returns the ids in order */
GArray      *rt_lead_list_all        (RtServer *server, const char *token, const char *query,
                                      guint page_size);
gboolean     rt_ids_contain          (GArray *ids, gint64 id);
gint         rt_compare_int64        (gconstpointer a, gconstpointer b);
/* the ids as a sorted "1,2,3" (pooled) */
const char  *rt_id_set               (GArray *ids);
/* n gint64 ids as a sorted "1,2,3" (pooled) */
const char  *rt_id_set_of            (int n, ...);

/* every lead GET /leads?query lists (paging by 2) is exactly the n given ids */
#define RT_ASSERT_LIST(s, token, query, ...) \
  G_STMT_START { \
    const char *rt__got = rt_id_set (rt_lead_list_all ((s), (token), (query), 2)); \
    const char *rt__want = rt_id_set_of (__VA_ARGS__); \
    if (g_strcmp0 (rt__got, rt__want) != 0) \
      rt_fail (__FILE__, __LINE__, NULL, "GET /leads?%s gave {%s}, expected {%s}", \
               (query), rt__got, rt__want); \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RtServer, rt_server_free)

G_END_DECLS
