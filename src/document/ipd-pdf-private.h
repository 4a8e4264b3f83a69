/* ipd-pdf-private.h — inside the PDF layer: folded text and page access
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <poppler.h>

#include "ipd-pdf-document.h"

G_BEGIN_DECLS

/* poppler 22.12 has no autoptr for its pages (newer ones do: a name of
 * our own avoids defining it twice). */
typedef PopplerPage IpdPopplerPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdPopplerPage, g_object_unref)

/* Text folded for search, with the character index (in the original
 * text) of every byte of the folded text. White space runs fold to one
 * space. */
typedef struct {
  char    *source;  /* the text folded */
  GString *text;
  GArray  *index;   /* guint per byte of text->str */
} IpdPdfFolded;

IpdPdfFolded *ipd_pdf_folded_new  (const char *text, gboolean strip);
void          ipd_pdf_folded_free (IpdPdfFolded *folded);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdPdfFolded, ipd_pdf_folded_free)

/* Appends to @matches the IpdPdfMatch of @needle in @hay, the folded
 * text of @page. */
void ipd_pdf_search_page (PopplerPage *page, int page_index, const IpdPdfFolded *hay,
                          const IpdPdfFolded *needle, GPtrArray *matches);

PopplerPage *ipd_pdf_document_get_poppler_page (IpdPdfDocument *self, int page, GError **error);

G_END_DECLS
