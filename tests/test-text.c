/* test-text.c — Vietnamese text, dates, amounts and the vocabulary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "ipd-amount.h"
#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

/* NFD of "Đà Lạt": Đ has no decomposition, à = a + U+0300, ạ = a + U+0323. */
#define DA_LAT_NFC "\xc4\x90\xc3\xa0 L\xe1\xba\xa1t"
#define DA_LAT_NFD "\xc4\x90" "a\xcc\x80 La\xcc\xa3t"

static char *
nfd (const char *text)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
}

/* Text ---------------------------------------------------------------------------- */

static void
test_fold_basic (void)
{
  struct { const char *in, *out; } cases[] = {
    { "Đà Lạt", "da lat" },
    { "Chanh leo Lai Châu", "chanh leo lai chau" },
    { "ĐĂNG", "dang" },
    { "Hải Đăng", "hai dang" },
    { "Khẩu Lương Phủng", "khau luong phung" },
    { "Khâu Lương Phụng", "khau luong phung" },
    { "Ưng Ơn Ôn Ăn Ân", "ung on on an an" },
    { "Thịt lợn Trà xanh Thái Nguyên", "thit lon tra xanh thai nguyen" },
    { "4-2025-20619", "4-2025-20619" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = ipd_text_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_fold_nfd_equals_nfc (void)
{
  const char *words[] = { "Đà Lạt", "Chanh leo Lai Châu", "Mường Ảng", "Hà thủ ô đỏ Sìn Hồ",
                          "Nếp Tan Pỏm", "Tân Cương", "Ưng" };

  g_assert_cmpint (strcmp (DA_LAT_NFC, DA_LAT_NFD), !=, 0);
  {
    g_autofree char *a = ipd_text_fold (DA_LAT_NFC);
    g_autofree char *b = ipd_text_fold (DA_LAT_NFD);
    g_assert_cmpstr (a, ==, "da lat");
    g_assert_cmpstr (b, ==, "da lat");
  }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *decomposed = nfd (words[i]);
      g_autofree char *a = ipd_text_fold (words[i]);
      g_autofree char *b = ipd_text_fold (decomposed);

      g_assert_cmpstr (a, ==, b);
      /* folded text is plain ASCII for Vietnamese input */
      for (const char *p = a; *p; p++)
        g_assert_true ((guchar) *p < 0x80);
    }
}

static void
test_fold_null_and_invalid (void)
{
  g_autofree char *a = ipd_text_fold (NULL);
  g_autofree char *b = ipd_text_fold ("abc\xff\xfe");

  g_assert_cmpstr (a, ==, "");
  g_assert_cmpstr (b, ==, "");
}

static void
test_normalize (void)
{
  g_autofree char *from_nfd = ipd_text_normalize (DA_LAT_NFD);
  g_autofree char *from_nfc = ipd_text_normalize (DA_LAT_NFC);
  g_autofree char *decomposed = nfd ("Chanh leo Lai Châu");
  g_autofree char *chau = ipd_text_normalize (decomposed);

  g_assert_cmpstr (from_nfd, ==, DA_LAT_NFC);
  g_assert_cmpstr (from_nfc, ==, DA_LAT_NFC);
  g_assert_cmpuint (strlen (decomposed), >, strlen ("Chanh leo Lai Châu"));
  g_assert_cmpstr (chau, ==, "Chanh leo Lai Châu");
  g_assert_null (ipd_text_normalize (NULL));
}

static void
test_tidy_and_blank (void)
{
  char *text = g_strconcat ("  ", DA_LAT_NFD, "\t ", NULL);
  char *blank = g_strdup ("   \t");
  char *none = NULL;

  ipd_text_tidy (&text);
  g_assert_cmpstr (text, ==, DA_LAT_NFC);
  ipd_text_tidy (&blank);
  g_assert_null (blank);
  ipd_text_tidy (&none);
  g_assert_null (none);
  g_free (text);

  g_assert_true (ipd_text_is_blank (NULL));
  g_assert_true (ipd_text_is_blank (""));
  g_assert_true (ipd_text_is_blank (" \t\n"));
  g_assert_false (ipd_text_is_blank (" a "));
  g_assert_false (ipd_text_is_blank ("Đ"));
}

static int
compare_keys (gconstpointer a, gconstpointer b)
{
  const char *x = *(const char *const *) a;
  const char *y = *(const char *const *) b;
  g_autoptr(GBytes) kx = ipd_text_sort_key (x);
  g_autoptr(GBytes) ky = ipd_text_sort_key (y);
  gsize nx, ny;
  const guint8 *dx = g_bytes_get_data (kx, &nx);
  const guint8 *dy = g_bytes_get_data (ky, &ny);
  int c = memcmp (dx, dy, MIN (nx, ny));

  if (c != 0)
    return c;
  return nx < ny ? -1 : nx > ny ? 1 : 0;
}

static void
assert_sorts_to (const char *const *shuffled, const char *const *expected, guint n)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GString) want = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (words, (gpointer) shuffled[i]);
  g_ptr_array_sort (words, compare_keys);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (got, "%s ", (const char *) g_ptr_array_index (words, i));
      g_string_append_printf (want, "%s ", expected[i]);
    }
  g_assert_cmpstr (got->str, ==, want->str);
}

