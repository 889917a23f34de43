/* rcrm-custom-fields.c — the rows of a custom form (R22) and their values
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rcrm-widgets.h"
#include "rcrm-client-admin.h"
#include "rcrm-core.h"
#include "rcrm-custom-fields.h"

typedef struct {
  RcrmFormField     *field;
  AdwPreferencesRow *row;
  GtkLabel          *error;     /* a suffix of the row */
  GtkCalendar       *calendar;  /* date rows */
  char              *orig;      /* what the row showed for the values last set */
} Row;

struct _RcrmCustomFields
{
  AdwPreferencesGroup parent_instance;

  RcrmForm           *form;
  JsonObject         *values;
  GPtrArray          *rows;      /* Row */
  GCancellable       *cancellable;
  gboolean            filling;
};

G_DEFINE_FINAL_TYPE (RcrmCustomFields, rcrm_custom_fields, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->field);
  g_free (row->orig);
  g_free (row);
}

static Row *
lookup_row (RcrmCustomFields *self,
            const char       *key)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (rcrm_form_field_get_key (row->field), key) == 0)
        return row;
    }
  return NULL;
}

/* ---- values and texts --------------------------------------------------------------- */

/* the text a row shows for a stored value (NULL node = none) */
static char *
display_value (RcrmFormField *field,
               JsonNode      *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");

  switch (rcrm_form_field_get_field_type (field))
    {
    case RCRM_FORM_FIELD_NUMBER:
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.12g", json_node_get_double (node)));
        }
      break;

    case RCRM_FORM_FIELD_DATE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          GDate date;

          if (rcrm_date_parse_iso (json_node_get_string (node), &date))
            return rcrm_date_format_be_short (&date);
          return g_strdup (json_node_get_string (node));
        }
      break;

    case RCRM_FORM_FIELD_TEXT:
    case RCRM_FORM_FIELD_CHOICE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      break;
    }

  return g_strdup ("");
}

/* what the row shows now: the entry's text, or the chosen choice ("" = none) */
static char *
row_text (Row *row)
{
  if (ADW_IS_COMBO_ROW (row->row))
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row->row));
      const char * const *choices = rcrm_form_field_get_choices (row->field);

      if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > g_strv_length ((GStrv) choices))
        return g_strdup ("");
      return g_strdup (choices[selected - 1]);
    }

  return rcrm_text_strip (gtk_editable_get_text (GTK_EDITABLE (row->row)));
}

static void
set_row_text (RcrmCustomFields *self,
              Row              *row,
              const char       *text)
{
  gboolean was_filling = self->filling;

  self->filling = TRUE;
  if (ADW_IS_COMBO_ROW (row->row))
    {
      const char * const *choices = rcrm_form_field_get_choices (row->field);
      guint selected = 0;

      for (guint i = 0; choices[i] != NULL; i++)
        if (g_strcmp0 (choices[i], text) == 0)
          selected = i + 1;
      adw_combo_row_set_selected (ADW_COMBO_ROW (row->row), selected);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (row->row), text != NULL ? text : "");
  self->filling = was_filling;
}

/* "1,250.5" → 1250.5; integers stay integers */
static JsonNode *
parse_number (const char *text)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  char *end = NULL;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ',' && *p != ' ')
      g_string_append_c (clean, *p);
  if (clean->len == 0)
    return NULL;

  {
    gint64 integer;

    errno = 0;
    integer = g_ascii_strtoll (clean->str, &end, 10);
    if (errno == 0 && end != clean->str && *end == '\0')
      return json_node_init_int (json_node_alloc (), integer);
  }
  {
    double value;

    errno = 0;
    value = g_ascii_strtod (clean->str, &end);
    if (errno == 0 && end != clean->str && *end == '\0' && isfinite (value))
      return json_node_init_double (json_node_alloc (), value);
  }
  return NULL;
}

