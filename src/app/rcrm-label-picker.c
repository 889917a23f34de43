/* rcrm-label-picker.c — a popover with a check button per label
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-label-picker.h"

typedef enum {
  STATE_NONE,
  STATE_SOME,
  STATE_ALL,
} State;

struct _RcrmLabelPicker
{
  GtkPopover   parent_instance;

  RcrmCatalog *catalog;
  GtkWidget   *list;         /* GtkBox of GtkCheckButton */
  GtkWidget   *empty_label;
  GtkWidget   *apply_button;
  GHashTable  *checks;       /* gint64* id → GtkCheckButton (owned by list) */
  GHashTable  *initial;      /* gint64* id → State */
  GPtrArray   *label_sets;
};

G_DEFINE_FINAL_TYPE (RcrmLabelPicker, rcrm_label_picker, GTK_TYPE_POPOVER)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
set_has (GArray *set,
         gint64  id)
{
  for (guint i = 0; set != NULL && i < set->len; i++)
    if (g_array_index (set, gint64, i) == id)
      return TRUE;
  return FALSE;
}

gboolean
rcrm_label_ids_edit (GArray *ids,
                     GArray *add,
                     GArray *remove)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (ids != NULL, FALSE);

  for (guint i = ids->len; i > 0; i--)
    if (set_has (remove, g_array_index (ids, gint64, i - 1)))
      {
        g_array_remove_index (ids, i - 1);
        changed = TRUE;
      }
  for (guint i = 0; add != NULL && i < add->len; i++)
    if (!set_has (ids, g_array_index (add, gint64, i)))
      {
        g_array_append_val (ids, g_array_index (add, gint64, i));
        changed = TRUE;
      }
  return changed;
}

static void
on_check_toggled (GtkCheckButton *check)
{
  /* a click decides for every record */
  gtk_check_button_set_inconsistent (check, FALSE);
}

static GtkWidget *
make_check (RcrmLabel *label)
{
  g_autofree char *dot = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", rcrm_label_get_color (label));
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (rcrm_label_get_name (label));

  gtk_label_set_markup (GTK_LABEL (swatch), dot);
  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 28);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), name);
  if (rcrm_label_is_system (label))
    {
      GtkWidget *kind = gtk_label_new (_("System"));

      gtk_widget_add_css_class (kind, "dim-label");
      gtk_widget_add_css_class (kind, "caption");
      gtk_box_append (GTK_BOX (box), kind);
    }
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), NULL);
  return check;
}

static void
rebuild (RcrmLabelPicker *self)
{
  GListModel *labels = rcrm_catalog_get_labels (self->catalog);
  guint n = g_list_model_get_n_items (labels);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_box_remove (GTK_BOX (self->list), child);
  g_hash_table_remove_all (self->checks);
  g_hash_table_remove_all (self->initial);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcrmLabel) label = g_list_model_get_item (labels, i);
      gint64 id = rcrm_label_get_id (label);
      GtkWidget *check = make_check (label);
      guint have = 0;
      State state;

      for (guint r = 0; self->label_sets != NULL && r < self->label_sets->len; r++)
        have += set_has (g_ptr_array_index (self->label_sets, r), id);
      state = have == 0 ? STATE_NONE
            : self->label_sets != NULL && have == self->label_sets->len ? STATE_ALL : STATE_SOME;

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), state == STATE_ALL);
      gtk_check_button_set_inconsistent (GTK_CHECK_BUTTON (check), state == STATE_SOME);
      gtk_box_append (GTK_BOX (self->list), check);
      g_hash_table_insert (self->checks, g_memdup2 (&id, sizeof id), check);
      g_hash_table_insert (self->initial, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (state));
    }

  gtk_widget_set_visible (self->empty_label, n == 0);
  gtk_widget_set_sensitive (self->apply_button, n > 0 && self->label_sets != NULL && self->label_sets->len > 0);
}

void
rcrm_label_picker_apply (RcrmLabelPicker *self)
{
  g_autoptr(GArray) add = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) remove = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (RCRM_IS_LABEL_PICKER (self));

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkCheckButton *check = value;
      gint64 id = *(gint64 *) key;
      State state = GPOINTER_TO_INT (g_hash_table_lookup (self->initial, key));

      if (gtk_check_button_get_inconsistent (check))
        continue;
      if (gtk_check_button_get_active (check) && state != STATE_ALL)
        g_array_append_val (add, id);
      else if (!gtk_check_button_get_active (check) && state != STATE_NONE)
        g_array_append_val (remove, id);
    }

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[APPLY], 0, add, remove);
}

static void
rcrm_label_picker_show (GtkWidget *widget)
{
  /* the catalog may have changed since */
  rebuild (RCRM_LABEL_PICKER (widget));

  GTK_WIDGET_CLASS (rcrm_label_picker_parent_class)->show (widget);
}

static void
rcrm_label_picker_dispose (GObject *object)
{
  RcrmLabelPicker *self = RCRM_LABEL_PICKER (object);

  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (rcrm_label_picker_parent_class)->dispose (object);
}

static void
rcrm_label_picker_finalize (GObject *object)
{
  RcrmLabelPicker *self = RCRM_LABEL_PICKER (object);

  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->initial, g_hash_table_unref);
  g_clear_pointer (&self->label_sets, g_ptr_array_unref);

  G_OBJECT_CLASS (rcrm_label_picker_parent_class)->finalize (object);
}

static void
rcrm_label_picker_class_init (RcrmLabelPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_label_picker_dispose;
  object_class->finalize = rcrm_label_picker_finalize;
  widget_class->show = rcrm_label_picker_show;

  /**
   * RcrmLabelPicker::apply:
   * @add: (element-type gint64): label ids to add to every record
   * @remove: (element-type gint64): label ids to remove from every record
   */
  signals[APPLY] =
    g_signal_new ("apply",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_ARRAY, G_TYPE_ARRAY);
}

static void
rcrm_label_picker_init (RcrmLabelPicker *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Labels"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->initial = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0f);
  gtk_box_append (GTK_BOX (box), heading);

  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->empty_label = gtk_label_new (_("No labels yet. Create them in the label manager."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->empty_label), 30);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (box), self->empty_label);

  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_widget_set_margin_top (self->apply_button, 6);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (rcrm_label_picker_apply), self);
  gtk_box_append (GTK_BOX (box), self->apply_button);

  gtk_popover_set_child (GTK_POPOVER (self), box);
}

GtkWidget *
rcrm_label_picker_new (RcrmCatalog *catalog)
{
  RcrmLabelPicker *self;

  g_return_val_if_fail (RCRM_IS_CATALOG (catalog), NULL);

  self = g_object_new (RCRM_TYPE_LABEL_PICKER, NULL);
  self->catalog = g_object_ref (catalog);
  rebuild (self);
  return GTK_WIDGET (self);
}

void
rcrm_label_picker_set_records (RcrmLabelPicker *self,
                               GPtrArray       *label_sets)
{
  g_return_if_fail (RCRM_IS_LABEL_PICKER (self));

  g_clear_pointer (&self->label_sets, g_ptr_array_unref);
  if (label_sets != NULL)
    self->label_sets = g_ptr_array_ref (label_sets);
  rebuild (self);
}

GtkCheckButton *
rcrm_label_picker_get_check (RcrmLabelPicker *self,
                             gint64           label_id)
{
  return g_hash_table_lookup (self->checks, &label_id);
}
