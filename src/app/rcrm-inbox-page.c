/* rcrm-inbox-page.c — the lead inbox (กล่องลีด) and the unfollowed box
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rcrm-app-private.h"
#include "rcrm-app-settings.h"
#include "rcrm-cell-text.h"
#include "rcrm-client-labels.h"
#include "rcrm-labels-private.h"
#include "rcrm-format.h"
#include "rcrm-custom-columns.h"
#include "rcrm-grow-model.h"
#include "rcrm-inbox-page.h"

#define DEFAULT_SORT "-last_activity_at"

typedef enum {
  COLUMN_NAME,
  COLUMN_COMPANY,
  COLUMN_OWNER,
  COLUMN_STEP,
  COLUMN_VALUE,
  COLUMN_ACTIVITY,
  COLUMN_REASON,
  N_COLUMNS
} ColumnKind;

static const struct {
  const char *id;
  const char *title;
  const char *sort_key;      /* the server's sort field; NULL = not sortable */
  const char *properties[3]; /* the lead properties the cell shows */
  gboolean    expand;
  int         fixed_width;   /* -1 = natural */
  float       xalign;
} column_info[N_COLUMNS] = {
  [COLUMN_NAME]     = { "name",     N_("Name"),          "name",             { "name" },                      TRUE,  240,  0.0f },
  [COLUMN_COMPANY]  = { "company",  N_("Company"),       NULL,               { "company" },                   TRUE,  260,  0.0f },
  [COLUMN_OWNER]    = { "owner",    N_("Owner"),         NULL,               { "owner-id" },                  FALSE, 170, 0.0f },
  [COLUMN_STEP]     = { "step",     N_("Step"),          NULL,               { "pipeline-id", "step" },       FALSE, 130, 0.0f },
  [COLUMN_VALUE]    = { "value",    N_("Value"),         "value",            { "value" },                     FALSE, 140, 1.0f },
  [COLUMN_ACTIVITY] = { "activity", N_("Last Activity"), "last_activity_at", { "last-activity-at", "updated-at" }, FALSE, 130, 0.0f },
  [COLUMN_REASON]   = { "reason",   N_("Reason"),        NULL,               { "unfollow-reason" },           TRUE,  -1,  0.0f },
};

typedef struct _RcrmInboxPage RcrmInboxPage;

typedef struct {
  RcrmInboxPage       *page;
  ColumnKind           kind;
  GtkColumnViewColumn *column;       /* owned by the column view */
  RcrmLead            *probe_low;    /* two leads that differ only in this column's key */
  RcrmLead            *probe_high;
} Column;

typedef struct {
  Column   *column;
  RcrmLead *lead;       /* while bound; the list item keeps it alive */
  gulong    notify_id;
} Cell;

/* rows shown in a new list's first frame, and added per frame after it
 * (rcrm-grow-model.h) */
#define GROW_FIRST 32
#define GROW_STEP  16

struct _RcrmInboxPage
{
  GtkWidget           parent_instance;

  /* template */
  GtkWidget          *search_bar;
  GtkSearchEntry     *search_entry;
  GtkWidget          *filter_bar;
  GtkDropDown        *pipeline_dropdown;
  GtkDropDown        *step_dropdown;
  GtkDropDown        *owner_dropdown;
  GtkDropDown        *label_dropdown;
  GtkDropDown        *state_dropdown;
  GtkWidget          *clear_button;
  GtkSpinner         *spinner;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *status_page;

  RcrmClient         *client;
  RcrmCatalog        *catalog;
  gboolean            owns_catalog;
  gboolean            unfollowed;
  RcrmLeadListModel  *model;
  GtkMultiSelection  *selection;
  Column              columns[N_COLUMNS];
  GHashTable         *cells;          /* bound RcrmCellText → NULL */

  GArray             *pipeline_ids;   /* gint64 per dropdown item; [0] = 0 (any) */
  GArray             *step_ids;       /* gint; [0] = -1 (any) */
  GArray             *owner_ids;      /* gint64; [0] = 0 */
  GArray             *label_ids;      /* gint64; [0] = 0 */
  char               *sort;           /* "-last_activity_at", … */
  gboolean            updating;       /* dropdowns or sort being set from code */
  gboolean            deferred;       /* the first load waits until the page is shown */
  gboolean            want_columns;   /* the custom columns (R22) load after the first page */

