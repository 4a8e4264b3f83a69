/* ipd-bar-chart.c — horizontal bars drawn with cairo, one or more series
 *
 * A category per row: its label (shortened with an ellipsis when long), its
 * bars and their numbers written out, so the chart reads without guessing
 * lengths. Several series are grouped (a bar each, under one another) or
 * stacked (end to end, the total after the bar), with a legend above.
 * The colours are the mid tones of the GNOME palette, which stand out on
 * both the light and the dark background; the text takes the theme's
 * colour. Every bar has a tooltip, and the whole chart an accessible
 * description that lists the numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-bar-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-amount.h"
#include "ipd-bar-chart.h"

#define BAR_HEIGHT      18.0   /* a bar of a group */
#define STACK_HEIGHT    22.0   /* a stacked bar */
#define BAR_GAP          3.0   /* between the bars of a group */
#define ROW_GAP         12.0   /* between categories */
#define LABEL_GAP       12.0   /* between a label and its bars */
#define VALUE_GAP        6.0   /* between a bar and its number */
#define SWATCH          12.0   /* a legend's colour square */
#define LEGEND_GAP      18.0   /* between the legend's entries */
#define LEGEND_BOTTOM   10.0
#define MIN_BAR_WIDTH   60.0
#define MAX_LABEL_SHARE  0.4   /* of the width, at most, for the labels */

typedef struct {
  char   *label;
  gint64 *values;   /* one per series */
} Bar;

struct _IpdBarChart
{
  GtkWidget        parent_instance;

  IpdBarChartMode  mode;
  GPtrArray       *series;   /* char*: the series' names */
  GArray          *bars;     /* Bar */
};

G_DEFINE_FINAL_TYPE (IpdBarChart, ipd_bar_chart, GTK_TYPE_WIDGET)

/* GNOME palette: blue 3, green 5, orange 3, purple 3, yellow 5, red 3, brown 3, dark 2 */
static const GdkRGBA palette[] = {
  { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 },
  { 0x26 / 255.0, 0xa2 / 255.0, 0x69 / 255.0, 1 },
  { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0, 1 },
  { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0, 1 },
  { 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0, 1 },
  { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1 },
  { 0x98 / 255.0, 0x6a / 255.0, 0x44 / 255.0, 1 },
  { 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0, 1 },
};

static const GdkRGBA *
series_colour (guint series)
{
  return &palette[series % G_N_ELEMENTS (palette)];
}

/* Black or white, whichever reads better on @background. */
static void
text_on (const GdkRGBA *background, GdkRGBA *out)
{
  double luminance = 0.2126 * background->red + 0.7152 * background->green + 0.0722 * background->blue;

  *out = luminance > 0.55 ? (GdkRGBA) { 0, 0, 0, 0.85 } : (GdkRGBA) { 1, 1, 1, 1 };
}

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->values);
}

static Bar *
bar_at (IpdBarChart *self, guint i)
{
  return &g_array_index (self->bars, Bar, i);
}

static gint64
bar_total (IpdBarChart *self, Bar *bar)
{
  gint64 total = 0;

  for (guint s = 0; s < self->series->len; s++)
    total += bar->values[s];
  return total;
}

/* What the longest bar stands for: the scale. */
static gint64
largest (IpdBarChart *self)
{
  gint64 max = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = bar_at (self, i);

      if (self->mode == IPD_BAR_CHART_STACKED)
        max = MAX (max, bar_total (self, bar));
      else
        for (guint s = 0; s < self->series->len; s++)
          max = MAX (max, bar->values[s]);
    }
  return max;
}

/* Geometry ---------------------------------------------------------------------- */

static int
text_width (GtkWidget *widget, const char *text, int *height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, height);
  return width;
}

static double
line_height (IpdBarChart *self)
{
  int height;

  text_width (GTK_WIDGET (self), "Ág", &height);
  return height;
}

static double
row_height (IpdBarChart *self)
{
  guint n = MAX (1, self->series->len);
  double bars = self->mode == IPD_BAR_CHART_STACKED ? STACK_HEIGHT : n * BAR_HEIGHT + (n - 1) * BAR_GAP;

  return MAX (bars, line_height (self));
}

