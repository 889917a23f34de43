/* rcrm-lead-dialog.c — the "new lead" dialog (R1, R23, R24, R25)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rcrm-widgets.h"
#include "rcrm-admin-private.h"
#include "rcrm-app-private.h"
#include "rcrm-client-accounts.h"
#include "rcrm-core.h"
#include "rcrm-format.h"
#include "rcrm-lead-dialog.h"

typedef enum {
  FIELD_NAME,
  FIELD_COMPANY,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_TAX_ID,
  FIELD_VALUE,
  FIELD_SOURCE,
  FIELD_PIPELINE,
  FIELD_STEP,
  FIELD_OWNER,
  N_FIELDS
} FieldId;

/* the server's names of the fields (the keys of a 422's "fields") */
static const char * const field_names[N_FIELDS] = {
  [FIELD_NAME]     = "name",
  [FIELD_COMPANY]  = "company",
  [FIELD_PHONE]    = "phone",
  [FIELD_EMAIL]    = "email",
  [FIELD_TAX_ID]   = "tax_id",
  [FIELD_VALUE]    = "value",
  [FIELD_SOURCE]   = "source",
  [FIELD_PIPELINE] = "pipeline_id",
  [FIELD_STEP]     = "step",
  [FIELD_OWNER]    = "owner_id",
};

typedef struct {
  AdwPreferencesRow *row;
  GtkLabel          *error;   /* a suffix of the row */
} Field;

struct _RcrmLeadDialog
{
  AdwWindow       parent_instance;

  /* template */
  GtkButton      *cancel_button;
  GtkButton      *create_button;
  GtkSpinner     *spinner;
  GtkScrolledWindow *scrolled_window;
  GtkWidget      *form;
  GtkLabel       *error_label;
  AdwWindowTitle *window_title;
  GtkWidget      *duplicate_box;
  GtkLabel       *duplicate_title;
  GtkLabel       *duplicate_message;
  GtkListBox     *duplicate_list;
  GtkButton      *create_anyway_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *company_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *tax_id_row;
  AdwEntryRow    *value_row;
  AdwComboRow    *source_row;
  AdwComboRow    *pipeline_row;
  AdwComboRow    *step_row;
  AdwComboRow    *owner_row;
  RcrmCustomFields *custom_fields;   /* the lead form's custom fields (R22) */

  Field           fields[N_FIELDS];
  RcrmClient     *client;
  RcrmCatalog    *catalog;
  gboolean        owns_catalog;
  GCancellable   *cancellable;
  gboolean        busy;
  gboolean        filling;        /* combo rows being filled from code */
  GArray         *pipeline_ids;   /* gint64 per pipeline_row item */
  GArray         *owner_ids;      /* gint64 per owner_row item */
  char           *duplicate_action;
  gint64          account_id;     /* a lead of this account (R4), or 0 */
};

G_DEFINE_FINAL_TYPE (RcrmLeadDialog, rcrm_lead_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CATALOG,
  PROP_BUSY,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- errors on rows ------------------------------------------------------------------ */

static void
set_field_error (RcrmLeadDialog *self,
                 FieldId         id,
                 const char     *message)
{
  Field *field = &self->fields[id];
  gboolean error = message != NULL && *message != '\0';

  gtk_label_set_text (field->error, error ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (field->error), error);
  gtk_widget_set_tooltip_text (GTK_WIDGET (field->row), error ? message : NULL);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (field->row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (field->row), "error");
}

static void
clear_errors (RcrmLeadDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    set_field_error (self, (FieldId) i, NULL);
  rcrm_custom_fields_clear_errors (self->custom_fields);

  gtk_label_set_text (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (RcrmLeadDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL && *message != '\0');
}

static void
hide_duplicates (RcrmLeadDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->duplicate_list))) != NULL)
    gtk_list_box_remove (self->duplicate_list, child);

  gtk_widget_set_visible (self->duplicate_box, FALSE);
  g_clear_pointer (&self->duplicate_action, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead-dialog.create-anyway", FALSE);
}

