/* test-cli.c — ipdossiers-cli end to end, checked with independent readers
 *
 * The CLI runs as a subprocess; its JSON is read with json-glib and the
 * register with the sqlite3 program, not with our own store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <json-glib/json-glib.h>

#include "ipd-test-pdf.h"
#include "ipd-test-util.h"

typedef struct {
  char *directory;
  char *db;
} Fixture;

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static Result *
run_argv_in (const char *const *argv, const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                      | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  Result *result = g_new0 (Result, 1);

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  g_subprocess_launcher_unsetenv (launcher, "IPDOSSIERS_DB");
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);
  return result;
}

static Result *
run_argv (const char *const *argv)
{
  return run_argv_in (argv, "C");
}

/* ipdossiers-cli --db DB ARGS… */
static Result *
cli (Fixture *f, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("IPD_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  va_start (args, f);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return run_argv ((const char *const *) argv->pdata);
}

/* One value from the register, read by the sqlite3 program. */
static char *
sqlite_value (const char *db, const char *sql)
{
  const char *argv[] = { g_getenv ("IPD_SQLITE3"), "-batch", "-noheader", db, sql, NULL };
  g_autoptr(Result) result = run_argv (argv);

  g_assert_cmpint (result->status, ==, 0);
  return g_strdup (g_strstrip (result->out));
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  if (g_getenv ("IPD_CLI") == NULL || g_getenv ("IPD_SQLITE3") == NULL)
    {
      g_test_skip ("IPD_CLI and IPD_SQLITE3 are set by meson test");
      return;
    }
  f->directory = ipd_test_make_dir ("ipd-cli-XXXXXX");
  f->db = g_build_filename (f->directory, "register.sqlite", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
  g_free (f->db);
}

#define SKIP_IF_UNSET(f) G_STMT_START { if ((f)->db == NULL) return; } G_STMT_END

static void
test_demo_list_search (Fixture *f, gconstpointer data)
{
  g_autoptr(Result) init = NULL, demo = NULL, again = NULL, list = NULL, search = NULL, gi = NULL;
  g_autoptr(JsonNode) rows = NULL, found = NULL, gis = NULL;
  g_autofree char *count = NULL;
  JsonArray *array;

  SKIP_IF_UNSET (f);
  init = cli (f, "init", "--prefix", "LCU", NULL);
  g_assert_cmpint (init->status, ==, 0);
  demo = cli (f, "demo", NULL);
  g_assert_cmpint (demo->status, ==, 0);
  again = cli (f, "demo", NULL);
  g_assert_cmpint (again->status, ==, 1);
  g_assert_true (strstr (again->err, "already") != NULL);

  count = sqlite_value (f->db, "SELECT count(*) FROM dossier");
  list = cli (f, "list", "--json", NULL);
  g_assert_cmpint (list->status, ==, 0);
  rows = parse_json (list->out);
  array = json_node_get_array (rows);
  g_assert_cmpuint (json_array_get_length (array), ==, g_ascii_strtoull (count, NULL, 10));
  g_assert_cmpuint (json_array_get_length (array), ==, 11);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (array, 0), "reference"), "LCU-"));

  /* Accent-free and đ-free search finds the GI "Lai Châu" and the certification mark. */
  search = cli (f, "--json", "search", "lai chau", NULL);
  g_assert_cmpint (search->status, ==, 0);
  found = parse_json (search->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (found)), >=, 3);

  gi = cli (f, "list", "--kind", "gi", "--json", NULL);
  gis = parse_json (gi->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (gis)), ==, 3);
}

