/* test-pdf.c — the PDF layer on a corpus the test makes itself
 *
 * Page counts, rendering (size, scale, rotation, white paper), Vietnamese
 * search mapped to boxes on the page, selected text, and every broken
 * or protected file giving its own error without a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "ipd-pdf-document.h"
#include "ipd-pdf-private.h"
#include "ipd-test-pdf.h"
#include "ipd-test-util.h"

static GBytes *
text3 (void)
{
  static GBytes *bytes;

  if (bytes == NULL)
    bytes = ipd_test_pdf_text (3);
  return g_bytes_ref (bytes);
}

static IpdPdfDocument *
open_text3 (void)
{
  g_autoptr(GBytes) bytes = text3 ();
  g_autoptr(GError) error = NULL;
  IpdPdfDocument *doc = ipd_pdf_document_new_from_bytes (bytes, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
assert_load_error (GBytes *bytes, const char *password, IpdPdfError code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdPdfDocument) doc = ipd_pdf_document_new_from_bytes (bytes, password, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, IPD_PDF_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("%s", error->message);
}

/* Pixels darker than mid grey in a rectangle of an ARGB32 surface. */
static guint
dark_pixels (cairo_surface_t *surface, int x0, int y0, int width, int height)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int sw = cairo_image_surface_get_width (surface), sh = cairo_image_surface_get_height (surface);
  guint dark = 0;

  for (int y = MAX (y0, 0); y < MIN (y0 + height, sh); y++)
    for (int x = MAX (x0, 0); x < MIN (x0 + width, sw); x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + 4 * x);
        if (((px >> 8) & 0xff) < 128)
          dark++;
      }
  return dark;
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + 4 * x);
}

/* Loading ---------------------------------------------------------------------------- */

static void
test_pages (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  g_autoptr(GBytes) scanned = ipd_test_pdf_scanned (2);
  g_autoptr(IpdPdfDocument) scan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = ipd_pdf_document_dup_title (doc);
  double w = 0, h = 0;

  g_assert_cmpint (ipd_pdf_document_get_n_pages (doc), ==, 3);
  g_assert_true (ipd_pdf_document_get_page_size (doc, 2, &w, &h, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (w, IPD_TEST_PDF_WIDTH, 0.01);
  g_assert_cmpfloat_with_epsilon (h, IPD_TEST_PDF_HEIGHT, 0.01);
  g_assert_cmpstr (title, ==, "Hồ sơ thử nghiệm");
  g_assert_nonnull (ipd_pdf_document_get_bytes (doc));

  scan = ipd_pdf_document_new_from_bytes (scanned, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_pdf_document_get_n_pages (scan), ==, 2);
}

static void
test_file (void)
{
  g_autofree char *dir = ipd_test_make_dir ("ipd-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "text.pdf", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing.pdf", NULL);
  g_autoptr(GBytes) bytes = text3 ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(IpdPdfDocument) doc = NULL;
  g_autoptr(IpdPdfDocument) none = NULL;
  g_autoptr(GError) error = NULL;

  ipd_test_pdf_save (bytes, dir, "text.pdf");
  doc = ipd_pdf_document_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_pdf_document_get_n_pages (doc), ==, 3);

  none = ipd_pdf_document_new_from_file (missing, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  ipd_test_remove_dir (dir);
}

static void
test_large (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GBytes) bytes = ipd_test_pdf_text (1000);
  gint64 made = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdPdfDocument) doc = ipd_pdf_document_new_from_bytes (bytes, NULL, NULL, &error);
  cairo_surface_t *first = NULL, *last = NULL;
  gint64 opened, shown;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (ipd_pdf_document_get_n_pages (doc), ==, 1000);
  opened = g_get_monotonic_time ();
  first = ipd_pdf_document_render_page (doc, 0, 96.0 / 72.0, 0, NULL, &error);
  g_assert_no_error (error);
  shown = g_get_monotonic_time ();
  last = ipd_pdf_document_render_page (doc, 999, 0.25, 0, NULL, &error);
  g_assert_no_error (error);
  text = ipd_pdf_document_get_page_text (doc, 999);
  g_assert_nonnull (strstr (text, "Trang 1000"));
  {
    gint64 before = g_get_monotonic_time ();
    g_autoptr(GPtrArray) matches = ipd_pdf_document_find (doc, "trang 999", 0, 999, NULL);
    gint64 between = g_get_monotonic_time ();
    g_autoptr(GPtrArray) quoc = ipd_pdf_document_find (doc, "quoc", 0, 999, NULL);

    g_assert_cmpuint (matches->len, ==, 1);
    g_assert_cmpint (((IpdPdfMatch *) g_ptr_array_index (matches, 0))->page, ==, 998);
    g_assert_cmpuint (quoc->len, ==, 3);
    /* the second search reads the text kept by the first */
    g_test_message ("search through 1 000 pages: first %.0f ms, second %.1f ms",
                    (between - before) / 1000.0, (g_get_monotonic_time () - between) / 1000.0);
  }
  g_test_message ("1 000 pages, %" G_GSIZE_FORMAT " bytes: written in %.0f ms, opened in %.1f ms,"
                  " page 1 at 96 dpi after %.1f ms",
                  g_bytes_get_size (bytes), (made - start) / 1000.0, (opened - made) / 1000.0,
                  (shown - made) / 1000.0);
  cairo_surface_destroy (first);
  cairo_surface_destroy (last);
}

/* Broken and protected files ---------------------------------------------------------- */

static void
test_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  assert_load_error (empty, NULL, IPD_PDF_ERROR_NOT_PDF);
  assert_load_error (empty, "secret", IPD_PDF_ERROR_NOT_PDF);
}

