/* rcrm-window.c — the main window: sidebar, inbox, unfollowed box, lead page
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rcrm-app-private.h"
#include "rcrm-account-register.h"
#include "rcrm-account-view.h"
#include "rcrm-app-settings.h"
#include "rcrm-application.h"
#include "rcrm-inbox-page.h"
#include "rcrm-lead-dialog.h"
#include "rcrm-label-manager.h"
#include "rcrm-labels-private.h"
#include "rcrm-lead-view.h"
#include "rcrm-segment-sidebar.h"
#include "rcrm-preferences-window.h"
#include "rcrm-window.h"

struct _RcrmWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_pane;
  GtkListBox           *sidebar;
  GtkListBoxRow        *inbox_row;
  GtkListBoxRow        *unfollowed_row;
  GtkListBoxRow        *accounts_row;
  GtkWidget            *content_pane;
  AdwHeaderBar         *content_header;
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  GtkWidget            *new_lead_button;
  GtkWidget            *menu_button;
  GtkWidget            *user_box;
  AdwAvatar            *user_avatar;
  GtkLabel             *user_label;
  GtkStack             *content_stack;

  RcrmClient           *client;
  RcrmCatalog          *catalog;
  GtkWidget            *inbox_page;
  GtkWidget            *unfollowed_page;
  GtkWidget            *lead_view;
  GtkWindow            *lead_dialog;      /* weak */
  GtkWindow            *label_manager;    /* weak */
  RcrmSegmentSidebar   *segments;         /* the sidebar's segment rows (R13) */
  GtkWidget            *segment_page;     /* an inbox page showing one segment */
  RcrmSegment          *segment;          /* the segment it shows */
  GtkWindow            *preferences;      /* weak */
  GtkWidget            *register_page;    /* the account register, made when first shown */
  GtkWidget            *account_view;     /* the account page, made when first opened */
  char                 *account_title;
  gboolean              lead_from_account; /* back from the lead page goes to the account */
  char                 *list_page;        /* the list the lead page was opened from */
  char                 *lead_title;
  char                 *last_toast;
};

G_DEFINE_FINAL_TYPE (RcrmWindow, rcrm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- header and navigation -------------------------------------------------------------- */

static gboolean
showing_lead (RcrmWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "lead") == 0;
}

static gboolean
showing_account (RcrmWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "account") == 0;
}

/* a record page (lead or account): the back button returns to a list */
static gboolean
showing_record (RcrmWindow *self)
{
  return showing_lead (self) || showing_account (self);
}

