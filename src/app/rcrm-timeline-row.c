/* rcrm-timeline-row.c — one entry of a lead's timeline (R5) */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-core.h"
#include "rcrm-pipeline.h"
#include "rcrm-timeline-row.h"

struct _RcrmTimelineRow
{
  GtkListBoxRow      parent_instance;

  RcrmTimelineEntry *entry;

  GtkImage          *icon;
  GtkLabel          *sentence_label;
  GtkLabel          *body_label;
  GtkLabel          *meta_label;
  GtkButton         *correct_button;
};

G_DEFINE_FINAL_TYPE (RcrmTimelineRow, rcrm_timeline_row, GTK_TYPE_LIST_BOX_ROW)

/* ---- sentences ----------------------------------------------------------- */

static gint64
data_int (JsonObject *data,
          const char *member,
          gint64      fallback)
{
  JsonNode *node;

  if (data == NULL || !json_object_has_member (data, member))
    return fallback;
  node = json_object_get_member (data, member);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

static const char *
data_string (JsonObject *data,
             const char *member)
{
  JsonNode *node;

  if (data == NULL || !json_object_has_member (data, member))
    return NULL;
  node = json_object_get_member (data, member);
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

char *
rcrm_timeline_user_name (GHashTable *user_names,
                         gint64      user_id)
{
  const char *name = NULL;
  char id[32];

  if (user_names != NULL)
    name = g_hash_table_lookup (user_names, &user_id);
  if (name != NULL && *name != '\0')
    return g_strdup (name);
  if (user_id <= 0)
    return g_strdup (_("System"));
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, user_id);
  /* Translators: a user the app has no name for; %s is the user's number */
  return g_strdup_printf (_("User #%s"), id);
}

static char *
pipeline_name (GHashTable *pipelines,
               gint64      pipeline_id)
{
  RcrmPipeline *pipeline = NULL;
  char id[32];

  if (pipelines != NULL)
    pipeline = g_hash_table_lookup (pipelines, &pipeline_id);
  if (pipeline != NULL && rcrm_pipeline_get_name (pipeline) != NULL)
    return g_strdup (rcrm_pipeline_get_name (pipeline));
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, pipeline_id);
  /* Translators: a pipeline the app has no name for; %s is its number */
  return g_strdup_printf (_("Pipeline #%s"), id);
}

static char *
step_name (GHashTable *pipelines,
           gint64      pipeline_id,
           gint64      step)
{
  RcrmPipeline *pipeline = NULL;
  const char *name = NULL;

  if (pipelines != NULL)
    pipeline = g_hash_table_lookup (pipelines, &pipeline_id);
  if (pipeline != NULL && step >= 0 && step < G_MAXUINT)
    name = rcrm_pipeline_get_step_name (pipeline, (guint) step);
  if (name != NULL)
    return g_strdup (name);
  /* Translators: a step the app has no name for; %d is its 1-based number */
  return g_strdup_printf (_("Step %d"), (int) CLAMP (step + 1, G_MININT, G_MAXINT));
}

static const char *
field_label (const char *member)
{
  static const struct {
    const char *member;
    const char *label;
  } labels[] = {
    { "name",       N_("Name") },
    { "company",    N_("Company") },
    { "phone",      N_("Phone") },
    { "email",      N_("E-mail") },
    { "tax_id",     N_("Tax ID") },
    { "source",     N_("Source") },
    { "value",      N_("Value") },
    { "label_ids",  N_("Labels") },
    { "custom",     N_("Custom fields") },
    { "account_id", N_("Account") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].member, member) == 0)
      return _(labels[i].label);
  return member;
}

static char *
describe_edited (JsonObject *data)
{
  JsonArray *fields = NULL;
  g_autoptr(GString) list = g_string_new (NULL);

  if (data != NULL && json_object_has_member (data, "fields")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (data, "fields")))
    fields = json_object_get_array_member (data, "fields");

  for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
    {
      JsonNode *node = json_array_get_element (fields, i);

      if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (list->len > 0)
        /* Translators: the separator of the list of edited fields */
        g_string_append (list, _(", "));
      g_string_append (list, field_label (json_node_get_string (node)));
    }

  if (list->len == 0)
    return g_strdup (_("Edited the details"));
  /* Translators: %s is a list of fields, e.g. "Name, Phone" */
  return g_strdup_printf (_("Edited the details: %s"), list->str);
}

