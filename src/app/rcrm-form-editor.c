/* rcrm-form-editor.c — the form builder for custom fields (R22)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rcrm-admin-private.h"
#include "rcrm-client-admin.h"
#include "rcrm-core.h"
#include "rcrm-form-editor.h"

#define KEY_MAX 40

struct _RcrmFormEditor
{
  AdwPreferencesGroup parent_instance;

  /* template */
  GtkSpinner   *spinner;
  GtkButton    *add_button;
  GtkButton    *revert_button;
  GtkButton    *save_button;
  GtkListBox   *list;
  GtkLabel     *error_label;

  RcrmClient   *client;
  char         *entity;
  GCancellable *cancellable;
  RcrmForm     *saved;      /* as the server has it */
  RcrmForm     *form;       /* the working copy */
  gboolean      dirty;
  gboolean      busy;
  GPtrArray    *rows;       /* AdwActionRow per field, in order */
  AdwMessageDialog *field_dialog;   /* weak */
};

G_DEFINE_FINAL_TYPE (RcrmFormEditor, rcrm_form_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
type_label (RcrmFormFieldType type)
{
  switch (type)
    {
    case RCRM_FORM_FIELD_NUMBER: return _("Number");
    case RCRM_FORM_FIELD_DATE:   return _("Date");
    case RCRM_FORM_FIELD_CHOICE: return _("Choice");
    case RCRM_FORM_FIELD_TEXT:
    default:                     return _("Text");
    }
}

static void
toast (RcrmFormEditor *self,
       const char     *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static void
show_error (RcrmFormEditor *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}

static void
update_actions (RcrmFormEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->form != NULL;

  gtk_widget_action_set_enabled (widget, "form-editor.add", have && !self->busy);
  gtk_widget_action_set_enabled (widget, "form-editor.save", have && self->dirty && !self->busy);
  gtk_widget_action_set_enabled (widget, "form-editor.revert", have && self->dirty && !self->busy);
  gtk_widget_action_set_enabled (widget, "form-editor.edit", have && !self->busy);
  gtk_widget_action_set_enabled (widget, "form-editor.remove", have && !self->busy);
  gtk_widget_action_set_enabled (widget, "form-editor.move-up", have && !self->busy);
  gtk_widget_action_set_enabled (widget, "form-editor.move-down", have && !self->busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->list), !self->busy);
}

static void
set_busy (RcrmFormEditor *self,
          gboolean        busy)
{
  self->busy = busy;
  update_actions (self);
}

/* ---- the list ------------------------------------------------------------------------ */

static char *
field_subtitle (RcrmFormField *field)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char * const *choices = rcrm_form_field_get_choices (field);

  g_string_append_printf (text, "%s · %s", rcrm_form_field_get_key (field),
                          type_label (rcrm_form_field_get_field_type (field)));
  if (rcrm_form_field_get_required (field))
    g_string_append_printf (text, " · %s", _("Required"));
  if (rcrm_form_field_get_field_type (field) == RCRM_FORM_FIELD_CHOICE && choices[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (_(", "), (char **) choices);

      g_string_append_printf (text, " · %s", joined);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  return button;
}

static void
rebuild (RcrmFormEditor *self)
{
  GPtrArray *fields = self->form != NULL ? rcrm_form_get_fields (self->form) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      RcrmFormField *field = g_ptr_array_index (fields, i);
      g_autofree char *subtitle = field_subtitle (field);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *up, *down;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rcrm_form_field_get_label (field));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

      up = icon_button ("go-up-symbolic", _("Move Up"), "form-editor.move-up", i);
      down = icon_button ("go-down-symbolic", _("Move Down"), "form-editor.move-down", i);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < fields->len);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("document-edit-symbolic", _("Edit Field"), "form-editor.edit", i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("user-trash-symbolic", _("Remove Field"), "form-editor.remove", i));

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
  update_actions (self);
}

static void
changed (RcrmFormEditor *self)
{
  self->dirty = TRUE;
  show_error (self, NULL);
  rebuild (self);
}

/* ---- loading and saving ----------------------------------------------------------------- */

