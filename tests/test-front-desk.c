/* test-front-desk.c — what the front desk relies on in the core: lookup
 * codes, public lookups, the public view of a dossier, the PIN, the rate
 * limit, and a read-only register that refuses every write
 *
 * The register is read back with the sqlite3 C API and as raw bytes, not
 * through the store, to see what is really in the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "ipd-error.h"
#include "ipd-lookup-code.h"
#include "ipd-pin.h"
#include "ipd-public-dossier.h"
#include "ipd-rate-limiter.h"
#include "ipd-store.h"
#include "ipd-test-records.h"
#include "ipd-test-util.h"
#include "ipd-vocabulary.h"

#define INTERNAL_NOTE "Chờ ý kiến Sở Tài chính về kinh phí XKCD-77"
#define PHONE         "0912 345 678"
#define TAX_CODE      "5400987654"
#define PIN           "482916"

typedef struct {
  char     *dir;
  char     *path;
  IpdStore *store;
  gint64    unpublished_id;   /* accepted as valid, not yet in the Gazette */
  gint64    published_id;
} Fixture;

static void
add_event (IpdStore *store, gint64 dossier_id, const char *date, const char *type, const char *note)
{
  ipd_test_add_event (store, dossier_id, date, type, NULL, note);
}

/* A dossier with everything internal it can hold. */
static gint64
save_dossier (IpdStore *store, const char *kind, const char *name, const char *app_number,
              const char *filing_date, const char *applicant)
{
  g_autoptr(IpdParty) party = ipd_party_new (applicant, "cooperative");
  g_autoptr(IpdDossier) d = NULL;

  party->phone = g_strdup (PHONE);
  party->tax_code = g_strdup (TAX_CODE);
  party->address = g_strdup ("Xã Tà Xùa, tỉnh Sơn La");
  d = ipd_test_dossier_new (kind, name, app_number, filing_date, party);
  d->officer = g_strdup ("Lò Văn Officer");
  d->internal_note = g_strdup (INTERNAL_NOTE);
  d->public_note = g_strdup ("Bản đồ khu vực đã được bổ sung.");
  return ipd_test_save_dossier (store, d);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = ipd_test_make_dir ("ipd-test-front-desk-XXXXXX");
  f->path = g_build_filename (f->dir, "register.sqlite", NULL);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);

  f->unpublished_id = save_dossier (f->store, IPD_KIND_GI, "Chè Shan tuyết Tà Xùa",
                                    "6-2025-00012", "2025-03-10", "HTX Chè Tà Xùa");
  add_event (f->store, f->unpublished_id, "2025-03-10", "filed", NULL);
  add_event (f->store, f->unpublished_id, "2025-04-20", "formality_accepted", "Công văn 1234/SHTT");
  add_event (f->store, f->unpublished_id, "2025-04-25", "note", INTERNAL_NOTE);

  f->published_id = save_dossier (f->store, IPD_KIND_COLLECTIVE, "Gạo Séng Cù Mường Khương",
                                  "4-2024-03456", "2024-01-15", "HTX Nông nghiệp Mường Khương");
  add_event (f->store, f->published_id, "2024-01-15", "filed", NULL);
  add_event (f->store, f->published_id, "2024-02-20", "formality_accepted", NULL);
  add_event (f->store, f->published_id, "2024-04-10", "published", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

/* The file, read without the store ------------------------------------------------------ */

static char *
raw_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static gint64
raw_int (const char *path, const char *sql)
{
  g_autofree char *text = raw_text (path, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* The register's bytes, with its write-ahead log if one is left. */
static GBytes *
file_bytes (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *contents = NULL, *wal_contents = NULL;
  gsize length = 0, wal_length = 0;
  GByteArray *all = g_byte_array_new ();

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_byte_array_append (all, (guint8 *) contents, (guint) length);
  if (g_file_get_contents (wal, &wal_contents, &wal_length, NULL))
    g_byte_array_append (all, (guint8 *) wal_contents, (guint) wal_length);
  return g_byte_array_free_to_bytes (all);
}

static gboolean
bytes_contain (GBytes *bytes, const char *text)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return memmem (data, length, text, strlen (text)) != NULL;
}

/* Pure pieces ---------------------------------------------------------------------------- */

static char *
hex (const guint8 *bytes, gsize length)
{
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (text, "%02x", bytes[i]);
  return g_string_free (text, FALSE);
}

/* RFC 7914, section 11, and the common RFC 6070-style vector for SHA-256. */
static void
test_pbkdf2_vectors (void)
{
  guint8 key[64];
  g_autofree char *one = NULL, *many = NULL, *short_key = NULL;

  ipd_pbkdf2_sha256 ((const guint8 *) "passwd", 6, (const guint8 *) "salt", 4, 1, key, 64);
  one = hex (key, 64);
  g_assert_cmpstr (one, ==, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                            "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  ipd_pbkdf2_sha256 ((const guint8 *) "Password", 8, (const guint8 *) "NaCl", 4, 80000, key, 64);
  many = hex (key, 64);
  g_assert_cmpstr (many, ==, "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                             "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
  ipd_pbkdf2_sha256 ((const guint8 *) "password", 8, (const guint8 *) "salt", 4, 4096, key, 32);
  short_key = hex (key, 32);
  g_assert_cmpstr (short_key, ==, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a");
}

static void
test_pin_hash (void)
{
  g_autofree char *first = ipd_pin_hash (PIN);
  g_autofree char *second = ipd_pin_hash (PIN);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (first, "pbkdf2-sha256$100000$"));
  g_assert_null (strstr (first, PIN));
  g_assert_cmpstr (first, !=, second);           /* a new salt each time */
  g_assert_true (ipd_pin_verify (PIN, first));
  g_assert_true (ipd_pin_verify (PIN, second));
  g_assert_false (ipd_pin_verify ("482917", first));
  g_assert_false (ipd_pin_verify ("", first));
  g_assert_false (ipd_pin_verify (PIN, NULL));
  g_assert_false (ipd_pin_verify (PIN, "pbkdf2-sha256$1$AAAA"));
  g_assert_false (ipd_pin_verify (PIN, "md5$1$AAAA$BBBB"));
  g_assert_false (ipd_pin_verify (PIN, PIN));

  g_assert_true (ipd_pin_check_acceptable ("0000", NULL));
  g_assert_false (ipd_pin_check_acceptable ("123", &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ipd_pin_check_acceptable ("12a4", &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ipd_pin_check_acceptable ("1234567890123", &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
}

static void
test_code_alphabet (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint counts[256] = { 0 };
  g_autofree char *formatted = NULL, *typed = NULL;

  for (int i = 0; i < 3000; i++)
    {
      char *code = ipd_lookup_code_generate ();

      g_assert_cmpuint (strlen (code), ==, IPD_LOOKUP_CODE_LENGTH);
      g_assert_true (ipd_lookup_code_is_valid (code));
      for (const char *p = code; *p; p++)
        {
          g_assert_null (strchr ("01ILOabcdefghijklmnopqrstuvwxyz", *p));
          counts[(guchar) *p]++;
        }
      g_assert_true (g_hash_table_add (seen, code));   /* no repeats */
    }
  /* 30 000 characters over 31: each near 968; none missing or far off */
  for (const char *p = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; *p; p++)
    g_assert_cmpuint (counts[(guchar) *p], >, 800);

  formatted = ipd_lookup_code_format ("K7QXM2PD9R");
  g_assert_cmpstr (formatted, ==, "K7QXM-2PD9R");
  typed = ipd_lookup_code_normalize (" k7qxm-2pd9r\n");
  g_assert_cmpstr (typed, ==, "K7QXM2PD9R");
  g_assert_null (ipd_lookup_code_normalize ("K7QXM-2PD9"));     /* too short */
  g_assert_null (ipd_lookup_code_normalize ("K7QXM-2PD90"));    /* 0 is not in the alphabet */
  g_assert_null (ipd_lookup_code_normalize ("4-2024-03456"));
  g_assert_null (ipd_lookup_code_normalize (NULL));
}

static void
test_rate_limit (void)
{
  g_autoptr(IpdRateLimiter) limiter = ipd_rate_limiter_new (10, 60 * G_USEC_PER_SEC);
  gint64 wait = -1, t0 = 1000 * G_USEC_PER_SEC;

  for (int i = 0; i < 10; i++)
    g_assert_true (ipd_rate_limiter_try (limiter, t0 + i * G_USEC_PER_SEC, &wait));
  g_assert_cmpint (wait, ==, 0);
  g_assert_false (ipd_rate_limiter_try (limiter, t0 + 20 * G_USEC_PER_SEC, &wait));
  g_assert_cmpint (wait, ==, 40 * G_USEC_PER_SEC);
  /* a refused attempt does not count: the first slot frees at t0 + 60 s */
  g_assert_false (ipd_rate_limiter_try (limiter, t0 + 59 * G_USEC_PER_SEC, &wait));
  g_assert_cmpint (wait, ==, G_USEC_PER_SEC);
  g_assert_true (ipd_rate_limiter_try (limiter, t0 + 60 * G_USEC_PER_SEC, &wait));
  g_assert_false (ipd_rate_limiter_try (limiter, t0 + 60 * G_USEC_PER_SEC, &wait));
  g_assert_cmpint (wait, ==, G_USEC_PER_SEC);
  ipd_rate_limiter_reset (limiter);
  g_assert_true (ipd_rate_limiter_try (limiter, t0 + 61 * G_USEC_PER_SEC, NULL));
}

/* The register -------------------------------------------------------------------------- */

static GPtrArray *
lookup (IpdStore *store, const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *found = ipd_store_front_desk_lookup (store, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (found);
  return found;
}

static void
assert_finds (IpdStore *store, const char *text, const char *name)
{
  g_autoptr(GPtrArray) found = lookup (store, text);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((IpdPublicDossier *) found->pdata[0])->name, ==, name);
}

static void
assert_finds_nothing (IpdStore *store, const char *text)
{
  g_autoptr(GPtrArray) found = lookup (store, text);

  g_assert_cmpuint (found->len, ==, 0);
}

static char *
issue (IpdStore *store, gint64 dossier_id)
{
  g_autoptr(GError) error = NULL;
  char *code = ipd_store_issue_lookup_code (store, dossier_id, &error);

  g_assert_no_error (error);
  g_assert_true (ipd_lookup_code_is_valid (code));
  return code;
}

static void
test_code_finds_unpublished (Fixture *f, gconstpointer data)
{
  g_autofree char *code = issue (f->store, f->unpublished_id);
  g_autofree char *typed = g_ascii_strdown (code, -1);
  g_autofree char *formatted = ipd_lookup_code_format (code);

  assert_finds (f->store, code, "Chè Shan tuyết Tà Xùa");
  assert_finds (f->store, typed, "Chè Shan tuyết Tà Xùa");
  assert_finds (f->store, formatted, "Chè Shan tuyết Tà Xùa");

  /* before publication: not by name, nor by number, nor by the applicant */
  assert_finds_nothing (f->store, "Chè Shan tuyết Tà Xùa");
  assert_finds_nothing (f->store, "Ta Xua");
  assert_finds_nothing (f->store, "6-2025-00012");
  assert_finds_nothing (f->store, "HTX Chè Tà Xùa");

  /* after publication: by name (folded, in part) and by number (any spacing) */
  assert_finds (f->store, "Gạo Séng Cù Mường Khương", "Gạo Séng Cù Mường Khương");
  assert_finds (f->store, "gao seng cu", "Gạo Séng Cù Mường Khương");
  assert_finds (f->store, "4 2024 03456", "Gạo Séng Cù Mường Khương");
  assert_finds (f->store, "4-2024-03456", "Gạo Séng Cù Mường Khương");
  assert_finds (f->store, "4202403456", "Gạo Séng Cù Mường Khương");
  assert_finds (f->store, " 4.2024.03456 ", "Gạo Séng Cù Mường Khương");
  /* the words in the name's order, the last one begun */
  assert_finds (f->store, "seng cu muong kh", "Gạo Séng Cù Mường Khương");
  assert_finds_nothing (f->store, "muong seng");
  /* ... but not by what only the index knows: the applicant, a phone, the note */
  assert_finds_nothing (f->store, "Nông nghiệp Mường Khương");
  assert_finds_nothing (f->store, PHONE);
  assert_finds_nothing (f->store, "Sở Tài chính");
  assert_finds_nothing (f->store, "   ");
  assert_finds_nothing (f->store, "ZZZZZ-ZZZZZ");
}

/* Several published names: the first 20 that match, by name. */
static void
test_names_in_order (Fixture *f, gconstpointer data)
{
  const char *names[] = { "Gạo Séng Cù Bát Xát", "Gạo Séng Cù Ý Tý", "Gạo Séng Cù A Mú Sung" };
  g_autoptr(GPtrArray) found = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *number = g_strdup_printf ("4-2024-0400%u", i);
      gint64 id = save_dossier (f->store, IPD_KIND_COLLECTIVE, names[i], number, "2024-01-20", "HTX");

      add_event (f->store, id, "2024-05-02", "published", NULL);
    }
  found = lookup (f->store, "gao seng");
  g_assert_cmpuint (found->len, ==, 4);
  g_assert_cmpstr (((IpdPublicDossier *) found->pdata[0])->name, ==, "Gạo Séng Cù A Mú Sung");
  g_assert_cmpstr (((IpdPublicDossier *) found->pdata[1])->name, ==, "Gạo Séng Cù Bát Xát");
  g_assert_cmpstr (((IpdPublicDossier *) found->pdata[2])->name, ==, "Gạo Séng Cù Mường Khương");
  g_assert_cmpstr (((IpdPublicDossier *) found->pdata[3])->name, ==, "Gạo Séng Cù Ý Tý");
}

static void
test_reissue_revokes (Fixture *f, gconstpointer data)
{
  g_autofree char *first = issue (f->store, f->unpublished_id);
  g_autofree char *second = issue (f->store, f->unpublished_id);
  g_autofree char *current = ipd_store_dup_lookup_code (f->store, f->unpublished_id, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT revoked_at FROM lookup_code WHERE code = '%s'", first);
  g_autofree char *revoked = raw_text (f->path, sql);

  g_assert_cmpstr (first, !=, second);
  g_assert_cmpstr (current, ==, second);
  assert_finds_nothing (f->store, first);
  assert_finds (f->store, second, "Chè Shan tuyết Tà Xùa");
  g_assert_nonnull (revoked);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM lookup_code WHERE revoked_at IS NULL"), ==, 1);
  /* issuing is in the audit log: two codes inserted, one revoked */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE table_name = 'lookup_code'"), ==, 3);
  g_assert_null (ipd_store_dup_lookup_code (f->store, f->published_id, NULL));
}

static void
test_trashed_not_found (Fixture *f, gconstpointer data)
{
  g_autofree char *code = issue (f->store, f->unpublished_id);
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_trash_dossier (f->store, f->unpublished_id, &error));
  g_assert_no_error (error);
  assert_finds_nothing (f->store, code);
  g_assert_null (ipd_store_issue_lookup_code (f->store, f->unpublished_id, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
}

static void
test_public_fields (Fixture *f, gconstpointer data)
{
  g_autofree char *code = issue (f->store, f->unpublished_id);
  g_autoptr(GPtrArray) found = lookup (f->store, code);
  IpdPublicDossier *d = found->pdata[0];
  g_autofree char *sentence = ipd_public_dossier_status_sentence (d);
  const IpdPublicMilestone *first, *last;

  g_assert_cmpstr (d->kind, ==, IPD_KIND_GI);
  g_assert_cmpstr (d->applicant, ==, "HTX Chè Tà Xùa");
  g_assert_cmpstr (d->status, ==, "accepted");
  g_assert_cmpstr (d->status_date, ==, "2025-04-20");
  g_assert_cmpstr (d->public_note, ==, "Bản đồ khu vực đã được bổ sung.");
  g_assert_false (d->published);
  /* the internal note event is not a milestone */
  g_assert_cmpuint (d->milestones->len, ==, 2);
  first = d->milestones->pdata[0];
  last = d->milestones->pdata[1];
  g_assert_cmpstr (first->event_type, ==, "filed");
  g_assert_cmpstr (last->event_type, ==, "formality_accepted");
  g_assert_cmpstr (last->date, ==, "2025-04-20");
  /* publication within 2 months of acceptance */
  g_assert_cmpstr (d->next_rule, ==, "publication");
  g_assert_cmpstr (d->next_date, ==, "2025-06-20");
  g_assert_cmpstr (sentence, ==, "The application was accepted as valid on 20/04/2025;"
                                 " publication is expected by 20/06/2025.");
}

/* ipd_store_check_front_desk_pin_async(), waited for; with @cancellable
 * cancelled, FALSE with G_IO_ERROR_CANCELLED. */
typedef struct {
  gboolean done, right;
  GError  *error;
} PinCheck;

static void
on_pin_checked (GObject *source, GAsyncResult *result, gpointer data)
{
  PinCheck *check = data;

  check->right = ipd_pin_verify_finish (result, &check->error);
  check->done = TRUE;
}

static gboolean
check_pin_async (IpdStore *store, const char *pin, GCancellable *cancellable)
{
  PinCheck check = { FALSE, FALSE, NULL };

  ipd_store_check_front_desk_pin_async (store, pin, cancellable, on_pin_checked, &check);
  while (!check.done)
    g_main_context_iteration (NULL, TRUE);
  if (cancellable != NULL)
    g_assert_error (check.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  else
    g_assert_no_error (check.error);
  g_clear_error (&check.error);
  return check.right;
}

/* A dossier with no step open ends its sentence with its status. */
static void
test_sentence_without_next_step (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *sentence = NULL;

  add_event (f->store, f->published_id, "2024-09-01", "withdrawn", NULL);
  found = lookup (f->store, "4-2024-03456");
  g_assert_cmpuint (found->len, ==, 1);
  sentence = ipd_public_dossier_status_sentence (found->pdata[0]);
  g_assert_cmpstr (sentence, ==, "The application was withdrawn on 01/09/2024.");
  g_assert_true (((IpdPublicDossier *) found->pdata[0])->published);
}

static void
test_pin_stored_hashed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) reader = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *stored = NULL;

  g_assert_false (ipd_store_has_front_desk_pin (f->store));
  g_assert_false (ipd_store_set_front_desk_pin (f->store, "12", &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ipd_store_set_front_desk_pin (f->store, PIN, &error));
  g_assert_no_error (error);
  g_assert_true (ipd_store_has_front_desk_pin (f->store));
  g_clear_object (&f->store);

  stored = raw_text (f->path, "SELECT value FROM setting WHERE key = 'front_desk.pin'");
  g_assert_true (g_str_has_prefix (stored, "pbkdf2-sha256$"));
  bytes = file_bytes (f->path);
  g_assert_false (bytes_contain (bytes, PIN));
  g_assert_true (bytes_contain (bytes, "pbkdf2-sha256$"));   /* the reader does see the file */

  reader = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ipd_store_check_front_desk_pin (reader, PIN));
  g_assert_false (ipd_store_check_front_desk_pin (reader, "000000"));
  /* the same on a worker thread, and a check cancelled says so */
  g_assert_true (check_pin_async (reader, PIN, NULL));
  g_assert_false (check_pin_async (reader, "000000", NULL));
  g_cancellable_cancel (cancelled);
  g_assert_false (check_pin_async (reader, PIN, cancelled));
}

static void
keep_result (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* ipd_store_set_front_desk_pin_async(), waited for: its result. */
static gboolean
set_pin_async (IpdStore *store, const char *pin, GCancellable *cancellable, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ipd_store_set_front_desk_pin_async (store, pin, cancellable, keep_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ipd_store_set_front_desk_pin_finish (store, result, error);
}

/* The PIN hashed on a worker: set, refused when not acceptable, left as
 * it was when cancelled. */
static void
test_pin_set_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (set_pin_async (f->store, PIN, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ipd_store_check_front_desk_pin (f->store, PIN));
  before = raw_text (f->path, "SELECT value FROM setting WHERE key = 'front_desk.pin'");
  g_assert_true (g_str_has_prefix (before, "pbkdf2-sha256$"));

  g_assert_false (set_pin_async (f->store, "12", NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_cancellable_cancel (cancelled);
  g_assert_false (set_pin_async (f->store, "271828", cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = raw_text (f->path, "SELECT value FROM setting WHERE key = 'front_desk.pin'");
  g_assert_cmpstr (after, ==, before);
  g_assert_true (ipd_store_check_front_desk_pin (f->store, PIN));
}

/* Every write of the store, through a read-only connection: each refused
 * as such, and the file's bytes the same afterwards. */
static void
test_read_only_refuses_writes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) ro = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(IpdDossier) loaded = NULL, fresh = ipd_dossier_new (IPD_KIND_TRADEMARK, "Mới");
  g_autoptr(IpdParty) party = ipd_party_new ("HTX Mới", "cooperative");
  g_autoptr(IpdEvent) event = ipd_event_new (f->published_id, "2026-01-05", "granted");
  g_autoptr(GPtrArray) tasks = NULL, events = NULL, found = NULL;
  g_autoptr(IpdAttachment) attachment = ipd_attachment_new (f->published_id, "quyet-dinh.pdf");
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%%EOF\n", 15);
  g_autoptr(GBytes) units = g_bytes_new_static ("x", 1);
  g_autofree char *code = issue (f->store, f->unpublished_id);
  gint64 event_id;

  events = ipd_store_list_events (f->store, f->published_id, &error);
  event_id = ((IpdEvent *) events->pdata[0])->id;
  g_clear_object (&f->store);
  before = file_bytes (f->path);

  ro = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (ipd_store_is_read_only (ro));
  loaded = ipd_store_load_dossier (ro, f->published_id, &error);
  g_assert_no_error (error);
  tasks = ipd_store_list_tasks (ro, f->published_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tasks->len, >, 0);

#define REFUSED(call) \
  G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY); \
    g_clear_error (&error); \
  } G_STMT_END
#define REFUSED_NULL(call) \
  G_STMT_START { \
    g_autofree char *result = (call); \
    g_assert_null (result); \
    g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY); \
    g_clear_error (&error); \
  } G_STMT_END

  g_free (loaded->name), loaded->name = g_strdup ("Đổi tên");
  REFUSED (ipd_store_save_dossier (ro, loaded, &error));
  REFUSED (ipd_store_save_dossier (ro, fresh, &error));
  REFUSED (ipd_store_trash_dossier (ro, f->published_id, &error));
  REFUSED (ipd_store_restore_dossier (ro, f->published_id, &error));
  REFUSED (ipd_store_purge_dossier (ro, f->published_id, &error));
  REFUSED (ipd_store_save_party (ro, party, &error));
  REFUSED (ipd_store_save_event (ro, event, &error));
  REFUSED (ipd_store_delete_event (ro, event_id, &error));
  REFUSED (ipd_store_complete_task (ro, ((IpdTask *) tasks->pdata[0])->id, "2026-01-05", &error));
  REFUSED (ipd_store_recompute_all_tasks (ro, NULL, &error));
  REFUSED (ipd_store_set_holiday (ro, "2026-05-04", "Nghỉ bù", TRUE, &error));
  REFUSED (ipd_store_remove_holiday (ro, "2026-01-01", &error));
  REFUSED (ipd_store_import_admin_units (ro, "units.tsv", units, &error));
  REFUSED (ipd_store_add_attachment (ro, attachment, pdf, &error));
  attachment->id = 1;
  REFUSED (ipd_store_update_attachment (ro, attachment, &error));
  REFUSED (ipd_store_trash_attachment (ro, 1, &error));
  REFUSED (ipd_store_restore_attachment (ro, 1, &error));
  REFUSED (ipd_store_set_setting (ro, IPD_SETTING_AGENCY_NAME, "Sở KH&CN", &error));
  REFUSED (ipd_store_set_number_format (ro, IPD_KIND_GI, "^6-[0-9]{4}-[0-9]{5}$", "6-2023-00012", &error));
  REFUSED (ipd_store_set_front_desk_pin (ro, PIN, &error));
  REFUSED (ipd_store_begin_batch (ro, &error));
  REFUSED_NULL (ipd_store_issue_lookup_code (ro, f->published_id, &error));

  /* what the front desk does do still works */
  found = lookup (ro, code);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_object (&ro);

  after = file_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/front-desk/pbkdf2-vectors", test_pbkdf2_vectors);
  g_test_add_func ("/front-desk/pin-hash", test_pin_hash);
  g_test_add_func ("/front-desk/code-alphabet", test_code_alphabet);
  g_test_add_func ("/front-desk/rate-limit", test_rate_limit);
  g_test_add ("/front-desk/code-finds-unpublished", Fixture, NULL, fixture_set_up, test_code_finds_unpublished, fixture_tear_down);
  g_test_add ("/front-desk/names-in-order", Fixture, NULL, fixture_set_up, test_names_in_order, fixture_tear_down);
  g_test_add ("/front-desk/reissue-revokes", Fixture, NULL, fixture_set_up, test_reissue_revokes, fixture_tear_down);
  g_test_add ("/front-desk/trashed-not-found", Fixture, NULL, fixture_set_up, test_trashed_not_found, fixture_tear_down);
  g_test_add ("/front-desk/public-fields", Fixture, NULL, fixture_set_up, test_public_fields, fixture_tear_down);
  g_test_add ("/front-desk/sentence-without-next-step", Fixture, NULL, fixture_set_up, test_sentence_without_next_step, fixture_tear_down);
  g_test_add ("/front-desk/pin-stored-hashed", Fixture, NULL, fixture_set_up, test_pin_stored_hashed, fixture_tear_down);
  g_test_add ("/front-desk/pin-set-async", Fixture, NULL, fixture_set_up, test_pin_set_async, fixture_tear_down);
  g_test_add ("/front-desk/read-only-refuses-writes", Fixture, NULL, fixture_set_up, test_read_only_refuses_writes, fixture_tear_down);

  return g_test_run ();
}
