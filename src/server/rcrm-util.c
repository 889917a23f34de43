#include "config.h"

#include <errno.h>
#include <string.h>

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

/* ---- strict JSON (RFC 8259) --------------------------------------------- */

typedef struct {
  const char *p;
  const char *end;
  guint       depth;
} Scan;

#define MAX_JSON_DEPTH 64

static void
skip_ws (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean scan_value (Scan *s);

static gboolean
scan_literal (Scan       *s,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) < n || memcmp (s->p, word, n) != 0)
    return FALSE;
  s->p += n;
  return TRUE;
}

static gboolean
scan_string (Scan *s)
{
  if (s->p >= s->end || *s->p != '"')
    return FALSE;
  s->p++;
  while (s->p < s->end)
    {
      guchar c = *s->p;

      if (c == '"')
        {
          s->p++;
          return TRUE;
        }
      if (c < 0x20)
        return FALSE;
      if (c == '\\')
        {
          s->p++;
          if (s->p >= s->end)
            return FALSE;
          if (*s->p == 'u')
            {
              for (guint i = 1; i <= 4; i++)
                if (s->p + i >= s->end || !g_ascii_isxdigit (s->p[i]))
                  return FALSE;
              s->p += 5;
              continue;
            }
          if (strchr ("\"\\/bfnrt", *s->p) == NULL || *s->p == '\0')
            return FALSE;
        }
      s->p++;
    }
  return FALSE;
}

static gboolean
scan_number (Scan *s)
{
  const char *start;

  if (s->p < s->end && *s->p == '-')
    s->p++;
  if (s->p >= s->end)
    return FALSE;
  if (*s->p == '0')
    s->p++;
  else if (*s->p >= '1' && *s->p <= '9')
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      s->p++;
  else
    return FALSE;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      start = s->p;
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
      if (s->p == start)
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      start = s->p;
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
      if (s->p == start)
        return FALSE;
    }
  return TRUE;
}

static gboolean
scan_container (Scan *s,
                char  open,
                char  close)
{
  gboolean first = TRUE;

  if (++s->depth > MAX_JSON_DEPTH)
    return FALSE;
  s->p++;   /* open */
  skip_ws (s);
  if (s->p < s->end && *s->p == close)
    {
      s->p++;
      s->depth--;
      return TRUE;
    }
  for (;;)
    {
      if (!first)
        {
          skip_ws (s);
          if (s->p < s->end && *s->p == close)
            {
              s->p++;
              s->depth--;
              return TRUE;
            }
          if (s->p >= s->end || *s->p != ',')
            return FALSE;
          s->p++;
        }
      first = FALSE;
      skip_ws (s);
      if (open == '{')
        {
          if (!scan_string (s))
            return FALSE;
          skip_ws (s);
          if (s->p >= s->end || *s->p != ':')
            return FALSE;
          s->p++;
        }
      if (!scan_value (s))
        return FALSE;
    }
}

static gboolean
scan_value (Scan *s)
{
  skip_ws (s);
  if (s->p >= s->end)
    return FALSE;
  switch (*s->p)
    {
    case '{':
      return scan_container (s, '{', '}');
    case '[':
      return scan_container (s, '[', ']');
    case '"':
      return scan_string (s);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    default:
      return scan_number (s);
    }
}

gboolean
rcrm_json_is_strict (const char *data,
                     gsize       length)
{
  Scan s = { data, data + length, 0 };

  if (data == NULL || !scan_value (&s))
    return FALSE;
  skip_ws (&s);
  return s.p == s.end;
}
