/* rcrm-lead-list-model.c — a lazy GListModel of the leads of a query */
#include "config.h"

#include "rcrm-lead-list-model.h"
#include "rcrm-lead-list-model-private.h"

#define MAX_IN_FLIGHT 2
#define MAX_PAGE_SIZE 500   /* the server's limit */
/* Pages kept at most (32 × 200 = 6,400 leads, a few MB): beyond that the
 * least recently used page goes and is fetched again when asked for, so a
 * long scroll through 100,000 leads does not keep them all. */
#define DEFAULT_MAX_PAGES 32

typedef enum {
  PAGE_EMPTY,      /* placeholders only, nothing asked yet */
  PAGE_QUEUED,     /* waiting for a free request slot */
  PAGE_LOADING,
  PAGE_LOADED,
  PAGE_FAILED,     /* asked again on the next get_item() */
} PageState;

typedef struct {
  PageState  state;
  GPtrArray *items;    /* page_size slots: RcrmLead or NULL (never asked for) */
  guint64    used;     /* the model's clock when an item was last asked for */
} Page;

struct _RcrmLeadListModel
{
  GObject        parent_instance;

  RcrmClient    *client;
  RcrmLeadQuery *query;
  guint          page_size;        /* of the pages in `pages` */
  guint          next_page_size;   /* for the next reload */
  guint          n_items;
  GHashTable    *pages;            /* page index → Page */
  guint          max_pages;
  guint64        clock;            /* +1 per get_item () */
  GQueue         wanted;           /* page indexes, most recent first */
  guint          n_in_flight;
  GCancellable  *cancellable;      /* of the current generation */
  guint          generation;       /* +1 per reload; answers of older ones are dropped */
  gboolean       reloading;
  gboolean       loading;

