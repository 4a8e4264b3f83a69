/* ipd-test-gui.h — what the display tests share: the main loop, windows, widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       ipd_test_iterate         (guint n);
void       ipd_test_wait_ms         (guint ms);
void       ipd_test_present         (GtkWindow *window);
GtkWidget *ipd_test_find_named      (GtkWidget *widget, const char *name);
GtkWidget *ipd_test_get_named       (GtkWidget *widget, const char *name);
void       ipd_test_collect_labels  (GtkWidget *widget, GString *text);
void       ipd_test_save_screenshot (GtkWidget *window, const char *name);
GtkWindow *ipd_test_find_toplevel   (GType type);
gboolean   ipd_test_init_gui        (int *argc, char ***argv);

G_END_DECLS
