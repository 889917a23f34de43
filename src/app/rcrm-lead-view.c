/* rcrm-lead-view.c — the page of one lead: header, details, actions, notes, timeline */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-admin-private.h"
#include "rcrm-client-admin.h"
#include "rcrm-client-labels.h"
#include "rcrm-core.h"
#include "rcrm-label-chips.h"
#include "rcrm-label-picker.h"
#include "rcrm-labels-private.h"
#include "rcrm-lead-view.h"
#include "rcrm-lead-view-private.h"
#include "rcrm-move-dialog.h"
#include "rcrm-timeline-row.h"
#include "rcrm-unfollow-dialog.h"

typedef enum {
  FIELD_NAME,
  FIELD_COMPANY,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_TAX_ID,
  FIELD_VALUE,
  FIELD_SOURCE,
  N_FIELDS
} Field;

static const struct {
  const char *member;
  const char *label;
  gboolean    nullable;
} field_info[N_FIELDS] = {
  [FIELD_NAME]    = { "name",    N_("Name"),    FALSE },
  [FIELD_COMPANY] = { "company", N_("Company"), TRUE },
  [FIELD_PHONE]   = { "phone",   N_("Phone"),   TRUE },
  [FIELD_EMAIL]   = { "email",   N_("E-mail"),  TRUE },
  [FIELD_TAX_ID]  = { "tax_id",  N_("Tax ID"),  TRUE },
  [FIELD_VALUE]   = { "value",   N_("Value"),   FALSE },
  [FIELD_SOURCE]  = { "source",  N_("Source"),  FALSE },
};

struct _RcrmLeadView
{
  AdwBin         parent_instance;

  RcrmClient    *client;
  gint64         lead_id;

  /* every request about the current lead; replaced when the lead changes */
  GCancellable  *cancellable;
  /* the load under way (a newer one cancels it), NULL when none */
  GCancellable  *load_cancellable;
  guint          n_busy;
  gboolean       saving;
  gboolean       acting;
  gboolean       adding_note;
  gboolean       filling;
  gboolean       disposed;

  RcrmLead      *lead;     /* as last received */
  RcrmLead      *base;     /* the version the edits in the rows start from */
  RcrmLead      *theirs;   /* during a conflict (412): the newer version */
  char          *orig[N_FIELDS];    /* the rows' texts for base */
  char          *errors[N_FIELDS];  /* 422 messages shown on the rows */
  GPtrArray     *timeline;
  GPtrArray     *pipeline_list;
  GHashTable    *pipelines;   /* gint64 * → RcrmPipeline */
  GHashTable    *user_names;  /* gint64 * → char * */
  GStrv          sources;
  GStrv          reasons;
  GtkStringList *source_model;
  GPtrArray     *step_buttons;
  gint64         corrects_note_id;
  char          *pending_reason;
  char          *last_error;
  GtkWindow     *dialog;      /* weak */

  /* labels (R12): chips and a picker, once the window gives its catalog */
  RcrmCatalog   *catalog;
  GtkWidget     *label_chips;
  GtkWidget     *labels_button;

  GtkStack      *stack;
  GtkSpinner    *loading_spinner;
  AdwStatusPage *error_page;
  GtkButton     *retry_button;
  GtkLabel      *name_label;
  GtkLabel      *company_label;
  GtkLabel      *value_label;
  GtkLabel      *state_label;
  GtkLabel      *owner_label;
  GtkLabel      *pipeline_label;
  GtkBox        *steps_box;
  GtkLabel      *reason_label;
  GtkButton     *move_button;
  GtkButton     *unfollow_button;
  GtkButton     *restore_button;
  GtkSpinner    *action_spinner;
  GtkRevealer   *conflict_revealer;
  GtkLabel      *conflict_label;
  AdwPreferencesGroup *details_group;
  GtkSpinner    *save_spinner;
  GtkButton     *revert_button;
  GtkButton     *save_button;
  AdwEntryRow   *name_row;
  AdwEntryRow   *company_row;
  AdwEntryRow   *phone_row;
  AdwEntryRow   *email_row;
  AdwEntryRow   *tax_id_row;
  AdwEntryRow   *value_row;
  AdwComboRow   *source_row;
  GtkLabel      *details_error_label;
  GtkRevealer   *correction_revealer;
  GtkLabel      *correction_label;
  GtkTextView   *note_view;
  GtkSpinner    *note_spinner;
  GtkButton     *note_button;
  GtkSpinner    *timeline_spinner;
  GtkListBox    *timeline_list;

  /* custom fields (R22) and PDPA erasure (R26) */
  RcrmCustomFields *custom_fields;
  GtkWidget     *more_button;
  gboolean       erasure_enabled;   /* settings.erasure.leads */
  AdwMessageDialog *erase_dialog;   /* weak */
  GtkWidget     *account_button;    /* "Account": shown when the lead has one */
};

G_DEFINE_FINAL_TYPE (RcrmLeadView, rcrm_lead_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LEAD_ID,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNAL_LEAD_CHANGED,
  SIGNAL_TOAST,
  SIGNAL_ERASED,
  SIGNAL_ACCOUNT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_load     (RcrmLeadView *self,
                            gboolean      quiet,
                            gboolean      emit_changed);
static void update_actions (RcrmLeadView *self);

/* ---- small helpers -------------------------------------------------------- */

static gint64 *
int64_key (gint64 value)
{
  gint64 *key = g_new (gint64, 1);

  *key = value;
  return key;
}

static void
busy_push (RcrmLeadView *self)
{
  if (self->n_busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
busy_pop (RcrmLeadView *self)
{
  g_return_if_fail (self->n_busy > 0);
  if (--self->n_busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_last_error (RcrmLeadView *self,
                const char   *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
}

static void
toast (RcrmLeadView *self,
       const char   *message)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, message);
}

static GtkWindow *
parent_window (RcrmLeadView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
track_dialog (RcrmLeadView *self,
              GtkWindow    *dialog)
{
  g_set_weak_pointer (&self->dialog, dialog);
}

static void
show_message (RcrmLeadView *self,
              const char   *heading,
              const char   *body)
{
  GtkWidget *dialog;

  set_last_error (self, body);
  dialog = adw_message_dialog_new (parent_window (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  track_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
user_name (RcrmLeadView *self,
           gint64        id)
{
  return rcrm_timeline_user_name (self->user_names, id);
}

static RcrmPipeline *
lookup_pipeline (RcrmLeadView *self,
                 gint64        id)
{
  return self->pipelines != NULL ? g_hash_table_lookup (self->pipelines, &id) : NULL;
}

static char *
step_name (RcrmLeadView *self,
           gint64        pipeline_id,
           guint         step)
{
  RcrmPipeline *pipeline = lookup_pipeline (self, pipeline_id);
  const char *name = pipeline != NULL ? rcrm_pipeline_get_step_name (pipeline, step) : NULL;

  if (name != NULL)
    return g_strdup (name);
  /* Translators: a step the app has no name for; %d is its 1-based number */
  return g_strdup_printf (_("Step %d"), (int) MIN (step + 1, (guint) G_MAXINT));
}

static GStrv
string_array_member (JsonObject *object,
                     const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (object != NULL && json_object_has_member (object, member)
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, member)))
    {
      array = json_object_get_array_member (object, member);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (JSON_NODE_TYPE (node) == JSON_NODE_VALUE && json_node_get_value_type (node) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (node));
        }
    }
  return g_strv_builder_end (builder);
}

/* ---- the details form ------------------------------------------------------- */

static GtkWidget *
field_row (RcrmLeadView *self,
           Field         field)
{
  switch (field)
    {
    case FIELD_NAME:    return GTK_WIDGET (self->name_row);
    case FIELD_COMPANY: return GTK_WIDGET (self->company_row);
    case FIELD_PHONE:   return GTK_WIDGET (self->phone_row);
    case FIELD_EMAIL:   return GTK_WIDGET (self->email_row);
    case FIELD_TAX_ID:  return GTK_WIDGET (self->tax_id_row);
    case FIELD_VALUE:   return GTK_WIDGET (self->value_row);
    case FIELD_SOURCE:  return GTK_WIDGET (self->source_row);
    case N_FIELDS:
    default:            g_assert_not_reached ();
    }
}

static gboolean
field_from_member (const char *member,
                   Field      *out)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field_info[f].member, member) == 0)
      {
        *out = f;
        return TRUE;
      }
  return FALSE;
}

/* the text a row shows for a field of lead */
static char *
display_value (RcrmLead *lead,
               Field     field)
{
  const char *text = NULL;

  switch (field)
    {
    case FIELD_NAME:    text = rcrm_lead_get_name (lead); break;
    case FIELD_COMPANY: text = rcrm_lead_get_company (lead); break;
    case FIELD_EMAIL:   text = rcrm_lead_get_email (lead); break;
    case FIELD_SOURCE:  text = rcrm_lead_get_source (lead); break;
    case FIELD_PHONE:
      text = rcrm_lead_get_phone (lead);
      return text != NULL ? rcrm_phone_format_local (text) : g_strdup ("");
    case FIELD_TAX_ID:
      text = rcrm_lead_get_tax_id (lead);
      if (text != NULL && rcrm_tax_id_is_valid (text))
        return rcrm_tax_id_format (text);
      break;
    case FIELD_VALUE:
      return rcrm_money_format (rcrm_lead_get_value (lead));
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return g_strdup (text != NULL ? text : "");
}

static const char *
row_text (RcrmLeadView *self,
          Field         field)
{
  if (field == FIELD_SOURCE)
    {
      guint i = adw_combo_row_get_selected (self->source_row);
      const char *text = NULL;

      if (self->source_model != NULL && i != GTK_INVALID_LIST_POSITION)
        text = gtk_string_list_get_string (self->source_model, i);
      return text != NULL ? text : "";
    }
  return gtk_editable_get_text (GTK_EDITABLE (field_row (self, field)));
}

static void
fill_sources (RcrmLeadView *self,
              const char   *current)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) self->sources);
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n;

  /* a source since removed from the settings still shows */
  if (current != NULL && *current != '\0'
      && (self->sources == NULL || !g_strv_contains ((const char * const *) self->sources, current)))
    gtk_string_list_append (model, current);

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; current != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (model, i), current) == 0)
      selected = i;

  g_set_object (&self->source_model, model);
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->source_row, selected);
}