static void
test_truncated (void)
{
  g_autoptr(GBytes) whole = ipd_test_pdf_text (50);
  g_autoptr(GBytes) half = ipd_test_pdf_truncated (whole);
  g_autoptr(GBytes) header = g_bytes_new_from_bytes (whole, 0, 16);

  assert_load_error (half, NULL, IPD_PDF_ERROR_DAMAGED);
  assert_load_error (header, NULL, IPD_PDF_ERROR_DAMAGED);
}

static void
test_random (void)
{
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(GBytes) junk = ipd_test_pdf_random (256 * seed, seed);
      assert_load_error (junk, NULL, IPD_PDF_ERROR_NOT_PDF);
    }
}

/* Junk after a PDF header is damaged; junk before one is what readers
 * tolerate (up to a kilobyte). */
static void
test_header (void)
{
  g_autoptr(GBytes) junk = ipd_test_pdf_random (8192, 3);
  g_autoptr(GBytes) pdf = text3 ();
  GByteArray *a = g_byte_array_new ();
  GByteArray *b = g_byte_array_new ();
  g_autoptr(GBytes) garbage = NULL;
  g_autoptr(GBytes) prefixed = NULL;
  g_autoptr(GBytes) far = NULL;
  g_autoptr(IpdPdfDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data;

  g_byte_array_append (a, (const guint8 *) "%PDF-1.7\n", 9);
  data = g_bytes_get_data (junk, &size);
  g_byte_array_append (a, data, size);
  garbage = g_byte_array_free_to_bytes (a);
  assert_load_error (garbage, NULL, IPD_PDF_ERROR_DAMAGED);
  assert_load_error (garbage, "secret", IPD_PDF_ERROR_DAMAGED);

  g_byte_array_append (b, (const guint8 *) "Content-Type: application/pdf\r\n\r\n", 33);
  data = g_bytes_get_data (pdf, &size);
  g_byte_array_append (b, data, size);
  prefixed = g_byte_array_free_to_bytes (b);
  doc = ipd_pdf_document_new_from_bytes (prefixed, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_pdf_document_get_n_pages (doc), ==, 3);

  /* beyond the first kilobyte, not a PDF any more */
  b = g_byte_array_new ();
  g_byte_array_append (b, g_bytes_get_data (junk, NULL), 2000);
  g_byte_array_append (b, data, size);
  far = g_byte_array_free_to_bytes (b);
  assert_load_error (far, NULL, IPD_PDF_ERROR_NOT_PDF);
}

static void
test_other_types (void)
{
  static const char *const docx[] = { "[Content_Types].xml", "word/document.xml", NULL };
  g_autoptr(GBytes) png = ipd_test_pdf_png ();
  g_autoptr(GBytes) zip = ipd_test_pdf_zip (docx);
  g_autoptr(GBytes) text = g_bytes_new_static ("Quyết định số 559\n", strlen ("Quyết định số 559\n"));

  assert_load_error (png, NULL, IPD_PDF_ERROR_NOT_PDF);
  assert_load_error (zip, NULL, IPD_PDF_ERROR_NOT_PDF);
  assert_load_error (text, "secret", IPD_PDF_ERROR_NOT_PDF);
}

static void
test_encrypted (void)
{
  g_autoptr(GBytes) plain = text3 ();
  g_autoptr(GBytes) locked = NULL;
  g_autoptr(GBytes) owner_only = NULL;
  g_autoptr(IpdPdfDocument) doc = NULL;
  g_autoptr(IpdPdfDocument) doc2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!ipd_test_pdf_have_qpdf ())
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  locked = ipd_test_pdf_encrypt (plain, "secret", "owner");
  g_assert_nonnull (locked);
  assert_load_error (locked, NULL, IPD_PDF_ERROR_NEEDS_PASSWORD);
  assert_load_error (locked, "wrong", IPD_PDF_ERROR_WRONG_PASSWORD);
  assert_load_error (locked, "", IPD_PDF_ERROR_WRONG_PASSWORD);
  assert_load_error (locked, "secret ", IPD_PDF_ERROR_WRONG_PASSWORD);
  /* the wrong one, then the right one: as the viewer asks again */
  doc = ipd_pdf_document_new_from_bytes (locked, "secret", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_pdf_document_get_n_pages (doc), ==, 3);
  text = ipd_pdf_document_get_page_text (doc, 1);
  g_assert_nonnull (strstr (text, "Phú Quốc"));
  /* the owner's password opens it too */
  g_clear_object (&doc);
  doc = ipd_pdf_document_new_from_bytes (locked, "owner", NULL, &error);
  g_assert_no_error (error);

  /* only an owner password: anyone may read */
  owner_only = ipd_test_pdf_encrypt (plain, "", "owner");
  doc2 = ipd_pdf_document_new_from_bytes (owner_only, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_pdf_document_get_n_pages (doc2), ==, 3);
}

static void
test_encrypted_truncated (void)
{
  g_autoptr(GBytes) plain = text3 ();
  g_autoptr(GBytes) locked = NULL;
  g_autoptr(GBytes) half = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdPdfDocument) doc = NULL;

  if (!ipd_test_pdf_have_qpdf ())
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  locked = ipd_test_pdf_encrypt (plain, "secret", "owner");
  half = ipd_test_pdf_truncated (locked);
  /* whatever poppler makes of it: an error of ours, or a document */
  for (int i = 0; i < 3; i++)
    {
      const char *passwords[] = { NULL, "wrong", "secret" };
      doc = ipd_pdf_document_new_from_bytes (half, passwords[i], NULL, &error);
      g_assert_true ((doc == NULL) != (error == NULL));
      if (error != NULL)
        g_assert_true (error->domain == IPD_PDF_ERROR);
      if (doc != NULL)
        for (int p = 0; p < ipd_pdf_document_get_n_pages (doc); p++)
          {
            cairo_surface_t *s = ipd_pdf_document_render_page (doc, p, 0.2, 0, NULL, NULL);
            g_clear_pointer (&s, cairo_surface_destroy);
          }
      g_clear_error (&error);
      g_clear_object (&doc);
    }
}

