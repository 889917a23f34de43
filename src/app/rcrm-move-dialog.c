/* rcrm-move-dialog.c */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-move-dialog.h"

struct _RcrmMoveDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (RcrmMoveDialog, rcrm_move_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
rcrm_move_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RCRM_TYPE_MOVE_DIALOG);
  G_OBJECT_CLASS (rcrm_move_dialog_parent_class)->dispose (object);
}

static void
rcrm_move_dialog_class_init (RcrmMoveDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rcrm_move_dialog_dispose;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), "/io/rcrm/Desktop/rcrm-move-dialog.ui");
}

static void
rcrm_move_dialog_init (RcrmMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
