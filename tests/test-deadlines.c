/* test-deadlines.c — the procedure file and the deadline engine, table-driven:
 * every rule for each kind, end of month and leap years, rolling over
 * weekends and Tết, versions of a rule, conditions, completions,
 * cancellation, renewal (window, grace, after grace, restart) and GIs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ipd-calendar.h"
#include "ipd-core-resources.h"
#include "ipd-deadlines.h"
#include "ipd-error.h"
#include "ipd-event.h"
#include "ipd-procedure.h"
#include "ipd-procedure-private.h"
#include "ipd-vocabulary.h"

static const char * const all_kinds[] = { "trademark", "collective", "certification", "gi" };

typedef struct {
  gint64      id;
  const char *date;       /* NULL ends a list */
  const char *type;
  int         period;
} Ev;

static IpdProcedure *
builtin_procedure (void)
{
  static IpdProcedure *procedure;

  if (procedure == NULL)
    {
      g_autoptr(GError) error = NULL;
      procedure = ipd_procedure_new_builtin (&error);
      g_assert_no_error (error);
    }
  return procedure;
}

static IpdCalendar *
builtin_calendar (void)
{
  static IpdCalendar *calendar;

  if (calendar == NULL)
    {
      g_autoptr(GError) error = NULL;
      calendar = ipd_calendar_new_builtin (&error);
      g_assert_no_error (error);
    }
  return calendar;
}

static GPtrArray *
make_events (const Ev *events)
{
  GPtrArray *array = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_event_unref);

  for (guint i = 0; events != NULL && events[i].date != NULL; i++)
    {
      IpdEvent *event = ipd_event_new (1, events[i].date, events[i].type);
      event->id = events[i].id;
      event->period_months = events[i].period;
      g_ptr_array_add (array, event);
    }
  return array;
}

static GPtrArray *
compute_with (IpdProcedure *procedure, const char *kind, const char *filing, const Ev *events,
              char **expiry)
{
  g_autoptr(GPtrArray) array = make_events (events);
  GPtrArray *tasks = ipd_deadlines_compute (procedure, builtin_calendar (), kind, filing, array, expiry);

  g_assert_nonnull (tasks);
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTaskSpec *t = g_ptr_array_index (tasks, i);
      g_test_message ("  %s %s trigger %s due %s state %d done %s", t->rule_id, t->trigger_key,
                      t->trigger_date, t->due_date, t->state, t->done_date);
    }
  return tasks;
}

static GPtrArray *
compute (const char *kind, const char *filing, const Ev *events, char **expiry)
{
  return compute_with (builtin_procedure (), kind, filing, events, expiry);
}

static IpdTaskSpec *
find_task (GPtrArray *tasks, const char *rule_id, const char *trigger_key)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTaskSpec *t = g_ptr_array_index (tasks, i);
      if (g_str_equal (t->rule_id, rule_id) && g_str_equal (t->trigger_key, trigger_key))
        return t;
    }
  return NULL;
}

static guint
count_rule (GPtrArray *tasks, const char *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < tasks->len; i++)
    if (g_str_equal (((IpdTaskSpec *) g_ptr_array_index (tasks, i))->rule_id, rule_id))
      n++;
  return n;
}

static void
assert_task (GPtrArray *tasks, const char *rule_id, const char *key, const char *due,
             IpdTaskState state, const char *done_date, gint64 done_event_id)
{
  IpdTaskSpec *t = find_task (tasks, rule_id, key);

  g_test_message ("expect %s %s due %s", rule_id, key, due);
  g_assert_nonnull (t);
  g_assert_cmpstr (t->due_date, ==, due);
  g_assert_cmpint (t->state, ==, state);
  g_assert_cmpstr (t->done_date, ==, done_date);
  g_assert_cmpint (t->done_event_id, ==, done_event_id);
}

/* ------------------------------------------------------------------ */
/* The built-in files                                                   */

static void
assert_event_types_known (IpdProcedure *procedure, char **codes)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_test_message ("event type %s", codes[i]);
      g_assert_nonnull (ipd_vocabulary_find (IPD_VOCAB_EVENT_TYPE, codes[i]));
      g_assert_true (g_strv_contains (ipd_procedure_get_event_types (procedure), codes[i]));
    }
}

static void
test_builtin_loads (void)
{
  IpdProcedure *procedure = builtin_procedure ();
  GPtrArray *rules = ipd_procedure_get_rules (procedure);
  const char *checksum = ipd_procedure_get_checksum (procedure);
  const char * const *types = ipd_procedure_get_event_types (procedure);
  guint n_strings = 0;
  const char * const *strings = ipd_procedure_builtin_strings (&n_strings);
  gboolean versioned = FALSE;

  g_assert_cmpuint (rules->len, >=, 12);
  g_assert_cmpuint (strlen (checksum), ==, 64);
  for (guint i = 0; types[i] != NULL; i++)
    g_assert_nonnull (ipd_vocabulary_find (IPD_VOCAB_EVENT_TYPE, types[i]));

  for (guint i = 0; i < rules->len; i++)
    {
      IpdRule *rule = g_ptr_array_index (rules, i);
      char *trigger[] = { rule->trigger, NULL };

      g_test_message ("rule %s %s", rule->id, rule->effective_from);
      if (!g_str_equal (rule->trigger, IPD_RULE_TRIGGER_EXPIRY))
        assert_event_types_known (procedure, trigger);
      assert_event_types_known (procedure, rule->only_if);
      assert_event_types_known (procedure, rule->not_if);
      assert_event_types_known (procedure, rule->completed_by);
      for (guint k = 0; rule->kinds != NULL && rule->kinds[k] != NULL; k++)
        g_assert_nonnull (ipd_vocabulary_find (IPD_VOCAB_KIND, rule->kinds[k]));
      /* every text reaches the translators */
      g_assert_true (g_strv_contains (strings, rule->title));
      g_assert_true (g_strv_contains (strings, rule->citation));
      if (i > 0 && g_str_equal (rule->id, ((IpdRule *) g_ptr_array_index (rules, i - 1))->id))
        versioned = TRUE;
    }
  g_assert_true (versioned);

  for (guint i = 0; i < ipd_procedure_get_terms (procedure)->len; i++)
    {
      IpdProtectionTerm *term = g_ptr_array_index (ipd_procedure_get_terms (procedure), i);
      g_assert_true (g_strv_contains (strings, term->citation));
    }
  /* every kind of the register has a term */
  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    g_assert_nonnull (ipd_procedure_find_term (procedure, all_kinds[i]));
  g_assert_cmpint (ipd_procedure_find_term (procedure, "trademark")->years, ==, 10);
  g_assert_cmpstr (ipd_procedure_find_term (procedure, "trademark")->renewed_by, ==, "renewed");
  g_assert_cmpint (ipd_procedure_find_term (procedure, "gi")->years, ==, 0);
}

