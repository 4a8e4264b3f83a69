/* test-admin-units.c — the list of administrative units and statistics by
 * current unit, with former communes, districts and provinces mapped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ipd-admin-units.h"
#include "ipd-error.h"
#include "ipd-store.h"
#include "ipd-test-util.h"
#include "ipd-vocabulary.h"

#define HEADER "province\tcommune\tformer_commune\tformer_district\tformer_province\n"

/* A small list shaped like the 2025 one: Phong Thổ absorbed two former
 * communes; "Xã Mường So" of two former districts went to two communes;
 * Yên Bái's Xã Âu Lâu went to Lào Cai; "Xã Hoà Bình" was split. */
static const char fixture[] =
  HEADER
  "Tỉnh Lai Châu\tXã Phong Thổ\tThị trấn Phong Thổ\tHuyện Phong Thổ\tTỉnh Lai Châu\n"
  "Tỉnh Lai Châu\tXã Phong Thổ\tXã Mường So\tHuyện Phong Thổ\tTỉnh Lai Châu\n"
  "Tỉnh Lai Châu\tXã Sìn Hồ\tXã Mường So\tHuyện Sìn Hồ\tTỉnh Lai Châu\n"
  "Tỉnh Lai Châu\tPhường Tân Phong\tPhường Tân Phong\tThành phố Lai Châu\tTỉnh Lai Châu\n"
  "Tỉnh Lai Châu\tXã Tân Uyên\tXã Hoà Bình\tHuyện Tân Uyên\tTỉnh Lai Châu\n"
  "Tỉnh Lai Châu\tXã Than Uyên\tXã Hoà Bình\tHuyện Tân Uyên\tTỉnh Lai Châu\n"
  "Tỉnh Lào Cai\tPhường Âu Lâu\tXã Âu Lâu\tThành phố Yên Bái\tTỉnh Yên Bái\n"
  "Tỉnh Lào Cai\tPhường Yên Bái\tPhường Yên Ninh\tThành phố Yên Bái\tTỉnh Yên Bái\n";

static GBytes *
fixture_bytes (void)
{
  return g_bytes_new_static (fixture, sizeof fixture - 1);
}

static void
test_place_keys (void)
{
  static const struct { const char *a, *b; IpdPlaceLevel level; gboolean same; } cases[] = {
    { "Xã Hòa Bình", "Xã Hoà Bình", IPD_PLACE_COMMUNE, TRUE },        /* tone mark placed two ways */
    { "Phường Thủy Châu", "phường  thuỷ châu ", IPD_PLACE_COMMUNE, TRUE },
    { "Xã Tân Thạnh", "Xã Tân Thành", IPD_PLACE_COMMUNE, FALSE },      /* two communes of one province */
    { "Xã Đông Quang", "Xã Đồng Quang", IPD_PLACE_COMMUNE, FALSE },
    { "Tỉnh Lai Châu", "Lai Châu", IPD_PLACE_PROVINCE, TRUE },
    { "Thành phố Cần Thơ", "TP. Cần Thơ", IPD_PLACE_PROVINCE, TRUE },
    { "Tỉnh Lai Châu", "Lai Châu", IPD_PLACE_COMMUNE, FALSE },         /* the prefix only for provinces */
    { "Xã Hoàng Hóa", "XÃ HOÀNG HOÁ", IPD_PLACE_COMMUNE, TRUE },       /* "oàng": the mark stays on a */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = ipd_place_key (cases[i].a, cases[i].level);
      g_autofree char *b = ipd_place_key (cases[i].b, cases[i].level);

      g_test_message ("%s → %s, %s → %s", cases[i].a, a, cases[i].b, b);
      g_assert_cmpint (g_str_equal (a, b), ==, cases[i].same);
    }
  {
    g_autofree char *none = ipd_place_key ("   ", IPD_PLACE_COMMUNE);
    g_autofree char *null = ipd_place_key (NULL, IPD_PLACE_PROVINCE);
    g_assert_cmpstr (none, ==, "");
    g_assert_cmpstr (null, ==, "");
  }
}

