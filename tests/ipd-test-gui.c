/* ipd-test-gui.c — what the display tests share: the main loop, windows, widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ipd-demo.h"
#include "ipd-i18n.h"
#include "ipd-test-gui.h"
#include "ipd-test-util.h"

/* Runs @n iterations of the main loop without waiting. */
void
ipd_test_iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
time_is_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds: layout and frames happen. */
void
ipd_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, time_is_up, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Shows @window and waits until it is mapped and has a size. */
void
ipd_test_present (GtkWindow *window)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_present (window);
  while ((!gtk_widget_get_mapped (GTK_WIDGET (window)) || gtk_widget_get_width (GTK_WIDGET (window)) == 0)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  ipd_test_wait_ms (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
}

/* The first widget under @widget (itself included) named @name, or NULL. */
GtkWidget *
ipd_test_find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ipd_test_find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

/* The widget under @widget named @name; the test stops when there is none. */
GtkWidget *
ipd_test_get_named (GtkWidget *widget, const char *name)
{
  GtkWidget *found = ipd_test_find_named (widget, name);

  if (found == NULL)
    g_error ("no widget named “%s”", name);
  return found;
}

/* The first button under @widget (itself included) whose label is
 * @label (mnemonic underscore included), or NULL. */
GtkWidget *
ipd_test_find_button (GtkWidget *widget, const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ipd_test_find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

/* Appends the text of every label under @widget to @text, one per line. */
void
ipd_test_collect_labels (GtkWidget *widget, GString *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    ipd_test_collect_labels (child, text);
}

/* Renders @window to @name (a PNG) in the build directory, to look at. */
void
ipd_test_save_screenshot (GtkWidget *window, const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* The first visible toplevel window of @type, or NULL: a dialog the code
 * under test opened. */
GtkWindow *
ipd_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/**
 * ipd_test_init_gui:
 *
 * Sets up a display test: the locale and the catalogue of the build tree
 * (IPD_LOCALEDIR), GTK and libadwaita.
 *
 * Returns: whether the test runs translated (LANGUAGE other than C): the
 *   checks of English labels then stay out.
 */
gboolean
ipd_test_init_gui (int *argc, char ***argv)
{
  const char *language = g_getenv ("LANGUAGE");

  ipd_i18n_init ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return language != NULL && !g_str_equal (language, "C");
}

/* Texts shown ------------------------------------------------------------------ */

void
ipd_test_text_free (IpdTestText *text)
{
  g_free (text->text);
  g_free (text->where);
  g_free (text);
}

static void
add_text (GPtrArray *texts, GtkWidget *widget, const char *what, const char *text)
{
  IpdTestText *shown;
  const char *name;

  if (text == NULL || *text == '\0')
    return;
  name = gtk_widget_get_name (widget);
  shown = g_new0 (IpdTestText, 1);
  shown->text = g_strdup (text);
  /* a widget's name is its type's unless set: say it only when set */
  if (name != NULL && !g_str_equal (name, G_OBJECT_TYPE_NAME (widget)))
    shown->where = g_strdup_printf ("%s “%s”, %s", G_OBJECT_TYPE_NAME (widget), name, what);
  else
    shown->where = g_strdup_printf ("%s, %s", G_OBJECT_TYPE_NAME (widget), what);
  g_ptr_array_add (texts, shown);
}

/* The labels of a menu and of its sections and submenus. */
static void
add_menu_texts (GPtrArray *texts, GtkWidget *widget, GMenuModel *menu)
{
  for (int i = 0; menu != NULL && i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        add_text (texts, widget, "menu item", label);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);
          add_menu_texts (texts, widget, link);
        }
    }
}

/* The choices of a drop-down list, when they are strings. */
static void
add_list_texts (GPtrArray *texts, GtkWidget *widget, GListModel *model)
{
  if (!GTK_IS_STRING_LIST (model))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    add_text (texts, widget, "choice", gtk_string_list_get_string (GTK_STRING_LIST (model), i));
}

/* The string properties the user reads, on whichever widgets have them
 * (a GtkLabel's own label is read apart: it may hold markup). */
static const char * const text_properties[] = {
  "title", "subtitle", "description", "placeholder-text", "heading", "body", "label",
};

static void
add_widget_texts (GPtrArray *texts, GtkWidget *widget)
{
  GObjectClass *klass = G_OBJECT_GET_CLASS (widget);

  for (guint i = 0; i < G_N_ELEMENTS (text_properties); i++)
    {
      GParamSpec *pspec = g_object_class_find_property (klass, text_properties[i]);
      g_autofree char *value = NULL;

      if (pspec == NULL || pspec->value_type != G_TYPE_STRING || !(pspec->flags & G_PARAM_READABLE)
          || (GTK_IS_LABEL (widget) && g_str_equal (text_properties[i], "label")))
        continue;
      g_object_get (widget, text_properties[i], &value, NULL);
      add_text (texts, widget, text_properties[i], value);
    }
  add_text (texts, widget, "tooltip", gtk_widget_get_tooltip_text (widget));
  if (GTK_IS_LABEL (widget))
    {
      add_text (texts, widget, "label", gtk_label_get_label (GTK_LABEL (widget)));
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), gtk_label_get_text (GTK_LABEL (widget))) != 0)
        add_text (texts, widget, "label text", gtk_label_get_text (GTK_LABEL (widget)));
    }
  if (GTK_IS_TEXT (widget))
    add_text (texts, widget, "placeholder", gtk_text_get_placeholder_text (GTK_TEXT (widget)));
  if (GTK_IS_MENU_BUTTON (widget))
    add_menu_texts (texts, widget, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  if (GTK_IS_POPOVER_MENU (widget))
    add_menu_texts (texts, widget, gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (widget)));
  if (ADW_IS_COMBO_ROW (widget))
    add_list_texts (texts, widget, adw_combo_row_get_model (ADW_COMBO_ROW (widget)));
  if (GTK_IS_DROP_DOWN (widget))
    add_list_texts (texts, widget, gtk_drop_down_get_model (GTK_DROP_DOWN (widget)));
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget));

      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
          if (gtk_column_view_column_get_visible (column))
            add_text (texts, widget, "column title", gtk_column_view_column_get_title (column));
        }
    }
}

