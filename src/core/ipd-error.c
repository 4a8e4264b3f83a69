/* ipd-error.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-error.h"

#include <errno.h>
#include <gio/gio.h>

G_DEFINE_QUARK (ipd-error-quark, ipd_error)

/* The code for a failed system call's @err_no: a full disk, and a user's
 * quota used up, are told apart from other failures, as the user can do
 * something about them. */
IpdError
ipd_error_from_errno (int err_no)
{
#ifdef EDQUOT
  if (err_no == EDQUOT)
    return IPD_ERROR_NO_SPACE;
#endif
  switch (g_io_error_from_errno (err_no))
    {
    case G_IO_ERROR_NO_SPACE:
      return IPD_ERROR_NO_SPACE;
    case G_IO_ERROR_READ_ONLY:
      return IPD_ERROR_READ_ONLY;
    case G_IO_ERROR_NOT_FOUND:
      return IPD_ERROR_NOT_FOUND;
    default:
      return IPD_ERROR_IO;
    }
}

/* @error with the system's reason for @err_no, coded as above; FALSE, for
 * returning at once. */
gboolean
ipd_set_error_from_errno (GError **error, int err_no)
{
  g_set_error_literal (error, IPD_ERROR, ipd_error_from_errno (err_no), g_strerror (err_no));
  return FALSE;
}
