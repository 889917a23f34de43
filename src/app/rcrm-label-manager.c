/* rcrm-label-manager.c — the label manager (จัดการป้ายกำกับ, R12)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-client-labels.h"
#include "rcrm-label-manager.h"
#include "rcrm-labels-private.h"

/* GNOME's palette */
static const char * const palette_colors[] = {
  "#E01B24", "#FF7800", "#F6D32D", "#33D17A", "#2EC27E",
  "#3584E4", "#1C71D8", "#9141AC", "#C061CB", "#986A44",
  "#77767B", "#241F31",
};

struct _RcrmLabelManager
{
  AdwWindow             parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *save_button;
  GtkSpinner           *spinner;
  GtkStack             *stack;
  AdwPreferencesGroup  *system_group;
  AdwPreferencesGroup  *mine_group;
  GtkWidget            *new_system_button;
  GtkWidget            *new_mine_button;
  AdwEntryRow          *name_row;
  GtkFlowBox           *palette;
  GtkLabel             *error_label;

  RcrmCatalog          *catalog;
  RcrmClient           *client;
  GCancellable         *cancellable;
  GPtrArray            *labels;        /* RcrmLabel, with usage */
  GPtrArray            *rows;          /* the rows in the groups */
  GHashTable           *rows_by_id;    /* gint64* → AdwActionRow */
  GtkToggleButton      *first_swatch;  /* the palette's group */
  RcrmLabel            *editing;       /* NULL = a new label */
  gboolean              editing_system;
  guint                 busy;
  AdwMessageDialog     *delete_dialog; /* weak */
};

G_DEFINE_FINAL_TYPE (RcrmLabelManager, rcrm_label_manager, ADW_TYPE_WINDOW)

static gboolean
is_admin (RcrmLabelManager *self)
{
  RcrmUser *me = rcrm_catalog_get_me (self->catalog);

  return me != NULL && rcrm_user_is_admin (me);
}

static gboolean
can_edit (RcrmLabelManager *self,
          RcrmLabel        *label)
{
  return !rcrm_label_is_system (label) || is_admin (self);
}

static void
set_busy (RcrmLabelManager *self,
          gboolean          busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy > 0);
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_set_sensitive (self->save_button, self->busy == 0);
}

static void
show_toast (RcrmLabelManager *self,
            const char       *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

char *
rcrm_label_usage_text (gint64 leads,
                       gint64 accounts)
{
  g_autofree char *leads_text = NULL;
  g_autofree char *accounts_text = NULL;

  if (leads == 0 && accounts == 0)
    return g_strdup (_("Not used yet"));

  /* Translators: part of "Used on %s, %s"; %ld is a number */
  leads_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld lead", "%ld leads", leads), (long) leads);
  /* Translators: part of "Used on %s, %s"; %ld is a number */
  accounts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld account", "%ld accounts", accounts),
                                   (long) accounts);
  /* Translators: a label's usage; the first %s is "N leads", the second "M accounts" */
  return g_strdup_printf (_("Used on %s, %s"), leads_text, accounts_text);
}

/* ---- the list ------------------------------------------------------------------------ */

static void start_edit (RcrmLabelManager *self, RcrmLabel *label, gboolean system);
static void request_delete (RcrmLabelManager *self, RcrmLabel *label);

static void
on_edit_clicked (GtkButton        *button,
                 RcrmLabelManager *self)
{
  start_edit (self, g_object_get_data (G_OBJECT (button), "rcrm-label"), FALSE);
}

static void
on_delete_clicked (GtkButton        *button,
                   RcrmLabelManager *self)
{
  request_delete (self, g_object_get_data (G_OBJECT (button), "rcrm-label"));
}

static GtkWidget *
make_swatch_label (const char *color,
                   const char *size)
{
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\" size=\"%s\">●</span>", color, size);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  return label;
}

static GtkWidget *
make_row (RcrmLabelManager *self,
          RcrmLabel        *label)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *usage = NULL;
  gint64 leads = 0, accounts = 0;

  rcrm_label_get_usage (label, &leads, &accounts);
  usage = rcrm_label_usage_text (leads, accounts);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rcrm_label_get_name (label));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), usage);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), make_swatch_label (rcrm_label_get_color (label), "x-large"));

  if (can_edit (self, label))
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_tooltip_text (edit, _("Rename or Recolour"));
      gtk_widget_set_tooltip_text (delete, _("Delete"));
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_add_css_class (delete, "flat");
      g_object_set_data_full (G_OBJECT (edit), "rcrm-label", g_object_ref (label), g_object_unref);
      g_object_set_data_full (G_OBJECT (delete), "rcrm-label", g_object_ref (label), g_object_unref);
      g_signal_connect (edit, "clicked", G_CALLBACK (on_edit_clicked), self);
      g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      g_object_set_data (G_OBJECT (row), "rcrm-edit-button", edit);
      g_object_set_data (G_OBJECT (row), "rcrm-delete-button", delete);
    }
  return row;
}

