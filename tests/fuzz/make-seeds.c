/* make-seeds.c — the fuzzer's seed corpus: the tests' own PDFs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-test-pdf.h"

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      g_printerr ("usage: %s DIRECTORY\n", argv[0]);
      return 2;
    }
  ipd_test_pdf_write_corpus (argv[1]);
  return 0;
}
