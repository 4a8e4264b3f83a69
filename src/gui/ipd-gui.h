/* ipd-gui.h — what every widget of the application needs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ipd_gui_ensure_resources (void);

G_END_DECLS
