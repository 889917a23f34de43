#include "config.h"

#include <errno.h>

#include "rcrm-util.h"

gboolean
rcrm_parse_int64 (const char *text,
                  gint64     *out)
{
  const char *p = text;
  char *end = NULL;
  gint64 value;

  if (text == NULL || *text == '\0')
    return FALSE;
  if (*p == '-')
    p++;
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  errno = 0;
  value = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || end == NULL || *end != '\0')
    return FALSE;
  *out = value;
  return TRUE;
}

void
rcrm_set_str (char       **dest,
              const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*dest);
  *dest = copy;
}
