/* ipd-admin-units.h — Vietnam's administrative units and where former ones went
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One former commune and the current unit it is part of (since 1 July
 * 2025 there are two levels, province and commune; districts are gone).
 * Names as written in the official lists, e.g. "Tỉnh Lai Châu". */
typedef struct {
  char *province;
  char *commune;
  char *former_commune;    /* NULL when the row names only the current unit */
  char *former_district;
  char *former_province;
} IpdAdminUnit;

/* Where a name found in an address goes: the keys of the name as written
 * (ipd_place_key), the former district's key when only it tells two
 * former communes apart ("" otherwise), and the current unit. A province
 * alone maps with commune_key "" and commune NULL. */
typedef struct {
  char *province_key;
  char *commune_key;
  char *district_key;
  char *province;
  char *commune;
} IpdPlaceMapping;

typedef enum {
  IPD_PLACE_PROVINCE,
  IPD_PLACE_COMMUNE,
  IPD_PLACE_TEXT,          /* an address or area as written, searched for a district */
} IpdPlaceLevel;

char      *ipd_place_key               (const char *name, IpdPlaceLevel level);

GPtrArray *ipd_admin_units_parse       (const char *contents, gsize length, GError **error);
GPtrArray *ipd_admin_units_mappings    (GPtrArray *units);

void       ipd_admin_unit_free         (IpdAdminUnit *unit);
void       ipd_place_mapping_free      (IpdPlaceMapping *mapping);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdAdminUnit, ipd_admin_unit_free)

G_END_DECLS
