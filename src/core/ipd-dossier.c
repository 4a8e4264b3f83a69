/* ipd-dossier.c — one dossier of the register
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-dossier"

#include "config.h"

#include "ipd-dossier.h"

G_DEFINE_BOXED_TYPE (IpdDossier, ipd_dossier, ipd_dossier_ref, ipd_dossier_unref)
G_DEFINE_BOXED_TYPE (IpdDossierSummary, ipd_dossier_summary,
                     ipd_dossier_summary_ref, ipd_dossier_summary_unref)

static void
nice_class_free (gpointer data)
{
  IpdNiceClass *item = data;
  g_free (item->goods);
  g_free (item);
}

static void
characteristic_free (gpointer data)
{
  IpdCharacteristic *item = data;
  g_free (item->product);
  g_free (item->indicator);
  g_free (item->value);
  g_free (item->unit);
  g_free (item);
}

static void
area_unit_free (gpointer data)
{
  IpdAreaUnit *item = data;
  g_free (item->as_written);
  g_free (item->commune);
  g_free (item->province);
  g_free (item);
}

static void
dossier_party_free (gpointer data)
{
  IpdDossierParty *item = data;
  g_free (item->role);
  g_free (item->party_name);
  g_clear_pointer (&item->party, ipd_party_unref);
  g_free (item);
}

static void
dossier_init_lists (IpdDossier *dossier)
{
  dossier->aliases = g_ptr_array_new_with_free_func (g_free);
  dossier->classes = g_ptr_array_new_with_free_func (nice_class_free);
  dossier->products = g_ptr_array_new_with_free_func (g_free);
  dossier->characteristics = g_ptr_array_new_with_free_func (characteristic_free);
  dossier->area = g_ptr_array_new_with_free_func (area_unit_free);
  dossier->parties = g_ptr_array_new_with_free_func (dossier_party_free);
}

IpdDossier *
ipd_dossier_new (const char *kind, const char *name)
{
  IpdDossier *dossier = g_atomic_rc_box_new0 (IpdDossier);

  dossier->kind = g_strdup (kind);
  dossier->name = g_strdup (name);
  dossier_init_lists (dossier);
  return dossier;
}

IpdDossier *
ipd_dossier_ref (IpdDossier *dossier)
{
  g_return_val_if_fail (dossier != NULL, NULL);
  return g_atomic_rc_box_acquire (dossier);
}

static void
dossier_clear (gpointer data)
{
  IpdDossier *d = data;
  char **strings[] = {
    &d->reference, &d->kind, &d->name, &d->status, &d->app_number, &d->filing_date,
    &d->priority_country, &d->priority_number, &d->priority_date, &d->decision_number,
    &d->decision_date, &d->certificate_number, &d->grant_date, &d->expiry_date,
    &d->officer, &d->programme, &d->internal_note, &d->public_note, &d->vienna_codes,
    &d->colour_claim, &d->mark_image_sha256, &d->regulation_ref, &d->foreign_protection,
    &d->created_at, &d->updated_at, &d->deleted_at,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&d->mark_image, g_bytes_unref);
  g_clear_pointer (&d->aliases, g_ptr_array_unref);
  g_clear_pointer (&d->classes, g_ptr_array_unref);
  g_clear_pointer (&d->products, g_ptr_array_unref);
  g_clear_pointer (&d->characteristics, g_ptr_array_unref);
  g_clear_pointer (&d->area, g_ptr_array_unref);
  g_clear_pointer (&d->parties, g_ptr_array_unref);
}

void
ipd_dossier_unref (IpdDossier *dossier)
{
  g_return_if_fail (dossier != NULL);
  g_atomic_rc_box_release_full (dossier, dossier_clear);
}

/* Party details shared by several roles stay shared in the copy: one
 * party to create, not two. */