static void
test_add_show_event (Fixture *f, gconstpointer data)
{
  g_autoptr(Result) add = NULL, show = NULL, event = NULL, search = NULL;
  g_autoptr(JsonNode) dossier = NULL, found = NULL;
  g_autofree char *status = NULL, *name = NULL;
  JsonObject *object;
  char *reference;

  SKIP_IF_UNSET (f);
  add = cli (f, "add", "--kind", "trademark", "--name", "Cà phê Đà Lạt", "--app-number", "4-2024-00001",
             "--filing-date", "12/03/2024", "--class", "30=Cà phê", "--applicant", "HTX Cà phê Cầu Đất",
             "--amount", "60.000.000", NULL);
  g_assert_cmpint (add->status, ==, 0);
  reference = g_strstrip (add->out);
  g_assert_true (g_regex_match_simple ("^IPD-[0-9]{4}-[0-9]{4}$", reference, 0, 0));

  name = sqlite_value (f->db, "SELECT name FROM dossier");
  g_assert_cmpstr (name, ==, "Cà phê Đà Lạt");

  event = cli (f, "event", "add", reference, "--type", "filed", "--date", "12/03/2024", NULL);
  g_assert_cmpint (event->status, ==, 0);
  status = sqlite_value (f->db, "SELECT status FROM dossier");
  g_assert_cmpstr (status, ==, "filed");

  show = cli (f, "show", reference, "--json", NULL);
  g_assert_cmpint (show->status, ==, 0);
  dossier = parse_json (show->out);
  object = json_node_get_object (dossier);
  g_assert_cmpstr (json_object_get_string_member (object, "filing_date"), ==, "2024-03-12");
  g_assert_cmpstr (json_object_get_string_member (object, "expiry_date"), ==, "2034-03-12");
  g_assert_cmpint (json_object_get_int_member (object, "support_amount"), ==, 60000000);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "events")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (object, "parties"), 0), "name"),
                   ==, "HTX Cà phê Cầu Đất");

  search = cli (f, "search", "--json", "da", "lat", NULL);
  found = parse_json (search->out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (found)), ==, 1);
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  const char *bad[][8] = {
    { "add", "--kind", "trademark", "--name", "X", "--app-number", "4-25-1", NULL },
    { "add", "--kind", "trademark", "--name", "X", "--filing-date", "31/02/2026", NULL },
    { "add", "--kind", "trademark", "--name", "X", "--class", "46", NULL },
    { "add", "--kind", "trademark", "--name", "X", "--class", "abc", NULL },
    { "add", "--kind", "trademark", "--name", "X", "--amount", "60,5tr", NULL },
    { "add", "--kind", "patent", "--name", "X", NULL },
    { "add", "--name", "X", NULL },
    { "show", "NO-SUCH-REF", NULL },
  };
  const char *fields[] = { "Application number", "Filing date", "Nice classes", "Nice classes",
                           "Support amount", "Kind", "--kind", "NO-SUCH-REF" };
  g_autoptr(Result) init = NULL, unknown = NULL, help = NULL;
  g_autofree char *count = NULL, *parties = NULL;

  SKIP_IF_UNSET (f);
  init = cli (f, "init", NULL);
  g_assert_cmpint (init->status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Result) result = cli (f, bad[i][0], bad[i][1], bad[i][2], bad[i][3], bad[i][4],
                                      bad[i][5], bad[i][6], bad[i][7], NULL);
      g_assert_cmpint (result->status, ==, 1);
      g_assert_true (strstr (result->err, fields[i]) != NULL);
    }
  count = sqlite_value (f->db, "SELECT count(*) FROM dossier");
  g_assert_cmpstr (count, ==, "0");
  parties = sqlite_value (f->db, "SELECT count(*) FROM party");
  g_assert_cmpstr (parties, ==, "0");

  /* the numbering is data an office can correct */
  {
    g_autoptr(Result) bad_pattern = cli (f, "number-format", "gi", "^6-[0-9", "6-2023-00012", NULL);
    g_autoptr(Result) bad_example = cli (f, "number-format", "gi", "^6-[0-9]{4}$", "6-2023-00012", NULL);
    g_autoptr(Result) set = cli (f, "number-format", "gi", "^GI-[0-9]{4}-[0-9]{3}$", "GI-2024-001", NULL);
    g_autoptr(Result) accepted = cli (f, "add", "--kind", "gi", "--name", "Sâm Ngọc Linh", "--app-number", "GI-2024-017", NULL);
    g_autoptr(Result) refused = cli (f, "add", "--kind", "gi", "--name", "Quế Văn Yên", "--app-number", "6-2024-00017", NULL);

    g_assert_cmpint (bad_pattern->status, ==, 1);
    g_assert_cmpint (bad_example->status, ==, 1);
    g_assert_cmpint (set->status, ==, 0);
    g_assert_cmpint (accepted->status, ==, 0);
    g_assert_cmpint (refused->status, ==, 1);
    g_assert_nonnull (strstr (refused->err, "GI-2024-001"));
  }

  unknown = cli (f, "frobnicate", NULL);
  g_assert_cmpint (unknown->status, ==, 1);
  help = cli (f, "--help", NULL);
  g_assert_cmpint (help->status, ==, 0);
  g_assert_true (strstr (help->out, "generate") != NULL);
}

