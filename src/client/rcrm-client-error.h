/* rcrm-client-error.h — the errors of the REST client (RCRM_CLIENT_ERROR)
 *
 * An error from the server carries its HTTP status, its machine code and,
 * when the server sent them, the "fields" (per-field messages of a 422) and
 * "details" (e.g. the matches of a 409 duplicate_lead) objects of the error
 * body.  The message is the server's own, already in Thai when the request
 * asked for Thai.  Failures below HTTP are RCRM_CLIENT_ERROR_NETWORK, answers
 * the client cannot understand RCRM_CLIENT_ERROR_PROTOCOL, and a cancelled
 * call returns G_IO_ERROR_CANCELLED unchanged.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RCRM_CLIENT_ERROR (rcrm_client_error_quark ())

typedef enum {
  RCRM_CLIENT_ERROR_BAD_REQUEST,            /* 400 bad_request */
  RCRM_CLIENT_ERROR_UNAUTHORIZED,           /* 401 unauthorized */
  RCRM_CLIENT_ERROR_FORBIDDEN,              /* 403 forbidden */
  RCRM_CLIENT_ERROR_ADMIN_ONLY,             /* 403 admin_only */
  RCRM_CLIENT_ERROR_STEP_BACK_DISABLED,     /* 403 step_back_disabled (R8) */
  RCRM_CLIENT_ERROR_PRICE_EDIT_DISABLED,    /* 403 price_edit_disabled (R17) */
  RCRM_CLIENT_ERROR_ERASURE_DISABLED,       /* 403 erasure_disabled (R26) */
  RCRM_CLIENT_ERROR_NOT_FOUND,              /* 404 not_found (also: not visible, R14) */
  RCRM_CLIENT_ERROR_METHOD_NOT_ALLOWED,     /* 405 method_not_allowed */
  RCRM_CLIENT_ERROR_APPEND_ONLY,            /* 405 append_only (R5) */
  RCRM_CLIENT_ERROR_DUPLICATE_LEAD,         /* 409 duplicate_lead (R25), see details */
  RCRM_CLIENT_ERROR_LIMIT_REACHED,          /* 409 limit_reached */
  RCRM_CLIENT_ERROR_CONFLICT,               /* 409 conflict */
  RCRM_CLIENT_ERROR_PRECONDITION_FAILED,    /* 412 precondition_failed: stale version */
  RCRM_CLIENT_ERROR_PRECONDITION_REQUIRED,  /* 428 precondition_required */
  RCRM_CLIENT_ERROR_TOO_LARGE,              /* 413 too_large */
  RCRM_CLIENT_ERROR_UNSUPPORTED_MEDIA_TYPE, /* 415 unsupported_media_type */
  RCRM_CLIENT_ERROR_INVALID,                /* 422 invalid, see fields */
  RCRM_CLIENT_ERROR_RATE_LIMITED,           /* 429 rate_limited */
  RCRM_CLIENT_ERROR_SERVER,                 /* 500 internal, any 5xx */
  RCRM_CLIENT_ERROR_NETWORK,                /* cannot connect, connection lost, timeout */
  RCRM_CLIENT_ERROR_PROTOCOL,               /* an answer of an unexpected shape */
} RcrmClientError;

GQuark      rcrm_client_error_quark             (void);

/* The members of the error body; NULL when absent or when error is not an
 * RCRM_CLIENT_ERROR.  Owned by the error. */
JsonObject *rcrm_client_error_get_fields        (const GError *error);
JsonObject *rcrm_client_error_get_details       (const GError *error);
/* the message for one field of a 422, or NULL */
const char *rcrm_client_error_get_field_message (const GError *error,
                                                 const char   *field);
/* the server's machine code ("step_back_disabled"), NULL below HTTP */
const char *rcrm_client_error_get_server_code   (const GError *error);
/* the HTTP status, 0 below HTTP */
guint       rcrm_client_error_get_status        (const GError *error);

/* the code for a server code string and status (the code wins when known) */
RcrmClientError rcrm_client_error_code_from_server (const char *code,
                                                    guint       status);

G_END_DECLS
