/* rcrm-account-form.c — the fields of an account as preference rows
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-widgets.h"
#include "rcrm-account-form.h"
#include "rcrm-core.h"
#include "rcrm-custom-fields.h"

typedef enum {
  FIELD_NAME,
  FIELD_TAX_ID,
  FIELD_BRANCH,
  FIELD_ADDRESS,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_STATUS,
  N_FIELDS
} Field;

static const struct {
  const char *member;
  const char *label;
} field_info[N_FIELDS] = {
  { "name",    N_("Name") },
  { "tax_id",  N_("Tax ID") },
  { "branch",  N_("Branch") },
  { "address", N_("Address") },
  { "phone",   N_("Phone") },
  { "email",   N_("E-mail") },
  { "status",  N_("Status") },
};

static const char * const status_codes[] = { "pending", "confirmed", "sold" };

struct _RcrmAccountForm
{
  GtkBox             parent_instance;

  AdwPreferencesGroup *group;
  AdwPreferencesRow  *rows[N_FIELDS];
  GtkLabel           *error_labels[N_FIELDS];
  RcrmCustomFields   *custom_fields;
  char               *base[N_FIELDS];   /* what the rows showed when set */
  char               *errors[N_FIELDS];
  gboolean            filling;
};

G_DEFINE_FINAL_TYPE (RcrmAccountForm, rcrm_account_form, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
rcrm_account_status_label (const char *status)
{
  if (g_strcmp0 (status, "pending") == 0)
    return _("Awaiting Confirmation");
  if (g_strcmp0 (status, "confirmed") == 0)
    return _("Confirmed");
  if (g_strcmp0 (status, "sold") == 0)
    return _("Sold");
  return status != NULL ? status : "";
}

/* ---- values --------------------------------------------------------------------------- */

/* what a row shows for a member of account (display forms: 0-1055-…, สาขาที่ 00003, 02-…) */
static char *
display_value (RcrmAccount *account,
               Field        field)
{
  const char *value = NULL;

  if (account == NULL)
    return g_strdup (field == FIELD_STATUS ? "pending" : "");

  switch (field)
    {
    case FIELD_NAME:
      value = rcrm_account_get_name (account);
      break;
    case FIELD_TAX_ID:
      value = rcrm_account_get_tax_id (account);
      if (value != NULL && rcrm_tax_id_is_valid (value))
        return rcrm_tax_id_format (value);
      break;
    case FIELD_BRANCH:
      value = rcrm_account_get_branch (account);
      if (value != NULL)
        return rcrm_branch_format (value);
      break;
    case FIELD_ADDRESS:
      value = rcrm_account_get_address (account);
      break;
    case FIELD_PHONE:
      value = rcrm_account_get_phone (account);
      if (value != NULL)
        return rcrm_phone_format_local (value);
      break;
    case FIELD_EMAIL:
      value = rcrm_account_get_email (account);
      break;
    case FIELD_STATUS:
      value = rcrm_account_get_status (account);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return g_strdup (value != NULL ? value : "");
}

/* what a row holds now: the status code, or the stripped text */
static char *
row_value (RcrmAccountForm *self,
           Field            field)
{
  if (field == FIELD_STATUS)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rows[field]));

      return g_strdup (selected < G_N_ELEMENTS (status_codes) ? status_codes[selected] : "pending");
    }
  return rcrm_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->rows[field])));
}

static void
set_row_value (RcrmAccountForm *self,
               Field            field,
               const char      *value)
{
  if (field == FIELD_STATUS)
    {
      for (guint i = 0; i < G_N_ELEMENTS (status_codes); i++)
        if (g_strcmp0 (value, status_codes[i]) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (self->rows[field]), i);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->rows[field]), value != NULL ? value : "");
}

static gboolean
row_edited (RcrmAccountForm *self,
            Field            field)
{
  g_autofree char *now = row_value (self, field);

  return g_strcmp0 (now, self->base[field] != NULL ? self->base[field] : "") != 0;
}