/* "2026-11-23", "23/11/2569" (Buddhist era) or "23/11/2026" */
static gboolean
parse_date (const char *text,
            GDate      *out)
{
  g_auto(GStrv) parts = NULL;
  gint64 day, month, year;

  if (rcrm_date_parse_iso (text, out))
    return TRUE;

  parts = g_regex_split_simple ("[/.-]", text, 0, 0);
  if (g_strv_length (parts) != 3
      || !g_ascii_string_to_signed (parts[0], 10, 1, 31, &day, NULL)
      || !g_ascii_string_to_signed (parts[1], 10, 1, 12, &month, NULL)
      || !g_ascii_string_to_signed (parts[2], 10, 1000, 3000, &year, NULL))
    return FALSE;
  if (year > 2400)
    year -= 543;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* ---- errors ------------------------------------------------------------------------- */

static void
set_row_error (Row        *row,
               const char *message)
{
  gboolean error = message != NULL && *message != '\0';

  gtk_label_set_text (row->error, error ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (row->error), error);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->row), error ? message : NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row->row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->row), "error");
}

void
rcrm_custom_fields_clear_errors (RcrmCustomFields *self)
{
  g_return_if_fail (RCRM_IS_CUSTOM_FIELDS (self));

  for (guint i = 0; i < self->rows->len; i++)
    set_row_error (g_ptr_array_index (self->rows, i), NULL);
}

gboolean
rcrm_custom_fields_show_errors (RcrmCustomFields *self,
                                const GError     *error)
{
  gboolean focused = FALSE;

  g_return_val_if_fail (RCRM_IS_CUSTOM_FIELDS (self), FALSE);

  for (guint i = 0; error != NULL && i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autofree char *member = g_strconcat ("custom.", rcrm_form_field_get_key (row->field), NULL);
      const char *message = rcrm_client_error_get_field_message (error, member);

      if (message == NULL)
        continue;
      set_row_error (row, message);
      if (!focused)
        gtk_widget_grab_focus (GTK_WIDGET (row->row));
      focused = TRUE;
    }

  return focused;
}

const char *
rcrm_custom_fields_get_error (RcrmCustomFields *self,
                              const char       *key)
{
  Row *row;

  g_return_val_if_fail (RCRM_IS_CUSTOM_FIELDS (self), NULL);

  row = lookup_row (self, key);
  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (row->error)))
    return NULL;
  return gtk_label_get_text (row->error);
}

/* ---- rows ---------------------------------------------------------------------------- */

static void
on_row_edited (RcrmCustomFields *self,
               GtkWidget        *widget)
{
  if (self->filling)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (GTK_WIDGET (row->row) == widget)
        set_row_error (row, NULL);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_combo_selected (GObject          *object,
                   GParamSpec       *pspec,
                   RcrmCustomFields *self)
{
  on_row_edited (self, GTK_WIDGET (object));
}

static void
on_day_selected (GtkCalendar *calendar,
                 GtkWidget   *row)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  GDate date;
  g_autofree char *text = NULL;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt), (GDateYear) g_date_time_get_year (dt));
  text = rcrm_date_format_be_short (&date);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* the calendar starts at the row's date, or today */
static void
on_popover_show (GtkPopover  *popover,
                 GtkCalendar *calendar)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (calendar), "rcrm-row");
  g_autofree char *text = rcrm_text_strip (gtk_editable_get_text (GTK_EDITABLE (row)));
  GDate date;

  if (parse_date (text, &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                       g_date_get_day (&date), 0, 0, 0);

      g_signal_handlers_block_by_func (calendar, on_day_selected, row);
      gtk_calendar_select_day (calendar, dt);
      g_signal_handlers_unblock_by_func (calendar, on_day_selected, row);
    }
}

