/* ipd-dossier-row.c — one row of a list of dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-dossier-row"

#include "config.h"

#include "ipd-dossier-row.h"

struct _IpdDossierRow
{
  GObject            parent_instance;
  IpdDossierSummary *summary;
};

G_DEFINE_FINAL_TYPE (IpdDossierRow, ipd_dossier_row, G_TYPE_OBJECT)

static void
ipd_dossier_row_finalize (GObject *object)
{
  IpdDossierRow *self = IPD_DOSSIER_ROW (object);

  g_clear_pointer (&self->summary, ipd_dossier_summary_unref);
  G_OBJECT_CLASS (ipd_dossier_row_parent_class)->finalize (object);
}

static void
ipd_dossier_row_class_init (IpdDossierRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipd_dossier_row_finalize;
}

static void
ipd_dossier_row_init (IpdDossierRow *self)
{
}

IpdDossierRow *
ipd_dossier_row_new (IpdDossierSummary *summary)
{
  IpdDossierRow *self;

  g_return_val_if_fail (summary != NULL, NULL);
  self = g_object_new (IPD_TYPE_DOSSIER_ROW, NULL);
  self->summary = ipd_dossier_summary_ref (summary);
  return self;
}

IpdDossierSummary *
ipd_dossier_row_get_summary (IpdDossierRow *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_ROW (self), NULL);
  return self->summary;
}

gint64
ipd_dossier_row_get_id (IpdDossierRow *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_ROW (self), 0);
  return self->summary->id;
}