void
rcrm_account_form_set_account (RcrmAccountForm *self,
                               RcrmAccount     *account)
{
  g_return_if_fail (RCRM_IS_ACCOUNT_FORM (self));
  g_return_if_fail (account == NULL || RCRM_IS_ACCOUNT (account));

  self->filling = TRUE;
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_free (self->base[f]);
      self->base[f] = display_value (account, f);
      set_row_value (self, f, self->base[f]);
    }
  rcrm_custom_fields_set_values (self->custom_fields, account != NULL ? rcrm_account_get_custom (account) : NULL);
  self->filling = FALSE;
  rcrm_account_form_clear_errors (self);
}

gboolean
rcrm_account_form_get_dirty (RcrmAccountForm *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_FORM (self), FALSE);

  for (guint f = 0; f < N_FIELDS; f++)
    if (row_edited (self, f))
      return TRUE;
  return rcrm_custom_fields_get_dirty (self->custom_fields);
}

JsonObject *
rcrm_account_form_collect (RcrmAccountForm *self,
                           gboolean         changes_only)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonObject) custom = NULL;

  g_return_val_if_fail (RCRM_IS_ACCOUNT_FORM (self), NULL);

  custom = rcrm_custom_fields_collect (self->custom_fields, changes_only);
  if (custom == NULL)
    return NULL;

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *value = row_value (self, f);

      if (changes_only && !row_edited (self, f))
        continue;
      if (*value != '\0')
        json_object_set_string_member (fields, field_info[f].member, value);
      else if (changes_only || f == FIELD_NAME)
        {
          /* the name is required: an empty one is the server's to refuse */
          if (f == FIELD_NAME)
            json_object_set_string_member (fields, field_info[f].member, "");
          else
            json_object_set_null_member (fields, field_info[f].member);
        }
    }
  if (json_object_get_size (custom) > 0)
    json_object_set_object_member (fields, "custom", g_steal_pointer (&custom));
  return g_steal_pointer (&fields);
}

void
rcrm_account_form_rebase (RcrmAccountForm *self,
                          RcrmAccount     *account)
{
  g_return_if_fail (RCRM_IS_ACCOUNT_FORM (self));
  g_return_if_fail (RCRM_IS_ACCOUNT (account));

  self->filling = TRUE;
  for (guint f = 0; f < N_FIELDS; f++)
    {
      gboolean edited = row_edited (self, f);

      g_free (self->base[f]);
      self->base[f] = display_value (account, f);
      if (!edited)
        set_row_value (self, f, self->base[f]);
    }
  self->filling = FALSE;
}

static const char *
shown_value (Field       field,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return _("(empty)");
  return field == FIELD_STATUS ? rcrm_account_status_label (value) : value;
}

char *
rcrm_account_form_describe_conflict (RcrmAccountForm *self,
                                     RcrmAccount     *account)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (RCRM_IS_ACCOUNT_FORM (self), NULL);
  g_return_val_if_fail (RCRM_IS_ACCOUNT (account), NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *theirs = display_value (account, f);
      g_autofree char *yours = row_value (self, f);

      if (g_strcmp0 (theirs, self->base[f]) == 0)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (!row_edited (self, f))
        /* Translators: a field the other user changed and this user did not; %s are the field and its new value */
        g_string_append_printf (text, _("%s: theirs “%s” (you did not change it)"), _(field_info[f].label),
                                shown_value (f, theirs));
      else
        /* Translators: one changed field in a conflict: the field, the other user's value and this user's */
        g_string_append_printf (text, _("%s: theirs “%s”, yours “%s”"), _(field_info[f].label),
                                shown_value (f, theirs), shown_value (f, yours));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* ---- errors ------------------------------------------------------------------------------ */

static void
set_error (RcrmAccountForm *self,
           Field            field,
           const char      *message)
{
  GtkWidget *row = GTK_WIDGET (self->rows[field]);
  gboolean error = message != NULL && *message != '\0';

  g_free (self->errors[field]);
  self->errors[field] = error ? g_strdup (message) : NULL;
  gtk_label_set_text (self->error_labels[field], error ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_labels[field]), error);
  gtk_widget_set_tooltip_text (row, error ? message : NULL);
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

void
rcrm_account_form_clear_errors (RcrmAccountForm *self)
{
  g_return_if_fail (RCRM_IS_ACCOUNT_FORM (self));

  for (guint f = 0; f < N_FIELDS; f++)
    set_error (self, f, NULL);
  rcrm_custom_fields_clear_errors (self->custom_fields);
}

char *
rcrm_account_form_show_errors (RcrmAccountForm *self,
                               const GError    *error)
{
  g_autoptr(GString) others = g_string_new (NULL);
  JsonObject *fields;
  gboolean focused;

  g_return_val_if_fail (RCRM_IS_ACCOUNT_FORM (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  focused = rcrm_custom_fields_show_errors (self->custom_fields, error);
  fields = rcrm_client_error_get_fields (error);
  if (fields != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (fields);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;
          const char *message = rcrm_client_error_get_field_message (error, name);
          gboolean shown = g_str_has_prefix (name, "custom.")
                           && rcrm_custom_fields_get_error (self->custom_fields, name + 7) != NULL;

          for (guint f = 0; f < N_FIELDS && !shown; f++)
            if (g_str_equal (field_info[f].member, name))
              {
                set_error (self, f, message != NULL ? message : error->message);
                if (!focused)
                  gtk_widget_grab_focus (GTK_WIDGET (self->rows[f]));
                focused = shown = TRUE;
              }
          if (!shown && message != NULL)
            {
              if (others->len > 0)
                g_string_append_c (others, '\n');
              g_string_append (others, message);
            }
        }
    }
  if (!focused && others->len == 0)
    g_string_append (others, error->message);
  return others->len > 0 ? g_string_free (g_steal_pointer (&others), FALSE) : NULL;
}

AdwPreferencesRow *
rcrm_account_form_get_row (RcrmAccountForm *self,
                           const char      *field)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_FORM (self), NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field_info[f].member, field) == 0)
      return self->rows[f];
  return NULL;
}