static gboolean
has_legend (IpdBarChart *self)
{
  return self->series->len > 1 && self->bars->len > 0;
}

/* Lays the legend out in lines within @width; draws it when @cr is given.
 * Returns its height. */
static double
legend (IpdBarChart *self, double width, cairo_t *cr, const GdkRGBA *fg)
{
  double line = line_height (self), x = 0, y = 0;

  if (!has_legend (self))
    return 0;
  for (guint s = 0; s < self->series->len; s++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), g_ptr_array_index (self->series, s));
      int text_w, text_h;
      double entry;

      pango_layout_get_pixel_size (layout, &text_w, &text_h);
      entry = SWATCH + 6 + text_w;
      if (x > 0 && x + entry > width)
        {
          x = 0;
          y += line + 4;
        }
      if (cr != NULL)
        {
          gdk_cairo_set_source_rgba (cr, series_colour (s));
          cairo_rectangle (cr, x, y + (line - SWATCH) / 2, SWATCH, SWATCH);
          cairo_fill (cr);
          gdk_cairo_set_source_rgba (cr, fg);
          cairo_move_to (cr, x + SWATCH + 6, y + (line - text_h) / 2);
          pango_cairo_show_layout (cr, layout);
        }
      x += entry + LEGEND_GAP;
    }
  return y + line + LEGEND_BOTTOM;
}

static double
label_width (IpdBarChart *self, double width)
{
  int widest = 0, height;

  for (guint i = 0; i < self->bars->len; i++)
    widest = MAX (widest, text_width (GTK_WIDGET (self), bar_at (self, i)->label, &height));
  return MIN (widest, MAX_LABEL_SHARE * width);
}

/* Room for the widest number written after a bar. */
static double
value_width (IpdBarChart *self)
{
  g_autofree char *text = ipd_amount_format (largest (self));
  int height;

  return text_width (GTK_WIDGET (self), text, &height) + VALUE_GAP;
}

static void
ipd_bar_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  IpdBarChart *self = IPD_BAR_CHART (widget);
  guint n = self->bars->len;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      double values = value_width (self);

      *minimum = (int) (80 + LABEL_GAP + MIN_BAR_WIDTH + values);
      *natural = MAX (*minimum, (int) (label_width (self, G_MAXINT) + LABEL_GAP + 320 + values));
    }
  else
    {
      double width = for_size > 0 ? for_size : 480;
      double height = n == 0 ? 0 : legend (self, width, NULL, NULL) + n * row_height (self) + (n - 1) * ROW_GAP;

      *minimum = *natural = (int) ceil (height);
    }
}

static GtkSizeRequestMode
ipd_bar_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Drawing ----------------------------------------------------------------------- */

typedef struct {
  cairo_t *cr;
  GdkRGBA  fg;
  double   x0;        /* where bars begin */
  double   scale;     /* pixels per unit */
} Canvas;

static void
draw_text (IpdBarChart *self, Canvas *c, const char *text, const GdkRGBA *colour,
           double x, double y, double height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gdk_cairo_set_source_rgba (c->cr, colour);
  cairo_move_to (c->cr, x, y + (height - h) / 2);
  pango_cairo_show_layout (c->cr, layout);
}

static void
draw_label (IpdBarChart *self, Canvas *c, const char *text, double y, double height, double width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);
  gdk_cairo_set_source_rgba (c->cr, &c->fg);
  cairo_move_to (c->cr, 0, y + (height - h) / 2);
  pango_cairo_show_layout (c->cr, layout);
}

static void
draw_rect (Canvas *c, const GdkRGBA *colour, double x, double y, double w, double h)
{
  gdk_cairo_set_source_rgba (c->cr, colour);
  cairo_rectangle (c->cr, x, y, w, h);
  cairo_fill (c->cr);
}

static void
draw_grouped (IpdBarChart *self, Canvas *c, Bar *bar, double y)
{
  for (guint s = 0; s < self->series->len; s++)
    {
      g_autofree char *text = ipd_amount_format (bar->values[s]);
      double w = bar->values[s] * c->scale;
      double top = y + s * (BAR_HEIGHT + BAR_GAP);

      /* a number above zero shows, however small */
      if (bar->values[s] > 0)
        draw_rect (c, series_colour (s), c->x0, top, MAX (w, 2), BAR_HEIGHT);
      draw_text (self, c, text, &c->fg, c->x0 + MAX (w, 2) + VALUE_GAP, top, BAR_HEIGHT);
    }
}

