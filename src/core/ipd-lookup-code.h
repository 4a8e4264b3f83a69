/* ipd-lookup-code.h — the code printed on a receipt that lets its holder
 * look a dossier up at the front desk
 *
 * Ten characters of an alphabet without look-alikes (no 0/O, 1/I/L), drawn
 * from the system's cryptographic generator: about 49 bits, so that codes
 * cannot be guessed within the front desk's rate limit, and short enough
 * to type. Printed in two groups of five ("K7QXM-2PD9R"); typed in any
 * case, with or without the dash or spaces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IPD_LOOKUP_CODE_LENGTH 10

char    *ipd_lookup_code_generate  (void);
char    *ipd_lookup_code_normalize (const char *typed);
char    *ipd_lookup_code_format    (const char *code);
gboolean ipd_lookup_code_is_valid  (const char *code);

G_END_DECLS