static void
update_header (RcrmWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  const char *title;

  if (g_strcmp0 (page, "lead") == 0)
    title = self->lead_title != NULL && *self->lead_title != '\0' ? self->lead_title : _("Lead");
  else if (g_strcmp0 (page, "unfollowed") == 0)
    title = _("Unfollowed Leads");
  else if (g_strcmp0 (page, "segment") == 0)
    title = self->segment != NULL ? rcrm_segment_get_name (self->segment) : _("Segment");
  else if (g_strcmp0 (page, "accounts") == 0)
    title = self->register_page != NULL && self->segment != NULL
            && rcrm_account_register_get_segment (RCRM_ACCOUNT_REGISTER (self->register_page))
               == rcrm_segment_get_id (self->segment)
            ? rcrm_segment_get_name (self->segment) : _("Account Register");
  else if (g_strcmp0 (page, "account") == 0)
    title = self->account_title != NULL && *self->account_title != '\0' ? self->account_title : _("Account");
  else
    title = _("Lead Inbox");

  adw_window_title_set_title (self->window_title, title);
  gtk_widget_set_visible (self->back_button, showing_record (self) || folded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", showing_record (self) || folded);
}

/* also while unfolded: it is what a folded window shows */
static void
show_content (RcrmWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static RcrmAccountRegister *ensure_register (RcrmWindow *self);

void
rcrm_window_show_page (RcrmWindow *self,
                       const char *name)
{
  g_return_if_fail (RCRM_IS_WINDOW (self));
  g_return_if_fail (g_strcmp0 (name, "inbox") == 0 || g_strcmp0 (name, "unfollowed") == 0
                    || g_strcmp0 (name, "accounts") == 0
                    || (g_strcmp0 (name, "segment") == 0 && self->segment != NULL));

  /* name may be self->list_page itself */
  if (name != self->list_page)
    {
      g_free (self->list_page);
      self->list_page = g_strdup (name);
    }

  if (g_str_equal (self->list_page, "accounts"))
    ensure_register (self);
  gtk_stack_set_visible_child_name (self->content_stack, self->list_page);
  self->lead_from_account = FALSE;
  if (g_str_equal (self->list_page, "accounts"))
    gtk_list_box_select_row (self->sidebar, self->accounts_row);
  else if (g_str_equal (self->list_page, "segment"))
    gtk_list_box_select_row (self->sidebar,
                             rcrm_segment_sidebar_get_row (self->segments, rcrm_segment_get_id (self->segment)));
  else
    gtk_list_box_select_row (self->sidebar,
                             g_str_equal (self->list_page, "inbox") ? self->inbox_row : self->unfollowed_row);
  show_content (self);
  update_header (self);
}

/* a lead segment (R13): the segment page shows its members */
static RcrmInboxPage *ensure_segment_page (RcrmWindow *self);

static void
show_segment (RcrmWindow *self,
              gint64      id)
{
  RcrmSegment *segment = rcrm_segment_sidebar_lookup (self->segments, id);

  if (segment == NULL)
    return;
  g_set_object (&self->segment, segment);
  if (g_strcmp0 (rcrm_segment_get_entity (segment), "accounts") == 0)
    {
      /* an account segment: the register shows its members */
      rcrm_account_register_set_segment (ensure_register (self), id);
      rcrm_window_show_page (self, "accounts");
      gtk_list_box_select_row (self->sidebar, rcrm_segment_sidebar_get_row (self->segments, id));
      update_header (self);
      return;
    }
  rcrm_inbox_page_set_segment (ensure_segment_page (self), id);
  rcrm_window_show_page (self, "segment");
}

static void
on_sidebar_row_activated (RcrmWindow    *self,
                          GtkListBoxRow *row)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  if (g_str_has_prefix (name, "segment-"))
    show_segment (self, g_ascii_strtoll (name + strlen ("segment-"), NULL, 10));
  else
    {
      /* the whole register again */
      if (g_str_equal (name, "accounts") && self->register_page != NULL)
        rcrm_account_register_set_segment (RCRM_ACCOUNT_REGISTER (self->register_page), 0);
      rcrm_window_show_page (self, name);
    }
}

static RcrmLeadView *ensure_lead_view (RcrmWindow *self);

void
rcrm_window_open_lead (RcrmWindow *self,
                       gint64      id,
                       const char *title)
{
  g_return_if_fail (RCRM_IS_WINDOW (self));
  g_return_if_fail (id > 0);

  g_free (self->lead_title);
  self->lead_title = g_strdup (title);

  rcrm_lead_view_set_lead_id (ensure_lead_view (self), id);
  gtk_stack_set_visible_child_name (self->content_stack, "lead");
  show_content (self);
  update_header (self);
}

static RcrmInboxPage *
current_list (RcrmWindow *self)
{
  if (g_strcmp0 (self->list_page, "segment") == 0)
    return RCRM_INBOX_PAGE (self->segment_page);
  if (g_strcmp0 (self->list_page, "accounts") == 0)
    return RCRM_INBOX_PAGE (self->inbox_page);
  return RCRM_INBOX_PAGE (g_strcmp0 (self->list_page, "unfollowed") == 0
                          ? self->unfollowed_page : self->inbox_page);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RcrmWindow *self = RCRM_WINDOW (widget);

  if (showing_lead (self) && self->lead_from_account)
    {
      self->lead_from_account = FALSE;
      gtk_stack_set_visible_child_name (self->content_stack, "account");
      rcrm_lead_view_set_lead_id (RCRM_LEAD_VIEW (self->lead_view), 0);
      update_header (self);
    }
  else if (showing_lead (self))
    {
      rcrm_window_show_page (self, self->list_page);
      rcrm_lead_view_set_lead_id (RCRM_LEAD_VIEW (self->lead_view), 0);
    }
  else if (showing_account (self))
    rcrm_window_show_page (self, "accounts");
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RcrmWindow *self = RCRM_WINDOW (widget);

  if (showing_account (self))
    rcrm_window_show_page (self, "accounts");
  else if (showing_lead (self))
    rcrm_window_show_page (self, self->list_page);
  show_content (self);
  if (g_strcmp0 (self->list_page, "accounts") == 0)
    rcrm_account_register_focus_search (ensure_register (self));
  else
    rcrm_inbox_page_focus_search (current_list (self));
}

/* ---- toasts ------------------------------------------------------------------------------- */

void
rcrm_window_show_toast (RcrmWindow *self,
                        const char *message)
{
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_if_fail (RCRM_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);

  /* a toast's title is Pango markup in libadwaita 1.2 */
  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_toast (RcrmWindow *self,
          const char *message)
{
  rcrm_window_show_toast (self, message);
}

static void
on_catalog_error (RcrmWindow *self,
                  GError     *error)
{
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    rcrm_window_show_toast (self, error->message);
}

/* ---- leads -------------------------------------------------------------------------------- */

static void
on_lead_activated (RcrmWindow *self,
                   RcrmLead   *lead)
{
  rcrm_window_open_lead (self, rcrm_lead_get_id (lead), rcrm_lead_get_name (lead));
}

static void
on_lead_changed (RcrmWindow *self,
                 RcrmLead   *lead)
{
  rcrm_inbox_page_lead_changed (RCRM_INBOX_PAGE (self->inbox_page), lead);
  rcrm_inbox_page_lead_changed (RCRM_INBOX_PAGE (self->unfollowed_page), lead);
  if (self->segment_page != NULL)
    rcrm_inbox_page_lead_changed (RCRM_INBOX_PAGE (self->segment_page), lead);
  /* its segments' counts may have changed */
  rcrm_segment_sidebar_reload (self->segments);

  if (showing_lead (self) && rcrm_lead_get_name (lead) != NULL)
    {
      g_free (self->lead_title);
      self->lead_title = g_strdup (rcrm_lead_get_name (lead));
      update_header (self);
    }
}

/* PDPA erasure (R26): the lead is gone from the server and from every list */
static void
on_lead_erased (RcrmWindow *self,
                gint64      id)
{
  if (showing_lead (self))
    {
      rcrm_window_show_page (self, self->list_page);
      rcrm_lead_view_set_lead_id (RCRM_LEAD_VIEW (self->lead_view), 0);
    }
  rcrm_inbox_page_reload (RCRM_INBOX_PAGE (self->inbox_page));
  rcrm_inbox_page_reload (RCRM_INBOX_PAGE (self->unfollowed_page));
  if (self->segment != NULL)
    rcrm_inbox_page_reload (RCRM_INBOX_PAGE (self->segment_page));
  rcrm_window_show_toast (self, _("The lead's personal data was erased"));
}

static void
on_lead_created (RcrmWindow *self,
                 RcrmLead   *lead)
{
  g_autofree char *message = NULL;

  /* Translators: a toast; %s is the new lead's name */
  message = g_strdup_printf (_("Lead “%s” created"), rcrm_lead_get_name (lead));
  rcrm_window_show_toast (self, message);

  rcrm_inbox_page_reload (RCRM_INBOX_PAGE (self->inbox_page));
  rcrm_window_open_lead (self, rcrm_lead_get_id (lead), rcrm_lead_get_name (lead));
}

GtkWindow *
rcrm_window_new_lead (RcrmWindow *self)
{
  RcrmLeadDialog *dialog;

  g_return_val_if_fail (RCRM_IS_WINDOW (self), NULL);

  if (self->lead_dialog != NULL)
    {
      gtk_window_present (self->lead_dialog);
      return self->lead_dialog;
    }

  dialog = rcrm_lead_dialog_new (GTK_WINDOW (self), self->client, self->catalog);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_lead_created), self, G_CONNECT_SWAPPED);
  self->lead_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->lead_dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
new_lead_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  rcrm_window_new_lead (RCRM_WINDOW (widget));
}