static void
test_attach_backup_check (Fixture *f, gconstpointer data)
{
  static const char pdf[] = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  g_autofree char *file = g_build_filename (f->directory ? f->directory : "", "scan.txt", NULL);
  g_autofree char *backup_path = g_build_filename (f->directory ? f->directory : "", "backup.sqlite", NULL);
  g_autoptr(Result) add = NULL, first = NULL, second = NULL, backup = NULL, check = NULL, tampered = NULL;
  g_autofree char *blobs = NULL, *mime = NULL, *integrity = NULL, *copied = NULL;
  char *reference;

  SKIP_IF_UNSET (f);
  add = cli (f, "add", "--kind", "gi", "--name", "Mường Ảng", "--product", "Cà phê", NULL);
  g_assert_cmpint (add->status, ==, 0);
  reference = g_strstrip (add->out);

  g_assert_true (g_file_set_contents (file, pdf, -1, NULL));
  first = cli (f, "attach", reference, file, "--type", "map", NULL);
  g_assert_cmpint (first->status, ==, 0);
  second = cli (f, "attach", reference, file, NULL);
  g_assert_cmpint (second->status, ==, 0);
  blobs = sqlite_value (f->db, "SELECT count(*) FROM blob");
  g_assert_cmpstr (blobs, ==, "1");
  mime = sqlite_value (f->db, "SELECT DISTINCT mime_type FROM attachment");
  g_assert_cmpstr (mime, ==, "application/pdf");

  backup = cli (f, "backup", backup_path, NULL);
  g_assert_cmpint (backup->status, ==, 0);
  integrity = sqlite_value (backup_path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  copied = sqlite_value (backup_path, "SELECT name FROM dossier");
  g_assert_cmpstr (copied, ==, "Mường Ảng");

  check = cli (f, "check", NULL);
  g_assert_cmpint (check->status, ==, 0);

  /* Somebody edits the log behind the program's back. */
  g_free (sqlite_value (f->db, "DROP TRIGGER audit_is_append_only_update;"
                               " UPDATE audit SET new_values = '{}' WHERE id = 2;"));
  tampered = cli (f, "check", NULL);
  g_assert_cmpint (tampered->status, ==, 1);
  g_assert_true (strstr (tampered->err, "audit log") != NULL);
}

static void
test_refuses_foreign_files (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->directory ? f->directory : "", "notes.sqlite", NULL);
  g_autoptr(Result) init = NULL, newer = NULL, not_db = NULL;
  g_autofree char *before = NULL, *after = NULL, *text_before = NULL, *text_after = NULL;
  char *saved_db;

  SKIP_IF_UNSET (f);
  init = cli (f, "init", NULL);
  g_assert_cmpint (init->status, ==, 0);
  g_free (sqlite_value (f->db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;"));
  before = file_sha256 (f->db);
  newer = cli (f, "list", NULL);
  g_assert_cmpint (newer->status, ==, 1);
  g_assert_true (strstr (newer->err, "newer version") != NULL);
  after = file_sha256 (f->db);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (g_file_set_contents (text, "Đây là ghi chú, không phải cơ sở dữ liệu.\n", -1, NULL));
  text_before = file_sha256 (text);
  saved_db = f->db;
  f->db = text;
  not_db = cli (f, "list", NULL);
  f->db = saved_db;
  g_assert_cmpint (not_db->status, ==, 1);
  g_assert_true (strstr (not_db->err, "not an IP Dossiers register") != NULL);
  text_after = file_sha256 (text);
  g_assert_cmpstr (text_before, ==, text_after);
}

static void
test_generate_is_reproducible (Fixture *f, gconstpointer data)
{
  g_autofree char *other = g_build_filename (f->directory ? f->directory : "", "other.sqlite", NULL);
  g_autoptr(Result) one = NULL, two = NULL, check = NULL;
  g_autofree char *names_one = NULL, *names_two = NULL, *events = NULL, *kinds = NULL;
  char *saved_db;

  SKIP_IF_UNSET (f);
  one = cli (f, "generate", "--dossiers", "200", "--seed", "7", NULL);
  g_assert_cmpint (one->status, ==, 0);
  saved_db = f->db;
  f->db = other;
  two = cli (f, "generate", "--dossiers", "200", "--seed", "7", NULL);
  f->db = saved_db;
  g_assert_cmpint (two->status, ==, 0);

  names_one = sqlite_value (f->db, "SELECT group_concat(name || app_number, '|') FROM (SELECT * FROM dossier ORDER BY id)");
  names_two = sqlite_value (other, "SELECT group_concat(name || app_number, '|') FROM (SELECT * FROM dossier ORDER BY id)");
  g_assert_cmpstr (names_one, ==, names_two);

  /* All four kinds, several statuses, several events per dossier. */
  kinds = sqlite_value (f->db, "SELECT count(DISTINCT kind) || ',' || (count(DISTINCT status) >= 5) FROM dossier");
  g_assert_cmpstr (kinds, ==, "4,1");
  events = sqlite_value (f->db, "SELECT (SELECT count(*) FROM event) >= 3 * (SELECT count(*) FROM dossier)");
  g_assert_cmpstr (events, ==, "1");

  check = cli (f, "check", NULL);
  g_assert_cmpint (check->status, ==, 0);
}

/* agenda ----------------------------------------------------------------------------- */

/* dd/mm/yyyy, @days from today */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%d/%m/%Y");
}

static char *
add_filed (Fixture *f, const char *kind, const char *name, const char *officer, int days_ago)
{
  g_autofree char *date = day_from_today (-days_ago);
  g_autoptr(Result) add = cli (f, "add", "--kind", kind, "--name", name, "--officer", officer,
                               "--filing-date", date, NULL);
  g_autoptr(Result) event = NULL;
  char *reference;

  g_assert_cmpint (add->status, ==, 0);
  reference = g_strdup (g_strstrip (add->out));
  event = cli (f, "event", "add", reference, "--type", "filed", "--date", date, NULL);
  g_assert_cmpint (event->status, ==, 0);
  return reference;
}

static JsonArray *
agenda_json (Fixture *f, JsonNode **root, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(Result) result = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("IPD_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (gpointer) "agenda");
  g_ptr_array_add (argv, (gpointer) "--json");
  va_start (args, root);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  result = run_argv ((const char *const *) argv->pdata);
  g_assert_cmpint (result->status, ==, 0);
  *root = parse_json (result->out);
  return json_node_get_array (*root);
}

static void
test_agenda (Fixture *f, gconstpointer data)
{
  g_autofree char *soon = NULL, *late = NULL, *gi = NULL, *later = NULL, *count = NULL;
  g_autoptr(JsonNode) all = NULL, hoa = NULL, gis = NULL;
  g_autoptr(Result) text = NULL, help = NULL;
  JsonArray *tasks;
  const char *previous_due = "";

  SKIP_IF_UNSET (f);
  soon = add_filed (f, "trademark", "Chè Tân Cương", "Hoa", 20);      /* due in about 10 days */
  late = add_filed (f, "collective", "Gạo Séng Cù", "Đức", 45);       /* overdue */
  gi = add_filed (f, "gi", "Sâm Lai Châu", "Hoa", 3);                 /* due in about 28 days */
  later = add_filed (f, "trademark", "Mận Bắc Hà", "Hoa", 0);        /* due in a month: beyond 30 days? */

  /* the agenda is what the task table holds, read by sqlite3 */
  count = sqlite_value (f->db, "SELECT count(*) FROM task t JOIN dossier d ON d.id = t.dossier_id"
                               " WHERE t.done_date IS NULL AND d.deleted_at IS NULL"
                               " AND t.due_date <= date ('now', 'localtime', '+30 days')");
  tasks = agenda_json (f, &all, "--days", "30", NULL);
  g_assert_cmpuint (json_array_get_length (tasks), ==, g_ascii_strtoull (count, NULL, 10));
  g_assert_cmpuint (json_array_get_length (tasks), >=, 3);
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      JsonObject *task = json_array_get_object_element (tasks, i);
      const char *due = json_object_get_string_member (task, "due_date");

      g_assert_cmpstr (json_object_get_string_member (task, "state"), ==, "open");
      g_assert_cmpstr (json_object_get_string_member (task, "rule_id"), ==, "formality_result");
      g_assert_cmpstr (due, >=, previous_due);
      previous_due = due;
      if (g_str_equal (json_object_get_string_member (task, "reference"), late))
        g_assert_cmpint (json_object_get_int_member (task, "days_left"), <, 0);
      else
        g_assert_cmpint (json_object_get_int_member (task, "days_left"), >=, 0);
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tasks, 0), "reference"), ==, late);

  /* by officer, by kind */
  tasks = agenda_json (f, &hoa, "--officer", "Hoa", NULL);
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tasks, i), "officer"), ==, "Hoa");
  g_assert_cmpuint (json_array_get_length (tasks), >=, 2);
  tasks = agenda_json (f, &gis, "--kind", "gi", NULL);
  g_assert_cmpuint (json_array_get_length (tasks), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tasks, 0), "reference"), ==, gi);

  text = cli (f, "agenda", "--days", "30", NULL);
  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, soon));
  g_assert_nonnull (strstr (text->out, "days late"));
  help = cli (f, "agenda", "--help", NULL);
  g_assert_cmpint (help->status, ==, 0);
  g_assert_nonnull (strstr (help->out, "--ics"));
}