static void
set_saved (RcrmFormEditor *self,
           RcrmForm       *form)
{
  g_set_object (&self->saved, form);
  g_clear_object (&self->form);
  self->form = rcrm_form_copy (form);
  self->dirty = FALSE;
  rebuild (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RcrmFormEditor *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmForm) form = rcrm_client_get_form_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_FORM_EDITOR (user_data);
  set_busy (self, FALSE);
  if (form == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  set_saved (self, form);
}

void
rcrm_form_editor_reload (RcrmFormEditor *self)
{
  g_return_if_fail (RCRM_IS_FORM_EDITOR (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  rcrm_client_get_form_async (self->client, self->entity, self->cancellable, on_loaded, self);
}

/* "fields.2.key" → row 2 shows the message */
static gboolean
show_field_errors (RcrmFormEditor *self,
                   const GError   *error)
{
  JsonObject *fields = rcrm_client_error_get_fields (error);
  g_autoptr(GList) members = fields != NULL ? json_object_get_members (fields) : NULL;
  g_autoptr(GString) others = g_string_new (NULL);
  gboolean shown = FALSE;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      const char *message = rcrm_client_error_get_field_message (error, name);
      guint64 index;
      char *end = NULL;

      if (message == NULL)
        continue;
      if (g_str_has_prefix (name, "fields."))
        {
          index = g_ascii_strtoull (name + strlen ("fields."), &end, 10);
          if (end != NULL && end != name + strlen ("fields.") && index < self->rows->len)
            {
              AdwActionRow *row = g_ptr_array_index (self->rows, index);
              RcrmFormField *field = g_ptr_array_index (rcrm_form_get_fields (self->form), index);
              g_autofree char *subtitle = field_subtitle (field);
              g_autofree char *text = g_strdup_printf ("%s\n%s", message, subtitle);

              adw_action_row_set_subtitle (row, text);
              gtk_widget_add_css_class (GTK_WIDGET (row), "error");
              gtk_widget_set_tooltip_text (GTK_WIDGET (row), message);
              shown = TRUE;
              continue;
            }
        }
      if (others->len > 0)
        g_string_append_c (others, '\n');
      g_string_append (others, message);
    }

  show_error (self, others->len > 0 ? others->str : (shown ? NULL : error->message));
  return shown;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RcrmFormEditor *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmForm) form = rcrm_client_put_form_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_FORM_EDITOR (user_data);
  set_busy (self, FALSE);

  if (form != NULL)
    {
      show_error (self, NULL);
      set_saved (self, form);
      toast (self, _("Form saved"));
      return;
    }

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED))
    {
      const char *message = _("Someone else changed this form meanwhile. It has been reloaded; make your changes "
                              "again.");

      rcrm_form_editor_reload (self);
      toast (self, message);
      show_error (self, message);
      return;
    }

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID))
    {
      rebuild (self);
      show_field_errors (self, error);
      return;
    }

  show_error (self, error->message);
  toast (self, error->message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RcrmFormEditor *self = RCRM_FORM_EDITOR (widget);

  if (self->form == NULL || self->busy)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  rcrm_client_put_form_async (self->client, self->form, self->cancellable, on_saved, self);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RcrmFormEditor *self = RCRM_FORM_EDITOR (widget);

  if (self->saved != NULL)
    {
      show_error (self, NULL);
      set_saved (self, self->saved);
    }
}

/* ---- moving and removing --------------------------------------------------------------- */

