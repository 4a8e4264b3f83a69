/* ipd-main.c — ipdossiers, the desktop application
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ipd-application.h"
#include "ipd-gui.h"

int
main (int argc, char **argv)
{
  g_autoptr(IpdApplication) app = NULL;

  /* the language chosen in Preferences, before any message is translated */
  ipd_gui_init_i18n ();

  app = ipd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
