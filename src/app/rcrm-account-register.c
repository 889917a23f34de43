/* rcrm-account-register.c — the account register (ทะเบียนลูกค้า)
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "rcrm-account-dialog.h"
#include "rcrm-account-form.h"
#include "rcrm-account-register.h"
#include "rcrm-app-private.h"
#include "rcrm-cell-text.h"
#include "rcrm-core.h"
#include "rcrm-custom-columns.h"
#include "rcrm-format.h"
#include "rcrm-label-chips.h"
#include "rcrm-label-picker.h"
#include "rcrm-segment-dialog.h"

#define PAGE_SIZE 100
/* load the next page when the view is this close (pixels) to the end */
#define NEAR_END 600

/* the parts a listing goes through: with favourites first, the favourites
 * and then the rest; else one part */
typedef enum {
  PART_FAVOURITES,
  PART_REST,
  PART_DONE,
} Part;

struct _RcrmAccountRegister
{
  GtkWidget            parent_instance;

  /* template */
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *select_button;
  GtkMenuButton       *labels_button;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *label_dropdown;
  GtkToggleButton     *favourites_button;
  GtkSpinner          *spinner;
  GtkLabel            *count_label;
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled;
  GtkColumnView       *column_view;
  AdwStatusPage       *status_page;

  RcrmClient          *client;
  RcrmCatalog         *catalog;
  GListStore          *store;
  GtkMultiSelection   *selection;
  GtkWidget           *label_picker;
  GArray              *label_ids;       /* the label dropdown's ids (0 = all) */
  gint64               segment_id;

  /* the listing */
  GCancellable        *cancellable;
  guint                generation;
  Part                 part;
  char                *cursor;          /* of the current part; NULL = it is complete */
  RcrmAccountPage     *rest_first;      /* with favourites first: the rest's first page, held back */
  RcrmAccountPage     *first[2];        /* the first pages while they arrive */
  guint                n_first_wanted;
  gint64               total;
  gboolean             loading;
  gboolean             loaded_once;
  gboolean             updating;

  /* labelling */
  guint                n_labelling;
  guint                n_labelled;
  guint                n_label_failures;
  char                *label_failure;
  GtkWindow           *account_dialog;  /* weak */
};

G_DEFINE_FINAL_TYPE (RcrmAccountRegister, rcrm_account_register, GTK_TYPE_WIDGET)

enum {
  ACCOUNT_ACTIVATED,
  TOAST,
  SEGMENT_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const status_codes[] = { NULL, "pending", "confirmed", "sold" };

/* ---- columns ------------------------------------------------------------------------------ */

typedef enum {
  COLUMN_FAVOURITE,
  COLUMN_NAME,
  COLUMN_TAX_ID,
  COLUMN_PROVINCE,
  COLUMN_PHONE,
  COLUMN_STATUS,
  COLUMN_OWNER,
  N_COLUMNS
} Column;

static const struct {
  const char *id;
  const char *title;
  int         width;
  gboolean    expand;
} column_info[N_COLUMNS] = {
  { "favourite", "",                 32, FALSE },
  { "name",      N_("Name"),        240, TRUE },
  { "tax_id",    N_("Tax ID"),      270, FALSE },
  { "province",  N_("Province"),    120, FALSE },
  { "phone",     N_("Phone"),       120, FALSE },
  { "status",    N_("Status"),      110, FALSE },
  { "owner",     N_("Owner"),       150, FALSE },
};

static char *
cell_text (RcrmAccountRegister *self,
           Column               column,
           RcrmAccount         *account)
{
  const char *value;

  switch (column)
    {
    case COLUMN_FAVOURITE:
      return g_strdup (rcrm_account_get_favourite (account) ? "★" : "");
    case COLUMN_NAME:
      return g_strdup (rcrm_account_get_name (account));
    case COLUMN_TAX_ID:
      value = rcrm_account_get_tax_id (account);
      if (value == NULL)
        return g_strdup ("");
      {
        g_autofree char *tax_id = rcrm_tax_id_is_valid (value) ? rcrm_tax_id_format (value) : g_strdup (value);
        g_autofree char *branch = rcrm_account_get_branch (account) != NULL
                                  ? rcrm_branch_format (rcrm_account_get_branch (account)) : NULL;

        return branch != NULL ? g_strdup_printf ("%s (%s)", tax_id, branch) : g_steal_pointer (&tax_id);
      }
    case COLUMN_PROVINCE:
      value = rcrm_account_get_province (account);
      return g_strdup (value != NULL ? value : "");
    case COLUMN_PHONE:
      value = rcrm_account_get_phone (account);
      return value != NULL ? rcrm_phone_format_local (value) : g_strdup ("");
    case COLUMN_STATUS:
      return g_strdup (rcrm_account_status_label (rcrm_account_get_status (account)));
    case COLUMN_OWNER:
      {
        RcrmUser *owner = rcrm_catalog_lookup_user (self->catalog, rcrm_account_get_owner_id (account));

        return g_strdup (owner != NULL ? rcrm_user_get_display_name (owner) : "");
      }
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static GQuark column_quark (void);
G_DEFINE_QUARK (rcrm-account-register-column, column)

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (factory), column_quark ()));
  GtkWidget *cell = rcrm_cell_text_new ();