static void
test_sort_key_vietnamese_letters (void)
{
  const char *shuffled[] = { "Z", "Ưng", "Ơn", "Đào", "Ánh", "On", "Ung", "Ăn", "Dung", "An", "Ôn" };
  const char *expected[] = { "An", "Ánh", "Ăn", "Dung", "Đào", "On", "Ôn", "Ơn", "Ung", "Ưng", "Z" };

  G_STATIC_ASSERT (G_N_ELEMENTS (shuffled) == G_N_ELEMENTS (expected));
  assert_sorts_to (shuffled, expected, G_N_ELEMENTS (expected));
}

static void
test_sort_key_alphabet (void)
{
  /* a ă â b c d đ e ê … o ô ơ … u ư: each letter as a word's first letter */
  const char *expected[] = { "an", "ăn", "ân", "bo", "co", "do", "đo", "em", "êm", "gi",
                             "hi", "im", "ko", "lo", "mo", "no", "om", "ôm", "ơm", "po",
                             "qua", "ro", "so", "to", "um", "ưm", "vo", "xo", "yo" };
  const char *shuffled[G_N_ELEMENTS (expected)];

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    shuffled[i] = expected[(i * 7 + 3) % G_N_ELEMENTS (expected)];   /* 7 is prime to 29 */
  assert_sorts_to (shuffled, expected, G_N_ELEMENTS (expected));
}

static void
test_sort_key_tones (void)
{
  /* ngang, huyền, hỏi, ngã, sắc, nặng */
  const char *expected[] = { "ma", "mà", "mả", "mã", "má", "mạ", "mai" };
  const char *shuffled[] = { "mạ", "mai", "má", "ma", "mã", "mà", "mả" };

  assert_sorts_to (shuffled, expected, G_N_ELEMENTS (expected));
}

static void
test_sort_key_normalisation (void)
{
  g_autoptr(GBytes) a = ipd_text_sort_key (DA_LAT_NFC);
  g_autoptr(GBytes) b = ipd_text_sort_key (DA_LAT_NFD);
  g_autoptr(GBytes) c = ipd_text_sort_key ("Da Lat");
  g_autoptr(GBytes) empty = ipd_text_sort_key ("");
  g_autoptr(GBytes) null = ipd_text_sort_key (NULL);
  g_autofree char *version = ipd_text_collator_version ();

  g_assert_true (g_bytes_equal (a, b));
  g_assert_false (g_bytes_equal (a, c));
  g_assert_cmpuint (g_bytes_get_size (a), >, 0);
  /* no trailing NUL inside the key */
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (a, NULL))[g_bytes_get_size (a) - 1], !=, 0);
  g_assert_true (g_bytes_equal (empty, null));
  g_assert_nonnull (version);
  g_assert_true (g_str_has_prefix (version, "icu-"));
}

/* Dates ---------------------------------------------------------------------------- */

static void
assert_date_invalid (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = ipd_date_parse (text, &error);

  if (iso != NULL)
    g_error ("“%s” parsed as %s; expected an error", text, iso);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
}

