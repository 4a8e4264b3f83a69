/* ipd-gui.c — what every widget of the application needs
 *
 * The templates live in a GResource compiled into the static library. Its
 * constructor would be dropped by the linker when nothing refers to it, so
 * it is registered by hand, once, from each widget's class_init.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-gui-resources.h"
#include "ipd-gui.h"

void
ipd_gui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      ipd_gui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}