  if (column == COLUMN_FAVOURITE)
    {
      rcrm_cell_text_set_xalign (RCRM_CELL_TEXT (cell), 0.5f);
      gtk_widget_add_css_class (cell, "accent");
    }
  if (column == COLUMN_PHONE || column == COLUMN_TAX_ID)
    rcrm_cell_text_set_numeric (RCRM_CELL_TEXT (cell), TRUE);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           RcrmAccountRegister      *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (factory), column_quark ()));
  g_autofree char *text = cell_text (self, column, gtk_list_item_get_item (item));

  rcrm_cell_text_set_text (RCRM_CELL_TEXT (gtk_list_item_get_child (item)), text);
}

static void
setup_columns (RcrmAccountRegister *self)
{
  g_autoptr(GtkListItemFactory) chips = rcrm_label_chips_factory_new (self->catalog);
  g_autoptr(GtkColumnViewColumn) labels = NULL;

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_qdata (G_OBJECT (factory), column_quark (), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), self);
      column = gtk_column_view_column_new (*column_info[i].title != '\0' ? _(column_info[i].title) : "",
                                           g_object_ref (factory));
      g_object_set_data (G_OBJECT (column), "rcrm-column-id", (gpointer) column_info[i].id);
      gtk_column_view_column_set_fixed_width (column, column_info[i].width);
      gtk_column_view_column_set_expand (column, column_info[i].expand);
      gtk_column_view_column_set_resizable (column, i != COLUMN_FAVOURITE);
      gtk_column_view_append_column (self->column_view, column);
    }

  labels = gtk_column_view_column_new (_("Labels"), g_object_ref (chips));
  g_object_set_data (G_OBJECT (labels), "rcrm-column-id", (gpointer) "labels");
  gtk_column_view_column_set_fixed_width (labels, 200);
  gtk_column_view_column_set_resizable (labels, TRUE);
  gtk_column_view_append_column (self->column_view, labels);
}

/* ---- filters ------------------------------------------------------------------------------ */

static gint64
selected_label (RcrmAccountRegister *self)
{
  guint selected = gtk_drop_down_get_selected (self->label_dropdown);

  return selected < self->label_ids->len ? g_array_index (self->label_ids, gint64, selected) : 0;
}

static void
fill_labels (RcrmAccountRegister *self)
{
  GListModel *labels = rcrm_catalog_get_labels (self->catalog);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 old = selected_label (self);
  gint64 none = 0;
  guint keep = 0;

  g_array_set_size (self->label_ids, 0);
  g_array_append_val (self->label_ids, none);
  gtk_string_list_append (names, _("All Labels"));
  for (guint i = 0; labels != NULL && i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(RcrmLabel) label = g_list_model_get_item (labels, i);
      gint64 id = rcrm_label_get_id (label);

      if (id == old)
        keep = self->label_ids->len;
      g_array_append_val (self->label_ids, id);
      gtk_string_list_append (names, rcrm_label_get_name (label));
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->label_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->label_dropdown, keep);
  self->updating = FALSE;
  /* a label that went away filtered the list */
  if (old != 0 && keep == 0 && self->loaded_once)
    rcrm_account_register_reload (self);
}

