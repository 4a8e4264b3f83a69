/* ipd-bench-export.c — the register of applications of 100 000 dossiers
 * as .xlsx: how long, how much memory?
 *
 * Opens a register read-only, as the window's export does on its own
 * connection in a worker thread, and exports the register of applications
 * of a period covering every dossier: prints the rows, the wall and CPU
 * time, the peak resident memory of the export itself (the kernel's
 * high-water mark, reset just before it) with the resident memory before
 * and after, and the file's size. --dump-tsv writes the same cell values,
 * one row a line, for tests/bench/openpyxl-write-only.py to write the
 * same rows with another library (tests/bench/run-export does both).
 *
 * Without --db it generates a small register of --dossiers dossiers in a
 * temporary folder (`meson test --benchmark`); with a --db that does not
 * exist, it generates one there and keeps it. Dossiers still being
 * prepared (about 3 %) have neither a filing date nor events and are not
 * in the register: 103 600 dossiers make about 100 000 rows.
 *
 * Usage: ipd-bench-export [--db PATH | --dossiers N] [--from DATE] [--to DATE]
 *                         [--runs N] [--output FILE.xlsx] [--dump-tsv FILE] [--split]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "ipd-bench.h"
#include "ipd-date.h"
#include "ipd-export.h"
#include "ipd-generator.h"
#include "ipd-store.h"
#include "ipd-vocabulary.h"
#include "ipd-xlsx-layout.h"

/* A line of /proc/self/status ("VmRSS", "VmHWM"), in kB; -1 if unknown. */
static gint64
proc_status_kb (const char *key)
{
  g_autofree char *status = NULL;
  g_autofree char *needle = g_strconcat ("\n", key, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, needle)) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (needle), NULL, 10);
}

/* Starts the high-water mark again from the current resident size. */
static gboolean
reset_peak_rss (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (file == NULL)
    return FALSE;
  ok = fputs ("5", file) >= 0;
  return fclose (file) == 0 && ok;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
       + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static gint64
file_size (const char *path)
{
  GStatBuf buf;
  return g_stat (path, &buf) == 0 ? (gint64) buf.st_size : 0;
}

static void
count_progress (double fraction, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* The TSV: a first line of column types (number, text, date), then one
 * line per row; tab, newline and backslash inside a value escaped as \t,
 * \n and \\; an empty field is a blank cell. */
static const char *const tsv_types[] = {
  "number", "text", "text", "text", "text", "text", "text", "text", "date",
  "text", "text", "date", "text", "date", "text", "text",
};

static void
put_field (GString *line, const char *value)
{
  if (line->len > 0)
    g_string_append_c (line, '\t');
  for (const char *p = value ? value : ""; *p; p++)
    switch (*p)
      {
      case '\t': g_string_append (line, "\\t"); break;
      case '\n': g_string_append (line, "\\n"); break;
      case '\\': g_string_append (line, "\\\\"); break;
      default: g_string_append_c (line, *p); break;
      }
}

static const char *
label (IpdVocabulary vocabulary, const char *code)
{
  return code ? ipd_vocabulary_label (vocabulary, code) : NULL;
}

typedef struct {
  FILE    *out;
  GString *line;
  gint64   n;
} TsvDump;

/* The values ipd-export.c's write_row() writes, in its order. */
static gboolean
dump_row (const IpdApplicationRow *r, gpointer data, GError **error)
{
  TsvDump *dump = data;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, ++dump->n);

  g_string_truncate (dump->line, 0);
  put_field (dump->line, number);
  put_field (dump->line, r->reference);
  put_field (dump->line, label (IPD_VOCAB_KIND, r->kind));
  put_field (dump->line, r->name);
  put_field (dump->line, r->applicant);
  put_field (dump->line, r->address);
  put_field (dump->line, r->products);
  put_field (dump->line, r->app_number);
  put_field (dump->line, r->filing_date);
  put_field (dump->line, label (IPD_VOCAB_STATUS, r->status));
  put_field (dump->line, label (IPD_VOCAB_EVENT_TYPE, r->event_type));
  put_field (dump->line, r->event_date);
  put_field (dump->line, r->task_title ? g_dgettext (GETTEXT_PACKAGE, r->task_title) : NULL);
  put_field (dump->line, r->task_due);
  put_field (dump->line, r->officer);
  put_field (dump->line, r->note);
  g_string_append_c (dump->line, '\n');
  fwrite (dump->line->str, 1, dump->line->len, dump->out);
  return TRUE;
}

static void
dump_tsv (IpdStore *store, const IpdReportPeriod *period, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) types = g_string_new (NULL);
  TsvDump dump = { fopen (path, "w"), g_string_new (NULL), 0 };

  if (dump.out == NULL)
    g_error ("cannot write %s", path);
  for (guint i = 0; i < G_N_ELEMENTS (tsv_types); i++)
    put_field (types, tsv_types[i]);
  fprintf (dump.out, "%s\n", types->str);
  if (!ipd_store_foreach_application_row (store, period, NULL, dump_row, &dump, &error))
    g_error ("%s", error->message);
  if (fclose (dump.out) != 0)
    g_error ("cannot write %s", path);
  g_string_free (dump.line, TRUE);
  printf ("tsv: %" G_GINT64_FORMAT " rows written to %s\n", dump.n, path);
}