  /* labels (R12) and segments (R13): see the "labels and segments" section */
  GtkWidget          *select_button;  /* selection mode */
  GtkWidget          *labels_button;  /* apply labels to the selected leads */
  GtkWidget          *label_picker;
  GtkWidget          *segment_button; /* save as segment */
  gint64              segment_id;     /* 0 = none */
  guint               n_labelling;    /* PATCHes in flight */
  guint               n_labelled;
  guint               n_label_failures;
  char               *label_failure;  /* the first failure's message */
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (RcrmInboxPage, rcrm_inbox_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_CATALOG,
  PROP_UNFOLLOWED,
  PROP_SORT,
  N_PROPS
};

enum {
  LEAD_ACTIVATED,
  TOAST,
  SEGMENT_CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* the state filter of the inbox; the unfollowed box always asks for "unfollowed" */
static const struct {
  const char *state;
  const char *label;
} inbox_states[] = {
  { NULL,          N_("In Progress and Closed") },
  { "in_progress", N_("In Progress") },
  { "closed",      N_("Closed") },
};

static void apply_query (RcrmInboxPage *self);

/* ---- cells ------------------------------------------------------------------------- */

static char *
cell_text (RcrmInboxPage  *self,
           ColumnKind      kind,
           RcrmLead       *lead,
           char          **tooltip)
{
  *tooltip = NULL;

  switch (kind)
    {
    case COLUMN_NAME:
      return g_strdup (rcrm_lead_get_name (lead));

    case COLUMN_COMPANY:
      return g_strdup (rcrm_lead_get_company (lead));

    case COLUMN_OWNER:
      {
        RcrmUser *owner = rcrm_catalog_lookup_user (self->catalog, rcrm_lead_get_owner_id (lead));

        return g_strdup (owner != NULL ? rcrm_user_get_display_name (owner) : NULL);
      }

    case COLUMN_STEP:
      {
        RcrmPipeline *pipeline = rcrm_catalog_lookup_pipeline (self->catalog, rcrm_lead_get_pipeline_id (lead));

        if (pipeline == NULL)
          return NULL;
        /* Translators: tooltip of a lead's step in the inbox; %s is a pipeline name */
        *tooltip = g_strdup_printf (_("Pipeline: %s"), rcrm_pipeline_get_name (pipeline));
        return g_strdup (rcrm_pipeline_get_step_name (pipeline, (guint) MAX (rcrm_lead_get_step (lead), 0)));
      }

    case COLUMN_VALUE:
      return rcrm_format_baht (rcrm_lead_get_value (lead));

    case COLUMN_ACTIVITY:
      {
        const char *when = rcrm_lead_get_last_activity_at (lead);

        if (when == NULL)
          when = rcrm_lead_get_updated_at (lead);
        *tooltip = rcrm_format_datetime_be (when);
        return rcrm_format_date_be_short (when);
      }

    case COLUMN_REASON:
      return g_strdup (rcrm_lead_get_unfollow_reason (lead));

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
update_cell (RcrmCellText *label)
{
  Cell *cell = g_object_get_data (G_OBJECT (label), "rcrm-cell");
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  gboolean loaded;

  if (cell == NULL || cell->lead == NULL)
    return;

  loaded = rcrm_lead_get_loaded (cell->lead);
  if (loaded)
    text = cell_text (cell->column->page, cell->column->kind, cell->lead, &tooltip);

  rcrm_cell_text_set_text (label, loaded ? text : "…");
  rcrm_cell_text_set_dimmed (label, !loaded);
}

static void
on_lead_notify (RcrmLead     *lead,
                GParamSpec   *pspec,
                RcrmCellText *label)
{
  Cell *cell = g_object_get_data (G_OBJECT (label), "rcrm-cell");
  const char *name = g_param_spec_get_name (pspec);
  gboolean relevant = g_str_equal (name, "loaded");

  for (guint i = 0; !relevant && i < G_N_ELEMENTS (column_info[0].properties); i++)
    relevant = g_strcmp0 (column_info[cell->column->kind].properties[i], name) == 0;

  if (relevant)
    update_cell (label);
}

static gboolean
on_query_tooltip (GtkWidget  *label,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  Cell *cell = g_object_get_data (G_OBJECT (label), "rcrm-cell");
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;

  if (cell == NULL || cell->lead == NULL || !rcrm_lead_get_loaded (cell->lead))
    return FALSE;
  text = cell_text (cell->column->page, cell->column->kind, cell->lead, &tip);
  if (tip == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, tip);
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            Column                   *column)
{
  GtkWidget *label = rcrm_cell_text_new ();
  Cell *cell = g_new0 (Cell, 1);

  cell->column = column;
  g_object_set_data_full (G_OBJECT (label), "rcrm-cell", cell, g_free);

  rcrm_cell_text_set_xalign (RCRM_CELL_TEXT (label), column_info[column->kind].xalign);
  /* only a column without a fixed width follows its texts' widths */
  rcrm_cell_text_set_measure_text (RCRM_CELL_TEXT (label), column_info[column->kind].fixed_width < 0);
  if (column->kind == COLUMN_VALUE || column->kind == COLUMN_ACTIVITY)
    rcrm_cell_text_set_numeric (RCRM_CELL_TEXT (label), TRUE);
  if (column->kind == COLUMN_NAME)
    gtk_widget_add_css_class (label, "rcrm-lead-name");
  if (column->kind == COLUMN_STEP || column->kind == COLUMN_ACTIVITY)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
    }

  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           Column                   *column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  Cell *cell = g_object_get_data (G_OBJECT (label), "rcrm-cell");
  RcrmLead *lead = gtk_list_item_get_item (item);

  cell->lead = lead;
  cell->notify_id = g_signal_connect_object (lead, "notify", G_CALLBACK (on_lead_notify), label, 0);
  g_hash_table_add (column->page->cells, label);
  update_cell (RCRM_CELL_TEXT (label));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             Column                   *column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  Cell *cell;

  if (label == NULL)
    return;

  cell = g_object_get_data (G_OBJECT (label), "rcrm-cell");
  if (cell->lead != NULL && cell->notify_id != 0
      && g_signal_handler_is_connected (cell->lead, cell->notify_id))
    g_signal_handler_disconnect (cell->lead, cell->notify_id);
  cell->notify_id = 0;
  cell->lead = NULL;
  if (column->page->cells != NULL)
    g_hash_table_remove (column->page->cells, label);
}

/* the owner and step names come from the catalog, which may arrive later */
static void
refresh_cells (RcrmInboxPage *self)
{
  GHashTableIter iter;
  gpointer label;

  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &label, NULL))
    {
      Cell *cell = g_object_get_data (G_OBJECT (label), "rcrm-cell");

      if (cell->column->kind == COLUMN_OWNER || cell->column->kind == COLUMN_STEP)
        update_cell (RCRM_CELL_TEXT (label));
    }
}

/* ---- sorting: column headers → the server's sort ------------------------------------ */

static int
compare_name (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const char *x = rcrm_lead_get_name ((RcrmLead *) a);
  const char *y = rcrm_lead_get_name ((RcrmLead *) b);

  return g_utf8_collate (x != NULL ? x : "", y != NULL ? y : "");
}

static int
compare_value (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gint64 x = rcrm_lead_get_value ((RcrmLead *) a);
  gint64 y = rcrm_lead_get_value ((RcrmLead *) b);

  return (x > y) - (x < y);
}

static int
compare_activity (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return g_strcmp0 (rcrm_lead_get_last_activity_at ((RcrmLead *) a),
                    rcrm_lead_get_last_activity_at ((RcrmLead *) b));
}

static void
make_probes (Column *column)
{
  column->probe_low = rcrm_lead_new ();
  column->probe_high = rcrm_lead_new ();

  switch (column->kind)
    {
    case COLUMN_NAME:
      rcrm_lead_set_name (column->probe_low, "a");
      rcrm_lead_set_name (column->probe_high, "b");
      break;

    case COLUMN_VALUE:
      rcrm_lead_set_value (column->probe_low, 1);
      rcrm_lead_set_value (column->probe_high, 2);
      break;

    case COLUMN_ACTIVITY:
      rcrm_lead_set_last_activity_at (column->probe_low, "2000-01-01T00:00:00Z");
      rcrm_lead_set_last_activity_at (column->probe_high, "2001-01-01T00:00:00Z");
      break;

    case COLUMN_COMPANY:
    case COLUMN_OWNER:
    case COLUMN_STEP:
    case COLUMN_REASON:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static Column *
column_for_sort_key (RcrmInboxPage *self,
                     const char    *key)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (column_info[i].sort_key != NULL && g_strcmp0 (column_info[i].sort_key, key) == 0)
      return &self->columns[i];

  return NULL;
}

/* Shows sort (the server's "field" / "-field") on the column headers. */
static void
show_sort (RcrmInboxPage *self,
           const char    *sort)
{
  gboolean descending = sort[0] == '-';
  Column *column = column_for_sort_key (self, descending ? sort + 1 : sort);

  self->updating = TRUE;
  gtk_column_view_sort_by_column (self->column_view,
                                  column != NULL ? column->column : NULL,
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->updating = FALSE;
}

/* GTK 4.8 has no gtk_column_view_sorter_get_primary_sort_column() (4.10): the
 * column view's sorter is asked how it orders each column's pair of probe
 * leads.  A column it orders is sorted; after a header click it holds the
 * clicked column first and the previous one second, so the new one is the
 * primary.  The sort is then set back to that single column. */
static void
on_sorter_changed (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   RcrmInboxPage   *self)
{
  Column *previous = NULL;
  Column *primary = NULL;
  gboolean descending = FALSE;
  g_autofree char *sort = NULL;

  if (self->updating)
    return;

  if (self->sort != NULL)
    previous = column_for_sort_key (self, self->sort[0] == '-' ? self->sort + 1 : self->sort);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      Column *column = &self->columns[i];
      GtkOrdering order;

      if (column->probe_low == NULL)
        continue;

      order = gtk_sorter_compare (sorter, column->probe_low, column->probe_high);
      if (order == GTK_ORDERING_EQUAL)
        continue;

      if (primary == NULL || primary == previous)
        {
          primary = column;
          descending = order == GTK_ORDERING_LARGER;
        }
    }

  if (primary == NULL)
    sort = g_strdup (DEFAULT_SORT);
  else
    sort = g_strconcat (descending ? "-" : "", column_info[primary->kind].sort_key, NULL);

  show_sort (self, sort);

  if (g_strcmp0 (sort, self->sort) != 0)
    {
      g_free (self->sort);
      self->sort = g_steal_pointer (&sort);
      if (!self->unfollowed)
        rcrm_app_settings_set_string (rcrm_app_settings_get_default (), "inbox-sort", self->sort);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
      apply_query (self);
    }
}

static gboolean
valid_sort (const char *sort)
{
  static const char * const keys[] = { "last_activity_at", "created_at", "updated_at", "name", "value" };
  const char *key;

  if (sort == NULL)
    return FALSE;

  key = sort[0] == '-' ? sort + 1 : sort;
  return g_strv_contains (keys, key);
}

/* ---- columns ---------------------------------------------------------------------- */

static void
setup_columns (RcrmInboxPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      Column *column = &self->columns[i];
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;

      column->page = self;
      column->kind = (ColumnKind) i;

      if (i == COLUMN_REASON && !self->unfollowed)
        continue;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), column);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), column);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), column);

      view_column = gtk_column_view_column_new (gettext (column_info[i].title), g_object_ref (factory));
      gtk_column_view_column_set_expand (view_column, column_info[i].expand);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      if (column_info[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (view_column, column_info[i].fixed_width);

      if (column_info[i].sort_key != NULL)
        {
          GCompareDataFunc compare = i == COLUMN_NAME ? compare_name
                                   : i == COLUMN_VALUE ? compare_value
                                   : compare_activity;
          g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (compare, NULL, NULL);

          gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
          make_probes (column);
        }

      column->column = view_column;
      gtk_column_view_append_column (self->column_view, view_column);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, 0);
}