/**
 * ipd_test_collect_texts:
 * @texts: (element-type IpdTestText): where to add them
 *
 * Adds every text the user can read under @widget (itself included): the
 * labels, the titles, subtitles and descriptions of rows, groups, pages
 * and windows, tooltips, placeholders, the labels of menus and the choices
 * of drop-down lists. Hidden widgets and what they hold are left out; the
 * pages of a stack not on top are not (they show when chosen). The keys
 * of a GtkShortcutLabel are GTK's words, and left out.
 */
void
ipd_test_collect_texts (GtkWidget *widget, GPtrArray *texts)
{
  if (!gtk_widget_get_visible (widget))
    return;
  /* the keys of a shortcut are named by GTK (its own catalogue) */
  if (GTK_IS_SHORTCUT_LABEL (widget))
    return;
  add_widget_texts (texts, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    ipd_test_collect_texts (child, texts);
}

/* Whether a text under @widget is exactly @text. */
gboolean
ipd_test_shows_text (GtkWidget *widget, const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_test_text_free);

  ipd_test_collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (((IpdTestText *) g_ptr_array_index (texts, i))->text, text))
      return TRUE;
  return FALSE;
}

/* The catalogue ---------------------------------------------------------------- */

/* A message with printf conversions: what the English and the translation
 * look like once the conversions are filled in. */
typedef struct {
  char   *msgid;
  GRegex *english;
  GRegex *translation;   /* NULL when there is none */
} Pattern;

struct _IpdTestCatalogue {
  /* English text → TRUE when showing it means it is untranslated, FALSE
   * when the translation is the same text ("PDF", "%s: %s") */
  GHashTable *english;
  GPtrArray  *patterns;
};

static void
pattern_free (Pattern *pattern)
{
  g_free (pattern->msgid);
  g_clear_pointer (&pattern->english, g_regex_unref);
  g_clear_pointer (&pattern->translation, g_regex_unref);
  g_free (pattern);
}

void
ipd_test_catalogue_free (IpdTestCatalogue *catalogue)
{
  g_hash_table_unref (catalogue->english);
  g_ptr_array_unref (catalogue->patterns);
  g_free (catalogue);
}