static void
copy_parties (IpdDossier *c, const IpdDossier *d)
{
  g_autoptr(GHashTable) copies = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) ipd_party_unref);

  for (guint i = 0; i < d->parties->len; i++)
    {
      IpdDossierParty *item = g_ptr_array_index (d->parties, i);
      IpdParty *details = NULL;

      if (item->party != NULL)
        {
          details = g_hash_table_lookup (copies, item->party);
          if (details == NULL)
            {
              details = ipd_party_copy (item->party);
              g_hash_table_insert (copies, item->party, details);
            }
        }
      ipd_dossier_add_party (c, item->party_id, item->role, item->party_name);
      if (details != NULL)
        ((IpdDossierParty *) g_ptr_array_index (c->parties, c->parties->len - 1))->party = ipd_party_ref (details);
    }
}

/* A deep copy, to edit without touching what others hold. */
IpdDossier *
ipd_dossier_copy (const IpdDossier *d)
{
  IpdDossier *c;

  g_return_val_if_fail (d != NULL, NULL);

  c = g_atomic_rc_box_new0 (IpdDossier);
  c->id = d->id;
  c->app_number_override = d->app_number_override;
  c->support_amount = d->support_amount;
  c->reference = g_strdup (d->reference);
  c->kind = g_strdup (d->kind);
  c->name = g_strdup (d->name);
  c->status = g_strdup (d->status);
  c->app_number = g_strdup (d->app_number);
  c->filing_date = g_strdup (d->filing_date);
  c->priority_country = g_strdup (d->priority_country);
  c->priority_number = g_strdup (d->priority_number);
  c->priority_date = g_strdup (d->priority_date);
  c->decision_number = g_strdup (d->decision_number);
  c->decision_date = g_strdup (d->decision_date);
  c->certificate_number = g_strdup (d->certificate_number);
  c->grant_date = g_strdup (d->grant_date);
  c->expiry_date = g_strdup (d->expiry_date);
  c->officer = g_strdup (d->officer);
  c->programme = g_strdup (d->programme);
  c->internal_note = g_strdup (d->internal_note);
  c->public_note = g_strdup (d->public_note);
  c->vienna_codes = g_strdup (d->vienna_codes);
  c->colour_claim = g_strdup (d->colour_claim);
  c->mark_image = d->mark_image ? g_bytes_ref (d->mark_image) : NULL;
  c->mark_image_sha256 = g_strdup (d->mark_image_sha256);
  c->regulation_ref = g_strdup (d->regulation_ref);
  c->foreign_protection = g_strdup (d->foreign_protection);
  c->created_at = g_strdup (d->created_at);
  c->updated_at = g_strdup (d->updated_at);
  c->deleted_at = g_strdup (d->deleted_at);

  dossier_init_lists (c);
  for (guint i = 0; i < d->aliases->len; i++)
    ipd_dossier_add_alias (c, g_ptr_array_index (d->aliases, i));
  for (guint i = 0; i < d->classes->len; i++)
    {
      IpdNiceClass *item = g_ptr_array_index (d->classes, i);
      ipd_dossier_add_class (c, item->number, item->goods);
    }
  for (guint i = 0; i < d->products->len; i++)
    ipd_dossier_add_product (c, g_ptr_array_index (d->products, i));
  for (guint i = 0; i < d->characteristics->len; i++)
    {
      IpdCharacteristic *item = g_ptr_array_index (d->characteristics, i);
      ipd_dossier_add_characteristic (c, item->product, item->indicator, item->value, item->unit);
    }
  for (guint i = 0; i < d->area->len; i++)
    {
      IpdAreaUnit *item = g_ptr_array_index (d->area, i);
      ipd_dossier_add_area_unit (c, item->as_written, item->commune, item->province);
    }
  copy_parties (c, d);
  return c;
}

void
ipd_dossier_add_alias (IpdDossier *dossier, const char *alias)
{
  g_return_if_fail (dossier != NULL && alias != NULL);
  g_ptr_array_add (dossier->aliases, g_strdup (alias));
}

void
ipd_dossier_add_class (IpdDossier *dossier, int number, const char *goods)
{
  IpdNiceClass *item = g_new0 (IpdNiceClass, 1);

  g_return_if_fail (dossier != NULL);
  item->number = number;
  item->goods = g_strdup (goods);
  g_ptr_array_add (dossier->classes, item);
}

void
ipd_dossier_add_product (IpdDossier *dossier, const char *product)
{
  g_return_if_fail (dossier != NULL && product != NULL);
  g_ptr_array_add (dossier->products, g_strdup (product));
}

