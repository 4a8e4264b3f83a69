/* ipd-cli-documents.c — documents of a dossier: attach, and render a PDF page
 *
 * The same PDF layer as the viewer (src/document), so a script sees the
 * same page counts and the same errors as an officer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ipd-cli.h"
#include "ipd-content-type.h"
#include "ipd-error.h"
#include "ipd-file.h"
#include "ipd-pdf-document.h"

#define DEFAULT_DPI 96.0
#define MAX_DPI     1200.0

/* The PDF's error as a word for scripts (--json). */
static const char *
pdf_error_code (const GError *error)
{
  static const char *const codes[] = {
    [IPD_PDF_ERROR_NOT_PDF] = "not-pdf",
    [IPD_PDF_ERROR_DAMAGED] = "damaged",
    [IPD_PDF_ERROR_NEEDS_PASSWORD] = "needs-password",
    [IPD_PDF_ERROR_WRONG_PASSWORD] = "wrong-password",
    [IPD_PDF_ERROR_NO_SUCH_PAGE] = "no-such-page",
    [IPD_PDF_ERROR_RENDER] = "render",
  };

  if (error->domain == IPD_PDF_ERROR && error->code >= 0 && (gsize) error->code < G_N_ELEMENTS (codes))
    return codes[error->code];
  return "failed";
}

/* attach ------------------------------------------------------------------------------ */

/* What the register now holds, for a script. */
static void
print_attachment_json (IpdAttachment *a, int n_pages, const GError *pdf_error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, a->id);
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, a->file_name);
  json_builder_set_member_name (builder, "mime_type");
  json_builder_add_string_value (builder, a->mime_type);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, a->sha256);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, a->size);
  json_builder_set_member_name (builder, "pages");
  if (n_pages >= 0)
    json_builder_add_int_value (builder, n_pages);
  else
    json_builder_add_null_value (builder);
  if (pdf_error != NULL)
    {
      json_builder_set_member_name (builder, "pdf_error");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, pdf_error_code (pdf_error));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, pdf_error->message);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  ipd_cli_print_json (root);
}

/* A PDF's pages, or -1 and @error. Other types have no pages (-1, no error). */
static int
count_pages (GBytes *bytes, const char *mime_type, GError **error)
{
  g_autoptr(IpdPdfDocument) doc = NULL;

  if (g_strcmp0 (mime_type, "application/pdf") != 0)
    return -1;
  doc = ipd_pdf_document_new_from_bytes (bytes, NULL, NULL, error);
  return doc ? ipd_pdf_document_get_n_pages (doc) : -1;
}

IpdCliStatus
ipd_cli_run_attach (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  g_autofree char *type = NULL, *number = NULL, *date = NULL, *note = NULL;
  GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("application, office_letter, decision, certificate, map, regulation, attorney, evidence or other"), N_("TYPE") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, N_("The document's number"), N_("NUMBER") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The document's date, dd/mm/yyyy"), N_("DATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(IpdDossier) d = NULL;
  g_autoptr(IpdAttachment) attachment = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) pdf_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *mime_type = NULL;
  IpdCliStatus status = IPD_CLI_OK;
  IpdStore *store;
  GError *error = NULL;
  int n_pages;

  if (!ipd_cli_parse (cli, command, entries, &argc, &argv, 2, 2, &status))
    return status;
  file = g_file_new_for_commandline_arg (argv[2]);
  if ((bytes = g_file_load_bytes (file, NULL, NULL, &error)) == NULL)
    return ipd_cli_fail (cli, error);
  if ((store = ipd_cli_open_store (cli, &status)) == NULL)
    return status;
  if ((d = ipd_store_find_dossier (store, argv[1], &error)) == NULL)
    return ipd_cli_fail (cli, error);
  basename = g_file_get_basename (file);
  attachment = ipd_attachment_new (d->id, basename);
  attachment->document_type = g_strdup (type);
  attachment->number = g_strdup (number);
  attachment->date = g_strdup (date);
  attachment->note = g_strdup (note);
  /* A damaged or protected PDF is still one of the dossier's documents
   * (the Office's letter is what it is): stored, with a warning. The
   * pages are counted first, to be stored with it. */
  mime_type = ipd_content_type_detect (bytes);
  n_pages = count_pages (bytes, mime_type, &pdf_error);
  attachment->page_count = MAX (n_pages, 0);
  if (!ipd_store_add_attachment (store, attachment, bytes, &error))
    return ipd_cli_fail (cli, error);
  if (cli->json)
    print_attachment_json (attachment, n_pages, pdf_error);
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, attachment->id);

      /* Translators: a file name, its type, then a dossier reference */
      g_print (_("Attached %s (%s) to %s.\n"), attachment->file_name, attachment->mime_type, d->reference);
      /* Translators: the number of the document in the register */
      g_print (_("Document number: %s\n"), id);
      if (n_pages >= 0)
        g_print (ngettext ("The PDF has %d page.\n", "The PDF has %d pages.\n", n_pages), n_pages);
    }
  if (pdf_error != NULL)
    /* Translators: the program's name, then why the PDF cannot be shown */
    g_printerr (_("%s: warning: %s. The file is stored all the same.\n"), g_get_prgname (),
                pdf_error->message);
  return IPD_CLI_OK;
}

/* render ------------------------------------------------------------------------------ */