/* @text without its mnemonic underscore ("_Save", "C_hoose"). */
static char *
without_mnemonic (const char *text)
{
  const char *underscore = strchr (text, '_');
  GString *plain;

  if (underscore == NULL || strchr (underscore + 1, '_') != NULL || underscore[1] == '\0')
    return g_strdup (text);
  plain = g_string_new_len (text, underscore - text);
  g_string_append (plain, underscore + 1);
  return g_string_free (plain, FALSE);
}

/* The length of the printf conversion at @p (just after its '%'), 0 for "%%". */
static gsize
conversion_length (const char *p)
{
  gsize n = 0;

  if (*p == '%')
    return 0;
  while (g_ascii_isdigit (p[n]) || p[n] == '$' || strchr ("-+ #0'", p[n]) != NULL || p[n] == '.' || p[n] == '*')
    n++;
  while (p[n] != '\0' && strchr ("hlLqjzt", p[n]) != NULL)
    n++;
  return p[n] != '\0' ? n + 1 : n;
}

/* A regular expression matching @format once its conversions are filled
 * in; NULL when it has none, or with @need_word when what is not
 * conversions holds no word of three letters (then "%s: %s" would match
 * anything). */
static GRegex *
format_regex (const char *format, gboolean need_word)
{
  g_autoptr(GString) pattern = g_string_new ("^");
  gboolean converted = FALSE;
  guint letters = 0, longest = 0;

  for (const char *p = format; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '%')
        {
          gsize n = conversion_length (p + 1);
          if (n == 0)
            {
              g_string_append (pattern, "%");
              p++;
              continue;
            }
          g_string_append (pattern, strchr ("diouxX", p[n]) != NULL ? "[-0-9.,  ]+" : ".+?");
          converted = TRUE;
          letters = 0;
          p += n;
          continue;
        }
      letters = g_unichar_isalpha (c) ? letters + 1 : 0;
      longest = MAX (longest, letters);
      {
        g_autofree char *literal = g_regex_escape_string (p, g_utf8_next_char (p) - p);
        g_string_append (pattern, literal);
      }
    }
  if (!converted || (need_word && longest < 3))
    return NULL;
  g_string_append (pattern, "$");
  return g_regex_new (pattern->str, G_REGEX_DOTALL, 0, NULL);
}

/* One message of the .po file. */
typedef struct {
  GString   *msgctxt;
  GString   *msgid;
  GString   *msgid_plural;
  GPtrArray *msgstr;    /* GString, one per form */
  GString   *field;     /* where a continued string goes */
  gboolean   fuzzy;
  gboolean   in_msgstr;
} PoEntry;

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

static void
po_entry_clear (PoEntry *e)
{
  g_string_truncate (e->msgctxt, 0);
  g_string_truncate (e->msgid, 0);
  g_string_truncate (e->msgid_plural, 0);
  g_ptr_array_set_size (e->msgstr, 0);
  e->field = NULL;
  e->fuzzy = FALSE;
  e->in_msgstr = FALSE;
}

static void
add_english (IpdTestCatalogue *catalogue, const char *english, const char *translation)
{
  gboolean untranslated_if_shown = translation == NULL || !g_str_equal (english, translation);
  gpointer before;

  /* once a translation equals its English, showing that English is right */
  if (g_hash_table_lookup_extended (catalogue->english, english, NULL, &before) && !GPOINTER_TO_INT (before))
    return;
  g_hash_table_insert (catalogue->english, g_strdup (english), GINT_TO_POINTER (untranslated_if_shown));
}

static void
add_message (IpdTestCatalogue *catalogue, const char *english, const char *translation)
{
  g_autofree char *plain_english = without_mnemonic (english);
  g_autofree char *plain_translation = translation ? without_mnemonic (translation) : NULL;
  GRegex *regex = format_regex (english, TRUE);

  add_english (catalogue, english, translation);
  add_english (catalogue, plain_english, plain_translation);
  if (regex != NULL)
    {
      Pattern *pattern = g_new0 (Pattern, 1);

      pattern->msgid = g_strdup (english);
      pattern->english = regex;
      if (translation != NULL)
        pattern->translation = format_regex (translation, FALSE);
      /* a translation without conversions (rare) cannot be told from the English */
      if (translation != NULL && pattern->translation == NULL)
        pattern->translation = g_regex_new (".*", 0, 0, NULL);
      g_ptr_array_add (catalogue->patterns, pattern);
    }
}

