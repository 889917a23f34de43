/* rcrm-contact-dialog.c — add or edit a contact of an account
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-client-accounts.h"
#include "rcrm-contact-dialog.h"
#include "rcrm-core.h"
#include "rcrm-widgets.h"

enum {
  FIELD_NAME,
  FIELD_POSITION,
  FIELD_PHONE,
  FIELD_EMAIL,
  N_FIELDS
};

static const struct {
  const char *member;
  const char *title;
} field_info[N_FIELDS] = {
  { "name",     N_("Name *") },
  { "position", N_("Position") },
  { "phone",    N_("Phone") },
  { "email",    N_("E-mail") },
};

struct _RcrmContactDialog
{
  AdwWindow     parent_instance;

  RcrmClient   *client;
  gint64        account_id;
  RcrmContact  *contact;        /* NULL for a new one */
  gint64        version;        /* the version a save writes over */
  char         *base[N_FIELDS]; /* what the rows showed */
  AdwEntryRow  *rows[N_FIELDS];
  GtkLabel     *error_label;
  GtkSpinner   *spinner;
  GtkWidget    *save_button;
  GCancellable *cancellable;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (RcrmContactDialog, rcrm_contact_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
contact_value (RcrmContact *contact,
               guint        field)
{
  const char *value = NULL;

  if (contact == NULL)
    return g_strdup ("");
  switch (field)
    {
    case FIELD_NAME:
      value = rcrm_contact_get_name (contact);
      break;
    case FIELD_POSITION:
      value = rcrm_contact_get_position (contact);
      break;
    case FIELD_PHONE:
      value = rcrm_contact_get_phone (contact);
      return value != NULL ? rcrm_phone_format_local (value) : g_strdup ("");
    case FIELD_EMAIL:
      value = rcrm_contact_get_email (contact);
      break;
    default:
      g_assert_not_reached ();
    }
  return g_strdup (value != NULL ? value : "");
}

static char *
row_text (RcrmContactDialog *self,
          guint              field)
{
  return rcrm_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->rows[field])));
}

static void
set_busy (RcrmContactDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->save_button, !busy);
  for (guint f = 0; f < N_FIELDS; f++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->rows[f]), !busy);
}

static void
show_error (RcrmContactDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}

static void
clear_errors (RcrmContactDialog *self)
{
  for (guint f = 0; f < N_FIELDS; f++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->rows[f]), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->rows[f]), NULL);
    }
  show_error (self, NULL);
}

/* ---- a newer version (412) ------------------------------------------------------------- */

static void
on_newest (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RcrmContactDialog *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = rcrm_client_list_contacts_finish (RCRM_CLIENT (source), result, &error);
  g_autoptr(GString) text = NULL;
  RcrmContact *theirs = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_CONTACT_DIALOG (user_data);
  set_busy (self, FALSE);

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    if (rcrm_contact_get_id (g_ptr_array_index (contacts, i)) == rcrm_contact_get_id (self->contact))
      theirs = g_ptr_array_index (contacts, i);

  if (theirs == NULL)
    {
      show_error (self, error != NULL ? error->message : _("This contact has been deleted meanwhile."));
      return;
    }

  text = g_string_new (_("Someone else saved this contact while you were editing. Their values:"));
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *value = contact_value (theirs, f);

      g_string_append_printf (text, "\n%s: %s", _(field_info[f].title), *value != '\0' ? value : _("(empty)"));
      g_free (self->base[f]);
      self->base[f] = g_steal_pointer (&value);
    }
  g_string_append_c (text, '\n');
  g_string_append (text, _("Save again to keep your values."));
  self->version = rcrm_contact_get_version (theirs);
  show_error (self, text->str);
}

/* ---- saving ------------------------------------------------------------------------------ */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RcrmContactDialog *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmContact) contact = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == rcrm_client_create_contact_async)
    contact = rcrm_client_create_contact_finish (RCRM_CLIENT (source), result, &error);
  else
    contact = rcrm_client_update_contact_finish (RCRM_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_CONTACT_DIALOG (user_data);

  if (contact != NULL)
    {
      set_busy (self, FALSE);
      g_signal_emit (self, signals[SAVED], 0, contact);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED))
    {
      rcrm_client_list_contacts_async (self->client, self->account_id, self->cancellable, on_newest, self);
      return;
    }

  set_busy (self, FALSE);
  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_LIMIT_REACHED))
    {
      JsonObject *details = rcrm_client_error_get_details (error);
      gint64 limit = details != NULL && json_object_has_member (details, "limit")
                     ? json_object_get_int_member (details, "limit") : 0;
      g_autofree char *message = NULL;

      if (limit > 0)
        /* Translators: %d is the most contacts an account may have (R11) */
        message = g_strdup_printf (_("This account already has the most contacts allowed (%d). "
                                     "Delete one to add another."), (int) limit);
      show_error (self, message != NULL ? message : error->message);
      return;
    }

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID))
    {
      g_autoptr(GString) others = g_string_new (NULL);
      gboolean focused = FALSE;

      for (guint f = 0; f < N_FIELDS; f++)
        {
          const char *message = rcrm_client_error_get_field_message (error, field_info[f].member);

          if (message == NULL)
            continue;
          gtk_widget_add_css_class (GTK_WIDGET (self->rows[f]), "error");
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->rows[f]), message);
          if (others->len > 0)
            g_string_append_c (others, '\n');
          g_string_append_printf (others, "%s: %s", _(field_info[f].title), message);
          if (!focused)
            gtk_widget_grab_focus (GTK_WIDGET (self->rows[f]));
          focused = TRUE;
        }
      show_error (self, others->len > 0 ? others->str : error->message);
      return;
    }

  show_error (self, error->message);
}

