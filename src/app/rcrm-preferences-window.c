/* rcrm-preferences-window.c — the administrator's settings (R28)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-admin-private.h"
#include "rcrm-client-admin.h"
#include "rcrm-form-editor.h"
#include "rcrm-preferences-window.h"

/* a burst of changes (a spin button held down) goes out as one PATCH */
#define SAVE_DELAY_MS 300

static const char * const duplicate_fields[] = { "email", "phone", "tax_id" };
static const char * const duplicate_scopes[] = { "closed", "in_progress", "unfollowed" };
static const char * const duplicate_actions[] = { "allow", "disallow" };
static const char * const account_erasures[] = { "off", "contacts", "contacts_and_accounts" };

struct _RcrmPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template */
  AdwPreferencesPage  *duplicates_page;
  AdwPreferencesPage  *erasure_page;
  AdwPreferencesPage  *general_page;
  AdwPreferencesPage  *forms_page;
  GtkSwitch           *duplicates_switch;
  GtkWidget           *fields_group;
  GtkWidget           *scope_group;
  GtkWidget           *action_group;
  GtkCheckButton      *field_email_check;
  GtkCheckButton      *field_phone_check;
  GtkCheckButton      *field_tax_id_check;
  GtkCheckButton      *scope_closed_check;
  GtkCheckButton      *scope_in_progress_check;
  GtkCheckButton      *scope_unfollowed_check;
  AdwComboRow         *action_row;
  GtkSwitch           *lead_erasure_switch;
  AdwComboRow         *account_erasure_row;
  GtkSwitch           *step_back_switch;
  GtkSwitch           *visibility_switch;
  GtkSwitch           *price_edit_switch;
  GtkSpinButton       *max_contacts_spin;

  RcrmClient          *client;
  GCancellable        *cancellable;
  JsonObject          *settings;
  GtkWidget           *lead_form_editor;
  GtkWidget           *account_form_editor;
  guint                save_source;
  gboolean             loading;
  gboolean             saving;
  gboolean             filling;
  char                *last_toast;
};

G_DEFINE_FINAL_TYPE (RcrmPreferencesWindow, rcrm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
toast (RcrmPreferencesWindow *self,
       const char            *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_set_timeout (toast, 5);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
on_editor_toast (RcrmPreferencesWindow *self,
                 const char            *message)
{
  toast (self, message);
}

/* ---- reading the settings -------------------------------------------------------------- */

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
member_bool (JsonObject *object,
             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static gboolean
member_list_has (JsonObject *object,
                 const char *name,
                 const char *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) == G_TYPE_STRING && g_strcmp0 (json_node_get_string (element), value) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
index_of (const char * const *names,
          guint               n,
          const char         *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], value) == 0)
      return i;
  return 0;
}

static GtkCheckButton *
field_check (RcrmPreferencesWindow *self,
             guint                  i)
{
  GtkCheckButton *checks[] = { self->field_email_check, self->field_phone_check, self->field_tax_id_check };

  return checks[i];
}

static GtkCheckButton *
scope_check (RcrmPreferencesWindow *self,
             guint                  i)
{
  GtkCheckButton *checks[] = { self->scope_closed_check, self->scope_in_progress_check,
                               self->scope_unfollowed_check };

  return checks[i];
}

static void
update_sensitivity (RcrmPreferencesWindow *self)
{
  gboolean busy = self->loading || self->saving;
  gboolean enabled = gtk_switch_get_active (self->duplicates_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->duplicates_page), !busy && self->settings != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->erasure_page), !busy && self->settings != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->general_page), !busy && self->settings != NULL);
  gtk_widget_set_sensitive (self->fields_group, enabled);
  gtk_widget_set_sensitive (self->scope_group, enabled);
  gtk_widget_set_sensitive (self->action_group, enabled);
}