static void
set_row_text (RcrmLeadView *self,
              Field         field,
              const char   *text)
{
  gboolean was_filling = self->filling;

  self->filling = TRUE;
  if (field == FIELD_SOURCE)
    fill_sources (self, text);
  else
    gtk_editable_set_text (GTK_EDITABLE (field_row (self, field)), text != NULL ? text : "");
  self->filling = was_filling;
}

static gboolean
field_dirty (RcrmLeadView *self,
             Field         field)
{
  return self->base != NULL && g_strcmp0 (row_text (self, field), self->orig[field]) != 0;
}

static gboolean
any_dirty (RcrmLeadView *self)
{
  if (self->custom_fields != NULL && rcrm_custom_fields_get_dirty (self->custom_fields))
    return TRUE;
  for (guint f = 0; f < N_FIELDS; f++)
    if (field_dirty (self, f))
      return TRUE;
  return FALSE;
}

static void
show_details_error (RcrmLeadView *self,
                    const char   *message)
{
  gtk_label_set_text (self->details_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_error_label), message != NULL && *message != '\0');
  if (message != NULL && *message != '\0')
    set_last_error (self, message);
}

static void
set_field_error (RcrmLeadView *self,
                 Field         field,
                 const char   *message)
{
  GtkWidget *row = field_row (self, field);

  g_free (self->errors[field]);
  self->errors[field] = g_strdup (message);
  gtk_widget_set_tooltip_text (row, message);
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (field == FIELD_SOURCE)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), message != NULL ? message : "");
}

static void
refresh_details_error (RcrmLeadView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      if (self->errors[f] == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a field and the server's message about it, e.g. "เบอร์โทร: …" */
      g_string_append_printf (text, _("%s: %s"), _(field_info[f].label), self->errors[f]);
    }
  show_details_error (self, text->len > 0 ? text->str : NULL);
}

static void
clear_field_errors (RcrmLeadView *self)
{
  for (guint f = 0; f < N_FIELDS; f++)
    set_field_error (self, f, NULL);
  if (self->custom_fields != NULL)
    rcrm_custom_fields_clear_errors (self->custom_fields);
  show_details_error (self, NULL);
}

/* the rows show lead, unedited */
static void
reset_base (RcrmLeadView *self,
            RcrmLead     *lead)
{
  g_set_object (&self->base, lead);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_free (self->orig[f]);
      self->orig[f] = display_value (lead, f);
      set_row_text (self, f, self->orig[f]);
    }
  rcrm_custom_fields_set_values (self->custom_fields, rcrm_lead_get_custom (lead));
  clear_field_errors (self);
  update_actions (self);
}

/* base becomes lead; the fields the user edited keep their text, the others
 * show lead's values */
static void
rebase_keeping_edits (RcrmLeadView *self,
                      RcrmLead     *lead)
{
  gboolean dirty[N_FIELDS];

  for (guint f = 0; f < N_FIELDS; f++)
    dirty[f] = field_dirty (self, f);
  g_set_object (&self->base, lead);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_free (self->orig[f]);
      self->orig[f] = display_value (lead, f);
      if (!dirty[f])
        set_row_text (self, f, self->orig[f]);
      else if (f == FIELD_SOURCE)
        {
          /* keep the chosen source, and keep the new one selectable */
          g_autofree char *chosen = g_strdup (row_text (self, f));

          set_row_text (self, f, chosen);
        }
    }
  update_actions (self);
}

static void
row_changed_cb (RcrmLeadView *self,
                GtkWidget    *row)
{
  if (self->filling || self->disposed)
    return;
  for (guint f = 0; f < N_FIELDS; f++)
    if (field_row (self, f) == row && self->errors[f] != NULL)
      {
        set_field_error (self, f, NULL);
        refresh_details_error (self);
      }
  update_actions (self);
}

/* ---- header ------------------------------------------------------------------ */

static void
update_steps (RcrmLeadView *self)
{
  RcrmPipeline *pipeline = lookup_pipeline (self, rcrm_lead_get_pipeline_id (self->lead));
  guint n = pipeline != NULL ? rcrm_pipeline_get_n_steps (pipeline) : 0;
  guint current = (guint) MAX (rcrm_lead_get_step (self->lead), 0);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box))) != NULL)
    gtk_box_remove (self->steps_box, child);
  g_ptr_array_set_size (self->step_buttons, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u. %s", i + 1, rcrm_pipeline_get_step_name (pipeline, i));
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "lead.move-to-step");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      if (i == current)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_widget_set_tooltip_text (button, _("The current step"));
          gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                                       GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
        }
      else
        {
          gtk_widget_add_css_class (button, i < current ? "rcrm-step-done" : "flat");
          gtk_widget_set_tooltip_text (button, i < current ? _("Move back to this step")
                                                           : _("Move forward to this step"));
        }
      gtk_box_append (self->steps_box, button);
      g_ptr_array_add (self->step_buttons, button);
    }
}

