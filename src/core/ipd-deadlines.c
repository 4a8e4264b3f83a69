/* ipd-deadlines.c — what is due in a dossier
 *
 * Pure: the tasks follow from the kind, the filing date and the events
 * alone (no SQL, no "today"), so a dossier always gets the same tasks from
 * the same events, the tests can be tables, and the store recomputes every
 * dossier after a change of the rules without asking anything else.
 *
 * For every event, each rule in force on the event's date that it triggers
 * makes a task: due = event date + period (Civil Code 2015, Art. 147–148:
 * the same day number N months later, or the month's last day), moved to
 * the next working day when the rule says so. The first later event of a
 * completing type completes it (each such event completes one task of a
 * rule, in order: two office actions are answered in turn); an event that
 * ends the dossier cancels what is still open. Marks also get a renewal task
 * per term, counted from the expiry (filing + 10 years per term).
 *
 * Dates are julian days inside: a recompute of 100 000 dossiers must be
 * quick, and julian days compare and add without parsing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-deadlines"

#include "config.h"

#include <string.h>

#include "ipd-calendar-private.h"
#include "ipd-deadlines.h"
#include "ipd-event.h"
#include "ipd-vocabulary.h"

typedef struct {
  guint32         julian;
  const IpdEvent *event;
  gboolean        used;      /* completed a task of the rule being computed */
} Dated;

typedef struct {
  IpdProcedure  *procedure;
  IpdCalendar   *calendar;
  const char    *kind;
  GArray        *events;     /* Dated, by date then id */
  guint32       *effective;  /* julian day each rule took effect, by index in the rules */
  const Dated   *end;        /* the first event that ends the dossier, or NULL */
  GPtrArray     *tasks;      /* IpdTaskSpec* */
} Compute;

void
ipd_task_spec_free (IpdTaskSpec *spec)
{
  if (spec == NULL)
    return;
  g_free (spec->rule_id);
  g_free (spec->title);
  g_free (spec->citation);
  g_free (spec->trigger_key);
  g_free (spec->trigger_date);
  g_free (spec->due_date);
  g_free (spec->window_from);
  g_free (spec->grace_until);
  g_free (spec->completed_by);
  g_free (spec->done_date);
  g_free (spec);
}

/* ------------------------------------------------------------------ */
/* Dates                                                                */

/* Dates are parsed and written by hand here, not with sscanf/printf: this
 * runs for every date of every dossier when the rules change (100 000
 * dossiers in a few seconds). */
static char *
iso_of (guint32 julian)
{
  GDate date;
  guint year, month, day;
  char text[11];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);
  day = g_date_get_day (&date);
  text[0] = (char) ('0' + year / 1000 % 10);
  text[1] = (char) ('0' + year / 100 % 10);
  text[2] = (char) ('0' + year / 10 % 10);
  text[3] = (char) ('0' + year % 10);
  text[4] = '-';
  text[5] = (char) ('0' + month / 10);
  text[6] = (char) ('0' + month % 10);
  text[7] = '-';
  text[8] = (char) ('0' + day / 10);
  text[9] = (char) ('0' + day % 10);
  text[10] = '\0';
  return g_strdup (text);
}

static guint
digits (const char *text, guint n)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return G_MAXUINT;
      value = value * 10 + (guint) (text[i] - '0');
    }
  return value;
}

/* YYYY-MM-DD to a julian day; 0 for anything else. */
static guint32
julian_of (const char *iso)
{
  guint year, month, day;
  GDate date;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return 0;
  year = digits (iso, 4);
  month = digits (iso + 5, 2);
  day = digits (iso + 8, 2);
  if (year == G_MAXUINT || month == G_MAXUINT || day == G_MAXUINT
      || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/* Months (or 12 × years) later. Clamped: the last day of a shorter month
 * (31/01 + 1 month = 28/02); not clamped: the days left over carry into the
 * next month (03/03). Negative @months count back. */
static guint32
add_months (guint32 julian, int months, gboolean clamp)
{
  GDate date;
  guint day, last;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  day = g_date_get_day (&date);
  g_date_set_day (&date, 1);
  if (months >= 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  last = g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date));
  if (day <= last)
    g_date_set_day (&date, day);
  else if (clamp)
    g_date_set_day (&date, last);
  else
    {
      g_date_set_day (&date, last);
      g_date_add_days (&date, day - last);
    }
  return g_date_get_julian (&date);
}

static guint32
add_period (guint32 julian, int period, IpdPeriodUnit unit, gboolean clamp)
{
  switch (unit)
    {
    case IPD_PERIOD_DAYS:   return julian + period;
    case IPD_PERIOD_MONTHS: return add_months (julian, period, clamp);
    case IPD_PERIOD_YEARS:  return add_months (julian, 12 * period, clamp);
    default:                g_assert_not_reached ();
    }
}

/* ------------------------------------------------------------------ */
/* Events                                                               */

static int
compare_dated (gconstpointer a, gconstpointer b)
{
  const Dated *x = a, *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  return x->event->id < y->event->id ? -1 : x->event->id > y->event->id;
}

static gboolean
ends_dossier (const char *type)
{
  const IpdTerm *term = ipd_vocabulary_find (IPD_VOCAB_EVENT_TYPE, type);

  return term != NULL && term->number != 0;
}

/* The events with a date, in order; events without a valid date are left
 * out (the store refuses them; nothing can be counted from them). */
static GArray *
sort_events (GPtrArray *events)
{
  GArray *sorted = g_array_new (FALSE, TRUE, sizeof (Dated));

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const IpdEvent *event = g_ptr_array_index (events, i);
      Dated dated = { julian_of (event->date), event, FALSE };

      if (dated.julian != 0 && event->type != NULL)
        g_array_append_val (sorted, dated);
    }
  g_array_sort (sorted, compare_dated);
  return sorted;
}

