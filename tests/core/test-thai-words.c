/* test-thai-words.c — rcrm_baht_text() against the Royal Institute rule
 * (quote-document.md, "Amount in Thai words").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rcrm-core.h"

typedef struct {
  gint64 satang;
  const char *words;
} WordsCase;

static const WordsCase words_cases[] = {
  /* the examples of quote-document.md */
  { 0, "ศูนย์บาทถ้วน" },
  { 100, "หนึ่งบาทถ้วน" },
  { 1000, "สิบบาทถ้วน" },
  { 1100, "สิบเอ็ดบาทถ้วน" },
  { 2000, "ยี่สิบบาทถ้วน" },
  { 2100, "ยี่สิบเอ็ดบาทถ้วน" },
  { 10100, "หนึ่งร้อยเอ็ดบาทถ้วน" },
  { 100100, "หนึ่งพันเอ็ดบาทถ้วน" },
  { 100000100, "หนึ่งล้านเอ็ดบาทถ้วน" },
  { 100000000, "หนึ่งล้านบาทถ้วน" },
  { 2100000000, "ยี่สิบเอ็ดล้านบาทถ้วน" },
  { G_GINT64_CONSTANT (50174122100),
    "ห้าร้อยเอ็ดล้านเจ็ดแสนสี่หมื่นหนึ่งพันสองร้อยยี่สิบเอ็ดบาทถ้วน" },
  { G_GINT64_CONSTANT (100000000000000), "หนึ่งล้านล้านบาทถ้วน" },
  { 123450, "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์" },
  { 1, "หนึ่งสตางค์" },
  { 21, "ยี่สิบเอ็ดสตางค์" },
  { 25, "ยี่สิบห้าสตางค์" },

  /* units and tens */
  { 200, "สองบาทถ้วน" },
  { 900, "เก้าบาทถ้วน" },
  { 1200, "สิบสองบาทถ้วน" },
  { 2500, "ยี่สิบห้าบาทถ้วน" },
  { 3100, "สามสิบเอ็ดบาทถ้วน" },
  { 9900, "เก้าสิบเก้าบาทถ้วน" },

  /* hundreds … hundred thousands */
  { 10000, "หนึ่งร้อยบาทถ้วน" },
  { 10700, "หนึ่งร้อยเจ็ดบาทถ้วน" },
  { 11000, "หนึ่งร้อยสิบบาทถ้วน" },
  { 11100, "หนึ่งร้อยสิบเอ็ดบาทถ้วน" },
  { 12100, "หนึ่งร้อยยี่สิบเอ็ดบาทถ้วน" },
  { 20000, "สองร้อยบาทถ้วน" },
  { 100000, "หนึ่งพันบาทถ้วน" },
  { 101000, "หนึ่งพันสิบบาทถ้วน" },
  { 111100, "หนึ่งพันหนึ่งร้อยสิบเอ็ดบาทถ้วน" },
  { 1000000, "หนึ่งหมื่นบาทถ้วน" },
  { 1000100, "หนึ่งหมื่นเอ็ดบาทถ้วน" },
  { 3745000, "สามหมื่นเจ็ดพันสี่ร้อยห้าสิบบาทถ้วน" },
  { 10000000, "หนึ่งแสนบาทถ้วน" },
  { 10000100, "หนึ่งแสนเอ็ดบาทถ้วน" },
  { 99999900, "เก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทถ้วน" },

  /* millions, read recursively */
  { 100001000, "หนึ่งล้านสิบบาทถ้วน" },
  { 110000000, "หนึ่งล้านหนึ่งแสนบาทถ้วน" },
  { 200000100, "สองล้านเอ็ดบาทถ้วน" },
  { 1000000000, "สิบล้านบาทถ้วน" },
  { 1100000000, "สิบเอ็ดล้านบาทถ้วน" },
  { 2100000100, "ยี่สิบเอ็ดล้านเอ็ดบาทถ้วน" },
  { G_GINT64_CONSTANT (10100000000), "หนึ่งร้อยเอ็ดล้านบาทถ้วน" },
  { G_GINT64_CONSTANT (100000000000), "หนึ่งพันล้านบาทถ้วน" },
  { G_GINT64_CONSTANT (100000000000100), "หนึ่งล้านล้านเอ็ดบาทถ้วน" },
  { G_GINT64_CONSTANT (200000000000000), "สองล้านล้านบาทถ้วน" },
  { G_GINT64_CONSTANT (100000100000000), "หนึ่งล้านเอ็ดล้านบาทถ้วน" },
  { G_GINT64_CONSTANT (2100000000000000), "ยี่สิบเอ็ดล้านล้านบาทถ้วน" },
  { G_GINT64_CONSTANT (100000000000000000), "หนึ่งพันล้านล้านบาทถ้วน" },

  /* satang */
  { 10, "สิบสตางค์" },
  { 11, "สิบเอ็ดสตางค์" },
  { 50, "ห้าสิบสตางค์" },
  { 99, "เก้าสิบเก้าสตางค์" },
  { 101, "หนึ่งบาทหนึ่งสตางค์" },
  { 2021, "ยี่สิบบาทยี่สิบเอ็ดสตางค์" },
  { 10101, "หนึ่งร้อยเอ็ดบาทหนึ่งสตางค์" },
  { 100000111, "หนึ่งล้านเอ็ดบาทสิบเอ็ดสตางค์" },

  /* negatives (credit notes) */
  { -100, "ลบหนึ่งบาทถ้วน" },
  { -25, "ลบยี่สิบห้าสตางค์" },
  { -10100, "ลบหนึ่งร้อยเอ็ดบาทถ้วน" },
  { -123450, "ลบหนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์" },

  /* the limits of gint64 */
  { G_MAXINT64,
    "เก้าหมื่นสองพันสองร้อยสามสิบสามล้านเจ็ดแสนสองหมื่นสามร้อยหกสิบแปดล้าน"
    "ห้าแสนสี่หมื่นเจ็ดพันเจ็ดร้อยห้าสิบแปดบาทเจ็ดสตางค์" },
  { G_MININT64,
    "ลบเก้าหมื่นสองพันสองร้อยสามสิบสามล้านเจ็ดแสนสองหมื่นสามร้อยหกสิบแปดล้าน"
    "ห้าแสนสี่หมื่นเจ็ดพันเจ็ดร้อยห้าสิบแปดบาทแปดสตางค์" },
};

static void
test_baht_text (gconstpointer data)
{
  const WordsCase *c = data;
  g_autofree char *words = rcrm_baht_text (c->satang);

  g_assert_true (g_utf8_validate (words, -1, NULL));
  /* The assertion below prints Thai as octal escapes; say it readably first. */
  if (g_strcmp0 (words, c->words) != 0)
    g_test_message ("%" G_GINT64_FORMAT " satang: got “%s”, expected “%s”",
                    c->satang, words, c->words);
  g_assert_cmpstr (words, ==, c->words);
}

/* "และ" never appears, and words never contain ASCII. */
static void
test_no_and (void)
{
  for (gint64 satang = 0; satang < 2000000; satang += 97)
    {
      g_autofree char *words = rcrm_baht_text (satang);

      g_assert_null (strstr (words, "และ"));
      for (const char *p = words; *p != '\0'; p++)
        g_assert_cmpuint ((guchar) *p, >=, 0x80);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (words_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/thai-words/%" G_GINT64_FORMAT,
                                               words_cases[i].satang);

      g_test_add_data_func (path, &words_cases[i], test_baht_text);
    }
  g_test_add_func ("/thai-words/no-and", test_no_and);

  return g_test_run ();
}
