/* rcrm-account-dialog.c — the "new account" dialog
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-account-dialog.h"
#include "rcrm-client-accounts.h"
#include "rcrm-widgets.h"

struct _RcrmAccountDialog
{
  AdwWindow        parent_instance;

  RcrmClient      *client;
  RcrmAccountForm *form;
  GtkLabel        *error_label;
  GtkSpinner      *spinner;
  GtkWidget       *create_button;
  GCancellable    *cancellable;
  gboolean         busy;
};

G_DEFINE_FINAL_TYPE (RcrmAccountDialog, rcrm_account_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (RcrmAccountDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !busy);
  gtk_widget_set_sensitive (self->create_button, !busy);
}

static void
show_error (RcrmAccountDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcrmAccountDialog *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = rcrm_client_create_account_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_ACCOUNT_DIALOG (user_data);
  set_busy (self, FALSE);

  if (account != NULL)
    {
      g_signal_emit (self, signals[CREATED], 0, account);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID))
    {
      g_autofree char *others = rcrm_account_form_show_errors (self->form, error);

      show_error (self, others);
    }
  else
    show_error (self, error->message);
}

void
rcrm_account_dialog_submit (RcrmAccountDialog *self)
{
  g_autoptr(JsonObject) fields = NULL;

  g_return_if_fail (RCRM_IS_ACCOUNT_DIALOG (self));

  if (self->busy)
    return;
  rcrm_account_form_clear_errors (self->form);
  show_error (self, NULL);

  fields = rcrm_account_form_collect (self->form, FALSE);
  if (fields == NULL)
    return;   /* a custom number or date; its row says why */

  set_busy (self, TRUE);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  rcrm_client_create_account_async (self->client, fields, self->cancellable, on_created, self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rcrm_account_dialog_submit (RCRM_ACCOUNT_DIALOG (widget));
}

static void
rcrm_account_dialog_dispose (GObject *object)
{
  RcrmAccountDialog *self = RCRM_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rcrm_account_dialog_parent_class)->dispose (object);
}

static void
rcrm_account_dialog_class_init (RcrmAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_account_dialog_dispose;

  signals[CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RCRM_TYPE_ACCOUNT);

  gtk_widget_class_install_action (widget_class, "account-dialog.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "account-dialog.create", NULL);
}

static void
rcrm_account_dialog_init (RcrmAccountDialog *self)
{
}

RcrmAccountDialog *
rcrm_account_dialog_new (GtkWindow  *parent,
                         RcrmClient *client)
{
  RcrmAccountDialog *self;
  GtkWidget *content;

  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);

  self = g_object_new (RCRM_TYPE_ACCOUNT_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "title", _("New Account"),
                       "default-width", 520,
                       "default-height", 640,
                       NULL);
  self->client = g_object_ref (client);

  content = rcrm_dialog_frame_new (ADW_WINDOW (self), _("C_reate"), "account-dialog.create",
                                   &self->create_button, &self->spinner, &self->error_label);
  self->form = RCRM_ACCOUNT_FORM (rcrm_account_form_new (client));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->form));
  gtk_widget_grab_focus (GTK_WIDGET (rcrm_account_form_get_row (self->form, "name")));
  return self;
}

RcrmAccountForm *
rcrm_account_dialog_get_form (RcrmAccountDialog *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_DIALOG (self), NULL);
  return self->form;
}

const char *
rcrm_account_dialog_get_error (RcrmAccountDialog *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_DIALOG (self), NULL);
  return gtk_label_get_text (self->error_label);
}

gboolean
rcrm_account_dialog_get_busy (RcrmAccountDialog *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_DIALOG (self), FALSE);
  return self->busy;
}
