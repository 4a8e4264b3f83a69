/* ipd-pin.h — the officer PIN that closes the front desk, kept as a salted hash
 *
 * The register keeps "pbkdf2-sha256$ITERATIONS$SALT$HASH" (salt and hash in
 * base64): PBKDF2 with HMAC-SHA-256 (RFC 8018), a random 16-byte salt per
 * PIN. The PIN itself is never written anywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IPD_PIN_MIN_DIGITS 4
#define IPD_PIN_MAX_DIGITS 12

gboolean ipd_pin_check_acceptable (const char *pin, GError **error);
char    *ipd_pin_hash             (const char *pin);
void     ipd_pin_hash_async       (const char *pin, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
char    *ipd_pin_hash_finish      (GAsyncResult *result, GError **error);
gboolean ipd_pin_verify           (const char *pin, const char *stored);
void     ipd_pin_verify_async     (const char *pin, const char *stored,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean ipd_pin_verify_finish    (GAsyncResult *result, GError **error);

/* PBKDF2-HMAC-SHA-256, exposed for its test vectors. */
void     ipd_pbkdf2_sha256        (const guint8 *password, gsize password_length,
                                   const guint8 *salt, gsize salt_length,
                                   guint iterations,
                                   guint8 *key, gsize key_length);

G_END_DECLS
