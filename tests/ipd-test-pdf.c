/* ipd-test-pdf.c — PDFs (and not-PDFs) made by the tests themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipd-test-pdf.h"

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static const char *const *
page_lines (int page)
{
  static const char *const page0[] = { "Cục Sở hữu trí tuệ", "ĐƠN ĐĂNG KÝ NHÃN HIỆU", NULL };
  static const char *const page1[] = { "Chỉ dẫn địa lý Phú Quốc", "Nước mắm Phú Quốc", NULL };
  static const char *const page2[] = { "Quốc hiệu", "Giấy chứng nhận đăng", "ký cho tổ chức", NULL };
  static const char *const other[] = { NULL };

  switch (page)
    {
    case 0: return page0;
    case 1: return page1;
    case 2: return page2;
    default: return other;
    }
}

static void
draw_text_page (cairo_t *cr, int page)
{
  const char *const *lines = page_lines (page);
  char footer[32];

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, IPD_TEST_PDF_FONT);
  for (int i = 0; lines[i] != NULL; i++)
    {
      cairo_move_to (cr, IPD_TEST_PDF_LEFT, IPD_TEST_PDF_TOP + i * IPD_TEST_PDF_LINE);
      cairo_show_text (cr, lines[i]);
    }
  g_snprintf (footer, sizeof footer, "Trang %d", page + 1);
  cairo_move_to (cr, IPD_TEST_PDF_LEFT, IPD_TEST_PDF_HEIGHT - 60);
  cairo_show_text (cr, footer);
}

static void
draw_letter_page (cairo_t *cr, int page)
{
  static const char *const prose[] = {
    "Căn cứ Luật Sở hữu trí tuệ ngày 29 tháng 11 năm 2005, được sửa đổi, bổ sung",
    "năm 2009, 2019 và 2022; Nghị định số 65/2023/NĐ-CP của Chính phủ quy định chi",
    "tiết một số điều và biện pháp thi hành Luật Sở hữu trí tuệ về sở hữu công nghiệp,",
    "bảo vệ quyền sở hữu công nghiệp, quyền đối với giống cây trồng và quản lý nhà nước",
    "về sở hữu trí tuệ; xét đơn đăng ký nhãn hiệu chứng nhận của Ủy ban nhân dân tỉnh,",
    "Cục Sở hữu trí tuệ thông báo kết quả thẩm định nội dung và đề nghị người nộp đơn",
  };
  char footer[32];

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (int line = 0; line < 46; line++)
    {
      cairo_move_to (cr, 56, 70 + line * 15.5);
      cairo_show_text (cr, prose[(line + page) % G_N_ELEMENTS (prose)]);
    }
  g_snprintf (footer, sizeof footer, "Trang %d", page + 1);
  cairo_move_to (cr, 280, IPD_TEST_PDF_HEIGHT - 30);
  cairo_show_text (cr, footer);
}

/* A grey "scan": paper noise and dark bars where lines of text would be. */
static cairo_surface_t *
scan_image (void)
{
  int w = 620, h = 877;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  unsigned char *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  GRand *rand = g_rand_new_with_seed (42);

  for (int y = 0; y < h; y++)
    {
      guint32 *row = (guint32 *) (data + y * stride);
      gboolean text_row = y > 80 && y < 800 && (y / 12) % 3 != 0;

      for (int x = 0; x < w; x++)
        {
          int grey = 235 + g_rand_int_range (rand, 0, 16);
          if (text_row && x > 60 && x < 560 && g_rand_int_range (rand, 0, 3) == 0)
            grey = 40;
          row[x] = (guint32) (grey << 16 | grey << 8 | grey);
        }
    }
  g_rand_free (rand);
  cairo_surface_mark_dirty (image);
  return image;
}

typedef enum { PAGES_TEXT, PAGES_SCANNED, PAGES_LETTER } Pages;

static GBytes *
make_pdf (int n_pages, Pages kind)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out,
                                                                  IPD_TEST_PDF_WIDTH,
                                                                  IPD_TEST_PDF_HEIGHT);
  cairo_surface_t *image = kind == PAGES_SCANNED ? scan_image () : NULL;
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Hồ sơ thử nghiệm");
  for (int page = 0; page < n_pages; page++)
    {
      if (image != NULL)
        {
          cairo_save (cr);
          cairo_scale (cr, IPD_TEST_PDF_WIDTH / cairo_image_surface_get_width (image),
                       IPD_TEST_PDF_HEIGHT / cairo_image_surface_get_height (image));
          cairo_set_source_surface (cr, image, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
        }
      else if (kind == PAGES_LETTER)
        draw_letter_page (cr, page);
      else
        draw_text_page (cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  if (image != NULL)
    cairo_surface_destroy (image);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
ipd_test_pdf_text (int n_pages)
{
  return make_pdf (n_pages, PAGES_TEXT);
}

GBytes *
ipd_test_pdf_scanned (int n_pages)
{
  return make_pdf (n_pages, PAGES_SCANNED);
}

GBytes *
ipd_test_pdf_letter (int n_pages)
{
  return make_pdf (n_pages, PAGES_LETTER);
}

GBytes *
ipd_test_pdf_truncated (GBytes *pdf)
{
  return g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 2);
}

GBytes *
ipd_test_pdf_random (gsize size, guint32 seed)
{
  GRand *rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  return g_bytes_new_take (data, size);
}

GBytes *
ipd_test_pdf_png (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 32, 32);
  cairo_t *cr = cairo_create (image);

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (image, append_bytes, out), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (image);
  return g_byte_array_free_to_bytes (out);
}

static guint32
crc32 (const guint8 *data, gsize length)
{
  guint32 crc = 0xffffffff;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320 & (0u - (crc & 1)));
    }
  return ~crc;
}