void
ipd_dossier_add_characteristic (IpdDossier *dossier, const char *product,
                                const char *indicator, const char *value,
                                const char *unit)
{
  IpdCharacteristic *item = g_new0 (IpdCharacteristic, 1);

  g_return_if_fail (dossier != NULL);
  item->product = g_strdup (product);
  item->indicator = g_strdup (indicator);
  item->value = g_strdup (value);
  item->unit = g_strdup (unit);
  g_ptr_array_add (dossier->characteristics, item);
}

void
ipd_dossier_add_area_unit (IpdDossier *dossier, const char *as_written,
                           const char *commune, const char *province)
{
  IpdAreaUnit *item = g_new0 (IpdAreaUnit, 1);

  g_return_if_fail (dossier != NULL);
  item->as_written = g_strdup (as_written);
  item->commune = g_strdup (commune);
  item->province = g_strdup (province);
  g_ptr_array_add (dossier->area, item);
}

void
ipd_dossier_add_party (IpdDossier *dossier, gint64 party_id,
                       const char *role, const char *party_name)
{
  IpdDossierParty *item = g_new0 (IpdDossierParty, 1);

  g_return_if_fail (dossier != NULL && role != NULL);
  item->party_id = party_id;
  item->role = g_strdup (role);
  item->party_name = g_strdup (party_name);
  g_ptr_array_add (dossier->parties, item);
}

/**
 * ipd_dossier_add_party_details:
 * @party: a party to create on saving (id 0), or an existing one whose
 *   details are to be saved with the dossier
 *
 * Adds @party in @role. The dossier keeps a reference to @party: saving the
 * dossier sets its id when it creates it.
 */
void
ipd_dossier_add_party_details (IpdDossier *dossier, IpdParty *party, const char *role)
{
  IpdDossierParty *item;

  g_return_if_fail (dossier != NULL && party != NULL && role != NULL);
  ipd_dossier_add_party (dossier, party->id, role, party->name);
  item = g_ptr_array_index (dossier->parties, dossier->parties->len - 1);
  item->party = ipd_party_ref (party);
}

const char *
ipd_dossier_first_party_name (const IpdDossier *dossier, const char *role)
{
  g_return_val_if_fail (dossier != NULL && role != NULL, NULL);
  for (guint i = 0; i < dossier->parties->len; i++)
    {
      IpdDossierParty *item = g_ptr_array_index (dossier->parties, i);
      if (g_str_equal (item->role, role))
        return item->party_name;
    }
  return NULL;
}

IpdDossierSummary *
ipd_dossier_summary_new (void)
{
  return g_atomic_rc_box_new0 (IpdDossierSummary);
}

IpdDossierSummary *
ipd_dossier_summary_ref (IpdDossierSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);
  return g_atomic_rc_box_acquire (summary);
}

static void
summary_clear (gpointer data)
{
  IpdDossierSummary *s = data;

  g_free (s->reference);
  g_free (s->kind);
  g_free (s->name);
  g_free (s->applicant);
  g_free (s->app_number);
  g_free (s->filing_date);
  g_free (s->status);
  g_free (s->certificate_number);
  g_free (s->next_deadline);
}

void
ipd_dossier_summary_unref (IpdDossierSummary *summary)
{
  g_return_if_fail (summary != NULL);
  g_atomic_rc_box_release_full (summary, summary_clear);
}

/* Whether two summaries show the same: a table need not redraw a row
 * whose summary is replaced by an equal one. */
gboolean
ipd_dossier_summary_equal (const IpdDossierSummary *a, const IpdDossierSummary *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->id == b->id
         && g_strcmp0 (a->reference, b->reference) == 0
         && g_strcmp0 (a->kind, b->kind) == 0
         && g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->applicant, b->applicant) == 0
         && g_strcmp0 (a->app_number, b->app_number) == 0
         && g_strcmp0 (a->filing_date, b->filing_date) == 0
         && g_strcmp0 (a->status, b->status) == 0
         && g_strcmp0 (a->certificate_number, b->certificate_number) == 0
         && g_strcmp0 (a->next_deadline, b->next_deadline) == 0;
}