/* ---- filters ----------------------------------------------------------------------- */

static guint
index_of_id (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return 0;
}

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected);
}

/* Replaces a dropdown's items (names[0] = "all") keeping the selected id. */
static void
set_dropdown_items (RcrmInboxPage *self,
                    GtkDropDown   *dropdown,
                    GArray        *ids,
                    GArray        *new_ids,
                    GPtrArray     *names)
{
  gint64 old = selected_id (dropdown, ids);
  g_autoptr(GtkStringList) list = NULL;

  g_ptr_array_add (names, NULL);
  list = gtk_string_list_new ((const char * const *) names->pdata);

  g_array_set_size (ids, 0);
  g_array_append_vals (ids, new_ids->data, new_ids->len);

  self->updating = TRUE;
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, index_of_id (ids, old));
  self->updating = FALSE;
}

/* Lists the steps of the selected pipeline; keep_step stays selected when it
 * exists there (-1 = all steps). */
static void
fill_steps (RcrmInboxPage *self,
            gint64         keep_step)
{
  gint64 pipeline_id = selected_id (self->pipeline_dropdown, self->pipeline_ids);
  RcrmPipeline *pipeline = pipeline_id != 0 ? rcrm_catalog_lookup_pipeline (self->catalog, pipeline_id) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 any = -1;

  g_ptr_array_add (names, _("All Steps"));
  g_array_append_val (ids, any);

  if (pipeline != NULL)
    for (guint i = 0; i < rcrm_pipeline_get_n_steps (pipeline); i++)
      {
        gint64 step = i;

        g_ptr_array_add (names, (char *) rcrm_pipeline_get_step_name (pipeline, i));
        g_array_append_val (ids, step);
      }

  set_dropdown_items (self, self->step_dropdown, self->step_ids, ids, names);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->step_dropdown, index_of_id (self->step_ids, keep_step));
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->step_dropdown), pipeline != NULL);
}

