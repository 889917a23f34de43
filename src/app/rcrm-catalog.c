/* rcrm-catalog.c — the reference data the pages share
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rcrm-catalog.h"

struct _RcrmCatalog
{
  GObject       parent_instance;

  RcrmClient   *client;
  GCancellable *cancellable;
  guint         pending;
  gboolean      loaded;

  GListStore   *users;
  GListStore   *pipelines;
  GListStore   *labels;
  JsonObject   *settings;
  GArray       *led_team_ids;   /* gint64: teams whose lead is the signed-in user */
};

G_DEFINE_FINAL_TYPE (RcrmCatalog, rcrm_catalog, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOADED,
  N_PROPS
};

enum {
  CHANGED,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
rcrm_catalog_dispose (GObject *object)
{
  RcrmCatalog *self = RCRM_CATALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rcrm_catalog_parent_class)->dispose (object);
}

static void
rcrm_catalog_finalize (GObject *object)
{
  RcrmCatalog *self = RCRM_CATALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->users);
  g_clear_object (&self->pipelines);
  g_clear_object (&self->labels);
  g_clear_pointer (&self->settings, json_object_unref);
  g_clear_pointer (&self->led_team_ids, g_array_unref);

  G_OBJECT_CLASS (rcrm_catalog_parent_class)->finalize (object);
}

static void
rcrm_catalog_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RcrmCatalog *self = RCRM_CATALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_catalog_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RcrmCatalog *self = RCRM_CATALOG (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_catalog_class_init (RcrmCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rcrm_catalog_dispose;
  object_class->finalize = rcrm_catalog_finalize;
  object_class->get_property = rcrm_catalog_get_property;
  object_class->set_property = rcrm_catalog_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RCRM_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
rcrm_catalog_init (RcrmCatalog *self)
{
  self->users = g_list_store_new (RCRM_TYPE_USER);
  self->pipelines = g_list_store_new (RCRM_TYPE_PIPELINE);
  self->labels = g_list_store_new (RCRM_TYPE_LABEL);
  self->led_team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

RcrmCatalog *
rcrm_catalog_new (RcrmClient *client)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);

  return g_object_new (RCRM_TYPE_CATALOG, "client", client, NULL);
}

RcrmClient *
rcrm_catalog_get_client (RcrmCatalog *self)
{
  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  return self->client;
}

gboolean
rcrm_catalog_get_loaded (RcrmCatalog *self)
{
  g_return_val_if_fail (RCRM_IS_CATALOG (self), FALSE);

  return self->loaded;
}

/* ---- loading --------------------------------------------------------------------- */

static void
replace_store (GListStore *store,
               GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

/* Returns FALSE when the catalog is gone (cancelled): touch nothing then. */
static gboolean
part_done (RcrmCatalog  *self,
           GError       *error,
           gboolean      report)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;

  if (error != NULL && report)
    g_signal_emit (self, signals[ERROR], 0, error);

  return TRUE;
}

static void
part_finished (RcrmCatalog *self)
{
  g_assert (self->pending > 0);

  self->pending--;
  /* one "changed" when every part has come: each one makes the pages rebuild
   * their filters and refresh every bound row */
  if (self->pending > 0)
    return;
  g_signal_emit (self, signals[CHANGED], 0);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

static void load_teams (RcrmCatalog *self);

/* GET /directory: everyone's names and roles, for users who may not list users */
static void
on_users (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RcrmCatalog *self = user_data;
  g_autoptr(GError) error = NULL;
  /* the directory: every user's name and role, open to everyone */
  g_autoptr(GPtrArray) users = rcrm_client_list_directory_finish (RCRM_CLIENT (source), result, &error);

  if (!part_done (self, error, TRUE))
    return;
  if (users != NULL)
    replace_store (self->users, users);
  part_finished (self);
}

static void
on_pipelines (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RcrmCatalog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pipelines = rcrm_client_list_pipelines_finish (RCRM_CLIENT (source), result, &error);

  if (!part_done (self, error, TRUE))
    return;
  if (pipelines != NULL)
    replace_store (self->pipelines, pipelines);
  part_finished (self);
}

static void
on_labels (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  RcrmCatalog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = rcrm_client_list_labels_finish (RCRM_CLIENT (source), result, &error);

  if (!part_done (self, error, TRUE))
    return;
  if (labels != NULL)
    replace_store (self->labels, labels);
  part_finished (self);
}

static void
on_settings (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RcrmCatalog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) settings = rcrm_client_get_settings_finish (RCRM_CLIENT (source), result, &error);

  if (!part_done (self, error, TRUE))
    return;
  if (settings != NULL)
    {
      g_clear_pointer (&self->settings, json_object_unref);
      self->settings = g_steal_pointer (&settings);
    }
  part_finished (self);
}

static void
on_teams (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RcrmCatalog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = rcrm_client_call_finish (RCRM_CLIENT (source), result, &error);
  RcrmUser *me;

  /* without the teams the user is simply no team lead */
  if (!part_done (self, error, FALSE))
    return;

  g_array_set_size (self->led_team_ids, 0);
  me = rcrm_client_get_user (self->client);

  if (me != NULL && root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *items = json_object_get_member (object, "items");

      if (items != NULL && JSON_NODE_HOLDS_ARRAY (items))
        {
          JsonArray *array = json_node_get_array (items);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *node = json_array_get_element (array, i);
              JsonObject *team;
              JsonNode *lead, *id;

              if (!JSON_NODE_HOLDS_OBJECT (node))
                continue;
              team = json_node_get_object (node);
              lead = json_object_get_member (team, "lead_id");
              id = json_object_get_member (team, "id");
              if (lead == NULL || id == NULL
                  || json_node_get_value_type (lead) != G_TYPE_INT64
                  || json_node_get_value_type (id) != G_TYPE_INT64)
                continue;
              if (json_node_get_int (lead) == rcrm_user_get_id (me))
                {
                  gint64 team_id = json_node_get_int (id);

                  g_array_append_val (self->led_team_ids, team_id);
                }
            }
        }
    }

  part_finished (self);
}