static void
assert_parse_fails (const char *text, gsize length, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = ipd_admin_units_parse (text, length, &error);

  g_assert_null (units);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_test_message ("%s", error->message);
  if (expected != NULL)
    g_assert_nonnull (strstr (error->message, expected));
}

static void
test_parse_errors (void)
{
  static const char wrong_header[] = "tinh\txa\n" "Tỉnh Lai Châu\tXã Phong Thổ\n";
  static const char short_row[] = HEADER "Tỉnh Lai Châu\tXã Phong Thổ\tX\n";
  static const char no_commune[] = HEADER "Tỉnh Lai Châu\t  \t\t\t\n";
  static const char latin1[] = HEADER "T\xe1nh\tX\xe3\t\t\t\n";
  static const char only_header[] = HEADER "\n";

  assert_parse_fails (wrong_header, strlen (wrong_header), "province");
  assert_parse_fails (short_row, strlen (short_row), "2");     /* the line's number */
  assert_parse_fails (no_commune, strlen (no_commune), "2");
  assert_parse_fails (latin1, strlen (latin1), "UTF-8");
  assert_parse_fails (only_header, strlen (only_header), NULL);
  assert_parse_fails ("", 0, NULL);
  assert_parse_fails ("PK\3\4\0\0binary", 12, NULL);
}

static void
test_parse_bom_crlf_nfd (void)
{
  g_autoptr(GString) text = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nfd = g_utf8_normalize ("Tỉnh Lai Châu", -1, G_NORMALIZE_NFD);
  IpdAdminUnit *unit;

  g_string_append (text, "province\tcommune\tformer_commune\tformer_district\tformer_province\r\n");
  g_string_append_printf (text, "%s\tXã Phong Thổ\t\t\t\r\n", nfd);
  units = ipd_admin_units_parse (text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (units->len, ==, 1);
  unit = units->pdata[0];
  g_assert_cmpstr (unit->province, ==, "Tỉnh Lai Châu");    /* stored composed */
  g_assert_cmpstr (unit->commune, ==, "Xã Phong Thổ");
  g_assert_null (unit->former_commune);
}

/* Looks a name up in the mappings as the statistics' SQL does. */
static const IpdPlaceMapping *
find_mapping (GPtrArray *mappings, const char *province, const char *commune, const char *written)
{
  g_autofree char *pk = ipd_place_key (province, IPD_PLACE_PROVINCE);
  g_autofree char *ck = ipd_place_key (commune, IPD_PLACE_COMMUNE);
  g_autofree char *text = ipd_place_key (written, IPD_PLACE_TEXT);
  const IpdPlaceMapping *found = NULL;

  for (guint i = 0; i < mappings->len; i++)
    {
      const IpdPlaceMapping *m = mappings->pdata[i];

      if (g_str_equal (m->province_key, pk) && g_str_equal (m->commune_key, ck)
          && (*m->district_key == '\0' || strstr (text, m->district_key) != NULL)
          && (found == NULL || *found->district_key != '\0'))
        found = m;
    }
  return found;
}

static void
assert_maps_to (GPtrArray *mappings, const char *province, const char *commune,
                const char *written, const char *to_province, const char *to_commune)
{
  const IpdPlaceMapping *m = find_mapping (mappings, province, commune, written);

  if (to_province == NULL)
    {
      g_assert_null (m);
      return;
    }
  g_assert_nonnull (m);
  g_assert_cmpstr (m->province, ==, to_province);
  g_assert_cmpstr (m->commune, ==, to_commune);
}

static void
test_mappings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = ipd_admin_units_parse (fixture, sizeof fixture - 1, &error);
  g_autoptr(GPtrArray) mappings = NULL;

  g_assert_no_error (error);
  mappings = ipd_admin_units_mappings (units);
  /* current units, also as written without "Tỉnh" */
  assert_maps_to (mappings, "Tỉnh Lai Châu", "Xã Phong Thổ", NULL, "Tỉnh Lai Châu", "Xã Phong Thổ");
  assert_maps_to (mappings, "Lai Châu", "xã phong thổ", NULL, "Tỉnh Lai Châu", "Xã Phong Thổ");
  /* a former commune that went into one current commune */
  assert_maps_to (mappings, "Tỉnh Lai Châu", "Thị trấn Phong Thổ", NULL, "Tỉnh Lai Châu", "Xã Phong Thổ");
  /* a former province and its commune */
  assert_maps_to (mappings, "Tỉnh Yên Bái", "Xã Âu Lâu", NULL, "Tỉnh Lào Cai", "Phường Âu Lâu");
  assert_maps_to (mappings, "Tỉnh Yên Bái", NULL, NULL, "Tỉnh Lào Cai", NULL);
  /* one name in two districts: the address's district decides */
  assert_maps_to (mappings, "Tỉnh Lai Châu", "Xã Mường So", "Xã Mường So, huyện Sìn Hồ",
                  "Tỉnh Lai Châu", "Xã Sìn Hồ");
  assert_maps_to (mappings, "Tỉnh Lai Châu", "Xã Mường So", "Xã Mường So, Huyện Phong Thổ",
                  "Tỉnh Lai Châu", "Xã Phong Thổ");
  assert_maps_to (mappings, "Tỉnh Lai Châu", "Xã Mường So", "Xã Mường So", NULL, NULL);
  /* a commune split in two: no guess, even with its district */
  assert_maps_to (mappings, "Tỉnh Lai Châu", "Xã Hòa Bình", "Xã Hòa Bình, huyện Tân Uyên", NULL, NULL);
  /* a current name that was also a former one stays itself */
  assert_maps_to (mappings, "Tỉnh Lai Châu", "Phường Tân Phong", NULL, "Tỉnh Lai Châu", "Phường Tân Phong");
}

