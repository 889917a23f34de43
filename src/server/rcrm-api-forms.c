/* rcrm-api-forms.c — custom forms (R22): the admin designs extra fields for
 * the lead and account forms */
#include "config.h"

#include "rcrm-forms.h"
#include "rcrm-http.h"

static void
form_get (RcrmRequest *req,
          const char  *entity)
{
  RcrmForm *form = rcrm_forms_get (req, entity);

  if (form != NULL)
    rcrm_respond_record (req, 200, rcrm_forms_json (form), form->version);
}

/* PUT and PATCH both replace the whole definition */
static void
form_put (RcrmRequest *req,
          const char  *entity)
{
  static const char * const allowed[] = { "fields", NULL };
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(RcrmForm) form = rcrm_form_new (entity);
  g_autoptr(GError) error = NULL;
  g_autofree char *action = g_strdup_printf ("form.%s.update", entity);
  gint64 version;

  if (!rcrm_require_admin (req) || !rcrm_request_if_match (req, &version))
    return;
  body = rcrm_request_json_object (req, allowed);
  if (body == NULL || !rcrm_forms_read_fields (req, body, form))
    return;
  if (rcrm_respond_if_invalid (req))
    return;

  if (!rcrm_request_begin (req))
    return;
  if (!rcrm_store_form_put (req->store, form, version, &error)
      || !rcrm_request_audit (req, action, "form", 0, &error))
    {
      rcrm_request_fail (req, error);
      return;
    }
  if (rcrm_request_commit (req))
    rcrm_respond_record (req, 200, rcrm_forms_json (form), form->version);
}

static void lead_form_get (RcrmRequest *req) { form_get (req, "lead"); }
static void lead_form_put (RcrmRequest *req) { form_put (req, "lead"); }
static void account_form_get (RcrmRequest *req) { form_get (req, "account"); }
static void account_form_put (RcrmRequest *req) { form_put (req, "account"); }

const RcrmRoute rcrm_form_routes[] = {
  { "GET",   "/forms/lead",    lead_form_get,    FALSE },
  { "PUT",   "/forms/lead",    lead_form_put,    FALSE },
  { "PATCH", "/forms/lead",    lead_form_put,    FALSE },
  { "GET",   "/forms/account", account_form_get, FALSE },
  { "PUT",   "/forms/account", account_form_put, FALSE },
  { "PATCH", "/forms/account", account_form_put, FALSE },
  { NULL }
};
