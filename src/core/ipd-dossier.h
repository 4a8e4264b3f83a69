/* ipd-dossier.h — one dossier of the register, with its kind's own data
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ipd-party.h"

G_BEGIN_DECLS

/* A Nice class (1–45) with the goods or services claimed in it. */
typedef struct {
  int   number;
  char *goods;
} IpdNiceClass;

/* A specific characteristic of a GI product: "glutamic acid ≥ 5,34 g/100 g". */
typedef struct {
  char *product;
  char *indicator;
  char *value;
  char *unit;
} IpdCharacteristic;

/* A unit of a GI's area: the name as the documents write it (often a former
 * district) and, where known, the current commune and province. */
typedef struct {
  char *as_written;
  char *commune;
  char *province;
} IpdAreaUnit;

/* A party's part in the dossier; the party itself is an IpdParty.
 *
 * With @party set, the party's details are saved with the dossier, in the
 * same transaction: a party with id 0 is created (and @party_id set), an
 * existing one updated. Several roles may share one IpdParty: it is then
 * created once. */
typedef struct {
  gint64    party_id;
  char     *role;
  char     *party_name;   /* filled by the store when loading, for display */
  IpdParty *party;        /* (nullable): details to save with the dossier */
} IpdDossierParty;

typedef struct {
  gint64 id;                    /* 0 until saved */
  char  *reference;             /* LCU-2026-0042, generated on first save */
  char  *kind;                  /* IPD_KIND_* or another kind of the register */
  char  *name;                  /* mark text or GI name */
  GPtrArray *aliases;           /* char*: other spellings */
  char  *status;                /* derived from the events; read-only */

  char  *app_number;
  gboolean app_number_override; /* accept a number that fails the format table */
  char  *filing_date;           /* dates: YYYY-MM-DD */
  char  *priority_country;
  char  *priority_number;
  char  *priority_date;
  char  *decision_number;
  char  *decision_date;
  char  *certificate_number;
  char  *grant_date;
  char  *expiry_date;           /* derived from the kind's term; read-only */

  char  *officer;
  char  *programme;
  gint64 support_amount;        /* VND */
  char  *internal_note;
  char  *public_note;

  /* trademarks, collective and certification marks */
  GPtrArray *classes;           /* IpdNiceClass */
  char  *vienna_codes;
  char  *colour_claim;
  GBytes *mark_image;           /* set to store a new sample; NULL keeps the stored one */
  char  *mark_image_sha256;     /* read-only */
  char  *regulation_ref;        /* collective and certification marks */

  /* geographical indications */
  GPtrArray *products;          /* char* */
  GPtrArray *characteristics;   /* IpdCharacteristic */
  GPtrArray *area;              /* IpdAreaUnit */
  char  *foreign_protection;

  GPtrArray *parties;           /* IpdDossierParty */

  char  *created_at;
  char  *updated_at;
  char  *deleted_at;            /* set while in the trash */
} IpdDossier;

#define IPD_TYPE_DOSSIER (ipd_dossier_get_type ())

GType       ipd_dossier_get_type (void) G_GNUC_CONST;
IpdDossier *ipd_dossier_new      (const char *kind, const char *name);
IpdDossier *ipd_dossier_ref      (IpdDossier *dossier);
void        ipd_dossier_unref    (IpdDossier *dossier);
IpdDossier *ipd_dossier_copy     (const IpdDossier *dossier);

void ipd_dossier_add_alias          (IpdDossier *dossier, const char *alias);
void ipd_dossier_add_class          (IpdDossier *dossier, int number, const char *goods);
void ipd_dossier_add_product        (IpdDossier *dossier, const char *product);
void ipd_dossier_add_characteristic (IpdDossier *dossier, const char *product,
                                     const char *indicator, const char *value,
                                     const char *unit);
void ipd_dossier_add_area_unit      (IpdDossier *dossier, const char *as_written,
                                     const char *commune, const char *province);
void ipd_dossier_add_party          (IpdDossier *dossier, gint64 party_id,
                                     const char *role, const char *party_name);
void ipd_dossier_add_party_details  (IpdDossier *dossier, IpdParty *party,
                                     const char *role);
const char *ipd_dossier_first_party_name (const IpdDossier *dossier, const char *role);

/* A row of a list of dossiers: what a table shows, without the details. */
typedef struct {
  gint64 id;
  char  *reference;
  char  *kind;
  char  *name;
  char  *applicant;
  char  *app_number;
  char  *filing_date;
  char  *status;
  char  *certificate_number;
  char  *next_deadline;
} IpdDossierSummary;

#define IPD_TYPE_DOSSIER_SUMMARY (ipd_dossier_summary_get_type ())

GType              ipd_dossier_summary_get_type (void) G_GNUC_CONST;
IpdDossierSummary *ipd_dossier_summary_new      (void);
IpdDossierSummary *ipd_dossier_summary_ref      (IpdDossierSummary *summary);
void               ipd_dossier_summary_unref    (IpdDossierSummary *summary);
gboolean           ipd_dossier_summary_equal    (const IpdDossierSummary *a,
                                                 const IpdDossierSummary *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdDossier, ipd_dossier_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdDossierSummary, ipd_dossier_summary_unref)

G_END_DECLS