static Row *
row_new (RcrmCustomFields *self,
         RcrmFormField    *field)
{
  Row *row = g_new0 (Row, 1);
  g_autofree char *title = NULL;

  row->field = g_object_ref (field);
  if (rcrm_form_field_get_required (field))
    /* Translators: the title of a required field of a custom form */
    title = g_strdup_printf (_("%s *"), rcrm_form_field_get_label (field));
  else
    title = g_strdup (rcrm_form_field_get_label (field));

  if (rcrm_form_field_get_field_type (field) == RCRM_FORM_FIELD_CHOICE)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
      const char * const *choices = rcrm_form_field_get_choices (field);

      /* Translators: the item of a choice field when nothing is chosen */
      gtk_string_list_append (model, _("(not chosen)"));
      for (guint i = 0; choices[i] != NULL; i++)
        gtk_string_list_append (model, choices[i]);
      row->row = ADW_PREFERENCES_ROW (adw_combo_row_new ());
      adw_combo_row_set_model (ADW_COMBO_ROW (row->row), G_LIST_MODEL (model));
      g_signal_connect_object (row->row, "notify::selected", G_CALLBACK (on_combo_selected), self, 0);
    }
  else
    {
      row->row = ADW_PREFERENCES_ROW (adw_entry_row_new ());
      g_signal_connect_object (row->row, "changed", G_CALLBACK (on_row_edited), self, G_CONNECT_SWAPPED);

      if (rcrm_form_field_get_field_type (field) == RCRM_FORM_FIELD_NUMBER)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row->row), GTK_INPUT_PURPOSE_NUMBER);
      else if (rcrm_form_field_get_field_type (field) == RCRM_FORM_FIELD_DATE)
        {
          GtkWidget *button = gtk_menu_button_new ();
          GtkWidget *popover = gtk_popover_new ();
          GtkWidget *calendar = gtk_calendar_new ();

          row->calendar = GTK_CALENDAR (calendar);
          gtk_popover_set_child (GTK_POPOVER (popover), calendar);
          gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
          gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Choose a date"));
          g_object_set_data (G_OBJECT (calendar), "rcrm-row", row->row);
          g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_selected), row->row, 0);
          g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show), calendar, 0);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row->row), button);
        }
    }

  adw_preferences_row_set_use_markup (row->row, FALSE);
  adw_preferences_row_set_title (row->row, title);
  gtk_widget_set_name (GTK_WIDGET (row->row), rcrm_form_field_get_key (field));
  row->error = rcrm_row_add_error_label (row->row);
  row->orig = g_strdup ("");
  return row;
}

static void
remove_rows (RcrmCustomFields *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row->row));
    }
  g_ptr_array_set_size (self->rows, 0);
}

void
rcrm_custom_fields_set_form (RcrmCustomFields *self,
                             RcrmForm         *form)
{
  g_autoptr(GHashTable) typed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *fields;

  g_return_if_fail (RCRM_IS_CUSTOM_FIELDS (self));
  g_return_if_fail (form == NULL || RCRM_IS_FORM (form));

  /* what the user typed survives a new definition */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      g_hash_table_insert (typed, g_strdup (rcrm_form_field_get_key (row->field)), row_text (row));
    }

  remove_rows (self);
  g_set_object (&self->form, form);

  fields = form != NULL ? rcrm_form_get_fields (form) : NULL;
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      RcrmFormField *field = g_ptr_array_index (fields, i);
      Row *row = row_new (self, field);
      const char *text = g_hash_table_lookup (typed, rcrm_form_field_get_key (field));

      g_free (row->orig);
      row->orig = display_value (field, self->values != NULL
                                        ? json_object_get_member (self->values, rcrm_form_field_get_key (field))
                                        : NULL);
      set_row_text (self, row, text != NULL ? text : row->orig);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row->row));
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0);
}

RcrmForm *
rcrm_custom_fields_get_form (RcrmCustomFields *self)
{
  g_return_val_if_fail (RCRM_IS_CUSTOM_FIELDS (self), NULL);

  return self->form;
}

void
rcrm_custom_fields_set_values (RcrmCustomFields *self,
                               JsonObject       *custom)
{
  g_return_if_fail (RCRM_IS_CUSTOM_FIELDS (self));

  if (custom != NULL)
    json_object_ref (custom);
  g_clear_pointer (&self->values, json_object_unref);
  self->values = custom;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      const char *key = rcrm_form_field_get_key (row->field);

      g_free (row->orig);
      row->orig = display_value (row->field, custom != NULL ? json_object_get_member (custom, key) : NULL);
      set_row_text (self, row, row->orig);
      set_row_error (row, NULL);
    }
}

static gboolean
row_dirty (Row *row)
{
  g_autofree char *text = row_text (row);

  return g_strcmp0 (text, row->orig) != 0;
}

