/* ipd-window-private.h — what the window's files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipd-agenda-view.h"
#include "ipd-dossier-editor.h"
#include "ipd-dossier-list.h"
#include "ipd-dossier-table.h"
#include "ipd-dossier-view.h"
#include "ipd-filter-sidebar.h"
#include "ipd-statistics-view.h"
#include "ipd-window.h"

G_BEGIN_DECLS

struct _IpdWindow
{
  AdwApplicationWindow parent_instance;

  IpdStore         *store;
  IpdDossierList   *list;
  GSettings        *settings;     /* NULL when the schema is not installed */
  char             *listed_text;  /* the search text the list was made for */
  gint64            total;        /* dossiers in the register, counted when it changes */

  AdwToastOverlay  *toasts;
  AdwLeaflet       *leaflet;
  GtkWidget        *sidebar_pane;
  GtkWidget        *list_pane;
  GtkStack         *content_stack;  /* the list of dossiers, the agenda or the statistics */
  IpdAgendaView    *agenda;
  gboolean          agenda_shown;
  IpdStatisticsView *statistics;
  gboolean          statistics_shown;
  GtkWidget        *dossier_pane;
  IpdFilterSidebar *sidebar;
  GtkSearchEntry   *search_entry;
  GtkStack         *list_stack;
  IpdDossierTable  *table;
  AdwStatusPage    *error_page;
  AdwStatusPage    *opening_page;
  GtkSpinner       *opening_spinner;
  GCancellable     *opening;      /* the register being opened (NULL: none): cancelled when another is asked for */
  GtkLabel         *count_label;
  IpdDossierView   *dossier_view;
  GMenu            *recent_menu;
  GtkStack         *dossier_stack;
  IpdDossierEditor *editor;
  GtkWidget        *edit_button;
  GtkWidget        *save_button;
  GtkWidget        *cancel_button;
  GtkWidget        *dossier_menu_button;
  AdwWindowTitle   *dossier_title;
};

/* ipd-window.c */
void ipd_window_reload          (IpdWindow *self);
void ipd_window_open_dossier    (IpdWindow *self, gint64 id);
void ipd_window_show_open_error (IpdWindow *self, const GError *open_error);

/* ipd-window-editing.c */
void     ipd_window_editing_install_actions (GtkWidgetClass *widget_class);
void     ipd_window_update_dossier_actions  (IpdWindow *self);
gboolean ipd_window_is_editing              (IpdWindow *self);
gboolean ipd_window_keep_open_for_changes   (IpdWindow *self);

/* ipd-window-register.c */
void ipd_window_register_install_actions (GtkWidgetClass *widget_class);
void ipd_window_remember_register        (IpdWindow *self, const char *path);
void ipd_window_update_recent_menu       (IpdWindow *self);
void ipd_window_show_error               (IpdWindow *self, const char *heading, const GError *error);

G_END_DECLS
