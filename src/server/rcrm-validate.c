#include "config.h"

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
