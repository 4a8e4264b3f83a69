/* ipd-attachment-row.c — one document in the dossier's list
 *
 * Its type and number as the title ("Decision no. 559/QĐ-SHTT"), then its
 * date, pages, size and file name; an icon for its kind of file (or the
 * picture itself, small), a warning when the PDF cannot be read, and a
 * menu of what can be done with it (the list's "attachment.*" actions,
 * with the document's id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-attachment-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-attachment-row.h"
#include "ipd-date.h"
#include "ipd-pdf-document.h"
#include "ipd-vocabulary.h"

struct _IpdAttachmentRow
{
  AdwActionRow   parent_instance;

  IpdAttachment *attachment;
  GtkImage      *type_icon;
  GtkWidget     *problem_icon;
};

G_DEFINE_FINAL_TYPE (IpdAttachmentRow, ipd_attachment_row, ADW_TYPE_ACTION_ROW)

/* SI units as GLib writes them, with the decimal comma the register uses
 * for every number (as amounts use "." between thousands). */
char *
ipd_attachment_format_size (gint64 size)
{
  double value = (double) size;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  guint unit = 0;

  if (size < 1000)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d byte", "%d bytes", (gulong) size), (int) size);
  value /= 1000.0;
  while (value >= 999.95 && unit < 2)
    value /= 1000.0, unit++;
  g_ascii_formatd (number, sizeof number, "%.1f", value);
  g_strdelimit (number, ".", ',');
  /* Translators: %s is a number with a decimal comma, "1,2" */
  return g_strdup_printf (unit == 0 ? _("%s kB") : unit == 1 ? _("%s MB") : _("%s GB"), number);
}

gboolean
ipd_attachment_is_pdf (const IpdAttachment *a)
{
  return g_strcmp0 (a->mime_type, "application/pdf") == 0;
}

gboolean
ipd_attachment_is_picture (const IpdAttachment *a)
{
  return g_strcmp0 (a->mime_type, "image/png") == 0 || g_strcmp0 (a->mime_type, "image/jpeg") == 0;
}

/* "Decision no. 559/QĐ-SHTT" */
static char *
row_title (const IpdAttachment *a)
{
  const char *type = ipd_vocabulary_label (IPD_VOCAB_DOCUMENT_TYPE, a->document_type);

  if (a->number == NULL)
    return g_strdup (type);
  /* Translators: a document type, then the document's number: "Decision no. 559/QĐ-SHTT" */
  return g_strdup_printf (_("%s no. %s"), type, a->number);
}

/* "19/08/2025 · 12 pages · 1,2 MB · quyet-dinh.pdf"; @pages_text, when
 * given, takes the place of the page count (why it is not known). */
static char *
row_subtitle (const IpdAttachment *a, const char *pages_text)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (a->date != NULL)
    g_ptr_array_add (parts, ipd_date_format (a->date));
  if (pages_text != NULL)
    g_ptr_array_add (parts, g_strdup (pages_text));
  else if (a->page_count > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages", a->page_count),
                                             a->page_count));
  g_ptr_array_add (parts, ipd_attachment_format_size (a->size));
  g_ptr_array_add (parts, g_strdup (a->file_name));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static const char *
row_icon_name (const IpdAttachment *a)
{
  if (ipd_attachment_is_pdf (a))
    return "x-office-document-symbolic";
  if (g_str_has_prefix (a->mime_type, "image/"))
    return "image-x-generic-symbolic";
  return "text-x-generic-symbolic";
}

static void
add_item (GMenu *section, const char *label, const char *action, gint64 id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (section, item);
}

static GMenuModel *
row_menu (const IpdAttachment *a)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) file = g_menu_new ();
  g_autoptr(GMenu) trash = g_menu_new ();

  add_item (open, _("_Open"), "attachment.open", a->id);
  if (ipd_attachment_is_pdf (a))
    add_item (open, _("Open in a _New Window"), "attachment.open-window", a->id);
  add_item (open, _("Open With _Default Application"), "attachment.open-external", a->id);
  add_item (file, _("_Save a Copy…"), "attachment.save-copy", a->id);
  add_item (file, _("_Edit Details…"), "attachment.edit", a->id);
  add_item (trash, _("Move to _Trash"), "attachment.trash", a->id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (file));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (trash));
  return G_MENU_MODEL (menu);
}