static RcrmAccountQuery *
make_query (RcrmAccountRegister *self,
            Part                 part)
{
  RcrmAccountQuery *query = rcrm_account_query_new ();
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  query->q = rcrm_text_strip (text);
  if (status < G_N_ELEMENTS (status_codes))
    query->status = g_strdup (status_codes[status]);
  query->label_id = selected_label (self);
  query->segment_id = self->segment_id;
  query->limit = PAGE_SIZE;
  if (gtk_toggle_button_get_active (self->favourites_button))
    query->favourite = part == PART_FAVOURITES ? 1 : 0;
  return query;
}

/* ---- the listing ---------------------------------------------------------------------------- */

static void
set_loading (RcrmAccountRegister *self,
             gboolean             loading)
{
  self->loading = loading;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
}

static void
update_status (RcrmAccountRegister *self)
{
  g_autofree char *count = rcrm_format_count ((guint64) MAX (self->total, 0));
  /* Translators: the number of accounts in the register; %s is a formatted number */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account", "%s accounts",
                                                        (gulong) MAX (self->total, 0)), count);
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0;
  gboolean filtered = gtk_drop_down_get_selected (self->status_dropdown) > 0 || selected_label (self) != 0
                      || *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0'
                      || self->segment_id != 0;

  gtk_label_set_text (self->count_label, text);
  if (empty && !self->loading)
    {
      adw_status_page_set_title (self->status_page, filtered ? _("No Matching Accounts") : _("No Accounts Yet"));
      adw_status_page_set_description (self->status_page,
                                       filtered ? _("Try another search or other filters.")
                                                : _("Add the first account with the + button."));
      adw_status_page_set_icon_name (self->status_page,
                                     filtered ? "system-search-symbolic" : "x-office-address-book-symbolic");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
append_items (RcrmAccountRegister *self,
              GPtrArray           *items)
{
  g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                       items->pdata, items->len);
}

static void load_more (RcrmAccountRegister *self);

typedef struct {
  RcrmAccountRegister *self;
  guint                generation;
  Part                 part;
  gboolean             first;
} Fetch;

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  RcrmAccountRegister *self = fetch->self;
  g_autoptr(GError) error = NULL;
  RcrmAccountPage *page = rcrm_client_list_accounts_finish (RCRM_CLIENT (source), result, &error);
  Part part = fetch->part;
  gboolean first = fetch->first;
  gboolean current = fetch->generation == self->generation;

  g_free (fetch);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !current)
    {
      g_clear_pointer (&page, rcrm_account_page_free);
      g_object_unref (self);
      return;
    }

  if (page == NULL)
    {
      set_loading (self, FALSE);
      self->part = PART_DONE;
      g_signal_emit (self, signals[TOAST], 0, error->message);
      update_status (self);
      g_object_unref (self);
      return;
    }

  if (!first)
    {
      set_loading (self, FALSE);
      g_free (self->cursor);
      self->cursor = g_strdup (page->next_cursor);
      append_items (self, page->items);
      rcrm_account_page_free (page);
      load_more (self);
      g_object_unref (self);
      return;
    }

  /* the first pages: the list changes once both are here */
  self->first[part == PART_FAVOURITES ? 0 : 1] = page;
  if (--self->n_first_wanted > 0)
    {
      g_object_unref (self);
      return;
    }

  set_loading (self, FALSE);
  g_list_store_remove_all (self->store);
  g_clear_pointer (&self->rest_first, rcrm_account_page_free);
  g_clear_pointer (&self->cursor, g_free);
  self->total = 0;
  if (self->first[0] != NULL)
    {
      /* favourites first */
      self->total = self->first[0]->total + self->first[1]->total;
      self->part = PART_FAVOURITES;
      append_items (self, self->first[0]->items);
      self->cursor = g_strdup (self->first[0]->next_cursor);
      self->rest_first = g_steal_pointer (&self->first[1]);
      g_clear_pointer (&self->first[0], rcrm_account_page_free);
    }
  else
    {
      self->total = self->first[1]->total;
      self->part = PART_REST;
      append_items (self, self->first[1]->items);
      self->cursor = g_strdup (self->first[1]->next_cursor);
      g_clear_pointer (&self->first[1], rcrm_account_page_free);
    }
  update_status (self);
  load_more (self);
  g_object_unref (self);
}

