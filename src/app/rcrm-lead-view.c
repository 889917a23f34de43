/* rcrm-lead-view.c — the page of one lead */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-lead-view.h"
#include "rcrm-lead-view-private.h"

struct _RcrmLeadView
{
  AdwBin      parent_instance;
  RcrmClient *client;
  gint64      lead_id;
  gboolean    busy;
};

G_DEFINE_FINAL_TYPE (RcrmLeadView, rcrm_lead_view, ADW_TYPE_BIN)

static void
rcrm_lead_view_dispose (GObject *object)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_LEAD_VIEW);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (rcrm_lead_view_parent_class)->dispose (object);
}

static void
rcrm_lead_view_class_init (RcrmLeadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_lead_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-lead-view.ui");
}

static void
rcrm_lead_view_init (RcrmLeadView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rcrm_lead_view_new (RcrmClient *client)
{
  RcrmLeadView *self;

  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);
  self = g_object_new (RCRM_TYPE_LEAD_VIEW, NULL);
  self->client = g_object_ref (client);
  return GTK_WIDGET (self);
}

void
rcrm_lead_view_set_lead_id (RcrmLeadView *self,
                            gint64        id)
{
  g_return_if_fail (RCRM_IS_LEAD_VIEW (self));
  self->lead_id = id;
}

gint64
rcrm_lead_view_get_lead_id (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), 0);
  return self->lead_id;
}

gboolean
rcrm_lead_view_get_busy (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), FALSE);
  return self->busy;
}