static gint64
selected_step (RcrmInboxPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->step_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->step_ids->len)
    return -1;

  return g_array_index (self->step_ids, gint64, selected);
}

static void
fill_filters (RcrmInboxPage *self)
{
  GListModel *pipelines = rcrm_catalog_get_pipelines (self->catalog);
  GListModel *users = rcrm_catalog_get_users (self->catalog);
  GListModel *labels = rcrm_catalog_get_labels (self->catalog);
  gint64 none = 0;
  gint64 pipeline_before = selected_id (self->pipeline_dropdown, self->pipeline_ids);
  gint64 step_before = selected_step (self);

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_ptr_array_add (names, _("All Pipelines"));
    g_array_append_val (ids, none);
    for (guint i = 0; i < g_list_model_get_n_items (pipelines); i++)
      {
        g_autoptr(RcrmPipeline) pipeline = g_list_model_get_item (pipelines, i);
        gint64 id = rcrm_pipeline_get_id (pipeline);

        g_ptr_array_add (names, (char *) rcrm_pipeline_get_name (pipeline));
        g_array_append_val (ids, id);
      }
    set_dropdown_items (self, self->pipeline_dropdown, self->pipeline_ids, ids, names);
  }

  /* the same step only in the same pipeline */
  fill_steps (self, selected_id (self->pipeline_dropdown, self->pipeline_ids) == pipeline_before ? step_before : -1);

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_ptr_array_add (names, _("All Owners"));
    g_array_append_val (ids, none);
    for (guint i = 0; i < g_list_model_get_n_items (users); i++)
      {
        g_autoptr(RcrmUser) user = g_list_model_get_item (users, i);
        gint64 id = rcrm_user_get_id (user);

        g_ptr_array_add (names, (char *) rcrm_user_get_display_name (user));
        g_array_append_val (ids, id);
      }
    set_dropdown_items (self, self->owner_dropdown, self->owner_ids, ids, names);
  }

  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_ptr_array_add (names, _("All Labels"));
    g_array_append_val (ids, none);
    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      {
        g_autoptr(RcrmLabel) label = g_list_model_get_item (labels, i);
        gint64 id = rcrm_label_get_id (label);

        g_ptr_array_add (names, (char *) rcrm_label_get_name (label));
        g_array_append_val (ids, id);
      }
    set_dropdown_items (self, self->label_dropdown, self->label_ids, ids, names);
  }
}

static void
fill_states (RcrmInboxPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (inbox_states); i++)
    gtk_string_list_append (list, gettext (inbox_states[i].label));

  self->updating = TRUE;
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  self->updating = FALSE;
}

static const char *
search_text (RcrmInboxPage *self,
             char         **owned)
{
  *owned = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  return **owned != '\0' ? *owned : NULL;
}

static RcrmLeadQuery *
build_query (RcrmInboxPage *self)
{
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();
  g_autofree char *text = NULL;
  const char *q = search_text (self, &text);

  query->q = g_strdup (q);
  if (self->unfollowed)
    query->state = g_strdup ("unfollowed");
  else
    {
      guint state = gtk_drop_down_get_selected (self->state_dropdown);

      if (state < G_N_ELEMENTS (inbox_states))
        query->state = g_strdup (inbox_states[state].state);
    }
  query->pipeline_id = selected_id (self->pipeline_dropdown, self->pipeline_ids);
  query->step = query->pipeline_id != 0 ? (gint) selected_step (self) : -1;
  query->owner_id = selected_id (self->owner_dropdown, self->owner_ids);
  query->label_id = selected_id (self->label_dropdown, self->label_ids);
  query->sort = g_strdup (self->sort);
  query->segment_id = self->segment_id;

  return g_steal_pointer (&query);
}

static gboolean
filtered (RcrmInboxPage *self)
{
  g_autoptr(RcrmLeadQuery) query = build_query (self);

  return query->q != NULL
         || query->pipeline_id != 0
         || query->owner_id != 0
         || query->label_id != 0
         || (!self->unfollowed && query->state != NULL);
}

static void
update_status (RcrmInboxPage *self)
{
  guint total = rcrm_lead_list_model_get_total (self->model);
  gboolean loading = rcrm_lead_list_model_get_loading (self->model);
  gboolean is_filtered = filtered (self);
  g_autofree char *count = rcrm_format_count (total);
  g_autofree char *text = NULL;

  /* Translators: the number of leads in the inbox; %s is the number, with digit grouping */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s lead", "%s leads", total), count);
  /* no "0 leads" before the first answer */
  gtk_label_set_text (self->count_label, loading && total == 0 ? "" : text);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (self->clear_button, is_filtered);

  if (is_filtered)
    {
      adw_status_page_set_icon_name (self->status_page, "system-search-symbolic");
      adw_status_page_set_title (self->status_page, _("No Matching Leads"));
      adw_status_page_set_description (self->status_page, _("Try another search or change the filters."));
    }
  else if (self->unfollowed)
    {
      adw_status_page_set_icon_name (self->status_page, "view-conceal-symbolic");
      adw_status_page_set_title (self->status_page, _("No Unfollowed Leads"));
      adw_status_page_set_description (self->status_page,
                                       _("Leads you stop following are kept here and can be restored."));
    }
  else
    {
      adw_status_page_set_icon_name (self->status_page, "rcrm-inbox-symbolic");
      adw_status_page_set_title (self->status_page, _("No Leads Yet"));
      adw_status_page_set_description (self->status_page, _("Create a lead with the + button or Ctrl+N."));
    }

  gtk_stack_set_visible_child_name (self->stack, total == 0 && !loading ? "empty" : "list");
}

