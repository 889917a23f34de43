/* rcrm-auth.h — passwords (argon2id via libsodium) and bearer tokens */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* must be called once before anything else here */
gboolean  rcrm_auth_init            (GError **error);
/* libsodium crypto_pwhash_str (argon2id, interactive limits) */
char     *rcrm_password_hash        (const char *password, GError **error);
gboolean  rcrm_password_verify      (const char *hash, const char *password);
/* a fresh random 256-bit token, URL-safe base64 without padding */
char     *rcrm_token_new            (void);
/* hex SHA-256 of a token: the only form stored */
char     *rcrm_token_hash           (const char *token);
/* a printable random password for the bootstrap admin */
char     *rcrm_password_generate    (void);

G_END_DECLS
