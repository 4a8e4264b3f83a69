/* ipd-i18n.c — the programs' translations
 *
 * The catalogues are installed under LOCALEDIR. A program started from
 * the build tree (build-aux/run, the tests) has not been installed: there
 * IPD_LOCALEDIR names the build tree's catalogues, so that it speaks
 * Vietnamese before any `meson install`.
 *
 * The desktop application lets the officer choose Vietnamese or English
 * over the system's language (a GSettings key the caller reads). gettext
 * takes the language from LANGUAGE before the locale, so setting it before
 * the first message is translated is enough, and it reaches GTK's own
 * messages too. Dates and amounts do not depend on the locale: they are
 * always written the Vietnamese way (ipd-date.c, ipd-amount.c).
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
  ipd_i18n_init_with_language (NULL);
}

/* Whether @language is one ipd_i18n_init_with_language() can force. */
gboolean
ipd_i18n_is_language (const char *language)
{
  return g_strcmp0 (language, "vi") == 0 || g_strcmp0 (language, "en") == 0;
}

/**
 * ipd_i18n_init_with_language:
 * @language: (nullable): "vi" or "en" to use that language whatever the
 *   system's; %NULL, "" or "system" (or anything else) to follow the system
 *
 * Sets the locale and binds the catalogue. Call it before any message is
 * translated: the language does not change afterwards.
 */
void
ipd_i18n_init_with_language (const char *language)
{
  const char *localedir = g_getenv ("IPD_LOCALEDIR");
  const char *messages;

  if (ipd_i18n_is_language (language))
    g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  /* gettext ignores LANGUAGE in the C locale (none set, or the system's
   * one is not installed): the messages then take C.UTF-8, which is
   * always there and lets LANGUAGE choose. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (ipd_i18n_is_language (language) && (g_strcmp0 (messages, "C") == 0 || g_strcmp0 (messages, "POSIX") == 0))
    setlocale (LC_MESSAGES, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