static gboolean
ics_lines_ok (const char *ics)
{
  g_auto(GStrv) lines = NULL;

  if (!g_str_has_suffix (ics, "\r\n"))
    return FALSE;
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strlen (lines[i]) > 75 || strchr (lines[i], '\n') != NULL || strchr (lines[i], '\r') != NULL)
      return FALSE;
  return TRUE;
}

static void
test_agenda_ics (Fixture *f, gconstpointer data)
{
  g_autofree char *ics_path = g_build_filename (f->directory ? f->directory : "", "agenda.ics", NULL);
  g_autofree char *json_path = g_build_filename (f->directory ? f->directory : "", "agenda.json", NULL);
  g_autofree char *missing = g_build_filename (f->directory ? f->directory : "", "no", "such", "dir.ics", NULL);
  g_autofree char *a = NULL, *b = NULL, *ics = NULL, *python = NULL;
  g_autoptr(Result) json = NULL, export = NULL, both = NULL, bad_days = NULL, bad_kind = NULL, failed = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) fold = g_regex_new ("\r\n[ \t]", 0, 0, NULL);
  g_autofree char *unfolded = NULL;
  guint n_events = 0;
  JsonArray *tasks;

  SKIP_IF_UNSET (f);
  a = add_filed (f, "trademark", "Chè Shan tuyết cổ thụ Tả Củ Tỷ, Bắc Hà; loại đặc biệt", "Hoa", 10);
  b = add_filed (f, "certification", "Quế Văn Yên", "Đức", 40);

  json = cli (f, "agenda", "--days", "60", "--json", NULL);
  g_assert_cmpint (json->status, ==, 0);
  root = parse_json (json->out);
  tasks = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (tasks), ==, 2);

  export = cli (f, "agenda", "--days", "60", "--ics", ics_path, NULL);
  g_assert_cmpint (export->status, ==, 0);
  g_assert_nonnull (strstr (export->out, "2 deadlines"));
  g_assert_true (g_file_get_contents (ics_path, &ics, NULL, NULL));
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (ics_lines_ok (ics));

  /* unfolded: one VEVENT per task of the agenda, unique UIDs */
  unfolded = g_regex_replace_literal (fold, ics, -1, 0, "", 0, NULL);
  lines = g_strsplit (unfolded, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        n_events++;
      if (g_str_has_prefix (lines[i], "UID:"))
        g_assert_true (g_hash_table_add (uids, g_strdup (lines[i])));
    }
  g_assert_cmpuint (n_events, ==, json_array_get_length (tasks));
  g_assert_cmpuint (g_hash_table_size (uids), ==, n_events);
  {
    g_autofree char *summary = g_strdup_printf ("SUMMARY:%s – Formality examination result due", a);
    gboolean found = FALSE;
    for (guint i = 0; lines[i] != NULL; i++)
      found |= g_str_equal (lines[i], summary);
    g_assert_true (found);
  }
  /* the name's comma and semicolon are escaped */
  g_assert_nonnull (strstr (unfolded, "Tỷ\\, Bắc Hà\\; loại"));

  /* read by an independent reader (Python's standard library) */
  python = g_find_program_in_path ("python3");
  if (g_getenv ("IPD_CHECK_ICS") != NULL && python != NULL)
    {
      const char *argv[] = { python, g_getenv ("IPD_CHECK_ICS"), ics_path, json_path, NULL };
      g_autoptr(Result) checked = NULL;

      g_assert_true (g_file_set_contents (json_path, json->out, -1, NULL));
      checked = run_argv (argv);
      if (checked->status != 0)
        g_error ("check-ics.py: %s", checked->err);
    }
  else
    g_test_message ("python3 or IPD_CHECK_ICS missing: the export is not read by check-ics.py here");

  /* refused: clear errors, exit 1, no file */
  both = cli (f, "agenda", "--json", "--ics", ics_path, NULL);
  g_assert_cmpint (both->status, ==, 1);
  bad_days = cli (f, "agenda", "--days", "-1", NULL);
  g_assert_cmpint (bad_days->status, ==, 1);
  bad_kind = cli (f, "agenda", "--kind", "patent", NULL);
  g_assert_cmpint (bad_kind->status, ==, 1);
  g_assert_nonnull (strstr (bad_kind->err, "patent"));
  failed = cli (f, "agenda", "--ics", missing, NULL);
  g_assert_cmpint (failed->status, ==, 1);
  g_assert_nonnull (strstr (failed->err, "cannot be written"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Started from the build tree (build-aux/run), the tool finds the
 * catalogue built there and speaks Vietnamese before any install. */
static void
test_speaks_vietnamese_uninstalled (void)
{
  const char *argv[] = { g_getenv ("IPD_CLI"), "--help", NULL };
  g_autoptr(Result) result = NULL;

  g_assert_nonnull (g_getenv ("IPD_LOCALEDIR"));
  result = run_argv_in (argv, "vi");
  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->out, "Cách dùng"));
  g_assert_null (strstr (result->out, "Usage:"));
}