static void
scroll_to_top (RcrmLeadDialog *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
on_field_edited (RcrmLeadDialog *self,
                 GParamSpec     *pspec,
                 GObject        *row)
{
  if (self->filling)
    return;

  for (guint i = 0; i < N_FIELDS; i++)
    if (G_OBJECT (self->fields[i].row) == row)
      set_field_error (self, (FieldId) i, NULL);
}

static void
on_entry_changed (GtkEditable    *editable,
                  RcrmLeadDialog *self)
{
  on_field_edited (self, NULL, G_OBJECT (editable));
}

/* ---- combo rows ----------------------------------------------------------------------- */

static guint
index_of_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

static const char *
selected_string (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  if (item == NULL || !GTK_IS_STRING_OBJECT (item))
    return NULL;

  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

static void
fill_steps (RcrmLeadDialog *self,
            guint           keep_step)
{
  RcrmPipeline *pipeline = rcrm_catalog_lookup_pipeline (self->catalog,
                                                         selected_id (self->pipeline_row, self->pipeline_ids));
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);
  guint n = pipeline != NULL ? rcrm_pipeline_get_n_steps (pipeline) : 0;

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (steps, rcrm_pipeline_get_step_name (pipeline, i));

  self->filling = TRUE;
  adw_combo_row_set_model (self->step_row, G_LIST_MODEL (steps));
  if (n > 0)
    adw_combo_row_set_selected (self->step_row, keep_step < n ? keep_step : 0);
  self->filling = FALSE;
}

static void
on_pipeline_selected (RcrmLeadDialog *self)
{
  if (self->filling)
    return;

  set_field_error (self, FIELD_PIPELINE, NULL);
  set_field_error (self, FIELD_STEP, NULL);
  fill_steps (self, 0);
}

static void
fill_rows (RcrmLeadDialog *self)
{
  g_auto(GStrv) sources = rcrm_catalog_dup_lead_sources (self->catalog);
  GListModel *pipelines = rcrm_catalog_get_pipelines (self->catalog);
  g_autoptr(GPtrArray) owners = rcrm_catalog_dup_assignable_users (self->catalog);
  g_autofree char *old_source = g_strdup (selected_string (self->source_row));
  gint64 old_pipeline = selected_id (self->pipeline_row, self->pipeline_ids);
  guint old_step = adw_combo_row_get_selected (self->step_row);
  gint64 old_owner = selected_id (self->owner_row, self->owner_ids);
  RcrmPipeline *standard = rcrm_catalog_get_standard_pipeline (self->catalog);
  RcrmUser *me = rcrm_catalog_get_me (self->catalog);
  g_autoptr(GtkStringList) source_list = gtk_string_list_new ((const char * const *) sources);
  g_autoptr(GtkStringList) pipeline_list = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) owner_list = gtk_string_list_new (NULL);
  guint position;

  self->filling = TRUE;

  /* sources: keep the chosen one */
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (source_list));
  position = old_source != NULL && sources != NULL ? 0 : GTK_INVALID_LIST_POSITION;
  for (guint i = 0; old_source != NULL && sources != NULL && sources[i] != NULL; i++)
    if (g_str_equal (sources[i], old_source))
      position = i;
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->source_row, position);

  /* pipelines: the standard one first chosen */
  g_array_set_size (self->pipeline_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
    {
      g_autoptr(RcrmPipeline) pipeline = g_list_model_get_item (pipelines, i);
      gint64 id = rcrm_pipeline_get_id (pipeline);

      gtk_string_list_append (pipeline_list, rcrm_pipeline_get_name (pipeline));
      g_array_append_val (self->pipeline_ids, id);
    }
  adw_combo_row_set_model (self->pipeline_row, G_LIST_MODEL (pipeline_list));
  position = index_of_id (self->pipeline_ids, old_pipeline);
  if (position == GTK_INVALID_LIST_POSITION && standard != NULL)
    {
      position = index_of_id (self->pipeline_ids, rcrm_pipeline_get_id (standard));
      old_step = 0;
    }
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->pipeline_row, position);
  self->filling = FALSE;

  fill_steps (self, old_step);

  /* owners: admins and team leads only (R24); the signed-in user first */
  self->filling = TRUE;
  g_array_set_size (self->owner_ids, 0);
  for (guint i = 0; i < owners->len; i++)
    {
      RcrmUser *user = g_ptr_array_index (owners, i);
      gint64 id = rcrm_user_get_id (user);

      gtk_string_list_append (owner_list, rcrm_user_get_display_name (user));
      g_array_append_val (self->owner_ids, id);
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owner_list));
  position = index_of_id (self->owner_ids, old_owner != 0 ? old_owner : (me != NULL ? rcrm_user_get_id (me) : 0));
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->owner_row, position);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_row),
                          rcrm_catalog_get_can_assign (self->catalog) && owners->len > 1);
  self->filling = FALSE;
}