/* Whatever poppler makes of a file: a document that draws, or an error of
 * ours; never a crash. */
static void
load_anything (GBytes *bytes, const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdPdfDocument) doc = ipd_pdf_document_new_from_bytes (bytes, password, NULL, &error);

  g_assert_true ((doc == NULL) != (error == NULL));
  if (error != NULL)
    {
      g_assert_true (error->domain == IPD_PDF_ERROR);
      return;
    }
  for (int p = 0; p < MIN (ipd_pdf_document_get_n_pages (doc), 3); p++)
    {
      cairo_surface_t *s = ipd_pdf_document_render_page (doc, p, 0.2, 0, NULL, NULL);
      g_autofree char *text = ipd_pdf_document_get_page_text (doc, p);
      g_autoptr(GPtrArray) matches = ipd_pdf_document_find (doc, "quoc", p, p, NULL);

      g_clear_pointer (&s, cairo_surface_destroy);
    }
}

/* Deterministic damage, cut and bent bytes, in the normal test run (the
 * fuzzer, tests/fuzz, searches further). */
static void
test_mutations (void)
{
  g_autoptr(GBytes) pdf = text3 ();
  gsize size = g_bytes_get_size (pdf);
  GRand *rand = g_rand_new_with_seed (2026);

  for (int cut = 1; cut < 40; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (pdf, 0, size * cut / 40);
      load_anything (part, NULL);
    }
  for (int round = 0; round < 150; round++)
    {
      guint8 *copy = g_memdup2 (g_bytes_get_data (pdf, NULL), size);
      g_autoptr(GBytes) bent = NULL;

      for (int k = 0; k < 1 + round % 8; k++)
        copy[g_rand_int_range (rand, 0, (gint32) size)] = (guint8) g_rand_int_range (rand, 0, 256);
      bent = g_bytes_new_take (copy, size);
      load_anything (bent, round % 10 == 0 ? "secret" : NULL);
    }
  /* and the decryption: bent bytes of a protected file, with its password */
  if (ipd_test_pdf_have_qpdf ())
    {
      g_autoptr(GBytes) locked = ipd_test_pdf_encrypt (pdf, "secret", "owner");
      gsize locked_size = g_bytes_get_size (locked);

      for (int round = 0; round < 60; round++)
        {
          guint8 *copy = g_memdup2 (g_bytes_get_data (locked, NULL), locked_size);
          g_autoptr(GBytes) bent = NULL;

          for (int k = 0; k < 1 + round % 4; k++)
            copy[g_rand_int_range (rand, 0, (gint32) locked_size)] = (guint8) g_rand_int_range (rand, 0, 256);
          bent = g_bytes_new_take (copy, locked_size);
          load_anything (bent, round % 2 ? "secret" : "wrong");
        }
    }
  g_rand_free (rand);
}

/* Into cold memory (filled with streaming stores, 16 bytes at a time,
 * from 1 MiB): the same pixels, at every start a surface's pixels can
 * have, and not a byte written before or after them. 595 × 842 pixels:
 * the size is no multiple of 16 either. */
static void
test_render_into_cold (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *fresh = ipd_pdf_document_render_page (doc, 1, 1.0, 90, NULL, &error);
  int w = cairo_image_surface_get_width (fresh), h = cairo_image_surface_get_height (fresh);
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, w);
  gsize size = (gsize) stride * h;
  guchar *memory = g_aligned_alloc (size + 64, 1, 16);
  guchar guard[16];

  g_assert_no_error (error);
  g_assert_cmpint (size % 16, !=, 0);
  g_assert_cmpuint (size, >=, 1024 * 1024);
  memset (guard, 0xa5, sizeof guard);
  for (gsize offset = 16; offset < 32; offset += 4)
    {
      guchar *pixels = memory + offset;
      cairo_surface_t *target;

      memset (memory, 0xa5, size + 64);
      memset (pixels, 0x5a, size);   /* a previous page */
      target = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32, w, h, stride);
      g_assert_true (ipd_pdf_document_render_page_into (doc, 1, 1.0, 90, NULL, target, IPD_PDF_MEMORY_COLD,
                                                        NULL, &error));
      g_assert_no_error (error);
      cairo_surface_destroy (target);
      g_assert_cmpmem (pixels, size, cairo_image_surface_get_data (fresh), size);
      g_assert_cmpmem (pixels - sizeof guard, sizeof guard, guard, sizeof guard);
      g_assert_cmpmem (pixels + size, sizeof guard, guard, sizeof guard);
    }
  g_aligned_free (memory);
  cairo_surface_destroy (fresh);
}

/* Into a caller's surface: the same pixels as a fresh render, whatever
 * was there before (white first); a surface of the wrong size or format
 * is refused with a clear error and left alone. */