/* Segments end to end; a segment's number inside it when it fits. */
static void
draw_stacked (IpdBarChart *self, Canvas *c, Bar *bar, double y)
{
  g_autofree char *total = ipd_amount_format (bar_total (self, bar));
  double x = c->x0;

  for (guint s = 0; s < self->series->len; s++)
    {
      g_autofree char *text = NULL;
      double w = bar->values[s] * c->scale;
      int text_w, text_h;
      GdkRGBA ink;

      if (bar->values[s] <= 0)
        continue;
      w = MAX (w, 2);
      draw_rect (c, series_colour (s), x, y, w, STACK_HEIGHT);
      text = ipd_amount_format (bar->values[s]);
      text_w = text_width (GTK_WIDGET (self), text, &text_h);
      if (self->series->len > 1 && text_w + 6 <= w)
        {
          text_on (series_colour (s), &ink);
          draw_text (self, c, text, &ink, x + (w - text_w) / 2, y, STACK_HEIGHT);
        }
      x += w;
    }
  draw_text (self, c, total, &c->fg, x + VALUE_GAP, y, STACK_HEIGHT);
}

static void
ipd_bar_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  IpdBarChart *self = IPD_BAR_CHART (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double row = row_height (self), labels, y;
  gint64 max = largest (self);
  Canvas c = { NULL };

  if (self->bars->len == 0 || width <= 0)
    return;
  c.cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &c.fg);
  y = legend (self, width, c.cr, &c.fg);
  labels = label_width (self, width);
  c.x0 = labels + LABEL_GAP;
  c.scale = max > 0 ? MAX (0, width - c.x0 - value_width (self)) / max : 0;
  for (guint i = 0; i < self->bars->len; i++, y += row + ROW_GAP)
    {
      Bar *bar = bar_at (self, i);
      double bars = self->mode == IPD_BAR_CHART_STACKED ? STACK_HEIGHT
                    : self->series->len * BAR_HEIGHT + (self->series->len - 1) * BAR_GAP;
      double top = y + (row - bars) / 2;

      draw_label (self, &c, bar->label, y, row, labels);
      if (self->mode == IPD_BAR_CHART_STACKED)
        draw_stacked (self, &c, bar, top);
      else
        draw_grouped (self, &c, bar, top);
    }
  cairo_destroy (c.cr);
}

/* Which category's row @y is in, or -1. */
static int
bar_at_y (IpdBarChart *self, double y)
{
  double row = row_height (self);
  double top = legend (self, gtk_widget_get_width (GTK_WIDGET (self)), NULL, NULL);
  int i;

  if (y < top)
    return -1;
  i = (int) ((y - top) / (row + ROW_GAP));
  if (i >= (int) self->bars->len || y - top - i * (row + ROW_GAP) > row)
    return -1;
  return i;
}

static gboolean
ipd_bar_chart_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  IpdBarChart *self = IPD_BAR_CHART (widget);
  int i = keyboard ? -1 : bar_at_y (self, y);
  g_autofree char *text = NULL;

  if (i < 0)
    return FALSE;
  text = ipd_bar_chart_describe_bar (self, (guint) i);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The numbers for those who do not see the bars. */
