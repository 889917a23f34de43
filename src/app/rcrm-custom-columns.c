/* rcrm-custom-columns.c — the custom fields of a form as list columns
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rcrm-account.h"
#include "rcrm-cell-text.h"
#include "rcrm-client-admin.h"
#include "rcrm-core.h"
#include "rcrm-custom-columns.h"

#define COLUMNS_KEY "rcrm-custom-columns"
#define FIELD_KEY   "rcrm-custom-field"

char *
rcrm_custom_value_text (RcrmFormField *field,
                        JsonObject    *custom)
{
  JsonNode *node;
  GType type;

  g_return_val_if_fail (RCRM_IS_FORM_FIELD (field), NULL);

  node = custom != NULL ? json_object_get_member (custom, rcrm_form_field_get_key (field)) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
    }
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      GDate date;

      if (rcrm_form_field_get_field_type (field) == RCRM_FORM_FIELD_DATE && rcrm_date_parse_iso (text, &date))
        return rcrm_date_format_be_short (&date);
      return g_strdup (text);
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "✓" : "");
  return g_strdup ("");
}

static JsonObject *
item_custom (gpointer item)
{
  if (RCRM_IS_LEAD (item))
    return rcrm_lead_get_loaded (item) ? rcrm_lead_get_custom (item) : NULL;
  if (RCRM_IS_ACCOUNT (item))
    return rcrm_account_get_custom (item);
  return NULL;
}

static void
update_cell (GtkWidget *cell)
{
  RcrmFormField *field = g_object_get_data (G_OBJECT (cell), FIELD_KEY);
  gpointer item = g_object_get_data (G_OBJECT (cell), "rcrm-item");
  g_autofree char *text = item != NULL ? rcrm_custom_value_text (field, item_custom (item)) : g_strdup ("");

  rcrm_cell_text_set_text (RCRM_CELL_TEXT (cell), text);
}

static void
on_item_notify (gpointer    item,
                GParamSpec *pspec,
                GtkWidget  *cell)
{
  update_cell (cell);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            RcrmFormField            *field)
{
  GtkWidget *cell = rcrm_cell_text_new ();

  g_object_set_data_full (G_OBJECT (cell), FIELD_KEY, g_object_ref (field), g_object_unref);
  if (rcrm_form_field_get_field_type (field) == RCRM_FORM_FIELD_NUMBER)
    {
      rcrm_cell_text_set_numeric (RCRM_CELL_TEXT (cell), TRUE);
      rcrm_cell_text_set_xalign (RCRM_CELL_TEXT (cell), 1.0f);
    }
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           RcrmFormField            *field)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  gpointer record = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (cell), "rcrm-item", record);
  /* a lead placeholder is filled in place */
  if (RCRM_IS_LEAD (record))
    {
      g_signal_connect_object (record, "notify::custom", G_CALLBACK (on_item_notify), cell, 0);
      g_signal_connect_object (record, "notify::loaded", G_CALLBACK (on_item_notify), cell, 0);
    }
  update_cell (cell);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             RcrmFormField            *field)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  gpointer record = gtk_list_item_get_item (item);

  if (cell == NULL)
    return;
  if (record != NULL && RCRM_IS_LEAD (record))
    g_signal_handlers_disconnect_by_func (record, on_item_notify, cell);
  g_object_set_data (G_OBJECT (cell), "rcrm-item", NULL);
}

GPtrArray *
rcrm_custom_columns_get (GtkColumnView *view)
{
  GPtrArray *columns;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);

  columns = g_object_get_data (G_OBJECT (view), COLUMNS_KEY);
  if (columns == NULL)
    {
      columns = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (view), COLUMNS_KEY, columns, (GDestroyNotify) g_ptr_array_unref);
    }
  return columns;
}

void
rcrm_custom_columns_set_form (GtkColumnView *view,
                              RcrmForm      *form)
{
  GPtrArray *columns;
  GPtrArray *fields;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (form == NULL || RCRM_IS_FORM (form));

  columns = rcrm_custom_columns_get (view);
  for (guint i = 0; i < columns->len; i++)
    gtk_column_view_remove_column (view, g_ptr_array_index (columns, i));
  g_ptr_array_set_size (columns, 0);

  fields = form != NULL ? rcrm_form_get_fields (form) : NULL;
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      RcrmFormField *field = rcrm_form_field_copy (g_ptr_array_index (fields, i));
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell), field,
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), field);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), field);
      column = gtk_column_view_column_new (rcrm_form_field_get_label (field), g_object_ref (factory));
      gtk_column_view_column_set_fixed_width (column, 140);
      gtk_column_view_column_set_resizable (column, TRUE);
      g_object_set_data_full (G_OBJECT (column), "rcrm-column-id",
                              g_strconcat ("custom.", rcrm_form_field_get_key (field), NULL), g_free);
      gtk_column_view_append_column (view, column);
      g_ptr_array_add (columns, column);
    }
}

static void
on_form (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GtkColumnView *view = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmForm) form = rcrm_client_get_form_finish (RCRM_CLIENT (source), result, &error);

  /* the view may be gone from its window by now: it is still a valid object */
  if (form != NULL)
    rcrm_custom_columns_set_form (view, form);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("custom columns: %s", error->message);
  g_object_unref (view);
}

void
rcrm_custom_columns_load (GtkColumnView *view,
                          RcrmClient    *client,
                          const char    *entity)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (RCRM_IS_CLIENT (client));

  rcrm_client_get_form_async (client, entity, NULL, on_form, g_object_ref (view));
}
