/* test-ids.c — Thai tax IDs and branch codes.
 *
 * The valid tax IDs below were computed by hand from quote-document.md:
 * d13 = (11 − (Σ_{i=1..12} d_i × (14 − i)) mod 11) mod 10, e.g. for
 * 1234567890121: 13 + 24 + 33 + 40 + 45 + 48 + 49 + 48 + 45 + 0 + 3 + 4 = 352,
 * 352 mod 11 = 0, (11 − 0) mod 10 = 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rcrm-core.h"

#define OK (-1)

typedef struct {
  const char *input;
  const char *digits;     /* when code == OK */
  int code;               /* RcrmCoreError or OK */
} TaxIdCase;

static const TaxIdCase tax_id_cases[] = {
  { "0105536000313", "0105536000313", OK },             /* Σ = 184, 184 mod 11 = 8 → 3 */
  { "0-1055-36000-31-3", "0105536000313", OK },
  { "0 1055 36000 31 3", "0105536000313", OK },
  { "  0105536000313\n", "0105536000313", OK },
  { "0–1055–36000–31–3", "0105536000313", OK },          /* en dashes */
  { "๐๑๐๕๕๓๖๐๐๐๓๑๓", "0105536000313", OK },            /* Thai digits */
  { "3101001234565", "3101001234565", OK },
  { "3-1010-01234-56-5", "3101001234565", OK },
  { "1234567890121", "1234567890121", OK },             /* Σ mod 11 = 0 → 11 → 1 */
  { "0100000000000", "0100000000000", OK },             /* Σ = 12, mod 11 = 1 → 10 → 0 */
  { "0000000000001", "0000000000001", OK },
  { "1000000000009", "1000000000009", OK },
  { "1111111111119", "1111111111119", OK },
  { "9999999999994", "9999999999994", OK },
  { "0105550123451", "0105550123451", OK },
  { "0994000161506", "0994000161506", OK },
  { "5400102030402", "5400102030402", OK },
  { "2204567891117", "2204567891117", OK },
  { "0105536000315", NULL, RCRM_CORE_ERROR_CHECKSUM },
  { "0105536000314", NULL, RCRM_CORE_ERROR_CHECKSUM },
  { "0-1055-36000-31-0", NULL, RCRM_CORE_ERROR_CHECKSUM },
  { "1234567890123", NULL, RCRM_CORE_ERROR_CHECKSUM },
  { "0100000000001", NULL, RCRM_CORE_ERROR_CHECKSUM },
  { "1111111111111", NULL, RCRM_CORE_ERROR_CHECKSUM },
  { "010553600031", NULL, RCRM_CORE_ERROR_LENGTH },      /* 12 digits */
  { "01055360003133", NULL, RCRM_CORE_ERROR_LENGTH },    /* 14 digits */
  { "0-1055-36000-31", NULL, RCRM_CORE_ERROR_LENGTH },
  { "1", NULL, RCRM_CORE_ERROR_LENGTH },
  { "-----", NULL, RCRM_CORE_ERROR_LENGTH },
  { "010553600031A", NULL, RCRM_CORE_ERROR_FORMAT },
  { "O105536000313", NULL, RCRM_CORE_ERROR_FORMAT },     /* letter O */
  { "0105536000313x", NULL, RCRM_CORE_ERROR_FORMAT },
  { "0/1055/36000/31/3", NULL, RCRM_CORE_ERROR_FORMAT },
  { "0.1055.36000.31.3", NULL, RCRM_CORE_ERROR_FORMAT },
  { "+0105536000313", NULL, RCRM_CORE_ERROR_FORMAT },
  { "เลขที่ 0105536000313", NULL, RCRM_CORE_ERROR_FORMAT },
  { "", NULL, RCRM_CORE_ERROR_EMPTY },
  { " \t ", NULL, RCRM_CORE_ERROR_EMPTY },
};

static void
test_tax_id_normalize (gconstpointer data)
{
  const TaxIdCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = NULL;
  gboolean ok;

  ok = rcrm_tax_id_normalize (c->input, &digits, &error);

  if (c->code == OK)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (digits, ==, c->digits);
      g_assert_true (rcrm_tax_id_is_valid (digits));
    }
  else
    {
      g_assert_error (error, RCRM_CORE_ERROR, c->code);
      g_assert_false (ok);
      g_assert_null (digits);
    }
}