static void
on_catalog_changed (RcrmLeadDialog *self)
{
  fill_rows (self);
}

static void
on_catalog_error (RcrmLeadDialog *self,
                  GError         *error)
{
  if (self->owns_catalog && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error->message);
}

/* ---- duplicates (R25) ----------------------------------------------------------------- */


static const char *
matched_field_label (const char *field)
{
  if (g_strcmp0 (field, "phone") == 0)
    return _("phone");
  if (g_strcmp0 (field, "email") == 0)
    return _("e-mail");
  if (g_strcmp0 (field, "tax_id") == 0)
    return _("tax ID");

  return field;
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static GtkWidget *
duplicate_row (JsonObject *match,
               gint64      my_id)
{
  JsonNode *owner_node = json_object_get_member (match, "owner");
  JsonObject *owner = owner_node != NULL && JSON_NODE_HOLDS_OBJECT (owner_node)
                      ? json_node_get_object (owner_node) : NULL;
  JsonNode *matched_node = json_object_get_member (match, "matched_on");
  const char *name = member_string (match, "name");
  const char *owner_name = member_string (owner, "display_name");
  const char *state = member_string (match, "state");
  g_autoptr(GString) matched = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (matched_node != NULL && JSON_NODE_HOLDS_ARRAY (matched_node))
    {
      JsonArray *array = json_node_get_array (matched_node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (json_node_get_value_type (element) != G_TYPE_STRING)
            continue;
          if (matched->len > 0)
            g_string_append (matched, _(", "));
          g_string_append (matched, matched_field_label (json_node_get_string (element)));
        }
    }

  if (state != NULL)
    /* Translators: a lead that matches a new one; the first %s is the owner's name,
     * the second the matching fields ("phone, e-mail"), the third the lead's state */
    subtitle = g_strdup_printf (_("Owner: %s · Same %s · %s"),
                                owner_name != NULL ? owner_name : "—", matched->str, rcrm_format_lead_state (state));
  else
    /* Translators: like "Owner: %s · Same %s · %s", for a match without a state */
    subtitle = g_strdup_printf (_("Owner: %s · Same %s"),
                                owner_name != NULL ? owner_name : "—", matched->str);

  /* R25: say plainly when the existing lead is someone else's */
  if (owner != NULL && json_object_has_member (owner, "id")
      && json_node_get_value_type (json_object_get_member (owner, "id")) == G_TYPE_INT64
      && json_object_get_int_member (owner, "id") != my_id)
    {
      /* Translators: before the owner line of a matching lead owned by another user */
      g_autofree char *line = g_strdup_printf ("%s · %s", _("Duplicate of another user's lead"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&line);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* a lead the user may not see comes without a name (R14) */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL && *name != '\0' ? name : "—");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
show_duplicates (RcrmLeadDialog *self,
                 const GError   *error)
{
  JsonObject *details = rcrm_client_error_get_details (error);
  const char *action = member_string (details, "action");
  JsonNode *matches = details != NULL ? json_object_get_member (details, "matches") : NULL;
  gboolean allow = g_strcmp0 (action, "allow") == 0;

  hide_duplicates (self);
  self->duplicate_action = g_strdup (action);

  if (matches != NULL && JSON_NODE_HOLDS_ARRAY (matches))
    {
      JsonArray *array = json_node_get_array (matches);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            gtk_list_box_append (self->duplicate_list,
                                 duplicate_row (json_node_get_object (element),
                                                rcrm_client_get_user (self->client) != NULL
                                                ? rcrm_user_get_id (rcrm_client_get_user (self->client)) : 0));
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->duplicate_list)) != NULL);

  if (allow)
    {
      gtk_label_set_text (self->duplicate_title, _("Possible Duplicate"));
      gtk_label_set_text (self->duplicate_message,
                          _("Leads with the same details already exist. Check them before you create another one."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->duplicate_title), "error");
    }
  else
    {
      gtk_label_set_text (self->duplicate_title, _("Duplicate Lead"));
      gtk_label_set_text (self->duplicate_message,
                          _("A lead with the same details already exists, and the duplicate rules do not allow "
                            "another one. Change the details, or ask the owner of the existing lead."));
      gtk_widget_add_css_class (GTK_WIDGET (self->duplicate_title), "error");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->create_anyway_button), allow);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead-dialog.create-anyway", allow);
  gtk_widget_set_visible (self->duplicate_box, TRUE);
  scroll_to_top (self);
}