static void
po_entry_finish (IpdTestCatalogue *catalogue, PoEntry *e)
{
  const char *translation = NULL;

  if (e->msgid->len > 0)   /* not the header */
    {
      if (!e->fuzzy && e->msgstr->len > 0 && ((GString *) g_ptr_array_index (e->msgstr, 0))->len > 0)
        translation = ((GString *) g_ptr_array_index (e->msgstr, 0))->str;
      add_message (catalogue, e->msgid->str, translation);
      if (e->msgid_plural->len > 0)
        add_message (catalogue, e->msgid_plural->str, translation);
    }
  po_entry_clear (e);
}

/* Appends the C string literal at @quoted (with its quotes) to @to. */
static void
append_unquoted (GString *to, const char *quoted)
{
  const char *end = strrchr (quoted, '"');

  g_assert (quoted[0] == '"' && end != NULL && end > quoted);
  for (const char *p = quoted + 1; p < end; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (to, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'n': g_string_append_c (to, '\n'); break;
        case 't': g_string_append_c (to, '\t'); break;
        case 'r': g_string_append_c (to, '\r'); break;
        default: g_string_append_c (to, *p); break;
        }
    }
}

static void
po_line (IpdTestCatalogue *catalogue, PoEntry *e, const char *line)
{
  if (*line == '\0')
    {
      po_entry_finish (catalogue, e);
      return;
    }
  if (g_str_has_prefix (line, "#~"))
    return;
  if (line[0] == '#' || g_str_has_prefix (line, "msgctxt ") || g_str_has_prefix (line, "msgid "))
    {
      if (e->in_msgstr)
        po_entry_finish (catalogue, e);
    }
  if (line[0] == '#')
    {
      if (g_str_has_prefix (line, "#,") && strstr (line, "fuzzy") != NULL)
        e->fuzzy = TRUE;
      return;
    }
  if (line[0] == '"')
    {
      g_assert_nonnull (e->field);
      append_unquoted (e->field, line);
      return;
    }
  if (g_str_has_prefix (line, "msgctxt "))
    e->field = e->msgctxt;
  else if (g_str_has_prefix (line, "msgid_plural "))
    e->field = e->msgid_plural;
  else if (g_str_has_prefix (line, "msgid "))
    e->field = e->msgid;
  else if (g_str_has_prefix (line, "msgstr"))
    {
      e->in_msgstr = TRUE;
      e->field = g_string_new (NULL);
      g_ptr_array_add (e->msgstr, e->field);
    }
  else
    g_error ("cannot read the line “%s” of the catalogue", line);
  append_unquoted (e->field, strchr (line, '"'));
}

/**
 * ipd_test_catalogue_load:
 * @po_path: a gettext .po file
 *
 * Reads the English messages of @po_path and their translations (fuzzy
 * ones do not count), to tell English left on a translated screen.
 */
IpdTestCatalogue *
ipd_test_catalogue_load (const char *po_path)
{
  IpdTestCatalogue *catalogue = g_new0 (IpdTestCatalogue, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  PoEntry e = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL),
                g_ptr_array_new_with_free_func (string_free), NULL, FALSE, FALSE };

  g_file_get_contents (po_path, &contents, NULL, &error);
  g_assert_no_error (error);
  catalogue->english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  catalogue->patterns = g_ptr_array_new_with_free_func ((GDestroyNotify) pattern_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    po_line (catalogue, &e, g_strstrip (lines[i]));
  po_entry_finish (catalogue, &e);
  g_string_free (e.msgctxt, TRUE);
  g_string_free (e.msgid, TRUE);
  g_string_free (e.msgid_plural, TRUE);
  g_ptr_array_unref (e.msgstr);
  g_assert_cmpuint (g_hash_table_size (catalogue->english), >, 0);
  return catalogue;
}

