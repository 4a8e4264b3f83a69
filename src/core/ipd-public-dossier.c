/* ipd-public-dossier.c — the public part of a dossier, and its status told
 * as a sentence
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-public"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ipd-date.h"
#include "ipd-event.h"
#include "ipd-public-dossier.h"
#include "ipd-task.h"
#include "ipd-vocabulary.h"

G_DEFINE_BOXED_TYPE (IpdPublicDossier, ipd_public_dossier,
                     ipd_public_dossier_ref, ipd_public_dossier_unref)

/* The steps of the procedure between the applicant and the IP Office.
 * Internal notes, transfers between parties and filings abroad are the
 * office's own business. */
static const char *public_event_types[] = {
  "filed", "formality_accepted", "formality_refused", "published",
  "opposition_received", "opposition_answered", "office_action", "response_filed",
  "intended_grant", "refusal", "grant_fee_paid", "granted",
  "renewal_requested", "renewed", "expired", "withdrawn", "invalidated",
};

/* Events that only happen to an application already in the Gazette; a
 * register seldom records every letter, so a grant proves publication too. */
static const char *publication_event_types[] = {
  "published", "opposition_received", "opposition_answered", "intended_grant",
  "grant_fee_paid", "granted", "renewal_requested", "renewed", "expired", "invalidated",
};

static gboolean
str_in (const char *needle, const char * const *haystack, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (needle, haystack[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
ipd_event_type_is_public (const char *event_type)
{
  return str_in (event_type, public_event_types, G_N_ELEMENTS (public_event_types));
}

gboolean
ipd_event_type_is_publication (const char *event_type)
{
  return str_in (event_type, publication_event_types, G_N_ELEMENTS (publication_event_types));
}

static void
milestone_free (gpointer data)
{
  IpdPublicMilestone *milestone = data;

  g_free (milestone->date);
  g_free (milestone->event_type);
  g_free (milestone);
}

static int
compare_milestones (gconstpointer a, gconstpointer b)
{
  const IpdPublicMilestone *x = *(IpdPublicMilestone * const *) a;
  const IpdPublicMilestone *y = *(IpdPublicMilestone * const *) b;

  return g_strcmp0 (x->date, y->date);
}

/* The status's date is that of the latest event that set it. */
static void
copy_events (IpdPublicDossier *self, GPtrArray *events)
{
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const IpdEvent *event = g_ptr_array_index (events, i);
      const IpdTerm *type = ipd_vocabulary_find (IPD_VOCAB_EVENT_TYPE, event->type);
      IpdPublicMilestone *milestone;

      if (ipd_event_type_is_publication (event->type))
        self->published = TRUE;
      if (type != NULL && g_strcmp0 (type->extra, self->status) == 0
          && g_strcmp0 (event->date, self->status_date) > 0)
        {
          g_free (self->status_date);
          self->status_date = g_strdup (event->date);
        }
      if (!ipd_event_type_is_public (event->type))
        continue;
      milestone = g_new0 (IpdPublicMilestone, 1);
      milestone->date = g_strdup (event->date);
      milestone->event_type = g_strdup (event->type);
      g_ptr_array_add (self->milestones, milestone);
    }
  g_ptr_array_sort (self->milestones, compare_milestones);
}

/* The next step is the open deadline due first; options the applicant
 * may let lapse (priority abroad) are advice, not the dossier's status. */
static void
copy_next_step (IpdPublicDossier *self, GPtrArray *tasks)
{
  const IpdTask *next = NULL;

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      const IpdTask *task = g_ptr_array_index (tasks, i);

      if (task->state != IPD_TASK_OPEN || g_strcmp0 (task->role, "opportunity") == 0)
        continue;
      if (next == NULL || g_strcmp0 (task->due_date, next->due_date) < 0)
        next = task;
    }
  if (next == NULL)
    return;
  self->next_rule = g_strdup (next->rule_id);
  self->next_title = g_strdup (next->title);
  self->next_date = g_strdup (next->due_date);
}

/**
 * ipd_public_dossier_new:
 * @dossier: a dossier as the store loads it
 * @events: (element-type IpdEvent) (nullable): its events
 * @tasks: (element-type IpdTask) (nullable): its tasks
 *
 * Returns: (transfer full): the public fields only
 */
IpdPublicDossier *
ipd_public_dossier_new (const IpdDossier *dossier, GPtrArray *events, GPtrArray *tasks)
{
  IpdPublicDossier *self = g_atomic_rc_box_new0 (IpdPublicDossier);

  g_return_val_if_fail (dossier != NULL, self);
  self->reference = g_strdup (dossier->reference);
  self->kind = g_strdup (dossier->kind);
  self->name = g_strdup (dossier->name);
  self->applicant = g_strdup (ipd_dossier_first_party_name (dossier, IPD_ROLE_APPLICANT));
  self->app_number = g_strdup (dossier->app_number);
  self->filing_date = g_strdup (dossier->filing_date);
  self->status = g_strdup (dossier->status);
  self->public_note = g_strdup (dossier->public_note);
  self->milestones = g_ptr_array_new_with_free_func (milestone_free);
  copy_events (self, events);
  copy_next_step (self, tasks);
  return self;
}

IpdPublicDossier *
ipd_public_dossier_ref (IpdPublicDossier *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
public_dossier_clear (gpointer data)
{
  IpdPublicDossier *self = data;

  g_free (self->reference);
  g_free (self->kind);
  g_free (self->name);
  g_free (self->applicant);
  g_free (self->app_number);
  g_free (self->filing_date);
  g_free (self->status);
  g_free (self->status_date);
  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  g_free (self->next_rule);
  g_free (self->next_title);
  g_free (self->next_date);
  g_free (self->public_note);
}

void
ipd_public_dossier_unref (IpdPublicDossier *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, public_dossier_clear);
}

typedef struct {
  const char *code;
  const char *sentence;   /* a printf format with the date, or none */
} Phrase;

static const Phrase status_phrases[] = {
  { IPD_STATUS_PREPARING,  N_("The department is preparing the application.") },
  { "filed",               N_("The application was filed on %s.") },
  { "accepted",            N_("The application was accepted as valid on %s.") },
  { "formality_refused",   N_("The application was refused at formality examination on %s.") },
  { "published",           N_("The application was published in the Industrial Property Gazette on %s.") },
  { "opposed",             N_("An opposition to the application was received on %s.") },
  { "office_action",       N_("The IP Office wrote to the applicant on %s.") },
  { "under_examination",   N_("The application has been under substantive examination since %s.") },
  { "intended_grant",      N_("The IP Office notified its intention to grant protection on %s.") },
  { "granted",             N_("Protection was granted on %s.") },
  { "refused",             N_("The application was refused on %s.") },
  { "expired",             N_("Protection expired on %s.") },
  { "withdrawn",           N_("The application was withdrawn on %s.") },
  { "invalidated",         N_("Protection was invalidated on %s.") },
};

/* What comes next, told to the applicant; a rule an office adds to its
 * procedure file falls back to the rule's own title. */
static const Phrase next_step_phrases[] = {
  { "formality_result",       N_("the result of the formality examination is expected by %s") },
  { "publication",            N_("publication is expected by %s") },
  { "opposition_window",      N_("third parties may oppose the application until %s") },
  { "opposition_window_gi",   N_("third parties may oppose the application until %s") },
  { "substantive_result",     N_("the result of the substantive examination is expected by %s") },
  { "substantive_result_gi",  N_("the result of the substantive examination is expected by %s") },
  { "opposition_reply",       N_("the applicant must reply to the opposition by %s") },
  { "office_action_response", N_("the applicant must answer the IP Office's letter by %s") },
  { "grant_fee",              N_("the applicant must pay the grant fee by %s") },
  { "renewal",                N_("the protection must be renewed by %s") },
};

static const char *
find_phrase (const Phrase *phrases, gsize n, const char *code)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (phrases[i].code, code) == 0)
      return _(phrases[i].sentence);
  return NULL;
}