/* ---- creating ------------------------------------------------------------------------- */

static void
set_busy (RcrmLeadDialog *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead-dialog.create", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead-dialog.create-anyway",
                                 !busy && g_strcmp0 (self->duplicate_action, "allow") == 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcrmLeadDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == rcrm_client_create_account_lead_async)
    lead = rcrm_client_create_account_lead_finish (RCRM_CLIENT (source), result, &error);
  else
    lead = rcrm_client_create_lead_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (lead != NULL)
    {
      g_signal_emit (self, signals[CREATED], 0, lead);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_DUPLICATE_LEAD))
    {
      show_duplicates (self, error);
      return;
    }

  hide_duplicates (self);

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID))
    {
      JsonObject *fields = rcrm_client_error_get_fields (error);
      g_autoptr(GString) others = g_string_new (NULL);
      gboolean focused = rcrm_custom_fields_show_errors (self->custom_fields, error);

      if (fields != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (fields);

          for (GList *l = members; l != NULL; l = l->next)
            {
              const char *name = l->data;
              const char *message = rcrm_client_error_get_field_message (error, name);
              gboolean shown = g_str_has_prefix (name, "custom.")
                               && rcrm_custom_fields_get_error (self->custom_fields,
                                                                name + strlen ("custom.")) != NULL;

              for (guint i = 0; i < N_FIELDS; i++)
                if (g_str_equal (field_names[i], name)
                    && gtk_widget_get_visible (GTK_WIDGET (self->fields[i].row)))
                  {
                    set_field_error (self, (FieldId) i, message != NULL ? message : error->message);
                    if (!focused)
                      gtk_widget_grab_focus (GTK_WIDGET (self->fields[i].row));
                    focused = shown = TRUE;
                  }

              if (!shown && message != NULL)
                {
                  if (others->len > 0)
                    g_string_append_c (others, '\n');
                  g_string_append (others, message);
                }
            }
        }

      show_error (self, others->len > 0 ? others->str : error->message);
      /* the focused row scrolls itself into view */
      if (!focused)
        scroll_to_top (self);
      return;
    }

  show_error (self, error->message);
  scroll_to_top (self);
}

