/* ipd-receipt-print.h — a receipt through GtkPrintOperation: printed, or saved as PDF
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipd-receipt.h"

G_BEGIN_DECLS

void     ipd_receipt_print      (IpdReceipt *receipt, GtkWindow *parent);
gboolean ipd_receipt_export_pdf (const IpdReceipt *receipt, GFile *file, GError **error);

G_END_DECLS
