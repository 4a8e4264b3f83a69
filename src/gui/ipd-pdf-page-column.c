/* ipd-pdf-page-column.c — the viewer's pages, one under the other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-pdf-page-column"

#include "config.h"

#include "ipd-pdf-page-column.h"
#include "ipd-pdf-page.h"

struct _IpdPdfPageColumn {
  GtkWidget  parent_instance;
  GArray    *tops;     /* double, pixels */
  int        width;
  int        height;
};

G_DEFINE_FINAL_TYPE (IpdPdfPageColumn, ipd_pdf_page_column, GTK_TYPE_WIDGET)

GtkWidget *
ipd_pdf_page_column_new (GArray *tops)
{
  IpdPdfPageColumn *self = g_object_new (IPD_TYPE_PDF_PAGE_COLUMN, NULL);

  self->tops = g_array_ref (tops);
  return GTK_WIDGET (self);
}

void
ipd_pdf_page_column_set_size (IpdPdfPageColumn *self, int width, int height)
{
  g_return_if_fail (IPD_IS_PDF_PAGE_COLUMN (self));
  self->width = MAX (0, width);
  self->height = MAX (0, height);
  /* the tops may have moved even if the size did not */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ipd_pdf_page_column_add (IpdPdfPageColumn *self, GtkWidget *page)
{
  g_return_if_fail (IPD_IS_PDF_PAGE_COLUMN (self));
  g_return_if_fail (IPD_IS_PDF_PAGE (page));
  gtk_widget_set_parent (page, GTK_WIDGET (self));
}

void
ipd_pdf_page_column_remove (IpdPdfPageColumn *self, GtkWidget *page)
{
  g_return_if_fail (IPD_IS_PDF_PAGE_COLUMN (self));
  g_return_if_fail (gtk_widget_get_parent (page) == GTK_WIDGET (self));
  gtk_widget_unparent (page);
}

void
ipd_pdf_page_column_clear (IpdPdfPageColumn *self)
{
  GtkWidget *child;

  g_return_if_fail (IPD_IS_PDF_PAGE_COLUMN (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

static void
ipd_pdf_page_column_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                             int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  IpdPdfPageColumn *self = IPD_PDF_PAGE_COLUMN (widget);

  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height;
}

/* Each page centred across, at its top. */
static void
ipd_pdf_page_column_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  IpdPdfPageColumn *self = IPD_PDF_PAGE_COLUMN (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int index = ipd_pdf_page_get_index (IPD_PDF_PAGE (child)), w, h;

      if (index < 0 || (guint) index >= self->tops->len)
        continue;
      /* a widget is measured before it is given a size */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &w, NULL, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, &h, NULL, NULL, NULL);
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { MAX (0, (width - w) / 2),
                                                   (int) g_array_index (self->tops, double, index), w, h },
                                -1);
    }
}

static void
ipd_pdf_page_column_dispose (GObject *object)
{
  ipd_pdf_page_column_clear (IPD_PDF_PAGE_COLUMN (object));
  G_OBJECT_CLASS (ipd_pdf_page_column_parent_class)->dispose (object);
}

static void
ipd_pdf_page_column_finalize (GObject *object)
{
  g_array_unref (IPD_PDF_PAGE_COLUMN (object)->tops);
  G_OBJECT_CLASS (ipd_pdf_page_column_parent_class)->finalize (object);
}

static void
ipd_pdf_page_column_class_init (IpdPdfPageColumnClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_pdf_page_column_dispose;
  G_OBJECT_CLASS (klass)->finalize = ipd_pdf_page_column_finalize;
  widget_class->measure = ipd_pdf_page_column_measure;
  widget_class->size_allocate = ipd_pdf_page_column_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "ipd-pdf-page-column");
}

static void
ipd_pdf_page_column_init (IpdPdfPageColumn *self)
{
}
