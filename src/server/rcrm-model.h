/* rcrm-model.h — plain records passed between the HTTP layer and the store.
 *
 * Strings are owned (g_free); integer ids are 0 when absent; times are
 * RFC 3339 UTC strings ("2026-11-23T09:30:00Z"); money is gint64 satang.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gint64    id;
  char     *username;
  char     *display_name;
  char     *role;            /* "admin" | "user" */
  gint64    team_id;         /* 0 = no team */
  char     *phone;           /* E.164 or NULL */
  char     *email;           /* normalised or NULL */
  char     *password_hash;   /* libsodium crypto_pwhash_str */
  gboolean  has_signature;   /* read-only: set by the store */
  gboolean  active;
  char     *created_at;
  char     *updated_at;
  gint64    version;
} RcrmUser;

typedef struct {
  gint64    id;
  char     *name;
  gint64    lead_id;         /* team lead user, 0 = none */
  char     *distribution;    /* "none" | "round_robin" | "fewest_open" */
  char     *created_at;
  char     *updated_at;
  gint64    version;
} RcrmTeam;

typedef struct {
  gint64    id;
  char     *name;
  gboolean  standard;
  GStrv     steps;           /* step names, 2..10 */
  char     *created_at;
  char     *updated_at;
  gint64    version;
} RcrmPipeline;

typedef enum {
  RCRM_LEAD_STATE_IN_PROGRESS = 1 << 0,
  RCRM_LEAD_STATE_CLOSED      = 1 << 1,   /* at the last step of its pipeline */
  RCRM_LEAD_STATE_UNFOLLOWED  = 1 << 2,
} RcrmLeadState;

typedef struct {
  gint64    id;
  char     *name;
  char     *company;         /* NULL = none */
  char     *phone;           /* E.164 */
  char     *email;           /* normalised */
  char     *tax_id;          /* 13 digits */
  char     *source;
  gint64    value;           /* satang */
  gint64    owner_id;
  gint64    pipeline_id;
  gint      step;            /* 0-based */
  gboolean  unfollowed;
  char     *unfollow_reason; /* NULL unless unfollowed */
  RcrmLeadState state;       /* derived by the store from step, pipeline and unfollowed */
  gint64    account_id;      /* 0 = none */
  GArray   *label_ids;       /* gint64, sorted; never NULL after rcrm_lead_new */
  char     *custom_json;     /* JSON object text, "{}" when empty */
  gint64    created_by;
  char     *created_at;
  char     *updated_at;
  char     *last_activity_at;
  char     *closed_at;       /* when it last reached the closing step (R3); NULL unless closed;
                                set by the store */
  gint64    version;
} RcrmLead;

typedef struct {
  gint64    id;
  gint64    lead_id;
  gint64    actor_id;        /* user who caused it */
  char     *kind;            /* "note", "created", "edited", "step", "pipeline", "owner",
                                "unfollowed", "restored", "checkin", "quote" */
  char     *body;            /* notes only */
  gint64    corrects_id;     /* notes only: the note it corrects, 0 = none */
  char     *data_json;       /* event details as JSON object text, "{}" when none */
  char     *created_at;
} RcrmTimelineEntry;

typedef struct {
  gint64    id;
  char     *name;
  char     *tax_id;
  char     *branch;          /* "head_office" or 5 digits, NULL = unknown */
  char     *address;
  char     *province;        /* normalised province name ("เชียงใหม่", "กรุงเทพมหานคร"), NULL = unknown */
  char     *phone;
  char     *email;
  char     *status;          /* "pending" | "confirmed" | "sold" */
  gboolean  has_location;
  double    latitude;
  double    longitude;
  gint64    owner_id;
  gboolean  favourite;
  GArray   *label_ids;       /* gint64, sorted; never NULL after rcrm_account_new */
  char     *custom_json;
  gint64    contact_count;   /* read-only: set by the store */
  char     *created_at;
  char     *updated_at;
  gint64    version;
} RcrmAccount;

