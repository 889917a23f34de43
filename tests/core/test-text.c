/* test-text.c — trimming and counting Unicode text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rcrm-core.h"

typedef struct {
  const char *text;
  const char *stripped;
} StripCase;

static const StripCase strip_cases[] = {
  { "", "" },
  { "a", "a" },
  { "  a  ", "a" },
  { "\t\n a b \r\n", "a b" },
  { "   ", "" },
  { "\xc2\xa0สวัสดี\xe3\x80\x80", "สวัสดี" },              /* NBSP, IDEOGRAPHIC SPACE */
  { "\xe2\x80\x8bสมชาย\xe2\x80\x8b", "สมชาย" },           /* ZERO WIDTH SPACE */
  { "\xef\xbb\xbf" "abc", "abc" },                        /* BOM */
  { " นาย สมชาย  ใจดี ", "นาย สมชาย  ใจดี" },               /* inner blanks stay */
  { "\xe2\x80\xa8x\xe2\x80\xa9", "x" },                   /* LINE/PARAGRAPH SEPARATOR */
  { "ก\xe0\xb9\x88", "ก\xe0\xb9\x88" },                   /* a trailing tone mark stays */
  { " \xff ", "\xff" },                                   /* not UTF-8: ASCII blanks only */
};

static void
test_strip (gconstpointer data)
{
  const StripCase *c = data;
  g_autofree char *stripped = rcrm_text_strip (c->text);

  g_assert_cmpstr (stripped, ==, c->stripped);
}

static void
test_strip_null (void)
{
  g_assert_null (rcrm_text_strip (NULL));
}

typedef struct {
  const char *text;
  glong length;
} LengthCase;

static const LengthCase length_cases[] = {
  { "", 0 },
  { "abc", 3 },
  { "สวัสดี", 6 },                   /* ส ว ั ส ด ี */
  { "สมชาย", 5 },
  { "\xc3\xa4", 1 },                   /* ä composed */
  { "e\xcc\x81", 2 },                  /* e + COMBINING ACUTE */
  { "\xf0\x9f\x98\x80", 1 },           /* emoji */
  { "\xff\xfe", 2 },                   /* invalid bytes count one each */
  { "a\xf0", 2 },                      /* truncated sequence at the end */
};

static void
test_length (gconstpointer data)
{
  const LengthCase *c = data;

  g_assert_cmpint (rcrm_text_length (c->text), ==, c->length);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (strip_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/text/strip/%u", i);
      g_test_add_data_func (path, &strip_cases[i], test_strip);
    }
  g_test_add_func ("/text/strip/null", test_strip_null);

  for (guint i = 0; i < G_N_ELEMENTS (length_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/text/length/%u", i);
      g_test_add_data_func (path, &length_cases[i], test_length);
    }

  return g_test_run ();
}