static void
update_header (RcrmLeadView *self)
{
  RcrmLead *lead = self->lead;
  RcrmPipeline *pipeline;
  const char *state = rcrm_lead_get_state (lead);
  const char *company = rcrm_lead_get_company (lead);
  g_autofree char *money = rcrm_money_format (rcrm_lead_get_value (lead));
  g_autofree char *value = NULL;
  g_autofree char *owner = user_name (self, rcrm_lead_get_owner_id (lead));
  gboolean unfollowed = rcrm_lead_is_unfollowed (lead);

  gtk_label_set_text (self->name_label, rcrm_lead_get_name (lead) != NULL ? rcrm_lead_get_name (lead) : "");
  if (self->account_button != NULL)
    gtk_widget_set_visible (self->account_button, rcrm_lead_get_account_id (lead) > 0);
  if (self->label_chips != NULL)
    rcrm_label_chips_set_label_ids (RCRM_LABEL_CHIPS (self->label_chips), rcrm_lead_get_label_ids (lead));
  gtk_label_set_text (self->company_label, company != NULL ? company : "");
  gtk_widget_set_visible (GTK_WIDGET (self->company_label), company != NULL && *company != '\0');

  /* Translators: an amount in baht, e.g. "฿1,234.50" */
  value = g_strdup_printf (_("฿%s"), money);
  gtk_label_set_text (self->value_label, value);

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "in-progress");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "closed");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "unfollowed");
  if (unfollowed || g_strcmp0 (state, "unfollowed") == 0)
    {
      /* Translators: the state of a lead: เลิกติดตาม */
      gtk_label_set_text (self->state_label, _("Unfollowed"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "unfollowed");
    }
  else if (g_strcmp0 (state, "closed") == 0)
    {
      /* Translators: the state of a lead at its pipeline's last step: ปิดการขาย */
      gtk_label_set_text (self->state_label, _("Closed"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "closed");
    }
  else
    {
      /* Translators: the state of a lead being followed: กำลังติดตาม */
      gtk_label_set_text (self->state_label, _("In Progress"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "in-progress");
    }

  gtk_label_set_text (self->owner_label, owner);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->owner_label), _("Owner"));

  pipeline = lookup_pipeline (self, rcrm_lead_get_pipeline_id (lead));
  if (pipeline != NULL)
    gtk_label_set_text (self->pipeline_label, rcrm_pipeline_get_name (pipeline));
  else
    gtk_label_set_text (self->pipeline_label, "");
  update_steps (self);

  if (unfollowed)
    {
      const char *reason = rcrm_lead_get_unfollow_reason (lead);
      g_autofree char *text = g_strdup_printf (_("Unfollowed, reason: %s"), reason != NULL ? reason : "");

      gtk_label_set_text (self->reason_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), unfollowed);
  gtk_widget_set_visible (GTK_WIDGET (self->move_button), !unfollowed);
  gtk_widget_set_visible (GTK_WIDGET (self->unfollow_button), !unfollowed);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_button), unfollowed);
}

static void
update_actions (RcrmLeadView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have_lead = self->lead != NULL;
  gboolean unfollowed = have_lead && rcrm_lead_is_unfollowed (self->lead);
  gboolean dirty = have_lead && any_dirty (self);
  gboolean conflict = self->theirs != NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *note = NULL;
  g_autofree char *stripped = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stripped = rcrm_text_strip (note);

  gtk_widget_action_set_enabled (widget, "lead.save", dirty && !self->saving && !conflict);
  gtk_widget_action_set_enabled (widget, "lead.revert", dirty && !self->saving && !conflict);
  gtk_widget_action_set_enabled (widget, "lead.conflict-save", conflict && !self->saving);
  gtk_widget_action_set_enabled (widget, "lead.conflict-discard", conflict && !self->saving);
  gtk_widget_action_set_enabled (widget, "lead.move", have_lead && !unfollowed && !self->acting);
  gtk_widget_action_set_enabled (widget, "lead.move-to-step", have_lead && !unfollowed && !self->acting);
  gtk_widget_action_set_enabled (widget, "lead.unfollow", have_lead && !unfollowed && !self->acting);
  gtk_widget_action_set_enabled (widget, "lead.restore", have_lead && unfollowed && !self->acting);
  gtk_widget_action_set_enabled (widget, "lead.add-note",
                                 have_lead && !self->adding_note && stripped != NULL && *stripped != '\0');
  gtk_widget_action_set_enabled (widget, "lead.correct-note", have_lead && !self->adding_note);

  gtk_widget_set_sensitive (GTK_WIDGET (self->details_group), !self->saving);
  if (self->custom_fields != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->custom_fields), !self->saving);
  if (self->more_button != NULL)
    {
      /* PDPA erasure (R26): administrators, when the lead settings allow it */
      RcrmUser *me = self->client != NULL ? rcrm_client_get_user (self->client) : NULL;
      gboolean can_erase = have_lead && self->erasure_enabled && me != NULL && rcrm_user_is_admin (me);

      gtk_widget_action_set_enabled (widget, "lead.erase", can_erase && !self->acting);
      gtk_widget_set_visible (self->more_button, can_erase);
    }
  gtk_text_view_set_editable (self->note_view, !self->adding_note);

  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), self->saving);
  gtk_spinner_set_spinning (self->save_spinner, self->saving);
  gtk_widget_set_visible (GTK_WIDGET (self->action_spinner), self->acting);
  gtk_spinner_set_spinning (self->action_spinner, self->acting);
  gtk_widget_set_visible (GTK_WIDGET (self->note_spinner), self->adding_note);
  gtk_spinner_set_spinning (self->note_spinner, self->adding_note);
}

/* ---- timeline ---------------------------------------------------------------- */

static void
rebuild_timeline (RcrmLeadView *self)
{
  GtkWidget *child;
  gint64 pipeline_id = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);
  if (self->timeline == NULL)
    return;

  /* the pipeline the lead started in: the first move's origin, or where it is */
  if (self->lead != NULL)
    pipeline_id = rcrm_lead_get_pipeline_id (self->lead);
  for (guint i = 0; i < self->timeline->len; i++)
    {
      RcrmTimelineEntry *entry = g_ptr_array_index (self->timeline, i);
      JsonObject *data = rcrm_timeline_entry_get_data (entry);

      if (g_strcmp0 (rcrm_timeline_entry_get_kind (entry), "pipeline") == 0 && data != NULL
          && json_object_has_member (data, "from_pipeline_id"))
        {
          pipeline_id = json_object_get_int_member (data, "from_pipeline_id");
          break;
        }
    }

  /* the server sends oldest first; the page shows newest first */
  for (guint i = 0; i < self->timeline->len; i++)
    {
      RcrmTimelineEntry *entry = g_ptr_array_index (self->timeline, i);
      const char *kind = rcrm_timeline_entry_get_kind (entry);
      JsonObject *data = rcrm_timeline_entry_get_data (entry);

      if (g_strcmp0 (kind, "created") == 0 && data != NULL && json_object_has_member (data, "pipeline_id"))
        pipeline_id = json_object_get_int_member (data, "pipeline_id");
      else if (g_strcmp0 (kind, "pipeline") == 0 && data != NULL && json_object_has_member (data, "to_pipeline_id"))
        pipeline_id = json_object_get_int_member (data, "to_pipeline_id");

      gtk_list_box_prepend (self->timeline_list,
                            rcrm_timeline_row_new (entry, self->user_names, self->pipelines, pipeline_id));
    }
}

/* ---- loading ----------------------------------------------------------------- */

typedef struct {
  gint64      lead_id;
  gboolean    quiet;
  gboolean    emit_changed;
  guint       pending;
  GError     *error;
  RcrmLead   *lead;
  GPtrArray  *timeline;
  GPtrArray  *users;
  GPtrArray  *pipelines;
  JsonObject *settings;
} LoadData;

