/* ipd-pin.c — PBKDF2-HMAC-SHA-256 over GLib's HMAC, and the stored form of a PIN
 *
 * GLib has HMAC but no key derivation, and the core depends on nothing
 * else that has one; PBKDF2 is a short loop over HMAC (RFC 8018, 5.2),
 * checked against the published test vectors in tests/test-front-desk.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "ipd-error.h"
#include "ipd-pin.h"
#include "ipd-random.h"

#define SCHEME      "pbkdf2-sha256"
#define ITERATIONS  100000
#define SALT_LENGTH 16
#define HASH_LENGTH 32

static void
hmac_sha256 (const guint8 *key, gsize key_length,
             const guint8 *data1, gsize length1,
             const guint8 *data2, gsize length2,
             guint8 out[HASH_LENGTH])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_length);
  gsize out_length = HASH_LENGTH;

  g_hmac_update (hmac, data1, (gssize) length1);
  if (data2 != NULL)
    g_hmac_update (hmac, data2, (gssize) length2);
  g_hmac_get_digest (hmac, out, &out_length);
}

void
ipd_pbkdf2_sha256 (const guint8 *password, gsize password_length,
                   const guint8 *salt, gsize salt_length,
                   guint iterations, guint8 *key, gsize key_length)
{
  for (guint32 block = 1; key_length > 0; block++)
    {
      guint8 index[4] = { block >> 24, block >> 16, block >> 8, block };
      guint8 u[HASH_LENGTH], t[HASH_LENGTH];
      gsize n = MIN (key_length, HASH_LENGTH);

      hmac_sha256 (password, password_length, salt, salt_length, index, 4, u);
      memcpy (t, u, HASH_LENGTH);
      for (guint i = 1; i < iterations; i++)
        {
          hmac_sha256 (password, password_length, u, HASH_LENGTH, NULL, 0, u);
          for (gsize j = 0; j < HASH_LENGTH; j++)
            t[j] ^= u[j];
        }
      memcpy (key, t, n);
      key += n;
      key_length -= n;
    }
}

/**
 * ipd_pin_check_acceptable:
 *
 * A PIN is 4 to 12 digits: typed on any keypad, and not a word.
 */
gboolean
ipd_pin_check_acceptable (const char *pin, GError **error)
{
  gsize length = pin != NULL ? strlen (pin) : 0;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (pin[i]))
      {
        g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID,
                             _("The PIN may contain only digits."));
        return FALSE;
      }
  if (length < IPD_PIN_MIN_DIGITS || length > IPD_PIN_MAX_DIGITS)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   _("The PIN must have from %d to %d digits."),
                   IPD_PIN_MIN_DIGITS, IPD_PIN_MAX_DIGITS);
      return FALSE;
    }
  return TRUE;
}

/**
 * ipd_pin_hash:
 * @pin: an acceptable PIN
 *
 * Returns: (transfer full): the form to store, with a new random salt
 */
char *
ipd_pin_hash (const char *pin)
{
  guint8 salt[SALT_LENGTH], hash[HASH_LENGTH];
  g_autofree char *salt64 = NULL, *hash64 = NULL;

  g_return_val_if_fail (pin != NULL, NULL);
  ipd_random_bytes (salt, SALT_LENGTH);
  ipd_pbkdf2_sha256 ((const guint8 *) pin, strlen (pin), salt, SALT_LENGTH,
                     ITERATIONS, hash, HASH_LENGTH);
  salt64 = g_base64_encode (salt, SALT_LENGTH);
  hash64 = g_base64_encode (hash, HASH_LENGTH);
  return g_strdup_printf (SCHEME "$%u$%s$%s", ITERATIONS, salt64, hash64);
}

/* Compares every byte whatever the first difference, so that the time
 * taken does not tell how much of a guess was right. */
static gboolean
equal_in_constant_time (const guint8 *a, const guint8 *b, gsize length)
{
  guint8 difference = 0;

  for (gsize i = 0; i < length; i++)
    difference |= a[i] ^ b[i];
  return difference == 0;
}

/**
 * ipd_pin_verify:
 * @pin: what the officer typed
 * @stored: (nullable): the form ipd_pin_hash() gave
 *
 * Returns: whether @pin is the PIN of @stored; %FALSE for a malformed
 *   @stored, which no PIN opens
 */
gboolean
ipd_pin_verify (const char *pin, const char *stored)
{
  g_auto(GStrv) parts = NULL;
  g_autofree guint8 *salt = NULL, *expected = NULL;
  gsize salt_length = 0, expected_length = 0;
  guint8 actual[HASH_LENGTH];
  guint64 iterations;

  if (pin == NULL || stored == NULL)
    return FALSE;
  parts = g_strsplit (stored, "$", -1);
  if (g_strv_length (parts) != 4 || strcmp (parts[0], SCHEME) != 0
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, 10000000, &iterations, NULL))
    return FALSE;
  salt = g_base64_decode (parts[2], &salt_length);
  expected = g_base64_decode (parts[3], &expected_length);
  if (salt_length == 0 || expected_length != HASH_LENGTH)
    return FALSE;
  ipd_pbkdf2_sha256 ((const guint8 *) pin, strlen (pin), salt, salt_length,
                     (guint) iterations, actual, HASH_LENGTH);
  return equal_in_constant_time (actual, expected, HASH_LENGTH);
}

typedef struct {
  char *pin;
  char *stored;
} VerifyData;

/* The PIN leaves no copy behind in freed memory. */
static void
pin_free (char *pin)
{
  if (pin != NULL)
    memset (pin, 0, strlen (pin));
  g_free (pin);
}

static void
verify_data_free (VerifyData *data)
{
  pin_free (data->pin);
  g_free (data->stored);
  g_free (data);
}

static void
verify_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  VerifyData *data = task_data;

  g_task_return_boolean (task, ipd_pin_verify (data->pin, data->stored));
}

/* ipd_pin_verify() on a worker thread: its 100 000 rounds take about a
 * tenth of a second, which a window should not freeze for. */
void
ipd_pin_verify_async (const char *pin, const char *stored, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  VerifyData *data = g_new0 (VerifyData, 1);

  data->pin = g_strdup (pin);
  data->stored = g_strdup (stored);
  g_task_set_source_tag (task, ipd_pin_verify_async);
  g_task_set_task_data (task, data, (GDestroyNotify) verify_data_free);
  g_task_run_in_thread (task, verify_in_thread);
}

static void
hash_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_task_return_pointer (task, ipd_pin_hash (task_data), g_free);
}

/* ipd_pin_hash() on a worker thread, for the same reason. */
void
ipd_pin_hash_async (const char *pin, GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (pin != NULL);
  g_task_set_source_tag (task, ipd_pin_hash_async);
  g_task_set_task_data (task, g_strdup (pin), (GDestroyNotify) pin_free);
  g_task_run_in_thread (task, hash_in_thread);
}

/* The hash, or NULL with G_IO_ERROR_CANCELLED. */
char *
ipd_pin_hash_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Whether the PIN was right; FALSE with G_IO_ERROR_CANCELLED when the
 * check was cancelled. */
gboolean
ipd_pin_verify_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