static GtkWidget *
make_empty_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
fill_groups (RcrmLabelManager *self)
{
  guint n_system = 0, n_mine = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (g_object_get_data (G_OBJECT (row), "rcrm-group")), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->rows_by_id);

  for (guint i = 0; self->labels != NULL && i < self->labels->len; i++)
    {
      RcrmLabel *label = g_ptr_array_index (self->labels, i);
      AdwPreferencesGroup *group = rcrm_label_is_system (label) ? self->system_group : self->mine_group;
      GtkWidget *row = make_row (self, label);
      gint64 id = rcrm_label_get_id (label);

      g_object_set_data (G_OBJECT (row), "rcrm-group", group);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows, row);
      g_hash_table_insert (self->rows_by_id, g_memdup2 (&id, sizeof id), row);
      if (rcrm_label_is_system (label))
        n_system++;
      else
        n_mine++;
    }

  if (self->labels != NULL && n_system == 0)
    {
      GtkWidget *row = make_empty_row (_("No system labels"));

      g_object_set_data (G_OBJECT (row), "rcrm-group", self->system_group);
      adw_preferences_group_add (self->system_group, row);
      g_ptr_array_add (self->rows, row);
    }
  if (self->labels != NULL && n_mine == 0)
    {
      GtkWidget *row = make_empty_row (_("No labels of your own yet"));

      g_object_set_data (G_OBJECT (row), "rcrm-group", self->mine_group);
      adw_preferences_group_add (self->mine_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
update_permissions (RcrmLabelManager *self)
{
  gboolean admin = is_admin (self);

  gtk_widget_set_visible (self->new_system_button, admin);
  adw_preferences_group_set_description (self->system_group,
                                         admin ? _("Everyone sees system labels.")
                                               : _("Everyone sees system labels; only administrators change them."));
}

static void
on_labels (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RcrmLabelManager *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = rcrm_client_list_labels_usage_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (labels == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  self->labels = g_steal_pointer (&labels);
  update_permissions (self);
  fill_groups (self);
}

void
rcrm_label_manager_reload (RcrmLabelManager *self)
{
  g_return_if_fail (RCRM_IS_LABEL_MANAGER (self));

  set_busy (self, TRUE);
  rcrm_client_list_labels_usage_async (self->client, self->cancellable, on_labels, self);
}

/* after a change: this list, and the catalog for every page */
static void
changed (RcrmLabelManager *self)
{
  rcrm_label_manager_reload (self);
  rcrm_catalog_reload_labels (self->catalog);
}

/* ---- the editor ------------------------------------------------------------------------ */

static GtkWidget *
add_swatch (RcrmLabelManager *self,
            const char       *color)
{
  GtkWidget *button = gtk_toggle_button_new ();

  gtk_button_set_child (GTK_BUTTON (button), make_swatch_label (color, "xx-large"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "rcrm-swatch");
  gtk_widget_set_tooltip_text (button, color);
  g_object_set_data_full (G_OBJECT (button), "rcrm-color", g_strdup (color), g_free);
  if (self->first_swatch == NULL)
    self->first_swatch = GTK_TOGGLE_BUTTON (button);
  else
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->first_swatch);
  gtk_flow_box_append (self->palette, button);
  return button;
}

static GtkToggleButton *
find_swatch (RcrmLabelManager *self,
             const char       *color)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->palette));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (g_ascii_strcasecmp (g_object_get_data (G_OBJECT (button), "rcrm-color"), color) == 0)
        return GTK_TOGGLE_BUTTON (button);
    }
  return NULL;
}

static const char *
selected_color (RcrmLabelManager *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->palette));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
        return g_object_get_data (G_OBJECT (button), "rcrm-color");
    }
  return NULL;
}

gboolean
rcrm_label_manager_select_color (RcrmLabelManager *self,
                                 const char       *color)
{
  GtkToggleButton *swatch = find_swatch (self, color);

  if (swatch == NULL)
    swatch = GTK_TOGGLE_BUTTON (add_swatch (self, color));
  gtk_toggle_button_set_active (swatch, TRUE);
  return TRUE;
}