static void
apply_query (RcrmInboxPage *self)
{
  g_autoptr(RcrmLeadQuery) query = NULL;
  const RcrmLeadQuery *current;

  /* A page loads when first shown (the inbox: at once, from the prefetched
   * first page), or as soon as it is searched or filtered, from code, before
   * it is shown; the hidden unfollowed box and segment page cost nothing at
   * startup. */
  if (self->deferred)
    {
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && !filtered (self))
        {
          update_status (self);
          return;
        }
      self->deferred = FALSE;
      self->want_columns = TRUE;
    }

  query = build_query (self);
  current = rcrm_lead_list_model_get_query (self->model);

  if (current == NULL || !rcrm_lead_query_equal_filters (current, query))
    rcrm_lead_list_model_set_query (self->model, query);

  update_status (self);
}

static void
on_pipeline_selected (RcrmInboxPage *self)
{
  if (self->updating)
    return;

  fill_steps (self, -1);
  apply_query (self);
}

static void
on_filter_selected (RcrmInboxPage *self)
{
  if (self->updating)
    return;

  apply_query (self);
}

static void
on_search_changed (RcrmInboxPage *self)
{
  apply_query (self);
}

static void
on_search_activate (RcrmInboxPage *self)
{
  apply_query (self);
}

static void
on_stop_search (RcrmInboxPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_query (self);
}

void
rcrm_inbox_page_clear_filters (RcrmInboxPage *self)
{
  g_return_if_fail (RCRM_IS_INBOX_PAGE (self));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->pipeline_dropdown, 0);
  fill_steps (self, -1);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->label_dropdown, 0);
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  self->updating = FALSE;

  apply_query (self);
}

/* ---- model and catalog ---------------------------------------------------------------- */

static void
on_model_counts (RcrmInboxPage *self)
{
  update_status (self);
  if (self->want_columns)
    {
      self->want_columns = FALSE;
      rcrm_custom_columns_load (self->column_view, self->client, "lead");
    }
}

static void
on_model_error (RcrmInboxPage *self,
                GError        *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_signal_emit (self, signals[TOAST], 0, error->message);
}

static void
on_catalog_changed (RcrmInboxPage *self)
{
  fill_filters (self);
  refresh_cells (self);
}

static void
on_catalog_error (RcrmInboxPage *self,
                  GError        *error)
{
  /* a shared catalog is reported by its window */
  if (self->owns_catalog)
    on_model_error (self, error);
}

static void
on_activate (RcrmInboxPage *self,
             guint          position)
{
  g_autoptr(RcrmLead) lead = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  /* a placeholder has no id yet */
  if (lead == NULL || !rcrm_lead_get_loaded (lead))
    return;

  g_signal_emit (self, signals[LEAD_ACTIVATED], 0, lead);
}

/* ---- labels and segments (R12, R13) ----------------------------------------------------- */

static void
update_selection_actions (RcrmInboxPage *self)
{
  gboolean selecting = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->select_button));
  g_autoptr(GtkBitset) selected = NULL;

  gtk_widget_set_visible (self->labels_button, selecting);
  if (!selecting)
    return;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gtk_widget_set_sensitive (self->labels_button, !gtk_bitset_is_empty (selected) && self->n_labelling == 0);
}

static void
on_select_toggled (RcrmInboxPage *self)
{
  gboolean selecting = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->select_button));

  /* in selection mode a click selects (Ctrl toggles, Shift extends); a
   * double click or Enter still opens the lead */
  gtk_column_view_set_single_click_activate (self->column_view, !selecting);
  if (!selecting)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  update_selection_actions (self);
}

/* the loaded leads of the selection (placeholders have nothing to change) */
static GPtrArray *
selected_leads (RcrmInboxPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *leads = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      RcrmLead *lead = g_list_model_get_item (G_LIST_MODEL (self->model), position);

      if (lead != NULL && rcrm_lead_get_loaded (lead))
        g_ptr_array_add (leads, lead);
      else
        g_clear_object (&lead);
    }
  return leads;
}

static void
prepare_picker (GtkMenuButton *button,
                gpointer       user_data)
{
  RcrmInboxPage *self = user_data;
  g_autoptr(GPtrArray) leads = selected_leads (self);
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();

  for (guint i = 0; i < leads->len; i++)
    g_ptr_array_add (sets, rcrm_lead_get_label_ids (g_ptr_array_index (leads, i)));
  rcrm_label_picker_set_records (RCRM_LABEL_PICKER (self->label_picker), sets);
}

static void
labelling_done (RcrmInboxPage *self)
{
  g_autofree char *message = NULL;

  if (self->n_label_failures > 0)
    /* Translators: a toast after applying labels; %u is a number of leads, %s the server's reason */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The labels of %u lead could not be changed: %s",
                                            "The labels of %u leads could not be changed: %s",
                                            self->n_label_failures),
                               self->n_label_failures, self->label_failure);
  else
    /* Translators: a toast after applying labels; %u is a number of leads */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Labels changed on %u lead",
                                            "Labels changed on %u leads",
                                            self->n_labelled),
                               self->n_labelled);
  g_signal_emit (self, signals[TOAST], 0, message);

  /* a lead may have joined or left a filtered list */
  if (self->segment_id != 0 || selected_id (self->label_dropdown, self->label_ids) != 0)
    rcrm_inbox_page_reload (self);
  /* the labels' usage and the segments' counts changed: whoever shows them
   * follows the catalog's "changed" */
  if (self->n_labelled > 0)
    rcrm_catalog_reload_labels (self->catalog);
  update_selection_actions (self);
}

static void
on_lead_labelled (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  RcrmInboxPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmLead) lead = rcrm_client_set_lead_labels_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_assert (self->n_labelling > 0);
  self->n_labelling--;
  if (lead != NULL)
    {
      rcrm_lead_list_model_update_lead (self->model, lead);
      self->n_labelled++;
    }
  else
    {
      self->n_label_failures++;
      if (self->label_failure == NULL)
        {
          const char *message = rcrm_client_error_get_field_message (error, "label_ids");

          self->label_failure = g_strdup (message != NULL ? message : error->message);
        }
    }

  if (self->n_labelling == 0)
    labelling_done (self);
}

