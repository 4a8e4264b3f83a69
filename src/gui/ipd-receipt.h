/* ipd-receipt.h — the receipt an officer hands over with a dossier
 *
 * What the receipt says is gathered from the register once, into plain
 * strings (already translated and formatted), and then drawn on any cairo
 * context: a printer's page, a PDF, an image in a test. Drawing needs no
 * widget and no store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "ipd-store.h"

G_BEGIN_DECLS

/* An expected next step: an open deadline of the dossier. */
typedef struct {
  char *due_date;   /* dd/mm/yyyy */
  char *title;      /* translated */
} IpdReceiptStep;

typedef struct {
  char      *agency_parent;   /* the agency lines of the register's settings (NULL: not set) */
  char      *agency_name;
  char      *place;           /* where the agency is, for the place-and-date line (NULL: not set) */
  char      *printed_on;      /* YYYY-MM-DD: the receipt's date */
  char      *reference;
  char      *name;            /* the mark or the geographical indication */
  char      *kind;            /* translated */
  char      *applicant;       /* NULL: none recorded */
  char      *app_number;      /* NULL: not filed yet */
  char      *received;        /* dd/mm/yyyy: the day the dossier was recorded */
  char      *officer;         /* NULL: none known */
  GPtrArray *steps;           /* IpdReceiptStep, by due date */
  guint      more_steps;      /* open deadlines left off the page */
  char      *code;            /* the lookup code, without the dash */
} IpdReceipt;

IpdReceipt *ipd_receipt_load      (IpdStore *store, gint64 dossier_id, gboolean *issued, GError **error);
void        ipd_receipt_free      (IpdReceipt *receipt);
double      ipd_receipt_draw      (const IpdReceipt *receipt, cairo_t *cr, double width, double height);
char       *ipd_receipt_file_name (const char *reference);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdReceipt, ipd_receipt_free)

G_END_DECLS
