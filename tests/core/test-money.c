/* test-money.c — satang arithmetic, quote totals, figures.
 *
 * Every expected value here was worked out by hand from quote-document.md
 * ("Money"), not taken from the implementation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rcrm-core.h"

/* ---- rcrm_div_round_half_up ---------------------------------------------- */

typedef struct {
  gint64 num;
  gint64 den;
  gint64 expected;
} DivCase;

static const DivCase div_cases[] = {
  { 0, 7, 0 },
  { 4, 10, 0 },
  { 5, 10, 1 },
  { 15, 10, 2 },
  { 14, 10, 1 },
  { 1, 2, 1 },
  { 1, 3, 0 },
  { 2, 3, 1 },
  { 7, 1, 7 },
  { -4, 10, 0 },
  { -5, 10, -1 },          /* half away from zero */
  { -15, 10, -2 },
  { -1, 2, -1 },
  { -2, 3, -1 },
  { G_MAXINT64, 1, G_MAXINT64 },
  { G_MAXINT64, 2, G_GINT64_CONSTANT (4611686018427387904) },
  { G_MININT64, 1, G_MININT64 },
  { G_MININT64, 2, G_GINT64_CONSTANT (-4611686018427387904) },
  { G_MININT64, 3, G_GINT64_CONSTANT (-3074457345618258603) },
  { G_MAXINT64, G_MAXINT64, 1 },
  { 1, G_MAXINT64, 0 },
  { G_GINT64_CONSTANT (4611686018427387904), G_MAXINT64, 1 },   /* just over ½ */
  { G_GINT64_CONSTANT (4611686018427387903), G_MAXINT64, 0 },   /* just under ½ */
  { G_GINT64_CONSTANT (-4611686018427387904), G_MAXINT64, -1 },
};

static void
test_div_round (gconstpointer data)
{
  const DivCase *c = data;

  g_assert_cmpint (rcrm_div_round_half_up (c->num, c->den), ==, c->expected);
}

/* ---- rcrm_line_amount ------------------------------------------------------ */

typedef struct {
  gint64 quantity;
  gint64 unit_price;
  gint64 discount;
  gint64 expected;
} LineCase;

static const LineCase line_cases[] = {
  { 1000, 10000, 0, 10000 },
  { 1500, 9999, 0, 14999 },               /* 14 998.5 → up */
  { 2500, 12345, 100, 30763 },            /* 30 862.5 → 30 863, − 100 */
  { 1, 1, 0, 0 },                         /* 0.001 */
  { 500, 1, 0, 1 },                       /* 0.5 → 1 */
  { 499, 1, 0, 0 },
  { 3000, 0, 0, 0 },
  { 0, 999, 0, 0 },
  { 1000, 100, 200, -100 },               /* discount above the amount */
  { 333, 300, 0, 100 },                   /* 99.9 */
  { 12345, 6789, 5, 83805 },              /* 83 810.205 → 83 810, − 5 */
  { -1000, 500, 0, -500 },                /* credit line */
  { -1500, 1, 0, -2 },                    /* −1.5 → −2 */
  { G_GINT64_CONSTANT (1000000000), G_GINT64_CONSTANT (1000000000000), 0,
    G_GINT64_CONSTANT (1000000000000000000) },           /* 10^21 in between */
  { 1000, G_MAXINT64, 0, G_MAXINT64 },
  { 2000, G_GINT64_CONSTANT (4611686018427387903), 0, G_GINT64_CONSTANT (9223372036854775806) },
  { G_MAXINT64, G_MAXINT64, 0, G_MAXINT64 },             /* saturates */
  { G_MININT64, G_MAXINT64, 0, G_MININT64 },
  { 1000, 0, G_MININT64, G_MAXINT64 },
};

static void
test_line_amount (gconstpointer data)
{
  const LineCase *c = data;

  g_assert_cmpint (rcrm_line_amount (c->quantity, c->unit_price, c->discount), ==, c->expected);
}