/* The checksum is that of the bytes: the same file gives the same sum,
 * one changed byte another. */
static void
test_checksum (void)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (ipd_core_get_resource (), "/io/github/ipdossiers/IpDossiers/core/procedure/ipd-procedure.ini",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  g_autofree char *changed = g_strconcat (data, "\n# a comment\n", NULL);
  g_autoptr(IpdProcedure) other = ipd_procedure_new_from_data (changed, strlen (changed), NULL);

  g_assert_cmpstr (ipd_procedure_get_checksum (builtin_procedure ()), ==, expected);
  g_assert_nonnull (other);
  g_assert_cmpstr (ipd_procedure_get_checksum (other), !=, expected);
}

/* ------------------------------------------------------------------ */
/* Every rule for each kind                                             */

typedef struct {
  const char *rule_id;
  const char *trigger;        /* the event type, dated 15/03/2024 */
  int         period;         /* the event's period_months */
  const char *due[4];         /* trademark, collective, certification, gi; NULL: no task */
} RuleCase;

#define MARKS(d) { d, d, d, NULL }
#define ALL(d)   { d, d, d, d }
#define NONE     { NULL, NULL, NULL, NULL }

static const RuleCase rule_cases[] = {
  { "formality_result",       "filed",               0, ALL ("2024-04-15") },
  { "publication",            "formality_accepted",  0, ALL ("2024-05-15") },
  { "opposition_window",      "published",           0, MARKS ("2024-08-15") },
  { "opposition_window_gi",   "published",           0, { NULL, NULL, NULL, "2024-06-15" } },
  /* 15/12/2024 is a Sunday: office deadlines do not roll */
  { "substantive_result",     "published",           0, MARKS ("2024-12-15") },
  { "substantive_result_gi",  "published",           0, { NULL, NULL, NULL, "2024-09-15" } },
  /* the default 2 months: 15/05/2024, a Wednesday */
  { "opposition_reply",       "opposition_received", 0, ALL ("2024-05-15") },
  /* the letter's 4 months: 15/07/2024, a Monday */
  { "opposition_reply",       "opposition_received", 4, ALL ("2024-07-15") },
  /* the letter's 3 months: 15/06/2024 is a Saturday, rolls to Monday */
  { "office_action_response", "office_action",       3, ALL ("2024-06-17") },
  /* no months in the letter and no default: no task */
  { "office_action_response", "office_action",       0, NONE },
  /* the default 3 months, rolled from Saturday 15/06/2024 */
  { "grant_fee",              "intended_grant",      0, ALL ("2024-06-17") },
  { "grant_fee",              "intended_grant",      2, ALL ("2024-05-15") },
  /* disabled in the built-in file */
  { "paris_priority",         "filed",               0, NONE },
};

static void
test_rules_each_kind (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
      {
        const RuleCase *rc = &rule_cases[i];
        const Ev events[] = { { 7, "2024-03-15", rc->trigger, rc->period }, { 0 } };
        g_autoptr(GPtrArray) tasks = NULL;
        IpdTaskSpec *t;

        g_test_message ("%s × %s", rc->rule_id, all_kinds[k]);
        tasks = compute (all_kinds[k], NULL, events, NULL);
        t = find_task (tasks, rc->rule_id, "event:7");
        if (rc->due[k] == NULL)
          {
            g_assert_cmpuint (count_rule (tasks, rc->rule_id), ==, 0);
            continue;
          }
        g_assert_nonnull (t);
        g_assert_cmpstr (t->due_date, ==, rc->due[k]);
        g_assert_cmpstr (t->trigger_date, ==, "2024-03-15");
        g_assert_cmpint (t->trigger_event_id, ==, 7);
        g_assert_cmpint (t->state, ==, IPD_TASK_OPEN);
        g_assert_null (t->done_date);
        g_assert_null (t->window_from);
        g_assert_null (t->grace_until);
        g_assert_cmpint (t->surcharge_percent_per_month, ==, 0);
        g_assert_nonnull (t->title);
        g_assert_nonnull (t->citation);
        g_assert_cmpstr (t->completed_by, ==,
                         ipd_procedure_find_rule (builtin_procedure (), rc->rule_id, "2024-03-15")->completed_by
                           ? ipd_procedure_find_rule (builtin_procedure (), rc->rule_id, "2024-03-15")->completed_by[0]
                           : NULL);
      }
}

/* ------------------------------------------------------------------ */
/* Date arithmetic                                                      */

typedef struct {
  const char *filed;
  const char *due;
} DateCase;