static char *
entry_text (AdwEntryRow *row)
{
  return rcrm_text_strip (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
set_optional (JsonObject  *object,
              const char  *member,
              AdwEntryRow *row)
{
  g_autofree char *text = entry_text (row);

  if (text != NULL && *text != '\0')
    json_object_set_string_member (object, member, text);
}

void
rcrm_lead_dialog_submit (RcrmLeadDialog *self,
                         gboolean        confirm_duplicate)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *value_text = entry_text (self->value_row);
  const char *source = selected_string (self->source_row);
  RcrmUser *me = rcrm_catalog_get_me (self->catalog);

  g_return_if_fail (RCRM_IS_LEAD_DIALOG (self));

  if (self->busy)
    return;

  clear_errors (self);

  json_object_set_string_member (fields, "name", name != NULL ? name : "");
  set_optional (fields, "company", self->company_row);
  set_optional (fields, "phone", self->phone_row);
  set_optional (fields, "email", self->email_row);
  set_optional (fields, "tax_id", self->tax_id_row);

  if (value_text != NULL && *value_text != '\0')
    {
      g_autoptr(GError) error = NULL;
      gint64 satang;

      if (!rcrm_money_parse (value_text, &satang, &error))
        {
          set_field_error (self, FIELD_VALUE, _("Enter an amount in baht, for example 12,500.00."));
          gtk_widget_grab_focus (GTK_WIDGET (self->value_row));
          return;
        }
      json_object_set_int_member (fields, "value", satang);
    }

  if (source != NULL)
    json_object_set_string_member (fields, "source", source);

  if (self->pipeline_ids->len > 0)
    {
      guint step = adw_combo_row_get_selected (self->step_row);

      json_object_set_int_member (fields, "pipeline_id", selected_id (self->pipeline_row, self->pipeline_ids));
      json_object_set_int_member (fields, "step", step != GTK_INVALID_LIST_POSITION ? step : 0);
    }

  if (gtk_widget_get_visible (GTK_WIDGET (self->owner_row)))
    {
      gint64 owner = selected_id (self->owner_row, self->owner_ids);

      if (owner != 0 && (me == NULL || owner != rcrm_user_get_id (me)))
        json_object_set_int_member (fields, "owner_id", owner);
    }

  {
    g_autoptr(JsonObject) custom = rcrm_custom_fields_collect (self->custom_fields, FALSE);

    if (custom == NULL)
      return;   /* a number or date the rows explain */
    if (json_object_get_size (custom) > 0)
      json_object_set_object_member (fields, "custom", g_steal_pointer (&custom));
  }

  if (confirm_duplicate)
    json_object_set_boolean_member (fields, "confirm_duplicate", TRUE);

  set_busy (self, TRUE);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->account_id == 0)
    {
      rcrm_client_create_lead_async (self->client, fields, self->cancellable, on_created, self);
      return;
    }

  /* from an account: what the user emptied stays empty instead of coming
   * from the account */
  {
    static const char * const members[] = { "company", "phone", "email", "tax_id" };

    for (guint i = 0; i < G_N_ELEMENTS (members); i++)
      if (!json_object_has_member (fields, members[i]))
        json_object_set_null_member (fields, members[i]);
  }
  rcrm_client_create_account_lead_async (self->client, self->account_id, fields, self->cancellable,
                                         on_created, self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rcrm_lead_dialog_submit (RCRM_LEAD_DIALOG (widget), FALSE);
}

static void
create_anyway_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  rcrm_lead_dialog_submit (RCRM_LEAD_DIALOG (widget), TRUE);
}