/* ---- rcrm_quote_compute_totals ------------------------------------------- */

#define MAX_LINES 3

typedef struct {
  const char *name;
  RcrmQuoteLine lines[MAX_LINES];
  gsize n_lines;
  gint64 discount;
  RcrmVatMode mode;
  gint vat_rate_bp;
  gint wht_rate_bp;
  RcrmQuoteTotals expected;
} TotalsCase;

static const TotalsCase totals_cases[] = {
  { "excluded", { { 1000, 100000, 0 } }, 1, 0, RCRM_VAT_EXCLUDED, 700, 0,
    { 100000, 0, 100000, 7000, 107000, 0, 107000 } },
  { "excluded-wht3", { { 1000, 100000, 0 } }, 1, 0, RCRM_VAT_EXCLUDED, 700, 300,
    { 100000, 0, 100000, 7000, 107000, 3000, 104000 } },
  /* 50 100 + 14 999 (14 998.5 up) + 19 000 = 84 099; − 99 = 84 000 */
  { "excluded-discounts-wht1",
    { { 2000, 25050, 0 }, { 1500, 9999, 0 }, { 1000, 20000, 1000 } }, 3, 99,
    RCRM_VAT_EXCLUDED, 700, 100,
    { 84099, 99, 84000, 5880, 89880, 840, 89040 } },
  /* VAT 10.5 → 11, WHT 7.5 → 8 */
  { "excluded-half-up-wht5", { { 1000, 150, 0 } }, 1, 0, RCRM_VAT_EXCLUDED, 700, 500,
    { 150, 0, 150, 11, 161, 8, 153 } },
  /* VAT 0.49 → 0 */
  { "excluded-rounds-down", { { 1000, 7, 0 } }, 1, 0, RCRM_VAT_EXCLUDED, 700, 0,
    { 7, 0, 7, 0, 7, 0, 7 } },
  /* VAT 3.5 → 4, WHT 1 % of 50 = 0.5 → 1 */
  { "excluded-wht-half", { { 1000, 50, 0 } }, 1, 0, RCRM_VAT_EXCLUDED, 700, 100,
    { 50, 0, 50, 4, 54, 1, 53 } },
  /* VAT 864.15 → 864, WHT 2 % 246.9 → 247 */
  { "excluded-wht2", { { 1000, 12345, 0 } }, 1, 0, RCRM_VAT_EXCLUDED, 700, 200,
    { 12345, 0, 12345, 864, 13209, 247, 12962 } },
  { "excluded-rate0", { { 1000, 12345, 0 } }, 1, 0, RCRM_VAT_EXCLUDED, 0, 0,
    { 12345, 0, 12345, 0, 12345, 0, 12345 } },
  /* qty 1.5 × 333.33 = 499.995 → 500.00 (49 999.5 satang up) */
  { "excluded-qty-fraction", { { 1500, 33333, 0 } }, 1, 0, RCRM_VAT_EXCLUDED, 700, 300,
    { 50000, 0, 50000, 3500, 53500, 1500, 52000 } },
  /* credit note: −10.5 → −11, −4.5 → −5 (away from zero) */
  { "excluded-negative", { { -1000, 150, 0 } }, 1, 0, RCRM_VAT_EXCLUDED, 700, 300,
    { -150, 0, -150, -11, -161, -5, -156 } },
  { "included", { { 1000, 107000, 0 } }, 1, 0, RCRM_VAT_INCLUDED, 700, 300,
    { 107000, 0, 100000, 7000, 107000, 3000, 104000 } },
  /* VAT 100 × 700 / 10 700 = 6.54 → 7; WHT 3 % of 93 = 2.79 → 3 */
  { "included-rounds-up", { { 1000, 100, 0 } }, 1, 0, RCRM_VAT_INCLUDED, 700, 300,
    { 100, 0, 93, 7, 100, 3, 97 } },
  /* 53 500 − 500 = 53 000; VAT 3 467.29 → 3 467; WHT 5 % of 49 533 = 2 476.65 → 2 477 */
  { "included-discount-wht5", { { 1000, 53500, 0 } }, 1, 500, RCRM_VAT_INCLUDED, 700, 500,
    { 53500, 500, 49533, 3467, 53000, 2477, 50523 } },
  /* 10 %: 1 100 × 1 000 / 11 000 = 100 */
  { "included-rate10", { { 1000, 1100, 0 } }, 1, 0, RCRM_VAT_INCLUDED, 1000, 0,
    { 1100, 0, 1000, 100, 1100, 0, 1100 } },
  /* two lines with line discounts: 2 × 535 − 35 = 1 035; 3 × 107 = 321 → 1 356;
   * VAT 1 356 × 7 / 107 = 88.71 → 89 */
  { "included-lines", { { 2000, 535, 35 }, { 3000, 107, 0 } }, 2, 0, RCRM_VAT_INCLUDED, 700, 0,
    { 1356, 0, 1267, 89, 1356, 0, 1356 } },
  { "none-wht3", { { 1000, 100000, 0 } }, 1, 5000, RCRM_VAT_NONE, 700, 300,
    { 100000, 5000, 95000, 0, 95000, 2850, 92150 } },
  { "none-rate0", { { 4000, 2500, 0 } }, 1, 0, RCRM_VAT_NONE, 0, 0,
    { 10000, 0, 10000, 0, 10000, 0, 10000 } },
  { "empty", { { 0 } }, 0, 0, RCRM_VAT_EXCLUDED, 700, 300,
    { 0, 0, 0, 0, 0, 0, 0 } },
  /* 10 000 pieces × 10^11 baht: qty × price = 10^20 satang·thousandths,
   * before_vat × rate = 7 × 10^19 — both beyond 64 bits in between. */
  { "excluded-huge", { { 10000000, G_GINT64_CONSTANT (10000000000000), 0 } }, 1, 0,
    RCRM_VAT_EXCLUDED, 700, 300,
    { G_GINT64_CONSTANT (100000000000000000), 0, G_GINT64_CONSTANT (100000000000000000),
      G_GINT64_CONSTANT (7000000000000000), G_GINT64_CONSTANT (107000000000000000),
      G_GINT64_CONSTANT (3000000000000000), G_GINT64_CONSTANT (104000000000000000) } },
  { "included-huge", { { 1000, G_GINT64_CONSTANT (107000000000000000), 0 } }, 1, 0,
    RCRM_VAT_INCLUDED, 700, 0,
    { G_GINT64_CONSTANT (107000000000000000), 0, G_GINT64_CONSTANT (100000000000000000),
      G_GINT64_CONSTANT (7000000000000000), G_GINT64_CONSTANT (107000000000000000),
      0, G_GINT64_CONSTANT (107000000000000000) } },
};

