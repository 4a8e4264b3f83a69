/* ipd-random.h — bytes from the system's cryptographic generator, for
 * what must not be guessed: lookup codes and salts
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ipd_random_bytes (guint8 *bytes, gsize length);

G_END_DECLS
