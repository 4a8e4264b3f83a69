/* ipd-amount.c — sums of money in VND
 *
 * Vietnamese writes "." between thousands (60.000.000 đồng); VND has no
 * subunit in use, so an amount is a whole number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-amount"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-amount.h"
#include "ipd-error.h"

/* Accepts 60000000, 60.000.000 and 60 000 000, with an optional "đ"/"VND". */
gboolean
ipd_amount_parse (const char *text, gint64 *amount, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  gint64 value = 0;
  guint digits = 0;
  const char *p;

  for (p = stripped; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (value > (G_MAXINT64 - 9) / 10)
            break;
          value = value * 10 + (*p - '0');
          digits++;
        }
      else if (*p == '.' || *p == ' ')
        {
          /* a group separator must be followed by exactly three digits */
          if (digits == 0 || !g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[2])
              || !g_ascii_isdigit (p[3]) || g_ascii_isdigit (p[4]))
            break;
        }
      else
        break;
    }
  while (*p == ' ')
    p++;
  if (g_str_equal (p, "đ") || g_ascii_strcasecmp (p, "VND") == 0)
    p += strlen (p);

  if (digits == 0 || *p != '\0')
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not an amount in đồng; write it as 60.000.000"), stripped);
      return FALSE;
    }
  *amount = value;
  return TRUE;
}

char *
ipd_amount_format (gint64 amount)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, amount < 0 ? -amount : amount);
  GString *text = g_string_new (amount < 0 ? "-" : "");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}