static void
test_totals (gconstpointer data)
{
  const TotalsCase *c = data;
  RcrmQuoteTotals t;

  rcrm_quote_compute_totals (c->n_lines > 0 ? c->lines : NULL, c->n_lines, c->discount,
                             c->mode, c->vat_rate_bp, c->wht_rate_bp, &t);

  g_assert_cmpint (t.lines, ==, c->expected.lines);
  g_assert_cmpint (t.discount, ==, c->expected.discount);
  g_assert_cmpint (t.before_vat, ==, c->expected.before_vat);
  g_assert_cmpint (t.vat, ==, c->expected.vat);
  g_assert_cmpint (t.total, ==, c->expected.total);
  g_assert_cmpint (t.wht, ==, c->expected.wht);
  g_assert_cmpint (t.payable, ==, c->expected.payable);

  /* The identities of quote-document.md hold whatever the case. */
  g_assert_cmpint (t.before_vat + t.vat, ==, t.total);
  g_assert_cmpint (t.total - t.wht, ==, t.payable);
}

/* ---- VAT mode strings -------------------------------------------------------- */

static void
test_vat_mode_strings (void)
{
  static const struct {
    const char *s;
    RcrmVatMode mode;
  } good[] = {
    { "excluded", RCRM_VAT_EXCLUDED },
    { "included", RCRM_VAT_INCLUDED },
    { "none", RCRM_VAT_NONE },
  };
  static const char * const bad[] = { "", "Excluded", "include", "none ", "vat", "0" };
  RcrmVatMode mode;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      mode = (RcrmVatMode) -1;
      g_assert_true (rcrm_vat_mode_from_string (good[i].s, &mode));
      g_assert_cmpint (mode, ==, good[i].mode);
      g_assert_cmpstr (rcrm_vat_mode_to_string (good[i].mode), ==, good[i].s);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      mode = RCRM_VAT_NONE;
      g_assert_false (rcrm_vat_mode_from_string (bad[i], &mode));
      g_assert_cmpint (mode, ==, RCRM_VAT_NONE);
    }

  g_assert_false (rcrm_vat_mode_from_string (NULL, &mode));
}