static gboolean
has_event (Compute *c, const char *type)
{
  for (guint i = 0; i < c->events->len; i++)
    if (g_str_equal (g_array_index (c->events, Dated, i).event->type, type))
      return TRUE;
  return FALSE;
}

static void
reset_used (Compute *c)
{
  for (guint i = 0; i < c->events->len; i++)
    g_array_index (c->events, Dated, i).used = FALSE;
}

/* ------------------------------------------------------------------ */
/* Rules                                                                */

static gboolean
rule_applies (Compute *c, const IpdRule *rule)
{
  if (!rule->enabled)
    return FALSE;
  if (rule->kinds != NULL
      && (c->kind == NULL || !g_strv_contains ((const char * const *) rule->kinds, c->kind)))
    return FALSE;
  for (guint i = 0; rule->only_if != NULL && rule->only_if[i] != NULL; i++)
    if (!has_event (c, rule->only_if[i]))
      return FALSE;
  for (guint i = 0; rule->not_if != NULL && rule->not_if[i] != NULL; i++)
    if (has_event (c, rule->not_if[i]))
      return FALSE;
  return TRUE;
}

static IpdTaskSpec *
task_new (const IpdRule *rule, guint32 trigger, guint32 due)
{
  IpdTaskSpec *spec = g_new0 (IpdTaskSpec, 1);

  spec->rule_id = g_strdup (rule->id);
  spec->title = g_strdup (rule->title);
  spec->citation = g_strdup (rule->citation);
  spec->trigger_date = iso_of (trigger);
  spec->due_date = iso_of (due);
  spec->completed_by = g_strdup (rule->completed_by ? rule->completed_by[0] : NULL);
  spec->state = IPD_TASK_OPEN;
  return spec;
}

static void
mark_done (IpdTaskSpec *spec, Dated *by)
{
  by->used = TRUE;
  spec->state = IPD_TASK_DONE;
  spec->done_date = iso_of (by->julian);
  spec->done_event_id = by->event->id;
}

/* The earliest unused completing event dated in [@from, @until]
 * (@until 0: no end), other than the trigger itself. @late_type, when
 * set, completes even after @until (a renewal the Office granted). */
static Dated *
find_completion (Compute *c, const IpdRule *rule, const IpdEvent *trigger,
                 guint32 from, guint32 until, const char *late_type)
{
  for (guint i = 0; rule->completed_by != NULL && i < c->events->len; i++)
    {
      Dated *dated = &g_array_index (c->events, Dated, i);

      if (dated->used || dated->event == trigger || dated->julian < from)
        continue;
      if (!g_strv_contains ((const char * const *) rule->completed_by, dated->event->type))
        continue;
      if (until != 0 && dated->julian > until && g_strcmp0 (dated->event->type, late_type) != 0)
        continue;
      return dated;
    }
  return NULL;
}

/* An event that ends the dossier before the task was done cancels it; an
 * event on the same day as the completion leaves it done. */
static void
apply_end (Compute *c, IpdTaskSpec *spec, guint32 done)
{
  if (c->end == NULL || (spec->state == IPD_TASK_DONE && done <= c->end->julian))
    return;
  g_clear_pointer (&spec->done_date, g_free);
  spec->state = IPD_TASK_CANCELLED;
  spec->done_date = iso_of (c->end->julian);
  spec->done_event_id = c->end->event->id;
}