/* --help lines its descriptions up in one column, counting characters
 * ("search TEXT…"), in either language; a usage too long for the column
 * has the description on the next line, in the column. */
static void
assert_help_aligned (const char *language)
{
  const char *argv[] = { g_getenv ("IPD_CLI"), "--help", NULL };
  g_autoptr(Result) result = run_argv_in (argv, language);
  g_auto(GStrv) lines = NULL;
  guint entries = 0;

  g_assert_cmpint (result->status, ==, 0);
  lines = g_strsplit (result->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *column;

      if (!g_str_has_prefix (line, "  ") || g_utf8_strlen (line, -1) <= 31)
        continue;
      column = g_utf8_offset_to_pointer (line, 31);
      if (line[2] == ' ')
        /* a description on its own line: in the column */
        g_assert_cmpuint (strspn (line, " "), ==, 31);
      else if (lines[i + 1] != NULL && g_str_has_prefix (lines[i + 1], "   "))
        /* a usage too wide for the column */
        g_assert_cmpint (g_utf8_strlen (line, -1), >, 30);
      else
        {
          /* "  usage  description": the description starts in the column */
          g_assert_cmpint (column[-1], ==, ' ');
          g_assert_cmpint (*column, !=, ' ');
          entries++;
        }
    }
  g_assert_cmpuint (entries, >=, 15);
  g_assert_nonnull (strstr (result->out, "  search TEXT…                 "));
}

