/* rcrm-segment-sidebar.c — the lead segments (กลุ่มลูกค้า, R13) in the window's sidebar
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "rcrm-client-labels.h"
#include "rcrm-format.h"
#include "rcrm-segment-sidebar.h"

struct _RcrmSegmentSidebar
{
  GObject        parent_instance;

  GtkListBox    *list;          /* weak: the window owns it */
  RcrmCatalog   *catalog;
  GCancellable  *cancellable;
  GtkWidget     *heading;       /* a GtkListBoxRow, or NULL */
  GPtrArray     *rows;          /* GtkListBoxRow, in the list */
  GHashTable    *segments;      /* gint64* → RcrmSegment */
  gboolean       loading;
};

G_DEFINE_FINAL_TYPE (RcrmSegmentSidebar, rcrm_segment_sidebar, G_TYPE_OBJECT)

enum {
  TOAST,
  SEGMENT_REMOVED,
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (RcrmSegmentSidebar *self,
       const char         *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static gboolean
can_change (RcrmSegmentSidebar *self,
            RcrmSegment        *segment)
{
  RcrmUser *me = rcrm_catalog_get_me (self->catalog);

  if (me == NULL)
    return FALSE;
  if (rcrm_user_is_admin (me))
    return TRUE;
  return !rcrm_segment_get_shared (segment) && rcrm_segment_get_owner_id (segment) == rcrm_user_get_id (me);
}

/* ---- rows --------------------------------------------------------------------------- */

static void
show_menu (RcrmSegmentSidebar *self,
           GtkWidget          *row,
           double              x,
           double              y)
{
  RcrmSegment *segment = g_object_get_data (G_OBJECT (row), "rcrm-segment");
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) rename = NULL;
  g_autoptr(GMenuItem) delete = NULL;
  GtkWidget *popover;
  gint64 id;

  if (segment == NULL || !can_change (self, segment))
    return;
  id = rcrm_segment_get_id (segment);

  menu = g_menu_new ();
  rename = g_menu_item_new (_("_Rename…"), NULL);
  g_menu_item_set_action_and_target_value (rename, "segment.rename", g_variant_new_int64 (id));
  g_menu_append_item (menu, rename);
  delete = g_menu_item_new (_("_Delete…"), NULL);
  g_menu_item_set_action_and_target_value (delete, "segment.delete", g_variant_new_int64 (id));
  g_menu_append_item (menu, delete);

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, row);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_row_pressed (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                gpointer         user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_menu (user_data, row, x, y);
}

static gboolean
on_row_menu_key (GtkWidget *row,
                 GVariant  *args,
                 gpointer   user_data)
{
  show_menu (user_data, row, -1, -1);
  return TRUE;
}

static void
update_row (GtkWidget   *row,
            RcrmSegment *segment)
{
  GtkLabel *name = g_object_get_data (G_OBJECT (row), "rcrm-name");
  GtkLabel *count = g_object_get_data (G_OBJECT (row), "rcrm-count");
  g_autofree char *count_text = rcrm_format_count ((guint64) rcrm_segment_get_count (segment));

  gtk_label_set_text (name, rcrm_segment_get_name (segment));
  gtk_label_set_text (count, count_text);
  gtk_widget_set_tooltip_text (row, rcrm_segment_get_shared (segment) ? _("Shared segment") : _("My segment"));
}

static GtkWidget *
make_row (RcrmSegmentSidebar *self,
          RcrmSegment        *segment)
{
  g_autofree char *row_name = g_strdup_printf ("segment-%" G_GINT64_FORMAT, rcrm_segment_get_id (segment));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gboolean accounts = g_strcmp0 (rcrm_segment_get_entity (segment), "accounts") == 0;
  GtkWidget *icon = gtk_image_new_from_icon_name (accounts ? "x-office-address-book-symbolic"
                                                  : rcrm_segment_get_shared (segment)
                                                  ? "system-users-symbolic" : "folder-saved-search-symbolic");
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, row_name);
  g_object_set_data (G_OBJECT (row), "rcrm-name", name);
  g_object_set_data (G_OBJECT (row), "rcrm-count", count);
  g_object_set_data_full (G_OBJECT (row), "rcrm-segment", g_object_ref (segment), g_object_unref);
  update_row (row, segment);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_row_pressed), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_Menu, 0)),
                                                          gtk_callback_action_new (on_row_menu_key, self, NULL)));
  gtk_widget_add_controller (row, keys);
  return row;
}

static void
clear_rows (RcrmSegmentSidebar *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (self->list != NULL)
      gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (self->heading != NULL && self->list != NULL)
    gtk_list_box_remove (self->list, self->heading);
  self->heading = NULL;
  g_hash_table_remove_all (self->segments);
}

