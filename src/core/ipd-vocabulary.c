/* ipd-vocabulary.c — the closed lists of the register
 *
 * These tables seed the register's reference tables (so foreign keys keep
 * the data honest) and give the labels their translations. The kind list is
 * a table in the register, not an enum behind the forms: industrial designs
 * and patents can be added later without a schema change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-vocabulary.h"

static const IpdTerm kinds[] = {
  { IPD_KIND_TRADEMARK,     N_("Trademark"),                "NH",   10 },
  { IPD_KIND_COLLECTIVE,    N_("Collective mark"),          "NHTT", 10 },
  { IPD_KIND_CERTIFICATION, N_("Certification mark"),       "NHCN", 10 },
  { IPD_KIND_GI,            N_("Geographical indication"),  "CDĐL",  0 },
};

static const IpdTerm statuses[] = {
  { IPD_STATUS_PREPARING, N_("In preparation"),             NULL, 0 },
  { "filed",              N_("Filed"),                      NULL, 0 },
  { "accepted",           N_("Accepted as valid"),          NULL, 0 },
  { "formality_refused",  N_("Refused at formality examination"), NULL, 0 },
  { "published",          N_("Published"),                  NULL, 0 },
  { "opposed",            N_("Opposition received"),        NULL, 0 },
  { "office_action",      N_("Office action pending"),      NULL, 0 },
  { "under_examination",  N_("Under substantive examination"), NULL, 0 },
  { "intended_grant",     N_("Notice of intended grant"),   NULL, 0 },
  { "granted",            N_("Granted"),                    NULL, 0 },
  { "refused",            N_("Refused"),                    NULL, 0 },
  { "expired",            N_("Expired"),                    NULL, 0 },
  { "withdrawn",          N_("Withdrawn"),                  NULL, 0 },
  { "invalidated",        N_("Invalidated"),                NULL, 0 },
};

/* extra: the status the event sets (NULL: none); number: 1 if it ends the dossier */
static const IpdTerm event_types[] = {
  { "filed",               N_("Application filed"),               "filed",             0 },
  { "formality_accepted",  N_("Accepted as valid"),               "accepted",          0 },
  { "formality_refused",   N_("Refused at formality examination"),"formality_refused", 0 },
  { "published",           N_("Published in the Gazette"),        "published",         0 },
  { "opposition_received", N_("Opposition received"),             "opposed",           0 },
  { "opposition_answered", N_("Opposition answered"),             "under_examination", 0 },
  { "office_action",       N_("Office action or intended refusal"), "office_action",   0 },
  { "response_filed",      N_("Response filed"),                  "under_examination", 0 },
  { "intended_grant",      N_("Notice of intended grant"),        "intended_grant",    0 },
  { "refusal",             N_("Decision of refusal"),             "refused",           1 },
  { "grant_fee_paid",      N_("Grant fee paid"),                  NULL,                0 },
  { "granted",             N_("Certificate granted"),             "granted",           0 },
  { "renewal_requested",   N_("Renewal requested"),               NULL,                0 },
  { "renewed",             N_("Renewed"),                         "granted",           0 },
  { "expired",             N_("Expired"),                         "expired",           1 },
  { "withdrawn",           N_("Withdrawn"),                       "withdrawn",         1 },
  { "invalidated",         N_("Invalidated"),                     "invalidated",       1 },
  { "transferred",         N_("Transferred"),                     NULL,                0 },
  { "note",                N_("Note"),                            NULL,                0 },
  /* the Paris priority rule (procedure/ipd-procedure.ini) is completed by it */
  { "filed_abroad",        N_("Filed abroad claiming priority"),  NULL,                0 },
};

static const IpdTerm roles[] = {
  { IPD_ROLE_APPLICANT,    N_("Applicant"),              NULL, 0 },
  { IPD_ROLE_OWNER,        N_("Owner"),                  NULL, 0 },
  { "representative",      N_("Representative"),         NULL, 0 },
  { IPD_ROLE_MANAGING_ORG, N_("Managing organisation"),  NULL, 0 },
  { "licensee",            N_("Licensee"),               NULL, 0 },
};

static const IpdTerm party_types[] = {
  { "cooperative", N_("Cooperative"), NULL, 0 },
  { "enterprise",  N_("Enterprise"),  NULL, 0 },
  { "household",   N_("Household"),   NULL, 0 },
  { "individual",  N_("Individual"),  NULL, 0 },
  { "agency",      N_("Agency"),      NULL, 0 },
};

static const IpdTerm document_types[] = {
  { "application",   N_("Application"),          NULL, 0 },
  { "office_letter", N_("Office letter"),        NULL, 0 },
  { "decision",      N_("Decision"),             NULL, 0 },
  { "certificate",   N_("Certificate"),          NULL, 0 },
  { "map",           N_("Map"),                  NULL, 0 },
  { "regulation",    N_("Regulation on use"),    NULL, 0 },
  { "attorney",      N_("Power of attorney"),    NULL, 0 },
  { "evidence",      N_("Evidence"),             NULL, 0 },
  { "other",         N_("Other"),                NULL, 0 },
};

const IpdTerm *
ipd_vocabulary_terms (IpdVocabulary vocabulary, guint *n_terms)
{
#define RETURN_TABLE(t) G_STMT_START { *n_terms = G_N_ELEMENTS (t); return t; } G_STMT_END
  switch (vocabulary)
    {
    case IPD_VOCAB_KIND:          RETURN_TABLE (kinds);
    case IPD_VOCAB_STATUS:        RETURN_TABLE (statuses);
    case IPD_VOCAB_EVENT_TYPE:    RETURN_TABLE (event_types);
    case IPD_VOCAB_ROLE:          RETURN_TABLE (roles);
    case IPD_VOCAB_PARTY_TYPE:    RETURN_TABLE (party_types);
    case IPD_VOCAB_DOCUMENT_TYPE: RETURN_TABLE (document_types);
    default:                      g_assert_not_reached ();
    }
#undef RETURN_TABLE
}

const IpdTerm *
ipd_vocabulary_find (IpdVocabulary vocabulary, const char *code)
{
  guint n_terms;
  const IpdTerm *terms = ipd_vocabulary_terms (vocabulary, &n_terms);

  if (code == NULL)
    return NULL;
  for (guint i = 0; i < n_terms; i++)
    if (g_str_equal (terms[i].code, code))
      return &terms[i];
  return NULL;
}

/* The translated label, or the code itself for a code the program does not know. */
const char *
ipd_vocabulary_label (IpdVocabulary vocabulary, const char *code)
{
  const IpdTerm *term = ipd_vocabulary_find (vocabulary, code);

  return term ? _(term->label) : code;
}

/* "a, b, c": for messages that list what is allowed. */
char *
ipd_vocabulary_codes (IpdVocabulary vocabulary)
{
  guint n_terms;
  const IpdTerm *terms = ipd_vocabulary_terms (vocabulary, &n_terms);
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < n_terms; i++)
    g_string_append_printf (codes, "%s%s", i ? ", " : "", terms[i].code);
  return g_string_free (codes, FALSE);
}

guint
ipd_vocabulary_index (IpdVocabulary vocabulary, const char *code)
{
  guint n;
  const IpdTerm *terms = ipd_vocabulary_terms (vocabulary, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (terms[i].code, code) == 0)
      return i;
  return G_MAXUINT;
}

const char *
ipd_vocabulary_code_at (IpdVocabulary vocabulary, guint index)
{
  guint n;
  const IpdTerm *terms = ipd_vocabulary_terms (vocabulary, &n);

  return index < n ? terms[index].code : NULL;
}