static void
load_teams (RcrmCatalog *self)
{
  rcrm_client_call_async (self->client, "GET", "/teams", NULL, 0,
                          self->cancellable, on_teams, self);
}

static void
on_me (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  RcrmCatalog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmUser) me = rcrm_client_get_me_finish (RCRM_CLIENT (source), result, &error);

  if (!part_done (self, error, TRUE))
    return;

  /* the teams need to know who "me" is; without "me" they count as done */
  if (me == NULL)
    part_finished (self);
  else
    load_teams (self);
}

void
rcrm_catalog_load (RcrmCatalog *self)
{
  g_return_if_fail (RCRM_IS_CATALOG (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 5;

  rcrm_client_list_directory_async (self->client, self->cancellable, on_users, self);
  rcrm_client_list_pipelines_async (self->client, self->cancellable, on_pipelines, self);
  rcrm_client_list_labels_async (self->client, self->cancellable, on_labels, self);
  rcrm_client_get_settings_async (self->client, self->cancellable, on_settings, self);

  if (rcrm_client_get_user (self->client) == NULL)
    rcrm_client_get_me_async (self->client, self->cancellable, on_me, self);
  else
    load_teams (self);
}

static void
on_labels_reloaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RcrmCatalog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = rcrm_client_list_labels_finish (RCRM_CLIENT (source), result, &error);

  if (!part_done (self, error, TRUE) || labels == NULL)
    return;
  replace_store (self->labels, labels);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
rcrm_catalog_reload_labels (RcrmCatalog *self)
{
  g_return_if_fail (RCRM_IS_CATALOG (self));

  rcrm_client_list_labels_async (self->client, self->cancellable, on_labels_reloaded, g_object_ref (self));
}

RcrmLabel *
rcrm_catalog_lookup_label (RcrmCatalog *self,
                           gint64       id)
{
  guint n;

  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  for (guint i = 0; i < n; i++)
    {
      RcrmLabel *label = g_list_model_get_item (G_LIST_MODEL (self->labels), i);

      g_object_unref (label);   /* the store keeps it */
      if (rcrm_label_get_id (label) == id)
        return label;
    }
  return NULL;
}

/* ---- lookups ------------------------------------------------------------------------ */

RcrmUser *
rcrm_catalog_get_me (RcrmCatalog *self)
{
  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  return rcrm_client_get_user (self->client);
}

GListModel *
rcrm_catalog_get_users (RcrmCatalog *self)
{
  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->users);
}

GListModel *
rcrm_catalog_get_pipelines (RcrmCatalog *self)
{
  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->pipelines);
}