static void
on_picker_apply (RcrmInboxPage *self,
                 GArray        *add,
                 GArray        *remove)
{
  g_autoptr(GPtrArray) leads = selected_leads (self);

  if (self->n_labelling > 0 || (add->len == 0 && remove->len == 0))
    return;

  self->n_labelled = 0;
  self->n_label_failures = 0;
  g_clear_pointer (&self->label_failure, g_free);

  for (guint i = 0; i < leads->len; i++)
    {
      RcrmLead *lead = g_ptr_array_index (leads, i);
      GArray *current = rcrm_lead_get_label_ids (lead);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (current != NULL)
        g_array_append_vals (ids, current->data, current->len);
      if (!rcrm_label_ids_edit (ids, add, remove))
        continue;

      self->n_labelling++;
      rcrm_client_set_lead_labels_async (self->client, rcrm_lead_get_id (lead), rcrm_lead_get_version (lead),
                                         (const gint64 *) (gpointer) ids->data, ids->len,
                                         self->cancellable, on_lead_labelled, self);
    }

  if (self->n_labelling == 0)
    labelling_done (self);
  else
    update_selection_actions (self);
}

static void
on_segment_created (RcrmInboxPage *self,
                    RcrmSegment   *segment)
{
  g_signal_emit (self, signals[SEGMENT_CREATED], 0, segment);
}

RcrmSegmentDialog *
rcrm_inbox_page_save_segment (RcrmInboxPage *self)
{
  g_autoptr(RcrmLeadQuery) query = build_query (self);
  g_autoptr(JsonObject) filter = json_object_new ();
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  RcrmSegmentDialog *dialog;
  GtkRoot *root;
  g_autofree char *summary = NULL;

  if (query->label_id != 0)
    {
      RcrmLabel *label = rcrm_catalog_lookup_label (self->catalog, query->label_id);
      JsonArray *ids = json_array_new ();

      json_array_add_int_element (ids, query->label_id);
      json_object_set_array_member (filter, "label_ids", ids);
      /* Translators: a segment's filter in words; %s is a label's name */
      g_ptr_array_add (words, g_strdup_printf (_("Label: %s"), label != NULL ? rcrm_label_get_name (label) : "?"));
    }
  if (query->state != NULL && !self->unfollowed)
    {
      json_object_set_string_member (filter, "state", query->state);
      /* Translators: a segment's filter in words; %s is a lead state */
      g_ptr_array_add (words, g_strdup_printf (_("State: %s"),
                                               gettext (inbox_states[gtk_drop_down_get_selected (self->state_dropdown)].label)));
    }
  else if (self->unfollowed)
    json_object_set_string_member (filter, "state", "unfollowed");
  if (query->owner_id != 0)
    {
      RcrmUser *owner = rcrm_catalog_lookup_user (self->catalog, query->owner_id);

      json_object_set_int_member (filter, "owner_id", query->owner_id);
      /* Translators: a segment's filter in words; %s is a user's name */
      g_ptr_array_add (words, g_strdup_printf (_("Owner: %s"), owner != NULL ? rcrm_user_get_display_name (owner) : "?"));
    }
  if (query->q != NULL || query->pipeline_id != 0)
    g_ptr_array_add (words, g_strdup (_("The search and the pipeline are not part of a segment.")));

  g_ptr_array_add (words, NULL);
  summary = g_strjoinv ("\n", (char **) words->pdata);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = rcrm_segment_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->catalog, filter, summary);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_segment_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
setup_labels (RcrmInboxPage *self)
{
  g_autoptr(GtkListItemFactory) factory = rcrm_label_chips_factory_new (self->catalog);
  g_autoptr(GtkColumnViewColumn) column = NULL;

  /* one RcrmLabelChips per row, drawn by itself: no child widgets */
  column = gtk_column_view_column_new (_("Labels"), g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, 180);
  gtk_column_view_insert_column (self->column_view, 1, column);

  self->cancellable = g_cancellable_new ();

  self->select_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->select_button), "object-select-symbolic");
  gtk_widget_set_tooltip_text (self->select_button, _("Select Leads"));
  gtk_widget_add_css_class (self->select_button, "flat");
  g_signal_connect_object (self->select_button, "toggled", G_CALLBACK (on_select_toggled), self, G_CONNECT_SWAPPED);

  self->label_picker = rcrm_label_picker_new (self->catalog);
  g_signal_connect_object (self->label_picker, "apply", G_CALLBACK (on_picker_apply), self, G_CONNECT_SWAPPED);
  self->labels_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->labels_button), _("Apply Labels"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->labels_button), self->label_picker);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->labels_button), prepare_picker, self, NULL);
  gtk_widget_set_tooltip_text (self->labels_button, _("Apply Labels to the Selected Leads"));
  gtk_widget_set_visible (self->labels_button, FALSE);

  self->segment_button = gtk_button_new_from_icon_name ("folder-saved-search-symbolic");
  gtk_widget_set_tooltip_text (self->segment_button, _("Save as Segment"));
  gtk_widget_add_css_class (self->segment_button, "flat");
  g_signal_connect_object (self->segment_button, "clicked", G_CALLBACK (rcrm_inbox_page_save_segment),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->segment_button, !self->unfollowed);

  gtk_box_insert_child_after (GTK_BOX (self->search_bar), self->labels_button, GTK_WIDGET (self->search_entry));
  gtk_box_insert_child_after (GTK_BOX (self->search_bar), self->select_button, GTK_WIDGET (self->search_entry));
  gtk_box_insert_child_after (GTK_BOX (self->search_bar), self->segment_button, self->labels_button);

  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_selection_actions),
                           self, G_CONNECT_SWAPPED);
}

/* ---- GObject --------------------------------------------------------------------------- */

/* the inbox's saved sort, or the default */
static char *
initial_sort (gboolean unfollowed)
{
  g_autofree char *sort = NULL;

  if (!unfollowed)
    sort = rcrm_app_settings_get_string (rcrm_app_settings_get_default (), "inbox-sort");
  if (!valid_sort (sort))
    return g_strdup (DEFAULT_SORT);
  return g_steal_pointer (&sort);
}

