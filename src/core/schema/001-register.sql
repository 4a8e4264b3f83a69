-- Format 1: the register's tables.
-- Dates are ISO 8601 text (YYYY-MM-DD), timestamps ISO 8601 UTC.

PRAGMA application_id = 1229997139;  -- "IPDS"

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT
);

-- The closed lists are tables, so the data refers to them by key and a kind
-- can be added without a change of format.
CREATE TABLE kind (
  code        TEXT PRIMARY KEY,
  label       TEXT NOT NULL,
  letters     TEXT,                 -- Vietnamese abbreviation: NH, NHTT, NHCN, CDĐL
  term_years  INTEGER NOT NULL DEFAULT 0   -- 0: no expiry (geographical indications)
);

CREATE TABLE number_format (
  kind     TEXT PRIMARY KEY REFERENCES kind (code),
  pattern  TEXT NOT NULL,            -- a regular expression for the application number
  example  TEXT NOT NULL
);

CREATE TABLE status (
  code  TEXT PRIMARY KEY,
  label TEXT NOT NULL
);

CREATE TABLE event_type (
  code         TEXT PRIMARY KEY,
  label        TEXT NOT NULL,
  sets_status  TEXT REFERENCES status (code),
  ends_dossier INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE role (
  code  TEXT PRIMARY KEY,
  label TEXT NOT NULL
);

CREATE TABLE party_type (
  code  TEXT PRIMARY KEY,
  label TEXT NOT NULL
);

CREATE TABLE document_type (
  code  TEXT PRIMARY KEY,
  label TEXT NOT NULL
);

-- Stored file contents, one row per distinct SHA-256.
CREATE TABLE blob (
  sha256 TEXT PRIMARY KEY,
  size   INTEGER NOT NULL,
  data   BLOB NOT NULL
);

CREATE TABLE reference_counter (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);

CREATE TABLE dossier (
  id                   INTEGER PRIMARY KEY,
  reference            TEXT NOT NULL UNIQUE,
  kind                 TEXT NOT NULL REFERENCES kind (code),
  name                 TEXT NOT NULL,
  aliases              TEXT,          -- one per line
  status               TEXT NOT NULL DEFAULT 'preparing' REFERENCES status (code),
  app_number           TEXT,
  app_number_override  INTEGER NOT NULL DEFAULT 0,
  filing_date          TEXT,
  priority_country     TEXT,
  priority_number      TEXT,
  priority_date        TEXT,
  decision_number      TEXT,
  decision_date        TEXT,
  certificate_number   TEXT,
  grant_date           TEXT,
  expiry_date          TEXT,
  officer              TEXT,
  programme            TEXT,
  support_amount       INTEGER NOT NULL DEFAULT 0 CHECK (support_amount >= 0),
  internal_note        TEXT,
  public_note          TEXT,
  vienna_codes         TEXT,
  colour_claim         TEXT,
  mark_image_sha256    TEXT REFERENCES blob (sha256),
  regulation_ref       TEXT,
  foreign_protection   TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  deleted_at           TEXT,
  applicant_name       TEXT,          -- derived: the applicant (else owner, managing organisation), for lists
  search_text          TEXT,          -- folded: see ipd_text_fold()
  sort_key             BLOB           -- ICU "vi" collation key of the name
);

CREATE UNIQUE INDEX dossier_app_number ON dossier (app_number) WHERE app_number IS NOT NULL;
-- The live register (trash left out) by kind, status and officer: the
-- sidebar's counts read only these indexes.
CREATE INDEX dossier_live_kind ON dossier (kind) WHERE deleted_at IS NULL;
CREATE INDEX dossier_live_status ON dossier (status) WHERE deleted_at IS NULL;
CREATE INDEX dossier_live_officer ON dossier (officer) WHERE deleted_at IS NULL;
CREATE INDEX dossier_trash ON dossier (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX dossier_filing_date ON dossier (filing_date);
CREATE INDEX dossier_updated_at ON dossier (updated_at);
-- The register's own order (trash left out): the main list reads only this index.
CREATE INDEX dossier_live_by_name ON dossier (sort_key) WHERE deleted_at IS NULL;
CREATE INDEX dossier_live_by_filing_date ON dossier (filing_date) WHERE deleted_at IS NULL;

CREATE TABLE nice_class (
  dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  number     INTEGER NOT NULL CHECK (number BETWEEN 1 AND 45),
  goods      TEXT,
  PRIMARY KEY (dossier_id, number)
);

CREATE TABLE gi_product (
  dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  PRIMARY KEY (dossier_id, position)
);

CREATE TABLE gi_characteristic (
  dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  product    TEXT,
  indicator  TEXT NOT NULL,
  value      TEXT,
  unit       TEXT,
  PRIMARY KEY (dossier_id, position)
);

CREATE TABLE area_unit (
  dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  as_written TEXT NOT NULL,
  commune    TEXT,
  province   TEXT,
  PRIMARY KEY (dossier_id, position)
);

CREATE TABLE party (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL REFERENCES party_type (code),
  address     TEXT,
  commune     TEXT,
  province    TEXT,
  tax_code    TEXT,
  phone       TEXT,
  email       TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  search_text TEXT,
  sort_key    BLOB
);

CREATE INDEX party_sort_key ON party (sort_key);
CREATE INDEX party_tax_code ON party (tax_code);
CREATE INDEX party_province ON party (province);

CREATE TABLE dossier_party (
  dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  party_id   INTEGER NOT NULL REFERENCES party (id),
  role       TEXT NOT NULL REFERENCES role (code),
  position   INTEGER NOT NULL,
  PRIMARY KEY (dossier_id, party_id, role)
);

CREATE INDEX dossier_party_party ON dossier_party (party_id);

CREATE TABLE event (
  id            INTEGER PRIMARY KEY,
  dossier_id    INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  date          TEXT NOT NULL,
  type          TEXT NOT NULL REFERENCES event_type (code),
  reference     TEXT,
  note          TEXT,
  period_months INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
);

CREATE INDEX event_dossier ON event (dossier_id, date);

-- Deadlines computed by the procedure's rules (filled by the deadline engine).
CREATE TABLE task (
  id         INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  rule_id    TEXT NOT NULL,
  title      TEXT NOT NULL,
  due_date   TEXT NOT NULL,
  done_date  TEXT,
  event_id   INTEGER REFERENCES event (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);

CREATE INDEX task_open_due ON task (due_date) WHERE done_date IS NULL;
CREATE INDEX task_dossier ON task (dossier_id);

CREATE TABLE attachment (
  id            INTEGER PRIMARY KEY,
  dossier_id    INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  sha256        TEXT NOT NULL REFERENCES blob (sha256),
  file_name     TEXT NOT NULL,
  mime_type     TEXT NOT NULL,
  document_type TEXT NOT NULL DEFAULT 'other' REFERENCES document_type (code),
  number        TEXT,
  date          TEXT,
  note          TEXT,
  created_at    TEXT NOT NULL
);

CREATE INDEX attachment_dossier ON attachment (dossier_id);
CREATE INDEX attachment_sha256 ON attachment (sha256);
