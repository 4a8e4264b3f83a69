/* ipd-main.c — ipdossiers, the desktop application
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ipd-i18n.h"
#include "ipd-application.h"

int
main (int argc, char **argv)
{
  g_autoptr(IpdApplication) app = NULL;

  ipd_i18n_init ();

  app = ipd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