/* The task of @rule triggered by @trigger, or NULL when it makes none. */
static IpdTaskSpec *
event_task (Compute *c, const IpdRule *rule, const Dated *trigger)
{
  IpdTaskSpec *spec;
  Dated *completion;
  int period = rule->period;
  guint32 due;

  if (rule->period_from_event)
    {
      if (trigger->event->period_months > 0)
        period = trigger->event->period_months;
      if (period == 0)
        return NULL;   /* no period in the letter and no default: nothing to count */
    }
  due = add_period (trigger->julian, period, rule->unit, rule->clamp_end_of_month);
  if (rule->roll_to_working_day)
    due = ipd_calendar_roll_julian (c->calendar, due);

  spec = task_new (rule, trigger->julian, due);
  spec->trigger_key = g_strdup_printf ("event:%" G_GINT64_FORMAT, trigger->event->id);
  spec->trigger_event_id = trigger->event->id;
  completion = find_completion (c, rule, trigger->event, trigger->julian, 0, NULL);
  if (completion != NULL)
    mark_done (spec, completion);
  apply_end (c, spec, completion ? completion->julian : 0);
  return spec;
}

/* Every version of rule @id (rules[first..last)) against every event, in
 * order, so that completing events are used up in the order of the tasks. */
static void
compute_event_rule (Compute *c, GPtrArray *rules, guint first, guint last)
{
  reset_used (c);
  for (guint i = 0; i < c->events->len; i++)
    {
      const Dated *trigger = &g_array_index (c->events, Dated, i);
      const IpdRule *rule = NULL;
      IpdTaskSpec *spec;

      /* the version in force on the trigger date: the latest one not after it */
      for (guint r = first; r < last; r++)
        if (c->effective[r] <= trigger->julian)
          rule = g_ptr_array_index (rules, r);
      if (rule == NULL || !g_str_equal (rule->trigger, trigger->event->type)
          || !rule_applies (c, rule))
        continue;
      spec = event_task (c, rule, trigger);
      if (spec != NULL)
        g_ptr_array_add (c->tasks, spec);
    }
}

/* ------------------------------------------------------------------ */
/* Terms and renewals                                                   */

/* The @n-th (0-based) event of @type, or NULL. */
static Dated *
nth_event (Compute *c, const char *type, guint n)
{
  for (guint i = 0; type != NULL && i < c->events->len; i++)
    {
      Dated *dated = &g_array_index (c->events, Dated, i);
      if (g_str_equal (dated->event->type, type) && n-- == 0)
        return dated;
    }
  return NULL;
}

static guint
count_events (Compute *c, const char *type)
{
  guint n = 0;

  while (nth_event (c, type, n) != NULL)
    n++;
  return n;
}

/* The renewal task of term @k (key "expiry:<k>"), due on that expiry. */
static IpdTaskSpec *
expiry_task (Compute *c, const IpdRule *rule, const IpdProtectionTerm *term,
             guint32 expiry, guint k, guint renewals)
{
  guint32 due = add_period (expiry, rule->period, rule->unit, rule->clamp_end_of_month);
  guint32 window = rule->window_months ? add_months (expiry, -rule->window_months, TRUE) : expiry;
  guint32 grace = 0;
  IpdTaskSpec *spec;
  Dated *completion;

  if (rule->roll_to_working_day)
    due = ipd_calendar_roll_julian (c->calendar, due);
  if (rule->grace_months)
    {
      grace = add_months (due, rule->grace_months, rule->clamp_end_of_month);
      if (rule->grace_roll_to_working_day)
        grace = ipd_calendar_roll_julian (c->calendar, grace);
    }

  spec = task_new (rule, expiry, due);
  spec->trigger_key = g_strdup_printf ("expiry:%u", k);
  if (rule->window_months)
    spec->window_from = iso_of (window);
  if (grace)
    spec->grace_until = iso_of (grace);
  spec->surcharge_percent_per_month = rule->surcharge_percent_per_month;

  /* A request after the grace is too late; the Office's renewal counts
   * whenever it is recorded. A later term exists only because this one was
   * renewed: its renewal completes this task when nothing else did. */
  completion = find_completion (c, rule, NULL, window, grace ? grace : due, term->renewed_by);
  if (completion == NULL && k < renewals)
    completion = nth_event (c, term->renewed_by, k);
  if (completion != NULL)
    mark_done (spec, completion);
  apply_end (c, spec, completion ? completion->julian : 0);
  return spec;
}

/* Expiry = filing + years × (1 + renewals), counted from the filing date
 * each time (29/02 keeps its day in leap years). Returns 0 for no expiry. */
static guint32
expiry_of (guint32 filing, int years, guint renewals)
{
  return add_months (filing, 12 * years * (int) (renewals + 1), TRUE);
}

