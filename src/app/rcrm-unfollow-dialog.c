/* rcrm-unfollow-dialog.c */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-unfollow-dialog.h"

struct _RcrmUnfollowDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (RcrmUnfollowDialog, rcrm_unfollow_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
rcrm_unfollow_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RCRM_TYPE_UNFOLLOW_DIALOG);
  G_OBJECT_CLASS (rcrm_unfollow_dialog_parent_class)->dispose (object);
}

static void
rcrm_unfollow_dialog_class_init (RcrmUnfollowDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rcrm_unfollow_dialog_dispose;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), "/io/rcrm/Desktop/rcrm-unfollow-dialog.ui");
}

static void
rcrm_unfollow_dialog_init (RcrmUnfollowDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