/* ---- rcrm_money_format --------------------------------------------------- */

typedef struct {
  gint64 satang;
  const char *text;
} FormatCase;

static const FormatCase format_cases[] = {
  { 0, "0.00" },
  { 5, "0.05" },
  { -5, "-0.05" },
  { 10, "0.10" },
  { 100, "1.00" },
  { 99999, "999.99" },
  { 100000, "1,000.00" },
  { 123450, "1,234.50" },
  { -123450, "-1,234.50" },
  { 12345678, "123,456.78" },
  { -123456789, "-1,234,567.89" },
  { G_GINT64_CONSTANT (100000000000), "1,000,000,000.00" },
  { G_MAXINT64, "92,233,720,368,547,758.07" },
  { G_MININT64, "-92,233,720,368,547,758.08" },
};

static void
test_format (gconstpointer data)
{
  const FormatCase *c = data;
  g_autofree char *text = rcrm_money_format (c->satang);

  g_assert_cmpstr (text, ==, c->text);
}

/* ---- rcrm_money_parse ----------------------------------------------------- */

typedef struct {
  const char *text;
  gint64 satang;        /* when error_code < 0 */
  int error_code;       /* RcrmCoreError, or −1 for success */
} ParseCase;

static const ParseCase parse_cases[] = {
  { "1,234.5", 123450, -1 },
  { "1234.50", 123450, -1 },
  { "1234", 123400, -1 },
  { "-3", -300, -1 },
  { "0", 0, -1 },
  { "-0", 0, -1 },
  { "0.01", 1, -1 },
  { ".5", 50, -1 },
  { "-0.05", -5, -1 },
  { "  12.3  ", 1230, -1 },
  { "1,000,000", 100000000, -1 },
  { "-1,234,567.89", -123456789, -1 },
  { "+7", 700, -1 },
  { "007", 700, -1 },
  { "\xe2\x88\x92" "5", -500, -1 },                    /* U+2212 MINUS SIGN */
  { "๑๒๓.๔๕", 12345, -1 },                            /* Thai digits */
  { "1000000000000000", G_GINT64_CONSTANT (100000000000000000), -1 },
  { "-1,000,000,000,000,000.00", G_GINT64_CONSTANT (-100000000000000000), -1 },
  { "", 0, RCRM_CORE_ERROR_EMPTY },
  { "   ", 0, RCRM_CORE_ERROR_EMPTY },
  { "abc", 0, RCRM_CORE_ERROR_FORMAT },
  { "1.234", 0, RCRM_CORE_ERROR_FORMAT },
  { "1.", 0, RCRM_CORE_ERROR_FORMAT },
  { ".", 0, RCRM_CORE_ERROR_FORMAT },
  { "-", 0, RCRM_CORE_ERROR_FORMAT },
  { "--5", 0, RCRM_CORE_ERROR_FORMAT },
  { "1..2", 0, RCRM_CORE_ERROR_FORMAT },
  { "1.2.3", 0, RCRM_CORE_ERROR_FORMAT },
  { "1,23", 0, RCRM_CORE_ERROR_FORMAT },
  { "12,345,67", 0, RCRM_CORE_ERROR_FORMAT },
  { "1234,567", 0, RCRM_CORE_ERROR_FORMAT },
  { ",123", 0, RCRM_CORE_ERROR_FORMAT },
  { "123,", 0, RCRM_CORE_ERROR_FORMAT },
  { "1,,234", 0, RCRM_CORE_ERROR_FORMAT },
  { "1 234", 0, RCRM_CORE_ERROR_FORMAT },
  { "12a", 0, RCRM_CORE_ERROR_FORMAT },
  { "1e5", 0, RCRM_CORE_ERROR_FORMAT },
  { "฿100", 0, RCRM_CORE_ERROR_FORMAT },
  { "100 บาท", 0, RCRM_CORE_ERROR_FORMAT },
  { "1000000000000000.01", 0, RCRM_CORE_ERROR_RANGE },
  { "-1000000000000001", 0, RCRM_CORE_ERROR_RANGE },
  { "99999999999999999999999", 0, RCRM_CORE_ERROR_RANGE },
};