static void
rcrm_inbox_page_constructed (GObject *object)
{
  RcrmInboxPage *self = RCRM_INBOX_PAGE (object);

  G_OBJECT_CLASS (rcrm_inbox_page_parent_class)->constructed (object);

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

  self->model = rcrm_lead_list_model_new (self->client);
  g_signal_connect_object (self->model, "notify::total", G_CALLBACK (on_model_counts),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (on_model_counts),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "error", G_CALLBACK (on_model_error),
                           self, G_CONNECT_SWAPPED);

  /* the first screenful of rows in the first frame, the rest a few per frame */
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (rcrm_grow_model_new (G_LIST_MODEL (self->model),
                                                                                GTK_WIDGET (self->column_view),
                                                                                GROW_FIRST, GROW_STEP)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  gtk_widget_set_visible (GTK_WIDGET (self->state_dropdown), !self->unfollowed);
  if (self->unfollowed)
    g_object_set (self->search_entry, "placeholder-text", _("Search unfollowed leads"), NULL);

  setup_columns (self);
  setup_labels (self);
  fill_states (self);
  fill_filters (self);

  self->sort = initial_sort (self->unfollowed);
  show_sort (self, self->sort);

  self->deferred = TRUE;
  apply_query (self);

  if (self->owns_catalog)
    rcrm_catalog_load (self->catalog);
}

static void
rcrm_inbox_page_map (GtkWidget *widget)
{
  RcrmInboxPage *self = RCRM_INBOX_PAGE (widget);

  GTK_WIDGET_CLASS (rcrm_inbox_page_parent_class)->map (widget);

  if (self->deferred)
    apply_query (self);
}

static void
rcrm_inbox_page_dispose (GObject *object)
{
  RcrmInboxPage *self = RCRM_INBOX_PAGE (object);

  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->label_picker != NULL)
    g_signal_handlers_disconnect_by_data (self->label_picker, self);

  if (self->cells != NULL)
    g_hash_table_remove_all (self->cells);

  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
      gtk_column_view_set_model (self->column_view, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_INBOX_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_object (&self->catalog);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rcrm_inbox_page_parent_class)->dispose (object);
}

static void
rcrm_inbox_page_finalize (GObject *object)
{
  RcrmInboxPage *self = RCRM_INBOX_PAGE (object);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_clear_object (&self->columns[i].probe_low);
      g_clear_object (&self->columns[i].probe_high);
    }
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->pipeline_ids, g_array_unref);
  g_clear_pointer (&self->step_ids, g_array_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->label_ids, g_array_unref);
  g_clear_pointer (&self->sort, g_free);
  g_clear_pointer (&self->label_failure, g_free);

  G_OBJECT_CLASS (rcrm_inbox_page_parent_class)->finalize (object);
}

