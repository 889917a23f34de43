/* rcrm-account-view.c — the account page
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-account-view.h"
#include "rcrm-app-private.h"
#include "rcrm-client-accounts.h"
#include "rcrm-contact-dialog.h"
#include "rcrm-core.h"
#include "rcrm-erase-dialog.h"
#include "rcrm-format.h"
#include "rcrm-label-chips.h"
#include "rcrm-label-picker.h"
#include "rcrm-lead-dialog.h"

/* the account's leads shown at most (the inbox has them all) */
#define MAX_LEADS 200

struct _RcrmAccountView
{
  GtkWidget          parent_instance;

  RcrmClient        *client;
  RcrmCatalog       *catalog;
  gint64             account_id;
  RcrmAccount       *account;        /* the last version from the server */
  RcrmAccount       *theirs;         /* during a conflict (412): the newer version */
  GPtrArray         *contacts;       /* RcrmContact */
  gint64             max_contacts;   /* settings.max_contacts_per_account */
  char              *erasure;        /* settings.erasure.accounts */
  GCancellable      *cancellable;    /* of the account shown */
  guint              busy;

  GtkStack          *stack;          /* "loading", "error", "account" */
  AdwStatusPage     *error_page;
  GtkSpinner        *spinner;
  GtkLabel          *name_label;
  GtkLabel          *status_label;
  GtkLabel          *owner_label;
  GtkToggleButton   *favourite_button;
  GtkWidget         *label_chips;
  GtkMenuButton     *labels_button;
  GtkMenuButton     *more_button;
  GtkRevealer       *conflict_revealer;
  GtkLabel          *conflict_label;
  GtkLabel          *error_label;
  RcrmAccountForm   *form;
  GtkWidget         *save_button;
  AdwPreferencesGroup *contacts_group;
  GtkListBox        *contacts_list;
  GtkWidget         *add_contact_button;
  AdwPreferencesGroup *leads_group;
  GtkListBox        *leads_list;
  AdwPreferencesGroup *history_group;
  GtkListBox        *history_list;
  GtkWindow         *dialog;         /* weak: the open contact or lead dialog */
  AdwMessageDialog  *erase_dialog;   /* weak */
  gboolean           erasing_account;
};

G_DEFINE_FINAL_TYPE (RcrmAccountView, rcrm_account_view, GTK_TYPE_WIDGET)