static void
assert_date_parses (const char *text, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = ipd_date_parse (text, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_date_parse (void)
{
  assert_date_parses ("19/08/2025", "2025-08-19");
  assert_date_parses ("1/2/2026", "2026-02-01");
  assert_date_parses (" 19/08/2025 ", "2025-08-19");
  assert_date_parses ("19.08.2025", "2025-08-19");
  assert_date_parses ("19-08-2025", "2025-08-19");
  assert_date_parses ("2026-02-19", "2026-02-19");
  assert_date_parses ("2024-02-29", "2024-02-29");
  assert_date_parses ("29/02/2024", "2024-02-29");
  assert_date_parses ("31/12/2025", "2025-12-31");

  assert_date_invalid ("31/02/2026");
  assert_date_invalid ("29/02/2025");
  assert_date_invalid ("2025-02-29");
  assert_date_invalid ("31/04/2026");
  assert_date_invalid ("1/13/2026");
  assert_date_invalid ("0/01/2026");
  assert_date_invalid ("abc");
  assert_date_invalid ("");
  assert_date_invalid (NULL);
  assert_date_invalid ("19/08");
  assert_date_invalid ("19/08-2025");
  assert_date_invalid ("19/08/2025x");
  assert_date_invalid ("19/08/25");
  assert_date_invalid ("19/08/2025/1");
}

static void
test_date_format (void)
{
  g_autofree char *a = ipd_date_format ("2025-08-19");
  g_autofree char *b = ipd_date_format ("2026-01-05");
  g_autofree char *c = ipd_date_format ("not a date");
  g_autofree char *d = ipd_date_format (NULL);
  g_autofree char *e = ipd_date_format ("2025-02-30");

  g_assert_cmpstr (a, ==, "19/08/2025");
  g_assert_cmpstr (b, ==, "05/01/2026");
  g_assert_cmpstr (c, ==, "");
  g_assert_cmpstr (d, ==, "");
  g_assert_cmpstr (e, ==, "");

  /* parse ∘ format is the identity on valid dates */
  {
    g_autofree char *iso = ipd_date_parse ("07/03/2019", NULL);
    g_autofree char *shown = ipd_date_format (iso);
    g_assert_cmpstr (shown, ==, "07/03/2019");
  }
}

static void
test_date_add_years (void)
{
  g_autofree char *leap = ipd_date_add_years ("2024-02-29", 10);
  g_autofree char *leap4 = ipd_date_add_years ("2024-02-29", 4);
  g_autofree char *plain = ipd_date_add_years ("2025-08-19", 10);
  g_autofree char *dec = ipd_date_add_years ("2015-12-31", 10);
  g_autofree char *zero = ipd_date_add_years ("2025-08-19", 0);
  g_autofree char *bad = ipd_date_add_years ("garbage", 10);

  g_assert_cmpstr (leap, ==, "2034-02-28");
  g_assert_cmpstr (leap4, ==, "2028-02-29");
  g_assert_cmpstr (plain, ==, "2035-08-19");
  g_assert_cmpstr (dec, ==, "2025-12-31");
  g_assert_cmpstr (zero, ==, "2025-08-19");
  g_assert_null (bad);
}

static void
test_date_today_and_timestamp (void)
{
  g_autofree char *today = ipd_date_today ();
  g_autofree char *stamp = ipd_timestamp_now ();
  g_autoptr(GDate) date = ipd_date_to_gdate (today);
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (stamp, NULL);

  g_assert_nonnull (date);
  g_assert_cmpuint (strlen (today), ==, 10);
  g_assert_nonnull (parsed);
  {
    g_autofree char *back = ipd_date_from_gdate (date);
    g_assert_cmpstr (back, ==, today);
  }
}

/* Amounts ------------------------------------------------------------------------ */

static void
assert_amount (const char *text, gint64 expected)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = -12345;

  g_assert_true (ipd_amount_parse (text, &amount, &error));
  g_assert_no_error (error);
  g_assert_cmpint (amount, ==, expected);
}

static void
assert_amount_invalid (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = -12345;

  if (ipd_amount_parse (text, &amount, &error))
    g_error ("“%s” parsed as %" G_GINT64_FORMAT "; expected an error", text, amount);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_assert_cmpint (amount, ==, -12345);   /* untouched on failure */
}

static void
test_amount_parse (void)
{
  assert_amount ("60.000.000", 60000000);
  assert_amount ("60000000", 60000000);
  assert_amount ("60 000 000", 60000000);
  assert_amount (" 60.000.000 ", 60000000);
  assert_amount ("60.000.000 đ", 60000000);
  assert_amount ("60.000.000 VND", 60000000);
  assert_amount ("0", 0);
  assert_amount ("1.000", 1000);

  assert_amount_invalid ("60,5");
  assert_amount_invalid ("-5");
  assert_amount_invalid ("1.23");
  assert_amount_invalid ("1.2345");
  assert_amount_invalid ("60.000.00");
  assert_amount_invalid ("");
  assert_amount_invalid ("abc");
  assert_amount_invalid (".000");
  assert_amount_invalid ("5 USD");
  assert_amount_invalid ("99999999999999999999999");
}

static void
test_amount_format (void)
{
  struct { gint64 in; const char *out; } cases[] = {
    { 60000000, "60.000.000" },
    { 0, "0" },
    { 999, "999" },
    { 1000, "1.000" },
    { 1234567, "1.234.567" },
    { 100000, "100.000" },
    { -1234, "-1.234" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = ipd_amount_format (cases[i].in);
      gint64 back = -1;

      g_assert_cmpstr (text, ==, cases[i].out);
      if (cases[i].in >= 0)
        {
          g_assert_true (ipd_amount_parse (text, &back, NULL));
          g_assert_cmpint (back, ==, cases[i].in);
        }
    }
}

/* Vocabulary ---------------------------------------------------------------------- */

/* A drop-down's row and the code it stands for, both ways. */
static void
test_vocabulary_index (void)
{
  guint n;
  const IpdTerm *terms = ipd_vocabulary_terms (IPD_VOCAB_EVENT_TYPE, &n);

  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (ipd_vocabulary_index (IPD_VOCAB_EVENT_TYPE, terms[i].code), ==, i);
      g_assert_cmpstr (ipd_vocabulary_code_at (IPD_VOCAB_EVENT_TYPE, i), ==, terms[i].code);
    }
  g_assert_cmpuint (ipd_vocabulary_index (IPD_VOCAB_EVENT_TYPE, "no-such-event"), ==, G_MAXUINT);
  g_assert_cmpuint (ipd_vocabulary_index (IPD_VOCAB_EVENT_TYPE, NULL), ==, G_MAXUINT);
  g_assert_null (ipd_vocabulary_code_at (IPD_VOCAB_EVENT_TYPE, n));
  g_assert_cmpstr (ipd_vocabulary_code_at (IPD_VOCAB_KIND, ipd_vocabulary_index (IPD_VOCAB_KIND, IPD_KIND_GI)),
                   ==, IPD_KIND_GI);
}

static void
test_vocabulary_kinds (void)
{
  guint n = 0;
  const IpdTerm *terms = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n);
  const IpdTerm *tm = ipd_vocabulary_find (IPD_VOCAB_KIND, IPD_KIND_TRADEMARK);
  const IpdTerm *gi = ipd_vocabulary_find (IPD_VOCAB_KIND, IPD_KIND_GI);
  const IpdTerm *coll = ipd_vocabulary_find (IPD_VOCAB_KIND, IPD_KIND_COLLECTIVE);
  const IpdTerm *cert = ipd_vocabulary_find (IPD_VOCAB_KIND, IPD_KIND_CERTIFICATION);
  g_autofree char *codes = ipd_vocabulary_codes (IPD_VOCAB_KIND);

  g_assert_cmpuint (n, ==, 4);
  g_assert_nonnull (terms);
  g_assert_nonnull (tm);
  g_assert_nonnull (gi);
  g_assert_nonnull (coll);
  g_assert_nonnull (cert);
  g_assert_cmpint (tm->number, ==, 10);
  g_assert_cmpint (coll->number, ==, 10);
  g_assert_cmpint (cert->number, ==, 10);
  g_assert_cmpint (gi->number, ==, 0);
  g_assert_cmpstr (tm->extra, ==, "NH");
  g_assert_cmpstr (coll->extra, ==, "NHTT");
  g_assert_cmpstr (cert->extra, ==, "NHCN");
  g_assert_cmpstr (gi->extra, ==, "CDĐL");
  g_assert_cmpstr (codes, ==, "trademark, collective, certification, gi");
  g_assert_null (ipd_vocabulary_find (IPD_VOCAB_KIND, "patent"));
  g_assert_null (ipd_vocabulary_find (IPD_VOCAB_KIND, NULL));
  /* the label of an unknown code is the code */
  g_assert_cmpstr (ipd_vocabulary_label (IPD_VOCAB_KIND, "patent"), ==, "patent");
  g_assert_cmpstr (ipd_vocabulary_label (IPD_VOCAB_KIND, IPD_KIND_GI), ==, "Geographical indication");
}