static void
load_data_free (gpointer pointer)
{
  LoadData *data = pointer;

  g_clear_error (&data->error);
  g_clear_object (&data->lead);
  g_clear_pointer (&data->timeline, g_ptr_array_unref);
  g_clear_pointer (&data->users, g_ptr_array_unref);
  g_clear_pointer (&data->pipelines, g_ptr_array_unref);
  g_clear_pointer (&data->settings, json_object_unref);
  g_free (data);
}

static void
load_part_done (GTask  *task,
                GError *error)
{
  LoadData *data = g_task_get_task_data (task);

  if (error != NULL)
    {
      /* the first real error wins over a cancellation */
      if (data->error == NULL || g_error_matches (data->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&data->error);
          data->error = error;
        }
      else
        g_error_free (error);
    }

  if (--data->pending > 0)
    return;
  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_lead_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->lead = rcrm_client_get_lead_finish (RCRM_CLIENT (source), result, &error);
  load_part_done (task, error);
}

static void
load_timeline_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->timeline = rcrm_client_get_timeline_finish (RCRM_CLIENT (source), result, &error);
  load_part_done (task, error);
}

static void
load_users_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->users = rcrm_client_list_directory_finish (RCRM_CLIENT (source), result, &error);
  load_part_done (task, error);
}

static void
load_pipelines_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->pipelines = rcrm_client_list_pipelines_finish (RCRM_CLIENT (source), result, &error);
  load_part_done (task, error);
}

static void
load_settings_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->settings = rcrm_client_get_settings_finish (RCRM_CLIENT (source), result, &error);
  load_part_done (task, error);
}

/* the lead, its timeline and the reference data, in parallel.  The task has
 * no source object so that a pending load does not keep the view alive; the
 * view cancels it in dispose. */
static void
load_async (RcrmClient          *client,
            gint64               lead_id,
            gboolean             quiet,
            gboolean             emit_changed,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, load_async);
  data = g_new0 (LoadData, 1);
  data->lead_id = lead_id;
  data->quiet = quiet;
  data->emit_changed = emit_changed;
  data->pending = 5;
  g_task_set_task_data (task, data, load_data_free);

  rcrm_client_get_lead_async (client, lead_id, cancellable, load_lead_cb, g_object_ref (task));
  rcrm_client_get_timeline_async (client, lead_id, cancellable, load_timeline_cb, g_object_ref (task));
  rcrm_client_list_directory_async (client, cancellable, load_users_cb, g_object_ref (task));
  rcrm_client_list_pipelines_async (client, cancellable, load_pipelines_cb, g_object_ref (task));
  rcrm_client_get_settings_async (client, cancellable, load_settings_cb, g_object_ref (task));
}

static LoadData *
load_finish (GAsyncResult  *result,
             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == load_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

/* the lead changed (from a load or an action) */
static void
set_lead (RcrmLeadView *self,
          RcrmLead     *lead)
{
  g_set_object (&self->lead, lead);
  update_header (self);

  /* unedited rows follow the server; edited ones keep their base, so that
   * saving them over a newer version goes through the conflict check */
  if (self->theirs == NULL
      && (self->base == NULL || rcrm_lead_get_id (self->base) != rcrm_lead_get_id (lead) || !any_dirty (self)))
    reset_base (self, lead);
  update_actions (self);
}

static void
apply_load (RcrmLeadView *self,
            LoadData     *data)
{
  g_clear_pointer (&self->user_names, g_hash_table_unref);
  self->user_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < data->users->len; i++)
    {
      RcrmUser *user = g_ptr_array_index (data->users, i);

      g_hash_table_insert (self->user_names, int64_key (rcrm_user_get_id (user)),
                           g_strdup (rcrm_user_get_display_name (user)));
    }

  g_clear_pointer (&self->pipelines, g_hash_table_unref);
  self->pipelines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < data->pipelines->len; i++)
    {
      RcrmPipeline *pipeline = g_ptr_array_index (data->pipelines, i);

      g_hash_table_insert (self->pipelines, int64_key (rcrm_pipeline_get_id (pipeline)), g_object_ref (pipeline));
    }
  g_clear_pointer (&self->pipeline_list, g_ptr_array_unref);
  self->pipeline_list = g_ptr_array_ref (data->pipelines);

  g_strfreev (self->sources);
  self->sources = string_array_member (data->settings, "lead_sources");
  g_strfreev (self->reasons);
  self->reasons = string_array_member (data->settings, "unfollow_reasons");
  {
    JsonNode *erasure = json_object_get_member (data->settings, "erasure");
    JsonObject *object = erasure != NULL && JSON_NODE_HOLDS_OBJECT (erasure) ? json_node_get_object (erasure) : NULL;
    JsonNode *leads = object != NULL ? json_object_get_member (object, "leads") : NULL;

    self->erasure_enabled = leads != NULL && json_node_get_value_type (leads) == G_TYPE_BOOLEAN
                            && json_node_get_boolean (leads);
  }

  /* the source list may have changed under an unedited row */
  if (self->base != NULL && !field_dirty (self, FIELD_SOURCE))
    set_row_text (self, FIELD_SOURCE, self->orig[FIELD_SOURCE]);

  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  self->timeline = g_ptr_array_ref (data->timeline);

  set_lead (self, data->lead);
  rebuild_timeline (self);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  RcrmLeadView *self;
  g_autoptr(GError) error = NULL;
  LoadData *data;

  data = load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_LEAD_VIEW (user_data);
  g_clear_object (&self->load_cancellable);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_spinner), FALSE);
  gtk_spinner_set_spinning (self->timeline_spinner, FALSE);

  if (data == NULL)
    {
      set_last_error (self, error->message);
      if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "lead"))
        {
          /* a refresh failed: keep what is shown */
          toast (self, error->message);
        }
      else
        {
          if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_NOT_FOUND))
            adw_status_page_set_title (self->error_page, _("Lead Not Found"));
          else
            adw_status_page_set_title (self->error_page, _("Could Not Load the Lead"));
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      busy_pop (self);
      return;
    }

  apply_load (self, data);
  gtk_stack_set_visible_child_name (self->stack, "lead");
  if (data->emit_changed)
    g_signal_emit (self, signals[SIGNAL_LEAD_CHANGED], 0, self->lead);
  busy_pop (self);
}

static void
start_load (RcrmLeadView *self,
            gboolean      quiet,
            gboolean      emit_changed)
{
  if (self->lead_id == 0)
    return;

  if (self->load_cancellable != NULL)
    {
      /* replace the load under way; it was counted busy already */
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
    }
  else
    busy_push (self);
  self->load_cancellable = g_cancellable_new ();

  if (quiet)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->timeline_spinner), TRUE);
      gtk_spinner_set_spinning (self->timeline_spinner, TRUE);
    }
  else
    {
      gtk_spinner_set_spinning (self->loading_spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      /* the lead form's definition, which may have changed since */
      rcrm_custom_fields_load (self->custom_fields, self->client, "lead");
    }

  load_async (self->client, self->lead_id, quiet, emit_changed, self->load_cancellable, load_cb, self);
}

/* after a successful change: show it, tell the window, refresh the timeline */
static void
changed (RcrmLeadView *self,
         RcrmLead     *lead,
         const char   *message)
{
  set_lead (self, lead);
  g_signal_emit (self, signals[SIGNAL_LEAD_CHANGED], 0, lead);
  if (message != NULL)
    toast (self, message);
  start_load (self, TRUE, FALSE);
}

/* ---- labels (R12) ---------------------------------------------------------------- */

static void
labels_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RcrmLeadView *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = rcrm_client_set_lead_labels_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (lead == NULL)
    {
      const char *message = rcrm_client_error_get_field_message (error, "label_ids");

      toast (self, message != NULL ? message : error->message);
      return;
    }
  changed (self, lead, _("Labels changed"));
}