static void
test_render_into (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *fresh, *reused, *wrong;
  int w = 0, h = 0;
  gsize size;

  g_assert_true (ipd_pdf_document_get_render_size (doc, 1, 0.5, 90, &w, &h, &error));
  g_assert_no_error (error);
  g_assert_cmpint (w, ==, 421);   /* A4 turned: 842 × 0.5 */
  g_assert_cmpint (h, ==, 298);
  fresh = ipd_pdf_document_render_page (doc, 1, 0.5, 90, NULL, &error);
  g_assert_no_error (error);
  reused = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  /* garbage from a previous page */
  memset (cairo_image_surface_get_data (reused), 0x5a, (gsize) cairo_image_surface_get_stride (reused) * h);
  cairo_surface_mark_dirty (reused);
  g_assert_true (ipd_pdf_document_render_page_into (doc, 1, 0.5, 90, NULL, reused, IPD_PDF_MEMORY_RECENT, NULL, &error));
  g_assert_no_error (error);
  size = (gsize) cairo_image_surface_get_stride (fresh) * h;
  g_assert_cmpint (cairo_image_surface_get_stride (reused), ==, cairo_image_surface_get_stride (fresh));
  g_assert_cmpmem (cairo_image_surface_get_data (reused), size, cairo_image_surface_get_data (fresh), size);

  wrong = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h + 1);
  g_assert_false (ipd_pdf_document_render_page_into (doc, 1, 0.5, 90, NULL, wrong, IPD_PDF_MEMORY_RECENT, NULL, &error));
  g_assert_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER);
  g_clear_error (&error);
  cairo_surface_destroy (wrong);
  wrong = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  g_assert_false (ipd_pdf_document_render_page_into (doc, 1, 0.5, 90, NULL, wrong, IPD_PDF_MEMORY_RECENT, NULL, &error));
  g_assert_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER);
  g_clear_error (&error);
  g_assert_false (ipd_pdf_document_render_page_into (doc, 5, 0.5, 0, NULL, reused, IPD_PDF_MEMORY_RECENT, NULL, &error));
  g_assert_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NO_SUCH_PAGE);
  g_clear_error (&error);
  g_assert_false (ipd_pdf_document_get_render_size (doc, 5, 0.5, 0, &w, &h, &error));
  g_assert_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NO_SUCH_PAGE);
  cairo_surface_destroy (wrong);
  cairo_surface_destroy (reused);
  cairo_surface_destroy (fresh);
}

static void
test_no_such_page (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double w = -1;
  cairo_rectangle_t all = { 0, 0, 595, 842 };

  surface = ipd_pdf_document_render_page (doc, 3, 1.0, 0, NULL, &error);
  g_assert_null (surface);
  g_assert_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NO_SUCH_PAGE);
  g_clear_error (&error);
  surface = ipd_pdf_document_render_page (doc, -1, 1.0, 0, NULL, &error);
  g_assert_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NO_SUCH_PAGE);
  g_clear_error (&error);
  g_assert_false (ipd_pdf_document_get_page_size (doc, 7, &w, NULL, &error));
  g_assert_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NO_SUCH_PAGE);
  g_assert_cmpfloat (w, ==, 0);
  g_assert_null (ipd_pdf_document_get_page_text (doc, 3));
  g_assert_null (ipd_pdf_document_get_selected_text (doc, -2, &all));
}

static void
test_cancelled (void)
{
  g_autoptr(GBytes) bytes = text3 ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  g_autoptr(IpdPdfDocument) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  cairo_surface_t *surface;

  g_cancellable_cancel (cancellable);
  none = ipd_pdf_document_new_from_bytes (bytes, NULL, cancellable, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  surface = ipd_pdf_document_render_page (doc, 0, 1.0, 0, cancellable, &error);
  g_assert_null (surface);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  matches = ipd_pdf_document_find (doc, "quoc", 0, 2, cancellable);
  g_assert_cmpuint (matches->len, ==, 0);
}

/* Rendering -------------------------------------------------------------------------- */

static void
test_render_size (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  struct { double scale; int rotation, width, height; } cases[] = {
    { 1.0, 0, 595, 842 },
    { 2.0, 0, 1190, 1684 },
    { 96.0 / 72.0, 0, 794, 1123 },
    { 1.0, 90, 842, 595 },
    { 0.5, 180, 298, 421 },
    { 1.0, 270, 842, 595 },
    { 1.0, -90, 842, 595 },
    { 1.0, 450, 842, 595 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      cairo_surface_t *s = ipd_pdf_document_render_page (doc, 0, cases[i].scale, cases[i].rotation,
                                                         NULL, &error);
      int w, h;

      g_assert_no_error (error);
      g_assert_cmpint (cairo_image_surface_get_format (s), ==, CAIRO_FORMAT_ARGB32);
      w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
      g_assert_cmpint (w, ==, cases[i].width);
      g_assert_cmpint (h, ==, cases[i].height);
      /* white paper, opaque, in every corner */
      g_assert_cmphex (pixel (s, 0, 0), ==, 0xffffffff);
      g_assert_cmphex (pixel (s, w - 1, 0), ==, 0xffffffff);
      g_assert_cmphex (pixel (s, 0, h - 1), ==, 0xffffffff);
      g_assert_cmphex (pixel (s, w - 1, h - 1), ==, 0xffffffff);
      g_assert_cmpuint (dark_pixels (s, 0, 0, w, h), >, 100);
      cairo_surface_destroy (s);
    }
  {
    g_autoptr(GError) error = NULL;
    cairo_surface_t *s = ipd_pdf_document_render_page (doc, 0, 1.0, 45, NULL, &error);
    g_assert_null (s);
    g_assert_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER);
  }
}

/* The first line of page 0 (the box its text is drawn in, top-left
 * origin) lands where each quarter turn puts it. */
static void
test_render_rotation (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  const double W = IPD_TEST_PDF_WIDTH, H = IPD_TEST_PDF_HEIGHT;
  /* the line "Cục Sở hữu trí tuệ": x 72..280, y 100..125 */
  const double x = IPD_TEST_PDF_LEFT, y = IPD_TEST_PDF_TOP - IPD_TEST_PDF_FONT, w = 200, h = 26;
  struct { int rotation; double x, y, w, h; } turned[] = {
    { 0, x, y, w, h },
    { 90, H - y - h, x, h, w },
    { 180, W - x - w, H - y - h, w, h },
    { 270, y, W - x - w, h, w },
  };
  guint reference = 0;

  for (guint i = 0; i < G_N_ELEMENTS (turned); i++)
    {
      g_autoptr(GError) error = NULL;
      cairo_surface_t *s = ipd_pdf_document_render_page (doc, 0, 1.0, turned[i].rotation, NULL, &error);
      guint dark;
      guint total;

      g_assert_no_error (error);
      dark = dark_pixels (s, (int) turned[i].x, (int) turned[i].y, (int) turned[i].w, (int) turned[i].h);
      total = dark_pixels (s, 0, 0, cairo_image_surface_get_width (s), cairo_image_surface_get_height (s));
      g_test_message ("rotation %d: %u dark pixels in the line's box, %u in all", turned[i].rotation, dark, total);
      if (i == 0)
        reference = dark;
      g_assert_cmpuint (dark, >, 200);
      g_assert_cmpuint (dark, >=, reference * 9 / 10);
      g_assert_cmpuint (dark, <=, reference * 11 / 10);
      cairo_surface_destroy (s);
    }
}

static void
test_render_scanned (void)
{
  g_autoptr(GBytes) bytes = ipd_test_pdf_scanned (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdPdfDocument) doc = ipd_pdf_document_new_from_bytes (bytes, NULL, NULL, &error);
  cairo_surface_t *s;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) matches = NULL;

  g_assert_no_error (error);
  s = ipd_pdf_document_render_page (doc, 1, 96.0 / 72.0, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dark_pixels (s, 0, 0, 794, 1123), >, 10000);
  cairo_surface_destroy (s);
  /* a scan has no text: nothing to find, nothing to fail */
  text = ipd_pdf_document_get_page_text (doc, 0);
  g_assert_true (text == NULL || g_strstrip (text)[0] == '\0');
  matches = ipd_pdf_document_find (doc, "quoc", 0, 1, NULL);
  g_assert_cmpuint (matches->len, ==, 0);
}

