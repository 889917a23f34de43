/* test-contact.c — Thai phone numbers and e-mail addresses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rcrm-core.h"

#define OK (-1)

/* ---- phones -------------------------------------------------------------- */

typedef struct {
  const char *input;
  const char *e164;       /* when code == OK */
  const char *local;      /* rcrm_phone_format_local (e164) */
  int code;
} PhoneCase;

static const PhoneCase phone_cases[] = {
  /* mobiles 06 / 08 / 09, every way people write them */
  { "0812345678", "+66812345678", "081-234-5678", OK },
  { "081-234-5678", "+66812345678", "081-234-5678", OK },
  { "081 234 5678", "+66812345678", "081-234-5678", OK },
  { "081.234.5678", "+66812345678", "081-234-5678", OK },
  { "(081) 234-5678", "+66812345678", "081-234-5678", OK },
  { "081–234–5678", "+66812345678", "081-234-5678", OK },       /* en dashes */
  { "  081-234-5678\t", "+66812345678", "081-234-5678", OK },
  { "๐๘๑-๒๓๔-๕๖๗๘", "+66812345678", "081-234-5678", OK },       /* Thai digits */
  { "+66812345678", "+66812345678", "081-234-5678", OK },
  { "+66 81 234 5678", "+66812345678", "081-234-5678", OK },
  { "+66-81-234-5678", "+66812345678", "081-234-5678", OK },
  { "+66 (0)81 234 5678", "+66812345678", "081-234-5678", OK },
  { "+66 (0) 81-234-5678", "+66812345678", "081-234-5678", OK },
  { "+66 081 234 5678", "+66812345678", "081-234-5678", OK },
  { "66812345678", "+66812345678", "081-234-5678", OK },
  { "66 81 234 5678", "+66812345678", "081-234-5678", OK },
  { "0066812345678", "+66812345678", "081-234-5678", OK },
  { "0066 81 234 5678", "+66812345678", "081-234-5678", OK },
  { "0612345678", "+66612345678", "061-234-5678", OK },
  { "06-1234-5678", "+66612345678", "061-234-5678", OK },
  { "0912345678", "+66912345678", "091-234-5678", OK },
  { "+66 98 765 4321", "+66987654321", "098-765-4321", OK },
  /* Bangkok 02 */
  { "02-123-4567", "+6621234567", "02-123-4567", OK },
  { "021234567", "+6621234567", "02-123-4567", OK },
  { "(02) 123 4567", "+6621234567", "02-123-4567", OK },
  { "+66 2 123 4567", "+6621234567", "02-123-4567", OK },
  { "+66 (0)2-123-4567", "+6621234567", "02-123-4567", OK },
  /* provincial landlines */
  { "053-123-456", "+6653123456", "053-123-456", OK },            /* Chiang Mai */
  { "053 123 456", "+6653123456", "053-123-456", OK },
  { "038-123-456", "+6638123456", "038-123-456", OK },            /* Chon Buri */
  { "076-123-456", "+6676123456", "076-123-456", OK },            /* Phuket */
  { "044 123 456", "+6644123456", "044-123-456", OK },            /* Nakhon Ratchasima */
  { "0066-53-123-456", "+6653123456", "053-123-456", OK },
  { "+66 76 123 456", "+6676123456", "076-123-456", OK },
  /* errors */
  { "", NULL, NULL, RCRM_CORE_ERROR_EMPTY },
  { "   ", NULL, NULL, RCRM_CORE_ERROR_EMPTY },
  { "081234567", NULL, NULL, RCRM_CORE_ERROR_LENGTH },          /* 9-digit mobile */
  { "081-234-567", NULL, NULL, RCRM_CORE_ERROR_LENGTH },
  { "08123456789", NULL, NULL, RCRM_CORE_ERROR_LENGTH },        /* 11 digits */
  { "+6681234567", NULL, NULL, RCRM_CORE_ERROR_LENGTH },
  { "+668123456789", NULL, NULL, RCRM_CORE_ERROR_LENGTH },
  { "02-123-456", NULL, NULL, RCRM_CORE_ERROR_LENGTH },
  { "02-123-45678", NULL, NULL, RCRM_CORE_ERROR_LENGTH },
  { "053-123-4567", NULL, NULL, RCRM_CORE_ERROR_LENGTH },
  { "+66", NULL, NULL, RCRM_CORE_ERROR_LENGTH },
  { "0", NULL, NULL, RCRM_CORE_ERROR_LENGTH },
  { "081-234-567a", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "abc", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "--", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "+1 212 555 0100", NULL, NULL, RCRM_CORE_ERROR_FORMAT },     /* not Thai */
  { "+44 20 7946 0958", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "001 212 555 0100", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "+0812345678", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "+0066812345678", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "812345678", NULL, NULL, RCRM_CORE_ERROR_FORMAT },           /* no trunk 0 */
  { "0112345678", NULL, NULL, RCRM_CORE_ERROR_FORMAT },          /* no 01 prefix */
  { "+66 (0)0 81 234 5678", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "1112", NULL, NULL, RCRM_CORE_ERROR_FORMAT },                /* short code */
  { "081-234-5678 ต่อ 12", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "081/234/5678", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "08+1234567", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "++66812345678", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
  { "tel:0812345678", NULL, NULL, RCRM_CORE_ERROR_FORMAT },
};

static void
test_phone_normalize (gconstpointer data)
{
  const PhoneCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *e164 = NULL;
  gboolean ok;

  ok = rcrm_phone_normalize (c->input, &e164, &error);

  if (c->code == OK)
    {
      g_autofree char *local = NULL;
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (e164, ==, c->e164);

      local = rcrm_phone_format_local (e164);
      g_assert_cmpstr (local, ==, c->local);

      /* The local form normalises to the same E.164. */
      g_assert_true (rcrm_phone_normalize (local, &again, NULL));
      g_assert_cmpstr (again, ==, e164);
    }
  else
    {
      g_assert_error (error, RCRM_CORE_ERROR, c->code);
      g_assert_false (ok);
      g_assert_null (e164);
    }
}

static void
test_phone_format_local (void)
{
  static const struct {
    const char *e164;
    const char *local;
  } cases[] = {
    { "+66812345678", "081-234-5678" },
    { "+66612345678", "061-234-5678" },
    { "+66912345678", "091-234-5678" },
    { "+6621234567", "02-123-4567" },
    { "+6653123456", "053-123-456" },
    { "+6638123456", "038-123-456" },
    { "+6676123456", "076-123-456" },
    /* anything else comes back unchanged */
    { "+12125550100", "+12125550100" },
    { "0812345678", "0812345678" },
    { "+668123", "+668123" },
    { "+6612345678", "+6612345678" },
    { "+6681234567", "+6681234567" },
    { "+662123456789", "+662123456789" },
    { "+66abcdefghi", "+66abcdefghi" },
    { "+66", "+66" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *local = rcrm_phone_format_local (cases[i].e164);
      g_assert_cmpstr (local, ==, cases[i].local);
    }
}

/* ---- e-mail -------------------------------------------------------------- */

typedef struct {
  const char *input;
  const char *email;      /* when code == OK */
  int code;
} EmailCase;

static const EmailCase email_cases[] = {
  { "somchai@example.com", "somchai@example.com", OK },
  { "Somchai@Example.COM", "somchai@example.com", OK },
  { "  a.b@c.co.th  ", "a.b@c.co.th", OK },
  { "\t SALES@Company.Co.Th \n", "sales@company.co.th", OK },
  { "USER+tag@Mail.Example.org", "user+tag@mail.example.org", OK },
  { "first.last@sub.domain.co.th", "first.last@sub.domain.co.th", OK },
  { "name_with-dash@ex-ample.com", "name_with-dash@ex-ample.com", OK },
  { "o'brien@example.ie", "o'brien@example.ie", OK },
  { "x@y.z", "x@y.z", OK },
  { "1234@123.45", "1234@123.45", OK },
  { "\xc2\xa0info@example.com\xe2\x80\x8b", "info@example.com", OK },   /* NBSP, ZWSP */
  { "ÄBC@Example.DE", "äbc@example.de", OK },
  { "สมชาย@ตัวอย่าง.ไทย", "สมชาย@ตัวอย่าง.ไทย", OK },
  { "", NULL, RCRM_CORE_ERROR_EMPTY },
  { "   ", NULL, RCRM_CORE_ERROR_EMPTY },
  { "plainaddress", NULL, RCRM_CORE_ERROR_FORMAT },
  { "@example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@localhost", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@@example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "a@b@example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user name@example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@exa mple.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user\t@example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user\xe2\x80\x8b@example.com", NULL, RCRM_CORE_ERROR_FORMAT },    /* inner ZWSP */
  { "user@.example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@example..com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@example.com.", NULL, RCRM_CORE_ERROR_FORMAT },
  { ".user@example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user.@example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "us..er@example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@-example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@example-.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@exa_mple.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "<user@example.com>", NULL, RCRM_CORE_ERROR_FORMAT },
  { "Somchai <user@example.com>", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@example.com, other@example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@example.com;", NULL, RCRM_CORE_ERROR_FORMAT },
  { "\"user\"@example.com", NULL, RCRM_CORE_ERROR_FORMAT },
  { "user@[127.0.0.1]", NULL, RCRM_CORE_ERROR_FORMAT },
  { "\xff@example.com", NULL, RCRM_CORE_ERROR_FORMAT },                /* not UTF-8 */
};

static void
test_email_normalize (gconstpointer data)
{
  const EmailCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = NULL;
  gboolean ok;

  ok = rcrm_email_normalize (c->input, &email, &error);

  if (c->code == OK)
    {
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (email, ==, c->email);

      /* Normalising is idempotent. */
      g_assert_true (rcrm_email_normalize (email, &again, NULL));
      g_assert_cmpstr (again, ==, email);
    }
  else
    {
      g_assert_error (error, RCRM_CORE_ERROR, c->code);
      g_assert_false (ok);
      g_assert_null (email);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (phone_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/contact/phone/normalize/%u", i);
      g_test_add_data_func (path, &phone_cases[i], test_phone_normalize);
    }
  g_test_add_func ("/contact/phone/format-local", test_phone_format_local);

  for (guint i = 0; i < G_N_ELEMENTS (email_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/contact/email/normalize/%u", i);
      g_test_add_data_func (path, &email_cases[i], test_email_normalize);
    }

  return g_test_run ();
}