static void
test_end_of_month (void)
{
  static const DateCase cases[] = {
    { "2023-01-31", "2023-02-28" },   /* common year */
    { "2024-01-31", "2024-02-29" },   /* leap year */
    { "2024-03-31", "2024-04-30" },
    { "2023-12-31", "2024-01-31" },
    { "2024-02-29", "2024-03-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Ev events[] = { { 1, cases[i].filed, "filed", 0 }, { 0 } };
      g_autoptr(GPtrArray) tasks = compute ("trademark", cases[i].filed, events, NULL);

      g_test_message ("%s + 1 month", cases[i].filed);
      assert_task (tasks, "formality_result", "event:1", cases[i].due, IPD_TASK_OPEN, NULL, 0);
    }
}

/* A small procedure for what the built-in one does not show. */
static const char fixture[] =
  "[Procedure]\n"
  "Format=1\n"
  "EventTypes=filed;published;transferred;note;office_action;response_filed;\n"
  "[Term marks]\n"
  "Kinds=trademark;\n"
  "Years=10\n"
  "Citation=Fixture\n"
  "[Rule carry 2000-01-01]\n"
  "Title=Carry over\n"
  "Citation=Fixture\n"
  "Trigger=filed\n"
  "Period=1\n"
  "Unit=months\n"
  "ClampEndOfMonth=false\n"
  "Role=office\n"
  "[Rule yearly 2000-01-01]\n"
  "Title=A year later\n"
  "Citation=Fixture\n"
  "Trigger=filed\n"
  "Period=1\n"
  "Unit=years\n"
  "Role=office\n"
  "[Rule days 2000-01-01]\n"
  "Title=Ten days\n"
  "Citation=Fixture\n"
  "Trigger=filed\n"
  "Period=10\n"
  "Unit=days\n"
  "RollToWorkingDay=true\n"
  "Role=office\n"
  "[Rule conditional 2000-01-01]\n"
  "Title=Only if published, not if transferred\n"
  "Citation=Fixture\n"
  "Kinds=*;\n"
  "Trigger=filed\n"
  "Period=2\n"
  "Unit=months\n"
  "OnlyIf=published;\n"
  "NotIf=transferred;\n"
  "Role=office\n";

static IpdProcedure *
fixture_procedure (void)
{
  g_autoptr(GError) error = NULL;
  IpdProcedure *procedure = ipd_procedure_new_from_data (fixture, strlen (fixture), &error);

  g_assert_no_error (error);
  return procedure;
}

static void
test_periods_unclamped_years_days (void)
{
  static const struct { const char *filed, *carry, *yearly, *days; } cases[] = {
    { "2023-01-31", "2023-03-03", "2024-01-31", "2023-02-10" },
    { "2024-01-31", "2024-03-02", "2025-01-31", "2024-02-15" },   /* 10/02/2024: Tết (08–14/02) */
    { "2024-02-29", "2024-03-29", "2025-02-28", "2024-03-11" },   /* leap day + 1 year; 10/03 a Sunday */
    { "2023-05-31", "2023-07-01", "2024-05-31", "2023-06-12" },   /* 10/06/2023 a Saturday */
  };
  g_autoptr(IpdProcedure) procedure = fixture_procedure ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Ev events[] = { { 3, cases[i].filed, "filed", 0 }, { 0 } };
      g_autoptr(GPtrArray) tasks = compute_with (procedure, "trademark", cases[i].filed, events, NULL);

      g_test_message ("filed %s", cases[i].filed);
      assert_task (tasks, "carry", "event:3", cases[i].carry, IPD_TASK_OPEN, NULL, 0);
      assert_task (tasks, "yearly", "event:3", cases[i].yearly, IPD_TASK_OPEN, NULL, 0);
      assert_task (tasks, "days", "event:3", cases[i].days, IPD_TASK_OPEN, NULL, 0);
    }
}

/* ------------------------------------------------------------------ */
/* Rolling to a working day                                             */

typedef struct {
  const char *letter;
  int         months;
  const char *due;
  const char *why;
} RollCase;

static void
test_roll (void)
{
  static const RollCase cases[] = {
    { "2024-03-15", 3, "2024-06-17", "15/06/2024 is a Saturday" },
    { "2024-11-15", 3, "2025-02-17", "15/02/2025 is a Saturday" },
    { "2024-10-28", 3, "2025-02-03", "28/01/2025 is Tết: rolls past Tết and the weekend" },
    { "2024-10-29", 3, "2025-02-03", "29/01/2025, the first day of the lunar year" },
    { "2024-02-04", 3, "2024-05-04", "04/05/2024 is a make-up Saturday: worked, stays" },
    { "2024-01-30", 3, "2024-05-02", "30/04/2024 and 01/05/2024 are holidays" },
    { "2024-03-13", 2, "2024-05-13", "a Monday stays" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Ev events[] = { { 5, cases[i].letter, "office_action", cases[i].months }, { 0 } };
      g_autoptr(GPtrArray) tasks = NULL;

      g_test_message ("%s", cases[i].why);
      tasks = compute ("trademark", NULL, events, NULL);
      assert_task (tasks, "office_action_response", "event:5", cases[i].due, IPD_TASK_OPEN, NULL, 0);
    }
}

/* Without a holiday table only weekends count; a rule that does not roll
 * keeps a Saturday. */
static void
test_roll_without_table (void)
{
  const Ev events[] = { { 5, "2024-10-29", "office_action", 3 }, { 6, "2024-05-01", "filed", 0 }, { 0 } };
  g_autoptr(GPtrArray) array = make_events (events);
  g_autoptr(IpdCalendar) weekends = ipd_calendar_new ();
  g_autoptr(GPtrArray) with_weekends = ipd_deadlines_compute (builtin_procedure (), weekends, "gi", NULL, array, NULL);
  g_autoptr(GPtrArray) with_null = ipd_deadlines_compute (builtin_procedure (), NULL, "gi", NULL, array, NULL);

  assert_task (with_weekends, "office_action_response", "event:5", "2025-01-29", IPD_TASK_OPEN, NULL, 0);
  assert_task (with_null, "office_action_response", "event:5", "2025-01-29", IPD_TASK_OPEN, NULL, 0);
  /* formality result: 01/06/2024 is a Saturday, and stays (the later
   * office action completes it) */
  assert_task (with_weekends, "formality_result", "event:6", "2024-06-01", IPD_TASK_DONE, "2024-10-29", 5);
}

/* ------------------------------------------------------------------ */
/* Versions of a rule                                                   */

static void
test_versioned_rule (void)
{
  static const struct {
    const char *published, *substantive, *opposition;
  } cases[] = {
    { "2022-06-10", "2023-03-10", NULL },            /* old version: 9 months; no opposition period yet */
    { "2022-12-31", "2023-09-30", NULL },            /* the last day of the old version */
    { "2023-01-01", "2023-07-01", "2023-04-01" },    /* the first day of the new one: 6 months */
    { "2023-06-10", "2023-12-10", "2023-09-10" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Ev events[] = { { 9, cases[i].published, "published", 0 }, { 0 } };
      g_autoptr(GPtrArray) tasks = compute ("gi", NULL, events, NULL);
      IpdTaskSpec *t;

      g_test_message ("GI published %s", cases[i].published);
      assert_task (tasks, "substantive_result_gi", "event:9", cases[i].substantive, IPD_TASK_OPEN, NULL, 0);
      t = find_task (tasks, "opposition_window_gi", "event:9");
      if (cases[i].opposition == NULL)
        g_assert_null (t);
      else
        g_assert_cmpstr (t->due_date, ==, cases[i].opposition);
    }

  /* the citation follows the version */
  g_assert_cmpstr (ipd_procedure_find_rule (builtin_procedure (), "substantive_result_gi", "2022-12-31")->effective_from,
                   ==, "2006-07-01");
  g_assert_cmpstr (ipd_procedure_find_rule (builtin_procedure (), "substantive_result_gi", "2023-01-01")->effective_from,
                   ==, "2023-01-01");
  g_assert_null (ipd_procedure_find_rule (builtin_procedure (), "opposition_window", "2022-12-31"));
}

/* ------------------------------------------------------------------ */
/* Conditions                                                           */

static void
test_conditions (void)
{
  static const struct {
    Ev events[4];
    gboolean task;
  } cases[] = {
    { { { 1, "2024-01-10", "filed", 0 }, { 0 } }, FALSE },                                   /* not published */
    { { { 1, "2024-01-10", "filed", 0 }, { 2, "2024-05-10", "published", 0 }, { 0 } }, TRUE }, /* published later: any date */
    { { { 1, "2024-01-10", "filed", 0 }, { 2, "2024-05-10", "published", 0 },
        { 3, "2024-06-10", "transferred", 0 }, { 0 } }, FALSE },                             /* transferred */
  };
  g_autoptr(IpdProcedure) procedure = fixture_procedure ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) tasks = compute_with (procedure, "gi", NULL, cases[i].events, NULL);

      g_test_message ("case %u", i);
      if (cases[i].task)
        assert_task (tasks, "conditional", "event:1", "2024-03-10", IPD_TASK_OPEN, NULL, 0);
      else
        g_assert_null (find_task (tasks, "conditional", "event:1"));
      /* the other rules are for trademarks only or every kind */
      g_assert_nonnull (find_task (tasks, "carry", "event:1"));
    }
}