static GtkWidget *
menu_button_new (const IpdAttachment *a)
{
  g_autofree char *name = g_strdup_printf ("attachment-menu-%" G_GINT64_FORMAT, a->id);
  g_autoptr(GMenuModel) menu = row_menu (a);
  GtkWidget *button = gtk_menu_button_new ();

  gtk_widget_set_name (button, name);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_tooltip_text (button, _("Document Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document Actions"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
ipd_attachment_row_finalize (GObject *object)
{
  g_clear_pointer (&IPD_ATTACHMENT_ROW (object)->attachment, ipd_attachment_unref);
  G_OBJECT_CLASS (ipd_attachment_row_parent_class)->finalize (object);
}

static void
ipd_attachment_row_class_init (IpdAttachmentRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipd_attachment_row_finalize;
}

static void
ipd_attachment_row_init (IpdAttachmentRow *self)
{
}

GtkWidget *
ipd_attachment_row_new (IpdAttachment *a)
{
  IpdAttachmentRow *self = g_object_new (IPD_TYPE_ATTACHMENT_ROW, NULL);
  g_autofree char *title = row_title (a);
  g_autofree char *subtitle = row_subtitle (a, NULL);
  g_autofree char *name = g_strdup_printf ("attachment-%" G_GINT64_FORMAT, a->id);
  g_autofree char *problem_name = g_strdup_printf ("attachment-problem-%" G_GINT64_FORMAT, a->id);

  self->attachment = ipd_attachment_ref (a);
  gtk_widget_set_name (GTK_WIDGET (self), name);
  /* names and numbers may hold "&" or "<": shown as written */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), a->note);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);

  self->type_icon = GTK_IMAGE (gtk_image_new_from_icon_name (row_icon_name (a)));
  /* as wide as a thumbnail: the titles line up */
  gtk_widget_set_size_request (GTK_WIDGET (self->type_icon), IPD_ATTACHMENT_THUMBNAIL_SIZE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->type_icon));

  /* shown when the document turns out unreadable */
  self->problem_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_name (self->problem_icon, problem_name);
  gtk_widget_add_css_class (self->problem_icon, "warning");
  gtk_widget_set_visible (self->problem_icon, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->problem_icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), menu_button_new (a));
  return GTK_WIDGET (self);
}

IpdAttachment *
ipd_attachment_row_get_attachment (IpdAttachmentRow *self)
{
  g_return_val_if_fail (IPD_IS_ATTACHMENT_ROW (self), NULL);
  return self->attachment;
}

/* A document attached before its pages were counted, now counted. */
void
ipd_attachment_row_set_page_count (IpdAttachmentRow *self, int page_count)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (IPD_IS_ATTACHMENT_ROW (self));
  self->attachment->page_count = page_count;
  subtitle = row_subtitle (self->attachment, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

/* Why a PDF cannot be opened: in place of its pages, and as a warning
 * with the reader's own message. */
void
ipd_attachment_row_show_problem (IpdAttachmentRow *self, const GError *error)
{
  gboolean password = g_error_matches (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NEEDS_PASSWORD)
                      || g_error_matches (error, IPD_PDF_ERROR, IPD_PDF_ERROR_WRONG_PASSWORD);
  g_autofree char *subtitle = NULL;

  g_return_if_fail (IPD_IS_ATTACHMENT_ROW (self) && error != NULL);
  subtitle = row_subtitle (self->attachment, password ? _("Needs a password") : _("Cannot be read"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_tooltip_text (self->problem_icon, error->message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->problem_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  error->message, -1);
  gtk_widget_set_visible (self->problem_icon, TRUE);
}

/* A picture shows itself, small, in place of its type's icon. */
void
ipd_attachment_row_show_thumbnail (IpdAttachmentRow *self, GdkTexture *texture)
{
  g_return_if_fail (IPD_IS_ATTACHMENT_ROW (self) && GDK_IS_TEXTURE (texture));
  gtk_image_set_from_paintable (self->type_icon, GDK_PAINTABLE (texture));
  gtk_image_set_pixel_size (self->type_icon, IPD_ATTACHMENT_THUMBNAIL_SIZE);
  gtk_widget_set_name (GTK_WIDGET (self->type_icon), "attachment-thumbnail");
}