static void
test_help_aligned (void)
{
  assert_help_aligned ("C");
  assert_help_aligned ("vi");
}

/* Documents: attach reports a PDF's pages or its problem, render draws a
 * page; every bad file ends in exit 1 and a message, never a crash. ---------- */

static char *
add_dossier (Fixture *f)
{
  g_autoptr(Result) add = cli (f, "add", "--kind", "gi", "--name", "Phú Quốc", "--product", "Nước mắm", NULL);

  g_assert_cmpint (add->status, ==, 0);
  return g_strdup (g_strstrip (add->out));
}

static char *
corpus_path (Fixture *f, const char *name)
{
  return g_build_filename (f->directory, "corpus", name, NULL);
}

static void
test_attach_pdf (Fixture *f, gconstpointer data)
{
  g_autofree char *reference = NULL;
  g_autofree char *text = NULL, *truncated = NULL, *encrypted = NULL, *zip = NULL;
  g_autofree char *corpus = NULL, *count = NULL, *types = NULL;
  g_autoptr(Result) ok = NULL, damaged = NULL, locked = NULL, office = NULL, json = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  SKIP_IF_UNSET (f);
  corpus = g_build_filename (f->directory, "corpus", NULL);
  ipd_test_pdf_write_corpus (corpus);
  reference = add_dossier (f);
  text = corpus_path (f, "text-3.pdf");
  truncated = corpus_path (f, "truncated.pdf");
  zip = corpus_path (f, "zip.pdf");

  ok = cli (f, "attach", reference, text, NULL);
  g_assert_cmpint (ok->status, ==, 0);
  g_assert_nonnull (strstr (ok->out, "application/pdf"));
  g_assert_nonnull (strstr (ok->out, "3 pages"));
  g_assert_cmpstr (ok->err, ==, "");

  /* a damaged PDF is still one of the dossier's documents: stored, with a warning */
  damaged = cli (f, "attach", reference, truncated, NULL);
  g_assert_cmpint (damaged->status, ==, 0);
  g_assert_nonnull (strstr (damaged->err, "damaged"));
  g_assert_null (strstr (damaged->out, "pages"));

  /* the type comes from the content: a .docx named .pdf */
  office = cli (f, "attach", reference, zip, NULL);
  g_assert_cmpint (office->status, ==, 0);
  g_assert_nonnull (strstr (office->out, "wordprocessingml"));
  g_assert_cmpstr (office->err, ==, "");

  if (ipd_test_pdf_have_qpdf ())
    {
      encrypted = corpus_path (f, "encrypted.pdf");
      locked = cli (f, "attach", reference, encrypted, NULL);
      g_assert_cmpint (locked->status, ==, 0);
      g_assert_nonnull (strstr (locked->err, "password"));
      json = cli (f, "--json", "attach", reference, encrypted, NULL);
      g_assert_cmpint (json->status, ==, 0);
      node = parse_json (json->out);
      object = json_node_get_object (node);
      g_assert_true (json_object_get_null_member (object, "pages"));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "pdf_error"), "code"),
                       ==, "needs-password");
    }
  json_node_unref (g_steal_pointer (&node));
  g_clear_pointer (&json, result_free);
  json = cli (f, "--json", "attach", reference, text, NULL);
  node = parse_json (json->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "pages"), ==, 3);
  g_assert_false (json_object_has_member (json_node_get_object (node), "pdf_error"));

  count = sqlite_value (f->db, "SELECT count(*) FROM attachment");
  g_assert_cmpstr (count, ==, ipd_test_pdf_have_qpdf () ? "6" : "4");
  types = sqlite_value (f->db, "SELECT group_concat(DISTINCT mime_type) FROM attachment WHERE file_name = 'zip.pdf'");
  g_assert_cmpstr (types, ==, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  /* the pages are stored with the document: the two readable copies have
   * 3, the damaged, protected and office files none */
  {
    g_autofree char *readable = sqlite_value (f->db, "SELECT count(*) FROM attachment WHERE page_count = 3");
    g_autofree char *unknown = sqlite_value (f->db, "SELECT count(*) FROM attachment WHERE page_count IS NULL");

    g_assert_cmpstr (readable, ==, "2");
    g_assert_cmpstr (unknown, ==, ipd_test_pdf_have_qpdf () ? "4" : "2");
  }
}