enum {
  TOAST,
  ACCOUNT_CHANGED,
  ACCOUNT_SAVED,
  LEAD_ACTIVATED,
  LEAD_CREATED,
  ERASED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (RcrmAccountView *self);
static void load_contacts (RcrmAccountView *self);

/* ---- helpers ------------------------------------------------------------------------------ */

static GtkWindow *
parent_window (RcrmAccountView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (RcrmAccountView *self,
       const char      *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static void
busy_push (RcrmAccountView *self)
{
  if (self->busy++ == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
      gtk_spinner_start (self->spinner);
    }
}

static void
busy_pop (RcrmAccountView *self)
{
  g_return_if_fail (self->busy > 0);
  if (--self->busy == 0)
    {
      gtk_spinner_stop (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
    }
}

static void
show_error (RcrmAccountView *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
is_admin (RcrmAccountView *self)
{
  RcrmUser *me = rcrm_client_get_user (self->client);

  return me != NULL && rcrm_user_is_admin (me);
}

static gboolean
can_erase (RcrmAccountView *self)
{
  return is_admin (self) && self->erasure != NULL && g_strcmp0 (self->erasure, "off") != 0;
}

static void
update_actions (RcrmAccountView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->account != NULL;
  gboolean dirty = have && rcrm_account_form_get_dirty (self->form);

  gtk_widget_action_set_enabled (widget, "account.save", have && dirty);
  gtk_widget_action_set_enabled (widget, "account.revert", have && dirty);
  gtk_widget_action_set_enabled (widget, "account.keep-mine", have && self->theirs != NULL);
  gtk_widget_action_set_enabled (widget, "account.use-theirs", have && self->theirs != NULL);
  gtk_widget_action_set_enabled (widget, "account.new-lead", have);
  gtk_widget_action_set_enabled (widget, "account.add-contact", have);
  gtk_widget_action_set_enabled (widget, "account.erase", have && can_erase (self));
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), have && can_erase (self));
}

/* ---- the account ------------------------------------------------------------------------------ */

static void
show_header (RcrmAccountView *self)
{
  RcrmAccount *account = self->account;
  RcrmUser *owner = rcrm_catalog_lookup_user (self->catalog, rcrm_account_get_owner_id (account));
  g_autofree char *owner_text = NULL;

  gtk_label_set_text (self->name_label, rcrm_account_get_name (account));
  gtk_label_set_text (self->status_label, rcrm_account_status_label (rcrm_account_get_status (account)));
  /* Translators: who the account belongs to; %s is a person's name */
  owner_text = g_strdup_printf (_("Owner: %s"), owner != NULL ? rcrm_user_get_display_name (owner) : "—");
  gtk_label_set_text (self->owner_label, owner_text);
  g_signal_handlers_block_matched (self->favourite_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_toggle_button_set_active (self->favourite_button, rcrm_account_get_favourite (account));
  g_signal_handlers_unblock_matched (self->favourite_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->favourite_button),
                               rcrm_account_get_favourite (account) ? _("Remove from Favourites")
                                                                     : _("Add to Favourites"));
  rcrm_label_chips_set_label_ids (RCRM_LABEL_CHIPS (self->label_chips), rcrm_account_get_label_ids (account));
}

/* a new version from the server; the rows follow unless the user edited them */
static void
set_account (RcrmAccountView *self,
             RcrmAccount     *account,
             gboolean         reset_rows)
{
  g_set_object (&self->account, account);
  show_header (self);
  if (reset_rows)
    rcrm_account_form_set_account (self->form, account);
  else
    rcrm_account_form_rebase (self->form, account);
  update_actions (self);
}

typedef struct {
  RcrmAccountView *self;
  gint64           id;
} Load;

static void
on_settings (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RcrmAccountView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) settings = rcrm_client_get_settings_finish (RCRM_CLIENT (source), result, &error);
  JsonObject *erasure;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_ACCOUNT_VIEW (user_data);
  busy_pop (self);
  if (settings == NULL)
    return;   /* the page works without: no quota shown, no erasure offered */

  if (json_object_has_member (settings, "max_contacts_per_account"))
    self->max_contacts = json_object_get_int_member (settings, "max_contacts_per_account");
  erasure = json_object_has_member (settings, "erasure") ? json_object_get_object_member (settings, "erasure") : NULL;
  g_free (self->erasure);
  self->erasure = erasure != NULL && json_object_has_member (erasure, "accounts")
                  ? g_strdup (json_object_get_string_member (erasure, "accounts")) : NULL;
  update_actions (self);
  /* the quota and the erase buttons of the rows */
  if (self->contacts != NULL)
    load_contacts (self);
}

static void
on_account (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcrmAccountView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = rcrm_client_get_account_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_ACCOUNT_VIEW (user_data);
  busy_pop (self);

  if (account == NULL)
    {
      if (self->account == NULL)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        toast (self, error->message);
      return;
    }

  /* a reload keeps what the user is typing */
  set_account (self, account, self->account == NULL || !rcrm_account_form_get_dirty (self->form));
  gtk_stack_set_visible_child_name (self->stack, "account");
  /* the newest version: the window's title and the register follow */
  g_signal_emit (self, signals[ACCOUNT_CHANGED], 0, account);
}

/* ---- contacts (R11) ------------------------------------------------------------------------- */

static void
update_quota (RcrmAccountView *self)
{
  guint n = self->contacts != NULL ? self->contacts->len : 0;
  g_autofree char *text = NULL;

  if (self->max_contacts > 0)
    /* Translators: the contacts of an account and how many it may have (R11), e.g. "3 of 10" */
    text = g_strdup_printf (_("%u of %u"), n, (guint) MIN (self->max_contacts, G_MAXUINT));
  else
    text = g_strdup_printf ("%u", n);
  adw_preferences_group_set_description (self->contacts_group, text);
  gtk_widget_set_tooltip_text (self->add_contact_button,
                               self->max_contacts > 0 && n >= (guint) self->max_contacts
                               ? _("The account has the most contacts allowed: delete one to add another")
                               : _("Add Contact"));
}

static void contact_edit (RcrmAccountView *self, RcrmContact *contact);
static void contact_delete (RcrmAccountView *self, RcrmContact *contact);
static void contact_erase (RcrmAccountView *self, RcrmContact *contact);

static GtkWidget *
row_button (const char *icon,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
on_contact_button (GtkButton *button,
                   gpointer   user_data)
{
  RcrmAccountView *self = user_data;
  RcrmContact *contact = g_object_get_data (G_OBJECT (button), "contact");
  const char *what = gtk_widget_get_name (GTK_WIDGET (button));

  if (g_str_equal (what, "edit"))
    contact_edit (self, contact);
  else if (g_str_equal (what, "delete"))
    contact_delete (self, contact);
  else
    contact_erase (self, contact);
}

static GtkWidget *
contact_row (RcrmAccountView *self,
             RcrmContact     *contact)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  const char *buttons[][3] = {
    { "edit", "document-edit-symbolic", N_("Edit Contact") },
    { "delete", "user-trash-symbolic", N_("Delete Contact") },
    { "erase", "edit-clear-all-symbolic", N_("Erase Personal Data…") },
  };

  if (rcrm_contact_get_position (contact) != NULL)
    g_ptr_array_add (parts, g_strdup (rcrm_contact_get_position (contact)));
  if (rcrm_contact_get_phone (contact) != NULL)
    g_ptr_array_add (parts, rcrm_phone_format_local (rcrm_contact_get_phone (contact)));
  if (rcrm_contact_get_email (contact) != NULL)
    g_ptr_array_add (parts, g_strdup (rcrm_contact_get_email (contact)));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rcrm_contact_get_name (contact));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button;

      if (i == 2 && !can_erase (self))
        continue;
      button = row_button (buttons[i][1], _(buttons[i][2]));
      gtk_widget_set_name (button, buttons[i][0]);
      g_object_set_data_full (G_OBJECT (button), "contact", g_object_ref (contact), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_contact_button), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  g_object_set_data_full (G_OBJECT (row), "contact", g_object_ref (contact), g_object_unref);
  return row;
}

static void
show_contacts (RcrmAccountView *self)
{
  clear_list (self->contacts_list);
  for (guint i = 0; self->contacts != NULL && i < self->contacts->len; i++)
    gtk_list_box_append (self->contacts_list, contact_row (self, g_ptr_array_index (self->contacts, i)));
  if (self->contacts != NULL && self->contacts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No contacts yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->contacts_list, row);
    }
  update_quota (self);
}