char *
rcrm_timeline_describe (RcrmTimelineEntry *entry,
                        GHashTable        *user_names,
                        GHashTable        *pipelines,
                        gint64             pipeline_id)
{
  const char *kind;
  JsonObject *data;

  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (entry), NULL);

  kind = rcrm_timeline_entry_get_kind (entry);
  data = rcrm_timeline_entry_get_data (entry);

  if (g_strcmp0 (kind, "note") == 0)
    {
      gint64 corrects = rcrm_timeline_entry_get_corrects_note_id (entry);
      char id[32];

      if (corrects > 0)
        {
          g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, corrects);
          /* Translators: a note that corrects an earlier one; %s is the earlier note's number */
          return g_strdup_printf (_("Correction of note #%s"), id);
        }
      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, rcrm_timeline_entry_get_id (entry));
      /* Translators: %s is the note's number */
      return g_strdup_printf (_("Note #%s"), id);
    }
  else if (g_strcmp0 (kind, "created") == 0)
    {
      gint64 pid = data_int (data, "pipeline_id", pipeline_id);
      g_autofree char *pipeline = pipeline_name (pipelines, pid);
      g_autofree char *step = step_name (pipelines, pid, data_int (data, "step", 0));

      /* Translators: the first timeline entry; %s are a pipeline and its step */
      return g_strdup_printf (_("Created the lead in %s, step %s"), pipeline, step);
    }
  else if (g_strcmp0 (kind, "edited") == 0)
    {
      return describe_edited (data);
    }
  else if (g_strcmp0 (kind, "step") == 0)
    {
      g_autofree char *from = step_name (pipelines, pipeline_id, data_int (data, "from", -1));
      g_autofree char *to = step_name (pipelines, pipeline_id, data_int (data, "to", -1));

      /* Translators: a move between two steps of a pipeline */
      return g_strdup_printf (_("Moved from %s to %s"), from, to);
    }
  else if (g_strcmp0 (kind, "pipeline") == 0)
    {
      gint64 from_id = data_int (data, "from_pipeline_id", 0);
      gint64 to_id = data_int (data, "to_pipeline_id", 0);
      g_autofree char *from_pipeline = pipeline_name (pipelines, from_id);
      g_autofree char *to_pipeline = pipeline_name (pipelines, to_id);
      g_autofree char *from = step_name (pipelines, from_id, data_int (data, "from", -1));
      g_autofree char *to = step_name (pipelines, to_id, data_int (data, "to", -1));

      /* Translators: a move to another pipeline: pipeline (step) to pipeline (step) */
      return g_strdup_printf (_("Moved from %s (%s) to %s (%s)"), from_pipeline, from, to_pipeline, to);
    }
  else if (g_strcmp0 (kind, "owner") == 0)
    {
      g_autofree char *to = rcrm_timeline_user_name (user_names, data_int (data, "to", 0));

      if (g_strcmp0 (data_string (data, "via"), "transfer") == 0)
        {
          g_autofree char *from = rcrm_timeline_user_name (user_names, data_int (data, "from", 0));

          /* Translators: a change of owner when a user's records were transferred */
          return g_strdup_printf (_("Changed the owner to %s (transferred from %s)"), to, from);
        }
      return g_strdup_printf (_("Changed the owner to %s"), to);
    }
  else if (g_strcmp0 (kind, "unfollowed") == 0)
    {
      const char *reason = data_string (data, "reason");

      if (reason == NULL || *reason == '\0')
        return g_strdup (_("Unfollowed"));
      /* Translators: %s is the reason the user gave */
      return g_strdup_printf (_("Unfollowed, reason: %s"), reason);
    }
  else if (g_strcmp0 (kind, "restored") == 0)
    {
      g_autofree char *step = step_name (pipelines, pipeline_id, data_int (data, "step", -1));

      /* Translators: an unfollowed lead followed again; %s is the step it returned to */
      return g_strdup_printf (_("Restored to follow-up at step %s"), step);
    }

  else if (g_strcmp0 (kind, "account_linked") == 0)
    {
      /* R3: the won lead joins its customer's purchase history */
      if (data != NULL && json_object_has_member (data, "created")
          && json_object_get_boolean_member_with_default (data, "created", FALSE))
        return g_strdup (_("Sale closed: the customer was added to the customer register"));
      return g_strdup (_("Sale closed: added to the customer's purchase history"));
    }

  /* Translators: a timeline entry of a kind this version does not know; %s is the kind */
  return g_strdup_printf (_("Activity: %s"), kind != NULL ? kind : "");
}

