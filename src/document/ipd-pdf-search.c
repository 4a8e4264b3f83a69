/* ipd-pdf-search.c — Vietnamese search in a page's text
 *
 * poppler's own search folds Latin-1 only ("Quoc" does not find "Quốc"),
 * so the page text is folded here with ipd_text_fold, one character at a
 * time to remember which character every folded byte came from; matches
 * in the folded text map back to poppler's per-character boxes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-pdf"

#include "config.h"

#include <string.h>

#include "ipd-pdf-private.h"
#include "ipd-text.h"

static void
append_folded (IpdPdfFolded *folded, const char *piece, gsize len, guint char_index)
{
  g_string_append_len (folded->text, piece, len);
  for (gsize i = 0; i < len; i++)
    g_array_append_val (folded->index, char_index);
}

static gboolean
ends_with_space (const IpdPdfFolded *folded)
{
  return folded->text->len > 0 && folded->text->str[folded->text->len - 1] == ' ';
}

IpdPdfFolded *
ipd_pdf_folded_new (const char *text, gboolean strip)
{
  IpdPdfFolded *folded = g_new0 (IpdPdfFolded, 1);
  guint char_index = 0;
  gsize len = strlen (text);

  folded->source = g_strdup (text);
  folded->text = g_string_sized_new (len);
  folded->index = g_array_sized_new (FALSE, FALSE, sizeof (guint), len);
  if (!g_utf8_validate (text, -1, NULL))
    return folded;

  for (const char *p = text; *p; p = g_utf8_next_char (p), char_index++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (!ends_with_space (folded) && !(strip && folded->text->len == 0))
            append_folded (folded, " ", 1, char_index);
        }
      else if (c < 0x80)
        {
          char lower = g_ascii_tolower ((char) c);
          append_folded (folded, &lower, 1, char_index);
        }
      else
        {
          char one[8] = { 0 };
          g_autofree char *f = NULL;

          g_unichar_to_utf8 (c, one);
          f = ipd_text_fold (one);
          append_folded (folded, f, strlen (f), char_index);
        }
    }
  if (strip && ends_with_space (folded))
    {
      g_string_truncate (folded->text, folded->text->len - 1);
      g_array_set_size (folded->index, folded->text->len);
    }
  return folded;
}

void
ipd_pdf_folded_free (IpdPdfFolded *folded)
{
  if (folded == NULL)
    return;
  g_free (folded->source);
  if (folded->text != NULL)
    g_string_free (folded->text, TRUE);
  g_array_unref (folded->index);
  g_free (folded);
}

/* Same line: the vertical middle of one box lies within the other. */
static gboolean
same_line (const cairo_rectangle_t *line, const PopplerRectangle *r)
{
  double middle = (r->y1 + r->y2) / 2;

  return middle >= line->y && middle <= line->y + line->height
         && r->x1 >= line->x - 1;
}

static void
add_char_box (GArray *boxes, const PopplerRectangle *r)
{
  cairo_rectangle_t *last = boxes->len ? &g_array_index (boxes, cairo_rectangle_t, boxes->len - 1) : NULL;
  cairo_rectangle_t box = { MIN (r->x1, r->x2), MIN (r->y1, r->y2),
                            ABS (r->x2 - r->x1), ABS (r->y2 - r->y1) };

  if (last != NULL && same_line (last, r))
    {
      double x2 = MAX (last->x + last->width, box.x + box.width);
      double y2 = MAX (last->y + last->height, box.y + box.height);

      last->x = MIN (last->x, box.x);
      last->y = MIN (last->y, box.y);
      last->width = x2 - last->x;
      last->height = y2 - last->y;
      return;
    }
  g_array_append_val (boxes, box);
}

/* The boxes of characters @first to @last (inclusive), white space left
 * out (poppler gives line ends odd boxes), merged by line. The layout's
 * boxes are in points with the origin top-left. */
static GArray *
match_boxes (const PopplerRectangle *rects, guint n_rects, const char *text, guint first,
             guint last)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  const char *p = g_utf8_offset_to_pointer (text, first);

  for (guint i = first; i <= last && i < n_rects && *p; i++, p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      add_char_box (boxes, &rects[i]);
  return boxes;
}

void
ipd_pdf_search_page (PopplerPage *page, int page_index, const IpdPdfFolded *hay,
                     const IpdPdfFolded *needle, GPtrArray *matches)
{
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  const char *start = hay->text->str;
  const char *found;

  while ((found = strstr (start, needle->text->str)) != NULL)
    {
      gsize at = (gsize) (found - hay->text->str);
      gsize end = at + needle->text->len - 1;
      IpdPdfMatch *match;

      /* Poppler's layout only when there is something to show. */
      if (rects == NULL && !poppler_page_get_text_layout (page, &rects, &n_rects))
        n_rects = 0;
      match = g_new0 (IpdPdfMatch, 1);
      match->page = page_index;
      match->boxes = match_boxes (rects, n_rects, hay->source,
                                  g_array_index (hay->index, guint, at),
                                  g_array_index (hay->index, guint, end));
      g_ptr_array_add (matches, match);
      start = found + needle->text->len;
    }
}