static void
on_contacts (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RcrmAccountView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = rcrm_client_list_contacts_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_ACCOUNT_VIEW (user_data);
  busy_pop (self);
  if (contacts == NULL)
    {
      adw_preferences_group_set_description (self->contacts_group, error->message);
      return;
    }
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  self->contacts = g_steal_pointer (&contacts);
  show_contacts (self);
}

static void
load_contacts (RcrmAccountView *self)
{
  busy_push (self);
  rcrm_client_list_contacts_async (self->client, self->account_id, self->cancellable, on_contacts, self);
}

static void
on_contact_saved (RcrmAccountView *self,
                  RcrmContact     *contact)
{
  /* Translators: a toast; %s is the contact's name */
  g_autofree char *message = g_strdup_printf (_("Contact “%s” saved"), rcrm_contact_get_name (contact));

  toast (self, message);
  load_contacts (self);
}

static void
open_contact_dialog (RcrmAccountView *self,
                     RcrmContact     *contact)
{
  RcrmContactDialog *dialog;

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  dialog = rcrm_contact_dialog_new (parent_window (self), self->client, self->account_id, contact);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_contact_saved), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
contact_edit (RcrmAccountView *self,
              RcrmContact     *contact)
{
  open_contact_dialog (self, contact);
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_contact_dialog (RCRM_ACCOUNT_VIEW (widget), NULL);
}

static void
on_contact_deleted (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RcrmAccountView *self;
  g_autoptr(GError) error = NULL;

  rcrm_client_delete_contact_finish (RCRM_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_ACCOUNT_VIEW (user_data);
  busy_pop (self);
  toast (self, error != NULL ? error->message : _("Contact deleted"));
  load_contacts (self);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  RcrmAccountView *self = user_data;
  RcrmContact *contact = g_object_get_data (G_OBJECT (dialog), "contact");

  if (g_strcmp0 (response, "delete") != 0)
    return;
  busy_push (self);
  rcrm_client_delete_contact_async (self->client, rcrm_contact_get_id (contact), self->cancellable,
                                    on_contact_deleted, self);
}

static void
contact_delete (RcrmAccountView *self,
                RcrmContact     *contact)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("Delete Contact?"), NULL));
  /* Translators: %s is a contact's name */
  adw_message_dialog_format_body (dialog, _("“%s” will be removed from this account."),
                                  rcrm_contact_get_name (contact));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "contact", g_object_ref (contact), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- PDPA erasure (R26) ------------------------------------------------------------------- */

static void
contact_erased_cb (gpointer user_data)
{
  RcrmAccountView *self = RCRM_ACCOUNT_VIEW (user_data);

  toast (self, _("The contact's personal data was erased"));
  load_contacts (self);
}

static void
contact_erase (RcrmAccountView *self,
               RcrmContact     *contact)
{
  g_set_weak_pointer (&self->erase_dialog,
                      rcrm_erase_dialog_present (parent_window (self), self->client, "contact",
                                                 rcrm_contact_get_id (contact), rcrm_contact_get_name (contact),
                                                 self->cancellable, contact_erased_cb, self));
}

