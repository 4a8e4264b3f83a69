/* ipd-admin-units.c — Vietnam's administrative units and where former ones went
 *
 * Since 1 July 2025 Vietnam has provinces and communes only. Addresses and
 * certificates written before still name former communes, districts and
 * provinces, so statistics by current unit need a table of where each
 * former unit went. The office loads one (a TSV list, see
 * ipd_admin_units_parse); this file turns it into lookups by name.
 *
 * Names are compared by key, not as written: case, spacing and the two
 * ways of placing the tone mark ("Hòa"/"Hoà", "Thủy"/"Thuỷ") differ
 * between documents. Diacritics themselves are kept: "Tân Thạnh" and
 * "Tân Thành" are two communes of one province.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-admin-units"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-admin-units.h"
#include "ipd-error.h"
#include "ipd-text.h"

#define N_COLUMNS 5

static const char *const column_names[N_COLUMNS] = {
  "province", "commune", "former_commune", "former_district", "former_province",
};

/* Words that precede a province's name, which some documents leave out. */
static const char *const province_prefixes[] = { "tỉnh ", "thành phố ", "tp. ", "tp " };

void
ipd_admin_unit_free (IpdAdminUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->province);
  g_free (unit->commune);
  g_free (unit->former_commune);
  g_free (unit->former_district);
  g_free (unit->former_province);
  g_free (unit);
}

void
ipd_place_mapping_free (IpdPlaceMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->province_key);
  g_free (mapping->commune_key);
  g_free (mapping->district_key);
  g_free (mapping->province);
  g_free (mapping->commune);
  g_free (mapping);
}

static gboolean
is_tone_mark (gunichar c)
{
  /* grave, acute, tilde, hook above, dot below */
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

/* In decomposed text, the old style's "ò a" becomes the new style's "o à"
 * (likewise "o e" and "u y"). A mark on a vowel that carries another
 * mark, as in "ươ", is left alone. */
static void
move_tone_marks (gunichar *chars, glong n)
{
  for (glong i = 0; i + 2 < n; i++)
    {
      gunichar first = chars[i], mark = chars[i + 1], second = chars[i + 2];
      gboolean pair = (first == 'o' && (second == 'a' || second == 'e'))
                   || (first == 'u' && second == 'y');

      if (pair && is_tone_mark (mark) && (i + 3 >= n || !g_unichar_ismark (chars[i + 3])))
        {
          chars[i + 1] = second;
          chars[i + 2] = mark;
        }
    }
}

static char *
strip_province_prefix (char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (province_prefixes); i++)
    if (g_str_has_prefix (key, province_prefixes[i]))
      {
        char *rest = g_strdup (key + strlen (province_prefixes[i]));
        g_free (key);
        return rest;
      }
  return key;
}

/* Lower case, one space between words, tone marks placed one way; a
 * province without "Tỉnh"/"Thành phố". "" for no name. */
char *
ipd_place_key (const char *name, IpdPlaceLevel level)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree char *moved = NULL;
  g_auto(GStrv) words = NULL;
  glong n;

  if (ipd_text_is_blank (name) || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");
  folded = g_utf8_casefold (name, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  chars = g_utf8_to_ucs4_fast (decomposed, -1, &n);
  move_tone_marks (chars, n);
  moved = g_ucs4_to_utf8 (chars, n, NULL, NULL, NULL);

  words = g_strsplit_set (moved, " \t\r\n\u00a0", -1);
  {
    g_autofree char *joined = NULL;
    GString *key = g_string_new (NULL);
    char *normal;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_string_append_printf (key, "%s%s", key->len ? " " : "", words[i]);
    joined = g_string_free (key, FALSE);
    normal = g_utf8_normalize (joined, -1, G_NORMALIZE_NFC);
    return level == IPD_PLACE_PROVINCE ? strip_province_prefix (normal) : normal;
  }
}

/* Parsing the TSV list */

static gboolean
parse_header (const char *line, GError **error)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);

  if (g_strv_length (fields) == N_COLUMNS)
    {
      guint i;

      for (i = 0; i < N_COLUMNS; i++)
        if (!g_str_equal (g_strstrip (fields[i]), column_names[i]))
          break;
      if (i == N_COLUMNS)
        return TRUE;
    }
  g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
               _("This is not a list of administrative units: its first line must name the "
                 "columns %s, separated by tabs."),
               "province, commune, former_commune, former_district, former_province");
  return FALSE;
}

static char *
take_field (char *field)
{
  char *value = g_strdup (field);

  ipd_text_tidy (&value);
  return value;
}

