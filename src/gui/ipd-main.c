/* ipd-main.c — ipdossiers, the desktop application
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ipd-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(IpdApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ipd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