/* ---- the part of a page with ink ---- */

static cairo_status_t
append_to_array (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Page 0 blank; page 1 a short line at the top and, added by poppler,
 * a red square annotation near the bottom, which the render draws. */
static GBytes *
blank_and_annotated_pdf (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, out, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *dir = ipd_test_make_dir ("ipd-annot-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "annotated.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  PopplerAnnot *square;
  PopplerColor red = { 65535, 0, 0 };
  char *data;
  gsize size;

  cairo_show_page (cr);
  cairo_move_to (cr, 72, 100);
  cairo_show_text (cr, "Quyết định");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  plain = g_byte_array_free_to_bytes (out);

  document = poppler_document_new_from_bytes (plain, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (document, 1);
  /* PDF coordinates, from the bottom: 782–802 pt from the top */
  square = poppler_annot_square_new (document, &(PopplerRectangle) { 400, 40, 500, 60 });
  poppler_annot_set_color (square, &red);
  poppler_page_add_annot (page, square);
  g_assert_true (poppler_document_save (document, uri, &error));
  g_assert_no_error (error);
  g_object_unref (square);
  g_object_unref (page);
  g_object_unref (document);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  ipd_test_remove_dir (dir);
  return g_bytes_new_take (data, size);
}

/* Renders @page whole and as its ink area: the whole one is white outside
 * the area and the same as the part inside it. Returns the area. */
static cairo_rectangle_int_t
check_ink_area (IpdPdfDocument *doc, int page, double scale, int rotation)
{
  g_autoptr(GError) error = NULL;
  cairo_rectangle_int_t area = { 0 };
  cairo_surface_t *whole = ipd_pdf_document_render_page (doc, page, scale, rotation, NULL, &error);
  cairo_surface_t *part;
  int w, h, stride, part_stride;
  const guint8 *data, *part_data;

  g_assert_no_error (error);
  w = cairo_image_surface_get_width (whole);
  h = cairo_image_surface_get_height (whole);
  g_assert_true (ipd_pdf_document_get_ink_area (doc, page, scale, rotation, &area, &error));
  g_assert_no_error (error);
  g_assert_cmpint (area.x, >=, 0);
  g_assert_cmpint (area.y, >=, 0);
  g_assert_cmpint (area.width, >=, 1);
  g_assert_cmpint (area.height, >=, 1);
  g_assert_cmpint (area.x + area.width, <=, w);
  g_assert_cmpint (area.y + area.height, <=, h);

  part = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, area.width, area.height);
  g_assert_true (ipd_pdf_document_render_page_into (doc, page, scale, rotation, &area, part, IPD_PDF_MEMORY_RECENT, NULL, &error));
  g_assert_no_error (error);
  data = cairo_image_surface_get_data (whole);
  stride = cairo_image_surface_get_stride (whole);
  part_data = cairo_image_surface_get_data (part);
  part_stride = cairo_image_surface_get_stride (part);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (data + y * stride);
      gboolean in_rows = y >= area.y && y < area.y + area.height;

      for (int x = 0; x < w; x++)
        if (!in_rows || x < area.x || x >= area.x + area.width)
          g_assert_cmphex (row[x], ==, 0xffffffff);
      if (in_rows)
        g_assert_cmpmem (row + area.x, area.width * 4,
                         part_data + (y - area.y) * part_stride, area.width * 4);
    }
  cairo_surface_destroy (part);
  cairo_surface_destroy (whole);
  return area;
}

/* Text, letters and scans, turned every way: nothing with ink is left
 * out of the area, and a page of a few lines is a small part. Each turn
 * on a new document, measured (recorded, then replayed) at one scale,
 * then drawn straight from the box kept at another. */
static void
test_ink_area (void)
{
  g_autoptr(GBytes) text = ipd_test_pdf_text (3);
  g_autoptr(GBytes) letter = ipd_test_pdf_letter (1);
  g_autoptr(GBytes) scanned = ipd_test_pdf_scanned (1);
  GBytes *files[] = { text, letter, scanned };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    for (int rotation = 0; rotation < 360; rotation += 90)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(IpdPdfDocument) doc = ipd_pdf_document_new_from_bytes (files[f], NULL, NULL, &error);
        cairo_rectangle_int_t area;
        int w, h;

        g_assert_no_error (error);
        area = check_ink_area (doc, 0, 0.75, rotation);
        g_assert_true (ipd_pdf_document_get_render_size (doc, 0, 0.75, rotation, &w, &h, NULL));
        if (files[f] == text)
          g_assert_cmpfloat ((double) area.width * area.height, <, 0.5 * w * h);
        check_ink_area (doc, 0, 1.3, (rotation + 90) % 360);
      }
}

