-- Format 5: the list of administrative units, for statistics by current unit.
--
-- An office loads a list (province, commune and the former units each
-- commune absorbed in 2025); the program derives place_map from it, the
-- lookup from a name as written in an address to the current unit
-- (ipd-admin-units.c). Both are replaced whole at each import, which the
-- audited admin_unit_import table records.
CREATE TABLE admin_unit (
  id              INTEGER PRIMARY KEY,
  province        TEXT NOT NULL,
  commune         TEXT NOT NULL,
  former_commune  TEXT,
  former_district TEXT,
  former_province TEXT
);

CREATE TABLE place_map (
  id           INTEGER PRIMARY KEY,
  province_key TEXT NOT NULL,
  commune_key  TEXT NOT NULL,   -- '' maps a province alone
  district_key TEXT NOT NULL,   -- '' unless the former district tells two communes apart
  province     TEXT NOT NULL,
  commune      TEXT,
  UNIQUE (province_key, commune_key, district_key)
);

CREATE TABLE admin_unit_import (
  id          INTEGER PRIMARY KEY,
  imported_at TEXT NOT NULL,
  source      TEXT NOT NULL,    -- the file's name
  sha256      TEXT NOT NULL,
  units       INTEGER NOT NULL, -- rows of the list
  communes    INTEGER NOT NULL  -- current communes
);