static void
account_erased_cb (gpointer user_data)
{
  RcrmAccountView *self = RCRM_ACCOUNT_VIEW (user_data);

  if (g_strcmp0 (self->erasure, "contacts_and_accounts") == 0)
    {
      g_signal_emit (self, signals[ERASED], 0, self->account_id);
      return;
    }
  /* scope "contacts": the account stays, its contacts are gone */
  toast (self, _("The personal data of the account's contacts was erased"));
  rcrm_account_view_reload (self);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RcrmAccountView *self = RCRM_ACCOUNT_VIEW (widget);

  if (self->account == NULL || !can_erase (self))
    return;
  g_set_weak_pointer (&self->erase_dialog,
                      rcrm_erase_dialog_present (parent_window (self), self->client, "account", self->account_id,
                                                 rcrm_account_get_name (self->account), self->cancellable,
                                                 account_erased_cb, self));
}

/* ---- leads and history (R3, R4) ------------------------------------------------------------- */

static void
on_lead_row (RcrmAccountView *self,
             GtkListBoxRow   *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "lead-id"));
  const char *name = g_object_get_data (G_OBJECT (row), "lead-name");

  if (id > 0)
    g_signal_emit (self, signals[LEAD_ACTIVATED], 0, id, name);
}

static GtkWidget *
lead_row (gint64      id,
          const char *name,
          const char *subtitle,
          const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL && *name != '\0' ? name : "—");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "lead-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data_full (G_OBJECT (row), "lead-name", g_strdup (name), g_free);
  return row;
}

static void
add_empty_row (GtkListBox *list,
               const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
on_leads (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RcrmAccountView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLeadPage) page = rcrm_client_list_leads_finish (RCRM_CLIENT (source), result, &error);
  g_autofree char *count = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_ACCOUNT_VIEW (user_data);
  busy_pop (self);
  clear_list (self->leads_list);
  if (page == NULL)
    {
      adw_preferences_group_set_description (self->leads_group, error->message);
      return;
    }

  count = rcrm_format_count ((guint64) MAX (page->total, 0));
  adw_preferences_group_set_description (self->leads_group, count);
  for (guint i = 0; i < page->items->len; i++)
    {
      RcrmLead *lead = g_ptr_array_index (page->items, i);
      const char *step = rcrm_catalog_get_step_name (self->catalog, rcrm_lead_get_pipeline_id (lead),
                                                     rcrm_lead_get_step (lead));
      g_autofree char *value = rcrm_format_baht (rcrm_lead_get_value (lead));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", rcrm_format_lead_state (rcrm_lead_get_state (lead)),
                                                   step != NULL ? step : "");

      gtk_list_box_append (self->leads_list,
                           lead_row (rcrm_lead_get_id (lead), rcrm_lead_get_name (lead), subtitle, value));
    }
  if (page->items->len == 0)
    add_empty_row (self->leads_list, _("No leads yet"));
}

static void
on_history (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcrmAccountView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) history = rcrm_client_get_account_history_finish (RCRM_CLIENT (source), result, &error);
  g_autofree char *total = NULL;
  g_autofree char *summary = NULL;
  JsonArray *won;
  gint64 won_count;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_ACCOUNT_VIEW (user_data);
  busy_pop (self);
  clear_list (self->history_list);
  if (history == NULL)
    {
      adw_preferences_group_set_description (self->history_group, error->message);
      return;
    }

  won = json_object_get_array_member (history, "won_leads");
  won_count = json_object_get_int_member (history, "won_count");
  total = rcrm_format_baht (json_object_get_int_member (history, "total_won"));
  /* Translators: the purchase history's summary: how many sales and their total in baht */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sale, %s in total", "%u sales, %s in total",
                                          (gulong) won_count),
                             (guint) MIN (won_count, G_MAXUINT), total);
  adw_preferences_group_set_description (self->history_group, summary);

  for (guint i = 0; i < json_array_get_length (won); i++)
    {
      JsonObject *lead = json_array_get_object_element (won, i);
      const char *closed_at = json_object_get_string_member_with_default (lead, "closed_at", NULL);
      g_autofree char *date = closed_at != NULL ? rcrm_format_date_be_short (closed_at) : g_strdup ("");
      g_autofree char *value = rcrm_format_baht (json_object_get_int_member_with_default (lead, "value", 0));
      /* Translators: when a lead was won; %s is a Buddhist-era date */
      g_autofree char *subtitle = g_strdup_printf (_("Won on %s"), date);

      gtk_list_box_append (self->history_list,
                           lead_row (json_object_get_int_member (lead, "id"),
                                     json_object_get_string_member_with_default (lead, "name", NULL),
                                     subtitle, value));
    }
  if (json_array_get_length (won) == 0)
    add_empty_row (self->history_list, won_count > 0 ? _("The won leads are not visible to you")
                                                     : _("No purchases yet"));
}

