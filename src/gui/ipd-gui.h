/* ipd-gui.h — what every widget of the application needs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       ipd_gui_ensure_resources (void);
void       ipd_gui_init_i18n        (void);
GtkWidget *ipd_gui_icon_button       (const char *icon_name, const char *tooltip);
GtkWidget *ipd_pin_entry_new         (void);
AdwMessageDialog *ipd_gui_question_new (GtkWindow  *parent,
                                        const char *heading,
                                        const char *body,
                                        const char *answer,
                                        const char *answer_label);

G_END_DECLS
