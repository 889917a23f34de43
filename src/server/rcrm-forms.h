/* rcrm-forms.h — custom forms (R22): the admin's extra fields for leads and
 * accounts, and the validation of the values records carry in "custom" */
#pragma once

#include "rcrm-http.h"

G_BEGIN_DECLS

#define RCRM_FORM_MAX_FIELDS   50
#define RCRM_FORM_MAX_CHOICES  100
#define RCRM_CUSTOM_TEXT_CHARS 1000

/* the form of entity ("lead" or "account"), cached on the request;
 * NULL after responding 500 */
RcrmForm   *rcrm_forms_get            (RcrmRequest *req, const char *entity);
/* Checks custom (NULL = absent from the body) against the form and merges it
 * into *custom_json: a member set to null removes that value.  Marks
 * "custom.KEY" fields (422) for unknown keys and values of the wrong type,
 * and — with check_required — for required fields the result lacks.  Values
 * kept from fields removed from the form stay stored.  FALSE after
 * responding 500. */
gboolean    rcrm_forms_apply          (RcrmRequest *req, const char *entity, JsonObject *custom,
                                       char **custom_json, gboolean check_required);
/* what a record shows in "custom": the fields of the current form whose
 * stored value fits them, in form order */
JsonObject *rcrm_forms_visible_values (RcrmRequest *req, const char *entity, const char *custom_json);
/* reads the "fields" member of a form body into form (replacing its fields):
 * 400 after responding on wrong JSON types, 422 marks on bad values.
 * FALSE when it responded. */
gboolean    rcrm_forms_read_fields    (RcrmRequest *req, JsonObject *body, RcrmForm *form);
JsonObject *rcrm_forms_json           (const RcrmForm *form);

G_END_DECLS