static void
test_ink_area_blank_and_annotations (void)
{
  g_autoptr(GBytes) bytes = blank_and_annotated_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdPdfDocument) doc = ipd_pdf_document_new_from_bytes (bytes, NULL, NULL, &error);
  cairo_rectangle_int_t area;
  cairo_surface_t *target;

  g_assert_no_error (error);
  area = check_ink_area (doc, 0, 1.0, 0);
  g_assert_cmpint (area.width, ==, 1);
  g_assert_cmpint (area.height, ==, 1);
  /* the annotation is in the area: from the text at the top to it */
  area = check_ink_area (doc, 1, 1.0, 0);
  g_assert_cmpint (area.y, <=, 95);
  g_assert_cmpint (area.y + area.height, >=, 802);
  g_assert_cmpint (area.x + area.width, >=, 500);
  check_ink_area (doc, 1, 1.0, 90);

  /* a part outside the page, and a page that is not there */
  target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  g_assert_false (ipd_pdf_document_render_page_into (doc, 0, 1.0, 0, &(cairo_rectangle_int_t) { 590, 0, 10, 10 },
                                                     target, IPD_PDF_MEMORY_RECENT, NULL, &error));
  g_assert_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER);
  g_clear_error (&error);
  g_assert_false (ipd_pdf_document_get_ink_area (doc, 2, 1.0, 0, &area, &error));
  g_assert_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NO_SUCH_PAGE);
  cairo_surface_destroy (target);
}

static void
test_print (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 595, 842);
  cairo_t *cr = cairo_create (s);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ipd_pdf_document_print_page (doc, 1, cr);
  ipd_pdf_document_print_page (doc, 9, cr);   /* no such page: nothing drawn, no crash */
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  g_assert_cmpuint (dark_pixels (s, 60, 95, 300, 70), >, 200);
  cairo_surface_destroy (s);
}

/* Text, selection and search ---------------------------------------------------------- */

static void
test_page_text (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  g_autofree char *t0 = ipd_pdf_document_get_page_text (doc, 0);
  g_autofree char *t2 = ipd_pdf_document_get_page_text (doc, 2);

  g_assert_nonnull (strstr (t0, "Cục Sở hữu trí tuệ"));
  g_assert_nonnull (strstr (t0, "ĐƠN ĐĂNG KÝ NHÃN HIỆU"));
  g_assert_nonnull (strstr (t0, "Trang 1"));
  g_assert_nonnull (strstr (t2, "Quốc hiệu"));
}

/* A rectangle in the page's top-left coordinates selects the line drawn
 * there (and not the line mirrored from the bottom). */
static void
test_selected_text (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  cairo_rectangle_t second = { IPD_TEST_PDF_LEFT - 5, IPD_TEST_PDF_TOP + IPD_TEST_PDF_LINE - 18,
                               450, 22 };
  cairo_rectangle_t footer = { IPD_TEST_PDF_LEFT - 5, IPD_TEST_PDF_HEIGHT - 60 - 18, 200, 22 };
  cairo_rectangle_t nothing = { 400, 400, 50, 50 };
  g_autofree char *line = ipd_pdf_document_get_selected_text (doc, 0, &second);
  g_autofree char *foot = ipd_pdf_document_get_selected_text (doc, 2, &footer);
  g_autofree char *none = ipd_pdf_document_get_selected_text (doc, 0, &nothing);

  g_test_message ("selected: [%s] [%s] [%s]", line, foot, none);
  g_assert_nonnull (strstr (line, "ĐƠN ĐĂNG KÝ NHÃN HIỆU"));
  g_assert_null (strstr (line, "Cục"));
  g_assert_null (strstr (line, "Trang"));
  g_assert_nonnull (strstr (foot, "Trang 3"));
  g_assert_true (none == NULL || g_strstrip (none)[0] == '\0');
}

