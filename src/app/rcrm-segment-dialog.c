/* rcrm-segment-dialog.c — "save as segment" (R13) from the inbox's filters
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rcrm-client-labels.h"
#include "rcrm-core.h"
#include "rcrm-labels-private.h"
#include "rcrm-segment-dialog.h"

struct _RcrmSegmentDialog
{
  AdwWindow     parent_instance;

  /* template */
  GtkWidget    *save_button;
  GtkSpinner   *spinner;
  AdwEntryRow  *name_row;
  GtkWidget    *shared_row;
  GtkSwitch    *shared_switch;
  AdwActionRow *inbox_filter_row;
  AdwEntryRow  *value_min_row;
  AdwEntryRow  *value_max_row;
  AdwEntryRow  *created_from_row;
  AdwEntryRow  *created_to_row;
  AdwEntryRow  *province_row;
  GtkLabel     *error_label;

  RcrmCatalog  *catalog;
  JsonObject   *base_filter;
  char         *entity;        /* "leads" (default) or "accounts" */
  GCancellable *cancellable;
  gboolean      busy;
};

G_DEFINE_FINAL_TYPE (RcrmSegmentDialog, rcrm_segment_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static AdwEntryRow *
row_for_field (RcrmSegmentDialog *self,
               const char        *field)
{
  if (g_str_equal (field, "name"))
    return self->name_row;
  if (g_str_equal (field, "value_min"))
    return self->value_min_row;
  if (g_str_equal (field, "value_max"))
    return self->value_max_row;
  if (g_str_equal (field, "created_from"))
    return self->created_from_row;
  if (g_str_equal (field, "created_to"))
    return self->created_to_row;
  if (g_str_equal (field, "province"))
    return self->province_row;
  return NULL;
}

static void
clear_errors (RcrmSegmentDialog *self)
{
  static const char * const fields[] = { "name", "value_min", "value_max", "created_from", "created_to", "province" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (row_for_field (self, fields[i])), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
add_error (RcrmSegmentDialog *self,
           const char        *field,
           const char        *message)
{
  AdwEntryRow *row = field != NULL ? row_for_field (self, field) : NULL;
  const char *before = gtk_label_get_text (self->error_label);
  g_autofree char *text = NULL;

  if (row != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)) && *before != '\0')
    text = g_strconcat (before, "\n", message, NULL);
  else
    text = g_strdup (message);
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_busy (RcrmSegmentDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->save_button, !busy);
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcrmSegmentDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmSegment) segment = rcrm_client_create_segment_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);

  if (segment == NULL)
    {
      JsonObject *fields = rcrm_client_error_get_fields (error);
      gboolean shown = FALSE;

      if (fields != NULL)
        {
          g_autoptr(GList) names = json_object_get_members (fields);

          for (GList *l = names; l != NULL; l = l->next)
            {
              const char *name = l->data;
              const char *message = rcrm_client_error_get_field_message (error, name);

              if (message == NULL)
                continue;
              add_error (self, g_str_has_prefix (name, "filter.") ? name + strlen ("filter.") : name, message);
              shown = TRUE;
            }
        }
      if (!shown)
        add_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, segment);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
rcrm_segment_dialog_submit (RcrmSegmentDialog *self)
{
  g_autoptr(JsonObject) filter = NULL;
  g_autofree char *name = NULL;
  g_autofree char *value_min = NULL;
  g_autofree char *value_max = NULL;
  g_autofree char *created_from = NULL;
  g_autofree char *created_to = NULL;
  g_autofree char *province = NULL;
  gboolean valid = TRUE;

  g_return_if_fail (RCRM_IS_SEGMENT_DIALOG (self));

  if (self->busy)
    return;
  clear_errors (self);

  name = row_text (self->name_row);
  value_min = row_text (self->value_min_row);
  value_max = row_text (self->value_max_row);
  created_from = row_text (self->created_from_row);
  created_to = row_text (self->created_to_row);
  province = row_text (self->province_row);

  filter = json_object_new ();
  if (self->base_filter != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (self->base_filter);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (filter, l->data,
                                json_node_copy (json_object_get_member (self->base_filter, l->data)));
    }

  if (*name == '\0')
    {
      add_error (self, "name", _("Enter a name for the segment."));
      valid = FALSE;
    }

  {
    const struct { const char *field; const char *text; } money[] = {
      { "value_min", value_min }, { "value_max", value_max },
    };

    for (guint i = 0; i < G_N_ELEMENTS (money); i++)
      {
        gint64 satang = 0;

        if (*money[i].text == '\0')
          continue;
        if (!rcrm_money_parse (money[i].text, &satang, NULL) || satang < 0)
          {
            add_error (self, money[i].field, _("Enter an amount in baht, such as 150000 or 150,000.50."));
            valid = FALSE;
            continue;
          }
        json_object_set_int_member (filter, money[i].field, satang);
      }
  }

  {
    const struct { const char *field; const char *text; } dates[] = {
      { "created_from", created_from }, { "created_to", created_to },
    };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        GDate date;

        if (*dates[i].text == '\0')
          continue;
        if (!rcrm_date_parse_iso (dates[i].text, &date))
          {
            add_error (self, dates[i].field, _("Enter a date as YYYY-MM-DD in the Gregorian calendar, such as 2026-01-31."));
            valid = FALSE;
            continue;
          }
        json_object_set_string_member (filter, dates[i].field, dates[i].text);
      }
  }

  if (*province != '\0')
    json_object_set_string_member (filter, "province", province);

  if (!valid)
    return;

  set_busy (self, TRUE);
  rcrm_client_create_segment_async (rcrm_catalog_get_client (self->catalog), name,
                                    self->entity != NULL ? self->entity : "leads",
                                    gtk_widget_get_visible (self->shared_row)
                                      && gtk_switch_get_active (self->shared_switch),
                                    filter, self->cancellable, on_created, self);
}

