/* ipd-gui.h — what every widget of the application needs
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-vocabulary.h"

G_BEGIN_DECLS

void       ipd_gui_ensure_resources (void);
void       ipd_gui_init_i18n        (void);
GtkWidget *ipd_gui_icon_button       (const char *icon_name, const char *tooltip);
GtkWidget *ipd_pin_entry_new         (void);
/* The translated labels of a closed list, in its order, as @row's choices. */
void ipd_gui_fill_vocabulary (AdwComboRow *row, IpdVocabulary vocabulary);

/* A dialog's text fields by name, for its set_field and get_field. */
typedef struct {
  const char *name;
  gpointer    editable;   /* a GtkEditable of the dialog */
} IpdNamedField;

GtkEditable *ipd_gui_named_field   (const IpdNamedField *fields, gsize n_fields, const char *name);
void        ipd_gui_show_error    (GtkLabel *label, const char *message);
const char *ipd_gui_shown_error   (GtkLabel *label);
void        ipd_gui_close_on_escape (GtkWidgetClass *widget_class);
AdwMessageDialog *ipd_gui_question_new (GtkWindow  *parent,
                                        const char *heading,
                                        const char *body,
                                        const char *answer,
                                        const char *answer_label);

G_END_DECLS
