#include "config.h"

#include <gio/gio.h>
#include <sodium.h>

#include "rcrm-auth.h"

gboolean
rcrm_auth_init (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "libsodium could not be initialised");
      return FALSE;
    }
  return TRUE;
}

char *
rcrm_password_hash (const char  *password,
                    GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];

  g_return_val_if_fail (password != NULL, NULL);

  if (crypto_pwhash_str_alg (hash, password, strlen (password),
                             crypto_pwhash_OPSLIMIT_INTERACTIVE,
                             crypto_pwhash_MEMLIMIT_INTERACTIVE,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "out of memory while hashing a password");
      return NULL;
    }
  return g_strdup (hash);
}

gboolean
rcrm_password_verify (const char *hash,
                      const char *password)
{
  if (hash == NULL || password == NULL)
    return FALSE;
  return crypto_pwhash_str_verify (hash, password, strlen (password)) == 0;
}

char *
rcrm_token_new (void)
{
  guchar raw[32];
  char text[sodium_base64_ENCODED_LEN (sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

  randombytes_buf (raw, sizeof raw);
  sodium_bin2base64 (text, sizeof text, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero (raw, sizeof raw);
  return g_strdup (text);
}

char *
rcrm_token_hash (const char *token)
{
  g_return_val_if_fail (token != NULL, NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

char *
rcrm_password_generate (void)
{
  /* no look-alikes (0/O, 1/l/I) so it can be typed from a terminal */
  static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 20; i++)
    g_string_append_c (out, alphabet[randombytes_uniform (sizeof alphabet - 1)]);
  return g_string_free (out, FALSE);
}