static void
update_description (IpdBarChart *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autofree char *line = ipd_bar_chart_describe_bar (self, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", line);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
  g_string_free (text, TRUE);
}

static void
changed (IpdBarChart *self)
{
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Setup ------------------------------------------------------------------------- */

static void
ipd_bar_chart_finalize (GObject *object)
{
  IpdBarChart *self = IPD_BAR_CHART (object);

  g_array_unref (self->bars);
  g_ptr_array_unref (self->series);
  G_OBJECT_CLASS (ipd_bar_chart_parent_class)->finalize (object);
}

static void
ipd_bar_chart_class_init (IpdBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ipd_bar_chart_finalize;
  widget_class->measure = ipd_bar_chart_measure;
  widget_class->get_request_mode = ipd_bar_chart_get_request_mode;
  widget_class->snapshot = ipd_bar_chart_snapshot;
  widget_class->query_tooltip = ipd_bar_chart_query_tooltip;
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ipd_bar_chart_init (IpdBarChart *self)
{
  self->series = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->series, g_strdup (""));
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
ipd_bar_chart_new (void)
{
  return g_object_new (IPD_TYPE_BAR_CHART, NULL);
}

void
ipd_bar_chart_set_mode (IpdBarChart *self, IpdBarChartMode mode)
{
  g_return_if_fail (IPD_IS_BAR_CHART (self));
  self->mode = mode;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * ipd_bar_chart_set_series:
 * @names: the series' names, %NULL-terminated (one: no legend)
 *
 * Also removes the bars, which had a number per former series.
 */
void
ipd_bar_chart_set_series (IpdBarChart *self, const char *const *names)
{
  g_return_if_fail (IPD_IS_BAR_CHART (self));
  g_return_if_fail (names != NULL && names[0] != NULL);

  g_array_set_size (self->bars, 0);
  g_ptr_array_set_size (self->series, 0);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (self->series, g_strdup (names[i]));
  changed (self);
}

void
ipd_bar_chart_clear (IpdBarChart *self)
{
  g_return_if_fail (IPD_IS_BAR_CHART (self));
  g_array_set_size (self->bars, 0);
  changed (self);
}

/* A category: @values has a number per series. */
void
ipd_bar_chart_add_bar (IpdBarChart *self, const char *label, const gint64 *values)
{
  Bar bar;

  g_return_if_fail (IPD_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL && values != NULL);
  bar.label = g_strdup (label);
  bar.values = g_memdup2 (values, self->series->len * sizeof (gint64));
  g_array_append_val (self->bars, bar);
  changed (self);
}

guint
ipd_bar_chart_get_n_bars (IpdBarChart *self)
{
  g_return_val_if_fail (IPD_IS_BAR_CHART (self), 0);
  return self->bars->len;
}

guint
ipd_bar_chart_get_n_series (IpdBarChart *self)
{
  g_return_val_if_fail (IPD_IS_BAR_CHART (self), 0);
  return self->series->len;
}

const char *
ipd_bar_chart_get_label (IpdBarChart *self, guint bar)
{
  g_return_val_if_fail (IPD_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (bar < self->bars->len, NULL);
  return bar_at (self, bar)->label;
}

gint64
ipd_bar_chart_get_value (IpdBarChart *self, guint bar, guint series)
{
  g_return_val_if_fail (IPD_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (bar < self->bars->len && series < self->series->len, 0);
  return bar_at (self, bar)->values[series];
}

/* "Trademark: 12", "2024: Filed 8, Granted 3", "Filed: 15 (Trademark 10, GI 5)". */
char *
ipd_bar_chart_describe_bar (IpdBarChart *self, guint bar)
{
  Bar *b;
  GString *text;
  g_autofree char *total = NULL;

  g_return_val_if_fail (IPD_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (bar < self->bars->len, NULL);
  b = bar_at (self, bar);
  text = g_string_new (b->label);
  total = ipd_amount_format (bar_total (self, b));
  if (self->series->len == 1)
    {
      g_string_append_printf (text, ": %s", total);
      return g_string_free (text, FALSE);
    }
  if (self->mode == IPD_BAR_CHART_STACKED)
    g_string_append_printf (text, ": %s (", total);
  else
    g_string_append (text, ": ");
  for (guint s = 0, n = 0; s < self->series->len; s++)
    {
      g_autofree char *value = NULL;

      if (self->mode == IPD_BAR_CHART_STACKED && b->values[s] == 0)
        continue;
      value = ipd_amount_format (b->values[s]);
      g_string_append_printf (text, "%s%s %s", n++ > 0 ? ", " : "",
                              (const char *) g_ptr_array_index (self->series, s), value);
    }
  if (self->mode == IPD_BAR_CHART_STACKED)
    g_string_append_c (text, ')');
  return g_string_free (text, FALSE);
}
