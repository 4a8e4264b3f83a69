/* ipd-dossier-row.c — one row of a list of dossiers
 *
 * A row stands for a position of its list: when the list's query changes,
 * the row takes the new dossier's summary and notifies "summary", so that
 * a view updates the cells it shows instead of building new ones.
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

enum { PROP_0, PROP_SUMMARY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
ipd_dossier_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  IpdDossierRow *self = IPD_DOSSIER_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_boxed (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ipd_dossier_row_finalize;
  object_class->get_property = ipd_dossier_row_get_property;
  properties[PROP_SUMMARY] = g_param_spec_boxed ("summary", NULL, NULL, IPD_TYPE_DOSSIER_SUMMARY,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

/* Shows another dossier in this row. */
void
ipd_dossier_row_set_summary (IpdDossierRow *self, IpdDossierSummary *summary)
{
  g_return_if_fail (IPD_IS_DOSSIER_ROW (self));
  g_return_if_fail (summary != NULL);

  gboolean same;

  if (summary == self->summary)
    return;
  /* While typing, many positions keep their dossier: their cells stay. */
  same = self->summary != NULL && ipd_dossier_summary_equal (self->summary, summary);
  ipd_dossier_summary_ref (summary);
  g_clear_pointer (&self->summary, ipd_dossier_summary_unref);
  self->summary = summary;
  if (!same)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