static void
test_selected_region (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  cairo_rectangle_t second = { IPD_TEST_PDF_LEFT - 5, IPD_TEST_PDF_TOP + IPD_TEST_PDF_LINE - 18,
                               450, 22 };
  cairo_rectangle_t nothing = { 400, 400, 50, 50 };
  cairo_region_t *line = ipd_pdf_document_get_selected_region (doc, 0, &second);
  cairo_region_t *none = ipd_pdf_document_get_selected_region (doc, 0, &nothing);
  cairo_rectangle_int_t extents;

  g_assert_nonnull (line);
  g_assert_false (cairo_region_is_empty (line));
  cairo_region_get_extents (line, &extents);
  g_test_message ("selection %d,%d %dx%d", extents.x, extents.y, extents.width, extents.height);
  /* the second line's glyphs, top-left origin */
  g_assert_cmpint (extents.x, >=, IPD_TEST_PDF_LEFT - 2);
  g_assert_cmpint (extents.y, >=, IPD_TEST_PDF_TOP + IPD_TEST_PDF_LINE - IPD_TEST_PDF_FONT * 1.5);
  g_assert_cmpint (extents.y + extents.height, <=, IPD_TEST_PDF_TOP + IPD_TEST_PDF_LINE + IPD_TEST_PDF_FONT * 0.5);
  g_assert_cmpint (extents.width, >, 150);
  g_assert_true (none == NULL || cairo_region_is_empty (none));
  g_assert_null (ipd_pdf_document_get_selected_region (doc, 5, &nothing));
  cairo_region_destroy (line);
  g_clear_pointer (&none, cairo_region_destroy);
}

static void
test_fold_map (void)
{
  g_autoptr(IpdPdfFolded) f = ipd_pdf_folded_new ("Phú  Quốc\nĐăng", FALSE);
  g_autoptr(IpdPdfFolded) q = ipd_pdf_folded_new ("  Dang \t KÝ ", TRUE);
  g_autoptr(IpdPdfFolded) nfd = NULL;
  g_autofree char *decomposed = g_utf8_normalize ("Quốc", -1, G_NORMALIZE_NFD);
  guint expected[] = { 0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 };

  g_assert_cmpstr (f->text->str, ==, "phu quoc dang");
  g_assert_cmpuint (f->index->len, ==, f->text->len);
  for (guint i = 0; i < f->index->len - 1; i++)
    g_assert_cmpuint (g_array_index (f->index, guint, i), ==, expected[i]);
  g_assert_cmpstr (q->text->str, ==, "dang ky");

  /* a decomposed text: the marks vanish, the letters keep their places */
  nfd = ipd_pdf_folded_new (decomposed, FALSE);
  g_assert_cmpstr (nfd->text->str, ==, "quoc");
  g_assert_cmpuint (g_array_index (nfd->index, guint, 3), ==, g_utf8_strlen (decomposed, -1) - 1);
}

static void
assert_inside_page (const cairo_rectangle_t *box)
{
  g_assert_cmpfloat (box->x, >=, 0);
  g_assert_cmpfloat (box->y, >=, 0);
  g_assert_cmpfloat (box->width, >, 0);
  g_assert_cmpfloat (box->height, >, 0);
  g_assert_cmpfloat (box->x + box->width, <=, IPD_TEST_PDF_WIDTH);
  g_assert_cmpfloat (box->y + box->height, <=, IPD_TEST_PDF_HEIGHT);
}

/* The box of a match on line @line of the content: around its baseline
 * (top-left origin), at most one line high. */
static void
assert_on_line (const cairo_rectangle_t *box, int line)
{
  double baseline = IPD_TEST_PDF_TOP + line * IPD_TEST_PDF_LINE;

  assert_inside_page (box);
  g_assert_cmpfloat (box->y, <, baseline);
  g_assert_cmpfloat (box->y, >, baseline - IPD_TEST_PDF_FONT * 1.5);
  g_assert_cmpfloat (box->y + box->height, >, baseline - 2);
  g_assert_cmpfloat (box->y + box->height, <, baseline + IPD_TEST_PDF_FONT * 0.5);
  g_assert_cmpfloat (box->height, <, IPD_TEST_PDF_LINE);
  g_assert_cmpfloat (box->x, >=, IPD_TEST_PDF_LEFT - 1);
}

static const cairo_rectangle_t *
box_of (GPtrArray *matches, guint match, guint box)
{
  IpdPdfMatch *m = g_ptr_array_index (matches, match);
  g_assert_cmpuint (box, <, m->boxes->len);
  return &g_array_index (m->boxes, cairo_rectangle_t, box);
}

static void
test_find_quoc (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  const char *queries[] = { "quoc", "Quốc", "QUOC", "quốc", " quoc " };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GPtrArray) matches = ipd_pdf_document_find (doc, queries[q], 0, 2, NULL);
      IpdPdfMatch *m;

      g_assert_cmpuint (matches->len, ==, 3);
      m = g_ptr_array_index (matches, 0);
      g_assert_cmpint (m->page, ==, 1);
      g_assert_cmpuint (m->boxes->len, ==, 1);
      assert_on_line (box_of (matches, 0, 0), 0);
      /* "Quốc" ends "Chỉ dẫn địa lý Phú Quốc": well right of the margin, one word wide */
      g_assert_cmpfloat (box_of (matches, 0, 0)->x, >, IPD_TEST_PDF_LEFT + 100);
      g_assert_cmpfloat (box_of (matches, 0, 0)->width, <, 80);
      g_assert_cmpfloat (box_of (matches, 0, 0)->width, >, 30);
      m = g_ptr_array_index (matches, 1);
      g_assert_cmpint (m->page, ==, 1);
      assert_on_line (box_of (matches, 1, 0), 1);
      m = g_ptr_array_index (matches, 2);
      g_assert_cmpint (m->page, ==, 2);
      assert_on_line (box_of (matches, 2, 0), 0);
      /* "Quốc hiệu" starts the line */
      g_assert_cmpfloat (box_of (matches, 2, 0)->x, <, IPD_TEST_PDF_LEFT + 3);
    }
}

