/* ipd-test-gui.h — what the display tests share: the main loop, windows, widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipd-store.h"
#include "ipd-window.h"

G_BEGIN_DECLS

void       ipd_test_iterate         (guint n);
void       ipd_test_wait_ms         (guint ms);
void       ipd_test_present         (GtkWindow *window);
GtkWidget *ipd_test_find_named      (GtkWidget *widget, const char *name);
GtkWidget *ipd_test_get_named       (GtkWidget *widget, const char *name);
GtkWidget *ipd_test_find_button     (GtkWidget *widget, const char *label);
void       ipd_test_collect_labels  (GtkWidget *widget, GString *text);
void       ipd_test_save_screenshot (GtkWidget *window, const char *name);
GtkWindow *ipd_test_find_toplevel   (GType type);
gboolean   ipd_test_init_gui        (int *argc, char ***argv);

/* The texts a widget shows, and whether they are translated. */
typedef struct {
  char *text;    /* as shown, with a mnemonic's underscore if it has one */
  char *where;   /* the widget and what of it: "AdwActionRow, title" */
} IpdTestText;

void       ipd_test_text_free       (IpdTestText *text);
void       ipd_test_collect_texts   (GtkWidget *widget, GPtrArray *texts);
gboolean   ipd_test_shows_text      (GtkWidget *widget, const char *text);

typedef struct _IpdTestCatalogue IpdTestCatalogue;

IpdTestCatalogue *ipd_test_catalogue_load    (const char *po_path);
void              ipd_test_catalogue_free    (IpdTestCatalogue *catalogue);
GPtrArray        *ipd_test_find_untranslated (GtkWidget *widget, IpdTestCatalogue *catalogue);
void              ipd_test_assert_translated (GtkWidget *widget, const char *screen);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdTestCatalogue, ipd_test_catalogue_free)

/* The main window on a new register in a temporary folder (with the sample
 * records when @demo), shown at @width × @height; closed, the folder goes. */
typedef struct {
  char      *directory;
  IpdStore  *store;
  IpdWindow *window;
} IpdTestWindow;

void ipd_test_window_open  (IpdTestWindow *w, gboolean demo, int width, int height);
void ipd_test_window_close (IpdTestWindow *w);

G_END_DECLS
