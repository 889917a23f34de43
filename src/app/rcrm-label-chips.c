/* rcrm-label-chips.c — coloured chips for a set of label ids
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rcrm-account.h"
#include "rcrm-label-chips.h"

#define CHIP_PAD_X   7
#define CHIP_PAD_Y   2
#define CHIP_GAP     4
#define CHIP_RADIUS  9

typedef struct {
  PangoLayout *layout;
  GdkRGBA      background;
  GdkRGBA      foreground;
  int          width;        /* of the text, in pixels */
  int          height;
} Chip;

struct _RcrmLabelChips
{
  GtkWidget    parent_instance;

  RcrmCatalog *catalog;
  GArray      *label_ids;    /* gint64 */
  GArray      *chips;        /* Chip */
  gboolean     dirty;        /* chips to be rebuilt from label_ids */
  gboolean     in_list;      /* a list cell: a fixed height, no natural width */
};

G_DEFINE_FINAL_TYPE (RcrmLabelChips, rcrm_label_chips, GTK_TYPE_WIDGET)

static void
chip_clear (gpointer data)
{
  Chip *chip = data;

  g_clear_object (&chip->layout);
}

static void
chip_free (gpointer data)
{
  chip_clear (data);
  g_free (data);
}

/* One Chip per label, shared by every RcrmLabelChips of a catalog, so that
 * binding a row makes no Pango layout: label id → Chip; emptied when the
 * catalog changes (names and colours may have). */
static void
clear_cache (GHashTable *cache)
{
  g_hash_table_remove_all (cache);
}

static GHashTable *
chip_cache (RcrmCatalog *catalog)
{
  GHashTable *cache = g_object_get_data (G_OBJECT (catalog), "rcrm-label-chip-cache");

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, chip_free);
      g_object_set_data_full (G_OBJECT (catalog), "rcrm-label-chip-cache", cache,
                              (GDestroyNotify) g_hash_table_unref);
      /* the chips rebuild at their next measure, after every handler ran */
      g_signal_connect_swapped (catalog, "changed", G_CALLBACK (clear_cache), cache);
    }
  return cache;
}

/* black or white, whichever reads better on background */
static void
contrast_color (const GdkRGBA *background,
                GdkRGBA       *out)
{
  double luminance = 0.2126 * background->red + 0.7152 * background->green + 0.0722 * background->blue;

  if (luminance > 0.6)
    *out = (GdkRGBA) { 0.0f, 0.0f, 0.0f, 0.85f };
  else
    *out = (GdkRGBA) { 1.0f, 1.0f, 1.0f, 1.0f };
}

static void
rebuild (RcrmLabelChips *self)
{
  if (!self->dirty)
    return;
  self->dirty = FALSE;

  g_array_set_size (self->chips, 0);
  for (guint i = 0; self->label_ids != NULL && i < self->label_ids->len; i++)
    {
      gint64 id = g_array_index (self->label_ids, gint64, i);
      GHashTable *cache = chip_cache (self->catalog);
      Chip *cached = g_hash_table_lookup (cache, &id);
      Chip chip;

      if (cached == NULL)
        {
          RcrmLabel *label = rcrm_catalog_lookup_label (self->catalog, id);
          PangoRectangle logical;

          if (label == NULL)
            continue;
          cached = g_new0 (Chip, 1);
          if (!gdk_rgba_parse (&cached->background, rcrm_label_get_color (label)))
            cached->background = (GdkRGBA) { 0.5f, 0.5f, 0.5f, 1.0f };
          contrast_color (&cached->background, &cached->foreground);
          cached->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), rcrm_label_get_name (label));
          pango_layout_get_pixel_extents (cached->layout, NULL, &logical);
          cached->width = logical.width;
          cached->height = logical.height;
          g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), cached);
        }
      chip = *cached;
      g_object_ref (chip.layout);
      g_array_append_val (self->chips, chip);
    }
}

static void
invalidate (RcrmLabelChips *self)
{
  self->dirty = TRUE;
  /* in a list the size never depends on the labels: a rebind only redraws */
  if (self->in_list)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* the height of a chip in this widget's font, whatever its text: measured
 * once per font for every list cell */
static int
list_chip_height (GtkWidget *widget)
{
  static GHashTable *heights;
  PangoContext *context = gtk_widget_get_pango_context (widget);
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  gpointer found;

  if (heights == NULL)
    heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_lookup_extended (heights, font, NULL, &found))
    {
      g_autoptr(PangoLayout) sample = pango_layout_new (context);
      PangoRectangle logical;

      pango_layout_set_text (sample, "Åjg ก้ำปฐญฎฤ", -1);
      pango_layout_get_pixel_extents (sample, NULL, &logical);
      found = GINT_TO_POINTER (logical.height + 2 * CHIP_PAD_Y);
      g_hash_table_insert (heights, g_steal_pointer (&font), found);
    }
  return GPOINTER_TO_INT (found);
}

static void
rcrm_label_chips_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RcrmLabelChips *self = RCRM_LABEL_CHIPS (widget);
  int size = 0;

  if (self->in_list)
    {
      /* every row of the list the same height, with or without labels */
      *minimum = *natural = orientation == GTK_ORIENTATION_VERTICAL ? list_chip_height (widget) : 0;
      return;
    }

  rebuild (self);

  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        size += (i > 0 ? CHIP_GAP : 0) + chip->width + 2 * CHIP_PAD_X;
      else
        size = MAX (size, chip->height + 2 * CHIP_PAD_Y);
    }

  /* horizontally it may be cut (the chips that do not fit are not drawn) */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 0 : size;
  *natural = size;
}

