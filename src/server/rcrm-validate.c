#include "config.h"

#include <string.h>

#include "rcrm-core.h"
#include "rcrm-validate.h"

const RcrmText rcrm_text_required = { "This field is required.", "ต้องกรอกช่องนี้" };
const RcrmText rcrm_text_too_long = { "This is too long.", "ข้อความยาวเกินกำหนด" };
const RcrmText rcrm_text_not_found_ref = { "No such record.", "ไม่พบข้อมูลที่อ้างถึง" };

static const RcrmText text_phone = {
  "Not a Thai phone number (e.g. 081-234-5678 or 02-123-4567).",
  "เบอร์โทรศัพท์ไม่ถูกต้อง (เช่น 081-234-5678 หรือ 02-123-4567)"
};
static const RcrmText text_email = { "Not a valid e-mail address.", "อีเมลไม่ถูกต้อง" };
static const RcrmText text_tax_id_length = {
  "A tax ID has 13 digits.", "เลขประจำตัวผู้เสียภาษีต้องมี 13 หลัก"
};
static const RcrmText text_tax_id_checksum = {
  "The tax ID's check digit is wrong.", "เลขประจำตัวผู้เสียภาษีไม่ถูกต้อง (หลักตรวจสอบไม่ตรง)"
};
static const RcrmText text_money = { "The amount cannot be negative.", "จำนวนเงินต้องไม่ติดลบ" };
static const RcrmText text_branch = {
  "The branch is head office (สำนักงานใหญ่) or a 5-digit branch number.",
  "สาขาต้องเป็นสำนักงานใหญ่ หรือเลขที่สาขา 5 หลัก"
};
static const RcrmText text_color = {
  "A colour is written #RRGGBB (e.g. #E01B24).", "สีต้องอยู่ในรูปแบบ #RRGGBB (เช่น #E01B24)"
};

gboolean
rcrm_validate_text (RcrmRequest *req,
                    const char  *field,
                    const char  *value,
                    gboolean     required,
                    glong        max_chars,
                    char       **out)
{
  g_autofree char *stripped = rcrm_text_strip (value);

  g_clear_pointer (out, g_free);
  if (stripped == NULL || *stripped == '\0')
    {
      if (required)
        {
          rcrm_invalid_field (req, field, &rcrm_text_required);
          return FALSE;
        }
      return TRUE;
    }
  if (rcrm_text_length (stripped) > max_chars)
    {
      rcrm_invalid_field (req, field, &rcrm_text_too_long);
      return FALSE;
    }
  *out = g_steal_pointer (&stripped);
  return TRUE;
}

static gboolean
is_blank (const char *value)
{
  g_autofree char *stripped = rcrm_text_strip (value);

  return stripped == NULL || *stripped == '\0';
}

gboolean
rcrm_validate_phone (RcrmRequest *req,
                     const char  *field,
                     const char  *value,
                     char       **out)
{
  g_clear_pointer (out, g_free);
  if (is_blank (value))
    return TRUE;
  if (!rcrm_phone_normalize (value, out, NULL))
    {
      rcrm_invalid_field (req, field, &text_phone);
      return FALSE;
    }
  return TRUE;
}

gboolean
rcrm_validate_email (RcrmRequest *req,
                     const char  *field,
                     const char  *value,
                     char       **out)
{
  g_clear_pointer (out, g_free);
  if (is_blank (value))
    return TRUE;
  if (strlen (value) > 254 || !rcrm_email_normalize (value, out, NULL))
    {
      rcrm_invalid_field (req, field, &text_email);
      return FALSE;
    }
  return TRUE;
}

gboolean
rcrm_validate_tax_id (RcrmRequest *req,
                      const char  *field,
                      const char  *value,
                      char       **out)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (out, g_free);
  if (is_blank (value))
    return TRUE;
  if (!rcrm_tax_id_normalize (value, out, &error))
    {
      rcrm_invalid_field (req, field,
                          g_error_matches (error, RCRM_CORE_ERROR, RCRM_CORE_ERROR_CHECKSUM)
                            ? &text_tax_id_checksum : &text_tax_id_length);
      return FALSE;
    }
  return TRUE;
}