static void
fetch (RcrmAccountRegister *self,
       Part                 part,
       const char          *cursor)
{
  g_autoptr(RcrmAccountQuery) query = make_query (self, part);
  Fetch *data = g_new0 (Fetch, 1);

  data->self = g_object_ref (self);
  data->generation = self->generation;
  data->part = part;
  data->first = cursor == NULL;
  query->cursor = g_strdup (cursor);
  set_loading (self, TRUE);
  rcrm_client_list_accounts_async (self->client, query, self->cancellable, on_page, data);
}

/* the view is near its end (or not full): the next page */
static gboolean
near_end (RcrmAccountRegister *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  return gtk_adjustment_get_value (adjustment) >= end - NEAR_END;
}

static void
load_more (RcrmAccountRegister *self)
{
  if (self->loading || self->part == PART_DONE || !near_end (self))
    return;

  if (self->cursor != NULL)
    {
      fetch (self, self->part, self->cursor);
      return;
    }

  if (self->part == PART_FAVOURITES && self->rest_first != NULL)
    {
      /* the favourites are all here: the rest's first page follows */
      self->part = PART_REST;
      append_items (self, self->rest_first->items);
      self->cursor = g_strdup (self->rest_first->next_cursor);
      g_clear_pointer (&self->rest_first, rcrm_account_page_free);
      load_more (self);
      return;
    }
  self->part = PART_DONE;
}

static void
on_edge_reached (RcrmAccountRegister *self,
                 GtkPositionType      position)
{
  if (position == GTK_POS_BOTTOM)
    load_more (self);
}

static void
on_scrolled (RcrmAccountRegister *self)
{
  load_more (self);
}

void
rcrm_account_register_reload (RcrmAccountRegister *self)
{
  g_return_if_fail (RCRM_IS_ACCOUNT_REGISTER (self));

  if (self->updating)
    return;

  self->loaded_once = TRUE;
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->first[0], rcrm_account_page_free);
  g_clear_pointer (&self->first[1], rcrm_account_page_free);
  self->loading = FALSE;

  if (gtk_toggle_button_get_active (self->favourites_button))
    {
      self->n_first_wanted = 2;
      fetch (self, PART_FAVOURITES, NULL);
    }
  else
    self->n_first_wanted = 1;
  fetch (self, PART_REST, NULL);
}

/* ---- rows ------------------------------------------------------------------------------------ */

static void
on_activate (RcrmAccountRegister *self,
             guint                position)
{
  g_autoptr(RcrmAccount) account = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (account != NULL)
    g_signal_emit (self, signals[ACCOUNT_ACTIVATED], 0, account);
}

void
rcrm_account_register_account_changed (RcrmAccountRegister *self,
                                       RcrmAccount         *account)
{
  guint n;

  g_return_if_fail (RCRM_IS_ACCOUNT_REGISTER (self));
  g_return_if_fail (RCRM_IS_ACCOUNT (account));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RcrmAccount) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (rcrm_account_get_id (item) == rcrm_account_get_id (account))
        {
          gpointer replacement[1] = { account };

          g_list_store_splice (self->store, i, 1, replacement, 1);
          return;
        }
    }
}

