/* ipd-rate-limiter.c — the times of the last N attempts, in a ring
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-rate-limiter.h"

struct _IpdRateLimiter {
  gint64 *times;        /* ring of the last max_attempts attempts */
  guint   max_attempts;
  guint   count;
  guint   oldest;
  gint64  window_usec;
};

IpdRateLimiter *
ipd_rate_limiter_new (guint max_attempts, gint64 window_usec)
{
  IpdRateLimiter *self = g_new0 (IpdRateLimiter, 1);

  g_return_val_if_fail (max_attempts > 0, self);
  self->times = g_new0 (gint64, max_attempts);
  self->max_attempts = max_attempts;
  self->window_usec = window_usec;
  return self;
}

void
ipd_rate_limiter_free (IpdRateLimiter *self)
{
  if (self == NULL)
    return;
  g_free (self->times);
  g_free (self);
}

void
ipd_rate_limiter_reset (IpdRateLimiter *self)
{
  self->count = 0;
  self->oldest = 0;
}

/**
 * ipd_rate_limiter_try:
 * @now_usec: the time of this attempt
 * @wait_usec: (out) (optional): when refused, how long until the next
 *   attempt is allowed
 *
 * Returns: %TRUE and records the attempt when fewer than the maximum were
 *   made in the window before @now_usec; %FALSE otherwise (not recorded)
 */
gboolean
ipd_rate_limiter_try (IpdRateLimiter *self, gint64 now_usec, gint64 *wait_usec)
{
  while (self->count > 0 && now_usec - self->times[self->oldest] >= self->window_usec)
    {
      self->oldest = (self->oldest + 1) % self->max_attempts;
      self->count--;
    }
  if (self->count == self->max_attempts)
    {
      if (wait_usec != NULL)
        *wait_usec = self->times[self->oldest] + self->window_usec - now_usec;
      return FALSE;
    }
  self->times[(self->oldest + self->count) % self->max_attempts] = now_usec;
  self->count++;
  if (wait_usec != NULL)
    *wait_usec = 0;
  return TRUE;
}