/* Registers */

typedef struct {
  char     *dir;
  char     *path;
  IpdStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = ipd_test_make_dir ("ipd-units-XXXXXX");
  f->path = g_build_filename (f->dir, "register.sqlite", NULL);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
import_fixture (Fixture *f)
{
  g_autoptr(GBytes) bytes = fixture_bytes ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_import_admin_units (f->store, "units.tsv", bytes, &error));
  g_assert_no_error (error);
}

/* A dossier whose applicant lives at @address in @commune, @province. */
static void
add_dossier (Fixture *f, const char *name, const char *address, const char *commune,
             const char *province)
{
  g_autoptr(IpdParty) party = ipd_party_new (name, "cooperative");
  g_autoptr(IpdDossier) dossier = ipd_dossier_new (IPD_KIND_COLLECTIVE, name);
  g_autoptr(GError) error = NULL;

  party->address = g_strdup (address);
  party->commune = g_strdup (commune);
  party->province = g_strdup (province);
  g_assert_true (ipd_store_save_party (f->store, party, &error));
  g_assert_no_error (error);
  ipd_dossier_add_party (dossier, party->id, IPD_ROLE_APPLICANT, name);
  g_assert_true (ipd_store_save_dossier (f->store, dossier, &error));
  g_assert_no_error (error);
}

static const IpdStatRow *
find_row (GPtrArray *rows, const char *key, const char *key2)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const IpdStatRow *row = rows->pdata[i];

      if (g_strcmp0 (row->key, key) == 0 && g_strcmp0 (row->key2, key2) == 0)
        return row;
    }
  return NULL;
}

static void
assert_stat (GPtrArray *rows, const char *key, const char *key2, gint64 count, gint64 value)
{
  const IpdStatRow *row = find_row (rows, key, key2);

  g_assert_nonnull (row);
  g_assert_cmpint (row->count, ==, count);
  g_assert_cmpint (row->value, ==, value);
}

