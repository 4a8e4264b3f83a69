/* ipd-pdf-view-search.c — the PDF viewer's search bar
 *
 * The search runs on the view's worker a few pages at a time
 * (ipd_pdf_document_find: Vietnamese folding is the layer's), its
 * matches arrive page by page and are drawn as they come; the first one
 * from the reader's page becomes the current one. Enter / Shift+Enter
 * (and Ctrl+G / Ctrl+Shift+G) step through them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-pdf-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-pdf-view-private.h"

void
ipd_pdf_view_clear_search (IpdPdfView *self)
{
  if (self->find_job != NULL)
    g_cancellable_cancel (self->find_job->cancellable);
  g_clear_pointer (&self->find_job, ipd_pdf_job_unref);
  g_clear_pointer (&self->search_query, g_free);
  g_hash_table_remove_all (self->page_matches);
  g_ptr_array_set_size (self->matches, 0);
  self->current_match = -1;
  self->find_finished = FALSE;
  for (guint i = 0; i < self->pages->len; i++)
    if (g_ptr_array_index (self->pages, i) != NULL)
      ipd_pdf_page_set_matches (g_ptr_array_index (self->pages, i), NULL, NULL);
  gtk_label_set_text (GTK_LABEL (self->match_label), "");
}

static void
update_match_label (IpdPdfView *self)
{
  g_autofree char *text = NULL;

  if (self->matches->len == 0)
    text = g_strdup (self->find_finished ? _("No matches") : _("Searching…"));
  else if (self->current_match >= 0)
    /* Translators: the search in the PDF viewer: "3 of 12" matches */
    text = g_strdup_printf (_("%d of %d"), self->current_match + 1, self->matches->len);
  gtk_label_set_text (GTK_LABEL (self->match_label), text ? text : "");
}

/* On page @page's widget, if it has one: a page's widget is made when it
 * comes near the viewport, and calls this. */
void
ipd_pdf_view_show_matches_on_page (IpdPdfView *self, int page)
{
  GPtrArray *on_page = g_hash_table_lookup (self->page_matches, GINT_TO_POINTER (page));
  const IpdPdfMatch *current = NULL;

  if (page < 0 || page >= (int) self->pages->len || g_ptr_array_index (self->pages, page) == NULL)
    return;
  if (self->current_match >= 0)
    current = g_ptr_array_index (self->matches, self->current_match);
  ipd_pdf_page_set_matches (g_ptr_array_index (self->pages, page), on_page,
                            current != NULL && current->page == page ? current : NULL);
}

static void
scroll_to_match (IpdPdfView *self)
{
  const IpdPdfMatch *match = g_ptr_array_index (self->matches, self->current_match);
  IpdPdfPage *page = ipd_pdf_view_page (self, match->page);
  graphene_rect_t r = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  double size = gtk_adjustment_get_page_size (ipd_pdf_view_get_vadjustment (self));

  if (match->boxes != NULL && match->boxes->len > 0)
    ipd_pdf_page_to_widget (page, &g_array_index (match->boxes, cairo_rectangle_t, 0), &r);
  ipd_pdf_view_scroll_to (self, ipd_pdf_view_page_top (self, match->page) + r.origin.y - size / 3);
}

static void
set_current_match (IpdPdfView *self, int index)
{
  int old_page = -1;

  if (self->current_match >= 0)
    old_page = ((IpdPdfMatch *) g_ptr_array_index (self->matches, self->current_match))->page;
  self->current_match = index;
  ipd_pdf_view_show_matches_on_page (self, old_page);
  if (index >= 0)
    {
      ipd_pdf_view_show_matches_on_page (self, ((IpdPdfMatch *) g_ptr_array_index (self->matches, index))->page);
      scroll_to_match (self);
    }
  update_match_label (self);
}