/* Whether @text is English the catalogue translates differently. */
static const char *
untranslated (IpdTestCatalogue *catalogue, const char *text)
{
  gpointer english;

  if (g_hash_table_lookup_extended (catalogue->english, text, NULL, &english))
    return GPOINTER_TO_INT (english) ? text : NULL;
  for (guint i = 0; i < catalogue->patterns->len; i++)
    {
      Pattern *pattern = g_ptr_array_index (catalogue->patterns, i);

      if (g_regex_match (pattern->english, text, 0, NULL)
          && (pattern->translation == NULL || !g_regex_match (pattern->translation, text, 0, NULL)))
        return pattern->msgid;
    }
  return NULL;
}

/**
 * ipd_test_find_untranslated:
 *
 * Returns: (transfer full) (element-type utf8): a line for each text
 *   under @widget that is one of @catalogue's English messages (itself, or
 *   with its conversions filled in) and not its translation
 */
GPtrArray *
ipd_test_find_untranslated (GtkWidget *widget, IpdTestCatalogue *catalogue)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_test_text_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  ipd_test_collect_texts (widget, texts);
  for (guint i = 0; i < texts->len; i++)
    {
      IpdTestText *shown = g_ptr_array_index (texts, i);
      const char *msgid = untranslated (catalogue, shown->text);
      g_autofree char *line = NULL;

      if (msgid == NULL)
        continue;
      if (g_str_equal (msgid, shown->text))
        line = g_strdup_printf ("“%s” (%s)", shown->text, shown->where);
      else
        line = g_strdup_printf ("“%s” (%s; the message “%s”)", shown->text, shown->where, msgid);
      if (g_hash_table_add (seen, g_strdup (line)))
        g_ptr_array_add (found, g_steal_pointer (&line));
    }
  return found;
}

/* The catalogue of the translated run: po/LANGUAGE.po of the sources. */
static IpdTestCatalogue *
default_catalogue (void)
{
  static IpdTestCatalogue *catalogue;

  if (catalogue == NULL)
    {
      const char *language = g_getenv ("LANGUAGE");
      g_autofree char *name = g_strdup_printf ("%s.po", language != NULL && *language != '\0' ? language : "vi");
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", name, NULL);

      catalogue = ipd_test_catalogue_load (path);
    }
  return catalogue;
}

/**
 * ipd_test_assert_translated:
 * @screen: what @widget is, for the message
 *
 * Fails the test, listing them, when texts under @widget are still English
 * (see ipd_test_find_untranslated()) in the catalogue of LANGUAGE (vi by
 * default).
 */
void
ipd_test_assert_translated (GtkWidget *widget, const char *screen)
{
  g_autoptr(GPtrArray) found = ipd_test_find_untranslated (widget, default_catalogue ());
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_test_text_free);
  g_autoptr(GString) list = g_string_new (NULL);

  ipd_test_collect_texts (widget, texts);
  g_test_message ("%s: %u texts read", screen, texts->len);

  for (guint i = 0; i < found->len; i++)
    g_string_append_printf (list, "\n  %s", (const char *) g_ptr_array_index (found, i));
  if (found->len > 0)
    {
      g_test_message ("%s: %u texts in English:%s", screen, found->len, list->str);
      g_test_fail_printf ("%s: %u texts in English:%s", screen, found->len, list->str);
    }
}

void
ipd_test_window_open (IpdTestWindow *w, gboolean demo, int width, int height)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  w->directory = ipd_test_make_dir ("ipd-window-XXXXXX");
  /* not "register.sqlite": a name the catalogue translates, which the
   * check of English texts would take for one left untranslated */
  path = g_build_filename (w->directory, "lai-chau.sqlite", NULL);
  w->store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  if (demo)
    {
      g_assert_cmpint (ipd_demo_load (w->store, &error), >, 0);
      g_assert_no_error (error);
    }
  w->window = ipd_window_new (NULL, w->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (w->window), width, height);
  ipd_test_present (GTK_WINDOW (w->window));
}

void
ipd_test_window_close (IpdTestWindow *w)
{
  gtk_window_destroy (GTK_WINDOW (w->window));
  ipd_test_iterate (20);
  g_clear_object (&w->store);
  ipd_test_remove_dir (w->directory);
  g_clear_pointer (&w->directory, g_free);
}