const char *
rcrm_account_form_get_error (RcrmAccountForm *self,
                             const char      *field)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_FORM (self), NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field_info[f].member, field) == 0)
      return self->errors[f];
  if (field != NULL && g_str_has_prefix (field, "custom."))
    return rcrm_custom_fields_get_error (self->custom_fields, field + 7);
  return NULL;
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
on_edited (RcrmAccountForm *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
rcrm_account_form_finalize (GObject *object)
{
  RcrmAccountForm *self = RCRM_ACCOUNT_FORM (object);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_free (self->base[f]);
      g_free (self->errors[f]);
    }
  G_OBJECT_CLASS (rcrm_account_form_parent_class)->finalize (object);
}

static void
rcrm_account_form_class_init (RcrmAccountFormClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rcrm_account_form_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rcrm_account_form_init (RcrmAccountForm *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 24);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->group));

  for (guint i = 0; i < G_N_ELEMENTS (status_codes); i++)
    gtk_string_list_append (statuses, rcrm_account_status_label (status_codes[i]));

  for (guint f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *row;

      if (f == FIELD_STATUS)
        {
          row = adw_combo_row_new ();
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (statuses));
          g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
        }
      else
        {
          row = adw_entry_row_new ();
          g_signal_connect_object (row, "changed", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
        }
      gtk_widget_set_name (row, field_info[f].member);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     f == FIELD_NAME ? _("Name *") : _(field_info[f].label));
      self->rows[f] = ADW_PREFERENCES_ROW (row);
      self->error_labels[f] = rcrm_row_add_error_label (self->rows[f]);
      adw_preferences_group_add (self->group, row);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rows[FIELD_TAX_ID]), _("13 digits, for example 0-1055-36000-31-5"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rows[FIELD_BRANCH]),
                               _("“Head office”, or a branch number such as 00001"));

  self->custom_fields = RCRM_CUSTOM_FIELDS (rcrm_custom_fields_new ());
  g_signal_connect_object (self->custom_fields, "changed", G_CALLBACK (on_edited), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->custom_fields));
}

GtkWidget *
rcrm_account_form_new (RcrmClient *client)
{
  RcrmAccountForm *self;

  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);

  self = g_object_new (RCRM_TYPE_ACCOUNT_FORM, NULL);
  rcrm_custom_fields_load (self->custom_fields, client, "account");
  self->filling = TRUE;
  set_row_value (self, FIELD_STATUS, "pending");
  self->base[FIELD_STATUS] = g_strdup ("pending");
  self->filling = FALSE;
  return GTK_WIDGET (self);
}
