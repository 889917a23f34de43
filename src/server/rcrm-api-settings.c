/* rcrm-api-settings.c — GET (everyone) and PATCH (admins) of the settings (R28) */
#include "config.h"

#include "rcrm-core.h"
#include "rcrm-http.h"
#include "rcrm-json.h"
#include "rcrm-validate.h"

static const RcrmText text_range = { "The value is out of range.", "ค่าอยู่นอกช่วงที่กำหนด" };
static const RcrmText text_choice = { "The value is not one of the choices.", "ค่าไม่อยู่ในตัวเลือกที่กำหนด" };
static const RcrmText text_list = {
  "Each entry must be a distinct, non-empty text of at most 100 characters.",
  "แต่ละรายการต้องไม่ว่าง ไม่ซ้ำกัน และยาวไม่เกิน 100 ตัวอักษร"
};
static const RcrmText text_sources_empty = {
  "Keep at least one lead source.", "ต้องมีแหล่งที่มาของลีดอย่างน้อยหนึ่งรายการ"
};

typedef enum {
  KIND_BOOL,
  KIND_INT,
  KIND_STRING,
  KIND_STRINGS,
  KIND_OBJECT,
} Kind;

typedef struct Member Member;
struct Member {
  const char   *name;
  Kind          kind;
  gint64        min, max;          /* ints; for string lists: item count */
  const char  **choices;           /* strings and string lists: allowed values, NULL = free */
  const Member *members;           /* objects */
};

static const char *dup_fields[] = { "email", "phone", "tax_id", NULL };
static const char *dup_scope[] = { "closed", "in_progress", "unfollowed", NULL };
static const char *dup_action[] = { "allow", "disallow", NULL };
static const char *erasure_accounts[] = { "off", "contacts", "contacts_and_accounts", NULL };

static const Member duplicates_members[] = {
  { "enabled", KIND_BOOL },
  { "fields", KIND_STRINGS, 0, 3, dup_fields },
  { "scope", KIND_STRINGS, 0, 3, dup_scope },
  { "action", KIND_STRING, 0, 0, dup_action },
  { NULL }
};

static const Member erasure_members[] = {
  { "leads", KIND_BOOL },
  { "accounts", KIND_STRING, 0, 0, erasure_accounts },
  { NULL }
};

static const Member company_members[] = {
  { "name", KIND_STRING },
  { "address", KIND_STRING },
  { "tax_id", KIND_STRING },
  { "branch", KIND_STRING },
  { "phone", KIND_STRING },
  { "email", KIND_STRING },
  { NULL }
};

static const Member settings_members[] = {
  { "allow_step_back", KIND_BOOL },
  { "restrict_visibility", KIND_BOOL },
  { "allow_price_edit", KIND_BOOL },
  { "max_contacts_per_account", KIND_INT, 1, 10000 },
  { "vat_rate_bp", KIND_INT, 0, 10000 },
  { "duplicates", KIND_OBJECT, 0, 0, NULL, duplicates_members },
  { "erasure", KIND_OBJECT, 0, 0, NULL, erasure_members },
  { "lead_sources", KIND_STRINGS, 1, 100, NULL },
  { "unfollow_reasons", KIND_STRINGS, 0, 100, NULL },
  { "company", KIND_OBJECT, 0, 0, NULL, company_members },
  { NULL }
};

static const Member *
find_member (const Member *members,
             const char   *name)
{
  for (const Member *m = members; m->name != NULL; m++)
    if (g_str_equal (m->name, name))
      return m;
  return NULL;
}

static gboolean
node_is (JsonNode *node,
         GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static void
bad_request (RcrmRequest *req,
             const char  *path)
{
  g_autofree char *en = g_strdup_printf ("Setting \"%s\" is unknown or has the wrong type.", path);
  g_autofree char *th = g_strdup_printf ("การตั้งค่า \"%s\" ไม่มีอยู่หรือมีชนิดข้อมูลไม่ถูกต้อง", path);
  RcrmText text = { en, th };

  rcrm_respond_error (req, RCRM_ERR_BAD_REQUEST, &text, NULL);
}

/* Checks a string list: types (400) and values (422). */
static gboolean
check_strings (RcrmRequest  *req,
               const Member *m,
               const char   *path,
               JsonArray    *array)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    if (!node_is (json_array_get_element (array, i), G_TYPE_STRING))
      {
        bad_request (req, path);
        return FALSE;
      }

  if ((gint64) n < m->min && m->min > 0 && g_str_equal (m->name, "lead_sources"))
    rcrm_invalid_field (req, path, &text_sources_empty);
  else if ((gint64) n < m->min || (gint64) n > m->max)
    rcrm_invalid_field (req, path, &text_range);

  for (guint i = 0; i < n; i++)
    {
      const char *s = json_array_get_string_element (array, i);

      if (m->choices != NULL)
        {
          if (!g_strv_contains (m->choices, s))
            rcrm_invalid_field (req, path, &text_choice);
        }
      else
        {
          g_autofree char *stripped = rcrm_text_strip (s);

          if (*stripped == '\0' || rcrm_text_length (s) > 100 || g_strcmp0 (stripped, s) != 0)
            rcrm_invalid_field (req, path, &text_list);
        }
      if (!g_hash_table_add (seen, (gpointer) s))
        rcrm_invalid_field (req, path, &text_list);
    }
  return TRUE;
}