static void
test_tax_id_is_valid (void)
{
  static const char * const valid[] = {
    "0105536000313", "3101001234565", "1234567890121", "0100000000000", "9999999999994",
  };
  static const char * const invalid[] = {
    "0105536000315", "0-1055-36000-31-3", "", " 0105536000313", "0105536000313 ",
    "01055360003130", "010553600031", "๐๑๐๕๕๓๖๐๐๐๓๑๓", "abcdefghijklm",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (rcrm_tax_id_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (rcrm_tax_id_is_valid (invalid[i]));
}

/* Exactly one check digit per 12-digit prefix is valid. */
static void
test_tax_id_one_check_digit (void)
{
  static const char * const prefixes[] = {
    "010553600031", "310100123456", "123456789012", "000000000000", "999999999999",
  };
  static const char expected[] = { '3', '5', '1', '1', '4' };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      guint n_valid = 0;

      for (char d = '0'; d <= '9'; d++)
        {
          g_autofree char *id = g_strdup_printf ("%s%c", prefixes[i], d);

          if (rcrm_tax_id_is_valid (id))
            {
              n_valid++;
              g_assert_cmpint (d, ==, expected[i]);
            }
        }
      g_assert_cmpuint (n_valid, ==, 1);
    }
}

static void
test_tax_id_format (void)
{
  static const struct {
    const char *digits;
    const char *shown;
  } cases[] = {
    { "0105536000315", "0-1055-36000-31-5" },   /* the header's example; no checksum needed */
    { "0105536000313", "0-1055-36000-31-3" },
    { "3101001234565", "3-1010-01234-56-5" },
    { "1234567890121", "1-2345-67890-12-1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = rcrm_tax_id_format (cases[i].digits);
      g_autofree char *back = NULL;

      g_assert_cmpstr (shown, ==, cases[i].shown);
      if (rcrm_tax_id_is_valid (cases[i].digits))
        {
          g_assert_true (rcrm_tax_id_normalize (shown, &back, NULL));
          g_assert_cmpstr (back, ==, cases[i].digits);
        }
    }
}

/* ---- branches ------------------------------------------------------------ */

typedef struct {
  const char *input;
  const char *branch;     /* when code == OK */
  int code;
} BranchCase;

static const BranchCase branch_cases[] = {
  { "head_office", "head_office", OK },
  { "HEAD_OFFICE", "head_office", OK },
  { "Head Office", "head_office", OK },
  { "HQ", "head_office", OK },
  { "สำนักงานใหญ่", "head_office", OK },
  { "  สำนักงานใหญ่ ", "head_office", OK },
  { "สนญ.", "head_office", OK },
  { "00000", "head_office", OK },
  { "0", "head_office", OK },
  { "สาขาที่ 00000", "head_office", OK },
  { "00001", "00001", OK },
  { "1", "00001", OK },
  { "สาขาที่ 00001", "00001", OK },
  { "สาขาที่00003", "00003", OK },
  { "สาขา 12", "00012", OK },
  { "Branch 7", "00007", OK },
  { "branch no. 00123", "00123", OK },
  { "99999", "99999", OK },
  { "๐๐๐๐๒", "00002", OK },
  { "สาขาที่ ๑๕", "00015", OK },
  { "", NULL, RCRM_CORE_ERROR_EMPTY },
  { "   ", NULL, RCRM_CORE_ERROR_EMPTY },
  { "123456", NULL, RCRM_CORE_ERROR_LENGTH },
  { "สาขาที่ 000001", NULL, RCRM_CORE_ERROR_LENGTH },
  { "สาขา", NULL, RCRM_CORE_ERROR_FORMAT },
  { "สาขาที่ 1ก", NULL, RCRM_CORE_ERROR_FORMAT },
  { "abc", NULL, RCRM_CORE_ERROR_FORMAT },
  { "12a", NULL, RCRM_CORE_ERROR_FORMAT },
  { "-1", NULL, RCRM_CORE_ERROR_FORMAT },
  { "1.5", NULL, RCRM_CORE_ERROR_FORMAT },
  { "สาขา 1 2", NULL, RCRM_CORE_ERROR_FORMAT },
  { "head", NULL, RCRM_CORE_ERROR_FORMAT },
};

static void
test_branch_normalize (gconstpointer data)
{
  const BranchCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *branch = NULL;
  gboolean ok;

  ok = rcrm_branch_normalize (c->input, &branch, &error);

  if (c->code == OK)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (branch, ==, c->branch);
    }
  else
    {
      g_assert_error (error, RCRM_CORE_ERROR, c->code);
      g_assert_false (ok);
      g_assert_null (branch);
    }
}

static void
test_branch_format (void)
{
  static const struct {
    const char *branch;
    const char *shown;
  } cases[] = {
    { "head_office", "สำนักงานใหญ่" },
    { "00001", "สาขาที่ 00001" },
    { "12345", "สาขาที่ 12345" },
    { "weird", "weird" },
    { "1", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = rcrm_branch_format (cases[i].branch);
      g_autofree char *back = NULL;

      g_assert_cmpstr (shown, ==, cases[i].shown);
      /* What we show, we read back. */
      if (g_strcmp0 (shown, cases[i].branch) != 0)
        {
          g_assert_true (rcrm_branch_normalize (shown, &back, NULL));
          g_assert_cmpstr (back, ==, cases[i].branch);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tax_id_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ids/tax-id/normalize/%u", i);
      g_test_add_data_func (path, &tax_id_cases[i], test_tax_id_normalize);
    }
  g_test_add_func ("/ids/tax-id/is-valid", test_tax_id_is_valid);
  g_test_add_func ("/ids/tax-id/one-check-digit", test_tax_id_one_check_digit);
  g_test_add_func ("/ids/tax-id/format", test_tax_id_format);

  for (guint i = 0; i < G_N_ELEMENTS (branch_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ids/branch/normalize/%u", i);
      g_test_add_data_func (path, &branch_cases[i], test_branch_normalize);
    }
  g_test_add_func ("/ids/branch/format", test_branch_format);

  return g_test_run ();
}