/* the controls show self->settings */
static void
fill (RcrmPreferencesWindow *self)
{
  JsonObject *duplicates = member_object (self->settings, "duplicates");
  JsonObject *erasure = member_object (self->settings, "erasure");
  JsonNode *max = self->settings != NULL ? json_object_get_member (self->settings, "max_contacts_per_account") : NULL;

  self->filling = TRUE;
  gtk_switch_set_active (self->duplicates_switch, member_bool (duplicates, "enabled"));
  for (guint i = 0; i < G_N_ELEMENTS (duplicate_fields); i++)
    gtk_check_button_set_active (field_check (self, i), member_list_has (duplicates, "fields", duplicate_fields[i]));
  for (guint i = 0; i < G_N_ELEMENTS (duplicate_scopes); i++)
    gtk_check_button_set_active (scope_check (self, i), member_list_has (duplicates, "scope", duplicate_scopes[i]));
  adw_combo_row_set_selected (self->action_row, index_of (duplicate_actions, G_N_ELEMENTS (duplicate_actions),
                                                          member_string (duplicates, "action")));
  gtk_switch_set_active (self->lead_erasure_switch, member_bool (erasure, "leads"));
  adw_combo_row_set_selected (self->account_erasure_row,
                              index_of (account_erasures, G_N_ELEMENTS (account_erasures),
                                        member_string (erasure, "accounts")));
  gtk_switch_set_active (self->step_back_switch, member_bool (self->settings, "allow_step_back"));
  gtk_switch_set_active (self->visibility_switch, member_bool (self->settings, "restrict_visibility"));
  gtk_switch_set_active (self->price_edit_switch, member_bool (self->settings, "allow_price_edit"));
  if (max != NULL && json_node_get_value_type (max) == G_TYPE_INT64)
    gtk_spin_button_set_value (self->max_contacts_spin, (double) json_node_get_int (max));
  self->filling = FALSE;

  update_sensitivity (self);
}

/* ---- loading ---------------------------------------------------------------------------- */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RcrmPreferencesWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) settings = rcrm_client_get_settings_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_PREFERENCES_WINDOW (user_data);
  self->loading = FALSE;
  if (settings == NULL)
    {
      toast (self, error->message);
      update_sensitivity (self);
      return;
    }
  g_clear_pointer (&self->settings, json_object_unref);
  self->settings = g_steal_pointer (&settings);
  fill (self);
}

static void
load (RcrmPreferencesWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  update_sensitivity (self);
  rcrm_client_get_settings_async (self->client, self->cancellable, on_loaded, self);
}

/* ---- saving ----------------------------------------------------------------------------- */

static JsonArray *
checked_list (RcrmPreferencesWindow *self,
              GtkCheckButton      *(*check) (RcrmPreferencesWindow *, guint),
              const char * const   *names,
              guint                 n)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < n; i++)
    if (gtk_check_button_get_active (check (self, i)))
      json_array_add_string_element (array, names[i]);
  return array;
}

static gboolean
lists_equal (JsonObject *object,
             const char *name,
             JsonArray  *array)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  g_autoptr(JsonNode) wanted = json_node_init_array (json_node_alloc (), array);

  return node != NULL && json_node_equal (node, wanted);
}

/* what the controls change in self->settings */
static JsonObject *
collect_changes (RcrmPreferencesWindow *self)
{
  JsonObject *changes = json_object_new ();
  JsonObject *duplicates = member_object (self->settings, "duplicates");
  JsonObject *erasure = member_object (self->settings, "erasure");
  g_autoptr(JsonArray) fields = checked_list (self, field_check, duplicate_fields, G_N_ELEMENTS (duplicate_fields));
  g_autoptr(JsonArray) scope = checked_list (self, scope_check, duplicate_scopes, G_N_ELEMENTS (duplicate_scopes));
  g_autoptr(JsonObject) dup_changes = json_object_new ();
  g_autoptr(JsonObject) erasure_changes = json_object_new ();
  const char *action = duplicate_actions[MIN (adw_combo_row_get_selected (self->action_row), 1)];
  const char *accounts = account_erasures[MIN (adw_combo_row_get_selected (self->account_erasure_row), 2)];
  gint64 max = gtk_spin_button_get_value_as_int (self->max_contacts_spin);
  JsonNode *old_max = json_object_get_member (self->settings, "max_contacts_per_account");
  const struct { const char *member; GtkSwitch *control; } switches[] = {
    { "allow_step_back", self->step_back_switch },
    { "restrict_visibility", self->visibility_switch },
    { "allow_price_edit", self->price_edit_switch },
  };

  if (gtk_switch_get_active (self->duplicates_switch) != member_bool (duplicates, "enabled"))
    json_object_set_boolean_member (dup_changes, "enabled", gtk_switch_get_active (self->duplicates_switch));
  if (!lists_equal (duplicates, "fields", fields))
    json_object_set_array_member (dup_changes, "fields", json_array_ref (fields));
  if (!lists_equal (duplicates, "scope", scope))
    json_object_set_array_member (dup_changes, "scope", json_array_ref (scope));
  if (g_strcmp0 (action, member_string (duplicates, "action")) != 0)
    json_object_set_string_member (dup_changes, "action", action);
  if (json_object_get_size (dup_changes) > 0)
    json_object_set_object_member (changes, "duplicates", json_object_ref (dup_changes));

  if (gtk_switch_get_active (self->lead_erasure_switch) != member_bool (erasure, "leads"))
    json_object_set_boolean_member (erasure_changes, "leads", gtk_switch_get_active (self->lead_erasure_switch));
  if (g_strcmp0 (accounts, member_string (erasure, "accounts")) != 0)
    json_object_set_string_member (erasure_changes, "accounts", accounts);
  if (json_object_get_size (erasure_changes) > 0)
    json_object_set_object_member (changes, "erasure", json_object_ref (erasure_changes));

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    if (gtk_switch_get_active (switches[i].control) != member_bool (self->settings, switches[i].member))
      json_object_set_boolean_member (changes, switches[i].member, gtk_switch_get_active (switches[i].control));

  if (old_max == NULL || json_node_get_value_type (old_max) != G_TYPE_INT64 || json_node_get_int (old_max) != max)
    json_object_set_int_member (changes, "max_contacts_per_account", max);

  return changes;
}