/* ------------------------------------------------------------------ */
/* Completions                                                          */

static void
test_two_office_actions_answered_in_turn (void)
{
  const Ev events[] = {
    { 20, "2024-07-01", "response_filed", 0 },   /* any order */
    { 10, "2024-03-13", "office_action", 2 },
    { 11, "2024-06-12", "office_action", 3 },
    { 12, "2024-04-20", "response_filed", 0 },
    { 0 }
  };
  g_autoptr(GPtrArray) tasks = compute ("trademark", NULL, events, NULL);

  assert_task (tasks, "office_action_response", "event:10", "2024-05-13", IPD_TASK_DONE, "2024-04-20", 12);
  assert_task (tasks, "office_action_response", "event:11", "2024-09-12", IPD_TASK_DONE, "2024-07-01", 20);
  g_assert_cmpstr (find_task (tasks, "office_action_response", "event:10")->completed_by, ==, "response_filed");
}

static void
test_responses_before_the_second_letter (void)
{
  const Ev events[] = {
    { 10, "2024-03-13", "office_action", 2 },
    { 12, "2024-04-20", "response_filed", 0 },
    { 13, "2024-04-25", "response_filed", 0 },   /* a second response to the first letter */
    { 11, "2024-06-12", "office_action", 3 },
    { 0 }
  };
  g_autoptr(GPtrArray) tasks = compute ("trademark", NULL, events, NULL);

  assert_task (tasks, "office_action_response", "event:10", "2024-05-13", IPD_TASK_DONE, "2024-04-20", 12);
  /* a response older than the letter does not answer it */
  assert_task (tasks, "office_action_response", "event:11", "2024-09-12", IPD_TASK_OPEN, NULL, 0);
}

/* One event may complete tasks of different rules. */
static void
test_completion_shared_between_rules (void)
{
  const Ev events[] = {
    { 1, "2024-01-10", "filed", 0 },
    { 2, "2024-01-30", "office_action", 2 },
    { 0 }
  };
  g_autoptr(GPtrArray) tasks = compute ("collective", "2024-01-10", events, NULL);

  assert_task (tasks, "formality_result", "event:1", "2024-02-10", IPD_TASK_DONE, "2024-01-30", 2);
  /* 30/03/2024 is a Saturday */
  assert_task (tasks, "office_action_response", "event:2", "2024-04-01", IPD_TASK_OPEN, NULL, 0);
}

static void
test_full_path_to_grant (void)
{
  const Ev events[] = {
    { 1, "2024-01-10", "filed", 0 },
    { 2, "2024-02-05", "formality_accepted", 0 },
    { 3, "2024-03-20", "published", 0 },
    { 4, "2024-11-04", "intended_grant", 0 },
    { 5, "2024-12-02", "grant_fee_paid", 0 },
    { 6, "2025-03-03", "granted", 0 },
    { 0 }
  };
  g_autofree char *expiry = NULL;
  g_autoptr(GPtrArray) tasks = compute ("certification", "2024-01-10", events, &expiry);

  assert_task (tasks, "formality_result", "event:1", "2024-02-10", IPD_TASK_DONE, "2024-02-05", 2);
  assert_task (tasks, "publication", "event:2", "2024-04-05", IPD_TASK_DONE, "2024-03-20", 3);
  assert_task (tasks, "opposition_window", "event:3", "2024-08-20", IPD_TASK_OPEN, NULL, 0);
  assert_task (tasks, "substantive_result", "event:3", "2024-12-20", IPD_TASK_DONE, "2024-11-04", 4);
  /* 04/02/2025 is a Tuesday */
  assert_task (tasks, "grant_fee", "event:4", "2025-02-04", IPD_TASK_DONE, "2024-12-02", 5);
  assert_task (tasks, "renewal", "expiry:0", "2034-01-10", IPD_TASK_OPEN, NULL, 0);
  g_assert_cmpstr (expiry, ==, "2034-01-10");
  g_assert_cmpuint (tasks->len, ==, 6);
  /* by due date */
  for (guint i = 1; i < tasks->len; i++)
    g_assert_cmpstr (((IpdTaskSpec *) g_ptr_array_index (tasks, i - 1))->due_date, <=,
                     ((IpdTaskSpec *) g_ptr_array_index (tasks, i))->due_date);
}

