/* rcrm-model.c — constructors and destructors of the plain records */
#include "config.h"

#include "rcrm-model.h"

RcrmUser *
rcrm_user_new (void)
{
  RcrmUser *user = g_new0 (RcrmUser, 1);

  user->active = TRUE;
  return user;
}

void
rcrm_user_free (RcrmUser *user)
{
  if (user == NULL)
    return;
  g_free (user->username);
  g_free (user->display_name);
  g_free (user->role);
  g_free (user->phone);
  g_free (user->email);
  g_free (user->password_hash);
  g_free (user->created_at);
  g_free (user->updated_at);
  g_free (user);
}

RcrmTeam *
rcrm_team_new (void)
{
  RcrmTeam *team = g_new0 (RcrmTeam, 1);

  team->distribution = g_strdup ("none");
  return team;
}

void
rcrm_team_free (RcrmTeam *team)
{
  if (team == NULL)
    return;
  g_free (team->name);
  g_free (team->distribution);
  g_free (team->created_at);
  g_free (team->updated_at);
  g_free (team);
}

RcrmPipeline *
rcrm_pipeline_new (void)
{
  return g_new0 (RcrmPipeline, 1);
}

void
rcrm_pipeline_free (RcrmPipeline *pipeline)
{
  if (pipeline == NULL)
    return;
  g_free (pipeline->name);
  g_strfreev (pipeline->steps);
  g_free (pipeline->created_at);
  g_free (pipeline->updated_at);
  g_free (pipeline);
}

guint
rcrm_pipeline_n_steps (const RcrmPipeline *pipeline)
{
  g_return_val_if_fail (pipeline != NULL, 0);

  return pipeline->steps != NULL ? g_strv_length (pipeline->steps) : 0;
}

RcrmLead *
rcrm_lead_new (void)
{
  RcrmLead *lead = g_new0 (RcrmLead, 1);

  lead->state = RCRM_LEAD_STATE_IN_PROGRESS;
  lead->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  lead->custom_json = g_strdup ("{}");
  return lead;
}

RcrmLead *
rcrm_lead_copy (const RcrmLead *lead)
{
  RcrmLead *copy;

  g_return_val_if_fail (lead != NULL, NULL);

  copy = g_memdup2 (lead, sizeof *lead);
  copy->name = g_strdup (lead->name);
  copy->company = g_strdup (lead->company);
  copy->phone = g_strdup (lead->phone);
  copy->email = g_strdup (lead->email);
  copy->tax_id = g_strdup (lead->tax_id);
  copy->source = g_strdup (lead->source);
  copy->unfollow_reason = g_strdup (lead->unfollow_reason);
  copy->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (lead->label_ids != NULL)
    g_array_append_vals (copy->label_ids, lead->label_ids->data, lead->label_ids->len);
  copy->custom_json = g_strdup (lead->custom_json);
  copy->created_at = g_strdup (lead->created_at);
  copy->updated_at = g_strdup (lead->updated_at);
  copy->last_activity_at = g_strdup (lead->last_activity_at);
  copy->closed_at = g_strdup (lead->closed_at);
  return copy;
}

void
rcrm_lead_free (RcrmLead *lead)
{
  if (lead == NULL)
    return;
  g_free (lead->name);
  g_free (lead->company);
  g_free (lead->phone);
  g_free (lead->email);
  g_free (lead->tax_id);
  g_free (lead->source);
  g_free (lead->unfollow_reason);
  g_clear_pointer (&lead->label_ids, g_array_unref);
  g_free (lead->custom_json);
  g_free (lead->created_at);
  g_free (lead->updated_at);
  g_free (lead->last_activity_at);
  g_free (lead->closed_at);
  g_free (lead);
}

RcrmTimelineEntry *
rcrm_timeline_entry_new (void)
{
  RcrmTimelineEntry *entry = g_new0 (RcrmTimelineEntry, 1);

  entry->data_json = g_strdup ("{}");
  return entry;
}

void
rcrm_timeline_entry_free (RcrmTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->kind);
  g_free (entry->body);
  g_free (entry->data_json);
  g_free (entry->created_at);
  g_free (entry);
}

RcrmAccount *
rcrm_account_new (void)
{
  RcrmAccount *account = g_new0 (RcrmAccount, 1);

  account->status = g_strdup ("pending");
  account->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  account->custom_json = g_strdup ("{}");
  return account;
}

void
rcrm_account_free (RcrmAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account->tax_id);
  g_free (account->branch);
  g_free (account->address);
  g_free (account->province);
  g_free (account->phone);
  g_free (account->email);
  g_free (account->status);
  g_clear_pointer (&account->label_ids, g_array_unref);
  g_free (account->custom_json);
  g_free (account->created_at);
  g_free (account->updated_at);
  g_free (account);
}

RcrmLabel *
rcrm_label_new (void)
{
  return g_new0 (RcrmLabel, 1);
}

void
rcrm_label_free (RcrmLabel *label)
{
  if (label == NULL)
    return;
  g_free (label->name);
  g_free (label->color);
  g_free (label->kind);
  g_free (label->created_at);
  g_free (label->updated_at);
  g_free (label);
}

RcrmContact *
rcrm_contact_new (void)
{
  return g_new0 (RcrmContact, 1);
}

void
rcrm_contact_free (RcrmContact *contact)
{
  if (contact == NULL)
    return;
  g_free (contact->name);
  g_free (contact->position);
  g_free (contact->phone);
  g_free (contact->email);
  g_free (contact->created_at);
  g_free (contact->updated_at);
  g_free (contact);
}

RcrmSegment *
rcrm_segment_new (void)
{
  RcrmSegment *segment = g_new0 (RcrmSegment, 1);

  segment->filter_json = g_strdup ("{}");
  return segment;
}

void
rcrm_segment_free (RcrmSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->name);
  g_free (segment->entity);
  g_free (segment->filter_json);
  g_free (segment->created_at);
  g_free (segment->updated_at);
  g_free (segment);
}

RcrmFormField *
rcrm_form_field_new (void)
{
  return g_new0 (RcrmFormField, 1);
}

void
rcrm_form_field_free (RcrmFormField *field)
{
  if (field == NULL)
    return;
  g_free (field->key);
  g_free (field->label);
  g_free (field->type);
  g_strfreev (field->choices);
  g_free (field);
}

RcrmForm *
rcrm_form_new (const char *entity)
{
  RcrmForm *form = g_new0 (RcrmForm, 1);

  form->entity = g_strdup (entity);
  form->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rcrm_form_field_free);
  return form;
}

void
rcrm_form_free (RcrmForm *form)
{
  if (form == NULL)
    return;
  g_free (form->entity);
  g_clear_pointer (&form->fields, g_ptr_array_unref);
  g_free (form->updated_at);
  g_free (form);
}

RcrmFormField *
rcrm_form_find (const RcrmForm *form,
                const char     *key)
{
  for (guint i = 0; form != NULL && i < form->fields->len; i++)
    {
      RcrmFormField *field = g_ptr_array_index (form->fields, i);

      if (g_strcmp0 (field->key, key) == 0)
        return field;
    }
  return NULL;
}

const char *
rcrm_lead_state_to_string (RcrmLeadState state)
{
  switch (state)
    {
    case RCRM_LEAD_STATE_IN_PROGRESS:
      return "in_progress";
    case RCRM_LEAD_STATE_CLOSED:
      return "closed";
    case RCRM_LEAD_STATE_UNFOLLOWED:
      return "unfollowed";
    default:
      g_return_val_if_reached (NULL);
    }
}