/* ---- preferences (administrators) ------------------------------------------------------------ */

GtkWindow *
rcrm_window_show_preferences (RcrmWindow *self)
{
  RcrmUser *user;

  g_return_val_if_fail (RCRM_IS_WINDOW (self), NULL);

  user = rcrm_client_get_user (self->client);
  if (user == NULL || !rcrm_user_is_admin (user))
    return NULL;

  if (self->preferences == NULL)
    g_set_weak_pointer (&self->preferences,
                        GTK_WINDOW (rcrm_preferences_window_new (GTK_WINDOW (self), self->client)));
  gtk_window_present (self->preferences);
  return self->preferences;
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rcrm_window_show_preferences (RCRM_WINDOW (widget));
}

/* ---- labels and segments (R12, R13) ----------------------------------------------------------- */

RcrmLabelManager *
rcrm_window_open_label_manager (RcrmWindow *self)
{
  g_return_val_if_fail (RCRM_IS_WINDOW (self), NULL);

  if (self->label_manager == NULL)
    g_set_weak_pointer (&self->label_manager,
                        GTK_WINDOW (rcrm_label_manager_new (GTK_WINDOW (self), self->catalog)));
  gtk_window_present (self->label_manager);
  return RCRM_LABEL_MANAGER (self->label_manager);
}