static IpdAdminUnit *
parse_line (char *line, guint number, GError **error)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  g_autoptr(IpdAdminUnit) unit = NULL;
  guint n = g_strv_length (fields);

  if (n != N_COLUMNS)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   _("Line %u: expected %u columns separated by tabs, found %u."),
                   number, N_COLUMNS, n);
      return NULL;
    }
  unit = g_new0 (IpdAdminUnit, 1);
  unit->province = take_field (fields[0]);
  unit->commune = take_field (fields[1]);
  unit->former_commune = take_field (fields[2]);
  unit->former_district = take_field (fields[3]);
  unit->former_province = take_field (fields[4]);
  if (unit->province == NULL || unit->commune == NULL)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   _("Line %u: the province and the commune must be given."), number);
      return NULL;
    }
  return g_steal_pointer (&unit);
}

/**
 * ipd_admin_units_parse:
 *
 * Reads a list of administrative units: UTF-8, tab-separated, a header
 * line `province commune former_commune former_district former_province`,
 * then one row per former commune (the former columns may be empty).
 *
 * Returns: (transfer container): #IpdAdminUnit, or %NULL with an error
 * naming the line.
 */
GPtrArray *
ipd_admin_units_parse (const char *contents, gsize length, GError **error)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_admin_unit_free);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *start = contents;

  if (length >= 3 && memcmp (contents, "\xef\xbb\xbf", 3) == 0)   /* a byte-order mark */
    start += 3, length -= 3;
  if (!g_utf8_validate_len (start, length, NULL))
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID,
                           _("The list of administrative units is not UTF-8 text."));
      return NULL;
    }
  text = g_strndup (start, length);
  g_strdelimit (text, "\r", ' ');
  lines = g_strsplit (text, "\n", -1);
  if (!parse_header (lines[0] ? lines[0] : "", error))
    return NULL;

  for (guint i = 1; lines[i] != NULL; i++)
    {
      IpdAdminUnit *unit;

      if (ipd_text_is_blank (lines[i]))
        continue;
      if ((unit = parse_line (lines[i], i + 1, error)) == NULL)
        return NULL;
      g_ptr_array_add (units, unit);
    }
  if (units->len == 0)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID,
                           _("The list of administrative units has no rows."));
      return NULL;
    }
  return g_steal_pointer (&units);
}

/* Building the lookups */

typedef struct {
  GPtrArray  *mappings;
  GHashTable *seen;      /* "province␟commune␟district" keys already mapped */
} Mappings;

static void
add_mapping (Mappings *m, const char *province_key, const char *commune_key,
             const char *district_key, const char *province, const char *commune)
{
  char *id = g_strjoin ("\x1f", province_key, commune_key, district_key, NULL);
  IpdPlaceMapping *mapping;

  if (*province_key == '\0' || !g_hash_table_add (m->seen, id))
    return;
  mapping = g_new0 (IpdPlaceMapping, 1);
  mapping->province_key = g_strdup (province_key);
  mapping->commune_key = g_strdup (commune_key);
  mapping->district_key = g_strdup (district_key);
  mapping->province = g_strdup (province);
  mapping->commune = g_strdup (commune);
  g_ptr_array_add (m->mappings, mapping);
}

/* The current units that one former name (a key) went into. */
typedef struct {
  GPtrArray *targets;    /* IpdAdminUnit, borrowed */
} Destinations;

static void
destinations_free (Destinations *d)
{
  g_ptr_array_unref (d->targets);
  g_free (d);
}

static gboolean
same_current_unit (IpdAdminUnit *a, IpdAdminUnit *b)
{
  return g_str_equal (a->province, b->province) && g_str_equal (a->commune, b->commune);
}

static void
add_destination (GHashTable *table, char *key, IpdAdminUnit *unit)
{
  Destinations *d = g_hash_table_lookup (table, key);

  if (d == NULL)
    {
      d = g_new0 (Destinations, 1);
      d->targets = g_ptr_array_new ();
      g_hash_table_insert (table, key, d);
    }
  else
    g_free (key);
  for (guint i = 0; i < d->targets->len; i++)
    if (same_current_unit (d->targets->pdata[i], unit))
      return;
  g_ptr_array_add (d->targets, unit);
}

static IpdAdminUnit *
only_destination (GHashTable *table, const char *key)
{
  Destinations *d = g_hash_table_lookup (table, key);

  return d != NULL && d->targets->len == 1 ? d->targets->pdata[0] : NULL;
}