static void
assert_png (const char *path, int width, int height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);
  cairo_surface_destroy (png);
}

/* render SOURCE ARGS… must fail with exit 1 and say @expected. */
static void
assert_render_fails (Fixture *f, const char *expected, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(Result) result = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("IPD_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, (gpointer) "render");
  va_start (args, expected);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  result = run_argv ((const char *const *) argv->pdata);
  g_test_message ("render %s: %d %s", (char *) argv->pdata[4], result->status, result->err);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, expected));
  g_assert_cmpstr (result->out, ==, "");
}

static void
test_render (Fixture *f, gconstpointer data)
{
  g_autofree char *reference = NULL, *corpus = NULL;
  g_autofree char *text = NULL, *truncated = NULL, *random = NULL, *png = NULL, *empty = NULL;
  g_autofree char *encrypted = NULL, *scanned = NULL, *out = NULL, *missing = NULL;
  g_autoptr(Result) page2 = NULL, attach = NULL, by_id = NULL, scan = NULL, unlocked = NULL, from_file = NULL;
  char *password_file = NULL;

  SKIP_IF_UNSET (f);
  corpus = g_build_filename (f->directory, "corpus", NULL);
  ipd_test_pdf_write_corpus (corpus);
  text = corpus_path (f, "text-3.pdf");
  truncated = corpus_path (f, "truncated.pdf");
  random = corpus_path (f, "random.pdf");
  png = corpus_path (f, "png.pdf");
  empty = corpus_path (f, "empty.pdf");
  scanned = corpus_path (f, "scanned-2.pdf");
  missing = corpus_path (f, "missing.pdf");
  out = g_build_filename (f->directory, "page.png", NULL);

  page2 = cli (f, "render", text, "--page", "2", "-o", out, NULL);
  g_assert_cmpint (page2->status, ==, 0);
  g_assert_nonnull (strstr (page2->out, "Page 2 of 3"));
  assert_png (out, 794, 1123);
  g_unlink (out);

  scan = cli (f, "render", scanned, "--page", "2", "--dpi", "36", "--rotate", "90", "-o", out, NULL);
  g_assert_cmpint (scan->status, ==, 0);
  assert_png (out, 421, 298);
  g_unlink (out);

  /* by the register's document number */
  reference = add_dossier (f);
  attach = cli (f, "attach", reference, text, NULL);
  g_assert_cmpint (attach->status, ==, 0);
  by_id = cli (f, "render", "1", "--page", "3", "--dpi", "72", "-o", out, NULL);
  g_assert_cmpint (by_id->status, ==, 0);
  assert_png (out, 595, 842);
  g_unlink (out);

  assert_render_fails (f, "damaged", truncated, "-o", out, NULL);
  assert_render_fails (f, "not a PDF", random, "-o", out, NULL);
  assert_render_fails (f, "not a PDF", png, "-o", out, NULL);
  assert_render_fails (f, "empty", empty, "-o", out, NULL);
  assert_render_fails (f, "no page 4", text, "--page", "4", "-o", out, NULL);
  assert_render_fails (f, "from 1", text, "--page", "0", "-o", out, NULL);
  assert_render_fails (f, "-o PAGE.png", text, NULL);
  assert_render_fails (f, "dpi", text, "--dpi", "0", "-o", out, NULL);
  assert_render_fails (f, "No such file", missing, "-o", out, NULL);
  assert_render_fails (f, "no document number 7", "7", "-o", out, NULL);
  assert_render_fails (f, "quarter turn", text, "--rotate", "45", "-o", out, NULL);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  if (!ipd_test_pdf_have_qpdf ())
    return;
  encrypted = corpus_path (f, "encrypted.pdf");
  assert_render_fails (f, "--password", encrypted, "-o", out, NULL);
  assert_render_fails (f, "password is not correct", encrypted, "--password", "wrong", "-o", out, NULL);
  unlocked = cli (f, "render", encrypted, "--password", "secret", "-o", out, NULL);
  g_assert_cmpint (unlocked->status, ==, 0);
  assert_png (out, 794, 1123);

  /* from a file, out of the process list */
  g_assert_cmpint (g_unlink (out), ==, 0);
  password_file = g_build_filename (f->directory, "password.txt", NULL);
  g_assert_true (g_file_set_contents (password_file, "secret\n", -1, NULL));
  from_file = cli (f, "render", encrypted, "--password-file", password_file, "-o", out, NULL);
  g_assert_cmpint (from_file->status, ==, 0);
  assert_png (out, 794, 1123);
  g_assert_true (g_file_set_contents (password_file, "wrong\n", -1, NULL));
  assert_render_fails (f, "password is not correct", encrypted, "--password-file", password_file, "-o", out, NULL);
  assert_render_fails (f, "not both", encrypted, "--password-file", password_file, "--password", "secret",
                       "-o", out, NULL);
  g_free (password_file);
  password_file = g_build_filename (f->directory, "missing.txt", NULL);
  assert_render_fails (f, "missing.txt", encrypted, "--password-file", password_file, "-o", out, NULL);
  g_free (password_file);
}

