/* ipd-party.h — an applicant, owner, representative, managing organisation or licensee
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  gint64 id;          /* 0 until saved */
  char  *name;
  char  *type;        /* cooperative, enterprise, household, individual, agency */
  char  *address;     /* as written on the documents, former units included */
  char  *commune;     /* current commune (after the 2025 reorganisation) */
  char  *province;    /* current province */
  char  *tax_code;    /* or ID number for a person */
  char  *phone;
  char  *email;
} IpdParty;

#define IPD_TYPE_PARTY (ipd_party_get_type ())

GType     ipd_party_get_type (void) G_GNUC_CONST;
IpdParty *ipd_party_new      (const char *name, const char *type);
IpdParty *ipd_party_ref      (IpdParty *party);
void      ipd_party_unref    (IpdParty *party);
IpdParty *ipd_party_copy     (const IpdParty *party);
void      ipd_party_set_details (IpdParty *party, const IpdParty *details);
gboolean  ipd_party_equal    (const IpdParty *a, const IpdParty *b);
char     *ipd_party_check    (const IpdParty *party);
gboolean  ipd_party_same_name (const IpdParty *party, const char *name);
gboolean  ipd_party_same_tax_code (const IpdParty *party, const char *tax_code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdParty, ipd_party_unref)

G_END_DECLS