void
rcrm_contact_dialog_submit (RcrmContactDialog *self)
{
  g_autoptr(JsonObject) fields = json_object_new ();

  g_return_if_fail (RCRM_IS_CONTACT_DIALOG (self));

  if (self->busy)
    return;
  clear_errors (self);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *text = row_text (self, f);

      if (self->contact != NULL && g_strcmp0 (text, self->base[f]) == 0)
        continue;
      if (*text != '\0' || f == FIELD_NAME)
        json_object_set_string_member (fields, field_info[f].member, text);
      else if (self->contact != NULL)
        json_object_set_null_member (fields, field_info[f].member);
    }

  if (self->contact != NULL && json_object_get_size (fields) == 0)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->contact == NULL)
    rcrm_client_create_contact_async (self->client, self->account_id, fields, self->cancellable, on_saved, self);
  else
    rcrm_client_update_contact_async (self->client, rcrm_contact_get_id (self->contact), self->version,
                                      fields, self->cancellable, on_saved, self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rcrm_contact_dialog_submit (RCRM_CONTACT_DIALOG (widget));
}

static void
rcrm_contact_dialog_dispose (GObject *object)
{
  RcrmContactDialog *self = RCRM_CONTACT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (rcrm_contact_dialog_parent_class)->dispose (object);
}

static void
rcrm_contact_dialog_finalize (GObject *object)
{
  RcrmContactDialog *self = RCRM_CONTACT_DIALOG (object);

  for (guint f = 0; f < N_FIELDS; f++)
    g_free (self->base[f]);

  G_OBJECT_CLASS (rcrm_contact_dialog_parent_class)->finalize (object);
}

static void
rcrm_contact_dialog_class_init (RcrmContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_contact_dialog_dispose;
  object_class->finalize = rcrm_contact_dialog_finalize;

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RCRM_TYPE_CONTACT);

  gtk_widget_class_install_action (widget_class, "contact-dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rcrm_contact_dialog_init (RcrmContactDialog *self)
{
}

static void
on_row_activated (RcrmContactDialog *self)
{
  rcrm_contact_dialog_submit (self);
}

RcrmContactDialog *
rcrm_contact_dialog_new (GtkWindow   *parent,
                         RcrmClient  *client,
                         gint64       account_id,
                         RcrmContact *contact)
{
  RcrmContactDialog *self;
  GtkWidget *content, *group;

  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);
  g_return_val_if_fail (account_id > 0, NULL);
  g_return_val_if_fail (contact == NULL || RCRM_IS_CONTACT (contact), NULL);

  self = g_object_new (RCRM_TYPE_CONTACT_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", contact != NULL ? _("Edit Contact") : _("New Contact"),
                       "default-width", 440,
                       NULL);
  self->client = g_object_ref (client);
  self->account_id = account_id;
  self->contact = contact != NULL ? g_object_ref (contact) : NULL;
  self->version = contact != NULL ? rcrm_contact_get_version (contact) : 0;

  content = rcrm_dialog_frame_new (ADW_WINDOW (self), contact != NULL ? _("_Save") : _("_Add"),
                                   "contact-dialog.save", &self->save_button, &self->spinner, &self->error_label);

  group = adw_preferences_group_new ();
  for (guint f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *row = adw_entry_row_new ();

      gtk_widget_set_name (row, field_info[f].member);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field_info[f].title));
      self->base[f] = contact_value (contact, f);
      gtk_editable_set_text (GTK_EDITABLE (row), self->base[f]);
      adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), FALSE);
      g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
      self->rows[f] = ADW_ENTRY_ROW (row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (GTK_BOX (content), group);

  gtk_widget_grab_focus (GTK_WIDGET (self->rows[FIELD_NAME]));
  return self;
}

AdwEntryRow *
rcrm_contact_dialog_get_row (RcrmContactDialog *self,
                             const char        *field)
{
  g_return_val_if_fail (RCRM_IS_CONTACT_DIALOG (self), NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field_info[f].member, field) == 0)
      return self->rows[f];
  return NULL;
}

const char *
rcrm_contact_dialog_get_error (RcrmContactDialog *self)
{
  g_return_val_if_fail (RCRM_IS_CONTACT_DIALOG (self), NULL);
  return gtk_label_get_text (self->error_label);
}

gboolean
rcrm_contact_dialog_get_busy (RcrmContactDialog *self)
{
  g_return_val_if_fail (RCRM_IS_CONTACT_DIALOG (self), FALSE);
  return self->busy;
}