/* A register often records only some of the IP Office's letters: a later
 * step shows that the earlier ones happened. */
static void
test_later_steps_complete_office_tasks (void)
{
  const Ev events[] = {
    { 1, "2019-05-02", "filed", 0 },
    { 2, "2020-08-17", "granted", 0 },
    { 0 }
  };
  g_autoptr(GPtrArray) tasks = compute ("trademark", "2019-05-02", events, NULL);

  assert_task (tasks, "formality_result", "event:1", "2019-06-02", IPD_TASK_DONE, "2020-08-17", 2);
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTaskSpec *task = g_ptr_array_index (tasks, i);
      g_assert_true (task->state != IPD_TASK_OPEN || g_str_equal (task->rule_id, "renewal"));
    }
}

/* ------------------------------------------------------------------ */
/* Ending the dossier                                                   */

static void
test_ends_dossier_cancels (void)
{
  const Ev events[] = {
    { 1, "2024-01-10", "filed", 0 },
    { 2, "2024-01-15", "formality_accepted", 0 },
    { 3, "2024-01-20", "withdrawn", 0 },
    { 4, "2024-03-01", "published", 0 },       /* recorded after the end: cancelled at once */
    { 0 }
  };
  g_autoptr(GPtrArray) tasks = compute ("trademark", "2024-01-10", events, NULL);

  /* done before the end: stays done */
  assert_task (tasks, "formality_result", "event:1", "2024-02-10", IPD_TASK_DONE, "2024-01-15", 2);
  /* open at the end: cancelled, dated by the ending event */
  assert_task (tasks, "publication", "event:2", "2024-03-15", IPD_TASK_CANCELLED, "2024-01-20", 3);
  assert_task (tasks, "substantive_result", "event:4", "2024-12-01", IPD_TASK_CANCELLED, "2024-01-20", 3);
}

/* A refusal both completes the examination and ends the dossier. */
static void
test_refusal_completes_then_ends (void)
{
  const Ev events[] = {
    { 1, "2023-03-20", "published", 0 },
    { 2, "2023-10-02", "refusal", 0 },
    { 0 }
  };
  g_autoptr(GPtrArray) tasks = compute ("trademark", NULL, events, NULL);

  assert_task (tasks, "substantive_result", "event:1", "2023-12-20", IPD_TASK_DONE, "2023-10-02", 2);
  /* a milestone has nothing that completes it: the end cancels it too */
  assert_task (tasks, "opposition_window", "event:1", "2023-08-20", IPD_TASK_CANCELLED, "2023-10-02", 2);
}

/* ------------------------------------------------------------------ */
/* Terms and renewal                                                    */

typedef struct {
  const char  *why;
  Ev           events[5];
  IpdTaskState state;
  const char  *done_date;
  gint64       done_event_id;
} RenewalCase;

/* Filed 15/03/2010, granted: expires 15/03/2020 (a Sunday; the expiry
 * itself does not roll). Window from 15/09/2019, grace to 15/09/2020. */
static const RenewalCase renewal_cases[] = {
  { "requested inside the window",
    { { 1, "2011-06-01", "granted", 0 }, { 2, "2019-12-02", "renewal_requested", 0 }, { 0 } },
    IPD_TASK_DONE, "2019-12-02", 2 },
  { "requested on the first day of the window",
    { { 1, "2011-06-01", "granted", 0 }, { 2, "2019-09-15", "renewal_requested", 0 }, { 0 } },
    IPD_TASK_DONE, "2019-09-15", 2 },
  { "requested before the window opens: does not count",
    { { 1, "2011-06-01", "granted", 0 }, { 2, "2019-09-14", "renewal_requested", 0 }, { 0 } },
    IPD_TASK_OPEN, NULL, 0 },
  { "requested in the grace, with the surcharge",
    { { 1, "2011-06-01", "granted", 0 }, { 2, "2020-06-01", "renewal_requested", 0 }, { 0 } },
    IPD_TASK_DONE, "2020-06-01", 2 },
  { "requested on the last day of the grace",
    { { 1, "2011-06-01", "granted", 0 }, { 2, "2020-09-15", "renewal_requested", 0 }, { 0 } },
    IPD_TASK_DONE, "2020-09-15", 2 },
  { "requested after the grace: too late, the task stays open",
    { { 1, "2011-06-01", "granted", 0 }, { 2, "2020-09-16", "renewal_requested", 0 }, { 0 } },
    IPD_TASK_OPEN, NULL, 0 },
  { "after the grace the mark expired: cancelled",
    { { 1, "2011-06-01", "granted", 0 }, { 3, "2020-09-20", "expired", 0 }, { 0 } },
    IPD_TASK_CANCELLED, "2020-09-20", 3 },
  { "nothing recorded yet",
    { { 1, "2011-06-01", "granted", 0 }, { 0 } },
    IPD_TASK_OPEN, NULL, 0 },
};