  guint          n_requests;
  guint          max_in_flight;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RcrmLeadListModel, rcrm_lead_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_QUERY,
  PROP_LOADING,
  PROP_TOTAL,
  PROP_N_ITEMS,
  PROP_PAGE_SIZE,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct {
  RcrmLeadListModel *self;
  guint              generation;
  guint              index;
  guint              page_size;
  gboolean           reload;
} Fetch;

/* ---- pages ----------------------------------------------------------------- */

/* GPtrArray calls its free function on NULL slots too */
static void
unref_slot (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static Page *
page_new (guint page_size)
{
  Page *page = g_new0 (Page, 1);

  page->items = g_ptr_array_new_full (page_size, unref_slot);
  g_ptr_array_set_size (page->items, page_size);
  return page;
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static GHashTable *
pages_new (void)
{
  return g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, page_free);
}

static Page *
lookup_page (RcrmLeadListModel *self,
             guint              index)
{
  return g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
}

/* Copies the fetched leads into the page's slots, filling placeholders in place. */
static void
page_fill (Page      *page,
           GPtrArray *leads,
           guint      n_slots)
{
  for (guint i = 0; i < n_slots && i < leads->len; i++)
    {
      RcrmLead *fetched = g_ptr_array_index (leads, i);
      RcrmLead *slot = g_ptr_array_index (page->items, i);

      if (slot != NULL)
        rcrm_lead_update_from_lead (slot, fetched);
      else
        g_ptr_array_index (page->items, i) = g_object_ref (fetched);
    }
  page->state = PAGE_LOADED;
}

/* ---- loading state ------------------------------------------------------------ */

static void
update_loading (RcrmLeadListModel *self)
{
  gboolean loading = self->reloading || self->n_in_flight > 0 || !g_queue_is_empty (&self->wanted);

  if (loading == self->loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
notify_counts (RcrmLeadListModel *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static guint
clamp_total (gint64 total)
{
  return (guint) CLAMP (total, 0, (gint64) G_MAXUINT);
}

/* The total a page implies: the server's, unless the page came back short,
 * which means the list ends there now (leads went away meanwhile). */
static guint
effective_total (RcrmLeadPage *result,
                 guint         first,
                 guint         page_size)
{
  guint total = clamp_total (result->total);

  if (result->items->len < page_size && result->next_cursor == NULL)
    total = MIN (total, first + result->items->len);
  return total;
}

/* ---- fetching -------------------------------------------------------------------- */

static void on_page (GObject *source, GAsyncResult *result, gpointer user_data);

static void
fetch (RcrmLeadListModel *self,
       guint              index,
       guint              page_size,
       gboolean           reload)
{
  g_autoptr(RcrmLeadQuery) query = rcrm_lead_query_copy (self->query);
  Fetch *data = g_new0 (Fetch, 1);

  g_clear_pointer (&query->cursor, g_free);
  query->offset = index * page_size;
  query->limit = page_size;

  data->self = g_object_ref (self);
  data->generation = self->generation;
  data->index = index;
  data->page_size = page_size;
  data->reload = reload;

  self->n_requests++;
  if (!reload)
    {
      self->n_in_flight++;
      self->max_in_flight = MAX (self->max_in_flight, self->n_in_flight);
    }
  rcrm_client_list_leads_async (self->client, query, self->cancellable, on_page, data);
}

/* Starts queued pages while fewer than MAX_IN_FLIGHT requests run. */
static void
pump (RcrmLeadListModel *self)
{
  while (!self->reloading && self->n_in_flight < MAX_IN_FLIGHT && !g_queue_is_empty (&self->wanted))
    {
      guint index = GPOINTER_TO_UINT (g_queue_pop_head (&self->wanted));
      Page *page = lookup_page (self, index);

      if (page == NULL || page->state != PAGE_QUEUED)
        continue;
      page->state = PAGE_LOADING;
      fetch (self, index, self->page_size, FALSE);
    }
  update_loading (self);
}

static void
queue_page (RcrmLeadListModel *self,
            guint              index,
            Page              *page)
{
  page->state = PAGE_QUEUED;
  /* the newest wish first: that is what the user looks at now */
  g_queue_push_head (&self->wanted, GUINT_TO_POINTER (index));
  pump (self);
}

/* A page says the total is now `total`: grow or shrink to it. */
static void
apply_total (RcrmLeadListModel *self,
             guint              total)
{
  guint old = self->n_items;

  if (total == old)
    return;

  self->n_items = total;
  if (total < old)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          guint first = GPOINTER_TO_UINT (key) * self->page_size;
          Page *page = value;

          if (first >= total)
            g_hash_table_iter_remove (&iter);
          else
            for (guint i = total - first; i < self->page_size; i++)
              g_clear_object ((RcrmLead **) &g_ptr_array_index (page->items, i));
        }
      g_list_model_items_changed (G_LIST_MODEL (self), total, old - total, 0);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, total - old);
  notify_counts (self);
}

static void
reload_done (RcrmLeadListModel *self,
             Fetch             *data,
             RcrmLeadPage      *result,
             const GError      *error)
{
  guint old = self->n_items;

  self->reloading = FALSE;
  g_clear_pointer (&self->pages, g_hash_table_unref);
  self->pages = pages_new ();
  self->page_size = data->page_size;

  if (result != NULL)
    {
      Page *page = page_new (self->page_size);

      self->n_items = effective_total (result, 0, self->page_size);
      page_fill (page, result->items, MIN (self->n_items, self->page_size));
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (0), page);
    }
  else
    self->n_items = 0;

  if (old > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
  if (old != self->n_items)
    notify_counts (self);
  if (error != NULL)
    g_signal_emit (self, signals[ERROR], 0, error);
  pump (self);
}

static void
page_done (RcrmLeadListModel *self,
           Fetch             *data,
           RcrmLeadPage      *result,
           const GError      *error)
{
  Page *page;

  self->n_in_flight--;

  if (result != NULL)
    apply_total (self, effective_total (result, data->index * self->page_size, self->page_size));
  page = lookup_page (self, data->index);
  if (page != NULL)
    {
      if (result != NULL)
        {
          guint first = data->index * self->page_size;

          page_fill (page, result->items, MIN (self->n_items - first, self->page_size));
        }
      else
        page->state = PAGE_FAILED;
    }
  if (error != NULL)
    g_signal_emit (self, signals[ERROR], 0, error);
  pump (self);
}

static void
on_page (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  Fetch *data = user_data;
  RcrmLeadListModel *self = data->self;
  g_autoptr(RcrmLeadPage) result = NULL;
  g_autoptr(GError) error = NULL;

  result = rcrm_client_list_leads_finish (RCRM_CLIENT (source), res, &error);

  /* answers of an older query, or cancelled by dispose */
  if (data->generation == self->generation
      && self->pages != NULL
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (data->reload)
        reload_done (self, data, result, error);
      else
        page_done (self, data, result, error);
    }

  g_object_unref (data->self);
  g_free (data);
}

static void
start_reload (RcrmLeadListModel *self)
{
  if (self->query == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->n_in_flight = 0;
  g_queue_clear (&self->wanted);
  self->reloading = TRUE;
  update_loading (self);

  /* the old items stay until the first page is here, so the view does not
   * flash empty; get_item () meanwhile fetches nothing */
  fetch (self, 0, self->next_page_size, TRUE);
}

/* ---- GListModel ------------------------------------------------------------------- */

static GType
rcrm_lead_list_model_get_item_type (GListModel *model)
{
  return RCRM_TYPE_LEAD;
}

static guint
rcrm_lead_list_model_get_n_items (GListModel *model)
{
  return RCRM_LEAD_LIST_MODEL (model)->n_items;
}

/* Drops the least recently used pages beyond max_pages.  Their items stay
 * alive while a view still holds them (they are whole leads, just no longer
 * tracked); asking for such a position again gives a new placeholder and
 * fetches the page again.  A page on its way is dropped too: page_done ()
 * finds it gone and only counts the request. */
static void
evict_pages (RcrmLeadListModel *self)
{
  while (g_hash_table_size (self->pages) > self->max_pages)
    {
      GHashTableIter iter;
      gpointer key, value;
      gpointer oldest_key = NULL;
      guint64 oldest = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->pages);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (((Page *) value)->used < oldest)
          {
            oldest = ((Page *) value)->used;
            oldest_key = key;
          }
      g_hash_table_remove (self->pages, oldest_key);
    }
}

static gpointer
rcrm_lead_list_model_get_item (GListModel *model,
                               guint       position)
{
  RcrmLeadListModel *self = RCRM_LEAD_LIST_MODEL (model);
  guint index, slot;
  RcrmLead *item;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  index = position / self->page_size;
  slot = position % self->page_size;
  page = lookup_page (self, index);
  if (page == NULL)
    {
      page = page_new (self->page_size);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
    }

  page->used = ++self->clock;
  evict_pages (self);

  item = g_ptr_array_index (page->items, slot);
  if (item == NULL)
    {
      item = rcrm_lead_new ();
      g_ptr_array_index (page->items, slot) = item;
    }

  if (!self->reloading && (page->state == PAGE_EMPTY || page->state == PAGE_FAILED))
    queue_page (self, index, page);

  return g_object_ref (item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rcrm_lead_list_model_get_item_type;
  iface->get_n_items = rcrm_lead_list_model_get_n_items;
  iface->get_item = rcrm_lead_list_model_get_item;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
rcrm_lead_list_model_dispose (GObject *object)
{
  RcrmLeadListModel *self = (RcrmLeadListModel *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_queue_clear (&self->wanted);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rcrm_lead_list_model_parent_class)->dispose (object);
}

static void
rcrm_lead_list_model_finalize (GObject *object)
{
  RcrmLeadListModel *self = (RcrmLeadListModel *) object;

  g_clear_pointer (&self->query, rcrm_lead_query_free);

  G_OBJECT_CLASS (rcrm_lead_list_model_parent_class)->finalize (object);
}

static void
rcrm_lead_list_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RcrmLeadListModel *self = RCRM_LEAD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_TOTAL:
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->next_page_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_lead_list_model_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RcrmLeadListModel *self = RCRM_LEAD_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      if (g_value_get_boxed (value) != NULL)
        rcrm_lead_list_model_set_query (self, g_value_get_boxed (value));
      break;

    case PROP_PAGE_SIZE:
      rcrm_lead_list_model_set_page_size (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rcrm_lead_list_model_class_init (RcrmLeadListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rcrm_lead_list_model_dispose;
  object_class->finalize = rcrm_lead_list_model_finalize;
  object_class->get_property = rcrm_lead_list_model_get_property;
  object_class->set_property = rcrm_lead_list_model_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RCRM_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL,
                        RCRM_TYPE_LEAD_QUERY,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL,
                       1, MAX_PAGE_SIZE, RCRM_LEAD_LIST_MODEL_PAGE_SIZE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RcrmLeadListModel::error:
   * @error: a #GError of RCRM_CLIENT_ERROR
   *
   * A page (or the reload) could not be fetched; the app shows a toast.  A
   * failed page is asked for again the next time one of its items is.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
rcrm_lead_list_model_init (RcrmLeadListModel *self)
{
  self->page_size = RCRM_LEAD_LIST_MODEL_PAGE_SIZE;
  self->next_page_size = RCRM_LEAD_LIST_MODEL_PAGE_SIZE;
  self->max_pages = DEFAULT_MAX_PAGES;
  self->pages = pages_new ();
  g_queue_init (&self->wanted);
}

/* ---- public ---------------------------------------------------------------------------- */

RcrmLeadListModel *
rcrm_lead_list_model_new (RcrmClient *client)
{
  g_return_val_if_fail (RCRM_IS_CLIENT (client), NULL);

  return g_object_new (RCRM_TYPE_LEAD_LIST_MODEL, "client", client, NULL);
}

RcrmClient *
rcrm_lead_list_model_get_client (RcrmLeadListModel *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_LIST_MODEL (self), NULL);

  return self->client;
}

const RcrmLeadQuery *
rcrm_lead_list_model_get_query (RcrmLeadListModel *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_LIST_MODEL (self), NULL);

  return self->query;
}

void
rcrm_lead_list_model_set_query (RcrmLeadListModel   *self,
                                const RcrmLeadQuery *query)
{
  gboolean changed;

  g_return_if_fail (RCRM_IS_LEAD_LIST_MODEL (self));
  g_return_if_fail (query != NULL);

  changed = self->query == NULL || !rcrm_lead_query_equal_filters (self->query, query);
  g_clear_pointer (&self->query, rcrm_lead_query_free);
  self->query = rcrm_lead_query_copy (query);
  self->query->offset = 0;
  self->query->limit = 0;
  g_clear_pointer (&self->query->cursor, g_free);

  start_reload (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

void
rcrm_lead_list_model_prefetch (RcrmClient          *client,
                               const RcrmLeadQuery *query)
{
  g_autoptr(RcrmLeadQuery) first = NULL;

  g_return_if_fail (RCRM_IS_CLIENT (client));
  g_return_if_fail (query != NULL);

  /* exactly the request fetch() makes for page 0 of a new model */
  first = rcrm_lead_query_copy (query);
  g_clear_pointer (&first->cursor, g_free);
  first->offset = 0;
  first->limit = RCRM_LEAD_LIST_MODEL_PAGE_SIZE;
  rcrm_client_prefetch_leads (client, first);
}

void
rcrm_lead_list_model_reload (RcrmLeadListModel *self)
{
  g_return_if_fail (RCRM_IS_LEAD_LIST_MODEL (self));

  start_reload (self);
}

gboolean
rcrm_lead_list_model_get_loading (RcrmLeadListModel *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_LIST_MODEL (self), FALSE);

  return self->loading;
}

guint
rcrm_lead_list_model_get_total (RcrmLeadListModel *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_LIST_MODEL (self), 0);

  return self->n_items;
}

guint
rcrm_lead_list_model_get_page_size (RcrmLeadListModel *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_LIST_MODEL (self), 0);

  return self->next_page_size;
}

void
rcrm_lead_list_model_set_page_size (RcrmLeadListModel *self,
                                    guint              page_size)
{
  g_return_if_fail (RCRM_IS_LEAD_LIST_MODEL (self));
  g_return_if_fail (page_size >= 1 && page_size <= MAX_PAGE_SIZE);

  if (self->next_page_size == page_size)
    return;
  self->next_page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SIZE]);
}

gboolean
rcrm_lead_list_model_update_lead (RcrmLeadListModel *self,
                                  RcrmLead          *lead)
{
  GHashTableIter iter;
  gpointer value;
  gboolean found = FALSE;
  gint64 id;

  g_return_val_if_fail (RCRM_IS_LEAD_LIST_MODEL (self), FALSE);
  g_return_val_if_fail (RCRM_IS_LEAD (lead), FALSE);

  id = rcrm_lead_get_id (lead);
  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Page *page = value;

      for (guint i = 0; i < page->items->len; i++)
        {
          RcrmLead *item = g_ptr_array_index (page->items, i);

          if (item != NULL && item != lead && rcrm_lead_get_loaded (item) && rcrm_lead_get_id (item) == id)
            {
              rcrm_lead_update_from_lead (item, lead);
              found = TRUE;
            }
        }
    }
  return found;
}

/* ---- private (tests) ---------------------------------------------------------------------- */

guint
rcrm_lead_list_model_get_n_requests (RcrmLeadListModel *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_LIST_MODEL (self), 0);

  return self->n_requests;
}

guint
rcrm_lead_list_model_get_max_in_flight (RcrmLeadListModel *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_LIST_MODEL (self), 0);

  return self->max_in_flight;
}

guint
rcrm_lead_list_model_get_n_pages (RcrmLeadListModel *self)
{
  g_return_val_if_fail (RCRM_IS_LEAD_LIST_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}

void
rcrm_lead_list_model_set_max_pages (RcrmLeadListModel *self,
                                    guint              max_pages)
{
  g_return_if_fail (RCRM_IS_LEAD_LIST_MODEL (self));
  g_return_if_fail (max_pages >= 1);

  self->max_pages = max_pages;
  evict_pages (self);
}
