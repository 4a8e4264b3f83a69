/* ipd-error.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-error.h"

G_DEFINE_QUARK (ipd-error-quark, ipd_error)
