/* ipd-party.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-party"

#include "config.h"

#include "ipd-party.h"

G_DEFINE_BOXED_TYPE (IpdParty, ipd_party, ipd_party_ref, ipd_party_unref)

IpdParty *
ipd_party_new (const char *name, const char *type)
{
  IpdParty *party = g_atomic_rc_box_new0 (IpdParty);

  party->name = g_strdup (name);
  party->type = g_strdup (type);
  return party;
}

IpdParty *
ipd_party_ref (IpdParty *party)
{
  g_return_val_if_fail (party != NULL, NULL);
  return g_atomic_rc_box_acquire (party);
}

static void
party_clear (gpointer data)
{
  IpdParty *p = data;

  g_free (p->name);
  g_free (p->type);
  g_free (p->address);
  g_free (p->commune);
  g_free (p->province);
  g_free (p->tax_code);
  g_free (p->phone);
  g_free (p->email);
}

void
ipd_party_unref (IpdParty *party)
{
  g_return_if_fail (party != NULL);
  g_atomic_rc_box_release_full (party, party_clear);
}
