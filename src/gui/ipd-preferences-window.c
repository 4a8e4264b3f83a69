/* ipd-preferences-window.c — the officer's and the register's settings
 *
 * Three pages: "General" is this officer's own (GSettings: the name put on
 * new dossiers, whether the last register reopens); "Register" and
 * "Application Numbers" are kept in the register itself and so are shared
 * by every officer who opens it. Register rows are saved when applied, and
 * a register open read-only shows them without letting them change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-gui.h"
#include "ipd-number-format-group.h"
#include "ipd-preferences-window.h"
#include "ipd-settings.h"

struct _IpdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  IpdStore            *store;      /* NULL when no register could be opened */
  GSettings           *settings;   /* NULL when the schema is not installed */

  AdwPreferencesGroup *officer_group;
  AdwEntryRow         *officer_row;
  AdwPreferencesGroup *startup_group;
  GtkSwitch           *reopen_switch;
  AdwPreferencesPage  *register_page;
  GtkWidget           *register_notice_group;
  GtkLabel            *register_notice;
  GtkWidget           *agency_group;
  GtkWidget           *new_dossiers_group;
  AdwEntryRow         *parent_agency_row;
  AdwEntryRow         *agency_row;
  AdwEntryRow         *place_row;
  AdwEntryRow         *province_row;
  AdwPreferencesPage  *numbers_page;
  GtkWidget           *numbers_notice_group;
  GtkLabel            *numbers_notice;
};

G_DEFINE_FINAL_TYPE (IpdPreferencesWindow, ipd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Which register setting each row of the Register page edits. */
static const struct {
  const char *key;
  gsize       row_offset;
} register_rows[] = {
  { IPD_SETTING_AGENCY_PARENT,   G_STRUCT_OFFSET (IpdPreferencesWindow, parent_agency_row) },
  { IPD_SETTING_AGENCY_NAME,     G_STRUCT_OFFSET (IpdPreferencesWindow, agency_row) },
  { IPD_SETTING_AGENCY_PLACE,    G_STRUCT_OFFSET (IpdPreferencesWindow, place_row) },
  { IPD_SETTING_AGENCY_PROVINCE, G_STRUCT_OFFSET (IpdPreferencesWindow, province_row) },
};

static AdwEntryRow *
register_row (IpdPreferencesWindow *self, guint i)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, register_rows[i].row_offset);
}

/* General ---------------------------------------------------------------------- */

static void
setup_general (IpdPreferencesWindow *self)
{
  const char *real_name = g_get_real_name ();
  g_autofree char *description = NULL;

  if (self->settings == NULL)
    {
      adw_preferences_group_set_description (self->officer_group,
                                             _("These settings cannot be kept: the application’s settings schema is not installed."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->officer_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->startup_group), FALSE);
      return;
    }
  g_settings_bind (self->settings, "officer-name", self->officer_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reopen-last-register", self->reopen_switch, "active", G_SETTINGS_BIND_DEFAULT);

  if (real_name != NULL && *real_name != '\0' && !g_str_equal (real_name, "Unknown"))
    /* Translators: %s is the real name of the user's account */
    description = g_strdup_printf (_("Filled in as the officer of new dossiers. Leave it empty to use your account’s name, “%s”."),
                                   real_name);
  else
    description = g_strdup (_("Filled in as the officer of new dossiers."));
  adw_preferences_group_set_description (self->officer_group, description);
}

/* Register --------------------------------------------------------------------- */

static void
on_register_row_apply (AdwEntryRow *row, IpdPreferencesWindow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *value = g_utf8_normalize (g_strstrip (text), -1, G_NORMALIZE_NFC);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (register_rows); i++)
    {
      if (register_row (self, i) != row)
        continue;
      if (ipd_store_set_setting (self->store, register_rows[i].key, value, &error))
        {
          gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
          return;
        }
      /* the text stays in the row, to be applied again */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  g_assert_not_reached ();
}

static void
show_notice (GtkWidget *group, GtkLabel *notice, const char *text)
{
  gtk_label_set_label (notice, text);
  gtk_widget_set_visible (group, TRUE);
}

static void
setup_register (IpdPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (register_rows); i++)
    {
      g_autofree char *value = ipd_store_dup_setting (self->store, register_rows[i].key);
      gtk_editable_set_text (GTK_EDITABLE (register_row (self, i)), value ? value : "");
    }
  if (!ipd_store_is_read_only (self->store))
    return;
  show_notice (self->register_notice_group, self->register_notice,
               _("The register is open read-only: these lines can be changed only where it is open for writing."));
  gtk_widget_set_sensitive (self->agency_group, FALSE);
  gtk_widget_set_sensitive (self->new_dossiers_group, FALSE);
}

/* Application numbers ---------------------------------------------------------- */

static void
setup_numbers (IpdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) formats = ipd_store_list_number_formats (self->store, &error);
  gboolean read_only = ipd_store_is_read_only (self->store);

  if (formats == NULL)
    {
      show_notice (self->numbers_notice_group, self->numbers_notice, error->message);
      return;
    }
  for (guint i = 0; i < formats->len; i++)
    {
      GtkWidget *group = ipd_number_format_group_new (self->store, g_ptr_array_index (formats, i));

      gtk_widget_set_sensitive (group, !read_only);
      adw_preferences_page_add (self->numbers_page, ADW_PREFERENCES_GROUP (group));
    }
  if (read_only)
    show_notice (self->numbers_notice_group, self->numbers_notice,
                 _("The register is open read-only: the number formats can be changed only where it is open for writing."));
}

/* Setup ------------------------------------------------------------------------ */

static void
ipd_preferences_window_dispose (GObject *object)
{
  IpdPreferencesWindow *self = IPD_PREFERENCES_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (ipd_preferences_window_parent_class)->dispose (object);
}

static void
ipd_preferences_window_class_init (IpdPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_preferences_window_dispose;

  g_type_ensure (IPD_TYPE_NUMBER_FORMAT_GROUP);
  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipdossiers/IpDossiers/ipd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, officer_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, officer_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, startup_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, register_page);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, register_notice_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, register_notice);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, agency_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, new_dossiers_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, parent_agency_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, agency_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, province_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, numbers_page);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, numbers_notice_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, numbers_notice);
  gtk_widget_class_bind_template_callback (widget_class, on_register_row_apply);
}

static void
ipd_preferences_window_init (IpdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ipd_preferences_window_new:
 * @parent: (nullable): the main window
 * @store: (nullable): the open register; without one only the officer's own
 *   settings are shown
 */
IpdPreferencesWindow *
ipd_preferences_window_new (GtkWindow *parent, IpdStore *store)
{
  IpdPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || IPD_IS_STORE (store), NULL);

  self = g_object_new (IPD_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = ipd_settings_new ();
  setup_general (self);
  if (store == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->register_page), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->numbers_page), FALSE);
      return self;
    }
  self->store = g_object_ref (store);
  setup_register (self);
  setup_numbers (self);
  return self;
}
