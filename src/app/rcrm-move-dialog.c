/* rcrm-move-dialog.c — choose a pipeline and a step to move a lead to (R8, R9) */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-move-dialog.h"
#include "rcrm-pipeline.h"

struct _RcrmMoveDialog
{
  AdwMessageDialog  parent_instance;

  GPtrArray        *pipelines;
  gint64            current_pipeline_id;
  guint             current_step;
  gboolean          filling;

  AdwComboRow      *pipeline_row;
  AdwComboRow      *step_row;
};

G_DEFINE_FINAL_TYPE (RcrmMoveDialog, rcrm_move_dialog, ADW_TYPE_MESSAGE_DIALOG)

static RcrmPipeline *
selected_pipeline (RcrmMoveDialog *self)
{
  guint i = adw_combo_row_get_selected (self->pipeline_row);

  if (self->pipelines == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->pipelines->len)
    return NULL;
  return g_ptr_array_index (self->pipelines, i);
}

static void
update_response (RcrmMoveDialog *self)
{
  RcrmPipeline *pipeline = selected_pipeline (self);
  guint step = adw_combo_row_get_selected (self->step_row);
  gboolean enabled;

  enabled = pipeline != NULL && step != GTK_INVALID_LIST_POSITION
            && step < rcrm_pipeline_get_n_steps (pipeline)
            && (rcrm_pipeline_get_id (pipeline) != self->current_pipeline_id
                || step != self->current_step);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "move", enabled);
}

static void
fill_steps (RcrmMoveDialog *self)
{
  RcrmPipeline *pipeline = selected_pipeline (self);
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);
  guint n = pipeline != NULL ? rcrm_pipeline_get_n_steps (pipeline) : 0;

  for (guint i = 0; i < n; i++)
    {
      /* Translators: a step in a list: its 1-based number and its name */
      g_autofree char *item = g_strdup_printf (_("%u. %s"), i + 1, rcrm_pipeline_get_step_name (pipeline, i));

      gtk_string_list_append (steps, item);
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->step_row, G_LIST_MODEL (steps));
  if (pipeline != NULL && rcrm_pipeline_get_id (pipeline) == self->current_pipeline_id
      && self->current_step < n)
    adw_combo_row_set_selected (self->step_row, self->current_step);
  else if (n > 0)
    adw_combo_row_set_selected (self->step_row, 0);
  self->filling = FALSE;

  update_response (self);
}

static void
pipeline_selected_cb (RcrmMoveDialog *self)
{
  if (!self->filling)
    fill_steps (self);
}

static void
step_selected_cb (RcrmMoveDialog *self)
{
  if (!self->filling)
    update_response (self);
}

static void
rcrm_move_dialog_dispose (GObject *object)
{
  RcrmMoveDialog *self = RCRM_MOVE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_MOVE_DIALOG);
  g_clear_pointer (&self->pipelines, g_ptr_array_unref);

  G_OBJECT_CLASS (rcrm_move_dialog_parent_class)->dispose (object);
}

static void
rcrm_move_dialog_class_init (RcrmMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_move_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmMoveDialog, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmMoveDialog, step_row);
  gtk_widget_class_bind_template_callback (widget_class, pipeline_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_selected_cb);
}

static void
rcrm_move_dialog_init (RcrmMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RcrmMoveDialog *
rcrm_move_dialog_new (GtkWindow *parent,
                      GPtrArray *pipelines,
                      gint64     pipeline_id,
                      guint      step)
{
  RcrmMoveDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (pipelines != NULL, NULL);

  self = g_object_new (RCRM_TYPE_MOVE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->pipelines = g_ptr_array_ref (pipelines);
  self->current_pipeline_id = pipeline_id;
  self->current_step = step;

  for (guint i = 0; i < pipelines->len; i++)
    {
      RcrmPipeline *pipeline = g_ptr_array_index (pipelines, i);

      gtk_string_list_append (names, rcrm_pipeline_get_name (pipeline));
      if (rcrm_pipeline_get_id (pipeline) == pipeline_id)
        selected = i;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->pipeline_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->pipeline_row, selected);
  self->filling = FALSE;
  fill_steps (self);

  return self;
}

gint64
rcrm_move_dialog_get_pipeline_id (RcrmMoveDialog *self)
{
  RcrmPipeline *pipeline;

  g_return_val_if_fail (RCRM_IS_MOVE_DIALOG (self), 0);
  pipeline = selected_pipeline (self);
  return pipeline != NULL ? rcrm_pipeline_get_id (pipeline) : 0;
}

guint
rcrm_move_dialog_get_step (RcrmMoveDialog *self)
{
  g_return_val_if_fail (RCRM_IS_MOVE_DIALOG (self), 0);
  return adw_combo_row_get_selected (self->step_row);
}

gboolean
rcrm_move_dialog_select (RcrmMoveDialog *self,
                         gint64          pipeline_id,
                         guint           step)
{
  g_return_val_if_fail (RCRM_IS_MOVE_DIALOG (self), FALSE);

  for (guint i = 0; self->pipelines != NULL && i < self->pipelines->len; i++)
    {
      RcrmPipeline *pipeline = g_ptr_array_index (self->pipelines, i);

      if (rcrm_pipeline_get_id (pipeline) != pipeline_id)
        continue;
      if (step >= rcrm_pipeline_get_n_steps (pipeline))
        return FALSE;
      adw_combo_row_set_selected (self->pipeline_row, i);
      adw_combo_row_set_selected (self->step_row, step);
      return TRUE;
    }
  return FALSE;
}

AdwComboRow *
rcrm_move_dialog_get_pipeline_row (RcrmMoveDialog *self)
{
  g_return_val_if_fail (RCRM_IS_MOVE_DIALOG (self), NULL);
  return self->pipeline_row;
}

AdwComboRow *
rcrm_move_dialog_get_step_row (RcrmMoveDialog *self)
{
  g_return_val_if_fail (RCRM_IS_MOVE_DIALOG (self), NULL);
  return self->step_row;
}