static void
on_entry_activated (RcrmLeadDialog *self)
{
  rcrm_lead_dialog_submit (self, FALSE);
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
rcrm_lead_dialog_map (GtkWidget *widget)
{
  RcrmLeadDialog *self = RCRM_LEAD_DIALOG (widget);

  GTK_WIDGET_CLASS (rcrm_lead_dialog_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
rcrm_lead_dialog_constructed (GObject *object)
{
  RcrmLeadDialog *self = RCRM_LEAD_DIALOG (object);

  G_OBJECT_CLASS (rcrm_lead_dialog_parent_class)->constructed (object);

  g_assert (self->client != NULL);

  if (self->catalog == NULL)
    {
      self->catalog = rcrm_catalog_new (self->client);
      self->owns_catalog = TRUE;
    }
  g_signal_connect_object (self->catalog, "changed", G_CALLBACK (on_catalog_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->catalog, "error", G_CALLBACK (on_catalog_error),
                           self, G_CONNECT_SWAPPED);

  fill_rows (self);
  rcrm_custom_fields_load (self->custom_fields, self->client, "lead");

  if (self->owns_catalog)
    rcrm_catalog_load (self->catalog);
}

static void
rcrm_lead_dialog_dispose (GObject *object)
{
  RcrmLeadDialog *self = RCRM_LEAD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rcrm_lead_dialog_parent_class)->dispose (object);
}

static void
rcrm_lead_dialog_finalize (GObject *object)
{
  RcrmLeadDialog *self = RCRM_LEAD_DIALOG (object);

  g_clear_pointer (&self->pipeline_ids, g_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->duplicate_action, g_free);

  G_OBJECT_CLASS (rcrm_lead_dialog_parent_class)->finalize (object);
}

static void
rcrm_lead_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RcrmLeadDialog *self = RCRM_LEAD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_lead_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RcrmLeadDialog *self = RCRM_LEAD_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_lead_dialog_class_init (RcrmLeadDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rcrm_lead_dialog_constructed;
  object_class->dispose = rcrm_lead_dialog_dispose;
  object_class->finalize = rcrm_lead_dialog_finalize;
  object_class->get_property = rcrm_lead_dialog_get_property;
  object_class->set_property = rcrm_lead_dialog_set_property;
  widget_class->map = rcrm_lead_dialog_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RCRM_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         RCRM_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcrmLeadDialog::created:
   * @lead: the new lead, as the server answered
   */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RCRM_TYPE_LEAD);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-lead-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, form);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, duplicate_box);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, duplicate_title);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, duplicate_message);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, duplicate_list);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, create_anyway_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, tax_id_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, pipeline_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, step_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadDialog, owner_row);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_pipeline_selected);

  gtk_widget_class_install_action (widget_class, "lead-dialog.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "lead-dialog.create-anyway", NULL, create_anyway_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rcrm_lead_dialog_init (RcrmLeadDialog *self)
{
  AdwPreferencesRow *rows[N_FIELDS];

  self->pipeline_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  rows[FIELD_NAME] = ADW_PREFERENCES_ROW (self->name_row);
  rows[FIELD_COMPANY] = ADW_PREFERENCES_ROW (self->company_row);
  rows[FIELD_PHONE] = ADW_PREFERENCES_ROW (self->phone_row);
  rows[FIELD_EMAIL] = ADW_PREFERENCES_ROW (self->email_row);
  rows[FIELD_TAX_ID] = ADW_PREFERENCES_ROW (self->tax_id_row);
  rows[FIELD_VALUE] = ADW_PREFERENCES_ROW (self->value_row);
  rows[FIELD_SOURCE] = ADW_PREFERENCES_ROW (self->source_row);
  rows[FIELD_PIPELINE] = ADW_PREFERENCES_ROW (self->pipeline_row);
  rows[FIELD_STEP] = ADW_PREFERENCES_ROW (self->step_row);
  rows[FIELD_OWNER] = ADW_PREFERENCES_ROW (self->owner_row);

  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->fields[i].row = rows[i];
      self->fields[i].error = rcrm_row_add_error_label (rows[i]);

      if (ADW_IS_ENTRY_ROW (rows[i]))
        g_signal_connect_object (rows[i], "changed", G_CALLBACK (on_entry_changed), self, 0);
      else
        g_signal_connect_object (rows[i], "notify::selected", G_CALLBACK (on_field_edited),
                                 self, G_CONNECT_SWAPPED);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lead-dialog.create-anyway", FALSE);

  /* the custom fields (R22) at the end of the form, once the form arrived */
  self->custom_fields = RCRM_CUSTOM_FIELDS (rcrm_custom_fields_new ());
  gtk_box_append (GTK_BOX (self->form), GTK_WIDGET (self->custom_fields));
}

/* ---- public ---------------------------------------------------------------------------- */

RcrmLeadDialog *
rcrm_lead_dialog_new (GtkWindow   *parent,
                      RcrmClient  *client,
                      RcrmCatalog *catalog)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);
  g_return_val_if_fail (catalog == NULL || RCRM_IS_CATALOG (catalog), NULL);

  return g_object_new (RCRM_TYPE_LEAD_DIALOG,
                       "transient-for", parent,
                       "client", client,
                       "catalog", catalog,
                       NULL);
}