GListModel *
rcrm_catalog_get_labels (RcrmCatalog *self)
{
  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->labels);
}

JsonObject *
rcrm_catalog_get_settings (RcrmCatalog *self)
{
  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  return self->settings;
}

RcrmUser *
rcrm_catalog_lookup_user (RcrmCatalog *self,
                          gint64       id)
{
  guint n;

  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->users));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcrmUser) user = g_list_model_get_item (G_LIST_MODEL (self->users), i);

      if (rcrm_user_get_id (user) == id)
        return user;   /* the store keeps it alive */
    }

  return NULL;
}

RcrmPipeline *
rcrm_catalog_lookup_pipeline (RcrmCatalog *self,
                              gint64       id)
{
  guint n;

  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->pipelines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcrmPipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (self->pipelines), i);

      if (rcrm_pipeline_get_id (pipeline) == id)
        return pipeline;
    }

  return NULL;
}

RcrmPipeline *
rcrm_catalog_get_standard_pipeline (RcrmCatalog *self)
{
  guint n;

  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->pipelines));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcrmPipeline) pipeline = g_list_model_get_item (G_LIST_MODEL (self->pipelines), i);

      if (rcrm_pipeline_get_standard (pipeline))
        return pipeline;
    }

  return NULL;
}

const char *
rcrm_catalog_get_step_name (RcrmCatalog *self,
                            gint64       pipeline_id,
                            gint         step)
{
  RcrmPipeline *pipeline;

  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  if (step < 0)
    return NULL;

  pipeline = rcrm_catalog_lookup_pipeline (self, pipeline_id);
  if (pipeline == NULL)
    return NULL;

  return rcrm_pipeline_get_step_name (pipeline, (guint) step);
}

GStrv
rcrm_catalog_dup_lead_sources (RcrmCatalog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node;

  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  if (self->settings != NULL
      && (node = json_object_get_member (self->settings, "lead_sources")) != NULL
      && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  return g_strv_builder_end (builder);
}

static gboolean
leads_team (RcrmCatalog *self,
            gint64       team_id)
{
  for (guint i = 0; i < self->led_team_ids->len; i++)
    if (g_array_index (self->led_team_ids, gint64, i) == team_id)
      return TRUE;

  return FALSE;
}

gboolean
rcrm_catalog_get_can_assign (RcrmCatalog *self)
{
  RcrmUser *me;

  g_return_val_if_fail (RCRM_IS_CATALOG (self), FALSE);

  me = rcrm_client_get_user (self->client);
  if (me == NULL)
    return FALSE;

  return rcrm_user_is_admin (me) || self->led_team_ids->len > 0;
}

GPtrArray *
rcrm_catalog_dup_assignable_users (RcrmCatalog *self)
{
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  RcrmUser *me;
  gboolean admin;
  guint n;

  g_return_val_if_fail (RCRM_IS_CATALOG (self), NULL);

  me = rcrm_client_get_user (self->client);
  if (me == NULL)
    return g_steal_pointer (&users);

  g_ptr_array_add (users, g_object_ref (me));
  admin = rcrm_user_is_admin (me);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->users));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcrmUser) user = g_list_model_get_item (G_LIST_MODEL (self->users), i);

      if (rcrm_user_get_id (user) == rcrm_user_get_id (me) || !rcrm_user_get_active (user))
        continue;
      if (admin || (rcrm_user_get_team_id (user) != 0 && leads_team (self, rcrm_user_get_team_id (user))))
        g_ptr_array_add (users, g_steal_pointer (&user));
    }

  return g_steal_pointer (&users);
}
