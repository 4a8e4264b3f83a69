-- Format 7: the front desk's lookup codes.
--
-- A receipt carries a random code that lets its holder look the dossier up
-- at the front desk, even before the application is published. Re-issuing a
-- code revokes the old one (revoked_at) rather than deleting it, so that the
-- audit log and a question about an old receipt can both be answered.
-- At most one code of a dossier is in force.
CREATE TABLE lookup_code (
  code        TEXT PRIMARY KEY CHECK (length (code) = 10),
  dossier_id  INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  issued_at   TEXT NOT NULL,
  revoked_at  TEXT
);

CREATE UNIQUE INDEX lookup_code_in_force ON lookup_code (dossier_id) WHERE revoked_at IS NULL;