static void
load_leads (RcrmAccountView *self)
{
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();

  query->account_id = self->account_id;
  query->state = g_strdup ("all");
  query->sort = g_strdup ("-updated_at");
  query->limit = MAX_LEADS;
  busy_push (self);
  rcrm_client_list_leads_async (self->client, query, self->cancellable, on_leads, self);
  busy_push (self);
  rcrm_client_get_account_history_async (self->client, self->account_id, self->cancellable, on_history, self);
}

static void
on_lead_created (RcrmAccountView *self,
                 RcrmLead        *lead)
{
  load_leads (self);
  g_signal_emit (self, signals[LEAD_CREATED], 0, lead);
}

static void
new_lead_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RcrmAccountView *self = RCRM_ACCOUNT_VIEW (widget);
  RcrmLeadDialog *dialog;

  if (self->account == NULL)
    return;
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  dialog = rcrm_lead_dialog_new (parent_window (self), self->client, self->catalog);
  rcrm_lead_dialog_set_account (dialog, self->account);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_lead_created), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- saving (PATCH with If-Match) ---------------------------------------------------------------- */

static void save_changes (RcrmAccountView *self, JsonObject *changes);

static void
on_newest (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RcrmAccountView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) newest = rcrm_client_get_account_finish (RCRM_CLIENT (source), result, &error);
  g_autofree char *differences = NULL;
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_ACCOUNT_VIEW (user_data);
  busy_pop (self);
  if (newest == NULL)
    {
      show_error (self, error->message);
      return;
    }

  differences = rcrm_account_form_describe_conflict (self->form, newest);
  if (differences == NULL)
    {
      /* only the favourite, labels or contacts changed: save over it */
      g_autoptr(JsonObject) changes = NULL;

      set_account (self, newest, FALSE);
      changes = rcrm_account_form_collect (self->form, TRUE);
      if (changes != NULL)
        save_changes (self, changes);
      return;
    }

  g_set_object (&self->theirs, newest);
  text = g_strconcat (_("Someone else saved a newer version while you were editing. Their values and yours:"),
                      "\n", differences, NULL);
  gtk_label_set_text (self->conflict_label, text);
  gtk_revealer_set_reveal_child (self->conflict_revealer, TRUE);
  update_actions (self);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RcrmAccountView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = rcrm_client_update_account_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_ACCOUNT_VIEW (user_data);

  if (account != NULL)
    {
      busy_pop (self);
      set_account (self, account, TRUE);
      g_signal_emit (self, signals[ACCOUNT_CHANGED], 0, account);
      g_signal_emit (self, signals[ACCOUNT_SAVED], 0);
      toast (self, _("Account saved"));
      return;
    }
  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED))
    {
      /* still busy: fetch their version */
      rcrm_client_get_account_async (self->client, self->account_id, self->cancellable, on_newest, self);
      return;
    }

  busy_pop (self);
  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID))
    {
      g_autofree char *others = rcrm_account_form_show_errors (self->form, error);

      show_error (self, others);
    }
  else
    {
      show_error (self, error->message);
      toast (self, error->message);
    }
  update_actions (self);
}

static void
save_changes (RcrmAccountView *self,
              JsonObject      *changes)
{
  busy_push (self);
  rcrm_client_update_account_async (self->client, self->account_id, rcrm_account_get_version (self->account),
                                    changes, self->cancellable, on_saved, self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RcrmAccountView *self = RCRM_ACCOUNT_VIEW (widget);
  g_autoptr(JsonObject) changes = NULL;

  if (self->account == NULL)
    return;
  rcrm_account_form_clear_errors (self->form);
  show_error (self, NULL);
  changes = rcrm_account_form_collect (self->form, TRUE);
  if (changes == NULL || json_object_get_size (changes) == 0)
    return;
  save_changes (self, changes);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RcrmAccountView *self = RCRM_ACCOUNT_VIEW (widget);

  if (self->account != NULL)
    rcrm_account_form_set_account (self->form, self->account);
  show_error (self, NULL);
  update_actions (self);
}

/* the conflict: the user's edits over their version */
static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RcrmAccountView *self = RCRM_ACCOUNT_VIEW (widget);
  g_autoptr(RcrmAccount) theirs = g_steal_pointer (&self->theirs);
  g_autoptr(JsonObject) changes = NULL;

  if (theirs == NULL)
    return;
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
  set_account (self, theirs, FALSE);
  changes = rcrm_account_form_collect (self->form, TRUE);
  if (changes != NULL && json_object_get_size (changes) > 0)
    save_changes (self, changes);
}

static void
use_theirs_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RcrmAccountView *self = RCRM_ACCOUNT_VIEW (widget);
  g_autoptr(RcrmAccount) theirs = g_steal_pointer (&self->theirs);

  if (theirs == NULL)
    return;
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
  set_account (self, theirs, TRUE);
  g_signal_emit (self, signals[ACCOUNT_CHANGED], 0, theirs);
}