static void
labels_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rcrm_window_open_label_manager (RCRM_WINDOW (widget));
}

static void
on_segment_created (RcrmWindow  *self,
                    RcrmSegment *segment)
{
  g_autofree char *message = NULL;

  /* Translators: a toast; %s is the new segment's name */
  message = g_strdup_printf (_("Segment “%s” saved"), rcrm_segment_get_name (segment));
  rcrm_window_show_toast (self, message);
  rcrm_segment_sidebar_reload (self->segments);
}

static void
on_segment_removed (RcrmWindow *self,
                    gint64      id)
{
  if (self->segment != NULL && rcrm_segment_get_id (self->segment) == id)
    {
      if (g_strcmp0 (self->list_page, "segment") == 0)
        rcrm_window_show_page (self, "inbox");
      if (self->segment_page != NULL)
        rcrm_inbox_page_set_segment (RCRM_INBOX_PAGE (self->segment_page), 0);
      if (self->register_page != NULL
          && rcrm_account_register_get_segment (RCRM_ACCOUNT_REGISTER (self->register_page)) == id)
        {
          rcrm_account_register_set_segment (RCRM_ACCOUNT_REGISTER (self->register_page), 0);
          if (g_strcmp0 (self->list_page, "accounts") == 0)
            rcrm_window_show_page (self, "accounts");
        }
      g_clear_object (&self->segment);
      update_header (self);
    }
}

/* labels applied or removed elsewhere change the segments' counts */
static void
on_segments_stale (RcrmWindow *self)
{
  rcrm_segment_sidebar_reload (self->segments);
}

/* the segment shown may have been renamed */
static void
on_segments_loaded (RcrmWindow *self)
{
  RcrmSegment *segment;

  if (self->segment == NULL)
    return;
  segment = rcrm_segment_sidebar_lookup (self->segments, rcrm_segment_get_id (self->segment));
  if (segment != NULL)
    g_set_object (&self->segment, segment);
  update_header (self);
}

/* ---- the signed-in user -------------------------------------------------------------------- */

static void
update_user (RcrmWindow *self)
{
  RcrmUser *user = rcrm_client_get_user (self->client);
  const char *name = user != NULL ? rcrm_user_get_display_name (user) : NULL;

  gtk_label_set_text (self->user_label, name != NULL ? name : "");
  adw_avatar_set_text (self->user_avatar, name);
  gtk_widget_set_visible (self->user_box, name != NULL);
  /* settings are for administrators only (R28) */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", user != NULL && rcrm_user_is_admin (user));
  if (user != NULL)
    {
      /* Translators: tooltip of the signed-in user's name; %s is the user name (login) */
      g_autofree char *tooltip = g_strdup_printf (_("Signed in as %s"), rcrm_user_get_username (user));

      gtk_widget_set_tooltip_text (self->user_box, tooltip);
    }
}

/* ---- GtkWindow ---------------------------------------------------------------------------- */

void
rcrm_window_save_state (RcrmWindow *self)
{
  RcrmAppSettings *settings = rcrm_app_settings_get_default ();
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  rcrm_app_settings_set_boolean (settings, "window-maximized", maximized);
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      rcrm_app_settings_set_int (settings, "window-width", width);
      rcrm_app_settings_set_int (settings, "window-height", height);
    }
}

static gboolean
rcrm_window_close_request (GtkWindow *window)
{
  rcrm_window_save_state (RCRM_WINDOW (window));

  return GTK_WINDOW_CLASS (rcrm_window_parent_class)->close_request (window);
}

/* ---- GObject ------------------------------------------------------------------------------- */

