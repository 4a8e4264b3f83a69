/* test-content-type.c — a document's type read from its bytes, never its name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ipd-content-type.h"
#include "ipd-test-pdf.h"

static void
assert_type (GBytes *bytes, const char *expected)
{
  g_autofree char *type = ipd_content_type_detect (bytes);
  g_assert_cmpstr (type, ==, expected);
}

static void
test_pdf_and_png (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (1);
  g_autoptr(GBytes) png = ipd_test_pdf_png ();

  assert_type (pdf, "application/pdf");
  assert_type (png, "image/png");
}

static void
test_office (void)
{
  static const char *const docx[] = { "[Content_Types].xml", "_rels/.rels", "word/document.xml", NULL };
  static const char *const xlsx[] = { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", NULL };
  static const char *const pptx[] = { "[Content_Types].xml", "ppt/presentation.xml", NULL };
  static const char *const plain[] = { "readme.txt", "words/list.xml", NULL };
  g_autoptr(GBytes) d = ipd_test_pdf_zip (docx);
  g_autoptr(GBytes) x = ipd_test_pdf_zip (xlsx);
  g_autoptr(GBytes) p = ipd_test_pdf_zip (pptx);
  g_autoptr(GBytes) z = ipd_test_pdf_zip (plain);

  assert_type (d, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  assert_type (x, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  assert_type (p, "application/vnd.openxmlformats-officedocument.presentationml.presentation");
  assert_type (z, "application/zip");
}

/* Archives cut short or lying about their directory: still a type, no
 * reading out of bounds (run under valgrind or ASan to see). */
static void
test_broken_zip (void)
{
  static const char *const docx[] = { "[Content_Types].xml", "word/document.xml", NULL };
  g_autoptr(GBytes) whole = ipd_test_pdf_zip (docx);
  gsize size = g_bytes_get_size (whole);

  for (gsize cut = 4; cut < size; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (whole, 0, cut);
      g_autofree char *type = ipd_content_type_detect (part);
      g_assert_nonnull (type);
    }
  for (gsize at = 0; at < size; at++)
    {
      guint8 *copy = g_memdup2 (g_bytes_get_data (whole, NULL), size);
      g_autoptr(GBytes) bent = NULL;
      g_autofree char *type = NULL;

      copy[at] ^= 0xff;
      bent = g_bytes_new_take (copy, size);
      type = ipd_content_type_detect (bent);
      g_assert_nonnull (type);
    }
}

static void
test_text_and_junk (void)
{
  const char *text = "Quyết định số 559/QĐ-SHTT\n";
  g_autoptr(GBytes) t = g_bytes_new_static (text, strlen (text));
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) junk = ipd_test_pdf_random (600, 5);
  g_autofree char *tt = ipd_content_type_detect (t);
  g_autofree char *et = ipd_content_type_detect (empty);
  g_autofree char *jt = ipd_content_type_detect (junk);

  g_assert_true (g_str_has_prefix (tt, "text/"));
  g_assert_nonnull (et);
  g_assert_cmpstr (jt, !=, "application/pdf");
  g_assert_cmpstr (jt, !=, "text/plain");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/content-type/pdf-png", test_pdf_and_png);
  g_test_add_func ("/content-type/office", test_office);
  g_test_add_func ("/content-type/broken-zip", test_broken_zip);
  g_test_add_func ("/content-type/text-junk", test_text_and_junk);

  return g_test_run ();
}