/* Walks the patch against the schema: 400 for unknown members and wrong
 * types (returns FALSE), 422 marks for bad values. */
static gboolean
check_object (RcrmRequest  *req,
              const Member *members,
              const char   *prefix,
              JsonObject   *object)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);
      const Member *m = find_member (members, name);
      g_autofree char *path = prefix != NULL ? g_strdup_printf ("%s.%s", prefix, name) : g_strdup (name);

      if (m == NULL)
        {
          bad_request (req, path);
          return FALSE;
        }
      switch (m->kind)
        {
        case KIND_BOOL:
          if (!node_is (node, G_TYPE_BOOLEAN))
            {
              bad_request (req, path);
              return FALSE;
            }
          break;
        case KIND_INT:
          if (!node_is (node, G_TYPE_INT64))
            {
              bad_request (req, path);
              return FALSE;
            }
          if (json_node_get_int (node) < m->min || json_node_get_int (node) > m->max)
            rcrm_invalid_field (req, path, &text_range);
          break;
        case KIND_STRING:
          if (!node_is (node, G_TYPE_STRING))
            {
              bad_request (req, path);
              return FALSE;
            }
          if (m->choices != NULL && !g_strv_contains (m->choices, json_node_get_string (node)))
            rcrm_invalid_field (req, path, &text_choice);
          break;
        case KIND_STRINGS:
          if (!JSON_NODE_HOLDS_ARRAY (node))
            {
              bad_request (req, path);
              return FALSE;
            }
          if (!check_strings (req, m, path, json_node_get_array (node)))
            return FALSE;
          break;
        case KIND_OBJECT:
          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              bad_request (req, path);
              return FALSE;
            }
          if (!check_object (req, m->members, path, json_node_get_object (node)))
            return FALSE;
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/* company block: normalise tax ID, phone, e-mail, branch */
static void
normalise_company (RcrmRequest *req,
                   JsonObject  *company)
{
  static const struct {
    const char *member;
    gboolean (*validate) (RcrmRequest *, const char *, const char *, char **);
  } checks[] = {
    { "tax_id", rcrm_validate_tax_id },
    { "phone", rcrm_validate_phone },
    { "email", rcrm_validate_email },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *path = g_strdup_printf ("company.%s", checks[i].member);
      g_autofree char *normal = NULL;
      const char *value;

      if (!json_object_has_member (company, checks[i].member))
        continue;
      value = json_object_get_string_member (company, checks[i].member);
      if (checks[i].validate (req, path, value, &normal))
        json_object_set_string_member (company, checks[i].member, normal != NULL ? normal : "");
    }

  if (json_object_has_member (company, "branch"))
    {
      g_autofree char *branch = NULL;

      if (rcrm_branch_normalize (json_object_get_string_member (company, "branch"), &branch, NULL))
        json_object_set_string_member (company, "branch", branch);
      else
        rcrm_invalid_field (req, "company.branch", &text_choice);
    }
}

static void
respond_settings (RcrmRequest *req,
                  guint        status)
{
  JsonObject *doc = rcrm_settings_dup_object (req->settings);
  gint64 version = rcrm_settings_get_version (req->settings);

  json_object_set_int_member (doc, "version", version);
  rcrm_respond_record (req, status, doc, version);
}

static void
settings_get (RcrmRequest *req)
{
  respond_settings (req, 200);
}

static void
settings_patch (RcrmRequest *req)
{
  static const char * const allowed[] = {
    "allow_step_back", "restrict_visibility", "allow_price_edit", "max_contacts_per_account", "vat_rate_bp",
    "duplicates", "erasure", "lead_sources", "unfollow_reasons", "company", NULL
  };
  g_autoptr(JsonObject) patch = NULL;
  g_autoptr(JsonObject) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 version, new_version = 0;

  if (!rcrm_require_admin (req) || !rcrm_request_if_match (req, &version))
    return;
  patch = rcrm_request_json_object (req, allowed);
  if (patch == NULL || !check_object (req, settings_members, NULL, patch))
    return;
  if (version != rcrm_settings_get_version (req->settings))
    {
      rcrm_respond_error (req, RCRM_ERR_PRECONDITION_FAILED, NULL, NULL);
      return;
    }

  doc = rcrm_settings_dup_object (req->settings);
  rcrm_settings_merge (doc, patch);
  normalise_company (req, json_object_get_object_member (doc, "company"));
  if (rcrm_respond_if_invalid (req))
    return;

  text = rcrm_json_to_string (doc);
  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_settings_put (req->store, text, version, &new_version, &error)
      || !rcrm_request_audit (req, "settings.update", "settings", 1, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (!rcrm_request_commit (req))
    return;
  rcrm_settings_replace (req->settings, doc, new_version);
  respond_settings (req, 200);
}

const RcrmRoute rcrm_settings_routes[] = {
  { "GET",   "/settings", settings_get,   FALSE },
  { "PATCH", "/settings", settings_patch, FALSE },
  { NULL }
};
