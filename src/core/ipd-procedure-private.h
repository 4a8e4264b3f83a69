/* ipd-procedure-private.h — for the tests of the built-in data files
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every translatable text of the built-in .ini files (English msgids). */
const char * const *ipd_procedure_builtin_strings (guint *n_strings);

G_END_DECLS