static void
move (RcrmFormEditor *self,
      guint           index,
      int             delta)
{
  GPtrArray *fields;
  guint other;
  gpointer tmp;

  if (self->form == NULL)
    return;
  fields = rcrm_form_get_fields (self->form);
  if (index >= fields->len || (delta < 0 && index == 0) || (delta > 0 && index + 1 >= fields->len))
    return;

  other = delta < 0 ? index - 1 : index + 1;
  tmp = fields->pdata[index];
  fields->pdata[index] = fields->pdata[other];
  fields->pdata[other] = tmp;
  changed (self);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (RCRM_FORM_EDITOR (widget), g_variant_get_uint32 (parameter), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move (RCRM_FORM_EDITOR (widget), g_variant_get_uint32 (parameter), 1);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    RcrmFormEditor   *self)
{
  RcrmFormField *field = g_object_get_data (G_OBJECT (dialog), "rcrm-field");

  if (g_strcmp0 (response, "remove") != 0 || self->form == NULL || field == NULL)
    return;
  if (g_ptr_array_remove (rcrm_form_get_fields (self->form), field))
    changed (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RcrmFormEditor *self = RCRM_FORM_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  GPtrArray *fields = self->form != NULL ? rcrm_form_get_fields (self->form) : NULL;
  RcrmFormField *field;
  AdwMessageDialog *dialog;

  if (fields == NULL || index >= fields->len)
    return;
  field = g_ptr_array_index (fields, index);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("Remove the Field?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  /* Translators: %s is a custom field's label */
                                  _("“%s” leaves the form when you save it. Values already stored stay hidden and "
                                    "come back if a field with the same key is added again."),
                                  rcrm_form_field_get_label (field));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rcrm-field", g_object_ref (field), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  g_set_weak_pointer (&self->field_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the field dialog ----------------------------------------------------------------- */

typedef struct {
  RcrmFormEditor *editor;
  RcrmFormField  *field;       /* NULL = a new one */
  AdwEntryRow    *label_row;
  AdwEntryRow    *key_row;
  AdwComboRow    *type_row;
  GtkSwitch      *required_switch;
  GtkWidget      *choices_box;
  GtkTextView    *choices_view;
  GtkLabel       *hint;
  gboolean        key_edited;   /* the user typed a key: stop deriving it */
  gboolean        filling;
} FieldDialog;

static void
field_dialog_free (FieldDialog *fd)
{
  g_clear_object (&fd->field);
  g_free (fd);
}

/* "Contract Date" → "contract_date"; NULL when the label is not ASCII */
static char *
derive_key (const char *label)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *stripped = rcrm_text_strip (label);

  if (stripped == NULL || *stripped == '\0' || !g_str_is_ascii (stripped))
    return NULL;

  for (const char *p = stripped; *p != '\0' && key->len < KEY_MAX; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
      else if (key->len > 0 && key->str[key->len - 1] != '_')
        g_string_append_c (key, '_');
    }
  while (key->len > 0 && key->str[key->len - 1] == '_')
    g_string_truncate (key, key->len - 1);
  if (key->len == 0)
    return NULL;
  if (!g_ascii_isalpha (key->str[0]))
    g_string_prepend (key, "f_");
  g_string_truncate (key, MIN (key->len, KEY_MAX));
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
key_valid (const char *key)
{
  gsize len = key != NULL ? strlen (key) : 0;

  if (len == 0 || len > KEY_MAX || !g_ascii_islower (key[0]))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_islower (key[i]) && !g_ascii_isdigit (key[i]) && key[i] != '_')
      return FALSE;
  return TRUE;
}

static GStrv
dialog_choices (FieldDialog *fd)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (fd->choices_view);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *choice = rcrm_text_strip (lines[i]);

      if (*choice != '\0')
        g_strv_builder_add (builder, choice);
    }
  return g_strv_builder_end (builder);
}

static RcrmFormFieldType
dialog_type (FieldDialog *fd)
{
  guint selected = adw_combo_row_get_selected (fd->type_row);

  return selected <= RCRM_FORM_FIELD_CHOICE ? (RcrmFormFieldType) selected : RCRM_FORM_FIELD_TEXT;
}

/* why the dialog cannot be confirmed yet, or NULL */
static const char *
dialog_problem (FieldDialog *fd)
{
  g_autofree char *label = rcrm_text_strip (gtk_editable_get_text (GTK_EDITABLE (fd->label_row)));
  g_autofree char *key = rcrm_text_strip (gtk_editable_get_text (GTK_EDITABLE (fd->key_row)));
  GPtrArray *fields = rcrm_form_get_fields (fd->editor->form);

  if (*label == '\0')
    return _("Enter the field's name as the form shows it.");
  if (g_utf8_strlen (label, -1) > 100)
    return _("The name can have at most 100 characters.");
  if (!key_valid (key))
    return _("Enter a key of small English letters, digits and _ (it starts with a letter), for example "
             "business_type.");
  for (guint i = 0; i < fields->len; i++)
    {
      RcrmFormField *other = g_ptr_array_index (fields, i);

      if (other != fd->field && g_strcmp0 (rcrm_form_field_get_key (other), key) == 0)
        return _("Another field already has this key.");
    }
  if (dialog_type (fd) == RCRM_FORM_FIELD_CHOICE)
    {
      g_auto(GStrv) choices = dialog_choices (fd);

      if (choices[0] == NULL)
        return _("Enter the choices, one per line.");
      for (guint i = 0; choices[i] != NULL; i++)
        for (guint j = 0; j < i; j++)
          if (g_str_equal (choices[i], choices[j]))
            return _("Each choice may appear only once.");
    }
  return NULL;
}