static void
on_stop_search (RcrmAccountRegister *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
rcrm_account_register_focus_search (RcrmAccountRegister *self)
{
  g_return_if_fail (RCRM_IS_ACCOUNT_REGISTER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
rcrm_account_register_set_segment (RcrmAccountRegister *self,
                                   gint64               segment_id)
{
  g_return_if_fail (RCRM_IS_ACCOUNT_REGISTER (self));

  if (self->segment_id == segment_id)
    return;
  self->segment_id = segment_id;
  if (self->loaded_once || gtk_widget_get_mapped (GTK_WIDGET (self)))
    rcrm_account_register_reload (self);
}

/* ---- labels on many accounts (R12) ------------------------------------------------------------ */

static GPtrArray *
selected_accounts (RcrmAccountRegister *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *accounts = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (accounts, g_list_model_get_item (G_LIST_MODEL (self->store), position));
  return accounts;
}

static void
update_selection_actions (RcrmAccountRegister *self)
{
  gboolean selecting = gtk_toggle_button_get_active (self->select_button);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_set_visible (GTK_WIDGET (self->labels_button), selecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->labels_button),
                            selecting && !gtk_bitset_is_empty (selected) && self->n_labelling == 0);
}

static void
on_select_toggled (RcrmAccountRegister *self)
{
  gboolean selecting = gtk_toggle_button_get_active (self->select_button);

  gtk_column_view_set_single_click_activate (self->column_view, !selecting);
  if (!selecting)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  update_selection_actions (self);
}

static void
prepare_picker (GtkMenuButton *button,
                gpointer       user_data)
{
  RcrmAccountRegister *self = user_data;
  g_autoptr(GPtrArray) accounts = selected_accounts (self);
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();

  for (guint i = 0; i < accounts->len; i++)
    g_ptr_array_add (sets, rcrm_account_get_label_ids (g_ptr_array_index (accounts, i)));
  rcrm_label_picker_set_records (RCRM_LABEL_PICKER (self->label_picker), sets);
}

static void
labelling_done (RcrmAccountRegister *self)
{
  g_autofree char *message = NULL;

  if (self->n_label_failures > 0)
    /* Translators: a toast after applying labels; %u is a number of accounts, %s the server's reason */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The labels of %u account could not be changed: %s",
                                            "The labels of %u accounts could not be changed: %s",
                                            self->n_label_failures),
                               self->n_label_failures, self->label_failure);
  else
    /* Translators: a toast after applying labels; %u is a number of accounts */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Labels changed on %u account",
                                            "Labels changed on %u accounts",
                                            self->n_labelled),
                               self->n_labelled);
  g_signal_emit (self, signals[TOAST], 0, message);
  if (self->segment_id != 0 || selected_label (self) != 0)
    rcrm_account_register_reload (self);
  if (self->n_labelled > 0)
    rcrm_catalog_reload_labels (self->catalog);
  update_selection_actions (self);
}

static void
on_account_labelled (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RcrmAccountRegister *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmAccount) account = rcrm_client_update_account_finish (RCRM_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_labelling--;
  if (account != NULL)
    {
      rcrm_account_register_account_changed (self, account);
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
on_picker_apply (RcrmAccountRegister *self,
                 GArray              *add,
                 GArray              *remove)
{
  g_autoptr(GPtrArray) accounts = selected_accounts (self);

  if (self->n_labelling > 0 || (add->len == 0 && remove->len == 0))
    return;

  self->n_labelled = 0;
  self->n_label_failures = 0;
  g_clear_pointer (&self->label_failure, g_free);

  for (guint i = 0; i < accounts->len; i++)
    {
      RcrmAccount *account = g_ptr_array_index (accounts, i);
      GArray *current = rcrm_account_get_label_ids (account);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(JsonObject) changes = json_object_new ();
      JsonArray *array;

      if (current != NULL)
        g_array_append_vals (ids, current->data, current->len);
      if (!rcrm_label_ids_edit (ids, add, remove))
        continue;
      array = json_array_sized_new (ids->len);
      for (guint j = 0; j < ids->len; j++)
        json_array_add_int_element (array, g_array_index (ids, gint64, j));
      json_object_set_array_member (changes, "label_ids", array);

      self->n_labelling++;
      rcrm_client_update_account_async (self->client, rcrm_account_get_id (account),
                                        rcrm_account_get_version (account), changes,
                                        self->cancellable, on_account_labelled, self);
    }

  if (self->n_labelling == 0)
    labelling_done (self);
  else
    update_selection_actions (self);
}

/* ---- segments (R13) ------------------------------------------------------------------------ */

static void
on_segment_created (RcrmAccountRegister *self,
                    RcrmSegment         *segment)
{
  g_signal_emit (self, signals[SEGMENT_CREATED], 0, segment);
}

GtkWindow *
rcrm_account_register_save_segment (RcrmAccountRegister *self)
{
  g_autoptr(JsonObject) filter = json_object_new ();
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  gint64 label_id = selected_label (self);
  RcrmSegmentDialog *dialog;

  g_return_val_if_fail (RCRM_IS_ACCOUNT_REGISTER (self), NULL);

  if (label_id != 0)
    {
      RcrmLabel *label = rcrm_catalog_lookup_label (self->catalog, label_id);
      JsonArray *ids = json_array_new ();

      json_array_add_int_element (ids, label_id);
      json_object_set_array_member (filter, "label_ids", ids);
      /* Translators: a segment's filter in words; %s is a label's name */
      g_ptr_array_add (words, g_strdup_printf (_("Label: %s"), label != NULL ? rcrm_label_get_name (label) : "?"));
    }
  if (status > 0 && status < G_N_ELEMENTS (status_codes))
    {
      json_object_set_string_member (filter, "status", status_codes[status]);
      /* Translators: a segment's filter in words; %s is an account status */
      g_ptr_array_add (words, g_strdup_printf (_("Status: %s"), rcrm_account_status_label (status_codes[status])));
    }
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    g_ptr_array_add (words, g_strdup (_("The search is not part of a segment.")));
  g_ptr_array_add (words, NULL);
  summary = g_strjoinv ("\n", (char **) words->pdata);

  dialog = rcrm_segment_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->catalog,
                                    filter, summary);
  rcrm_segment_dialog_set_entity (dialog, "accounts", summary);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_segment_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

gint64
rcrm_account_register_get_segment (RcrmAccountRegister *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_REGISTER (self), 0);
  return self->segment_id;
}

/* ---- new accounts ---------------------------------------------------------------------------- */

static void
on_account_created (RcrmAccountRegister *self,
                    RcrmAccount         *account)
{
  /* Translators: a toast; %s is the new account's name */
  g_autofree char *message = g_strdup_printf (_("Account “%s” created"), rcrm_account_get_name (account));

  g_signal_emit (self, signals[TOAST], 0, message);
  rcrm_account_register_reload (self);
  g_signal_emit (self, signals[ACCOUNT_ACTIVATED], 0, account);
}

GtkWindow *
rcrm_account_register_new_account (RcrmAccountRegister *self)
{
  RcrmAccountDialog *dialog;

  g_return_val_if_fail (RCRM_IS_ACCOUNT_REGISTER (self), NULL);

  if (self->account_dialog == NULL)
    {
      dialog = rcrm_account_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->client);
      g_signal_connect_object (dialog, "created", G_CALLBACK (on_account_created), self, G_CONNECT_SWAPPED);
      g_set_weak_pointer (&self->account_dialog, GTK_WINDOW (dialog));
    }
  gtk_window_present (self->account_dialog);
  return self->account_dialog;
}