static void
test_parse (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr(GError) error = NULL;
  gint64 satang = 42;
  gboolean ok;

  ok = rcrm_money_parse (c->text, &satang, &error);

  if (c->error_code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (satang, ==, c->satang);
    }
  else
    {
      g_assert_error (error, RCRM_CORE_ERROR, c->error_code);
      g_assert_false (ok);
      g_assert_cmpint (satang, ==, 42);     /* untouched on error */
    }
}

/* What rcrm_money_format() writes, rcrm_money_parse() reads back. */
static void
test_format_parse_round_trip (void)
{
  static const gint64 values[] = {
    0, 1, -1, 99, 100, 123450, -987654321, G_GINT64_CONSTANT (100000000000000000),
    G_GINT64_CONSTANT (-100000000000000000),
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = rcrm_money_format (values[i]);
      gint64 back = 0;

      g_assert_true (rcrm_money_parse (text, &back, &error));
      g_assert_no_error (error);
      g_assert_cmpint (back, ==, values[i]);
    }
}

/* A zero denominator is a programming error: a critical, and 0. */
static void
test_div_round_zero_denominator (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (rcrm_div_round_half_up (5, 0), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*den > 0*");
}

static void
test_error_quark (void)
{
  g_assert_cmpuint (RCRM_CORE_ERROR, !=, 0);
  g_assert_cmpstr (g_quark_to_string (RCRM_CORE_ERROR), ==, "rcrm-core-error-quark");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (div_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/money/div-round/%u", i);
      g_test_add_data_func (path, &div_cases[i], test_div_round);
    }
  for (guint i = 0; i < G_N_ELEMENTS (line_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/money/line-amount/%u", i);
      g_test_add_data_func (path, &line_cases[i], test_line_amount);
    }
  for (guint i = 0; i < G_N_ELEMENTS (totals_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/money/totals/%s", totals_cases[i].name);
      g_test_add_data_func (path, &totals_cases[i], test_totals);
    }
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/money/format/%u", i);
      g_test_add_data_func (path, &format_cases[i], test_format);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/money/parse/%u", i);
      g_test_add_data_func (path, &parse_cases[i], test_parse);
    }
  g_test_add_func ("/money/div-round/zero-denominator", test_div_round_zero_denominator);
  g_test_add_func ("/money/format-parse-round-trip", test_format_parse_round_trip);
  g_test_add_func ("/money/vat-mode-strings", test_vat_mode_strings);
  g_test_add_func ("/money/error-quark", test_error_quark);

  return g_test_run ();
}