static void
test_find_dang_ky (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  g_autoptr(GPtrArray) matches = ipd_pdf_document_find (doc, "dang ky", 0, 100, NULL);
  g_autoptr(GPtrArray) exact = ipd_pdf_document_find (doc, "đăng ký", -5, 2, NULL);
  IpdPdfMatch *m;

  g_assert_cmpuint (matches->len, ==, 2);
  g_assert_cmpuint (exact->len, ==, 2);
  m = g_ptr_array_index (matches, 0);
  g_assert_cmpint (m->page, ==, 0);
  g_assert_cmpuint (m->boxes->len, ==, 1);
  assert_on_line (box_of (matches, 0, 0), 1);
  /* the two words and the space between, on one line: wider than a word */
  g_assert_cmpfloat (box_of (matches, 0, 0)->width, >, 70);

  /* over a line end: one box per line */
  m = g_ptr_array_index (matches, 1);
  g_assert_cmpint (m->page, ==, 2);
  g_assert_cmpuint (m->boxes->len, ==, 2);
  assert_on_line (box_of (matches, 1, 0), 1);
  assert_on_line (box_of (matches, 1, 1), 2);
  g_assert_cmpfloat (box_of (matches, 1, 1)->x, <, IPD_TEST_PDF_LEFT + 3);
}

/* The boxes are where the text is drawn (top-left origin): dark pixels
 * inside, none in the box mirrored from the bottom of the page. */
static void
test_find_boxes_on_render (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  g_autoptr(GPtrArray) matches = ipd_pdf_document_find (doc, "phu quoc", 1, 1, NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *s = ipd_pdf_document_render_page (doc, 1, 1.0, 0, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, ==, 2);
  for (guint i = 0; i < matches->len; i++)
    {
      const cairo_rectangle_t *b = box_of (matches, i, 0);
      guint inside = dark_pixels (s, (int) b->x, (int) b->y, (int) b->width, (int) b->height);
      guint mirrored = dark_pixels (s, (int) b->x, (int) (IPD_TEST_PDF_HEIGHT - b->y - b->height),
                                    (int) b->width, (int) b->height);
      g_test_message ("box %g,%g %gx%g: %u dark inside, %u mirrored", b->x, b->y, b->width, b->height,
                      inside, mirrored);
      g_assert_cmpuint (inside, >, 100);
      g_assert_cmpuint (mirrored, ==, 0);
    }
  cairo_surface_destroy (s);
}

static void
test_find_range (void)
{
  g_autoptr(IpdPdfDocument) doc = open_text3 ();
  g_autoptr(GPtrArray) page2 = ipd_pdf_document_find (doc, "quoc", 2, 2, NULL);
  g_autoptr(GPtrArray) none = ipd_pdf_document_find (doc, "quoc", 0, 0, NULL);
  g_autoptr(GPtrArray) empty = ipd_pdf_document_find (doc, "   ", 0, 2, NULL);
  g_autoptr(GPtrArray) null = ipd_pdf_document_find (doc, NULL, 0, 2, NULL);
  g_autoptr(GPtrArray) missing = ipd_pdf_document_find (doc, "xyz", 0, 2, NULL);
  g_autoptr(GPtrArray) backwards = ipd_pdf_document_find (doc, "quoc", 2, 0, NULL);
  g_autoptr(GPtrArray) trang = ipd_pdf_document_find (doc, "trang", 0, 2, NULL);

  g_assert_cmpuint (page2->len, ==, 1);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (null->len, ==, 0);
  g_assert_cmpuint (missing->len, ==, 0);
  g_assert_cmpuint (backwards->len, ==, 0);
  g_assert_cmpuint (trang->len, ==, 3);
  for (guint i = 0; i < trang->len; i++)
    g_assert_cmpint (((IpdPdfMatch *) g_ptr_array_index (trang, i))->page, ==, (int) i);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/pages", test_pages);
  g_test_add_func ("/pdf/file", test_file);
  g_test_add_func ("/pdf/large", test_large);
  g_test_add_func ("/pdf/broken/empty", test_empty);
  g_test_add_func ("/pdf/broken/truncated", test_truncated);
  g_test_add_func ("/pdf/broken/random", test_random);
  g_test_add_func ("/pdf/broken/header", test_header);
  g_test_add_func ("/pdf/broken/other-types", test_other_types);
  g_test_add_func ("/pdf/broken/mutations", test_mutations);
  g_test_add_func ("/pdf/encrypted", test_encrypted);
  g_test_add_func ("/pdf/encrypted-truncated", test_encrypted_truncated);
  g_test_add_func ("/pdf/no-such-page", test_no_such_page);
  g_test_add_func ("/pdf/render-into", test_render_into);
  g_test_add_func ("/pdf/render-into-cold", test_render_into_cold);
  g_test_add_func ("/pdf/cancelled", test_cancelled);
  g_test_add_func ("/pdf/render/size", test_render_size);
  g_test_add_func ("/pdf/render/rotation", test_render_rotation);
  g_test_add_func ("/pdf/render/scanned", test_render_scanned);
  g_test_add_func ("/pdf/render/ink-area", test_ink_area);
  g_test_add_func ("/pdf/render/ink-area-blank-and-annotations", test_ink_area_blank_and_annotations);
  g_test_add_func ("/pdf/print", test_print);
  g_test_add_func ("/pdf/text/page", test_page_text);
  g_test_add_func ("/pdf/text/selected", test_selected_text);
  g_test_add_func ("/pdf/text/selected-region", test_selected_region);
  g_test_add_func ("/pdf/find/fold-map", test_fold_map);
  g_test_add_func ("/pdf/find/quoc", test_find_quoc);
  g_test_add_func ("/pdf/find/dang-ky", test_find_dang_ky);
  g_test_add_func ("/pdf/find/boxes-on-render", test_find_boxes_on_render);
  g_test_add_func ("/pdf/find/range", test_find_range);

  return g_test_run ();
}