typedef struct {
  gint64    id;
  gint64    account_id;
  char     *name;
  char     *position;
  char     *phone;           /* E.164 */
  char     *email;
  char     *created_at;
  char     *updated_at;
  gint64    version;
} RcrmContact;

typedef struct {
  gint64    id;
  char     *name;
  char     *color;           /* "#RRGGBB" */
  char     *kind;            /* "system" | "personal" */
  gint64    owner_id;        /* personal labels: their maker; system: 0 */
  char     *created_at;
  char     *updated_at;
  gint64    version;
} RcrmLabel;

/* how many records carry a label */
typedef struct {
  gint64    label_id;
  gint64    leads;
  gint64    accounts;
} RcrmLabelUsage;

/* a named saved filter (R13); the filter is kept as JSON object text */
typedef struct {
  gint64    id;
  char     *name;
  char     *entity;          /* "leads" | "accounts" */
  gboolean  shared;          /* made by an admin for everyone */
  gint64    owner_id;        /* its maker */
  char     *filter_json;     /* "{}" when empty */
  char     *created_at;
  char     *updated_at;
  gint64    version;
} RcrmSegment;

/* one extra field of a custom form (R22) */
typedef struct {
  char     *key;             /* [a-z][a-z0-9_]{0,39} */
  char     *label;
  char     *type;            /* "text" | "number" | "date" | "choice" */
  gboolean  required;
  GStrv     choices;         /* choice fields only, else NULL */
  gint64    order;
} RcrmFormField;

typedef struct {
  char     *entity;          /* "lead" | "account" */
  GPtrArray *fields;         /* RcrmFormField, in display order; never NULL after rcrm_form_new */
  char     *updated_at;      /* NULL until first written */
  gint64    version;
} RcrmForm;

typedef struct {
  gint64    count;
  gint64    value;
} RcrmStepSummary;

RcrmUser          *rcrm_user_new            (void);
void               rcrm_user_free           (RcrmUser *user);
RcrmTeam          *rcrm_team_new            (void);
void               rcrm_team_free           (RcrmTeam *team);
RcrmPipeline      *rcrm_pipeline_new        (void);
void               rcrm_pipeline_free       (RcrmPipeline *pipeline);
guint              rcrm_pipeline_n_steps    (const RcrmPipeline *pipeline);
RcrmLead          *rcrm_lead_new            (void);   /* label_ids empty, custom_json "{}" */
RcrmLead          *rcrm_lead_copy           (const RcrmLead *lead);
void               rcrm_lead_free           (RcrmLead *lead);
RcrmTimelineEntry *rcrm_timeline_entry_new  (void);   /* data_json "{}" */
void               rcrm_timeline_entry_free (RcrmTimelineEntry *entry);
RcrmAccount       *rcrm_account_new         (void);   /* status "pending", custom_json "{}" */
void               rcrm_account_free        (RcrmAccount *account);
RcrmLabel         *rcrm_label_new           (void);
void               rcrm_label_free          (RcrmLabel *label);
RcrmContact       *rcrm_contact_new         (void);
void               rcrm_contact_free        (RcrmContact *contact);
RcrmSegment       *rcrm_segment_new         (void);   /* filter_json "{}" */
void               rcrm_segment_free        (RcrmSegment *segment);
RcrmFormField     *rcrm_form_field_new      (void);
void               rcrm_form_field_free     (RcrmFormField *field);
RcrmForm          *rcrm_form_new            (const char *entity);   /* no fields, version 0 */
void               rcrm_form_free           (RcrmForm *form);
/* the field with this key, or NULL */
RcrmFormField     *rcrm_form_find           (const RcrmForm *form, const char *key);
const char        *rcrm_lead_state_to_string (RcrmLeadState state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmUser, rcrm_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmTeam, rcrm_team_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmPipeline, rcrm_pipeline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmLead, rcrm_lead_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmTimelineEntry, rcrm_timeline_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmAccount, rcrm_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmLabel, rcrm_label_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmContact, rcrm_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmSegment, rcrm_segment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmFormField, rcrm_form_field_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RcrmForm, rcrm_form_free)

G_END_DECLS
