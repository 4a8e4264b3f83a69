/* ipd-i18n.c — the programs' translations
 *
 * The catalogues are installed under LOCALEDIR. A program started from
 * the build tree (build-aux/run, the tests) has not been installed: there
 * IPD_LOCALEDIR names the build tree's catalogues, so that it speaks
 * Vietnamese before any `meson install`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ipd-i18n.h"

/* The user's locale, and this program's catalogue in UTF-8. */
void
ipd_i18n_init (void)
{
  const char *localedir = g_getenv ("IPD_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