static void
rcrm_label_chips_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RcrmLabelChips *self = RCRM_LABEL_CHIPS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int x = 0;

  rebuild (self);

  for (guint i = 0; i < self->chips->len; i++)
    {
      Chip *chip = &g_array_index (self->chips, Chip, i);
      int chip_width = chip->width + 2 * CHIP_PAD_X;
      int chip_height = chip->height + 2 * CHIP_PAD_Y;
      int y = MAX (0, (height - chip_height) / 2);
      GskRoundedRect outline;

      if (x + chip_width > width)
        break;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, chip_width, chip_height),
                                       CHIP_RADIUS);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &chip->background, &outline.bounds);
      gtk_snapshot_pop (snapshot);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + CHIP_PAD_X, y + CHIP_PAD_Y));
      gtk_snapshot_append_layout (snapshot, chip->layout, &chip->foreground);
      gtk_snapshot_restore (snapshot);

      x += chip_width + CHIP_GAP;
    }
}

static void
rcrm_label_chips_dispose (GObject *object)
{
  RcrmLabelChips *self = RCRM_LABEL_CHIPS (object);

  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (rcrm_label_chips_parent_class)->dispose (object);
}

static void
rcrm_label_chips_finalize (GObject *object)
{
  RcrmLabelChips *self = RCRM_LABEL_CHIPS (object);

  g_clear_pointer (&self->label_ids, g_array_unref);
  g_clear_pointer (&self->chips, g_array_unref);

  G_OBJECT_CLASS (rcrm_label_chips_parent_class)->finalize (object);
}

static void
rcrm_label_chips_class_init (RcrmLabelChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_label_chips_dispose;
  object_class->finalize = rcrm_label_chips_finalize;
  widget_class->measure = rcrm_label_chips_measure;
  widget_class->snapshot = rcrm_label_chips_snapshot;

  gtk_widget_class_set_css_name (widget_class, "rcrm-label-chips");
}

static void
rcrm_label_chips_init (RcrmLabelChips *self)
{
  self->chips = g_array_new (FALSE, TRUE, sizeof (Chip));
  g_array_set_clear_func (self->chips, chip_clear);
}

GtkWidget *
rcrm_label_chips_new (RcrmCatalog *catalog)
{
  RcrmLabelChips *self;

  g_return_val_if_fail (RCRM_IS_CATALOG (catalog), NULL);

  self = g_object_new (RCRM_TYPE_LABEL_CHIPS, NULL);
  self->catalog = g_object_ref (catalog);
  g_signal_connect_object (catalog, "changed", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
rcrm_label_chips_set_label_ids (RcrmLabelChips *self,
                                GArray         *label_ids)
{
  g_return_if_fail (RCRM_IS_LABEL_CHIPS (self));

  if (self->label_ids == NULL && (label_ids == NULL || label_ids->len == 0))
    return;
  if (self->label_ids != NULL && label_ids != NULL && self->label_ids->len == label_ids->len
      && memcmp (self->label_ids->data, label_ids->data, label_ids->len * sizeof (gint64)) == 0)
    return;

  g_clear_pointer (&self->label_ids, g_array_unref);
  if (label_ids != NULL && label_ids->len > 0)
    self->label_ids = g_array_ref (label_ids);
  invalidate (self);
}

GStrv
rcrm_label_chips_dup_names (RcrmLabelChips *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RCRM_IS_LABEL_CHIPS (self), NULL);

  rebuild (self);
  for (guint i = 0; i < self->chips->len; i++)
    g_strv_builder_add (builder, pango_layout_get_text (g_array_index (self->chips, Chip, i).layout));
  return g_strv_builder_end (builder);
}

/* ---- a column of chips ---------------------------------------------------------- */

static void
update_row (RcrmLead       *lead,
            GParamSpec     *pspec,
            RcrmLabelChips *chips)
{
  rcrm_label_chips_set_label_ids (chips, rcrm_lead_get_loaded (lead) ? rcrm_lead_get_label_ids (lead) : NULL);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           RcrmCatalog              *catalog)
{
  GtkWidget *chips = rcrm_label_chips_new (catalog);

  RCRM_LABEL_CHIPS (chips)->in_list = TRUE;
  gtk_list_item_set_child (item, chips);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          RcrmCatalog              *catalog)
{
  GtkWidget *chips = gtk_list_item_get_child (item);
  gpointer record = gtk_list_item_get_item (item);
  RcrmLead *lead;

  /* accounts are snapshots: a change replaces the item */
  if (RCRM_IS_ACCOUNT (record))
    {
      rcrm_label_chips_set_label_ids (RCRM_LABEL_CHIPS (chips), rcrm_account_get_label_ids (record));
      return;
    }
  lead = record;
  g_signal_connect_object (lead, "notify::label-ids", G_CALLBACK (update_row), chips, 0);
  g_signal_connect_object (lead, "notify::loaded", G_CALLBACK (update_row), chips, 0);
  update_row (lead, NULL, RCRM_LABEL_CHIPS (chips));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            RcrmCatalog              *catalog)
{
  GtkWidget *chips = gtk_list_item_get_child (item);
  gpointer record = gtk_list_item_get_item (item);

  if (chips == NULL || record == NULL)
    return;
  if (RCRM_IS_LEAD (record))
    g_signal_handlers_disconnect_by_func (record, update_row, chips);
  rcrm_label_chips_set_label_ids (RCRM_LABEL_CHIPS (chips), NULL);
}

GtkListItemFactory *
rcrm_label_chips_factory_new (RcrmCatalog *catalog)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (RCRM_IS_CATALOG (catalog), NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_row), g_object_ref (catalog),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), catalog);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), catalog);
  return factory;
}