static void
compute_expiry_rule (Compute *c, GPtrArray *rules, guint first, guint last,
                     const IpdProtectionTerm *term, guint32 filing)
{
  guint renewals = count_events (c, term->renewed_by);

  reset_used (c);
  for (guint k = 0; k <= renewals; k++)
    {
      guint32 expiry = expiry_of (filing, term->years, k);
      const IpdRule *rule = NULL;

      for (guint r = first; r < last; r++)
        if (c->effective[r] <= expiry)
          rule = g_ptr_array_index (rules, r);
      if (rule == NULL || !g_str_equal (rule->trigger, IPD_RULE_TRIGGER_EXPIRY)
          || !rule_applies (c, rule))
        continue;
      g_ptr_array_add (c->tasks, expiry_task (c, rule, term, expiry, k, renewals));
    }
}

/* ------------------------------------------------------------------ */

static int
compare_tasks (gconstpointer a, gconstpointer b)
{
  const IpdTaskSpec *x = *(IpdTaskSpec * const *) a;
  const IpdTaskSpec *y = *(IpdTaskSpec * const *) b;
  int order = strcmp (x->due_date, y->due_date);

  if (order == 0)
    order = strcmp (x->rule_id, y->rule_id);
  return order ? order : strcmp (x->trigger_key, y->trigger_key);
}

static gboolean
is_expiry_rule (GPtrArray *rules, guint first, guint last)
{
  for (guint r = first; r < last; r++)
    if (g_str_equal (((IpdRule *) g_ptr_array_index (rules, r))->trigger, IPD_RULE_TRIGGER_EXPIRY))
      return TRUE;
  return FALSE;
}

/**
 * ipd_deadlines_compute:
 * @procedure: the rules
 * @calendar: (nullable): the working days; NULL: weekends only
 * @kind: the dossier's kind
 * @filing_date: (nullable): YYYY-MM-DD; without it there is no expiry
 * @events: (element-type IpdEvent): the dossier's events, in any order
 * @expiry_date: (out) (optional): the current expiry, NULL for kinds that
 *   never expire (GIs) or without a filing date
 *
 * Returns: (transfer full) (element-type IpdTaskSpec): the tasks, by due date
 */
GPtrArray *
ipd_deadlines_compute (IpdProcedure *procedure, IpdCalendar *calendar, const char *kind,
                       const char *filing_date, GPtrArray *events, char **expiry_date)
{
  g_autoptr(IpdCalendar) weekends = calendar ? NULL : ipd_calendar_new ();
  g_autoptr(GArray) sorted = NULL;
  g_autofree guint32 *effective = NULL;
  const IpdProtectionTerm *term;
  GPtrArray *rules;
  guint32 filing;
  Compute c = { 0 };

  if (expiry_date != NULL)
    *expiry_date = NULL;
  g_return_val_if_fail (IPD_IS_PROCEDURE (procedure), NULL);

  sorted = sort_events (events);
  c.procedure = procedure;
  c.calendar = calendar ? calendar : weekends;
  c.kind = kind;
  c.events = sorted;
  c.tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_task_spec_free);
  for (guint i = 0; i < sorted->len && c.end == NULL; i++)
    if (ends_dossier (g_array_index (sorted, Dated, i).event->type))
      c.end = &g_array_index (sorted, Dated, i);

  term = ipd_procedure_find_term (procedure, kind);
  filing = julian_of (filing_date);
  if (term != NULL && term->years > 0 && filing != 0)
    {
      guint32 expiry = expiry_of (filing, term->years, count_events (&c, term->renewed_by));
      if (expiry_date != NULL)
        *expiry_date = iso_of (expiry);
    }

  /* rules come sorted by id then date: each run of one id is one rule */
  rules = ipd_procedure_get_rules (procedure);
  effective = g_new (guint32, rules->len + 1);
  for (guint r = 0; r < rules->len; r++)
    effective[r] = julian_of (((IpdRule *) g_ptr_array_index (rules, r))->effective_from);
  c.effective = effective;
  for (guint first = 0, last; first < rules->len; first = last)
    {
      const char *id = ((IpdRule *) g_ptr_array_index (rules, first))->id;

      for (last = first + 1; last < rules->len; last++)
        if (!g_str_equal (((IpdRule *) g_ptr_array_index (rules, last))->id, id))
          break;
      if (!is_expiry_rule (rules, first, last))
        compute_event_rule (&c, rules, first, last);
      else if (term != NULL && term->years > 0 && filing != 0)
        compute_expiry_rule (&c, rules, first, last, term, filing);
    }

  g_ptr_array_sort (c.tasks, compare_tasks);
  return c.tasks;
}
