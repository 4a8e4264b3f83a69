/* ipd-demo.h — the sample records from the provinces' own publications
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipd-store.h"

G_BEGIN_DECLS

int ipd_demo_load (IpdStore *store, GError **error);

G_END_DECLS