static void
test_renewal (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (renewal_cases); i++)
    for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
      {
        const RenewalCase *rc = &renewal_cases[i];
        g_autofree char *expiry = NULL;
        g_autoptr(GPtrArray) tasks = NULL;
        IpdTaskSpec *t;

        g_test_message ("%s × %s", rc->why, all_kinds[k]);
        tasks = compute (all_kinds[k], "2010-03-15", rc->events, &expiry);
        t = find_task (tasks, "renewal", "expiry:0");
        if (g_str_equal (all_kinds[k], "gi"))
          {
            /* GIs never expire */
            g_assert_null (expiry);
            g_assert_cmpuint (count_rule (tasks, "renewal"), ==, 0);
            continue;
          }
        g_assert_cmpstr (expiry, ==, "2020-03-15");
        g_assert_nonnull (t);
        g_assert_cmpstr (t->trigger_date, ==, "2020-03-15");
        g_assert_cmpstr (t->due_date, ==, "2020-03-15");
        g_assert_cmpstr (t->window_from, ==, "2019-09-15");
        g_assert_cmpstr (t->grace_until, ==, "2020-09-15");
        g_assert_cmpint (t->surcharge_percent_per_month, ==, 10);
        g_assert_cmpint (t->trigger_event_id, ==, 0);
        g_assert_cmpstr (t->completed_by, ==, "renewal_requested");
        g_assert_cmpint (t->state, ==, rc->state);
        g_assert_cmpstr (t->done_date, ==, rc->done_date);
        g_assert_cmpint (t->done_event_id, ==, rc->done_event_id);
        g_assert_cmpuint (count_rule (tasks, "renewal"), ==, 1);
      }
}

/* A renewal restarts the cycle: the next expiry is 10 years later and its
 * renewal task appears at once. */
static void
test_renewed_restarts (void)
{
  const Ev events[] = {
    { 1, "2011-06-01", "granted", 0 },
    { 2, "2019-12-02", "renewal_requested", 0 },
    { 3, "2020-02-03", "renewed", 0 },
    { 0 }
  };
  g_autofree char *expiry = NULL;
  g_autoptr(GPtrArray) tasks = compute ("trademark", "2010-03-15", events, &expiry);
  IpdTaskSpec *next;

  g_assert_cmpstr (expiry, ==, "2030-03-15");
  assert_task (tasks, "renewal", "expiry:0", "2020-03-15", IPD_TASK_DONE, "2019-12-02", 2);
  assert_task (tasks, "renewal", "expiry:1", "2030-03-15", IPD_TASK_OPEN, NULL, 0);
  next = find_task (tasks, "renewal", "expiry:1");
  g_assert_cmpstr (next->window_from, ==, "2029-09-15");
  /* 15/09/2030 is a Sunday: the grace ends on Monday */
  g_assert_cmpstr (next->grace_until, ==, "2030-09-16");
  g_assert_cmpuint (count_rule (tasks, "renewal"), ==, 2);
}

/* Only the Office's decision recorded, late: it still renews. */
static void
test_renewed_recorded_late (void)
{
  const Ev events[] = {
    { 1, "2011-06-01", "granted", 0 },
    { 3, "2021-01-10", "renewed", 0 },
    { 0 }
  };
  g_autofree char *expiry = NULL;
  g_autoptr(GPtrArray) tasks = compute ("collective", "2010-03-15", events, &expiry);

  g_assert_cmpstr (expiry, ==, "2030-03-15");
  assert_task (tasks, "renewal", "expiry:0", "2020-03-15", IPD_TASK_DONE, "2021-01-10", 3);
  assert_task (tasks, "renewal", "expiry:1", "2030-03-15", IPD_TASK_OPEN, NULL, 0);
}

static void
test_renewal_needs_grant (void)
{
  const Ev events[] = { { 1, "2010-03-15", "filed", 0 }, { 0 } };
  g_autofree char *expiry = NULL;
  g_autoptr(GPtrArray) tasks = compute ("trademark", "2010-03-15", events, &expiry);

  /* the term runs from filing; nothing to renew until granted */
  g_assert_cmpstr (expiry, ==, "2020-03-15");
  g_assert_cmpuint (count_rule (tasks, "renewal"), ==, 0);
}

static void
test_leap_day_expiry (void)
{
  const Ev events[] = { { 1, "2025-01-02", "granted", 0 }, { 2, "2033-12-01", "renewed", 0 }, { 0 } };
  g_autofree char *expiry = NULL;
  g_autoptr(GPtrArray) tasks = compute ("trademark", "2024-02-29", events, &expiry);

  /* counted from the filing date each time: 28/02/2034, then 29/02/2044 */
  assert_task (tasks, "renewal", "expiry:0", "2034-02-28", IPD_TASK_DONE, "2033-12-01", 2);
  g_assert_cmpstr (find_task (tasks, "renewal", "expiry:0")->window_from, ==, "2033-08-28");
  g_assert_cmpstr (expiry, ==, "2044-02-29");
}

static void
test_gi_never_expires (void)
{
  const Ev events[] = {
    { 1, "2015-01-05", "filed", 0 },
    { 2, "2016-08-19", "granted", 0 },
    { 3, "2026-08-19", "renewed", 0 },   /* meaningless for a GI: still no expiry */
    { 0 }
  };
  g_autofree char *expiry = NULL;
  g_autoptr(GPtrArray) tasks = compute ("gi", "2015-01-05", events, &expiry);

  g_assert_null (expiry);
  g_assert_cmpuint (count_rule (tasks, "renewal"), ==, 0);
  g_assert_nonnull (find_task (tasks, "formality_result", "event:1"));
}

/* The same events in another order give the same tasks and keys. */
static void
test_stable_keys (void)
{
  const Ev forward[] = {
    { 1, "2024-01-10", "filed", 0 }, { 2, "2024-03-01", "office_action", 2 },
    { 3, "2024-03-01", "office_action", 3 }, { 4, "2024-04-01", "response_filed", 0 }, { 0 }
  };
  const Ev backward[] = {
    { 4, "2024-04-01", "response_filed", 0 }, { 3, "2024-03-01", "office_action", 3 },
    { 2, "2024-03-01", "office_action", 2 }, { 1, "2024-01-10", "filed", 0 }, { 0 }
  };
  g_autoptr(GPtrArray) a = compute ("trademark", "2024-01-10", forward, NULL);
  g_autoptr(GPtrArray) b = compute ("trademark", "2024-01-10", backward, NULL);

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      IpdTaskSpec *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      g_assert_cmpstr (x->rule_id, ==, y->rule_id);
      g_assert_cmpstr (x->trigger_key, ==, y->trigger_key);
      g_assert_cmpstr (x->due_date, ==, y->due_date);
      g_assert_cmpint (x->state, ==, y->state);
      g_assert_cmpint (x->done_event_id, ==, y->done_event_id);
    }
  /* two letters on the same day: the lower id is answered first */
  assert_task (a, "office_action_response", "event:2", "2024-05-02", IPD_TASK_DONE, "2024-04-01", 4);
  assert_task (a, "office_action_response", "event:3", "2024-06-03", IPD_TASK_OPEN, NULL, 0);
}