static gboolean
is_number (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text; text++)
    if (!g_ascii_isdigit (*text))
      return FALSE;
  return TRUE;
}

/* The bytes of FILE, or of the register's document number ID. */
static GBytes *
load_source (IpdCli *cli, const char *source, IpdCliStatus *status)
{
  GError *error = NULL;
  GBytes *bytes;

  if (is_number (source))
    {
      g_autoptr(IpdAttachment) a = NULL;
      IpdStore *store = ipd_cli_open_store (cli, status);

      if (store == NULL)
        return NULL;
      a = ipd_store_get_attachment (store, g_ascii_strtoll (source, NULL, 10), &error);
      bytes = a ? ipd_store_load_blob (store, a->sha256, &error) : NULL;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (source);
      bytes = g_file_load_bytes (file, NULL, NULL, &error);
    }
  if (bytes == NULL)
    *status = ipd_cli_fail (cli, error);
  return bytes;
}

static gboolean
check_render_options (int page, double dpi, const char *output, IpdCliStatus *status)
{
  if (output == NULL)
    *status = ipd_cli_usage_error (_("Say where to write the picture: -o PAGE.png"));
  else if (page < 1)
    *status = ipd_cli_usage_error (_("Pages are numbered from 1"));
  else if (!(dpi >= 1 && dpi <= MAX_DPI))
    /* Translators: %g is the largest resolution allowed */
    *status = ipd_cli_usage_error (_("The resolution must be between 1 and %g dpi"), MAX_DPI);
  else
    return TRUE;
  return FALSE;
}

/* The first line of @path ("-": standard input), for --password-file: a
 * password given on the command line is visible to every user in the
 * process list. */
static char *
read_password_file (const char *path, GError **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  char *end;

  if (g_strcmp0 (path, "-") == 0)
    {
      char line[4096];

      if (fgets (line, sizeof line, stdin) == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("No password was given on standard input"));
          return NULL;
        }
      contents = g_strdup (line);
    }
  else if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  end = strpbrk (contents, "\r\n");
  if (end != NULL)
    *end = '\0';
  return g_steal_pointer (&contents);
}

static cairo_status_t
append_png (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The picture is made in memory, then written whole or not at all
 * (ipd-file.c): cairo's own writer says "error while writing to output
 * stream" on a full disk, and leaves half a PNG. */
static gboolean
write_png (cairo_surface_t *surface, const char *output, GError **error)
{
  GByteArray *png = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  cairo_status_t status = cairo_surface_write_to_png_stream (surface, append_png, png);

  bytes = g_byte_array_free_to_bytes (png);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_FAILED, _("Could not write “%s”: %s"), output,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return ipd_file_replace_bytes (output, bytes, NULL, error);
}

IpdCliStatus
ipd_cli_run_render (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  g_autofree char *password = NULL, *password_file = NULL, *output = NULL;
  int page = 1, rotation = 0;
  double dpi = DEFAULT_DPI;
  GOptionEntry entries[] = {
    { "page", 0, 0, G_OPTION_ARG_INT, &page, N_("The page, from 1 (default 1)"), N_("N") },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &dpi, N_("Dots per inch (default 96)"), N_("D") },
    { "rotate", 0, 0, G_OPTION_ARG_INT, &rotation, N_("Turn the page by 90, 180 or 270 degrees"), N_("DEGREES") },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, N_("The password of a protected PDF (visible to other users: prefer --password-file)"), N_("PASSWORD") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file, N_("Read the password from the first line of FILE (- for standard input)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PNG file to write"), N_("PAGE.png") },
    { NULL }
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IpdPdfDocument) doc = NULL;
  cairo_surface_t *surface;
  IpdCliStatus status = IPD_CLI_OK;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, entries, &argc, &argv, 1, 1, &status)
      || !check_render_options (page, dpi, output, &status))
    return status;
  if (password_file != NULL && password != NULL)
    return ipd_cli_usage_error (_("Give the password with --password or --password-file, not both"));
  if (password_file != NULL && (password = read_password_file (password_file, &error)) == NULL)
    return ipd_cli_fail (cli, error);
  if ((bytes = load_source (cli, argv[1], &status)) == NULL)
    return status;
  if ((doc = ipd_pdf_document_new_from_bytes (bytes, password, NULL, &error)) == NULL)
    {
      if (g_error_matches (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NEEDS_PASSWORD))
        {
          g_clear_error (&error);
          g_set_error_literal (&error, IPD_PDF_ERROR, IPD_PDF_ERROR_NEEDS_PASSWORD,
                               _("This PDF is protected by a password: give it with --password-file (or --password)"));
        }
      return ipd_cli_fail (cli, error);
    }
  surface = ipd_pdf_document_render_page (doc, page - 1, dpi / 72.0, rotation, NULL, &error);
  if (surface == NULL)
    return ipd_cli_fail (cli, error);
  if (!write_png (surface, output, &error))
    {
      cairo_surface_destroy (surface);
      return ipd_cli_fail (cli, error);
    }
  if (!cli->json)
    /* Translators: a page number, the document's pages, a file name, then its size in pixels */
    g_print (_("Page %d of %d written to %s (%d × %d pixels).\n"), page,
             ipd_pdf_document_get_n_pages (doc), output, cairo_image_surface_get_width (surface),
             cairo_image_surface_get_height (surface));
  cairo_surface_destroy (surface);
  return IPD_CLI_OK;
}
