/* ipd-vocabulary.h — the closed lists of the register: kinds, statuses,
 * event types, party roles and types, document types
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  IPD_VOCAB_KIND,
  IPD_VOCAB_STATUS,
  IPD_VOCAB_EVENT_TYPE,
  IPD_VOCAB_ROLE,
  IPD_VOCAB_PARTY_TYPE,
  IPD_VOCAB_DOCUMENT_TYPE,
} IpdVocabulary;

typedef struct {
  const char *code;
  const char *label;        /* English msgid; translate with ipd_vocabulary_label() */
  const char *extra;        /* kind: reference letters; event type: status it sets */
  int         number;       /* kind: years of protection (0: none); event type: ends the dossier */
} IpdTerm;

#define IPD_KIND_TRADEMARK      "trademark"
#define IPD_KIND_COLLECTIVE     "collective"
#define IPD_KIND_CERTIFICATION  "certification"
#define IPD_KIND_GI             "gi"

#define IPD_STATUS_PREPARING    "preparing"

#define IPD_ROLE_APPLICANT      "applicant"
#define IPD_ROLE_OWNER          "owner"
#define IPD_ROLE_MANAGING_ORG   "managing_org"

const IpdTerm *ipd_vocabulary_terms (IpdVocabulary vocabulary, guint *n_terms);
const IpdTerm *ipd_vocabulary_find  (IpdVocabulary vocabulary, const char *code);
const char    *ipd_vocabulary_label (IpdVocabulary vocabulary, const char *code);
char          *ipd_vocabulary_codes (IpdVocabulary vocabulary);
/* A term's place in its list, as in a drop-down of the list: G_MAXUINT
 * when @code is not one; and the code at a place, NULL past the end. */
guint          ipd_vocabulary_index   (IpdVocabulary vocabulary, const char *code);
const char    *ipd_vocabulary_code_at (IpdVocabulary vocabulary, guint index);

G_END_DECLS