/* The splits: the store's rows alone (a callback that writes nothing),
 * then the workbook alone, libxlsxwriter writing the TSV's cells with the
 * register's formats and nothing of ours in between. */
static gboolean
skip_row (const IpdApplicationRow *r, gpointer data, GError **error)
{
  (*(gint64 *) data)++;
  return TRUE;
}

static void
time_store_alone (IpdStore *store, const IpdReportPeriod *period)
{
  g_autoptr(GError) error = NULL;
  gint64 n = 0, start, rss = proc_status_kb ("VmRSS");
  double cpu;

  reset_peak_rss ();
  cpu = cpu_seconds ();
  start = g_get_monotonic_time ();
  if (!ipd_store_foreach_application_row (store, period, NULL, skip_row, &n, &error))
    g_error ("%s", error->message);
  printf ("split, the store's rows alone (no workbook): %" G_GINT64_FORMAT " rows, wall %.2f s, CPU %.2f s,"
          " peak RSS %.1f MB (resident %.1f MB before)\n", n, ipd_bench_ms_since (start) / 1000,
          cpu_seconds () - cpu, proc_status_kb ("VmHWM") / 1024.0, rss / 1024.0);
}

static char *
unescape_field (const char *field)
{
  GString *out = g_string_new (NULL);

  for (const char *p = field; *p; p++)
    if (*p == '\\' && p[1])
      {
        p++;
        g_string_append_c (out, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p);
      }
    else
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
time_workbook_alone (const char *tsv, const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdXlsxLayout) layout = NULL;
  g_autoptr(GIOChannel) in = g_io_channel_new_file (tsv, "r", &error);
  g_autofree char *types_line = NULL;
  g_auto(GStrv) types = NULL;
  gint64 start, n = 0, rss = proc_status_kb ("VmRSS");
  lxw_row_t row = 0;
  double cpu;
  char *line;
  gsize length;

  g_assert_no_error (error);
  reset_peak_rss ();
  cpu = cpu_seconds ();
  start = g_get_monotonic_time ();
  layout = ipd_xlsx_layout_new (output, "Applications", G_N_ELEMENTS (tsv_types), &error);
  g_assert_no_error (error);
  g_io_channel_read_line (in, &types_line, NULL, &length, NULL);
  types_line[length] = '\0';
  types = g_strsplit (types_line, "\t", -1);
  while (g_io_channel_read_line (in, &line, NULL, &length, NULL) == G_IO_STATUS_NORMAL)
    {
      g_auto(GStrv) fields = NULL;

      line[length] = '\0';
      fields = g_strsplit (line, "\t", -1);
      g_free (line);
      for (lxw_col_t col = 0; fields[col] && types[col]; col++)
        {
          const char *f = fields[col];
          lxw_datetime date = { 0 };

          if (*f == '\0')
            worksheet_write_blank (layout->sheet, row, col, types[col][0] == 'd' ? layout->cell_date : layout->cell);
          else if (types[col][0] == 'n')
            worksheet_write_number (layout->sheet, row, col, g_ascii_strtod (f, NULL), layout->cell_centre);
          else if (types[col][0] == 'd' && sscanf (f, "%d-%d-%d", &date.year, &date.month, &date.day) == 3)
            worksheet_write_datetime (layout->sheet, row, col, &date, layout->cell_date);
          else
            {
              g_autofree char *text = unescape_field (f);
              worksheet_write_string (layout->sheet, row, col, text, layout->cell);
            }
        }
      row++, n++;
    }
  if (!ipd_xlsx_layout_close (layout, &error))
    g_error ("%s", error->message);
  printf ("split, the workbook alone (libxlsxwriter writing the TSV's cells): %" G_GINT64_FORMAT " rows, wall %.2f s,"
          " CPU %.2f s, peak RSS %.1f MB (resident %.1f MB before), file %.1f MB\n", n,
          ipd_bench_ms_since (start) / 1000, cpu_seconds () - cpu, proc_status_kb ("VmHWM") / 1024.0,
          rss / 1024.0, file_size (output) / 1048576.0);
}

