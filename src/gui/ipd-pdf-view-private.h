/* ipd-pdf-view-private.h — what the PDF viewer's files share
 *
 * IpdPdfView is split by concern: ipd-pdf-view.c (pages, zoom, rendering,
 * loading, actions), ipd-pdf-view-search.c (the search bar) and
 * ipd-pdf-view-output.c ("Save a Copy…" and printing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipd-pdf-document.h"
#include "ipd-pdf-page.h"
#include "ipd-pdf-renderer.h"
#include "ipd-pdf-texture-cache.h"
#include "ipd-pdf-view.h"

G_BEGIN_DECLS

#define MARGIN 12                 /* around the pages, pixels */
#define SPACING 12                /* between pages */
#define THUMBNAIL_WIDTH 120       /* pixels */
#define CACHE_BUDGET (64 * 1024 * 1024)
/* Memory of textures gone, kept for the next renders (a few pages). */
#define POOL_BUDGET (16 * 1024 * 1024)
#define POINTS_TO_PIXELS (96.0 / 72.0)   /* "100 %": a point is 1/72 inch on a 96 dpi screen */
#define ZOOM_MIN 0.1
#define ZOOM_MAX 4.0
#define ZOOM_STEP 1.2
#define MAX_RENDER_PIXELS (12 * 1024 * 1024)  /* beyond that, the texture is stretched */
#define NEIGHBOURS 2              /* pages rendered beyond the visible ones */
#define KEEP 4                    /* pages beyond those that keep their texture */
#define SCROLL_STEP 48

typedef enum { ZOOM_FREE, ZOOM_FIT_WIDTH, ZOOM_FIT_PAGE } ZoomMode;

struct _IpdPdfView {
  GtkWidget           parent_instance;

  GtkWidget          *toolbar;
  GtkWidget          *sidebar_button;
  GtkWidget          *page_entry;
  GtkWidget          *n_pages_label;
  GtkWidget          *zoom_button;
  GtkWidget          *search_button;
  GtkWidget          *search_bar;
  GtkWidget          *search_entry;
  GtkWidget          *match_label;
  GtkWidget          *stack;
  GtkWidget          *spinner;
  GtkWidget          *password_page;
  GtkWidget          *password_entry;
  GtkWidget          *password_error;
  GtkWidget          *error_page;
  GtkWidget          *flap;
  GtkWidget          *thumbnail_scroller;
  GtkWidget          *thumbnail_box;
  GtkWidget          *scroller;
  GtkWidget          *viewport;
  GtkWidget          *page_column;    /* IpdPdfPageColumn, made here */

  IpdPdfRenderer     *renderer;
  IpdPdfTextureCache *cache;
  IpdPdfSurfacePool  *pool;
  guint               generation;     /* which load the results belong to */
  GBytes             *bytes;
  char               *file_name;
  char               *password;
  gint64              load_started;   /* monotonic µs */
  gint64              first_shown;    /* page 1 rendered, µs after the load began */

  int                 n_pages;
  GArray             *sizes;          /* points, unrotated: pairs of doubles */
  GArray             *offsets;        /* pixels: the top of each page, then the end */
  GPtrArray          *pages;          /* one a page: its IpdPdfPage in page_column, NULL for none */
  GPtrArray          *thumbnails;     /* IpdPdfPage, in thumbnail_box; empty until shown */
  GHashTable         *pending;        /* request key → IpdPdfJob */
  GHashTable         *textured;       /* pages that hold a texture (a set) */
  GHashTable         *thumbs_textured; /* the same for thumbnails */
  guint               thumbnails_id;  /* adding thumbnails, a hundred at a time */
  int                 thumb_current;  /* the thumbnail framed, -1 for none */
  gboolean            thumb_follow;   /* the sidebar is to show it */
  IpdPdfJob          *sizes_job;

  ZoomMode            zoom_mode;
  double              zoom;           /* 1.0 = 100 % */
  int                 rotation;
  int                 fit_width;      /* the viewport size the fit was made for */
  int                 fit_height;
  int                 current_page;
  double              pending_scroll; /* pixels, < 0 for none */
  double              pending_hcenter; /* the fraction of the width to centre, < 0 for none */
  double              content_width;  /* pixels: the widest page and the margins */
  guint               update_id;
  guint               fit_id;
  guint               loading_id;     /* the spinner, for loads that take a while */
  gboolean            loading;        /* a load is on the worker */

  IpdPdfJob          *find_job;
  char               *search_query;   /* the search shown, NULL for none */
  GPtrArray          *matches;        /* IpdPdfMatch, in reading order */
  GHashTable         *page_matches;   /* page → GPtrArray of borrowed matches */
  int                 current_match;
  int                 find_from;      /* the page the search started on */
  gboolean            find_finished;

  int                 selection_page; /* -1 for none */
  IpdPdfJob          *region_job;     /* finding the selected text's place */

  guint               n_renders;      /* pages (not thumbnails) rendered, for the figures */
  gint64              render_usec;    /* the worker's time for them */
  gint64              render_cpu_usec;
  guint               n_reused_renders; /* of which into reused memory */
  gint64              reused_cpu_usec;
};

/* ipd-pdf-view.c */
void           ipd_pdf_view_page_size        (IpdPdfView *self, int page, double *width, double *height);
double         ipd_pdf_view_page_top         (IpdPdfView *self, int page);
IpdPdfPage    *ipd_pdf_view_page             (IpdPdfView *self, int page);
void           ipd_pdf_view_scroll_to        (IpdPdfView *self, double y);
GtkAdjustment *ipd_pdf_view_get_vadjustment  (IpdPdfView *self);

/* ipd-pdf-view-search.c */
void     ipd_pdf_view_clear_search          (IpdPdfView *self);
void     ipd_pdf_view_show_matches_on_page  (IpdPdfView *self, int page);
void     ipd_pdf_view_start_search          (IpdPdfView *self, const char *query);
void     ipd_pdf_view_on_search_changed     (IpdPdfView *self);
void     ipd_pdf_view_on_search_next        (IpdPdfView *self);
void     ipd_pdf_view_on_search_previous    (IpdPdfView *self);
void     ipd_pdf_view_on_search_stop        (IpdPdfView *self);
void     ipd_pdf_view_on_search_mode_changed (IpdPdfView *self);
gboolean ipd_pdf_view_on_search_shift_enter (GtkWidget *widget, GVariant *args, gpointer data);
gboolean ipd_pdf_view_on_find_key (GtkWidget *widget, GVariant *args, gpointer data);
void     ipd_pdf_view_find_action           (GtkWidget *widget, const char *name, GVariant *param);

/* ipd-pdf-view-output.c */
void     ipd_pdf_view_save_copy_action      (GtkWidget *widget, const char *name, GVariant *param);
void     ipd_pdf_view_print_action          (GtkWidget *widget, const char *name, GVariant *param);

G_END_DECLS
