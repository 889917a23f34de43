/* rcrm-form.h — a custom form definition (R22): the extra fields an admin
 * adds to the lead or account form
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RcrmForm is GET /forms/{entity}: "entity" ("lead" or "account"), the
 * fields in display order, "version".  RcrmFormField is one field: "key"
 * ([a-z][a-z0-9_]{0,39}), "label", "type" (text, number, date, choice),
 * "required", "choices" (choice fields) and "order".  Both are plain
 * mutable models: the form editor changes a copy and PUTs it.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  RCRM_FORM_FIELD_TEXT,
  RCRM_FORM_FIELD_NUMBER,
  RCRM_FORM_FIELD_DATE,
  RCRM_FORM_FIELD_CHOICE,
} RcrmFormFieldType;

#define RCRM_TYPE_FORM_FIELD (rcrm_form_field_get_type ())

G_DECLARE_FINAL_TYPE (RcrmFormField, rcrm_form_field, RCRM, FORM_FIELD, GObject)

RcrmFormField     *rcrm_form_field_new            (const char        *key,
                                                   const char        *label,
                                                   RcrmFormFieldType  type,
                                                   gboolean           required);
RcrmFormField     *rcrm_form_field_new_from_json  (JsonObject        *object,
                                                   GError           **error);
RcrmFormField     *rcrm_form_field_copy           (RcrmFormField     *self);
/* {"key","label","type","required","order"[,"choices"]} */
JsonObject        *rcrm_form_field_to_json        (RcrmFormField     *self);

const char        *rcrm_form_field_get_key        (RcrmFormField     *self);
void               rcrm_form_field_set_key        (RcrmFormField     *self,
                                                   const char        *key);
const char        *rcrm_form_field_get_label      (RcrmFormField     *self);
void               rcrm_form_field_set_label      (RcrmFormField     *self,
                                                   const char        *label);
RcrmFormFieldType  rcrm_form_field_get_field_type (RcrmFormField     *self);
void               rcrm_form_field_set_field_type (RcrmFormField     *self,
                                                   RcrmFormFieldType  type);
gboolean           rcrm_form_field_get_required   (RcrmFormField     *self);
void               rcrm_form_field_set_required   (RcrmFormField     *self,
                                                   gboolean           required);
/* NULL-terminated; empty (never NULL) for fields without choices */
const char * const *rcrm_form_field_get_choices   (RcrmFormField     *self);
void               rcrm_form_field_set_choices    (RcrmFormField     *self,
                                                   const char * const *choices);
gint64             rcrm_form_field_get_order      (RcrmFormField     *self);
void               rcrm_form_field_set_order      (RcrmFormField     *self,
                                                   gint64             order);

/* "text", "number", "date", "choice"; parse returns FALSE for another string */
const char        *rcrm_form_field_type_to_string (RcrmFormFieldType  type);
gboolean           rcrm_form_field_type_from_string (const char      *text,
                                                     RcrmFormFieldType *out);

#define RCRM_TYPE_FORM (rcrm_form_get_type ())

G_DECLARE_FINAL_TYPE (RcrmForm, rcrm_form, RCRM, FORM, GObject)

RcrmForm          *rcrm_form_new                  (const char        *entity);
RcrmForm          *rcrm_form_new_from_json        (JsonObject        *object,
                                                   GError           **error);
/* a deep copy (fields copied) */
RcrmForm          *rcrm_form_copy                 (RcrmForm          *self);
/* the body of PUT /forms/{entity}: {"fields":[…]} with "order" = position */
JsonObject        *rcrm_form_to_json              (RcrmForm          *self);

const char        *rcrm_form_get_entity           (RcrmForm          *self);
gint64             rcrm_form_get_version          (RcrmForm          *self);
/* GPtrArray of RcrmFormField in display order; owned by the form (edit it
 * freely: add, remove, reorder) */
GPtrArray         *rcrm_form_get_fields           (RcrmForm          *self);
RcrmFormField     *rcrm_form_lookup_field         (RcrmForm          *self,
                                                   const char        *key);

G_END_DECLS