/* Events without a valid date are left out, not fatal. */
static void
test_undated_events_ignored (void)
{
  const Ev events[] = { { 1, "", "filed", 0 }, { 2, "2024-02-30", "filed", 0 }, { 0 } };
  g_autoptr(GPtrArray) tasks = compute ("trademark", "not a date", events, NULL);

  g_assert_cmpuint (tasks->len, ==, 0);
}

/* ------------------------------------------------------------------ */
/* Loading files: errors and the user's override                        */

static char *
builtin_text (void)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (ipd_core_get_resource (), "/io/github/ipdossiers/IpDossiers/core/procedure/ipd-procedure.ini",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

/* The built-in file with one line replaced. */
static char *
builtin_with (const char *line, const char *replacement)
{
  g_autofree char *text = builtin_text ();
  char *at = strstr (text, line);

  g_assert_nonnull (at);
  *at = '\0';
  return g_strconcat (text, replacement, at + strlen (line), NULL);
}

typedef struct {
  const char *line;
  const char *replacement;
  const char *group;          /* expected in the message */
  const char *key;            /* expected in the message (NULL: none) */
} BadCase;

static const BadCase bad_cases[] = {
  { "Unit=months\nClampEndOfMonth=true\nRollToWorkingDay=false\nRole=office\nCompletedBy=published;intended_grant;refusal;granted;",
    "Unit=weeks\nClampEndOfMonth=true\nRollToWorkingDay=false\nRole=office\nCompletedBy=published;intended_grant;refusal;granted;",
    "[Rule publication 2006-07-01]", "Unit" },
  { "Trigger=formality_accepted", "Trigger=accepted_formally", "[Rule publication 2006-07-01]", "Trigger" },
  { "CompletedBy=opposition_answered;", "CompletedBy=opposition_answerd;", "[Rule opposition_reply 2006-07-01]", "CompletedBy" },
  { "Title=Pay the grant fee", "Title=Pay the grant fee\nDueIn=3", "[Rule grant_fee 2006-07-01]", "DueIn" },
  { "Title=Pay the grant fee\n", "", "[Rule grant_fee 2006-07-01]", "Title" },
  { "RollToWorkingDay=true\nRole=applicant\nCompletedBy=grant_fee_paid;granted;",
    "RollToWorkingDay=maybe\nRole=applicant\nCompletedBy=grant_fee_paid;granted;",
    "[Rule grant_fee 2006-07-01]", "RollToWorkingDay" },
  { "\nFormat=1\n", "\nFormat=2\n", "[Procedure]", "Format" },
  { "Kinds=gi;\nYears=0", "Kinds=gi;patent;\nYears=0", "[Term gi]", "Kinds" },
  { "Kinds=gi;\nYears=0", "Kinds=trademark;\nYears=0", "[Term gi]", "Kinds" },
  { "Years=10", "Years=ten", "[Term marks]", "Years" },
  { "[Rule substantive_result_gi 2023-01-01]", "[Rule substantive_result_gi 2006-07-01]",
    "[Rule substantive_result_gi 2006-07-01]", NULL },
  { "[Rule renewal 2006-07-01]", "[Rule renewal 2006-13-01]", "[Rule renewal 2006-13-01]", NULL },
  { "[Rule renewal 2006-07-01]", "[Rules renewal 2006-07-01]", "[Rules renewal 2006-07-01]", NULL },
  { "Period=2\nUnit=months\nClampEndOfMonth=true\nRollToWorkingDay=true\nRole=applicant\nCompletedBy=opposition_answered;",
    "Period=2\nUnit=days\nClampEndOfMonth=true\nRollToWorkingDay=true\nRole=applicant\nCompletedBy=opposition_answered;",
    "[Rule opposition_reply 2006-07-01]", "Unit" },
  { "Role=milestone\n\n# vi: Hết", "Role=deadline\n\n# vi: Hết", "[Rule opposition_window 2023-01-01]", "Role" },
  { "Period=1\n", "Period=-1\n", "[Rule formality_result 2006-07-01]", "Period" },
  { "WindowMonths=6", "WindowMonths=six", "[Rule renewal 2006-07-01]", "WindowMonths" },
  { "Period=9\nUnit=months\nClampEndOfMonth=true\nRollToWorkingDay=false\nRole=office\nCompletedBy=intended_grant;refusal;office_action;granted;\n\n# Two",
    "Period=9\nUnit=months\nGraceMonths=6\nClampEndOfMonth=true\nRollToWorkingDay=false\nRole=office\nCompletedBy=intended_grant;refusal;office_action;granted;\n\n# Two",
    "[Rule substantive_result 2006-07-01]", "GraceMonths" },
  { "renewed;filed_abroad;", "filed_abroad;", "[Term marks]", "RenewedBy" },
};

static void
test_invalid_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *text = builtin_with (bad_cases[i].line, bad_cases[i].replacement);
      g_autoptr(GError) error = NULL;
      g_autoptr(IpdProcedure) procedure = ipd_procedure_new_from_data (text, strlen (text), &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(loaded)");
      g_assert_null (procedure);
      g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad_cases[i].group));
      if (bad_cases[i].key != NULL)
        {
          g_autofree char *key = g_strdup_printf ("key %s:", bad_cases[i].key);
          g_assert_nonnull (strstr (error->message, key));
        }
    }
}

static void
test_not_a_key_file (void)
{
  static const char *texts[] = {
    "this is not a key file\n",
    "[Procedure]\nFormat=1\n",                                      /* no EventTypes */
    "[Procedure]\nFormat=1\nEventTypes=filed;\n",                  /* no rules */
    "[Procedure]\nFormat=1\nEventTypes=filed;\n[Rule a 2020-01-01]\nTitle=\xff\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpdProcedure) procedure = ipd_procedure_new_from_data (texts[i], strlen (texts[i]), &error);

      g_test_message ("%s", error ? error->message : "(loaded)");
      g_assert_null (procedure);
      g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
    }
}