gboolean
rcrm_custom_fields_get_dirty (RcrmCustomFields *self)
{
  g_return_val_if_fail (RCRM_IS_CUSTOM_FIELDS (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    if (row_dirty (g_ptr_array_index (self->rows, i)))
      return TRUE;
  return FALSE;
}

JsonObject *
rcrm_custom_fields_collect (RcrmCustomFields *self,
                            gboolean          changes_only)
{
  g_autoptr(JsonObject) custom = json_object_new ();
  gboolean bad = FALSE;

  g_return_val_if_fail (RCRM_IS_CUSTOM_FIELDS (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      const char *key = rcrm_form_field_get_key (row->field);
      g_autofree char *text = row_text (row);

      if (changes_only && !row_dirty (row))
        continue;
      if (*text == '\0')
        {
          if (changes_only)
            json_object_set_null_member (custom, key);
          continue;
        }

      switch (rcrm_form_field_get_field_type (row->field))
        {
        case RCRM_FORM_FIELD_NUMBER:
          {
            JsonNode *node = parse_number (text);

            if (node == NULL)
              {
                set_row_error (row, _("Enter a number, for example 1,250 or 12.5."));
                bad = TRUE;
              }
            else
              json_object_set_member (custom, key, node);
          }
          break;

        case RCRM_FORM_FIELD_DATE:
          {
            GDate date;

            if (!parse_date (text, &date))
              {
                set_row_error (row, _("Enter a date as day/month/year, for example 23/11/2569."));
                bad = TRUE;
              }
            else
              {
                g_autofree char *iso = rcrm_date_to_iso (&date);

                json_object_set_string_member (custom, key, iso);
              }
          }
          break;

        case RCRM_FORM_FIELD_TEXT:
        case RCRM_FORM_FIELD_CHOICE:
        default:
          json_object_set_string_member (custom, key, text);
          break;
        }
    }

  if (bad)
    return NULL;
  return g_steal_pointer (&custom);
}

AdwPreferencesRow *
rcrm_custom_fields_get_row (RcrmCustomFields *self,
                            const char       *key)
{
  Row *row;

  g_return_val_if_fail (RCRM_IS_CUSTOM_FIELDS (self), NULL);

  row = lookup_row (self, key);
  return row != NULL ? row->row : NULL;
}

/* ---- loading --------------------------------------------------------------------------- */

static void
on_form_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  RcrmCustomFields *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmForm) form = rcrm_client_get_form_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_CUSTOM_FIELDS (user_data);
  if (form == NULL)
    {
      /* the record's own fields still work; say why these are missing */
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), error->message);
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      return;
    }

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
  rcrm_custom_fields_set_form (self, form);
  g_signal_emit (self, signals[LOADED], 0);
}

void
rcrm_custom_fields_load (RcrmCustomFields *self,
                         RcrmClient       *client,
                         const char       *entity)
{
  g_return_if_fail (RCRM_IS_CUSTOM_FIELDS (self));
  g_return_if_fail (RCRM_IS_CLIENT (client));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  rcrm_client_get_form_async (client, entity, self->cancellable, on_form_loaded, self);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
rcrm_custom_fields_dispose (GObject *object)
{
  RcrmCustomFields *self = RCRM_CUSTOM_FIELDS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rcrm_custom_fields_parent_class)->dispose (object);
}

static void
rcrm_custom_fields_finalize (GObject *object)
{
  RcrmCustomFields *self = RCRM_CUSTOM_FIELDS (object);

  g_clear_object (&self->form);
  g_clear_pointer (&self->values, json_object_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rcrm_custom_fields_parent_class)->finalize (object);
}

static void
rcrm_custom_fields_class_init (RcrmCustomFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rcrm_custom_fields_dispose;
  object_class->finalize = rcrm_custom_fields_finalize;

  /**
   * RcrmCustomFields::changed:
   *
   * The user edited one of the rows.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * RcrmCustomFields::loaded:
   *
   * rcrm_custom_fields_load() set the form.
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rcrm_custom_fields_init (RcrmCustomFields *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Additional Fields"));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
rcrm_custom_fields_new (void)
{
  return g_object_new (RCRM_TYPE_CUSTOM_FIELDS, NULL);
}
