/* rcrm-cell-text.c — one line of text in a list cell, cheap to rebind
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rcrm-cell-text.h"

/* the opacity of GTK's .dim-label */
#define DIM_ALPHA 0.55f

/* Text whose logical extents cover Latin capitals and descenders and Thai
 * marks above and below the line, so every cell of a font has one height. */
#define HEIGHT_SAMPLE "Åjg ก้ำปฐญฎฤ"

struct _RcrmCellText
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;       /* lazily made; NULL after a text or style change */
  float        xalign;
  gboolean     dimmed;
  gboolean     numeric;
  gboolean     measure_text;
};

G_DEFINE_FINAL_TYPE (RcrmCellText, rcrm_cell_text, GTK_TYPE_WIDGET)

/* the line height of a font, by "font description @ resolution": measured
 * once for the whole list instead of once per cell */
static int
line_height (GtkWidget *widget)
{
  static GHashTable *heights;
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  g_autofree char *font_name = pango_font_description_to_string (font);
  g_autofree char *key = g_strdup_printf ("%s@%g", font_name, pango_cairo_context_get_resolution (context));
  gpointer found;
  int height;

  if (heights == NULL)
    heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (g_hash_table_lookup_extended (heights, key, NULL, &found))
    return GPOINTER_TO_INT (found);

  {
    g_autoptr(PangoLayout) sample = pango_layout_new (context);
    PangoRectangle logical;

    pango_layout_set_text (sample, HEIGHT_SAMPLE, -1);
    pango_layout_get_pixel_extents (sample, NULL, &logical);
    height = MAX (logical.height, 1);
  }

  g_hash_table_insert (heights, g_steal_pointer (&key), GINT_TO_POINTER (height));
  return height;
}

static PangoLayout *
ensure_layout (RcrmCellText *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      if (self->numeric)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (self->layout, attrs);
          pango_attr_list_unref (attrs);
        }
    }

  return self->layout;
}

static void
drop_layout (RcrmCellText *self)
{
  g_clear_object (&self->layout);
}

static void
rcrm_cell_text_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  RcrmCellText *self = RCRM_CELL_TEXT (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = line_height (widget);
      return;
    }

  *minimum = 0;
  *natural = 0;
  if (self->measure_text && self->text != NULL && *self->text != '\0')
    {
      PangoLayout *layout = ensure_layout (self);
      PangoRectangle logical;

      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      *natural = logical.width;
    }
}

static void
rcrm_cell_text_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  RcrmCellText *self = RCRM_CELL_TEXT (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;
  float x, y;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  layout = ensure_layout (self);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (self->dimmed)
    color.alpha *= DIM_ALPHA;

  x = 0;
  if (logical.width < width)
    {
      float align = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1.0f - self->xalign : self->xalign;

      x = (width - logical.width) * align;
    }
  x -= logical.x;
  y = floorf ((height - logical.height) / 2.0f) - logical.y;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
rcrm_cell_text_dispose (GObject *object)
{
  RcrmCellText *self = RCRM_CELL_TEXT (object);

  drop_layout (self);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rcrm_cell_text_parent_class)->dispose (object);
}

static void
rcrm_cell_text_class_init (RcrmCellTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_cell_text_dispose;
  widget_class->measure = rcrm_cell_text_measure;
  widget_class->snapshot = rcrm_cell_text_snapshot;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rcrm_cell_text_init (RcrmCellText *self)
{
  self->xalign = 0.0f;
  /* GTK updates the widget's pango context in place when the CSS font
   * changes, and a PangoLayout notices its context's new serial by itself */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
rcrm_cell_text_new (void)
{
  return g_object_new (RCRM_TYPE_CELL_TEXT, NULL);
}

void
rcrm_cell_text_set_text (RcrmCellText *self,
                         const char   *text)
{
  g_return_if_fail (RCRM_IS_CELL_TEXT (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text != NULL ? text : "", -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text != NULL ? text : "",
                                  -1);
  if (self->measure_text)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
rcrm_cell_text_get_text (RcrmCellText *self)
{
  g_return_val_if_fail (RCRM_IS_CELL_TEXT (self), NULL);

  return self->text != NULL ? self->text : "";
}

void
rcrm_cell_text_set_xalign (RcrmCellText *self,
                           float         xalign)
{
  g_return_if_fail (RCRM_IS_CELL_TEXT (self));

  self->xalign = CLAMP (xalign, 0.0f, 1.0f);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rcrm_cell_text_set_dimmed (RcrmCellText *self,
                           gboolean      dimmed)
{
  g_return_if_fail (RCRM_IS_CELL_TEXT (self));

  dimmed = !!dimmed;
  if (self->dimmed == dimmed)
    return;
  self->dimmed = dimmed;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
rcrm_cell_text_get_dimmed (RcrmCellText *self)
{
  g_return_val_if_fail (RCRM_IS_CELL_TEXT (self), FALSE);

  return self->dimmed;
}

void
rcrm_cell_text_set_numeric (RcrmCellText *self,
                            gboolean      numeric)
{
  g_return_if_fail (RCRM_IS_CELL_TEXT (self));

  self->numeric = !!numeric;
  drop_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
rcrm_cell_text_set_measure_text (RcrmCellText *self,
                                 gboolean      measure_text)
{
  g_return_if_fail (RCRM_IS_CELL_TEXT (self));

  self->measure_text = !!measure_text;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
