/* fuzz-pdf.c — libFuzzer target: the PDF layer's load, render and text path
 *
 * Whatever the bytes, loading gives a document or an IPD_PDF_ERROR, and a
 * document's first page draws, reads and searches without a crash or a
 * hang. Built and run by tests/fuzz/run (clang, -fsanitize=fuzzer,address).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "ipd-pdf-document.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
exercise (IpdPdfDocument *doc)
{
  int n_pages = ipd_pdf_document_get_n_pages (doc);
  cairo_rectangle_t area = { 0, 0, 300, 300 };
  cairo_surface_t *surface;
  GPtrArray *matches;
  char *text;
  double w, h;

  if (n_pages < 1)
    return;
  ipd_pdf_document_get_page_size (doc, 0, &w, &h, NULL);
  /* small: the point is the parsing and drawing code, not the pixels */
  surface = ipd_pdf_document_render_page (doc, 0, 0.1, 90, NULL, NULL);
  if (surface != NULL)
    cairo_surface_destroy (surface);
  text = ipd_pdf_document_get_page_text (doc, 0);
  g_free (text);
  text = ipd_pdf_document_get_selected_text (doc, 0, &area);
  g_free (text);
  matches = ipd_pdf_document_find (doc, "quoc a", 0, 0, NULL);
  g_ptr_array_unref (matches);
  g_free (ipd_pdf_document_dup_title (doc));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  GBytes *bytes = g_bytes_new (data, size);
  const char *passwords[] = { NULL, "secret" };

  for (guint i = 0; i < G_N_ELEMENTS (passwords); i++)
    {
      GError *error = NULL;
      IpdPdfDocument *doc = ipd_pdf_document_new_from_bytes (bytes, passwords[i], NULL, &error);

      if (doc != NULL)
        {
          g_assert (error == NULL);
          exercise (doc);
          g_object_unref (doc);
          break;
        }
      g_assert (error != NULL && error->domain == IPD_PDF_ERROR);
      /* a password is worth trying only on an encrypted file */
      if (error->code != IPD_PDF_ERROR_NEEDS_PASSWORD)
        {
          g_error_free (error);
          break;
        }
      g_error_free (error);
    }
  g_bytes_unref (bytes);
  return 0;
}