static void
map_current_units (Mappings *m, GPtrArray *units)
{
  for (guint i = 0; i < units->len; i++)
    {
      IpdAdminUnit *unit = units->pdata[i];
      g_autofree char *province = ipd_place_key (unit->province, IPD_PLACE_PROVINCE);
      g_autofree char *commune = ipd_place_key (unit->commune, IPD_PLACE_COMMUNE);

      add_mapping (m, province, commune, "", unit->province, unit->commune);
      add_mapping (m, province, "", "", unit->province, NULL);
    }
}

/* A former province went whole into one current province (2025); a name
 * that went into several is left unmapped rather than guessed. */
static void
map_former_provinces (Mappings *m, GPtrArray *units)
{
  g_autoptr(GHashTable) provinces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) destinations_free);
  GHashTableIter iter;
  Destinations *d;
  char *key;

  for (guint i = 0; i < units->len; i++)
    {
      IpdAdminUnit *unit = units->pdata[i];

      if (unit->former_province != NULL)
        add_destination (provinces, ipd_place_key (unit->former_province, IPD_PLACE_PROVINCE), unit);
    }
  g_hash_table_iter_init (&iter, provinces);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, (gpointer *) &d))
    {
      IpdAdminUnit *first = d->targets->pdata[0];
      gboolean whole = TRUE;

      for (guint i = 1; i < d->targets->len && whole; i++)
        whole = g_str_equal (((IpdAdminUnit *) d->targets->pdata[i])->province, first->province);
      if (whole)
        add_mapping (m, key, "", "", first->province, NULL);
    }
}

/* Whether a name maps without the district's help (a current commune's). */
static gboolean
is_mapped (Mappings *m, const char *province_key, const char *commune_key)
{
  g_autofree char *id = g_strjoin ("\x1f", province_key, commune_key, "", NULL);

  return g_hash_table_contains (m->seen, id);
}

static char *
former_key (IpdAdminUnit *unit, gboolean with_district)
{
  g_autofree char *province = ipd_place_key (unit->former_province, IPD_PLACE_PROVINCE);
  g_autofree char *commune = ipd_place_key (unit->former_commune, IPD_PLACE_COMMUNE);
  g_autofree char *district = with_district ? ipd_place_key (unit->former_district, IPD_PLACE_COMMUNE)
                                            : g_strdup ("");

  return g_strjoin ("\x1f", province, commune, district, NULL);
}

/* A former commune maps to the one current commune it went into. Some
 * names went into several (a commune split, or two former communes of one
 * name in different districts): then the former district, found in the
 * address as written, may tell them apart; otherwise no mapping. A name
 * that is also a current commune's stays that commune. */
static void
map_former_communes (Mappings *m, GPtrArray *units)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) destinations_free);
  g_autoptr(GHashTable) by_district = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             (GDestroyNotify) destinations_free);

  for (guint i = 0; i < units->len; i++)
    {
      IpdAdminUnit *unit = units->pdata[i];

      if (unit->former_commune == NULL || unit->former_province == NULL)
        continue;
      add_destination (by_name, former_key (unit, FALSE), unit);
      add_destination (by_district, former_key (unit, TRUE), unit);
    }

  for (guint i = 0; i < units->len; i++)
    {
      IpdAdminUnit *unit = units->pdata[i], *target;
      g_autofree char *name = NULL;
      g_autofree char *province = NULL, *commune = NULL, *district = NULL;

      if (unit->former_commune == NULL || unit->former_province == NULL)
        continue;
      name = former_key (unit, FALSE);
      province = ipd_place_key (unit->former_province, IPD_PLACE_PROVINCE);
      commune = ipd_place_key (unit->former_commune, IPD_PLACE_COMMUNE);
      if ((target = only_destination (by_name, name)) != NULL)
        add_mapping (m, province, commune, "", target->province, target->commune);
      else if (unit->former_district != NULL && !is_mapped (m, province, commune))
        {
          g_autofree char *with_district = former_key (unit, TRUE);

          district = ipd_place_key (unit->former_district, IPD_PLACE_COMMUNE);
          if ((target = only_destination (by_district, with_district)) != NULL)
            add_mapping (m, province, commune, district, target->province, target->commune);
        }
    }
}

/**
 * ipd_admin_units_mappings:
 *
 * The lookups from names as written to current units: current units
 * first (they win over a former unit of the same name), then former
 * provinces and communes.
 *
 * Returns: (transfer container): #IpdPlaceMapping
 */
GPtrArray *
ipd_admin_units_mappings (GPtrArray *units)
{
  Mappings m = {
    g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_place_mapping_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };

  map_current_units (&m, units);
  map_former_provinces (&m, units);
  map_former_communes (&m, units);
  g_hash_table_unref (m.seen);
  return m.mappings;
}
