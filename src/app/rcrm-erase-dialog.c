/* rcrm-erase-dialog.c — the confirmation of a PDPA erasure (R26)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-client-admin.h"
#include "rcrm-core.h"
#include "rcrm-erase-dialog.h"

#define RESPONSE_ERASE  "erase"
#define RESPONSE_CANCEL "cancel"

/* lives from the dialog's start until the server answered */
typedef struct {
  RcrmClient    *client;
  char          *kind;
  gint64         id;
  char          *name;
  GtkWindow     *parent;       /* weak */
  GCancellable  *cancellable;
  RcrmEraseDone  done;
  gpointer       user_data;
} Erase;

static void
erase_free (Erase *erase)
{
  g_clear_object (&erase->client);
  g_clear_weak_pointer (&erase->parent);
  g_clear_object (&erase->cancellable);
  g_free (erase->kind);
  g_free (erase->name);
  g_free (erase);
}

static gboolean
name_matches (GtkEditable *entry,
              const char  *name)
{
  g_autofree char *typed = rcrm_text_strip (gtk_editable_get_text (entry));
  g_autofree char *wanted = rcrm_text_strip (name);

  return *wanted != '\0' && g_strcmp0 (typed, wanted) == 0;
}

static void
on_entry_changed (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  Erase *erase = g_object_get_data (G_OBJECT (dialog), "rcrm-erase");

  adw_message_dialog_set_response_enabled (dialog, RESPONSE_ERASE, name_matches (entry, erase->name));
}

static void
on_entry_activate (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  Erase *erase = g_object_get_data (G_OBJECT (dialog), "rcrm-erase");

  if (name_matches (entry, erase->name))
    {
      /* answer first: closing answers "cancel", which is then ignored */
      adw_message_dialog_response (dialog, RESPONSE_ERASE);
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
show_failure (GtkWindow    *parent,
              const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Erase the Data"), NULL));
  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_ERASURE_DISABLED))
    adw_message_dialog_format_body (dialog, "%s\n\n%s", error->message,
                                    _("An administrator can switch erasure on in Preferences → Personal Data."));
  else
    adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_erased (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Erase *erase = user_data;
  g_autoptr(GError) error = NULL;

  if (!rcrm_client_erase_finish (RCRM_CLIENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (erase->parent, error);
    }
  else if (erase->cancellable == NULL || !g_cancellable_is_cancelled (erase->cancellable))
    erase->done (erase->user_data);

  erase_free (erase);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  Erase *erase = g_object_steal_data (G_OBJECT (dialog), "rcrm-erase");

  if (erase == NULL)
    return;

  if (g_strcmp0 (response, RESPONSE_ERASE) != 0
      || !name_matches (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "rcrm-erase-entry")), erase->name))
    {
      erase_free (erase);
      return;
    }

  rcrm_client_erase_async (erase->client, erase->kind, erase->id, erase->cancellable, on_erased, erase);
}

static const char *
body_for (const char *kind)
{
  if (g_strcmp0 (kind, "account") == 0)
    return _("This removes the personal data of this customer from the register for good, as the account "
             "erasure setting says: the contacts' names, phones and e-mails, and with “contacts and account” "
             "also the account's own details, notes and check-in positions. It cannot be undone. Figures for "
             "reports and an audit entry without personal data remain.");
  if (g_strcmp0 (kind, "contact") == 0)
    return _("This removes this contact's name, position, phone and e-mail for good. It cannot be undone. An "
             "audit entry without personal data remains.");

  return _("This removes the lead for good: its name, company, phone, e-mail, tax ID, custom fields, notes and "
           "check-in positions. It cannot be undone, and the lead disappears from every list. Figures for reports "
           "and an audit entry without personal data remain.");
}

AdwMessageDialog *
rcrm_erase_dialog_present (GtkWindow     *parent,
                           RcrmClient    *client,
                           const char    *kind,
                           gint64         id,
                           const char    *name,
                           GCancellable  *cancellable,
                           RcrmEraseDone  done,
                           gpointer       user_data)
{
  AdwMessageDialog *dialog;
  GtkWidget *box, *label, *entry;
  g_autofree char *prompt = NULL;
  Erase *erase;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);
  g_return_val_if_fail (g_strcmp0 (kind, "lead") == 0 || g_strcmp0 (kind, "account") == 0
                        || g_strcmp0 (kind, "contact") == 0, NULL);
  g_return_val_if_fail (id > 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (done != NULL, NULL);

  erase = g_new0 (Erase, 1);
  erase->client = g_object_ref (client);
  erase->kind = g_strdup (kind);
  erase->id = id;
  erase->name = g_strdup (name);
  g_set_weak_pointer (&erase->parent, parent);
  erase->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  erase->done = done;
  erase->user_data = user_data;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Erase Personal Data?"), body_for (kind)));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* Translators: %s is the record's name, which the admin must type */
  prompt = g_strdup_printf (_("To confirm, type the name “%s”:"), name);
  label = gtk_label_new (prompt);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_box_append (GTK_BOX (box), label);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, prompt, -1);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "rcrm-erase-entry", entry);

  adw_message_dialog_add_responses (dialog,
                                    RESPONSE_CANCEL, _("_Cancel"),
                                    RESPONSE_ERASE, _("_Erase Permanently"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, RESPONSE_ERASE, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, RESPONSE_ERASE, FALSE);
  adw_message_dialog_set_default_response (dialog, RESPONSE_CANCEL);
  adw_message_dialog_set_close_response (dialog, RESPONSE_CANCEL);

  /* freed with the dialog unless a response takes it */
  g_object_set_data_full (G_OBJECT (dialog), "rcrm-erase", erase, (GDestroyNotify) erase_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}