/* A format whose only directive is the date's %s. */
static char *
with_date (const char *format, const char *iso)
{
  g_autofree char *date = ipd_date_format (iso);
  g_autoptr(GString) text = g_string_new (format);

  g_string_replace (text, "%s", date != NULL ? date : "", 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ipd_public_dossier_next_step:
 *
 * Returns: (transfer full) (nullable): "publication is expected by
 *   05/05/2026", translated; %NULL when no step is open
 */
char *
ipd_public_dossier_next_step (const IpdPublicDossier *self)
{
  const char *phrase;

  if (self->next_date == NULL)
    return NULL;
  phrase = find_phrase (next_step_phrases, G_N_ELEMENTS (next_step_phrases), self->next_rule);
  if (phrase == NULL)
    {
      g_autofree char *date = ipd_date_format (self->next_date);
      /* Translators: a deadline's title, then its date */
      return g_strdup_printf (_("%s: %s"), g_dgettext (GETTEXT_PACKAGE, self->next_title), date);
    }
  return with_date (phrase, self->next_date);
}

/**
 * ipd_public_dossier_status_sentence:
 *
 * Returns: (transfer full): the status and the next step in one sentence,
 *   translated: "The application was accepted as valid on 05/03/2026;
 *   publication is expected by 05/05/2026."
 */
char *
ipd_public_dossier_status_sentence (const IpdPublicDossier *self)
{
  const char *phrase = find_phrase (status_phrases, G_N_ELEMENTS (status_phrases), self->status);
  g_autofree char *status = NULL, *next = ipd_public_dossier_next_step (self);

  if (phrase == NULL)
    status = g_strdup (ipd_vocabulary_label (IPD_VOCAB_STATUS, self->status));
  else if (strstr (phrase, "%s") != NULL)
    status = with_date (phrase, self->status_date != NULL ? self->status_date : self->filing_date);
  else
    status = g_strdup (phrase);
  if (next == NULL)
    return g_steal_pointer (&status);
  if (g_str_has_suffix (status, "."))
    status[strlen (status) - 1] = '\0';
  /* Translators: the status ("The application was accepted as valid on
   * 05/03/2026"), then the next step ("publication is expected by 05/05/2026") */
  return g_strdup_printf (_("%s; %s."), status, next);
}
