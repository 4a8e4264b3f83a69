/* ipd-text.c — Vietnamese text: normalisation, search folding, collation
 *
 * Text arrives composed (NFC) or decomposed (NFD) depending on the input
 * method, so everything is stored NFC and compared only after normalising.
 * Search uses a folded form computed here rather than SQLite's own folding:
 * FTS5's unicode61 tokenizer never folds đ/Đ (U+0111 has no decomposition),
 * so "da lat" would not find "Đà Lạt".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-text"

#include "config.h"

#include <unicode/ucol.h>
#include <unicode/uvernum.h>

#include "ipd-text.h"

char *
ipd_text_normalize (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
}

gboolean
ipd_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Makes an entered value fit for storing, in place: NFC, no surrounding
 * white space, and NULL for an empty value. */
void
ipd_text_tidy (char **text)
{
  char *normal;

  g_return_if_fail (text != NULL);
  if (*text == NULL)
    return;
  normal = ipd_text_normalize (*text);
  g_free (*text);
  *text = normal ? g_strstrip (normal) : NULL;
  if (*text != NULL && **text == '\0')
    g_clear_pointer (text, g_free);
}

static gunichar
fold_char (gunichar c)
{
  /* đ and Đ are letters of their own, not d with a mark: fold by hand. */
  if (c == 0x0111 || c == 0x0110)
    return 'd';
  return g_unichar_tolower (c);
}

/* Compatibility decomposition, marks dropped, đ → d, lower case.
 * The same function folds the stored text and the query. */
char *
ipd_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *folded;

  if (text == NULL)
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)   /* not valid UTF-8 */
    return g_strdup ("");

  folded = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK
          || type == G_UNICODE_ENCLOSING_MARK)
        continue;
      g_string_append_unichar (folded, fold_char (c));
    }
  return g_string_free (folded, FALSE);
}

/* One collator for the process; ICU collators are not safe to share between
 * threads, so every use holds the lock. */
G_LOCK_DEFINE_STATIC (collator);
static UCollator *collator;

static UCollator *
get_collator_locked (void)
{
  if (collator == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;

      collator = ucol_open ("vi", &status);
      if (U_FAILURE (status))
        g_error ("ICU has no Vietnamese collator: %s", u_errorName (status));
    }
  return collator;
}

/* A binary key whose memcmp order is Vietnamese alphabetical order
 * (a ă â b c d đ e ê … o ô ơ … u ư …, tones in order). */
GBytes *
ipd_text_sort_key (const char *text)
{
  g_autofree char *nfc = ipd_text_normalize (text ? text : "");
  g_autofree gunichar2 *utf16 = NULL;
  glong utf16_len = 0;
  guint8 *key;
  int32_t key_len;

  utf16 = g_utf8_to_utf16 (nfc ? nfc : "", -1, NULL, &utf16_len, NULL);
  if (utf16 == NULL)
    return g_bytes_new (NULL, 0);

  G_LOCK (collator);
  key_len = ucol_getSortKey (get_collator_locked (), utf16, utf16_len, NULL, 0);
  key = g_malloc (key_len);
  ucol_getSortKey (get_collator_locked (), utf16, utf16_len, key, key_len);
  G_UNLOCK (collator);

  /* The key ends with a NUL byte that adds nothing to the order. */
  return g_bytes_new_take (key, key_len > 0 ? key_len - 1 : 0);
}

/* Stored with the keys: when ICU's rules change, keys are rebuilt. */
char *
ipd_text_collator_version (void)
{
  UVersionInfo version;
  char text[U_MAX_VERSION_STRING_LENGTH];

  G_LOCK (collator);
  ucol_getVersion (get_collator_locked (), version);
  G_UNLOCK (collator);
  u_versionToString (version, text);
  return g_strdup_printf ("icu-%s-vi-%s", U_ICU_VERSION, text);
}