static void
dialog_update (FieldDialog *fd)
{
  AdwMessageDialog *dialog = fd->editor->field_dialog;
  const char *problem;

  if (dialog == NULL)
    return;
  gtk_widget_set_visible (fd->choices_box, dialog_type (fd) == RCRM_FORM_FIELD_CHOICE);
  problem = dialog_problem (fd);
  gtk_label_set_text (fd->hint, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (fd->hint), problem != NULL);
  adw_message_dialog_set_response_enabled (dialog, "apply", problem == NULL);
}

static void
on_label_changed (GtkEditable *editable,
                  FieldDialog *fd)
{
  if (!fd->key_edited && fd->field == NULL)
    {
      g_autofree char *key = derive_key (gtk_editable_get_text (editable));

      fd->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (fd->key_row), key != NULL ? key : "");
      fd->filling = FALSE;
    }
  dialog_update (fd);
}

static void
on_key_changed (GtkEditable *editable,
                FieldDialog *fd)
{
  if (!fd->filling)
    fd->key_edited = TRUE;
  dialog_update (fd);
}

static void
on_dialog_changed (FieldDialog *fd)
{
  dialog_update (fd);
}

static void
on_field_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  FieldDialog *fd = g_object_get_data (G_OBJECT (dialog), "rcrm-field-dialog");
  RcrmFormEditor *self = fd->editor;
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) choices = NULL;
  RcrmFormField *field;

  if (g_strcmp0 (response, "apply") != 0 || self->form == NULL || dialog_problem (fd) != NULL)
    return;

  label = rcrm_text_strip (gtk_editable_get_text (GTK_EDITABLE (fd->label_row)));
  key = rcrm_text_strip (gtk_editable_get_text (GTK_EDITABLE (fd->key_row)));
  choices = dialog_choices (fd);

  if (fd->field != NULL)
    field = fd->field;
  else
    {
      field = rcrm_form_field_new (key, label, RCRM_FORM_FIELD_TEXT, FALSE);
      g_ptr_array_add (rcrm_form_get_fields (self->form), field);
    }
  rcrm_form_field_set_label (field, label);
  rcrm_form_field_set_key (field, key);
  rcrm_form_field_set_field_type (field, dialog_type (fd));
  rcrm_form_field_set_required (field, gtk_switch_get_active (fd->required_switch));
  rcrm_form_field_set_choices (field, dialog_type (fd) == RCRM_FORM_FIELD_CHOICE
                                      ? (const char * const *) choices : NULL);
  changed (self);
}