static void
new_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  rcrm_account_register_new_account (RCRM_ACCOUNT_REGISTER (widget));
}

/* ---- GObject ---------------------------------------------------------------------------------- */

static void
rcrm_account_register_map (GtkWidget *widget)
{
  RcrmAccountRegister *self = RCRM_ACCOUNT_REGISTER (widget);

  GTK_WIDGET_CLASS (rcrm_account_register_parent_class)->map (widget);
  /* the first listing when the register is first shown */
  if (!self->loaded_once)
    rcrm_account_register_reload (self);
}

static void
rcrm_account_register_dispose (GObject *object)
{
  RcrmAccountRegister *self = RCRM_ACCOUNT_REGISTER (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account_dialog != NULL)
    gtk_window_destroy (self->account_dialog);
  g_clear_weak_pointer (&self->account_dialog);
  if (self->catalog != NULL)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RCRM_TYPE_ACCOUNT_REGISTER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->catalog);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rcrm_account_register_parent_class)->dispose (object);
}

static void
rcrm_account_register_finalize (GObject *object)
{
  RcrmAccountRegister *self = RCRM_ACCOUNT_REGISTER (object);

  g_clear_pointer (&self->label_ids, g_array_unref);
  g_clear_pointer (&self->cursor, g_free);
  g_clear_pointer (&self->rest_first, rcrm_account_page_free);
  g_clear_pointer (&self->first[0], rcrm_account_page_free);
  g_clear_pointer (&self->first[1], rcrm_account_page_free);
  g_clear_pointer (&self->label_failure, g_free);

  G_OBJECT_CLASS (rcrm_account_register_parent_class)->finalize (object);
}