void
rcrm_lead_dialog_set_account (RcrmLeadDialog *self,
                              RcrmAccount    *account)
{
  const char *phone;
  g_autofree char *local_phone = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (RCRM_IS_LEAD_DIALOG (self));
  g_return_if_fail (RCRM_IS_ACCOUNT (account));

  self->account_id = rcrm_account_get_id (account);
  phone = rcrm_account_get_phone (account);
  local_phone = phone != NULL ? rcrm_phone_format_local (phone) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rcrm_account_get_name (account));
  gtk_editable_set_text (GTK_EDITABLE (self->company_row), rcrm_account_get_name (account));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), local_phone != NULL ? local_phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                         rcrm_account_get_email (account) != NULL ? rcrm_account_get_email (account) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->tax_id_row),
                         rcrm_account_get_tax_id (account) != NULL ? rcrm_account_get_tax_id (account) : "");
  /* Translators: the title of the new-lead dialog opened from an account; %s is the account's name */
  title = g_strdup_printf (_("New Lead for %s"), rcrm_account_get_name (account));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, rcrm_account_get_name (account));
}

gint64
rcrm_lead_dialog_get_account_id (RcrmLeadDialog *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_DIALOG (self), 0);
  return self->account_id;
}

gboolean
rcrm_lead_dialog_get_busy (RcrmLeadDialog *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_DIALOG (self), FALSE);

  return self->busy;
}

/* ---- rcrm-app-private.h ------------------------------------------------------------------ */

AdwPreferencesRow *
rcrm_lead_dialog_get_row (RcrmLeadDialog *self,
                          const char     *field)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (field_names[i], field))
      return self->fields[i].row;

  return NULL;
}

const char *
rcrm_lead_dialog_get_field_error (RcrmLeadDialog *self,
                                  const char     *field)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (field_names[i], field))
      return gtk_widget_get_visible (GTK_WIDGET (self->fields[i].error))
             ? gtk_label_get_text (self->fields[i].error) : NULL;

  return NULL;
}

GtkButton *
rcrm_lead_dialog_get_create_button (RcrmLeadDialog *self)
{
  return self->create_button;
}

GtkButton *
rcrm_lead_dialog_get_cancel_button (RcrmLeadDialog *self)
{
  return self->cancel_button;
}

GtkSpinner *
rcrm_lead_dialog_get_spinner (RcrmLeadDialog *self)
{
  return self->spinner;
}

GtkLabel *
rcrm_lead_dialog_get_error_label (RcrmLeadDialog *self)
{
  return self->error_label;
}

GtkWidget *
rcrm_lead_dialog_get_duplicate_box (RcrmLeadDialog *self)
{
  return self->duplicate_box;
}

GtkListBox *
rcrm_lead_dialog_get_duplicate_list (RcrmLeadDialog *self)
{
  return self->duplicate_list;
}

GtkLabel *
rcrm_lead_dialog_get_duplicate_message (RcrmLeadDialog *self)
{
  return self->duplicate_message;
}

GtkButton *
rcrm_lead_dialog_get_create_anyway_button (RcrmLeadDialog *self)
{
  return self->create_anyway_button;
}

/* ---- rcrm-admin-private.h ---------------------------------------------------------------- */

RcrmCustomFields *
rcrm_lead_dialog_get_custom_fields (GtkWidget *dialog)
{
  return RCRM_LEAD_DIALOG (dialog)->custom_fields;
}