static AdwMessageDialog *
open_field_dialog (RcrmFormEditor *self,
                   RcrmFormField  *field)
{
  FieldDialog *fd = g_new0 (FieldDialog, 1);
  AdwMessageDialog *dialog;
  GtkWidget *box, *list, *required_row, *frame, *scrolled, *choices_label;
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  fd->editor = self;
  fd->field = field != NULL ? g_object_ref (field) : NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       field != NULL ? _("Edit Field") : _("New Field"), NULL));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, -1);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  fd->label_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fd->label_row), _("Name on the Form"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (fd->label_row));

  fd->key_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fd->key_row), _("Key (English, for the data)"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (fd->key_row));

  for (guint i = 0; i <= RCRM_FORM_FIELD_CHOICE; i++)
    gtk_string_list_append (types, type_label ((RcrmFormFieldType) i));
  fd->type_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fd->type_row), _("Type"));
  adw_combo_row_set_model (fd->type_row, G_LIST_MODEL (types));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (fd->type_row));

  required_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (required_row), _("Required"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (required_row), _("A record cannot be saved without it"));
  fd->required_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (fd->required_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (required_row), GTK_WIDGET (fd->required_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (required_row), GTK_WIDGET (fd->required_switch));
  gtk_list_box_append (GTK_LIST_BOX (list), required_row);
  gtk_box_append (GTK_BOX (box), list);

  fd->choices_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  choices_label = gtk_label_new (_("Choices, one per line:"));
  gtk_label_set_xalign (GTK_LABEL (choices_label), 0.0f);
  gtk_box_append (GTK_BOX (fd->choices_box), choices_label);
  fd->choices_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (fd->choices_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (fd->choices_view, 6);
  gtk_text_view_set_bottom_margin (fd->choices_view, 6);
  gtk_text_view_set_left_margin (fd->choices_view, 8);
  gtk_text_view_set_right_margin (fd->choices_view, 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fd->choices_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choices, one per line:"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fd->choices_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 110);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (fd->choices_box), frame);
  gtk_box_append (GTK_BOX (box), fd->choices_box);

  fd->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (fd->hint, TRUE);
  gtk_label_set_wrap_mode (fd->hint, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (fd->hint, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (fd->hint), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (fd->hint), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fd->hint));

  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "apply", field != NULL ? _("_Apply") : _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");

  if (field != NULL)
    {
      g_autofree char *joined = g_strjoinv ("\n", (char **) rcrm_form_field_get_choices (field));

      fd->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (fd->label_row), rcrm_form_field_get_label (field));
      gtk_editable_set_text (GTK_EDITABLE (fd->key_row), rcrm_form_field_get_key (field));
      adw_combo_row_set_selected (fd->type_row, rcrm_form_field_get_field_type (field));
      gtk_switch_set_active (fd->required_switch, rcrm_form_field_get_required (field));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (fd->choices_view), joined, -1);
      fd->filling = FALSE;
      fd->key_edited = TRUE;
    }

  g_object_set_data_full (G_OBJECT (dialog), "rcrm-field-dialog", fd, (GDestroyNotify) field_dialog_free);
  g_signal_connect (fd->label_row, "changed", G_CALLBACK (on_label_changed), fd);
  g_signal_connect (fd->key_row, "changed", G_CALLBACK (on_key_changed), fd);
  g_signal_connect_swapped (fd->type_row, "notify::selected", G_CALLBACK (on_dialog_changed), fd);
  g_signal_connect_swapped (gtk_text_view_get_buffer (fd->choices_view), "changed",
                            G_CALLBACK (on_dialog_changed), fd);
  g_signal_connect (dialog, "response", G_CALLBACK (on_field_response), NULL);

  g_set_weak_pointer (&self->field_dialog, dialog);
  dialog_update (fd);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (fd->label_row));
  return dialog;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RcrmFormEditor *self = RCRM_FORM_EDITOR (widget);

  if (self->form != NULL)
    open_field_dialog (self, NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RcrmFormEditor *self = RCRM_FORM_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (self->form != NULL && index < rcrm_form_get_fields (self->form)->len)
    open_field_dialog (self, g_ptr_array_index (rcrm_form_get_fields (self->form), index));
}

/* ---- GObject --------------------------------------------------------------------------- */

static void
rcrm_form_editor_dispose (GObject *object)
{
  RcrmFormEditor *self = RCRM_FORM_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  /* its FieldDialog points back here */
  if (self->field_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->field_dialog));
  g_clear_weak_pointer (&self->field_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_FORM_EDITOR);

  G_OBJECT_CLASS (rcrm_form_editor_parent_class)->dispose (object);
}

static void
rcrm_form_editor_finalize (GObject *object)
{
  RcrmFormEditor *self = RCRM_FORM_EDITOR (object);

  g_clear_object (&self->client);
  g_clear_object (&self->saved);
  g_clear_object (&self->form);
  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rcrm_form_editor_parent_class)->finalize (object);
}