static void
rcrm_inbox_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RcrmInboxPage *self = RCRM_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    case PROP_UNFOLLOWED:
      g_value_set_boolean (value, self->unfollowed);
      break;

    case PROP_SORT:
      g_value_set_string (value, self->sort);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_inbox_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RcrmInboxPage *self = RCRM_INBOX_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;

    case PROP_UNFOLLOWED:
      self->unfollowed = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_inbox_page_class_init (RcrmInboxPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rcrm_inbox_page_constructed;
  object_class->dispose = rcrm_inbox_page_dispose;
  object_class->finalize = rcrm_inbox_page_finalize;
  object_class->get_property = rcrm_inbox_page_get_property;
  object_class->set_property = rcrm_inbox_page_set_property;
  widget_class->map = rcrm_inbox_page_map;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RCRM_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         RCRM_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNFOLLOWED] =
    g_param_spec_boolean ("unfollowed", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcrmInboxPage::lead-activated:
   * @lead: the (loaded) lead of the activated row
   */
  signals[LEAD_ACTIVATED] =
    g_signal_new ("lead-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RCRM_TYPE_LEAD);
  /**
   * RcrmInboxPage::toast:
   * @message: a message for the window's toast overlay
   */
  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * RcrmInboxPage::segment-created:
   * @segment: a segment saved from this page's filters
   */
  signals[SEGMENT_CREATED] =
    g_signal_new ("segment-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RCRM_TYPE_SEGMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-inbox-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, pipeline_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, step_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, label_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, RcrmInboxPage, status_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_pipeline_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, rcrm_inbox_page_reload);
  gtk_widget_class_bind_template_callback (widget_class, rcrm_inbox_page_clear_filters);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rcrm-inbox-page");
}

static void
rcrm_inbox_page_init (RcrmInboxPage *self)
{
  GtkLayoutManager *layout;

  self->cells = g_hash_table_new (NULL, NULL);
  self->pipeline_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->step_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  /* typing anywhere in the page starts a search */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/* ---- public ----------------------------------------------------------------------------- */

void
rcrm_inbox_page_prefetch (RcrmClient *client)
{
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_new ();

  g_return_if_fail (RCRM_IS_CLIENT (client));

  /* what build_query() gives a new inbox: no search, no filter, the saved sort */
  query->sort = initial_sort (FALSE);
  rcrm_lead_list_model_prefetch (client, query);
}

GtkWidget *
rcrm_inbox_page_new (RcrmClient  *client,
                     RcrmCatalog *catalog,
                     gboolean     unfollowed)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);
  g_return_val_if_fail (catalog == NULL || RCRM_IS_CATALOG (catalog), NULL);

  return g_object_new (RCRM_TYPE_INBOX_PAGE,
                       "client", client,
                       "catalog", catalog,
                       "unfollowed", unfollowed,
                       NULL);
}

RcrmClient *
rcrm_inbox_page_get_client (RcrmInboxPage *self)
{
  g_return_val_if_fail (RCRM_IS_INBOX_PAGE (self), NULL);

  return self->client;
}

RcrmCatalog *
rcrm_inbox_page_get_catalog (RcrmInboxPage *self)
{
  g_return_val_if_fail (RCRM_IS_INBOX_PAGE (self), NULL);

  return self->catalog;
}

gboolean
rcrm_inbox_page_get_unfollowed (RcrmInboxPage *self)
{
  g_return_val_if_fail (RCRM_IS_INBOX_PAGE (self), FALSE);

  return self->unfollowed;
}

RcrmLeadListModel *
rcrm_inbox_page_get_model (RcrmInboxPage *self)
{
  g_return_val_if_fail (RCRM_IS_INBOX_PAGE (self), NULL);

  return self->model;
}

const char *
rcrm_inbox_page_get_sort (RcrmInboxPage *self)
{
  g_return_val_if_fail (RCRM_IS_INBOX_PAGE (self), NULL);

  return self->sort;
}

void
rcrm_inbox_page_reload (RcrmInboxPage *self)
{
  g_return_if_fail (RCRM_IS_INBOX_PAGE (self));

  rcrm_lead_list_model_reload (self->model);
  update_status (self);
}

void
rcrm_inbox_page_focus_search (RcrmInboxPage *self)
{
  g_return_if_fail (RCRM_IS_INBOX_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
rcrm_inbox_page_lead_changed (RcrmInboxPage *self,
                              RcrmLead      *lead)
{
  gboolean present, belongs;

  g_return_if_fail (RCRM_IS_INBOX_PAGE (self));
  g_return_if_fail (RCRM_IS_LEAD (lead));

  present = rcrm_lead_list_model_update_lead (self->model, lead);
  belongs = rcrm_lead_is_unfollowed (lead) == self->unfollowed;

  if (present != belongs)
    rcrm_inbox_page_reload (self);
}

/* ---- rcrm-app-private.h ------------------------------------------------------------------ */

GtkSearchEntry *
rcrm_inbox_page_get_search_entry (RcrmInboxPage *self)
{
  return self->search_entry;
}

GtkColumnView *
rcrm_inbox_page_get_column_view (RcrmInboxPage *self)
{
  return self->column_view;
}

GtkLabel *
rcrm_inbox_page_get_count_label (RcrmInboxPage *self)
{
  return self->count_label;
}

AdwStatusPage *
rcrm_inbox_page_get_status_page (RcrmInboxPage *self)
{
  return self->status_page;
}

GtkStack *
rcrm_inbox_page_get_stack (RcrmInboxPage *self)
{
  return self->stack;
}

GtkDropDown *
rcrm_inbox_page_get_pipeline_dropdown (RcrmInboxPage *self)
{
  return self->pipeline_dropdown;
}

GtkDropDown *
rcrm_inbox_page_get_step_dropdown (RcrmInboxPage *self)
{
  return self->step_dropdown;
}

GtkDropDown *
rcrm_inbox_page_get_owner_dropdown (RcrmInboxPage *self)
{
  return self->owner_dropdown;
}

GtkDropDown *
rcrm_inbox_page_get_label_dropdown (RcrmInboxPage *self)
{
  return self->label_dropdown;
}

GtkDropDown *
rcrm_inbox_page_get_state_dropdown (RcrmInboxPage *self)
{
  return self->state_dropdown;
}

GtkColumnViewColumn *
rcrm_inbox_page_get_column (RcrmInboxPage *self,
                            const char    *id)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (self->columns[i].column != NULL && g_strcmp0 (column_info[i].id, id) == 0)
      return self->columns[i].column;

  return NULL;
}

char *
rcrm_inbox_page_dup_cell_text (RcrmInboxPage *self,
                               const char    *column_id,
                               RcrmLead      *lead)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (column_info[i].id, column_id) == 0)
      {
        g_autofree char *tooltip = NULL;

        if (!rcrm_lead_get_loaded (lead))
          return g_strdup ("…");
        return cell_text (self, (ColumnKind) i, lead, &tooltip);
      }

  return NULL;
}

void
rcrm_inbox_page_select_filter (RcrmInboxPage *self,
                               const char    *filter,
                               gint64         id)
{
  GtkDropDown *dropdown = NULL;
  GArray *ids = NULL;

  if (g_str_equal (filter, "pipeline"))
    dropdown = self->pipeline_dropdown, ids = self->pipeline_ids;
  else if (g_str_equal (filter, "step"))
    dropdown = self->step_dropdown, ids = self->step_ids;
  else if (g_str_equal (filter, "owner"))
    dropdown = self->owner_dropdown, ids = self->owner_ids;
  else if (g_str_equal (filter, "label"))
    dropdown = self->label_dropdown, ids = self->label_ids;
  else
    g_return_if_reached ();

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }

  g_critical ("No %s with id %" G_GINT64_FORMAT " in the filter", filter, id);
}

void
rcrm_inbox_page_set_segment (RcrmInboxPage *self,
                             gint64         segment_id)
{
  g_return_if_fail (RCRM_IS_INBOX_PAGE (self));

  if (self->segment_id == segment_id)
    return;
  self->segment_id = segment_id;
  apply_query (self);
}

gint64
rcrm_inbox_page_get_segment (RcrmInboxPage *self)
{
  g_return_val_if_fail (RCRM_IS_INBOX_PAGE (self), 0);

  return self->segment_id;
}

/* ---- rcrm-labels-private.h ----------------------------------------------------------------- */

GtkToggleButton *
rcrm_inbox_page_get_select_button (RcrmInboxPage *self)
{
  return GTK_TOGGLE_BUTTON (self->select_button);
}

GtkMenuButton *
rcrm_inbox_page_get_labels_button (RcrmInboxPage *self)
{
  return GTK_MENU_BUTTON (self->labels_button);
}

RcrmLabelPicker *
rcrm_inbox_page_get_label_picker (RcrmInboxPage *self)
{
  return RCRM_LABEL_PICKER (self->label_picker);
}

GtkSelectionModel *
rcrm_inbox_page_get_selection (RcrmInboxPage *self)
{
  return GTK_SELECTION_MODEL (self->selection);
}

guint
rcrm_inbox_page_get_n_labelling (RcrmInboxPage *self)
{
  return self->n_labelling;
}
