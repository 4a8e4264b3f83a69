/* ipd-test-records.h — dossiers and events the core and display tests put
 * in a register
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipd-store.h"

G_BEGIN_DECLS

IpdDossier *ipd_test_dossier_new  (const char *kind, const char *name, const char *app_number,
                                   const char *filing_date, IpdParty *applicant);
gint64      ipd_test_save_dossier (IpdStore *store, IpdDossier *dossier);
gint64      ipd_test_add_event    (IpdStore *store, gint64 dossier_id, const char *date,
                                   const char *type, const char *reference, const char *note);

G_END_DECLS