static void
on_found (IpdPdfJob *job, gpointer user_data)
{
  IpdPdfView *self = user_data;
  guint first_new = self->matches->len;

  if (job->generation != self->generation || self->find_job == NULL
      || job->cancellable != self->find_job->cancellable)
    return;
  for (guint i = 0; i < job->matches->len; i++)
    {
      IpdPdfMatch *match = g_ptr_array_index (job->matches, i);
      GPtrArray *on_page = g_hash_table_lookup (self->page_matches, GINT_TO_POINTER (match->page));
      if (on_page == NULL)
        {
          on_page = g_ptr_array_new ();
          g_hash_table_insert (self->page_matches, GINT_TO_POINTER (match->page), on_page);
        }
      g_ptr_array_add (on_page, match);
    }
  /* the matches move to the view's list; the job's list lets go of them */
  g_ptr_array_set_free_func (job->matches, NULL);
  g_ptr_array_extend_and_steal (self->matches, g_steal_pointer (&job->matches));
  for (guint i = first_new; i < self->matches->len; i++)
    ipd_pdf_view_show_matches_on_page (self, ((IpdPdfMatch *) g_ptr_array_index (self->matches, i))->page);
  self->find_finished = job->finished;
  if (job->finished)
    g_clear_pointer (&self->find_job, ipd_pdf_job_unref);
  /* the first match from where the reader is, as soon as it is known */
  if (self->current_match < 0)
    {
      for (guint i = first_new; i < self->matches->len; i++)
        if (((IpdPdfMatch *) g_ptr_array_index (self->matches, i))->page >= self->find_from)
          {
            set_current_match (self, i);
            break;
          }
      if (self->current_match < 0 && self->find_finished && self->matches->len > 0)
        set_current_match (self, 0);
    }
  update_match_label (self);
}

void
ipd_pdf_view_start_search (IpdPdfView *self, const char *query)
{
  /* the same search again (the entry's delayed signal after
   * ipd_pdf_view_search, a reopened bar): nothing to redo */
  if (self->search_query != NULL && g_strcmp0 (query, self->search_query) == 0)
    return;
  ipd_pdf_view_clear_search (self);
  if (self->n_pages == 0 || query == NULL || *query == '\0')
    return;
  self->find_from = self->current_page;
  self->find_job = ipd_pdf_job_new (IPD_PDF_JOB_FIND, IPD_PDF_PRIORITY_FIND, on_found, self);
  self->find_job->generation = self->generation;
  self->find_job->query = g_strdup (query);
  self->find_job->page = 0;
  self->find_job->last_page = self->n_pages - 1;
  ipd_pdf_renderer_push (self->renderer, self->find_job);
  self->search_query = g_strdup (query);
  update_match_label (self);
}

void
ipd_pdf_view_on_search_changed (IpdPdfView *self)
{
  /* the entry's delayed signal may come after the bar was closed */
  if (!gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)))
    return;
  ipd_pdf_view_start_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
step_match (IpdPdfView *self, int step)
{
  int n = self->matches->len;

  if (n == 0)
    return;
  set_current_match (self, ((self->current_match < 0 ? 0 : self->current_match + step) % n + n) % n);
}

void
ipd_pdf_view_on_search_next (IpdPdfView *self)
{
  step_match (self, 1);
}

void
ipd_pdf_view_on_search_previous (IpdPdfView *self)
{
  step_match (self, -1);
}

void
ipd_pdf_view_on_search_stop (IpdPdfView *self)
{
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
}

void
ipd_pdf_view_on_search_mode_changed (IpdPdfView *self)
{
  if (!gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)))
    {
      ipd_pdf_view_clear_search (self);
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }
  else
    {
      gtk_widget_grab_focus (self->search_entry);
      ipd_pdf_view_on_search_changed (self);
    }
}

gboolean
ipd_pdf_view_on_search_shift_enter (GtkWidget *widget, GVariant *args, gpointer data)
{
  ipd_pdf_view_on_search_previous (IPD_PDF_VIEW (data));
  return TRUE;
}

/* Ctrl+F, Ctrl+G and Shift+Ctrl+G (@args: the action's name), in the
 * capture phase: while the focus is inside the viewer they find in the
 * document, and win over the main window's own Ctrl+F (search dossiers)
 * and Ctrl+G (agenda), which would only see them bubbling up after the
 * viewer. With no document shown they go on to the window. */
gboolean
ipd_pdf_view_on_find_key (GtkWidget *widget, GVariant *args, gpointer data)
{
  IpdPdfView *self = IPD_PDF_VIEW (data);

  if (g_strcmp0 (ipd_pdf_view_get_state (self), "document") != 0)
    return FALSE;
  return gtk_widget_activate_action_variant (GTK_WIDGET (self), g_variant_get_string (args, NULL), NULL);
}

void
ipd_pdf_view_find_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IpdPdfView *self = IPD_PDF_VIEW (widget);

  if (g_str_equal (name, "pdf.find-next"))
    ipd_pdf_view_on_search_next (self);
  else if (g_str_equal (name, "pdf.find-previous"))
    ipd_pdf_view_on_search_previous (self);
  else
    {
      gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
      gtk_widget_grab_focus (self->search_entry);
    }
}