/* ---- favourite and labels ------------------------------------------------------------------- */

static void
on_quick_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RcrmAccountView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = rcrm_client_update_account_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = RCRM_ACCOUNT_VIEW (user_data);
  busy_pop (self);
  if (account == NULL)
    {
      const char *message = rcrm_client_error_get_field_message (error, "label_ids");

      toast (self, message != NULL ? message : error->message);
      /* the header shows the server's state again */
      show_header (self);
      if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED))
        rcrm_account_view_reload (self);
      return;
    }
  /* the rows the user is editing stay */
  set_account (self, account, FALSE);
  g_signal_emit (self, signals[ACCOUNT_CHANGED], 0, account);
  g_signal_emit (self, signals[ACCOUNT_SAVED], 0);
  rcrm_catalog_reload_labels (self->catalog);
}

static void
quick_save (RcrmAccountView *self,
            JsonObject      *changes)
{
  busy_push (self);
  rcrm_client_update_account_async (self->client, self->account_id, rcrm_account_get_version (self->account),
                                    changes, self->cancellable, on_quick_saved, self);
}

static void
on_favourite_toggled (RcrmAccountView *self)
{
  g_autoptr(JsonObject) changes = json_object_new ();

  if (self->account == NULL)
    return;
  json_object_set_boolean_member (changes, "favourite", gtk_toggle_button_get_active (self->favourite_button));
  quick_save (self, changes);
}

static void
prepare_label_picker (GtkMenuButton *button,
                      gpointer       user_data)
{
  RcrmAccountView *self = user_data;
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();

  if (self->account != NULL)
    g_ptr_array_add (sets, rcrm_account_get_label_ids (self->account));
  rcrm_label_picker_set_records (RCRM_LABEL_PICKER (gtk_menu_button_get_popover (button)), sets);
}

static void
on_labels_apply (RcrmAccountView *self,
                 GArray          *add,
                 GArray          *remove)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonObject) changes = json_object_new ();
  GArray *current;
  JsonArray *array;

  if (self->account == NULL)
    return;
  current = rcrm_account_get_label_ids (self->account);
  g_array_append_vals (ids, current->data, current->len);
  if (!rcrm_label_ids_edit (ids, add, remove))
    return;
  array = json_array_sized_new (ids->len);
  for (guint i = 0; i < ids->len; i++)
    json_array_add_int_element (array, g_array_index (ids, gint64, i));
  json_object_set_array_member (changes, "label_ids", array);
  quick_save (self, changes);
}

/* ---- loading ---------------------------------------------------------------------------------- */

static void
load (RcrmAccountView *self)
{
  busy_push (self);
  rcrm_client_get_account_async (self->client, self->account_id, self->cancellable, on_account, self);
  busy_push (self);
  rcrm_client_get_settings_async (self->client, self->cancellable, on_settings, self);
  load_contacts (self);
  load_leads (self);
}

void
rcrm_account_view_set_account_id (RcrmAccountView *self,
                                  gint64           id)
{
  g_return_if_fail (RCRM_IS_ACCOUNT_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->busy = 0;
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);

  self->account_id = id;
  g_clear_object (&self->account);
  g_clear_object (&self->theirs);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
  show_error (self, NULL);
  clear_list (self->contacts_list);
  clear_list (self->leads_list);
  clear_list (self->history_list);
  rcrm_account_form_set_account (self->form, NULL);
  update_actions (self);

  if (id <= 0)
    return;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  load (self);
}

void
rcrm_account_view_reload (RcrmAccountView *self)
{
  g_return_if_fail (RCRM_IS_ACCOUNT_VIEW (self));

  if (self->account_id > 0)
    load (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rcrm_account_view_reload (RCRM_ACCOUNT_VIEW (widget));
}

/* ---- building -------------------------------------------------------------------------------- */

static GtkListBox *
group_list (AdwPreferencesGroup *group)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (group, list);
  return GTK_LIST_BOX (list);
}

static GtkWidget *
header_button (const char *label,
               const char *icon,
               const char *action)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
