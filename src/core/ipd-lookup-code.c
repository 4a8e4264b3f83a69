/* ipd-lookup-code.c — receipts' lookup codes: drawn, typed back, printed
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ipd-lookup-code.h"
#include "ipd-random.h"

/* 31 characters: digits and capitals less 0, 1, I, L and O. */
static const char alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
#define ALPHABET_SIZE (sizeof alphabet - 1)

/* The largest multiple of the alphabet's size that fits a byte: bytes
 * above it are drawn again, so that every character is equally likely. */
#define UNBIASED_LIMIT (256 - 256 % ALPHABET_SIZE)

/**
 * ipd_lookup_code_generate:
 *
 * Returns: (transfer full): a new random code of %IPD_LOOKUP_CODE_LENGTH
 *   characters, without the dash
 */
char *
ipd_lookup_code_generate (void)
{
  char *code = g_malloc (IPD_LOOKUP_CODE_LENGTH + 1);
  int filled = 0;

  while (filled < IPD_LOOKUP_CODE_LENGTH)
    {
      guint8 bytes[32];

      ipd_random_bytes (bytes, sizeof bytes);
      for (gsize i = 0; i < sizeof bytes && filled < IPD_LOOKUP_CODE_LENGTH; i++)
        if (bytes[i] < UNBIASED_LIMIT)
          code[filled++] = alphabet[bytes[i] % ALPHABET_SIZE];
    }
  code[filled] = '\0';
  return code;
}

gboolean
ipd_lookup_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != IPD_LOOKUP_CODE_LENGTH)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    if (strchr (alphabet, *p) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * ipd_lookup_code_normalize:
 * @typed: what a visitor typed or a scanner sent
 *
 * Returns: (transfer full) (nullable): the code in capitals without
 *   spaces or dashes, or %NULL when @typed cannot be a code
 */
char *
ipd_lookup_code_normalize (const char *typed)
{
  GString *code;

  if (typed == NULL)
    return NULL;
  code = g_string_new (NULL);
  for (const char *p = typed; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-' || *p == '\t' || *p == '\n' || *p == '\r')
        continue;
      g_string_append_c (code, g_ascii_toupper (*p));
    }
  if (!ipd_lookup_code_is_valid (code->str))
    {
      g_string_free (code, TRUE);
      return NULL;
    }
  return g_string_free (code, FALSE);
}

/**
 * ipd_lookup_code_format:
 * @code: a valid code
 *
 * Returns: (transfer full): the code as printed, in two groups: "K7QXM-2PD9R"
 */
char *
ipd_lookup_code_format (const char *code)
{
  g_return_val_if_fail (ipd_lookup_code_is_valid (code), NULL);
  return g_strdup_printf ("%.5s-%s", code, code + 5);
}
