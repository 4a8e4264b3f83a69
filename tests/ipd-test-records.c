/* ipd-test-records.c — dossiers and events for the tests, saved or the test fails
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-test-records.h"
#include "ipd-vocabulary.h"

/**
 * ipd_test_dossier_new:
 * @applicant: (nullable): saved with the dossier
 *
 * A dossier its kind allows to be saved: a GI gets a product, a mark a
 * Nice class.
 */
IpdDossier *
ipd_test_dossier_new (const char *kind, const char *name, const char *app_number,
                      const char *filing_date, IpdParty *applicant)
{
  IpdDossier *d = ipd_dossier_new (kind, name);

  d->app_number = g_strdup (app_number);
  d->filing_date = g_strdup (filing_date);
  if (applicant != NULL)
    ipd_dossier_add_party_details (d, applicant, IPD_ROLE_APPLICANT);
  if (g_strcmp0 (kind, IPD_KIND_GI) == 0)
    ipd_dossier_add_product (d, "Chè Shan tuyết");
  else
    ipd_dossier_add_class (d, 30, "Gạo");
  return d;
}

/* Saves @dossier; returns its id. */
gint64
ipd_test_save_dossier (IpdStore *store, IpdDossier *dossier)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_save_dossier (store, dossier, &error));
  g_assert_no_error (error);
  return dossier->id;
}

/* Records an event; returns its id. */
gint64
ipd_test_add_event (IpdStore *store, gint64 dossier_id, const char *date, const char *type,
                    const char *reference, const char *note)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdEvent) event = ipd_event_new (dossier_id, date, type);

  event->reference = g_strdup (reference);
  event->note = g_strdup (note);
  g_assert_true (ipd_store_save_event (store, event, &error));
  g_assert_no_error (error);
  return event->id;
}