build (RcrmAccountView *self)
{
  GtkWidget *scrolled, *clamp, *page, *header, *title_box, *line, *buttons, *conflict, *conflict_buttons;
  GtkWidget *button, *save_box, *picker, *loading, *spinner;
  g_autoptr(GMenu) menu = g_menu_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  loading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_vexpand (spinner, TRUE);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (loading), spinner);
  gtk_stack_add_named (self->stack, loading, "loading");

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("The Account Could Not Be Opened"));
  button = gtk_button_new_with_mnemonic (_("_Try Again"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "account.reload");
  adw_status_page_set_child (self->error_page, button);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (page, 18);
  gtk_widget_set_margin_bottom (page, 24);
  gtk_widget_set_margin_start (page, 12);
  gtk_widget_set_margin_end (page, 12);

  /* header: name, status, owner, favourite, labels, menu */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (title_box, TRUE);
  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_wrap (self->name_label, TRUE);
  gtk_label_set_selectable (self->name_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "title-2");
  gtk_box_append (GTK_BOX (title_box), GTK_WIDGET (self->name_label));
  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "heading");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->status_label));
  self->owner_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->owner_label), "dim-label");
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->owner_label));
  self->label_chips = rcrm_label_chips_new (self->catalog);
  gtk_widget_set_valign (self->label_chips, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (line), self->label_chips);
  gtk_box_append (GTK_BOX (title_box), line);
  gtk_box_append (GTK_BOX (header), title_box);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  self->favourite_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->favourite_button), "starred-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->favourite_button), "flat");
  g_signal_connect_object (self->favourite_button, "toggled", G_CALLBACK (on_favourite_toggled),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->favourite_button));
  picker = rcrm_label_picker_new (self->catalog);
  g_signal_connect_object (picker, "apply", G_CALLBACK (on_labels_apply), self, G_CONNECT_SWAPPED);
  self->labels_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->labels_button, "document-edit-symbolic");
  gtk_menu_button_set_popover (self->labels_button, picker);
  gtk_menu_button_set_create_popup_func (self->labels_button, prepare_label_picker, self, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->labels_button), _("Change Labels"));
  gtk_widget_add_css_class (GTK_WIDGET (self->labels_button), "flat");
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->labels_button));
  button = header_button (_("New _Lead"), "list-add-symbolic", "account.new-lead");
  gtk_widget_remove_css_class (button, "flat");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (buttons), button);
  g_menu_append (menu, _("_Erase Personal Data…"), "account.erase");
  self->more_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->more_button, "view-more-symbolic");
  gtk_menu_button_set_menu_model (self->more_button, G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->more_button), _("More"));
  gtk_widget_add_css_class (GTK_WIDGET (self->more_button), "flat");
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->more_button));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_prepend (GTK_BOX (buttons), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (header), buttons);
  gtk_box_append (GTK_BOX (page), header);

  /* a conflict (412) */
  conflict = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (conflict, "card");
  gtk_widget_add_css_class (conflict, "rcrm-conflict");
  self->conflict_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->conflict_label, TRUE);
  gtk_label_set_xalign (self->conflict_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->conflict_label), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->conflict_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->conflict_label), 12);
  gtk_box_append (GTK_BOX (conflict), GTK_WIDGET (self->conflict_label));
  conflict_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (conflict_buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (conflict_buttons, 12);
  gtk_widget_set_margin_end (conflict_buttons, 12);
  button = gtk_button_new_with_mnemonic (_("Use _Theirs"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "account.use-theirs");
  gtk_box_append (GTK_BOX (conflict_buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Keep Mine and Save"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "account.keep-mine");
  gtk_box_append (GTK_BOX (conflict_buttons), button);
  gtk_box_append (GTK_BOX (conflict), conflict_buttons);
  self->conflict_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->conflict_revealer, conflict);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->conflict_revealer));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->error_label));

  /* details */
  self->form = RCRM_ACCOUNT_FORM (rcrm_account_form_new (self->client));
  g_signal_connect_object (self->form, "changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->form));
  save_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (save_box, GTK_ALIGN_END);
  button = gtk_button_new_with_mnemonic (_("_Revert"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "account.revert");
  gtk_box_append (GTK_BOX (save_box), button);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "account.save");
  gtk_box_append (GTK_BOX (save_box), self->save_button);
  gtk_box_append (GTK_BOX (page), save_box);

  /* contacts */
  self->contacts_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->contacts_group, _("Contacts"));
  self->add_contact_button = header_button (_("_Add"), "list-add-symbolic", "account.add-contact");
  adw_preferences_group_set_header_suffix (self->contacts_group, self->add_contact_button);
  self->contacts_list = group_list (self->contacts_group);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->contacts_group));

  /* leads */
  self->leads_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->leads_group, _("Leads"));
  adw_preferences_group_set_header_suffix (self->leads_group,
                                           header_button (_("New _Lead"), "list-add-symbolic", "account.new-lead"));
  self->leads_list = group_list (self->leads_group);
  g_signal_connect_object (self->leads_list, "row-activated", G_CALLBACK (on_lead_row), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->leads_group));

  /* purchase history (R3) */
  self->history_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->history_group, _("Purchase History"));
  self->history_list = group_list (self->history_group);
  g_signal_connect_object (self->history_list, "row-activated", G_CALLBACK (on_lead_row), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->history_group));

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 860);
  adw_clamp_set_child (ADW_CLAMP (clamp), page);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "account");
}