gboolean
rcrm_validate_money (RcrmRequest *req,
                     const char  *field,
                     gint64       value)
{
  if (value < 0)
    {
      rcrm_invalid_field (req, field, &text_money);
      return FALSE;
    }
  return TRUE;
}

gboolean
rcrm_validate_branch (RcrmRequest *req,
                      const char  *field,
                      const char  *value,
                      char       **out)
{
  g_clear_pointer (out, g_free);
  if (is_blank (value))
    return TRUE;
  if (!rcrm_branch_normalize (value, out, NULL))
    {
      rcrm_invalid_field (req, field, &text_branch);
      return FALSE;
    }
  return TRUE;
}

gboolean
rcrm_validate_color (RcrmRequest *req,
                     const char  *field,
                     const char  *value,
                     char       **out)
{
  g_clear_pointer (out, g_free);
  if (value == NULL)
    {
      rcrm_invalid_field (req, field, &rcrm_text_required);
      return FALSE;
    }
  if (strlen (value) != 7 || value[0] != '#')
    goto bad;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (value[i]))
      goto bad;
  *out = g_ascii_strup (value, -1);
  return TRUE;

bad:
  rcrm_invalid_field (req, field, &text_color);
  return FALSE;
}

gboolean
rcrm_validate_province (RcrmRequest *req,
                        const char  *field,
                        const char  *value,
                        char       **out)
{
  g_clear_pointer (out, g_free);
  *out = rcrm_province_normalize (value);
  if (*out != NULL && rcrm_text_length (*out) > 100)
    {
      g_clear_pointer (out, g_free);
      rcrm_invalid_field (req, field, &rcrm_text_too_long);
      return FALSE;
    }
  return TRUE;
}

char *
rcrm_province_normalize (const char *text)
{
  static const char * const bangkok[] = {
    "กรุงเทพมหานคร", "กรุงเทพฯ", "กรุงเทพ", "กทม.", "กทม", "bangkok",
  };
  g_autofree char *stripped = rcrm_text_strip (text);
  const char *p = stripped;
  g_autofree char *folded = NULL;

  if (stripped == NULL)
    return NULL;
  if (g_str_has_prefix (p, "จังหวัด"))
    p += strlen ("จังหวัด");
  else if (g_str_has_prefix (p, "จ."))
    p += strlen ("จ.");
  {
    g_autofree char *rest = rcrm_text_strip (p);

    if (*rest == '\0')
      return NULL;
    folded = g_utf8_casefold (rest, -1);
    for (guint i = 0; i < G_N_ELEMENTS (bangkok); i++)
      if (g_str_equal (folded, bangkok[i]))
        return g_strdup ("กรุงเทพมหานคร");
    return g_steal_pointer (&rest);
  }
}

/* the word after a marker: up to a blank or a comma */
static char *
word_after (const char *text,
            const char *marker)
{
  const char *start = strstr (text, marker);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (marker);
  while (*start == ' ')
    start++;
  end = start;
  while (*end != '\0' && *end != ',' && !g_unichar_isspace (g_utf8_get_char (end)))
    end = g_utf8_next_char (end);
  if (end == start)
    return NULL;
  return g_strndup (start, (gsize) (end - start));
}

char *
rcrm_province_from_address (const char *address)
{
  g_autofree char *word = NULL;
  g_autofree char *folded = NULL;

  if (address == NULL)
    return NULL;
  word = word_after (address, "จังหวัด");
  if (word == NULL)
    word = word_after (address, "จ.");
  if (word != NULL)
    return rcrm_province_normalize (word);
  folded = g_utf8_casefold (address, -1);
  if (strstr (folded, "กรุงเทพ") != NULL || strstr (folded, "กทม") != NULL || strstr (folded, "bangkok") != NULL)
    return g_strdup ("กรุงเทพมหานคร");
  return NULL;
}