static void
show_error (RcrmLabelManager *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

static void
show_page (RcrmLabelManager *self,
           gboolean          editing)
{
  gtk_stack_set_visible_child_name (self->stack, editing ? "edit" : "list");
  gtk_widget_set_visible (self->cancel_button, editing);
  gtk_widget_set_visible (self->save_button, editing);
  if (!editing)
    adw_window_title_set_title (self->window_title, _("Label Manager"));
}

static void
start_edit (RcrmLabelManager *self,
            RcrmLabel        *label,
            gboolean          system)
{
  g_set_object (&self->editing, label);
  self->editing_system = label != NULL ? rcrm_label_is_system (label) : system;

  if (label != NULL)
    adw_window_title_set_title (self->window_title, _("Edit Label"));
  else if (system)
    adw_window_title_set_title (self->window_title, _("New System Label"));
  else
    adw_window_title_set_title (self->window_title, _("New Label"));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), label != NULL ? rcrm_label_get_name (label) : "");
  rcrm_label_manager_select_color (self, label != NULL ? rcrm_label_get_color (label) : palette_colors[5]);
  show_error (self, NULL);
  show_page (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
on_cancel_clicked (RcrmLabelManager *self)
{
  g_clear_object (&self->editing);
  show_error (self, NULL);
  show_page (self, FALSE);
}

static void
on_new_system_clicked (RcrmLabelManager *self)
{
  start_edit (self, NULL, TRUE);
}

static void
on_new_mine_clicked (RcrmLabelManager *self)
{
  start_edit (self, NULL, FALSE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RcrmLabelManager *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLabel) label = NULL;
  const char *message;

  if (g_task_get_source_tag (G_TASK (result)) == rcrm_client_create_label_async)
    label = rcrm_client_create_label_finish (RCRM_CLIENT (source), result, &error);
  else
    label = rcrm_client_update_label_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);

  if (label == NULL)
    {
      /* what the user typed stays; the server says what is wrong */
      if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED))
        message = _("Someone else changed this label meanwhile. Cancel to see the current one, then try again.");
      else
        {
          message = rcrm_client_error_get_field_message (error, "name");
          if (message == NULL)
            message = rcrm_client_error_get_field_message (error, "color");
          if (message == NULL)
            message = error->message;
        }
      show_error (self, message);
      return;
    }

  show_toast (self, self->editing != NULL ? _("Label saved") : _("Label created"));
  g_clear_object (&self->editing);
  show_page (self, FALSE);
  changed (self);
}

void
rcrm_label_manager_save (RcrmLabelManager *self)
{
  g_autofree char *name = NULL;
  const char *color;

  g_return_if_fail (RCRM_IS_LABEL_MANAGER (self));

  if (self->busy > 0 || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") != 0)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  color = selected_color (self);
  if (*name == '\0')
    {
      show_error (self, _("Enter a name for the label."));
      return;
    }
  if (color == NULL)
    {
      show_error (self, _("Choose a colour."));
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);
  if (self->editing == NULL)
    rcrm_client_create_label_async (self->client, name, color, self->editing_system,
                                    self->cancellable, on_saved, self);
  else
    rcrm_client_update_label_async (self->client, rcrm_label_get_id (self->editing),
                                    rcrm_label_get_version (self->editing),
                                    g_strcmp0 (name, rcrm_label_get_name (self->editing)) != 0 ? name : NULL,
                                    g_ascii_strcasecmp (color, rcrm_label_get_color (self->editing)) != 0 ? color : NULL,
                                    self->cancellable, on_saved, self);
}

/* ---- deleting ------------------------------------------------------------------------ */

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcrmLabelManager *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rcrm_client_delete_label_finish (RCRM_CLIENT (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (error != NULL)
    show_toast (self, error->message);
  else
    show_toast (self, _("Label deleted"));
  changed (self);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    RcrmLabelManager *self)
{
  RcrmLabel *label = g_object_get_data (G_OBJECT (dialog), "rcrm-label");

  if (g_strcmp0 (response, "delete") != 0)
    return;
  set_busy (self, TRUE);
  rcrm_client_delete_label_async (self->client, rcrm_label_get_id (label), self->cancellable, on_deleted, self);
}

static void
request_delete (RcrmLabelManager *self,
                RcrmLabel        *label)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  gint64 leads = 0, accounts = 0;

  rcrm_label_get_usage (label, &leads, &accounts);
  /* Translators: a confirmation's heading; %s is a label's name */
  heading = g_strdup_printf (_("Delete Label “%s”?"), rcrm_label_get_name (label));
  if (leads == 0 && accounts == 0)
    body = g_strdup (_("No lead or account carries this label."));
  else
    {
      g_autofree char *usage = rcrm_label_usage_text (leads, accounts);

      /* Translators: %s is "Used on N leads, M accounts" */
      body = g_strdup_printf (_("%s. The label will be removed from all of them and from saved segments."), usage);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rcrm-label", g_object_ref (label), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);

  if (self->delete_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->delete_dialog), (gpointer *) &self->delete_dialog);
  self->delete_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->delete_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
rcrm_label_manager_dispose (GObject *object)
{
  RcrmLabelManager *self = RCRM_LABEL_MANAGER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->delete_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->delete_dialog), (gpointer *) &self->delete_dialog);
      self->delete_dialog = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_LABEL_MANAGER);

  g_clear_object (&self->editing);
  g_clear_object (&self->catalog);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rcrm_label_manager_parent_class)->dispose (object);
}