/* ---- GObject ----------------------------------------------------------------------------------- */

static void
rcrm_account_view_dispose (GObject *object)
{
  RcrmAccountView *self = RCRM_ACCOUNT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);
  if (self->erase_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->erase_dialog));
  g_clear_weak_pointer (&self->erase_dialog);
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }
  g_clear_object (&self->account);
  g_clear_object (&self->theirs);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_object (&self->catalog);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rcrm_account_view_parent_class)->dispose (object);
}

static void
rcrm_account_view_finalize (GObject *object)
{
  RcrmAccountView *self = RCRM_ACCOUNT_VIEW (object);

  g_free (self->erasure);
  G_OBJECT_CLASS (rcrm_account_view_parent_class)->finalize (object);
}

static void
rcrm_account_view_class_init (RcrmAccountViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_account_view_dispose;
  object_class->finalize = rcrm_account_view_finalize;

  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ACCOUNT_CHANGED] =
    g_signal_new ("account-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RCRM_TYPE_ACCOUNT);
  signals[ACCOUNT_SAVED] =
    g_signal_new ("account-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LEAD_ACTIVATED] =
    g_signal_new ("lead-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  signals[LEAD_CREATED] =
    g_signal_new ("lead-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RCRM_TYPE_LEAD);
  signals[ERASED] =
    g_signal_new ("erased", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "account.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "account.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "account.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "account.use-theirs", NULL, use_theirs_action);
  gtk_widget_class_install_action (widget_class, "account.new-lead", NULL, new_lead_action);
  gtk_widget_class_install_action (widget_class, "account.add-contact", NULL, add_contact_action);
  gtk_widget_class_install_action (widget_class, "account.erase", NULL, erase_action);
  gtk_widget_class_install_action (widget_class, "account.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "account.save", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rcrm_account_view_init (RcrmAccountView *self)
{
}

GtkWidget *
rcrm_account_view_new (RcrmClient  *client,
                       RcrmCatalog *catalog)
{
  RcrmAccountView *self;

  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);
  g_return_val_if_fail (RCRM_IS_CATALOG (catalog), NULL);

  self = g_object_new (RCRM_TYPE_ACCOUNT_VIEW, NULL);
  self->client = g_object_ref (client);
  self->catalog = g_object_ref (catalog);
  self->cancellable = g_cancellable_new ();
  build (self);
  update_actions (self);
  return GTK_WIDGET (self);
}

gint64
rcrm_account_view_get_account_id (RcrmAccountView *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_VIEW (self), 0);
  return self->account_id;
}

RcrmAccount *
rcrm_account_view_get_account (RcrmAccountView *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_VIEW (self), NULL);
  return self->account;
}

gboolean
rcrm_account_view_get_busy (RcrmAccountView *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_VIEW (self), FALSE);
  return self->busy > 0;
}

/* ---- rcrm-app-private.h ---------------------------------------------------------------------- */

RcrmAccountForm *
rcrm_account_view_get_form (RcrmAccountView *self)
{
  return self->form;
}

GtkListBox *
rcrm_account_view_get_list (RcrmAccountView *self,
                            const char      *which)
{
  if (g_strcmp0 (which, "contacts") == 0)
    return self->contacts_list;
  if (g_strcmp0 (which, "leads") == 0)
    return self->leads_list;
  if (g_strcmp0 (which, "history") == 0)
    return self->history_list;
  return NULL;
}

AdwPreferencesGroup *
rcrm_account_view_get_group (RcrmAccountView *self,
                             const char      *which)
{
  if (g_strcmp0 (which, "contacts") == 0)
    return self->contacts_group;
  if (g_strcmp0 (which, "leads") == 0)
    return self->leads_group;
  if (g_strcmp0 (which, "history") == 0)
    return self->history_group;
  return NULL;
}

GtkRevealer *
rcrm_account_view_get_conflict_revealer (RcrmAccountView *self)
{
  return self->conflict_revealer;
}

GtkLabel *
rcrm_account_view_get_conflict_label (RcrmAccountView *self)
{
  return self->conflict_label;
}

GtkLabel *
rcrm_account_view_get_error_label (RcrmAccountView *self)
{
  return self->error_label;
}

GtkWidget *
rcrm_account_view_get_more_button (RcrmAccountView *self)
{
  return GTK_WIDGET (self->more_button);
}

GtkToggleButton *
rcrm_account_view_get_favourite_button (RcrmAccountView *self)
{
  return self->favourite_button;
}

GtkWindow *
rcrm_account_view_get_dialog (RcrmAccountView *self)
{
  return self->dialog;
}

AdwMessageDialog *
rcrm_account_view_get_erase_dialog (RcrmAccountView *self)
{
  return self->erase_dialog;
}
