/* rcrm-unfollow-dialog.c — ask for the reason to unfollow a lead (R6) */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-core.h"
#include "rcrm-unfollow-dialog.h"

struct _RcrmUnfollowDialog
{
  AdwMessageDialog      parent_instance;

  GPtrArray            *choices;  /* GtkCheckButton, one per listed reason */
  char                 *reason;
  gboolean              updating;

  AdwPreferencesGroup  *reasons_group;
  AdwEntryRow          *entry;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (RcrmUnfollowDialog, rcrm_unfollow_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update_reason (RcrmUnfollowDialog *self)
{
  const char *chosen = NULL;

  for (guint i = 0; i < self->choices->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->choices, i);

      if (gtk_check_button_get_active (check))
        chosen = g_object_get_data (G_OBJECT (check), "reason");
    }

  g_free (self->reason);
  if (chosen != NULL)
    self->reason = rcrm_text_strip (chosen);
  else
    self->reason = rcrm_text_strip (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  if (self->reason == NULL)
    self->reason = g_strdup ("");

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "unfollow", *self->reason != '\0');
}

static void
choice_toggled_cb (GtkCheckButton     *check,
                   RcrmUnfollowDialog *self)
{
  if (self->updating)
    return;
  /* a listed reason replaces the typed one */
  if (gtk_check_button_get_active (check))
    {
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      self->updating = FALSE;
    }
  update_reason (self);
}

static void
entry_changed_cb (RcrmUnfollowDialog *self)
{
  if (self->updating)
    return;
  /* typing replaces the listed reason */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->entry)) != '\0')
    {
      self->updating = TRUE;
      for (guint i = 0; i < self->choices->len; i++)
        gtk_check_button_set_active (g_ptr_array_index (self->choices, i), FALSE);
      self->updating = FALSE;
    }
  update_reason (self);
}

static void
rcrm_unfollow_dialog_dispose (GObject *object)
{
  RcrmUnfollowDialog *self = RCRM_UNFOLLOW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_UNFOLLOW_DIALOG);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (rcrm_unfollow_dialog_parent_class)->dispose (object);
}

static void
rcrm_unfollow_dialog_finalize (GObject *object)
{
  RcrmUnfollowDialog *self = RCRM_UNFOLLOW_DIALOG (object);

  g_free (self->reason);

  G_OBJECT_CLASS (rcrm_unfollow_dialog_parent_class)->finalize (object);
}

static void
rcrm_unfollow_dialog_class_init (RcrmUnfollowDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_unfollow_dialog_dispose;
  object_class->finalize = rcrm_unfollow_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-unfollow-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmUnfollowDialog, reasons_group);
  gtk_widget_class_bind_template_child (widget_class, RcrmUnfollowDialog, entry);
  gtk_widget_class_bind_template_child (widget_class, RcrmUnfollowDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
rcrm_unfollow_dialog_init (RcrmUnfollowDialog *self)
{
  self->choices = g_ptr_array_new_with_free_func (g_object_unref);
  self->reason = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
}

RcrmUnfollowDialog *
rcrm_unfollow_dialog_new (GtkWindow          *parent,
                          const char * const *reasons)
{
  RcrmUnfollowDialog *self;
  GtkCheckButton *group = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (RCRM_TYPE_UNFOLLOW_DIALOG,
                       "transient-for", parent,
                       NULL);

  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reasons[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_object_set_data_full (G_OBJECT (check), "reason", g_strdup (reasons[i]), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (choice_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->reasons_group, row);
      g_ptr_array_add (self->choices, g_object_ref (check));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reasons_group), self->choices->len > 0);
  if (self->choices->len == 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry), _("Reason"));

  return self;
}

const char *
rcrm_unfollow_dialog_get_reason (RcrmUnfollowDialog *self)
{
  g_return_val_if_fail (RCRM_IS_UNFOLLOW_DIALOG (self), NULL);
  return self->reason;
}

void
rcrm_unfollow_dialog_set_reason (RcrmUnfollowDialog *self,
                                 const char         *reason)
{
  g_return_if_fail (RCRM_IS_UNFOLLOW_DIALOG (self));

  for (guint i = 0; reason != NULL && i < self->choices->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->choices, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "reason"), reason) == 0)
        {
          gtk_check_button_set_active (check, TRUE);
          return;
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->entry), reason != NULL ? reason : "");
}

void
rcrm_unfollow_dialog_set_error (RcrmUnfollowDialog *self,
                                const char         *message)
{
  g_return_if_fail (RCRM_IS_UNFOLLOW_DIALOG (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
  if (message != NULL && *message != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

AdwEntryRow *
rcrm_unfollow_dialog_get_entry (RcrmUnfollowDialog *self)
{
  g_return_val_if_fail (RCRM_IS_UNFOLLOW_DIALOG (self), NULL);
  return self->entry;
}

GtkCheckButton *
rcrm_unfollow_dialog_get_choice (RcrmUnfollowDialog *self,
                                 guint               n)
{
  g_return_val_if_fail (RCRM_IS_UNFOLLOW_DIALOG (self), NULL);
  return n < self->choices->len ? g_ptr_array_index (self->choices, n) : NULL;
}

GtkLabel *
rcrm_unfollow_dialog_get_error_label (RcrmUnfollowDialog *self)
{
  g_return_val_if_fail (RCRM_IS_UNFOLLOW_DIALOG (self), NULL);
  return self->error_label;
}
