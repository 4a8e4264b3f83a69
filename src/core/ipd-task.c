/* ipd-task.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-task"

#include "config.h"

#include "ipd-task.h"

G_DEFINE_BOXED_TYPE (IpdTask, ipd_task, ipd_task_ref, ipd_task_unref)

IpdTask *
ipd_task_new (void)
{
  return g_atomic_rc_box_new0 (IpdTask);
}

IpdTask *
ipd_task_ref (IpdTask *task)
{
  g_return_val_if_fail (task != NULL, NULL);
  return g_atomic_rc_box_acquire (task);
}

static void
task_clear (gpointer data)
{
  IpdTask *t = data;

  g_free (t->rule_id);
  g_free (t->title);
  g_free (t->citation);
  g_free (t->trigger_date);
  g_free (t->due_date);
  g_free (t->window_from);
  g_free (t->grace_until);
  g_free (t->completed_by);
  g_free (t->done_date);
  g_free (t->reference);
  g_free (t->name);
  g_free (t->kind);
  g_free (t->officer);
  g_free (t->trigger_key);
  g_free (t->role);
}

void
ipd_task_unref (IpdTask *task)
{
  g_return_if_fail (task != NULL);
  g_atomic_rc_box_release_full (task, task_clear);
}

/* The words stored in task.state. */
static const char *const state_names[] = {
  [IPD_TASK_OPEN] = "open",
  [IPD_TASK_DONE] = "done",
  [IPD_TASK_CANCELLED] = "cancelled",
};

const char *
ipd_task_state_to_string (IpdTaskState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), "open");
  return state_names[state];
}

gboolean
ipd_task_state_from_string (const char *text, IpdTaskState *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      {
        *state = (IpdTaskState) i;
        return TRUE;
      }
  return FALSE;
}