static GtkWidget *
make_heading (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (_("Segments"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_can_focus (row, FALSE);
  gtk_widget_set_name (row, "segments-heading");
  return row;
}

static void
on_segments (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RcrmSegmentSidebar *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = rcrm_client_list_segments_finish (RCRM_CLIENT (source), result, &error);
  GtkListBoxRow *selected;
  g_autofree char *selected_name = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (segments == NULL)
    {
      toast (self, error->message);
      return;
    }
  if (self->list == NULL)
    return;

  selected = gtk_list_box_get_selected_row (self->list);
  if (selected != NULL)
    selected_name = g_strdup (gtk_widget_get_name (GTK_WIDGET (selected)));

  clear_rows (self);
  if (segments->len == 0)
    {
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }

  self->heading = make_heading ();
  gtk_list_box_append (self->list, self->heading);
  for (guint i = 0; i < segments->len; i++)
    {
      RcrmSegment *segment = g_ptr_array_index (segments, i);
      GtkWidget *row = make_row (self, segment);
      gint64 id = rcrm_segment_get_id (segment);

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
      g_hash_table_insert (self->segments, g_memdup2 (&id, sizeof id), g_object_ref (segment));
      if (g_strcmp0 (selected_name, gtk_widget_get_name (row)) == 0)
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
    }
  g_signal_emit (self, signals[LOADED], 0);
}

void
rcrm_segment_sidebar_reload (RcrmSegmentSidebar *self)
{
  g_return_if_fail (RCRM_IS_SEGMENT_SIDEBAR (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  /* lead and account segments: each opens its own list */
  rcrm_client_list_segments_async (rcrm_catalog_get_client (self->catalog), NULL,
                                   self->cancellable, on_segments, self);
}

/* ---- rename and delete ------------------------------------------------------------------- */

static void open_rename (RcrmSegmentSidebar *self, RcrmSegment *segment, const char *text);

typedef struct {
  RcrmSegmentSidebar *self;
  RcrmSegment        *segment;
  char               *name;
} Change;

static void
change_free (Change *change)
{
  g_object_unref (change->self);
  g_object_unref (change->segment);
  g_free (change->name);
  g_free (change);
}

static void
on_renamed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Change *change = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RcrmSegment) segment = rcrm_client_update_segment_finish (RCRM_CLIENT (source), result, &error);

  if (segment == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          const char *message = rcrm_client_error_get_field_message (error, "name");

          toast (change->self, message != NULL ? message : error->message);
          /* what was typed comes back */
          open_rename (change->self, change->segment, change->name);
        }
    }
  else
    {
      rcrm_segment_update_from (change->segment, segment);
      toast (change->self, _("Segment renamed"));
      rcrm_segment_sidebar_reload (change->self);
    }
  change_free (change);
}

static void
on_rename_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    RcrmSegmentSidebar *self)
{
  RcrmSegment *segment = g_object_get_data (G_OBJECT (dialog), "rcrm-segment");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "rcrm-entry");
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *stripped = NULL;
  Change *change;

  if (g_strcmp0 (response, "rename") != 0)
    return;

  change = g_new0 (Change, 1);
  change->self = g_object_ref (self);
  change->segment = g_object_ref (segment);
  change->name = g_strdup (gtk_editable_get_text (entry));
  stripped = g_strstrip (g_strdup (change->name));
  json_object_set_string_member (changes, "name", stripped);
  rcrm_client_update_segment_async (rcrm_catalog_get_client (self->catalog), rcrm_segment_get_id (segment),
                                    rcrm_segment_get_version (segment), changes, NULL, on_renamed, change);
}

static void
open_rename (RcrmSegmentSidebar *self,
             RcrmSegment        *segment,
             const char         *text)
{
  GtkWidget *root = self->list != NULL ? GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self->list))) : NULL;
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Rename Segment"), NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rcrm-segment", g_object_ref (segment), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "rcrm-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_set_data (G_OBJECT (self), "rcrm-dialog", dialog);
}

void
rcrm_segment_sidebar_rename (RcrmSegmentSidebar *self,
                             gint64              id)
{
  RcrmSegment *segment;

  g_return_if_fail (RCRM_IS_SEGMENT_SIDEBAR (self));

  segment = rcrm_segment_sidebar_lookup (self, id);
  if (segment != NULL)
    open_rename (self, segment, rcrm_segment_get_name (segment));
}

