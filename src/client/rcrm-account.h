/* rcrm-account.h — an account (ลูกค้า) and a contact (ผู้ติดต่อ) of the REST API
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only snapshots of the server's JSON (api.md "Accounts and contacts"):
 * a change makes a new object from the server's answer.  Strings are NULL
 * when the server sent null; times are RFC 3339 UTC strings.
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define RCRM_TYPE_ACCOUNT (rcrm_account_get_type ())
G_DECLARE_FINAL_TYPE (RcrmAccount, rcrm_account, RCRM, ACCOUNT, GObject)

#define RCRM_TYPE_CONTACT (rcrm_contact_get_type ())
G_DECLARE_FINAL_TYPE (RcrmContact, rcrm_contact, RCRM, CONTACT, GObject)

RcrmAccount *rcrm_account_new_from_json     (JsonObject   *object,
                                             GError      **error);
/* the object as the server sent it */
JsonObject  *rcrm_account_get_json          (RcrmAccount  *self);
gint64       rcrm_account_get_id            (RcrmAccount  *self);
gint64       rcrm_account_get_version       (RcrmAccount  *self);
const char  *rcrm_account_get_name          (RcrmAccount  *self);
/* 13 digits, or NULL */
const char  *rcrm_account_get_tax_id        (RcrmAccount  *self);
/* "head_office", 5 digits, or NULL */
const char  *rcrm_account_get_branch        (RcrmAccount  *self);
const char  *rcrm_account_get_address       (RcrmAccount  *self);
const char  *rcrm_account_get_province      (RcrmAccount  *self);
/* E.164 */
const char  *rcrm_account_get_phone         (RcrmAccount  *self);
const char  *rcrm_account_get_email         (RcrmAccount  *self);
/* "pending", "confirmed" or "sold" */
const char  *rcrm_account_get_status        (RcrmAccount  *self);
gint64       rcrm_account_get_owner_id      (RcrmAccount  *self);
gboolean     rcrm_account_get_favourite     (RcrmAccount  *self);
/* FALSE when the account has no location */
gboolean     rcrm_account_get_location      (RcrmAccount  *self,
                                             double       *latitude,
                                             double       *longitude);
/* GArray of gint64 (never NULL) */
GArray      *rcrm_account_get_label_ids     (RcrmAccount  *self);
/* never NULL */
JsonObject  *rcrm_account_get_custom        (RcrmAccount  *self);
gint64       rcrm_account_get_contact_count (RcrmAccount  *self);
const char  *rcrm_account_get_created_at    (RcrmAccount  *self);
const char  *rcrm_account_get_updated_at    (RcrmAccount  *self);

RcrmContact *rcrm_contact_new_from_json     (JsonObject   *object,
                                             GError      **error);
gint64       rcrm_contact_get_id            (RcrmContact  *self);
gint64       rcrm_contact_get_version       (RcrmContact  *self);
gint64       rcrm_contact_get_account_id    (RcrmContact  *self);
const char  *rcrm_contact_get_name          (RcrmContact  *self);
const char  *rcrm_contact_get_position      (RcrmContact  *self);
const char  *rcrm_contact_get_phone         (RcrmContact  *self);
const char  *rcrm_contact_get_email         (RcrmContact  *self);

G_END_DECLS