/* The page of a lead segment, made when a segment is first opened */
static RcrmInboxPage *
ensure_segment_page (RcrmWindow *self)
{
  if (self->segment_page == NULL)
    {
      self->segment_page = rcrm_inbox_page_new (self->client, self->catalog, FALSE);
      g_signal_connect_object (self->segment_page, "lead-activated", G_CALLBACK (on_lead_activated),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->segment_page, "toast", G_CALLBACK (on_toast), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->segment_page, "segment-created", G_CALLBACK (on_segment_created),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, self->segment_page, "segment");
    }
  return RCRM_INBOX_PAGE (self->segment_page);
}

/* ---- accounts (R2–R4) -------------------------------------------------------------------------- */

static RcrmAccountView *ensure_account_view (RcrmWindow *self);

void
rcrm_window_open_account (RcrmWindow *self,
                          gint64      id,
                          const char *title)
{
  g_return_if_fail (RCRM_IS_WINDOW (self));
  g_return_if_fail (id > 0);

  g_free (self->account_title);
  self->account_title = g_strdup (title);
  g_free (self->list_page);
  self->list_page = g_strdup ("accounts");
  gtk_list_box_select_row (self->sidebar, self->accounts_row);
  self->lead_from_account = FALSE;
  rcrm_account_view_set_account_id (ensure_account_view (self), id);
  gtk_stack_set_visible_child_name (self->content_stack, "account");
  show_content (self);
  update_header (self);
}

static void
on_account_activated (RcrmWindow  *self,
                      RcrmAccount *account)
{
  rcrm_window_open_account (self, rcrm_account_get_id (account), rcrm_account_get_name (account));
}

static void
on_account_changed (RcrmWindow  *self,
                    RcrmAccount *account)
{
  if (self->register_page != NULL)
    rcrm_account_register_account_changed (RCRM_ACCOUNT_REGISTER (self->register_page), account);
  g_free (self->account_title);
  self->account_title = g_strdup (rcrm_account_get_name (account));
  update_header (self);
}

/* a saved account may have joined or left a segment */
static void
on_account_saved (RcrmWindow *self)
{
  rcrm_segment_sidebar_reload (self->segments);
}

static void
on_account_lead_activated (RcrmWindow *self,
                           gint64      id,
                           const char *name)
{
  rcrm_window_open_lead (self, id, name);
  self->lead_from_account = TRUE;
}

static void
on_account_lead_created (RcrmWindow *self,
                         RcrmLead   *lead)
{
  /* Translators: a toast; %s is the new lead's name */
  g_autofree char *message = g_strdup_printf (_("Lead “%s” created"), rcrm_lead_get_name (lead));

  rcrm_window_show_toast (self, message);
  rcrm_inbox_page_reload (RCRM_INBOX_PAGE (self->inbox_page));
}

/* PDPA erasure (R26) of the account itself: it is gone from the server */
static void
on_account_erased (RcrmWindow *self,
                   gint64      id)
{
  rcrm_window_show_page (self, "accounts");
  rcrm_account_view_set_account_id (RCRM_ACCOUNT_VIEW (self->account_view), 0);
  rcrm_account_register_reload (ensure_register (self));
  rcrm_segment_sidebar_reload (self->segments);
  rcrm_window_show_toast (self, _("The account's personal data was erased"));
}

/* "Account" on the lead page */
static void
on_lead_account (RcrmWindow *self,
                 gint64      account_id)
{
  rcrm_window_open_account (self, account_id, NULL);
}

static RcrmAccountRegister *
ensure_register (RcrmWindow *self)
{
  if (self->register_page == NULL)
    {
      self->register_page = rcrm_account_register_new (self->client, self->catalog);
      g_signal_connect_object (self->register_page, "account-activated", G_CALLBACK (on_account_activated),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->register_page, "toast", G_CALLBACK (on_toast), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->register_page, "segment-created", G_CALLBACK (on_segment_created),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, self->register_page, "accounts");
    }
  return RCRM_ACCOUNT_REGISTER (self->register_page);
}

