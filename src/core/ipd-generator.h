/* ipd-generator.h — realistic synthetic registers, for tests and benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipd-store.h"

G_BEGIN_DECLS

typedef void (*IpdGeneratorProgress) (guint done, guint total, gpointer user_data);

gboolean ipd_generator_run (IpdStore             *store,
                            guint                 n_dossiers,
                            guint32               seed,
                            IpdGeneratorProgress  progress,
                            gpointer              user_data,
                            GCancellable         *cancellable,
                            GError              **error);

G_END_DECLS