static GPtrArray *
statistics (Fixture *f, IpdStatistic statistic)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = ipd_store_statistics (f->store, statistic, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
add_sample_dossiers (Fixture *f)
{
  add_dossier (f, "HTX Phong Thổ", "Thị trấn Phong Thổ, huyện Phong Thổ", "Thị trấn Phong Thổ", "Tỉnh Lai Châu");
  add_dossier (f, "HTX Mường So", "Xã Mường So, huyện Sìn Hồ, tỉnh Lai Châu", "Xã Mường So", "Tỉnh Lai Châu");
  add_dossier (f, "HTX Âu Lâu", "Xã Âu Lâu, thành phố Yên Bái", "Xã Âu Lâu", "Tỉnh Yên Bái");
  add_dossier (f, "HTX Yên Bái", "Tỉnh Yên Bái", NULL, "Tỉnh Yên Bái");
  add_dossier (f, "HTX Tân Phong", "Phường Tân Phong", "Phường Tân Phong", "Tỉnh Lai Châu");
  add_dossier (f, "HTX Hòa Bình", "Xã Hòa Bình", "Xã Hòa Bình", "Tỉnh Lai Châu");
}

static void
test_statistics_by_current_unit (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) communes = NULL;
  g_autoptr(GPtrArray) provinces = NULL;

  import_fixture (f);
  add_sample_dossiers (f);
  communes = statistics (f, IPD_STAT_COMMUNE);
  assert_stat (communes, "Tỉnh Lai Châu", "Xã Phong Thổ", 1, 0);
  assert_stat (communes, "Tỉnh Lai Châu", "Xã Sìn Hồ", 1, 0);
  assert_stat (communes, "Tỉnh Lai Châu", "Phường Tân Phong", 1, 0);
  assert_stat (communes, "Tỉnh Lai Châu", "Xã Hòa Bình", 1, 1);    /* split: kept as written */
  assert_stat (communes, "Tỉnh Lào Cai", "Phường Âu Lâu", 1, 0);
  assert_stat (communes, "Tỉnh Lào Cai", NULL, 1, 0);              /* the province alone */
  g_assert_cmpuint (communes->len, ==, 6);

  provinces = statistics (f, IPD_STAT_PROVINCE);
  assert_stat (provinces, "Tỉnh Lai Châu", NULL, 4, 0);
  assert_stat (provinces, "Tỉnh Lào Cai", NULL, 2, 0);
  g_assert_null (find_row (provinces, "Tỉnh Yên Bái", NULL));
  g_assert_cmpuint (provinces->len, ==, 2);
}

static void
test_statistics_without_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) communes = NULL;
  g_autoptr(GPtrArray) provinces = NULL;
  g_autoptr(GError) error = NULL;

  add_sample_dossiers (f);
  g_assert_cmpint (ipd_store_count_listed_communes (f->store, &error), ==, 0);
  communes = statistics (f, IPD_STAT_COMMUNE);
  /* names as written, every commune marked unmapped */
  assert_stat (communes, "Tỉnh Lai Châu", "Thị trấn Phong Thổ", 1, 1);
  assert_stat (communes, "Tỉnh Yên Bái", "Xã Âu Lâu", 1, 1);
  assert_stat (communes, "Tỉnh Yên Bái", NULL, 1, 0);
  provinces = statistics (f, IPD_STAT_PROVINCE);
  assert_stat (provinces, "Tỉnh Yên Bái", NULL, 2, 0);
}