static void save (RcrmPreferencesWindow *self);

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RcrmPreferencesWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) settings = rcrm_client_update_settings_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_PREFERENCES_WINDOW (user_data);
  self->saving = FALSE;

  if (settings != NULL)
    {
      g_clear_pointer (&self->settings, json_object_unref);
      self->settings = g_steal_pointer (&settings);
      fill (self);
      toast (self, _("Settings saved"));
      return;
    }

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED))
    {
      toast (self, _("Someone else changed the settings meanwhile. They have been reloaded; make your change "
                     "again."));
      load (self);
      return;
    }

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID))
    {
      JsonObject *fields = rcrm_client_error_get_fields (error);
      g_autoptr(GList) members = fields != NULL ? json_object_get_members (fields) : NULL;
      const char *message = members != NULL ? rcrm_client_error_get_field_message (error, members->data) : NULL;

      toast (self, message != NULL ? message : error->message);
    }
  else
    toast (self, error->message);

  /* show what the server keeps */
  fill (self);
}

static void
save (RcrmPreferencesWindow *self)
{
  g_autoptr(JsonObject) changes = NULL;
  JsonNode *version;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->settings == NULL || self->saving || self->loading)
    return;

  changes = collect_changes (self);
  if (json_object_get_size (changes) == 0)
    return;

  version = json_object_get_member (self->settings, "version");
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64)
    return;

  self->saving = TRUE;
  update_sensitivity (self);
  rcrm_client_update_settings_async (self->client, json_node_get_int (version), changes, self->cancellable,
                                     on_saved, self);
}