static char *
write_temp (const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("procedure-XXXXXX.ini", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* An invalid override is reported (naming the group and key) and the
 * built-in rules are used; a valid one replaces them. */
static void
test_override (void)
{
  g_autofree char *bad_text = builtin_with ("Unit=months\nClampEndOfMonth=true\nRollToWorkingDay=false\nRole=office\nCompletedBy=published;intended_grant;refusal;granted;",
                                            "Unit=weeks\nClampEndOfMonth=true\nRollToWorkingDay=false\nRole=office\nCompletedBy=published;intended_grant;refusal;granted;");
  g_autofree char *good_text = builtin_with ("Period=1\n", "Period=2\n");
  g_autofree char *bad = write_temp (bad_text);
  g_autofree char *good = write_temp (good_text);
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "no-such-dir", "procedure.ini", NULL);
  const char *builtin_sum = ipd_procedure_get_checksum (builtin_procedure ());
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdProcedure) from_bad = NULL;
  g_autoptr(IpdProcedure) from_good = NULL;
  g_autoptr(IpdProcedure) from_missing = NULL;
  g_autoptr(IpdProcedure) direct = NULL;

  /* loading it directly fails, naming the file, the group and the key */
  direct = ipd_procedure_new_from_file (bad, &error);
  g_assert_null (direct);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, bad));
  g_assert_nonnull (strstr (error->message, "[Rule publication 2006-07-01]"));
  g_assert_nonnull (strstr (error->message, "key Unit:"));
  g_clear_error (&error);

  from_bad = ipd_procedure_new_with_override (bad, &error);
  g_assert_nonnull (from_bad);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "key Unit:"));
  g_assert_cmpstr (ipd_procedure_get_checksum (from_bad), ==, builtin_sum);
  g_clear_error (&error);

  from_good = ipd_procedure_new_with_override (good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipd_procedure_get_checksum (from_good), !=, builtin_sum);
  g_assert_cmpint (ipd_procedure_find_rule (from_good, "formality_result", "2024-01-01")->period, ==, 2);

  from_missing = ipd_procedure_new_with_override (missing, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ipd_procedure_get_checksum (from_missing), ==, builtin_sum);

  g_unlink (bad);
  g_unlink (good);
}

/* The default procedure reads the user's config folder: an invalid file
 * there warns and leaves the built-in rules in force. */
static void
test_default_with_invalid_override (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *config = g_dir_make_tmp ("ipd-config-XXXXXX", NULL);
      g_autofree char *dir = g_build_filename (config, "ipdossiers", NULL);
      g_autofree char *path = g_build_filename (dir, "procedure.ini", NULL);
      IpdProcedure *procedure;

      g_setenv ("XDG_CONFIG_HOME", config, TRUE);
      g_mkdir_with_parents (dir, 0700);
      g_file_set_contents (path, "[Procedure]\nFormat=1\nEventTypes=filed;\nColour=blue\n", -1, NULL);
      g_test_expect_message ("ipd-procedure", G_LOG_LEVEL_WARNING, "*key Colour:*built-in rules are used*");
      procedure = ipd_procedure_get_default ();
      g_test_assert_expected_messages ();
      g_assert_nonnull (procedure);
      g_assert_cmpstr (ipd_procedure_get_checksum (procedure), ==,
                       ipd_procedure_get_checksum (builtin_procedure ()));
      g_assert_nonnull (ipd_procedure_get_default_error ());
      g_assert_nonnull (strstr (ipd_procedure_get_default_error ()->message, "key Colour:"));
      g_assert_true (ipd_procedure_get_default () == procedure);
      g_unlink (path);
      g_rmdir (dir);
      g_rmdir (config);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/procedure/builtin-loads", test_builtin_loads);
  g_test_add_func ("/procedure/checksum", test_checksum);
  g_test_add_func ("/procedure/invalid-files", test_invalid_files);
  g_test_add_func ("/procedure/not-a-key-file", test_not_a_key_file);
  g_test_add_func ("/procedure/override", test_override);
  g_test_add_func ("/procedure/default-with-invalid-override", test_default_with_invalid_override);
  g_test_add_func ("/deadlines/rules-each-kind", test_rules_each_kind);
  g_test_add_func ("/deadlines/end-of-month", test_end_of_month);
  g_test_add_func ("/deadlines/unclamped-years-days", test_periods_unclamped_years_days);
  g_test_add_func ("/deadlines/roll", test_roll);
  g_test_add_func ("/deadlines/roll-without-table", test_roll_without_table);
  g_test_add_func ("/deadlines/versioned-rule", test_versioned_rule);
  g_test_add_func ("/deadlines/conditions", test_conditions);
  g_test_add_func ("/deadlines/completion/office-actions-in-turn", test_two_office_actions_answered_in_turn);
  g_test_add_func ("/deadlines/completion/responses-before-letter", test_responses_before_the_second_letter);
  g_test_add_func ("/deadlines/completion/shared-between-rules", test_completion_shared_between_rules);
  g_test_add_func ("/deadlines/completion/path-to-grant", test_full_path_to_grant);
  g_test_add_func ("/deadlines/completion/later-steps", test_later_steps_complete_office_tasks);
  g_test_add_func ("/deadlines/ends-dossier/cancels", test_ends_dossier_cancels);
  g_test_add_func ("/deadlines/ends-dossier/refusal", test_refusal_completes_then_ends);
  g_test_add_func ("/deadlines/renewal/window-grace-lapse", test_renewal);
  g_test_add_func ("/deadlines/renewal/renewed-restarts", test_renewed_restarts);
  g_test_add_func ("/deadlines/renewal/renewed-recorded-late", test_renewed_recorded_late);
  g_test_add_func ("/deadlines/renewal/needs-grant", test_renewal_needs_grant);
  g_test_add_func ("/deadlines/renewal/leap-day", test_leap_day_expiry);
  g_test_add_func ("/deadlines/gi-never-expires", test_gi_never_expires);
  g_test_add_func ("/deadlines/stable-keys", test_stable_keys);
  g_test_add_func ("/deadlines/undated-events-ignored", test_undated_events_ignored);

  return g_test_run ();
}
