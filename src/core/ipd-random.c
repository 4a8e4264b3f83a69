/* ipd-random.c — getrandom(2), which GLib's g_random_* (a Mersenne
 * Twister, predictable from its output) is not a substitute for
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <sys/random.h>

#include "ipd-random.h"

void
ipd_random_bytes (guint8 *bytes, gsize length)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (bytes + done, length - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      /* Linux has had getrandom() since 3.17: without it nothing is safe. */
      if (n < 0)
        g_error ("getrandom: %s", g_strerror (errno));
      done += (gsize) n;
    }
}
