/* rcrm-grow-model.c — a list model that shows a long list's first rows at once
 * and the rest a few rows per frame
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rcrm-grow-model.h"

/* GTK 4.8's GTK_LIST_VIEW_MAX_LIST_ITEMS: the rows a list view keeps made */
#define VIEW_ROWS 200

struct _RcrmGrowModel
{
  GObject     parent_instance;

  GListModel *model;
  GtkWidget  *widget;      /* weak */
  guint       first;
  guint       step;
  guint       limit;       /* items shown at most; G_MAXUINT = all */
  guint       n_model;     /* the model's n-items, as last told */
  guint       tick_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RcrmGrowModel, rcrm_grow_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static guint
shown (RcrmGrowModel *self,
       guint          n_model)
{
  return MIN (n_model, self->limit);
}

static GType
get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (RCRM_GROW_MODEL (list)->model);
}

static guint
get_n_items (GListModel *list)
{
  RcrmGrowModel *self = RCRM_GROW_MODEL (list);

  return shown (self, self->n_model);
}

static gpointer
get_item (GListModel *list,
          guint       position)
{
  RcrmGrowModel *self = RCRM_GROW_MODEL (list);

  if (position >= shown (self, self->n_model))
    return NULL;
  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void stop_ticking (RcrmGrowModel *self);

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  RcrmGrowModel *self = user_data;
  guint before = shown (self, self->n_model);
  guint after;

  /* once the view has its rows, the rest costs no new widgets */
  if (self->limit >= VIEW_ROWS || self->limit >= self->n_model)
    self->limit = G_MAXUINT;
  else
    self->limit += self->step;
  after = shown (self, self->n_model);
  if (after > before)
    g_list_model_items_changed (G_LIST_MODEL (self), before, 0, after - before);
  if (self->limit == G_MAXUINT)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
start_ticking (RcrmGrowModel *self)
{
  if (self->tick_id != 0 || self->widget == NULL)
    return;
  self->tick_id = gtk_widget_add_tick_callback (self->widget, on_tick, self, NULL);
}

static void
stop_ticking (RcrmGrowModel *self)
{
  if (self->tick_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  RcrmGrowModel *self)
{
  guint old_n = self->n_model;
  guint old_shown = shown (self, old_n);
  guint new_n = old_n - removed + added;
  guint new_shown;

  self->n_model = new_n;

  /* a new list (search, filter, reload): show its first rows now, the rest
   * as the frames go by */
  if (position == 0 && removed == old_n && self->widget != NULL && new_n > self->first)
    {
      self->limit = self->first;
      start_ticking (self);
    }
  else if (self->limit != G_MAXUINT && new_n <= self->limit)
    {
      self->limit = G_MAXUINT;
      stop_ticking (self);
    }

  new_shown = shown (self, new_n);
  if (position >= old_shown && position >= new_shown)
    return;   /* beyond what is shown */
  if (self->limit == G_MAXUINT && old_shown == old_n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, old_shown - position, new_shown - position);
}

static void
rcrm_grow_model_dispose (GObject *object)
{
  RcrmGrowModel *self = RCRM_GROW_MODEL (object);

  stop_ticking (self);
  g_clear_weak_pointer (&self->widget);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (rcrm_grow_model_parent_class)->dispose (object);
}

static void
rcrm_grow_model_class_init (RcrmGrowModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rcrm_grow_model_dispose;
}

static void
rcrm_grow_model_init (RcrmGrowModel *self)
{
  self->limit = G_MAXUINT;
}

RcrmGrowModel *
rcrm_grow_model_new (GListModel *model,
                     GtkWidget  *widget,
                     guint       first,
                     guint       step)
{
  RcrmGrowModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (first > 0 && step > 0, NULL);

  self = g_object_new (RCRM_TYPE_GROW_MODEL, NULL);
  self->model = g_object_ref (model);
  g_set_weak_pointer (&self->widget, widget);
  self->first = first;
  self->step = step;
  self->n_model = g_list_model_get_n_items (model);
  if (self->n_model > first)
    {
      self->limit = first;
      start_ticking (self);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
  return self;
}

gboolean
rcrm_grow_model_get_growing (RcrmGrowModel *self)
{
  g_return_val_if_fail (RCRM_IS_GROW_MODEL (self), FALSE);
  return self->limit != G_MAXUINT;
}