static gint64
sql_count (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_import_replaces_and_is_audited (Fixture *f, gconstpointer data)
{
  static const char second[] = HEADER "Tỉnh Điện Biên\tXã Nậm Kè\tXã Nậm Kè\tHuyện Mường Nhé\tTỉnh Điện Biên\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (second, sizeof second - 1);
  g_autoptr(GError) error = NULL;

  import_fixture (f);
  g_assert_cmpint (ipd_store_count_listed_communes (f->store, &error), ==, 7);
  g_assert_true (ipd_store_import_admin_units (f->store, "dien-bien.tsv", bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipd_store_count_listed_communes (f->store, &error), ==, 1);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM admin_unit"), ==, 1);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM place_map WHERE province = 'Tỉnh Lai Châu'"), ==, 0);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM audit WHERE table_name = 'admin_unit_import'"), ==, 2);
  g_assert_true (ipd_store_verify_audit (f->store, NULL, &error));
  g_assert_no_error (error);
}

static void
test_bad_import_keeps_list (Fixture *f, gconstpointer data)
{
  static const char bad[] = HEADER "Tỉnh Điện Biên\tXã Nậm Kè\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad, sizeof bad - 1);
  g_autoptr(GError) error = NULL;

  import_fixture (f);
  g_assert_false (ipd_store_import_admin_units (f->store, "bad.tsv", bytes, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ipd_store_count_listed_communes (f->store, &error), ==, 7);
  g_assert_cmpint (sql_count (f->path, "SELECT count(*) FROM admin_unit_import"), ==, 1);
}

static void
test_read_only_refuses_import (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdStore) reader = NULL;
  g_autoptr(GBytes) bytes = fixture_bytes ();
  g_autoptr(GError) error = NULL;

  reader = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (ipd_store_import_admin_units (reader, "units.tsv", bytes, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (ipd_store_count_listed_communes (f->store, &error), ==, 0);
}

/* The real list of 2025 (tests may read it from ../shared/data). */
static void
test_real_list (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "shared", "data",
                                                 "vn-admin-units-2025.tsv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) communes = NULL;
  g_autoptr(GError) error = NULL;

  if ((bytes = g_file_load_bytes (file, NULL, NULL, NULL)) == NULL)
    {
      g_test_skip ("../shared/data/vn-admin-units-2025.tsv is not here");
      return;
    }
  g_assert_true (ipd_store_import_admin_units (f->store, "vn-admin-units-2025.tsv", bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ipd_store_count_listed_communes (f->store, &error), ==, 3315);
  g_assert_cmpint (sql_count (f->path, "SELECT count(DISTINCT commune) FROM admin_unit WHERE province = 'Tỉnh Lai Châu'"), ==, 38);

  /* Bắc Kạn went into Thái Nguyên; Yên Bái into Lào Cai. */
  add_dossier (f, "HTX Bắc Kạn", "Tỉnh Bắc Kạn", NULL, "Tỉnh Bắc Kạn");
  add_dossier (f, "HTX Yên Bái", "Tỉnh Yên Bái", NULL, "Tỉnh Yên Bái");
  communes = statistics (f, IPD_STAT_COMMUNE);
  assert_stat (communes, "Tỉnh Thái Nguyên", NULL, 1, 0);
  assert_stat (communes, "Tỉnh Lào Cai", NULL, 1, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/units/place-keys", test_place_keys);
  g_test_add_func ("/units/parse-errors", test_parse_errors);
  g_test_add_func ("/units/parse-bom-crlf-nfd", test_parse_bom_crlf_nfd);
  g_test_add_func ("/units/mappings", test_mappings);
#define ADD_OPEN(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD_OPEN ("/units/statistics-by-current-unit", test_statistics_by_current_unit);
  ADD_OPEN ("/units/statistics-without-list", test_statistics_without_list);
  ADD_OPEN ("/units/import-replaces-and-is-audited", test_import_replaces_and_is_audited);
  ADD_OPEN ("/units/bad-import-keeps-list", test_bad_import_keeps_list);
  ADD_OPEN ("/units/read-only-refuses-import", test_read_only_refuses_import);
  ADD_OPEN ("/units/real-list", test_real_list);
#undef ADD_OPEN
  return g_test_run ();
}