static void
rcrm_form_editor_class_init (RcrmFormEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_form_editor_dispose;
  object_class->finalize = rcrm_form_editor_finalize;

  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-form-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmFormEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmFormEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmFormEditor, revert_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmFormEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmFormEditor, list);
  gtk_widget_class_bind_template_child (widget_class, RcrmFormEditor, error_label);

  gtk_widget_class_install_action (widget_class, "form-editor.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "form-editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "form-editor.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "form-editor.edit", "u", edit_action);
  gtk_widget_class_install_action (widget_class, "form-editor.remove", "u", remove_action);
  gtk_widget_class_install_action (widget_class, "form-editor.move-up", "u", move_up_action);
  gtk_widget_class_install_action (widget_class, "form-editor.move-down", "u", move_down_action);
}

static void
rcrm_form_editor_init (RcrmFormEditor *self)
{
  GtkWidget *placeholder;

  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No additional fields yet. Add one with the + button."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);
  update_actions (self);
}

GtkWidget *
rcrm_form_editor_new (RcrmClient *client,
                      const char *entity)
{
  RcrmFormEditor *self;

  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);
  g_return_val_if_fail (g_strcmp0 (entity, "lead") == 0 || g_strcmp0 (entity, "account") == 0, NULL);

  self = g_object_new (RCRM_TYPE_FORM_EDITOR, NULL);
  self->client = g_object_ref (client);
  self->entity = g_strdup (entity);
  if (g_str_equal (entity, "lead"))
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Lead Form"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Extra fields on the lead forms, in this order."));
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Customer Register Form"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("Extra fields on the account forms, in this order."));
    }
  rcrm_form_editor_reload (self);
  return GTK_WIDGET (self);
}

gboolean
rcrm_form_editor_get_busy (RcrmFormEditor *self)
{
  g_return_val_if_fail (RCRM_IS_FORM_EDITOR (self), FALSE);

  return self->busy;
}

gboolean
rcrm_form_editor_get_dirty (RcrmFormEditor *self)
{
  g_return_val_if_fail (RCRM_IS_FORM_EDITOR (self), FALSE);

  return self->dirty;
}

/* ---- rcrm-admin-private.h ------------------------------------------------------------------ */

AdwMessageDialog *
rcrm_form_editor_open_field_dialog (RcrmFormEditor *self,
                                    int             index)
{
  if (self->form == NULL)
    return NULL;
  if (index < 0)
    return open_field_dialog (self, NULL);
  if ((guint) index >= rcrm_form_get_fields (self->form)->len)
    return NULL;
  return open_field_dialog (self, g_ptr_array_index (rcrm_form_get_fields (self->form), index));
}

AdwMessageDialog *
rcrm_form_editor_get_dialog (RcrmFormEditor *self)
{
  return self->field_dialog;
}

GtkWidget *
rcrm_form_editor_get_dialog_widget (RcrmFormEditor *self,
                                    const char     *name)
{
  FieldDialog *fd;

  if (self->field_dialog == NULL)
    return NULL;
  fd = g_object_get_data (G_OBJECT (self->field_dialog), "rcrm-field-dialog");
  if (fd == NULL)
    return NULL;
  if (g_strcmp0 (name, "label") == 0)
    return GTK_WIDGET (fd->label_row);
  if (g_strcmp0 (name, "key") == 0)
    return GTK_WIDGET (fd->key_row);
  if (g_strcmp0 (name, "type") == 0)
    return GTK_WIDGET (fd->type_row);
  if (g_strcmp0 (name, "required") == 0)
    return GTK_WIDGET (fd->required_switch);
  if (g_strcmp0 (name, "choices") == 0)
    return GTK_WIDGET (fd->choices_view);
  if (g_strcmp0 (name, "hint") == 0)
    return GTK_WIDGET (fd->hint);
  return NULL;
}

RcrmForm *
rcrm_form_editor_get_form (RcrmFormEditor *self)
{
  return self->form;
}

guint
rcrm_form_editor_get_n_rows (RcrmFormEditor *self)
{
  return self->rows->len;
}

AdwActionRow *
rcrm_form_editor_get_row (RcrmFormEditor *self,
                          guint           index)
{
  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

GtkLabel *
rcrm_form_editor_get_error_label (RcrmFormEditor *self)
{
  return self->error_label;
}
