/* ipd-test-pdf.h — PDFs (and not-PDFs) made by the tests themselves
 *
 * Written with cairo's PDF surface, so the corpus needs no files in the
 * repository. The text documents' content is fixed (A4 pages, DejaVu
 * Sans), so tests know on which page every word is:
 *   page 0: "Cục Sở hữu trí tuệ" / "ĐƠN ĐĂNG KÝ NHÃN HIỆU"      (đăng ký ×1)
 *   page 1: "Chỉ dẫn địa lý Phú Quốc" / "Nước mắm Phú Quốc"        (Quốc ×2)
 *   page 2: "Quốc hiệu" / "Giấy chứng nhận đăng" + next line "ký"  (Quốc ×1, đăng ký ×1 over two lines)
 *   every page: "Trang N" (N = page number from 1); others only that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IPD_TEST_PDF_WIDTH  595.0   /* A4, points */
#define IPD_TEST_PDF_HEIGHT 842.0

/* The baseline (top-left origin, points) and left of the first line of
 * content; lines are IPD_TEST_PDF_LINE apart, font size IPD_TEST_PDF_FONT. */
#define IPD_TEST_PDF_LEFT   72.0
#define IPD_TEST_PDF_TOP    120.0
#define IPD_TEST_PDF_LINE   40.0
#define IPD_TEST_PDF_FONT   20.0

GBytes *ipd_test_pdf_text      (int n_pages);
GBytes *ipd_test_pdf_scanned   (int n_pages);   /* a picture painted on every page */
/* Full pages of Vietnamese prose (46 lines of 11 pt, as an office
 * letter): for timings on pages with real work in them. */
GBytes *ipd_test_pdf_letter    (int n_pages);
GBytes *ipd_test_pdf_truncated (GBytes *pdf);   /* the first half of the bytes */
GBytes *ipd_test_pdf_random    (gsize size, guint32 seed);
GBytes *ipd_test_pdf_png       (void);          /* a PNG picture (renamed .pdf by the tests) */
GBytes *ipd_test_pdf_zip       (const char *const *entries);  /* a stored ZIP with these (empty) files */

/* Encrypted by qpdf (AES-256) with @user and @owner passwords; NULL when
 * qpdf is missing (the caller skips) or fails (a test failure). */
GBytes *ipd_test_pdf_encrypt   (GBytes *pdf, const char *user, const char *owner);
gboolean ipd_test_pdf_have_qpdf (void);

/* The whole corpus as files in @directory (the fuzzer's seeds, the CLI's
 * inputs): text-3.pdf, text-50.pdf, scanned-2.pdf, truncated.pdf,
 * empty.pdf, random.pdf, png.pdf, zip.pdf, and, with qpdf,
 * encrypted.pdf (user password "secret") and owner-only.pdf. */
void    ipd_test_pdf_write_corpus (const char *directory);

void    ipd_test_pdf_save      (GBytes *bytes, const char *directory, const char *name);

G_END_DECLS