static void
put16 (GByteArray *a, guint v)
{
  guint8 b[2] = { v & 0xff, (v >> 8) & 0xff };
  g_byte_array_append (a, b, 2);
}

static void
put32 (GByteArray *a, guint32 v)
{
  put16 (a, v & 0xffff);
  put16 (a, v >> 16);
}

/* A ZIP archive (stored, no compression) whose entries hold a short line
 * of XML: what office documents are made of. */
GBytes *
ipd_test_pdf_zip (const char *const *entries)
{
  static const char content[] = "<?xml version=\"1.0\"?><x/>";
  GByteArray *zip = g_byte_array_new ();
  GByteArray *central = g_byte_array_new ();
  guint32 crc = crc32 ((const guint8 *) content, strlen (content));
  guint n = 0;

  for (; entries[n] != NULL; n++)
    {
      guint name_len = strlen (entries[n]);
      guint32 offset = zip->len;

      put32 (zip, 0x04034b50), put16 (zip, 20), put16 (zip, 0), put16 (zip, 0);
      put16 (zip, 0), put16 (zip, 0x21);                     /* time, date */
      put32 (zip, crc), put32 (zip, strlen (content)), put32 (zip, strlen (content));
      put16 (zip, name_len), put16 (zip, 0);
      g_byte_array_append (zip, (const guint8 *) entries[n], name_len);
      g_byte_array_append (zip, (const guint8 *) content, strlen (content));

      put32 (central, 0x02014b50), put16 (central, 20), put16 (central, 20);
      put16 (central, 0), put16 (central, 0), put16 (central, 0), put16 (central, 0x21);
      put32 (central, crc), put32 (central, strlen (content)), put32 (central, strlen (content));
      put16 (central, name_len), put16 (central, 0), put16 (central, 0);
      put16 (central, 0), put16 (central, 0), put32 (central, 0), put32 (central, offset);
      g_byte_array_append (central, (const guint8 *) entries[n], name_len);
    }
  {
    guint32 central_offset = zip->len;
    guint32 central_size = central->len;

    g_byte_array_append (zip, central->data, central->len);
    put32 (zip, 0x06054b50), put16 (zip, 0), put16 (zip, 0), put16 (zip, n), put16 (zip, n);
    put32 (zip, central_size), put32 (zip, central_offset), put16 (zip, 0);
  }
  g_byte_array_unref (central);
  return g_byte_array_free_to_bytes (zip);
}

gboolean
ipd_test_pdf_have_qpdf (void)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  return qpdf != NULL;
}

GBytes *
ipd_test_pdf_encrypt (GBytes *pdf, const char *user, const char *owner)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *dir = NULL;
  g_autofree char *in = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;
  int status = 0;

  if (qpdf == NULL)
    return NULL;
  dir = g_dir_make_tmp ("ipd-qpdf-XXXXXX", &error);
  g_assert_no_error (error);
  in = g_build_filename (dir, "in.pdf", NULL);
  out = g_build_filename (dir, "out.pdf", NULL);
  g_assert_true (g_file_set_contents (in, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error));
  {
    const char *argv[] = { qpdf, "--encrypt", user, owner, "256", "--", in, out, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_true (g_file_get_contents (out, &contents, &length, &error));
  g_unlink (in), g_unlink (out), g_rmdir (dir);
  return g_bytes_new_take (contents, length);
}

void
ipd_test_pdf_save (GBytes *bytes, const char *directory, const char *name)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

void
ipd_test_pdf_write_corpus (const char *directory)
{
  static const char *const docx[] = { "[Content_Types].xml", "word/document.xml", NULL };
  g_autoptr(GBytes) text = ipd_test_pdf_text (3);
  g_autoptr(GBytes) text50 = ipd_test_pdf_text (50);
  g_autoptr(GBytes) scanned = ipd_test_pdf_scanned (2);
  g_autoptr(GBytes) truncated = ipd_test_pdf_truncated (text50);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) random = ipd_test_pdf_random (4096, 7);
  g_autoptr(GBytes) png = ipd_test_pdf_png ();
  g_autoptr(GBytes) zip = ipd_test_pdf_zip (docx);

  g_mkdir_with_parents (directory, 0700);
  ipd_test_pdf_save (text, directory, "text-3.pdf");
  ipd_test_pdf_save (text50, directory, "text-50.pdf");
  ipd_test_pdf_save (scanned, directory, "scanned-2.pdf");
  ipd_test_pdf_save (truncated, directory, "truncated.pdf");
  ipd_test_pdf_save (empty, directory, "empty.pdf");
  ipd_test_pdf_save (random, directory, "random.pdf");
  ipd_test_pdf_save (png, directory, "png.pdf");
  ipd_test_pdf_save (zip, directory, "zip.pdf");
  if (ipd_test_pdf_have_qpdf ())
    {
      g_autoptr(GBytes) encrypted = ipd_test_pdf_encrypt (text, "secret", "owner");
      g_autoptr(GBytes) owner_only = ipd_test_pdf_encrypt (text, "", "owner");

      ipd_test_pdf_save (encrypted, directory, "encrypted.pdf");
      ipd_test_pdf_save (owner_only, directory, "owner-only.pdf");
    }
}