static gboolean
save_timeout (gpointer user_data)
{
  RcrmPreferencesWindow *self = user_data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
on_control_changed (RcrmPreferencesWindow *self)
{
  if (self->filling)
    return;

  update_sensitivity (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

/* ---- GObject ------------------------------------------------------------------------------- */

static void
rcrm_preferences_window_dispose (GObject *object)
{
  RcrmPreferencesWindow *self = RCRM_PREFERENCES_WINDOW (object);

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (rcrm_preferences_window_parent_class)->dispose (object);
}

static void
rcrm_preferences_window_finalize (GObject *object)
{
  RcrmPreferencesWindow *self = RCRM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->settings, json_object_unref);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (rcrm_preferences_window_parent_class)->finalize (object);
}

static void
rcrm_preferences_window_class_init (RcrmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_preferences_window_dispose;
  object_class->finalize = rcrm_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, duplicates_page);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, erasure_page);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, general_page);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, forms_page);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, duplicates_switch);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, fields_group);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, scope_group);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, action_group);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, field_email_check);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, field_phone_check);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, field_tax_id_check);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, scope_closed_check);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, scope_in_progress_check);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, scope_unfollowed_check);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, action_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, lead_erasure_switch);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, account_erasure_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, step_back_switch);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, visibility_switch);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, price_edit_switch);
  gtk_widget_class_bind_template_child (widget_class, RcrmPreferencesWindow, max_contacts_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_control_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rcrm_preferences_window_init (RcrmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RcrmPreferencesWindow *
rcrm_preferences_window_new (GtkWindow  *parent,
                             RcrmClient *client)
{
  RcrmPreferencesWindow *self;
  GtkWidget *editor;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);

  self = g_object_new (RCRM_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->client = g_object_ref (client);

  editor = rcrm_form_editor_new (client, "lead");
  g_signal_connect_object (editor, "toast", G_CALLBACK (on_editor_toast), self, G_CONNECT_SWAPPED);
  adw_preferences_page_add (self->forms_page, ADW_PREFERENCES_GROUP (editor));
  self->lead_form_editor = editor;

  editor = rcrm_form_editor_new (client, "account");
  g_signal_connect_object (editor, "toast", G_CALLBACK (on_editor_toast), self, G_CONNECT_SWAPPED);
  adw_preferences_page_add (self->forms_page, ADW_PREFERENCES_GROUP (editor));
  self->account_form_editor = editor;

  load (self);
  return self;
}

/* ---- rcrm-admin-private.h ------------------------------------------------------------------ */

gboolean
rcrm_preferences_window_get_busy (RcrmPreferencesWindow *self)
{
  return self->loading || self->saving || self->save_source != 0;
}

JsonObject *
rcrm_preferences_window_get_settings (RcrmPreferencesWindow *self)
{
  return self->settings;
}

AdwPreferencesPage *
rcrm_preferences_window_get_page (RcrmPreferencesWindow *self,
                                  const char            *name)
{
  if (g_strcmp0 (name, "duplicates") == 0)
    return self->duplicates_page;
  if (g_strcmp0 (name, "erasure") == 0)
    return self->erasure_page;
  if (g_strcmp0 (name, "general") == 0)
    return self->general_page;
  if (g_strcmp0 (name, "forms") == 0)
    return self->forms_page;
  return NULL;
}

GtkSwitch *
rcrm_preferences_window_get_switch (RcrmPreferencesWindow *self,
                                    const char            *member)
{
  if (g_strcmp0 (member, "duplicates.enabled") == 0)
    return self->duplicates_switch;
  if (g_strcmp0 (member, "erasure.leads") == 0)
    return self->lead_erasure_switch;
  if (g_strcmp0 (member, "allow_step_back") == 0)
    return self->step_back_switch;
  if (g_strcmp0 (member, "restrict_visibility") == 0)
    return self->visibility_switch;
  if (g_strcmp0 (member, "allow_price_edit") == 0)
    return self->price_edit_switch;
  return NULL;
}

GtkCheckButton *
rcrm_preferences_window_get_check (RcrmPreferencesWindow *self,
                                   const char            *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (duplicate_fields); i++)
    {
      g_autofree char *name = g_strconcat ("duplicates.fields.", duplicate_fields[i], NULL);

      if (g_strcmp0 (member, name) == 0)
        return field_check (self, i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (duplicate_scopes); i++)
    {
      g_autofree char *name = g_strconcat ("duplicates.scope.", duplicate_scopes[i], NULL);

      if (g_strcmp0 (member, name) == 0)
        return scope_check (self, i);
    }
  return NULL;
}

AdwComboRow *
rcrm_preferences_window_get_combo (RcrmPreferencesWindow *self,
                                   const char            *member)
{
  if (g_strcmp0 (member, "duplicates.action") == 0)
    return self->action_row;
  if (g_strcmp0 (member, "erasure.accounts") == 0)
    return self->account_erasure_row;
  return NULL;
}

GtkSpinButton *
rcrm_preferences_window_get_max_contacts (RcrmPreferencesWindow *self)
{
  return self->max_contacts_spin;
}

RcrmFormEditor *
rcrm_preferences_window_get_form_editor (RcrmPreferencesWindow *self,
                                         const char            *entity)
{
  return RCRM_FORM_EDITOR (g_strcmp0 (entity, "account") == 0 ? self->account_form_editor
                                                               : self->lead_form_editor);
}

const char *
rcrm_preferences_window_get_last_toast (RcrmPreferencesWindow *self)
{
  return self->last_toast;
}