static void
rcrm_account_register_class_init (RcrmAccountRegisterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rcrm_account_register_dispose;
  object_class->finalize = rcrm_account_register_finalize;
  widget_class->map = rcrm_account_register_map;

  signals[ACCOUNT_ACTIVATED] =
    g_signal_new ("account-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RCRM_TYPE_ACCOUNT);
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SEGMENT_CREATED] =
    g_signal_new ("segment-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RCRM_TYPE_SEGMENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/rcrm/Desktop/rcrm-account-register.ui");
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, select_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, labels_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, label_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, favourites_button);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, count_label);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, stack);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, scrolled);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, column_view);
  gtk_widget_class_bind_template_child (widget_class, RcrmAccountRegister, status_page);
  gtk_widget_class_bind_template_callback (widget_class, rcrm_account_register_reload);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_select_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_edge_reached);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, rcrm_account_register_save_segment);

  gtk_widget_class_install_action (widget_class, "register.new-account", NULL, new_account_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
rcrm_account_register_init (RcrmAccountRegister *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->label_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->store = g_list_store_new (RCRM_TYPE_ACCOUNT);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (update_selection_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "value-changed",
                           G_CALLBACK (on_scrolled), self, G_CONNECT_SWAPPED);

  self->updating = TRUE;
  gtk_string_list_append (statuses, _("All Statuses"));
  for (guint i = 1; i < G_N_ELEMENTS (status_codes); i++)
    gtk_string_list_append (statuses, rcrm_account_status_label (status_codes[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  self->updating = FALSE;
  gtk_menu_button_set_label (self->labels_button, _("Apply Labels"));
}

GtkWidget *
rcrm_account_register_new (RcrmClient  *client,
                           RcrmCatalog *catalog)
{
  RcrmAccountRegister *self;

  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);
  g_return_val_if_fail (RCRM_IS_CATALOG (catalog), NULL);

  self = g_object_new (RCRM_TYPE_ACCOUNT_REGISTER, NULL);
  self->client = g_object_ref (client);
  self->catalog = g_object_ref (catalog);
  self->cancellable = g_cancellable_new ();

  setup_columns (self);
  rcrm_custom_columns_load (self->column_view, client, "account");
  fill_labels (self);
  g_signal_connect_object (catalog, "changed", G_CALLBACK (fill_labels), self, G_CONNECT_SWAPPED);

  self->label_picker = rcrm_label_picker_new (catalog);
  g_signal_connect_object (self->label_picker, "apply", G_CALLBACK (on_picker_apply), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (self->labels_button, self->label_picker);
  gtk_menu_button_set_create_popup_func (self->labels_button, prepare_picker, self, NULL);
  return GTK_WIDGET (self);
}

GListModel *
rcrm_account_register_get_model (RcrmAccountRegister *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_REGISTER (self), NULL);
  return G_LIST_MODEL (self->store);
}

gint64
rcrm_account_register_get_total (RcrmAccountRegister *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_REGISTER (self), 0);
  return self->total;
}

gboolean
rcrm_account_register_get_loading (RcrmAccountRegister *self)
{
  g_return_val_if_fail (RCRM_IS_ACCOUNT_REGISTER (self), FALSE);
  return self->loading || self->n_first_wanted > 0;
}

/* ---- rcrm-app-private.h ---------------------------------------------------------------------- */

GtkSearchEntry *
rcrm_account_register_get_search_entry (RcrmAccountRegister *self)
{
  return self->search_entry;
}

GtkDropDown *
rcrm_account_register_get_status_dropdown (RcrmAccountRegister *self)
{
  return self->status_dropdown;
}

GtkDropDown *
rcrm_account_register_get_label_dropdown (RcrmAccountRegister *self)
{
  return self->label_dropdown;
}

GtkToggleButton *
rcrm_account_register_get_favourites_button (RcrmAccountRegister *self)
{
  return self->favourites_button;
}

GtkColumnView *
rcrm_account_register_get_column_view (RcrmAccountRegister *self)
{
  return self->column_view;
}

GtkLabel *
rcrm_account_register_get_count_label (RcrmAccountRegister *self)
{
  return self->count_label;
}

GtkStack *
rcrm_account_register_get_stack (RcrmAccountRegister *self)
{
  return self->stack;
}

char *
rcrm_account_register_dup_cell_text (RcrmAccountRegister *self,
                                     const char          *column_id,
                                     RcrmAccount         *account)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (column_info[i].id, column_id) == 0)
      return cell_text (self, i, account);
  return NULL;
}