static void
on_labels_apply (RcrmLeadView *self,
                 GArray       *add,
                 GArray       *remove)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *current;

  if (self->lead == NULL)
    return;
  current = rcrm_lead_get_label_ids (self->lead);
  if (current != NULL)
    g_array_append_vals (ids, current->data, current->len);
  if (!rcrm_label_ids_edit (ids, add, remove))
    return;
  rcrm_client_set_lead_labels_async (self->client, rcrm_lead_get_id (self->lead), rcrm_lead_get_version (self->lead),
                                     (const gint64 *) (gpointer) ids->data, ids->len,
                                     self->cancellable, labels_cb, self);
}

static void
prepare_label_picker (GtkMenuButton *button,
                      gpointer       user_data)
{
  RcrmLeadView *self = user_data;
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();

  if (self->lead != NULL)
    g_ptr_array_add (sets, rcrm_lead_get_label_ids (self->lead));
  rcrm_label_picker_set_records (RCRM_LABEL_PICKER (gtk_menu_button_get_popover (button)), sets);
}

void
rcrm_lead_view_set_catalog (RcrmLeadView *self,
                            RcrmCatalog  *catalog)
{
  GtkWidget *picker;
  GtkWidget *row;

  g_return_if_fail (RCRM_IS_LEAD_VIEW (self));
  g_return_if_fail (RCRM_IS_CATALOG (catalog));
  g_return_if_fail (self->catalog == NULL);

  self->catalog = g_object_ref (catalog);

  /* next to the state and the owner */
  row = gtk_widget_get_parent (GTK_WIDGET (self->state_label));
  self->label_chips = rcrm_label_chips_new (catalog);
  gtk_widget_set_valign (self->label_chips, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), self->label_chips);

  picker = rcrm_label_picker_new (catalog);
  g_signal_connect_object (picker, "apply", G_CALLBACK (on_labels_apply), self, G_CONNECT_SWAPPED);
  self->labels_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->labels_button), "document-edit-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->labels_button), picker);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->labels_button), prepare_label_picker, self, NULL);
  gtk_widget_set_tooltip_text (self->labels_button, _("Change Labels"));
  gtk_widget_set_valign (self->labels_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->labels_button, "flat");
  gtk_box_append (GTK_BOX (row), self->labels_button);

  self->account_button = gtk_button_new ();
  {
    GtkWidget *content = adw_button_content_new ();

    adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "x-office-address-book-symbolic");
    adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Open Account"));
    gtk_button_set_child (GTK_BUTTON (self->account_button), content);
  }
  gtk_widget_set_tooltip_text (self->account_button, _("Open the Lead's Account"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->account_button), "lead.open-account");
  gtk_widget_set_valign (self->account_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->account_button, "flat");
  gtk_widget_set_visible (self->account_button, self->lead != NULL && rcrm_lead_get_account_id (self->lead) > 0);
  gtk_box_append (GTK_BOX (row), self->account_button);

  if (self->lead != NULL)
    rcrm_label_chips_set_label_ids (RCRM_LABEL_CHIPS (self->label_chips), rcrm_lead_get_label_ids (self->lead));
}

GtkWidget *
rcrm_lead_view_get_label_chips (RcrmLeadView *self)
{
  return self->label_chips;
}

GtkMenuButton *
rcrm_lead_view_get_labels_button (RcrmLeadView *self)
{
  return self->labels_button != NULL ? GTK_MENU_BUTTON (self->labels_button) : NULL;
}

/* ---- saving the details (PATCH with If-Match) ---------------------------------- */

static void save (RcrmLeadView *self);

static void
show_conflict (RcrmLeadView *self,
               RcrmLead     *theirs)
{
  g_autoptr(GString) text = g_string_new (_("They saved a newer version while you were editing. Their values and yours:"));

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *their_value = display_value (theirs, f);
      const char *yours = row_text (self, f);

      if (g_strcmp0 (their_value, self->orig[f]) == 0)
        continue;
      g_string_append_c (text, '\n');
      if (g_strcmp0 (yours, self->orig[f]) == 0)
        /* Translators: a field the other user changed and this user did not; %s are the field and its new value */
        g_string_append_printf (text, _("%s: theirs “%s” (you did not change it)"), _(field_info[f].label),
                                *their_value != '\0' ? their_value : _("(empty)"));
      else
        /* Translators: one changed field in a conflict: the field, the other user's value and this user's */
        g_string_append_printf (text, _("%s: theirs “%s”, yours “%s”"), _(field_info[f].label),
                                *their_value != '\0' ? their_value : _("(empty)"),
                                *yours != '\0' ? yours : _("(empty)"));
    }

  g_set_object (&self->theirs, theirs);
  gtk_label_set_text (self->conflict_label, text->str);
  gtk_revealer_set_reveal_child (self->conflict_revealer, TRUE);
  set_last_error (self, text->str);
  update_actions (self);
}

static void
conflict_fetch_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RcrmLeadView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) newest = NULL;
  gboolean theirs_differ = FALSE;

  newest = rcrm_client_get_lead_finish (RCRM_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_LEAD_VIEW (user_data);
  self->saving = FALSE;
  busy_pop (self);

  if (newest == NULL)
    {
      show_details_error (self, error->message);
      toast (self, error->message);
      update_actions (self);
      return;
    }

  g_set_object (&self->lead, newest);
  update_header (self);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *their_value = display_value (newest, f);

      if (g_strcmp0 (their_value, self->orig[f]) != 0)
        theirs_differ = TRUE;
    }

  if (!theirs_differ)
    {
      /* only the step, owner or state changed: nothing to choose, save on it */
      rebase_keeping_edits (self, newest);
      save (self);
      return;
    }
  show_conflict (self, newest);
}

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  RcrmLeadView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = NULL;

  lead = rcrm_client_update_lead_finish (RCRM_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_LEAD_VIEW (user_data);

  if (lead != NULL)
    {
      self->saving = FALSE;
      busy_pop (self);
      reset_base (self, lead);
      changed (self, lead, _("Lead saved"));
      return;
    }

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_PRECONDITION_FAILED))
    {
      /* someone else saved first: fetch their version (still saving, still busy) */
      rcrm_client_get_lead_async (self->client, self->lead_id, self->cancellable, conflict_fetch_cb, self);
      return;
    }

  self->saving = FALSE;
  busy_pop (self);

  if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID))
    {
      gboolean marked = rcrm_custom_fields_show_errors (self->custom_fields, error);

      for (guint f = 0; f < N_FIELDS; f++)
        {
          const char *message = rcrm_client_error_get_field_message (error, field_info[f].member);

          if (message != NULL)
            {
              set_field_error (self, f, message);
              marked = TRUE;
            }
        }
      if (marked)
        refresh_details_error (self);
      else
        show_details_error (self, error->message);
    }
  else
    {
      show_details_error (self, error->message);
      toast (self, error->message);
    }
  update_actions (self);
}