static void
on_deleted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Change *change = user_data;
  g_autoptr(GError) error = NULL;

  if (!rcrm_client_delete_segment_finish (RCRM_CLIENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (change->self, error->message);
    }
  else
    {
      toast (change->self, _("Segment deleted"));
      g_signal_emit (change->self, signals[SEGMENT_REMOVED], 0, rcrm_segment_get_id (change->segment));
      rcrm_segment_sidebar_reload (change->self);
    }
  change_free (change);
}

static void
on_delete_response (AdwMessageDialog   *dialog,
                    const char         *response,
                    RcrmSegmentSidebar *self)
{
  RcrmSegment *segment = g_object_get_data (G_OBJECT (dialog), "rcrm-segment");
  Change *change;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  change = g_new0 (Change, 1);
  change->self = g_object_ref (self);
  change->segment = g_object_ref (segment);
  rcrm_client_delete_segment_async (rcrm_catalog_get_client (self->catalog), rcrm_segment_get_id (segment),
                                    NULL, on_deleted, change);
}

void
rcrm_segment_sidebar_delete (RcrmSegmentSidebar *self,
                             gint64              id)
{
  GtkWidget *root;
  RcrmSegment *segment;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  g_return_if_fail (RCRM_IS_SEGMENT_SIDEBAR (self));

  segment = rcrm_segment_sidebar_lookup (self, id);
  if (segment == NULL)
    return;

  root = self->list != NULL ? GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self->list))) : NULL;
  /* Translators: a confirmation's heading; %s is a segment's name */
  heading = g_strdup_printf (_("Delete Segment “%s”?"), rcrm_segment_get_name (segment));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       rcrm_segment_get_shared (segment)
                                                       ? _("Everyone loses this shared segment. Its leads stay as they are.")
                                                       : _("Its leads stay as they are.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rcrm-segment", g_object_ref (segment), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_set_data (G_OBJECT (self), "rcrm-dialog", dialog);
}

static void
rename_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  rcrm_segment_sidebar_rename (user_data, g_variant_get_int64 (parameter));
}

static void
delete_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  rcrm_segment_sidebar_delete (user_data, g_variant_get_int64 (parameter));
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
rcrm_segment_sidebar_dispose (GObject *object)
{
  RcrmSegmentSidebar *self = RCRM_SEGMENT_SIDEBAR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->list != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->list), (gpointer *) &self->list);
  self->list = NULL;
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (rcrm_segment_sidebar_parent_class)->dispose (object);
}

static void
rcrm_segment_sidebar_finalize (GObject *object)
{
  RcrmSegmentSidebar *self = RCRM_SEGMENT_SIDEBAR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_hash_table_unref);

  G_OBJECT_CLASS (rcrm_segment_sidebar_parent_class)->finalize (object);
}

static void
rcrm_segment_sidebar_class_init (RcrmSegmentSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rcrm_segment_sidebar_dispose;
  object_class->finalize = rcrm_segment_sidebar_finalize;

  signals[TOAST] =
    g_signal_new ("toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SEGMENT_REMOVED] =
    g_signal_new ("segment-removed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rcrm_segment_sidebar_init (RcrmSegmentSidebar *self)
{
  self->rows = g_ptr_array_new ();
  self->segments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

RcrmSegmentSidebar *
rcrm_segment_sidebar_new (GtkListBox  *list,
                          RcrmCatalog *catalog)
{
  const GActionEntry entries[] = {
    { .name = "rename", .activate = rename_activated, .parameter_type = "x" },
    { .name = "delete", .activate = delete_activated, .parameter_type = "x" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  RcrmSegmentSidebar *self;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);
  g_return_val_if_fail (RCRM_IS_CATALOG (catalog), NULL);

  self = g_object_new (RCRM_TYPE_SEGMENT_SIDEBAR, NULL);
  self->list = list;
  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &self->list);
  self->catalog = g_object_ref (catalog);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (list), "segment", G_ACTION_GROUP (group));
  return self;
}

RcrmSegment *
rcrm_segment_sidebar_lookup (RcrmSegmentSidebar *self,
                             gint64              id)
{
  g_return_val_if_fail (RCRM_IS_SEGMENT_SIDEBAR (self), NULL);

  return g_hash_table_lookup (self->segments, &id);
}

GtkListBoxRow *
rcrm_segment_sidebar_get_row (RcrmSegmentSidebar *self,
                              gint64              id)
{
  g_autofree char *name = g_strdup_printf ("segment-%" G_GINT64_FORMAT, id);

  g_return_val_if_fail (RCRM_IS_SEGMENT_SIDEBAR (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (self->rows, i)), name) == 0)
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

gboolean
rcrm_segment_sidebar_get_loading (RcrmSegmentSidebar *self)
{
  g_return_val_if_fail (RCRM_IS_SEGMENT_SIDEBAR (self), FALSE);

  return self->loading;
}
