/* rcrm-lead-page.c — one page of GET /leads */
#include "config.h"

#include "rcrm-lead-page.h"

G_DEFINE_BOXED_TYPE (RcrmLeadPage, rcrm_lead_page, rcrm_lead_page_copy, rcrm_lead_page_free)

RcrmLeadPage *
rcrm_lead_page_new (void)
{
  RcrmLeadPage *page = g_new0 (RcrmLeadPage, 1);

  page->items = g_ptr_array_new_with_free_func (g_object_unref);
  return page;
}

RcrmLeadPage *
rcrm_lead_page_copy (const RcrmLeadPage *page)
{
  RcrmLeadPage *copy;

  g_return_val_if_fail (page != NULL, NULL);

  copy = g_new0 (RcrmLeadPage, 1);
  copy->items = g_ptr_array_ref (page->items);
  copy->total = page->total;
  copy->next_cursor = g_strdup (page->next_cursor);
  return copy;
}

void
rcrm_lead_page_free (RcrmLeadPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}