static RcrmAccountView *
ensure_account_view (RcrmWindow *self)
{
  if (self->account_view == NULL)
    {
      self->account_view = rcrm_account_view_new (self->client, self->catalog);
      g_signal_connect_object (self->account_view, "toast", G_CALLBACK (on_toast), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->account_view, "account-changed", G_CALLBACK (on_account_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->account_view, "account-saved", G_CALLBACK (on_account_saved),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->account_view, "lead-activated", G_CALLBACK (on_account_lead_activated),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->account_view, "lead-created", G_CALLBACK (on_account_lead_created),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->account_view, "erased", G_CALLBACK (on_account_erased),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->content_stack, self->account_view, "account");
    }
  return RCRM_ACCOUNT_VIEW (self->account_view);
}

/* The lead page, made when a lead is first opened: the window shows sooner */
static RcrmLeadView *
ensure_lead_view (RcrmWindow *self)
{
  if (self->lead_view == NULL)
    {
      self->lead_view = rcrm_lead_view_new (self->client);
      g_signal_connect_object (self->lead_view, "lead-changed", G_CALLBACK (on_lead_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->lead_view, "toast", G_CALLBACK (on_toast), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->lead_view, "erased", G_CALLBACK (on_lead_erased), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->lead_view, "account-activated", G_CALLBACK (on_lead_account),
                               self, G_CONNECT_SWAPPED);
      rcrm_lead_view_set_catalog (RCRM_LEAD_VIEW (self->lead_view), self->catalog);
      gtk_stack_add_named (self->content_stack, self->lead_view, "lead");
    }
  return RCRM_LEAD_VIEW (self->lead_view);
}

static void
rcrm_window_constructed (GObject *object)
{
  RcrmWindow *self = RCRM_WINDOW (object);
  RcrmAppSettings *settings = rcrm_app_settings_get_default ();
  int width, height;

  G_OBJECT_CLASS (rcrm_window_parent_class)->constructed (object);

  g_assert (self->client != NULL);

  width = rcrm_app_settings_get_int (settings, "window-width");
  height = rcrm_app_settings_get_int (settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 420));
  if (rcrm_app_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->catalog = rcrm_catalog_new (self->client);
  g_signal_connect_object (self->catalog, "error", G_CALLBACK (on_catalog_error),
                           self, G_CONNECT_SWAPPED);

  self->inbox_page = rcrm_inbox_page_new (self->client, self->catalog, FALSE);
  g_signal_connect_object (self->inbox_page, "lead-activated", G_CALLBACK (on_lead_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inbox_page, "toast", G_CALLBACK (on_toast), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->content_stack, self->inbox_page, "inbox");

  self->unfollowed_page = rcrm_inbox_page_new (self->client, self->catalog, TRUE);
  g_signal_connect_object (self->unfollowed_page, "lead-activated", G_CALLBACK (on_lead_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unfollowed_page, "toast", G_CALLBACK (on_toast), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->content_stack, self->unfollowed_page, "unfollowed");


  g_signal_connect_object (self->inbox_page, "segment-created", G_CALLBACK (on_segment_created),
                           self, G_CONNECT_SWAPPED);
  self->segments = rcrm_segment_sidebar_new (self->sidebar, self->catalog);
  g_signal_connect_object (self->segments, "toast", G_CALLBACK (on_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->segments, "segment-removed", G_CALLBACK (on_segment_removed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->segments, "loaded", G_CALLBACK (on_segments_loaded),
                           self, G_CONNECT_SWAPPED);
  /* counts change with labels (catalog reloads after the label manager) */
  g_signal_connect_object (self->catalog, "changed", G_CALLBACK (on_segments_stale), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->client, "notify::user", G_CALLBACK (update_user),
                           self, G_CONNECT_SWAPPED);
  update_user (self);

  rcrm_window_show_page (self, "inbox");
  rcrm_catalog_load (self->catalog);
}

static void
rcrm_window_dispose (GObject *object)
{
  RcrmWindow *self = RCRM_WINDOW (object);

  if (self->lead_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->lead_dialog), (gpointer *) &self->lead_dialog);
      self->lead_dialog = NULL;
    }
  if (self->preferences != NULL)
    gtk_window_destroy (self->preferences);
  g_clear_weak_pointer (&self->preferences);

  if (self->label_manager != NULL)
    gtk_window_destroy (self->label_manager);
  g_clear_weak_pointer (&self->label_manager);
  g_clear_object (&self->segments);
  g_clear_object (&self->segment);

  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_WINDOW);

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rcrm_window_parent_class)->dispose (object);
}

static void
rcrm_window_finalize (GObject *object)
{
  RcrmWindow *self = RCRM_WINDOW (object);

  g_clear_pointer (&self->list_page, g_free);
  g_clear_pointer (&self->lead_title, g_free);
  g_clear_pointer (&self->account_title, g_free);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (rcrm_window_parent_class)->finalize (object);
}

static void
rcrm_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RcrmWindow *self = RCRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RcrmWindow *self = RCRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_window_class_init (RcrmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rcrm_window_constructed;
  object_class->dispose = rcrm_window_dispose;
  object_class->finalize = rcrm_window_finalize;
  object_class->get_property = rcrm_window_get_property;
  object_class->set_property = rcrm_window_set_property;
  window_class->close_request = rcrm_window_close_request;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RCRM_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RCRM_TYPE_INBOX_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, inbox_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, unfollowed_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, accounts_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, new_lead_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, user_box);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, user_avatar);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, user_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, update_header);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-lead", NULL, new_lead_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.labels", NULL, labels_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-lead", NULL);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);

  rcrm_app_ensure_resources ();
}