static void
save (RcrmLeadView *self)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  gboolean bad = FALSE;

  if (self->base == NULL || self->saving || self->theirs != NULL)
    return;

  clear_field_errors (self);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *text = NULL;

      if (!field_dirty (self, f))
        continue;
      text = rcrm_text_strip (row_text (self, f));

      if (f == FIELD_VALUE)
        {
          g_autoptr(GError) error = NULL;
          gint64 satang = 0;

          if (!rcrm_money_parse (text, &satang, &error))
            {
              set_field_error (self, f, _("Enter an amount in baht, e.g. 1,500.00"));
              bad = TRUE;
            }
          else if (satang != rcrm_lead_get_value (self->base))
            json_object_set_int_member (changes, "value", satang);
        }
      else if (field_info[f].nullable && *text == '\0')
        json_object_set_null_member (changes, field_info[f].member);
      else
        json_object_set_string_member (changes, field_info[f].member, text);
    }

  {
    g_autoptr(JsonObject) custom = rcrm_custom_fields_collect (self->custom_fields, TRUE);

    if (custom == NULL)
      bad = TRUE;
    else if (json_object_get_size (custom) > 0)
      json_object_set_object_member (changes, "custom", g_steal_pointer (&custom));
  }

  if (bad)
    {
      refresh_details_error (self);
      return;
    }
  if (json_object_get_size (changes) == 0)
    {
      /* e.g. "1500" for 1,500.00: nothing to send */
      reset_base (self, self->base);
      return;
    }

  self->saving = TRUE;
  busy_push (self);
  update_actions (self);
  rcrm_client_update_lead_async (self->client, self->lead_id, rcrm_lead_get_version (self->base), changes,
                                 self->cancellable, save_cb, self);
}

/* ---- move, unfollow, restore ---------------------------------------------------- */

static void
action_started (RcrmLeadView *self)
{
  self->acting = TRUE;
  busy_push (self);
  update_actions (self);
}

static void
action_finished (RcrmLeadView *self)
{
  self->acting = FALSE;
  busy_pop (self);
  update_actions (self);
}

static void
move_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  RcrmLeadView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = NULL;

  lead = rcrm_client_move_lead_finish (RCRM_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_LEAD_VIEW (user_data);
  action_finished (self);

  if (lead != NULL)
    {
      g_autofree char *step = step_name (self, rcrm_lead_get_pipeline_id (lead), (guint) MAX (rcrm_lead_get_step (lead), 0));
      /* Translators: %s is a step name */
      g_autofree char *message = g_strdup_printf (_("Moved to %s"), step);

      changed (self, lead, message);
    }
  else if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_STEP_BACK_DISABLED))
    show_message (self, _("Cannot Move Back"), error->message);
  else
    show_message (self, _("Could Not Move the Lead"), error->message);
}

void
rcrm_lead_view_move (RcrmLeadView *self,
                     gint64        pipeline_id,
                     guint         step)
{
  g_return_if_fail (RCRM_IS_LEAD_VIEW (self));

  if (self->lead == NULL || self->acting)
    return;
  if (pipeline_id == 0)
    pipeline_id = rcrm_lead_get_pipeline_id (self->lead);
  if (pipeline_id == rcrm_lead_get_pipeline_id (self->lead) && (gint) step == rcrm_lead_get_step (self->lead))
    return;

  action_started (self);
  rcrm_client_move_lead_async (self->client, self->lead_id,
                               pipeline_id == rcrm_lead_get_pipeline_id (self->lead) ? 0 : pipeline_id,
                               step, self->cancellable, move_cb, self);
}

static void show_unfollow_dialog (RcrmLeadView *self,
                                  const char   *reason,
                                  const char   *error);

static void
unfollow_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RcrmLeadView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = NULL;

  lead = rcrm_client_unfollow_lead_finish (RCRM_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_LEAD_VIEW (user_data);
  action_finished (self);

  if (lead != NULL)
    changed (self, lead, _("Lead unfollowed"));
  else if (g_error_matches (error, RCRM_CLIENT_ERROR, RCRM_CLIENT_ERROR_INVALID))
    {
      const char *message = rcrm_client_error_get_field_message (error, "reason");

      set_last_error (self, message != NULL ? message : error->message);
      /* ask again, with what was chosen and the server's message */
      show_unfollow_dialog (self, self->pending_reason, self->last_error);
    }
  else
    show_message (self, _("Could Not Unfollow the Lead"), error->message);
}

void
rcrm_lead_view_unfollow (RcrmLeadView *self,
                         const char   *reason)
{
  g_return_if_fail (RCRM_IS_LEAD_VIEW (self));

  if (self->lead == NULL || self->acting)
    return;

  g_free (self->pending_reason);
  self->pending_reason = g_strdup (reason != NULL ? reason : "");
  action_started (self);
  rcrm_client_unfollow_lead_async (self->client, self->lead_id, self->pending_reason,
                                   self->cancellable, unfollow_cb, self);
}

static void
restore_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RcrmLeadView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = NULL;

  lead = rcrm_client_restore_lead_finish (RCRM_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_LEAD_VIEW (user_data);
  action_finished (self);

  if (lead != NULL)
    changed (self, lead, _("Lead restored"));
  else
    show_message (self, _("Could Not Restore the Lead"), error->message);
}

void
rcrm_lead_view_restore (RcrmLeadView *self)
{
  g_return_if_fail (RCRM_IS_LEAD_VIEW (self));

  if (self->lead == NULL || self->acting)
    return;

  action_started (self);
  rcrm_client_restore_lead_async (self->client, self->lead_id, self->cancellable, restore_cb, self);
}

static void
move_response_cb (RcrmMoveDialog *dialog,
                  const char     *response,
                  RcrmLeadView   *self)
{
  if (g_strcmp0 (response, "move") == 0)
    rcrm_lead_view_move (self, rcrm_move_dialog_get_pipeline_id (dialog), rcrm_move_dialog_get_step (dialog));
}

static void
unfollow_response_cb (RcrmUnfollowDialog *dialog,
                      const char         *response,
                      RcrmLeadView       *self)
{
  if (g_strcmp0 (response, "unfollow") == 0)
    rcrm_lead_view_unfollow (self, rcrm_unfollow_dialog_get_reason (dialog));
}

static void
show_unfollow_dialog (RcrmLeadView *self,
                      const char   *reason,
                      const char   *error)
{
  RcrmUnfollowDialog *dialog;

  dialog = rcrm_unfollow_dialog_new (parent_window (self), (const char * const *) self->reasons);
  if (reason != NULL)
    rcrm_unfollow_dialog_set_reason (dialog, reason);
  rcrm_unfollow_dialog_set_error (dialog, error);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unfollow_response_cb), self, 0);
  track_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- notes (R5: append-only) ------------------------------------------------------ */

static void
set_correction (RcrmLeadView *self,
                gint64        note_id)
{
  self->corrects_note_id = note_id;
  if (note_id > 0)
    {
      char id[32];
      g_autofree char *text = NULL;

      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, note_id);
      /* Translators: %s is the number of the note being corrected */
      text = g_strdup_printf (_("This note will correct note #%s"), id);
      gtk_label_set_text (self->correction_label, text);
    }
  gtk_revealer_set_reveal_child (self->correction_revealer, note_id > 0);
}

static void
note_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  RcrmLeadView *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmTimelineEntry) note = NULL;

  note = rcrm_client_add_note_finish (RCRM_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RCRM_LEAD_VIEW (user_data);
  self->adding_note = FALSE;
  busy_pop (self);

  if (note == NULL)
    {
      const char *message = rcrm_client_error_get_field_message (error, "body");

      /* the text stays for another try */
      set_last_error (self, message != NULL ? message : error->message);
      toast (self, self->last_error);
      update_actions (self);
      return;
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  set_correction (self, 0);
  update_actions (self);
  toast (self, _("Note added"));
  /* the lead's last activity changed too */
  start_load (self, TRUE, TRUE);
}

static void
add_note (RcrmLeadView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;

  if (self->lead == NULL || self->adding_note)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  body = rcrm_text_strip (text);
  if (body == NULL || *body == '\0')
    return;

  self->adding_note = TRUE;
  busy_push (self);
  update_actions (self);
  rcrm_client_add_note_async (self->client, self->lead_id, body, self->corrects_note_id,
                              self->cancellable, note_cb, self);
}

/* ---- the lead's account ------------------------------------------------------------- */

static void
open_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (widget);

  if (self->lead != NULL && rcrm_lead_get_account_id (self->lead) > 0)
    g_signal_emit (self, signals[SIGNAL_ACCOUNT_ACTIVATED], 0, rcrm_lead_get_account_id (self->lead));
}