typedef struct {
  double wall, cpu;
  gint64 rss_before, rss_after, peak;
} ExportRun;

static ExportRun
export_once (IpdStore *store, const IpdReportPeriod *period, const char *output)
{
  g_autoptr(GError) error = NULL;
  ExportRun run;
  guint progress_calls = 0;
  gint64 start;
  double cpu;

  run.rss_before = proc_status_kb ("VmRSS");
  if (!reset_peak_rss ())
    g_printerr ("cannot reset the peak RSS (/proc/self/clear_refs): the peak is the process's\n");
  cpu = cpu_seconds ();
  start = g_get_monotonic_time ();
  if (!ipd_export_applications (store, period, NULL, output, count_progress, &progress_calls,
                                NULL, &error))
    g_error ("export: %s", error->message);
  run.wall = ipd_bench_ms_since (start) / 1000;
  run.cpu = cpu_seconds () - cpu;
  run.peak = proc_status_kb ("VmHWM");
  run.rss_after = proc_status_kb ("VmRSS");
  return run;
}

static int
compare_runs (gconstpointer a, gconstpointer b)
{
  double x = ((const ExportRun *) a)->wall, y = ((const ExportRun *) b)->wall;
  return (x > y) - (x < y);
}

/* A new register of @n_dossiers at @path. */
static void
generate_register (const char *path, int n_dossiers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = NULL;
  gint64 start = g_get_monotonic_time ();

  store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  ipd_generator_run (store, n_dossiers, 1, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  printf ("generation: %d dossiers in %.1f s\n", n_dossiers, ipd_bench_ms_since (start) / 1000);
}

static void
remove_register (const char *directory, const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (directory);
}

int
main (int argc, char **argv)
{
  int n_dossiers = 2000, n_runs = 3;
  gboolean split = FALSE;
  g_autofree char *db = NULL, *from = NULL, *to = NULL, *output = NULL, *tsv = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The register (opened read-only)", "PATH" },
    { "dossiers", 0, 0, G_OPTION_ARG_INT, &n_dossiers, "Without --db: dossiers to generate", "N" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "The period's first day (default 2000-01-01)", "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, "The period's last day (default today)", "DATE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Exports to time (default 3)", "N" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "The workbook (default: a temporary file)", "FILE" },
    { "dump-tsv", 0, 0, G_OPTION_ARG_FILENAME, &tsv, "Also write the rows' cell values as TSV", "FILE" },
    { "split", 0, 0, G_OPTION_ARG_NONE, &split, "Also time the store's rows alone and (with --dump-tsv) the workbook alone", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = NULL;
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (ExportRun));
  g_autofree char *directory = NULL, *out_directory = NULL, *today = ipd_date_today ();
  IpdReportPeriod period;
  gint64 n_rows, start, rss_start;
  ExportRun median;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (!ipd_report_period_range (&period, from ? from : "2000-01-01", to ? to : today, &error))
    g_error ("%s", error->message);
  if (db == NULL)
    {
      directory = g_dir_make_tmp ("ipd-bench-export-XXXXXX", &error);
      g_assert_no_error (error);
      db = g_build_filename (directory, "register.sqlite", NULL);
    }
  if (!g_file_test (db, G_FILE_TEST_EXISTS))
    generate_register (db, n_dossiers);
  if (output == NULL)
    {
      out_directory = g_dir_make_tmp ("ipd-bench-export-out-XXXXXX", &error);
      g_assert_no_error (error);
      output = g_build_filename (out_directory, "register.xlsx", NULL);
    }

  rss_start = proc_status_kb ("VmRSS");
  start = g_get_monotonic_time ();
  store = ipd_store_open (db, IPD_STORE_READ_ONLY, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  printf ("open read-only: %.0f ms (resident %" G_GINT64_FORMAT " kB before, %" G_GINT64_FORMAT " kB after)\n",
          ipd_bench_ms_since (start), rss_start, proc_status_kb ("VmRSS"));
  start = g_get_monotonic_time ();
  n_rows = ipd_store_count_application_rows (store, &period, NULL, &error);
  g_assert_no_error (error);
  printf ("period %s – %s: %" G_GINT64_FORMAT " rows (counted in %.0f ms)\n",
          period.from, period.to, n_rows, ipd_bench_ms_since (start));

  for (int i = 0; i < n_runs; i++)
    {
      ExportRun run = export_once (store, &period, output);

      printf ("export %d: %" G_GINT64_FORMAT " rows, wall %.2f s, CPU %.2f s, peak RSS %.1f MB"
              " (resident %.1f MB before, %.1f MB after), file %.1f MB\n",
              i + 1, n_rows, run.wall, run.cpu, run.peak / 1024.0, run.rss_before / 1024.0,
              run.rss_after / 1024.0, file_size (output) / 1048576.0);
      fflush (stdout);
      g_array_append_val (runs, run);
    }
  g_array_sort (runs, compare_runs);
  median = g_array_index (runs, ExportRun, runs->len / 2);
  /* a line for scripts: tests/bench/run-export reads it */
  printf ("RESULT rows=%" G_GINT64_FORMAT " wall=%.3f cpu=%.3f peak_kb=%" G_GINT64_FORMAT
          " rss_before_kb=%" G_GINT64_FORMAT " rss_after_kb=%" G_GINT64_FORMAT " bytes=%" G_GINT64_FORMAT "\n",
          n_rows, median.wall, median.cpu, median.peak, median.rss_before, median.rss_after,
          file_size (output));
  if (n_rows >= 100000)
    printf ("targets (median of %d runs): time <= 2.5 s: %s; peak RSS <= 30 MB: %s\n", n_runs,
            median.wall <= 2.5 ? "met" : "MISSED", median.peak <= 30 * 1024 ? "met" : "MISSED");
  else
    printf ("targets: for 100 000 rows (tests/bench/run-export)\n");

  if (split)
    time_store_alone (store, &period);
  if (tsv != NULL)
    dump_tsv (store, &period, tsv);
  if (split && tsv != NULL)
    time_workbook_alone (tsv, output);

  g_clear_object (&store);
  if (out_directory != NULL)
    {
      g_unlink (output);
      g_rmdir (out_directory);
    }
  if (directory != NULL)
    remove_register (directory, db);
  return 0;
}