static void
rcrm_window_init (RcrmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- public --------------------------------------------------------------------------------- */

RcrmWindow *
rcrm_window_new (GtkApplication *application,
                 RcrmClient     *client)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);

  return g_object_new (RCRM_TYPE_WINDOW,
                       "application", application,
                       "client", client,
                       NULL);
}

RcrmClient *
rcrm_window_get_client (RcrmWindow *self)
{
  g_return_val_if_fail (RCRM_IS_WINDOW (self), NULL);

  return self->client;
}

RcrmCatalog *
rcrm_window_get_catalog (RcrmWindow *self)
{
  g_return_val_if_fail (RCRM_IS_WINDOW (self), NULL);

  return self->catalog;
}

/* ---- rcrm-app-private.h -------------------------------------------------------------------- */

RcrmInboxPage *
rcrm_window_get_inbox_page (RcrmWindow *self)
{
  return RCRM_INBOX_PAGE (self->inbox_page);
}

RcrmInboxPage *
rcrm_window_get_unfollowed_page (RcrmWindow *self)
{
  return RCRM_INBOX_PAGE (self->unfollowed_page);
}

GtkWidget *
rcrm_window_get_lead_view (RcrmWindow *self)
{
  ensure_lead_view (self);
  return self->lead_view;
}

GtkStack *
rcrm_window_get_content_stack (RcrmWindow *self)
{
  return self->content_stack;
}

GtkListBox *
rcrm_window_get_sidebar (RcrmWindow *self)
{
  return self->sidebar;
}

AdwLeaflet *
rcrm_window_get_leaflet (RcrmWindow *self)
{
  return self->leaflet;
}

AdwToastOverlay *
rcrm_window_get_toast_overlay (RcrmWindow *self)
{
  return self->toast_overlay;
}

GtkLabel *
rcrm_window_get_user_label (RcrmWindow *self)
{
  return self->user_label;
}

AdwWindowTitle *
rcrm_window_get_title_widget (RcrmWindow *self)
{
  return self->window_title;
}

const char *
rcrm_window_get_last_toast (RcrmWindow *self)
{
  return self->last_toast;
}

GtkWindow *
rcrm_window_get_lead_dialog (RcrmWindow *self)
{
  return self->lead_dialog;
}

/* ---- rcrm-labels-private.h --------------------------------------------------------------- */

RcrmLabelManager *
rcrm_window_get_label_manager (RcrmWindow *self)
{
  return self->label_manager != NULL ? RCRM_LABEL_MANAGER (self->label_manager) : NULL;
}

GtkListBox *
rcrm_window_get_segment_list (RcrmWindow *self)
{
  return self->sidebar;
}

RcrmInboxPage *
rcrm_window_get_segment_page (RcrmWindow *self)
{
  return ensure_segment_page (self);
}

RcrmSegmentSidebar *
rcrm_window_get_segment_sidebar (RcrmWindow *self)
{
  return self->segments;
}

/* ---- accounts, for the UI tests -------------------------------------------------------- */

RcrmAccountRegister *
rcrm_window_get_account_register (RcrmWindow *self)
{
  return ensure_register (self);
}

RcrmAccountView *
rcrm_window_get_account_view (RcrmWindow *self)
{
  return ensure_account_view (self);
}