static void
rcrm_segment_dialog_dispose (GObject *object)
{
  RcrmSegmentDialog *self = RCRM_SEGMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_SEGMENT_DIALOG);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->base_filter, json_object_unref);
  g_clear_pointer (&self->entity, g_free);

  G_OBJECT_CLASS (rcrm_segment_dialog_parent_class)->dispose (object);
}

static void
rcrm_segment_dialog_class_init (RcrmSegmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_segment_dialog_dispose;

  /**
   * RcrmSegmentDialog::created:
   * @segment: the new segment, as the server has it
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RCRM_TYPE_SEGMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-segment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, shared_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, shared_switch);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, inbox_filter_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, value_min_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, value_max_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, created_from_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, created_to_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, province_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmSegmentDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, rcrm_segment_dialog_submit);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rcrm_segment_dialog_init (RcrmSegmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

RcrmSegmentDialog *
rcrm_segment_dialog_new (GtkWindow   *parent,
                         RcrmCatalog *catalog,
                         JsonObject  *base_filter,
                         const char  *summary)
{
  RcrmSegmentDialog *self;
  RcrmUser *me;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RCRM_IS_CATALOG (catalog), NULL);

  self = g_object_new (RCRM_TYPE_SEGMENT_DIALOG, "transient-for", parent, NULL);
  self->catalog = g_object_ref (catalog);
  if (base_filter != NULL)
    self->base_filter = json_object_ref (base_filter);

  me = rcrm_catalog_get_me (catalog);
  gtk_widget_set_visible (self->shared_row, me != NULL && rcrm_user_is_admin (me));
  adw_action_row_set_subtitle (self->inbox_filter_row,
                               summary != NULL && *summary != '\0' ? summary : _("Every lead in the inbox"));
  return self;
}

void
rcrm_segment_dialog_set_entity (RcrmSegmentDialog *self,
                                const char        *entity,
                                const char        *summary)
{
  g_return_if_fail (RCRM_IS_SEGMENT_DIALOG (self));
  g_return_if_fail (g_strcmp0 (entity, "leads") == 0 || g_strcmp0 (entity, "accounts") == 0);

  g_free (self->entity);
  self->entity = g_strdup (entity);
  if (g_str_equal (entity, "accounts"))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->inbox_filter_row), _("From the Account Register"));
      adw_action_row_set_subtitle (self->inbox_filter_row,
                                   summary != NULL && *summary != '\0' ? summary : _("Every account in the register"));
      /* for accounts the value range is their won total */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_min_row), _("Won Total from (baht)"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_max_row), _("Won Total up to (baht)"));
    }
}

/* ---- rcrm-labels-private.h ------------------------------------------------------------ */

AdwEntryRow *
rcrm_segment_dialog_get_name_row (RcrmSegmentDialog *self)
{
  return self->name_row;
}

AdwEntryRow *
rcrm_segment_dialog_get_row (RcrmSegmentDialog *self,
                             const char        *field)
{
  return row_for_field (self, field);
}

GtkSwitch *
rcrm_segment_dialog_get_shared_switch (RcrmSegmentDialog *self)
{
  return self->shared_switch;
}

GtkLabel *
rcrm_segment_dialog_get_error_label (RcrmSegmentDialog *self)
{
  return self->error_label;
}