static void
rcrm_label_manager_finalize (GObject *object)
{
  RcrmLabelManager *self = RCRM_LABEL_MANAGER (object);

  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->rows_by_id, g_hash_table_unref);

  G_OBJECT_CLASS (rcrm_label_manager_parent_class)->finalize (object);
}

static void
rcrm_label_manager_class_init (RcrmLabelManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_label_manager_dispose;
  object_class->finalize = rcrm_label_manager_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-label-manager.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, window_title);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, save_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, stack);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, system_group);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, mine_group);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, new_system_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, new_mine_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, name_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, palette);
  gtk_widget_class_bind_template_child (widget_class, RcrmLabelManager, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_system_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_new_mine_clicked);
  gtk_widget_class_bind_template_callback (widget_class, rcrm_label_manager_save);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* the chosen swatch gets a ring (once per display) */
static void
ensure_swatch_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "rcrm-swatch-style") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   "button.rcrm-swatch:checked {"
                                   "  box-shadow: inset 0 0 0 2px @accent_color;"
                                   "  background: alpha(@accent_color, 0.12);"
                                   "}", -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "rcrm-swatch-style", g_steal_pointer (&provider), g_object_unref);
}

static void
rcrm_label_manager_init (RcrmLabelManager *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_swatch_style (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->rows_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (palette_colors); i++)
    add_swatch (self, palette_colors[i]);
}

RcrmLabelManager *
rcrm_label_manager_new (GtkWindow   *parent,
                        RcrmCatalog *catalog)
{
  RcrmLabelManager *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RCRM_IS_CATALOG (catalog), NULL);

  self = g_object_new (RCRM_TYPE_LABEL_MANAGER,
                       "transient-for", parent,
                       NULL);
  self->catalog = g_object_ref (catalog);
  self->client = g_object_ref (rcrm_catalog_get_client (catalog));
  update_permissions (self);
  rcrm_label_manager_reload (self);
  return self;
}

/* ---- rcrm-labels-private.h ------------------------------------------------------------ */

AdwPreferencesGroup *
rcrm_label_manager_get_group (RcrmLabelManager *self,
                              gboolean          system)
{
  return system ? self->system_group : self->mine_group;
}

AdwActionRow *
rcrm_label_manager_get_row (RcrmLabelManager *self,
                            gint64            label_id)
{
  return g_hash_table_lookup (self->rows_by_id, &label_id);
}

GtkButton *
rcrm_label_manager_get_row_button (RcrmLabelManager *self,
                                   gint64            label_id,
                                   const char       *which)
{
  AdwActionRow *row = rcrm_label_manager_get_row (self, label_id);

  if (row == NULL)
    return NULL;
  return g_object_get_data (G_OBJECT (row), g_str_equal (which, "edit") ? "rcrm-edit-button" : "rcrm-delete-button");
}

GtkWidget *
rcrm_label_manager_get_new_button (RcrmLabelManager *self,
                                   gboolean          system)
{
  return system ? self->new_system_button : self->new_mine_button;
}

gboolean
rcrm_label_manager_get_busy (RcrmLabelManager *self)
{
  return self->busy > 0;
}

GPtrArray *
rcrm_label_manager_get_labels (RcrmLabelManager *self)
{
  return self->labels;
}

AdwEntryRow *
rcrm_label_manager_get_name_row (RcrmLabelManager *self)
{
  return self->name_row;
}

GtkLabel *
rcrm_label_manager_get_error_label (RcrmLabelManager *self)
{
  return self->error_label;
}

GtkStack *
rcrm_label_manager_get_stack (RcrmLabelManager *self)
{
  return self->stack;
}

AdwMessageDialog *
rcrm_label_manager_get_delete_dialog (RcrmLabelManager *self)
{
  return self->delete_dialog;
}