static void
test_vocabulary_consistent (void)
{
  IpdVocabulary all[] = { IPD_VOCAB_KIND, IPD_VOCAB_STATUS, IPD_VOCAB_EVENT_TYPE,
                          IPD_VOCAB_ROLE, IPD_VOCAB_PARTY_TYPE, IPD_VOCAB_DOCUMENT_TYPE };
  guint n = 0;
  const IpdTerm *events;

  for (guint v = 0; v < G_N_ELEMENTS (all); v++)
    {
      const IpdTerm *terms = ipd_vocabulary_terms (all[v], &n);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          g_assert_nonnull (terms[i].code);
          g_assert_nonnull (terms[i].label);
          g_assert_false (g_hash_table_contains (seen, terms[i].code));
          g_hash_table_add (seen, (gpointer) terms[i].code);
          g_assert_true (ipd_vocabulary_find (all[v], terms[i].code) == &terms[i]);
        }
    }

  /* every status an event sets is a status */
  events = ipd_vocabulary_terms (IPD_VOCAB_EVENT_TYPE, &n);
  for (guint i = 0; i < n; i++)
    if (events[i].extra != NULL)
      g_assert_nonnull (ipd_vocabulary_find (IPD_VOCAB_STATUS, events[i].extra));

  g_assert_nonnull (ipd_vocabulary_find (IPD_VOCAB_STATUS, IPD_STATUS_PREPARING));
  g_assert_cmpstr (ipd_vocabulary_find (IPD_VOCAB_EVENT_TYPE, "filed")->extra, ==, "filed");
  g_assert_cmpstr (ipd_vocabulary_find (IPD_VOCAB_EVENT_TYPE, "granted")->extra, ==, "granted");
  g_assert_null (ipd_vocabulary_find (IPD_VOCAB_EVENT_TYPE, "note")->extra);
  g_assert_cmpint (ipd_vocabulary_find (IPD_VOCAB_EVENT_TYPE, "withdrawn")->number, ==, 1);
  g_assert_nonnull (ipd_vocabulary_find (IPD_VOCAB_ROLE, IPD_ROLE_APPLICANT));
  g_assert_nonnull (ipd_vocabulary_find (IPD_VOCAB_ROLE, IPD_ROLE_OWNER));
  g_assert_nonnull (ipd_vocabulary_find (IPD_VOCAB_ROLE, IPD_ROLE_MANAGING_ORG));
  g_assert_nonnull (ipd_vocabulary_find (IPD_VOCAB_PARTY_TYPE, "cooperative"));
  g_assert_nonnull (ipd_vocabulary_find (IPD_VOCAB_DOCUMENT_TYPE, "map"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/basic", test_fold_basic);
  g_test_add_func ("/text/fold/nfd-equals-nfc", test_fold_nfd_equals_nfc);
  g_test_add_func ("/text/fold/null-and-invalid", test_fold_null_and_invalid);
  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/tidy-and-blank", test_tidy_and_blank);
  g_test_add_func ("/text/sort-key/vietnamese-letters", test_sort_key_vietnamese_letters);
  g_test_add_func ("/text/sort-key/alphabet", test_sort_key_alphabet);
  g_test_add_func ("/text/sort-key/tones", test_sort_key_tones);
  g_test_add_func ("/text/sort-key/normalisation", test_sort_key_normalisation);
  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/date/format", test_date_format);
  g_test_add_func ("/date/add-years", test_date_add_years);
  g_test_add_func ("/date/today-and-timestamp", test_date_today_and_timestamp);
  g_test_add_func ("/amount/parse", test_amount_parse);
  g_test_add_func ("/amount/format", test_amount_format);
  g_test_add_func ("/vocabulary/index", test_vocabulary_index);
  g_test_add_func ("/vocabulary/kinds", test_vocabulary_kinds);
  g_test_add_func ("/vocabulary/consistent", test_vocabulary_consistent);

  return g_test_run ();
}
