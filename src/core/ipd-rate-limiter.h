/* ipd-rate-limiter.h — at most N attempts in a sliding window of time
 *
 * The front desk allows ten lookups a minute, and a few PIN attempts: a
 * visitor cannot try codes one after another. Times are given by the
 * caller (g_get_monotonic_time ()), so that tests need no clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IpdRateLimiter IpdRateLimiter;

IpdRateLimiter *ipd_rate_limiter_new   (guint max_attempts, gint64 window_usec);
void            ipd_rate_limiter_free  (IpdRateLimiter *self);
gboolean        ipd_rate_limiter_try   (IpdRateLimiter *self, gint64 now_usec,
                                        gint64 *wait_usec);
void            ipd_rate_limiter_reset (IpdRateLimiter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdRateLimiter, ipd_rate_limiter_free)

G_END_DECLS