const char *
rcrm_timeline_icon_name (const char *kind)
{
  static const struct {
    const char *kind;
    const char *icon;
  } icons[] = {
    { "note",       "chat-message-new-symbolic" },
    { "created",    "list-add-symbolic" },
    { "edited",     "document-edit-symbolic" },
    { "step",       "go-next-symbolic" },
    { "pipeline",   "go-jump-symbolic" },
    { "owner",      "avatar-default-symbolic" },
    { "unfollowed", "action-unavailable-symbolic" },
    { "restored",   "edit-undo-symbolic" },
    { "checkin",    "find-location-symbolic" },
    { "quote",      "x-office-document-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (icons[i].kind, kind) == 0)
      return icons[i].icon;
  return "emblem-documents-symbolic";
}

char *
rcrm_timeline_format_time (const char *rfc3339)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (rfc3339 == NULL)
    return g_strdup ("");
  utc = rcrm_datetime_parse_rfc3339 (rfc3339);
  if (utc == NULL)
    return g_strdup (rfc3339);
  local = g_date_time_to_local (utc);
  if (local == NULL)
    return g_strdup (rfc3339);
  return rcrm_datetime_format_be (local);
}

/* ---- the row --------------------------------------------------------------- */

static void
rcrm_timeline_row_dispose (GObject *object)
{
  RcrmTimelineRow *self = RCRM_TIMELINE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_TIMELINE_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (rcrm_timeline_row_parent_class)->dispose (object);
}

static void
rcrm_timeline_row_class_init (RcrmTimelineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_timeline_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-timeline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmTimelineRow, icon);
  gtk_widget_class_bind_template_child (widget_class, RcrmTimelineRow, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmTimelineRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmTimelineRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmTimelineRow, correct_button);
}

static void
rcrm_timeline_row_init (RcrmTimelineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rcrm_timeline_row_new (RcrmTimelineEntry *entry,
                       GHashTable        *user_names,
                       GHashTable        *pipelines,
                       gint64             pipeline_id)
{
  RcrmTimelineRow *self;
  g_autofree char *sentence = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  const char *kind;
  gint64 actor_id;

  g_return_val_if_fail (RCRM_IS_TIMELINE_ENTRY (entry), NULL);

  self = g_object_new (RCRM_TYPE_TIMELINE_ROW, NULL);
  self->entry = g_object_ref (entry);
  kind = rcrm_timeline_entry_get_kind (entry);

  gtk_image_set_from_icon_name (self->icon, rcrm_timeline_icon_name (kind));
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), rcrm_timeline_entry_is_note (entry) ? "note" : "event");

  sentence = rcrm_timeline_describe (entry, user_names, pipelines, pipeline_id);
  gtk_label_set_text (self->sentence_label, sentence);

  actor_id = rcrm_timeline_entry_get_author_id (entry);
  if (actor_id <= 0)
    actor_id = rcrm_timeline_entry_get_actor_id (entry);
  actor = rcrm_timeline_user_name (user_names, actor_id);
  when = rcrm_timeline_format_time (rcrm_timeline_entry_get_created_at (entry));
  /* Translators: who and when under a timeline entry, e.g. "สมชาย ใจดี · 23 พ.ย. 2569 16:30" */
  meta = g_strdup_printf (_("%s · %s"), actor, when);
  gtk_label_set_text (self->meta_label, meta);

  if (rcrm_timeline_entry_is_note (entry))
    {
      const char *body = rcrm_timeline_entry_get_body (entry);

      gtk_widget_add_css_class (GTK_WIDGET (self->sentence_label), "heading");
      gtk_label_set_text (self->body_label, body != NULL ? body : "");
      gtk_widget_set_visible (GTK_WIDGET (self->body_label), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->correct_button), "x",
                                        rcrm_timeline_entry_get_id (entry));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->correct_button), "lead.correct-note");
      gtk_widget_set_visible (GTK_WIDGET (self->correct_button), TRUE);
    }

  return GTK_WIDGET (self);
}

RcrmTimelineEntry *
rcrm_timeline_row_get_entry (RcrmTimelineRow *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ROW (self), NULL);
  return self->entry;
}

const char *
rcrm_timeline_row_get_sentence (RcrmTimelineRow *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ROW (self), NULL);
  return gtk_label_get_text (self->sentence_label);
}

GtkWidget *
rcrm_timeline_row_get_correct_button (RcrmTimelineRow *self)
{
  g_return_val_if_fail (RCRM_IS_TIMELINE_ROW (self), NULL);
  return GTK_WIDGET (self->correct_button);
}
