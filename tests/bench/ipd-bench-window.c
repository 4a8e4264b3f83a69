/* ipd-bench-window.c — the main window on a large register: how fast?
 *
 * Prints: start to first frame, keystroke to updated list (p50/p95 over
 * typed prefixes), resident memory after scrolling the whole table from
 * top to bottom, and the time to open a dossier (p50/p95). Needs a display
 * (tests/bench/run-window runs it under Xvfb) and a register, e.g. the one
 * ipd-bench-store --keep makes.
 *
 * Usage: ipd-bench-window --db PATH
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "ipd-bench.h"
#include "ipd-dossier-row.h"
#include "ipd-window-private.h"

static gint64 start_time;
static gint64 first_frame_time;

/* Kilobytes of resident memory, from /proc. */
static long
resident_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return -1;
  return strtol (line + strlen (field), NULL, 10);
}

static void
on_after_paint (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
  if (first_frame_time == 0)
    first_frame_time = g_get_monotonic_time ();
}

/* Runs the main loop until the window has painted a frame. */
static void
wait_for_frame (GtkWidget *window, gboolean *painted)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  *painted = FALSE;
  gtk_widget_queue_draw (window);
  while (!*painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static GPtrArray *
typed_prefixes (IpdWindow *window, guint n)
{
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint listed = ipd_window_get_n_listed (window);

  while (prefixes->len < n)
    {
      g_autoptr(IpdDossierRow) row = g_list_model_get_item (G_LIST_MODEL (window->list),
                                                            g_rand_int_range (rand, 0, listed));
      const char *name = ipd_dossier_row_get_summary (row)->name;
      glong length = g_utf8_strlen (name, -1);

      /* each keystroke of the name's first word and a half */
      for (glong k = 1; k <= MIN (length, 8) && prefixes->len < n; k++)
        g_ptr_array_add (prefixes, g_utf8_substring (name, 0, k));
    }
  return prefixes;
}

int
main (int argc, char **argv)
{
  g_autofree char *db = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The register", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = NULL;
  g_autoptr(GPtrArray) prefixes = NULL;
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) queries = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) builds = g_array_new (FALSE, FALSE, sizeof (double));
  GtkAdjustment *adjustment;
  IpdWindow *window;
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  long rss_before;

  start_time = g_get_monotonic_time ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL)
    {
      g_printerr ("Usage: ipd-bench-window --db PATH\n");
      return 1;
    }
  gtk_init ();
  adw_init ();

  store = ipd_store_open (db, IPD_STORE_DEFAULT, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  window = ipd_window_new (NULL, store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window), &painted);
  printf ("register: %u dossiers\n", ipd_window_get_n_listed (window));
  printf ("start to first frame: %.0f ms; resident memory %.0f MB (anonymous %.0f MB, files %.0f MB)\n",
          (first_frame_time - start_time) / 1000.0, resident_kb ("VmRSS:") / 1024.0,
          resident_kb ("RssAnon:") / 1024.0, resident_kb ("RssFile:") / 1024.0);

  prefixes = typed_prefixes (window, 400);
  for (guint i = 0; i < prefixes->len; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      ipd_window_search (window, g_ptr_array_index (prefixes, i));
      ms = ipd_bench_ms_since (start);
      g_array_append_val (queries, ms);
      wait_for_frame (GTK_WIDGET (window), &painted);
      ms = ipd_bench_ms_since (start);
      g_array_append_val (keystrokes, ms);
    }
  printf ("pages of rows read while typing: %u (%.1f per keystroke)\n",
          ipd_dossier_list_get_n_page_loads (window->list),
          (double) ipd_dossier_list_get_n_page_loads (window->list) / prefixes->len);
  printf ("keystroke to updated list (%u keystrokes, query + repaint): p50 %.1f ms, p95 %.1f ms"
          " (of which the query and the model: p50 %.1f ms, p95 %.1f ms)\n",
          keystrokes->len, ipd_bench_percentile (keystrokes, 0.5), ipd_bench_percentile (keystrokes, 0.95),
          ipd_bench_percentile (queries, 0.5), ipd_bench_percentile (queries, 0.95));
  printf ("resident memory after typing: %.0f MB\n", resident_kb ("VmRSS:") / 1024.0);
  ipd_window_search (window, "");
  wait_for_frame (GTK_WIDGET (window), &painted);

  rss_before = resident_kb ("VmRSS:");
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (ipd_dossier_table_get_view (window->table)));
  {
    gint64 start = g_get_monotonic_time ();
    guint frames = 0;

    while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
           < gtk_adjustment_get_upper (adjustment) - 1)
      {
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                              + gtk_adjustment_get_page_size (adjustment) * 8);
        wait_for_frame (GTK_WIDGET (window), &painted);
        frames++;
      }
    printf ("scroll top to bottom: %u frames in %.1f s; resident memory %.0f MB before, %.0f MB after, peak %.0f MB\n",
            frames, ipd_bench_ms_since (start) / 1000, rss_before / 1024.0, resident_kb ("VmRSS:") / 1024.0,
            resident_kb ("VmHWM:") / 1024.0);
  }

  for (guint i = 0; i < 100; i++)
    {
      gint64 id = ipd_dossier_list_get_id (window->list, (i * 7919) % ipd_window_get_n_listed (window));
      gint64 start = g_get_monotonic_time ();
      double ms;

      ipd_window_open_dossier (window, id);
      ms = ipd_bench_ms_since (start);
      g_array_append_val (builds, ms);
      wait_for_frame (GTK_WIDGET (window), &painted);
      ms = ipd_bench_ms_since (start);
      g_array_append_val (opens, ms);
    }
  printf ("open a dossier (load + show + repaint): p50 %.1f ms, p95 %.1f ms"
          " (of which loading and building the page: p50 %.1f ms, p95 %.1f ms)\n",
          ipd_bench_percentile (opens, 0.5), ipd_bench_percentile (opens, 0.95),
          ipd_bench_percentile (builds, 0.5), ipd_bench_percentile (builds, 0.95));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