/* In a user and mount namespace of its own (no root needed), a tmpfs of
 * 8 KiB holding an earlier page.png; the page rendered into it does not
 * fit. The folder is listed and the earlier file shown from inside the
 * namespace, the only place the tmpfs is seen. */
static const char in_full_folder[] =
  "mount -t tmpfs -o size=8k tmpfs \"$1\" || exit 99; echo earlier > \"$1/page.png\"; "
  "folder=$1; shift; \"$@\"; status=$?; ls -A \"$folder\"; cat \"$folder/page.png\"; exit $status";

static gboolean
namespaces_work (void)
{
  const char *argv[] = { "unshare", "--user", "--map-root-user", "--mount", "true", NULL };
  int status = -1;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                       | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
         && g_spawn_check_wait_status (status, NULL);
}

/* A full disk: a clear error naming the file, and the earlier file kept
 * (cairo's writer left half a PNG; GLib's g_file_replace_contents() put
 * it in the earlier file's place). */
static void
test_render_full_disk (Fixture *f, gconstpointer data)
{
  g_autofree char *corpus = NULL, *text = NULL, *full = NULL, *out = NULL, *expected = NULL;
  g_autoptr(Result) result = NULL;

  SKIP_IF_UNSET (f);
  if (!namespaces_work ())
    {
      g_test_skip ("no user namespaces here (unshare --user)");
      return;
    }
  corpus = g_build_filename (f->directory, "corpus", NULL);
  ipd_test_pdf_write_corpus (corpus);
  text = corpus_path (f, "text-3.pdf");
  full = g_build_filename (f->directory, "full", NULL);
  g_assert_cmpint (g_mkdir (full, 0700), ==, 0);
  out = g_build_filename (full, "page.png", NULL);
  {
    const char *argv[] = { "unshare", "--user", "--map-root-user", "--mount", "sh", "-c", in_full_folder,
                           "sh", full, g_getenv ("IPD_CLI"), "--db", f->db, "render", text,
                           "--dpi", "150", "-o", out, NULL };
    result = run_argv (argv);
  }
  g_test_message ("%d %s", result->status, result->err);
  g_assert_cmpint (result->status, ==, 1);
  expected = g_strdup_printf ("Could not write “%s”: No space left on device", out);
  g_assert_nonnull (strstr (result->err, expected));
  g_assert_cmpstr (result->out, ==, "page.png\nearlier\n");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/demo-list-search", Fixture, NULL, fixture_set_up, test_demo_list_search, fixture_tear_down);
  g_test_add ("/cli/add-show-event", Fixture, NULL, fixture_set_up, test_add_show_event, fixture_tear_down);
  g_test_add ("/cli/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/cli/attach-backup-check", Fixture, NULL, fixture_set_up, test_attach_backup_check, fixture_tear_down);
  g_test_add ("/cli/refuses-foreign-files", Fixture, NULL, fixture_set_up, test_refuses_foreign_files, fixture_tear_down);
  g_test_add ("/cli/generate-is-reproducible", Fixture, NULL, fixture_set_up, test_generate_is_reproducible, fixture_tear_down);
  g_test_add ("/cli/agenda", Fixture, NULL, fixture_set_up, test_agenda, fixture_tear_down);
  g_test_add ("/cli/agenda-ics", Fixture, NULL, fixture_set_up, test_agenda_ics, fixture_tear_down);
  g_test_add_func ("/cli/speaks-vietnamese-uninstalled", test_speaks_vietnamese_uninstalled);
  g_test_add_func ("/cli/help-aligned", test_help_aligned);
  g_test_add ("/cli/attach-pdf", Fixture, NULL, fixture_set_up, test_attach_pdf, fixture_tear_down);
  g_test_add ("/cli/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/cli/render-full-disk", Fixture, NULL, fixture_set_up, test_render_full_disk, fixture_tear_down);
  return g_test_run ();
}
