/* ipd-error.h — the error domain of IP Dossiers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IPD_ERROR (ipd_error_quark ())

typedef enum {
  IPD_ERROR_INVALID,          /* a value the user entered is wrong; the message names the field */
  IPD_ERROR_NOT_FOUND,
  IPD_ERROR_DUPLICATE,
  IPD_ERROR_NEWER_VERSION,    /* the register was written by a newer IP Dossiers */
  IPD_ERROR_NOT_A_REGISTER,   /* not a SQLite file, or a SQLite file of another program */
  IPD_ERROR_READ_ONLY,
  IPD_ERROR_BUSY,             /* another program holds the register too long */
  IPD_ERROR_NO_SPACE,
  IPD_ERROR_CORRUPT,
  IPD_ERROR_IO,
  IPD_ERROR_FAILED,           /* anything else: an internal error */
} IpdError;

GQuark   ipd_error_quark      (void);
IpdError ipd_error_from_errno (int err_no);
gboolean ipd_set_error_from_errno (GError **error, int err_no);

G_END_DECLS