/* ---- PDPA erasure (R26) -------------------------------------------------------------- */

static void
erased_cb (gpointer user_data)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (user_data);
  gint64 id = self->lead_id;

  g_signal_emit (self, signals[SIGNAL_ERASED], 0, id);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (widget);
  const char *name;

  if (self->lead == NULL)
    return;
  name = rcrm_lead_get_name (self->lead);
  g_set_weak_pointer (&self->erase_dialog,
                      rcrm_erase_dialog_present (parent_window (self), self->client, "lead", self->lead_id,
                                                 name != NULL ? name : "", self->cancellable, erased_cb, self));
}

/* ---- actions ---------------------------------------------------------------------- */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (widget);

  start_load (self, self->lead != NULL && g_str_equal (gtk_stack_get_visible_child_name (self->stack), "lead"), FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (RCRM_LEAD_VIEW (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (widget);

  if (self->lead != NULL && !self->saving)
    reset_base (self, self->lead);
}

static void
conflict_save_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (widget);
  g_autoptr(RcrmLead) theirs = g_steal_pointer (&self->theirs);

  if (theirs == NULL)
    return;
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
  /* the user's edits, applied to the newer version */
  rebase_keeping_edits (self, theirs);
  save (self);
}

static void
conflict_discard_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (widget);
  g_autoptr(RcrmLead) theirs = g_steal_pointer (&self->theirs);

  if (theirs == NULL)
    return;
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
  reset_base (self, theirs);
  toast (self, _("Your changes were discarded"));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (widget);
  RcrmMoveDialog *dialog;

  if (self->lead == NULL || self->pipeline_list == NULL)
    return;
  dialog = rcrm_move_dialog_new (parent_window (self), self->pipeline_list,
                                 rcrm_lead_get_pipeline_id (self->lead),
                                 (guint) MAX (rcrm_lead_get_step (self->lead), 0));
  g_signal_connect_object (dialog, "response", G_CALLBACK (move_response_cb), self, 0);
  track_dialog (self, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_to_step_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (widget);

  if (self->lead != NULL)
    rcrm_lead_view_move (self, rcrm_lead_get_pipeline_id (self->lead), g_variant_get_uint32 (parameter));
}

static void
unfollow_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (widget);

  if (self->lead != NULL)
    show_unfollow_dialog (self, NULL, NULL);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  rcrm_lead_view_restore (RCRM_LEAD_VIEW (widget));
}

static void
add_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  add_note (RCRM_LEAD_VIEW (widget));
}

static void
correct_note_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (widget);
  gint64 note_id = g_variant_get_int64 (parameter);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  if (note_id <= 0 || self->adding_note)
    return;
  set_correction (self, note_id);

  /* start from the corrected text when nothing is typed yet */
  if (gtk_text_buffer_get_char_count (buffer) == 0)
    for (guint i = 0; self->timeline != NULL && i < self->timeline->len; i++)
      {
        RcrmTimelineEntry *entry = g_ptr_array_index (self->timeline, i);

        if (rcrm_timeline_entry_get_id (entry) == note_id && rcrm_timeline_entry_get_body (entry) != NULL)
          gtk_text_buffer_set_text (buffer, rcrm_timeline_entry_get_body (entry), -1);
      }
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
cancel_correction_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  set_correction (RCRM_LEAD_VIEW (widget), 0);
}

static void
note_buffer_changed_cb (RcrmLeadView *self)
{
  if (!self->disposed)
    update_actions (self);
}

/* ---- GObject ---------------------------------------------------------------------- */

static void
cancel_all (RcrmLeadView *self)
{
  gboolean was_busy = self->n_busy > 0;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  /* cancelled callbacks return without touching the view */
  self->n_busy = 0;
  self->saving = FALSE;
  self->acting = FALSE;
  self->adding_note = FALSE;
  if (was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
rcrm_lead_view_dispose (GObject *object)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (object);

  self->disposed = TRUE;
  cancel_all (self);
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);
  if (self->erase_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->erase_dialog));
  g_clear_weak_pointer (&self->erase_dialog);

  /* the stack is both AdwBin's child and a template child: let AdwBin drop it
   * first so that it is unparented once */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_LEAD_VIEW);
  /* went with the template's box */
  self->custom_fields = NULL;
  self->more_button = NULL;

  g_clear_object (&self->client);
  g_clear_object (&self->catalog);
  g_clear_object (&self->lead);
  g_clear_object (&self->base);
  g_clear_object (&self->theirs);
  g_clear_object (&self->source_model);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  g_clear_pointer (&self->pipeline_list, g_ptr_array_unref);
  g_clear_pointer (&self->pipelines, g_hash_table_unref);
  g_clear_pointer (&self->user_names, g_hash_table_unref);
  g_clear_pointer (&self->step_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (rcrm_lead_view_parent_class)->dispose (object);
}

static void
rcrm_lead_view_finalize (GObject *object)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (object);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_free (self->orig[f]);
      g_free (self->errors[f]);
    }
  g_strfreev (self->sources);
  g_strfreev (self->reasons);
  g_free (self->pending_reason);
  g_free (self->last_error);

  G_OBJECT_CLASS (rcrm_lead_view_parent_class)->finalize (object);
}

static void
rcrm_lead_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LEAD_ID:
      g_value_set_int64 (value, self->lead_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_lead_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RcrmLeadView *self = RCRM_LEAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_LEAD_ID:
      rcrm_lead_view_set_lead_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_lead_view_class_init (RcrmLeadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_lead_view_dispose;
  object_class->finalize = rcrm_lead_view_finalize;
  object_class->get_property = rcrm_lead_view_get_property;
  object_class->set_property = rcrm_lead_view_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, RCRM_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEAD_ID] =
    g_param_spec_int64 ("lead-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_LEAD_CHANGED] =
    g_signal_new ("lead-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RCRM_TYPE_LEAD);
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* the lead's personal data was erased (R26): it is gone from the server */
  signals[SIGNAL_ERASED] =
    g_signal_new ("erased", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* "Open Account": the lead's account (R3, R4) */
  signals[SIGNAL_ACCOUNT_ACTIVATED] =
    g_signal_new ("account-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_install_action (widget_class, "lead.open-account", NULL, open_account_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-lead-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, stack);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, error_page);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, name_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, company_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, value_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, state_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, owner_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, pipeline_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, steps_box);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, reason_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, move_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, unfollow_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, restore_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, action_spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, details_group);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, revert_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, save_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, name_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, company_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, email_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, tax_id_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, value_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, source_row);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, details_error_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, correction_revealer);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, correction_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, note_view);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, note_spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, note_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, timeline_spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmLeadView, timeline_list);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);

  gtk_widget_class_install_action (widget_class, "lead.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "lead.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "lead.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "lead.conflict-save", NULL, conflict_save_action);
  gtk_widget_class_install_action (widget_class, "lead.conflict-discard", NULL, conflict_discard_action);
  gtk_widget_class_install_action (widget_class, "lead.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "lead.move-to-step", "u", move_to_step_action);
  gtk_widget_class_install_action (widget_class, "lead.unfollow", NULL, unfollow_action);
  gtk_widget_class_install_action (widget_class, "lead.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "lead.add-note", NULL, add_note_action);
  gtk_widget_class_install_action (widget_class, "lead.correct-note", "x", correct_note_action);
  gtk_widget_class_install_action (widget_class, "lead.cancel-correction", NULL, cancel_correction_action);
  gtk_widget_class_install_action (widget_class, "lead.erase", NULL, erase_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "lead.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "lead.reload", NULL);
}

static void
ensure_style (void)
{
  static const char css[] =
    ".rcrm-chip { padding: 2px 10px; border-radius: 999px; font-weight: bold; font-size: smaller; }\n"
    ".rcrm-chip.in-progress { background-color: alpha(@accent_bg_color, 0.15); color: @accent_color; }\n"
    ".rcrm-chip.closed { background-color: alpha(@success_color, 0.15); color: @success_color; }\n"
    ".rcrm-chip.unfollowed { background-color: alpha(@warning_color, 0.2); color: @warning_color; }\n"
    ".rcrm-steps button { padding-left: 10px; padding-right: 10px; }\n"
    ".rcrm-steps button.rcrm-step-done { color: @accent_color; }\n"
    ".rcrm-conflict { padding: 12px; }\n"
    ".rcrm-timeline-icon { padding: 6px; border-radius: 999px; background-color: alpha(currentColor, 0.08); }\n"
    ".rcrm-timeline-icon.note { background-color: alpha(@accent_bg_color, 0.18); color: @accent_color; }\n";
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (done || display == NULL)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
rcrm_lead_view_init (RcrmLeadView *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style ();

  self->cancellable = g_cancellable_new ();
  self->step_buttons = g_ptr_array_new ();

  /* the lead form's custom fields (R22), saved with the other details */
  self->custom_fields = RCRM_CUSTOM_FIELDS (rcrm_custom_fields_new ());
  gtk_widget_insert_after (GTK_WIDGET (self->custom_fields),
                           gtk_widget_get_parent (GTK_WIDGET (self->details_group)),
                           GTK_WIDGET (self->details_group));
  g_signal_connect_object (self->custom_fields, "changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  /* the lead's menu: erasing personal data (R26), for administrators */
  {
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("_Erase Personal Data…"), "lead.erase");
    self->more_button = gtk_menu_button_new ();
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->more_button), "view-more-symbolic");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->more_button), G_MENU_MODEL (menu));
    gtk_widget_set_tooltip_text (self->more_button, _("More Actions"));
    gtk_widget_set_visible (self->more_button, FALSE);
    gtk_widget_insert_before (self->more_button, gtk_widget_get_parent (GTK_WIDGET (self->action_spinner)),
                              GTK_WIDGET (self->action_spinner));
  }

  /* Ctrl+Enter adds the note */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                               gtk_named_action_new ("lead.add-note"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), controller);

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_buffer_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_list_box_set_placeholder (self->timeline_list, g_object_new (GTK_TYPE_LABEL,
                                                                   "label", _("No activity yet"),
                                                                   "margin-top", 12,
                                                                   "margin-bottom", 12,
                                                                   "css-classes", (const char *[]) { "dim-label", NULL },
                                                                   NULL));
  update_actions (self);
}

/* ---- public API --------------------------------------------------------------------- */

GtkWidget *
rcrm_lead_view_new (RcrmClient *client)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);

  return g_object_new (RCRM_TYPE_LEAD_VIEW, "client", client, NULL);
}

void
rcrm_lead_view_set_lead_id (RcrmLeadView *self,
                            gint64        id)
{
  g_return_if_fail (RCRM_IS_LEAD_VIEW (self));
  g_return_if_fail (id >= 0);

  if (id == self->lead_id && self->lead != NULL)
    {
      /* the same lead again: refresh it in place */
      start_load (self, TRUE, FALSE);
      return;
    }

  cancel_all (self);
  self->cancellable = g_cancellable_new ();
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_weak_pointer (&self->dialog);

  self->lead_id = id;
  g_clear_object (&self->lead);
  g_clear_object (&self->base);
  g_clear_object (&self->theirs);
  g_clear_pointer (&self->timeline, g_ptr_array_unref);
  gtk_revealer_set_reveal_child (self->conflict_revealer, FALSE);
  clear_field_errors (self);
  set_correction (self, 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  set_last_error (self, NULL);
  update_actions (self);

  if (id == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    start_load (self, FALSE, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_ID]);
}

gint64
rcrm_lead_view_get_lead_id (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), 0);
  return self->lead_id;
}

/* ---- private API (tests) ---------------------------------------------------------------- */

gboolean
rcrm_lead_view_get_busy (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), FALSE);
  return self->n_busy > 0;
}

const char *
rcrm_lead_view_get_page_name (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

RcrmLead *
rcrm_lead_view_get_lead (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->lead;
}

GtkLabel *
rcrm_lead_view_get_name_label (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->name_label;
}

GtkLabel *
rcrm_lead_view_get_state_label (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->state_label;
}

GtkLabel *
rcrm_lead_view_get_owner_label (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->owner_label;
}

GtkLabel *
rcrm_lead_view_get_value_label (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->value_label;
}

GtkLabel *
rcrm_lead_view_get_pipeline_label (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->pipeline_label;
}

guint
rcrm_lead_view_get_n_step_buttons (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), 0);
  return self->step_buttons->len;
}

GtkButton *
rcrm_lead_view_get_step_button (RcrmLeadView *self,
                                guint         step)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return step < self->step_buttons->len ? g_ptr_array_index (self->step_buttons, step) : NULL;
}

GtkButton *
rcrm_lead_view_get_move_button (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->move_button;
}

GtkButton *
rcrm_lead_view_get_unfollow_button (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->unfollow_button;
}

GtkButton *
rcrm_lead_view_get_restore_button (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->restore_button;
}

GtkButton *
rcrm_lead_view_get_retry_button (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->retry_button;
}

AdwEntryRow *
rcrm_lead_view_get_entry_row (RcrmLeadView *self,
                              const char   *member)
{
  Field field;

  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  if (!field_from_member (member, &field) || field == FIELD_SOURCE)
    return NULL;
  return ADW_ENTRY_ROW (field_row (self, field));
}

AdwComboRow *
rcrm_lead_view_get_source_row (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->source_row;
}

GtkButton *
rcrm_lead_view_get_save_button (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->save_button;
}

GtkButton *
rcrm_lead_view_get_revert_button (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->revert_button;
}

const char *
rcrm_lead_view_get_field_error (RcrmLeadView *self,
                                const char   *member)
{
  Field field;

  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  if (!field_from_member (member, &field))
    return NULL;
  return self->errors[field];
}

GtkRevealer *
rcrm_lead_view_get_conflict_banner (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->conflict_revealer;
}

GtkLabel *
rcrm_lead_view_get_conflict_label (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->conflict_label;
}

GtkTextView *
rcrm_lead_view_get_note_view (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->note_view;
}

GtkButton *
rcrm_lead_view_get_note_button (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->note_button;
}

gint64
rcrm_lead_view_get_corrects_note_id (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), 0);
  return self->corrects_note_id;
}

GtkListBox *
rcrm_lead_view_get_timeline (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->timeline_list;
}

GtkWindow *
rcrm_lead_view_get_dialog (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->dialog;
}

const char *
rcrm_lead_view_get_last_error (RcrmLeadView *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_VIEW (self), NULL);
  return self->last_error;
}

/* ---- rcrm-admin-private.h -------------------------------------------------------------------- */

RcrmCustomFields *
rcrm_lead_view_get_custom_fields (GtkWidget *view)
{
  return RCRM_LEAD_VIEW (view)->custom_fields;
}

AdwMessageDialog *
rcrm_lead_view_get_erase_dialog (GtkWidget *view)
{
  return RCRM_LEAD_VIEW (view)->erase_dialog;
}

GtkWidget *
rcrm_lead_view_get_more_button (GtkWidget *view)
{
  return RCRM_LEAD_VIEW (view)->more_button;
}
