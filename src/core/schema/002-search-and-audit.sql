-- Format 2: the search index and the audit log.

-- External-content full-text index over dossier.search_text, which the
-- program fills with folded text (marks dropped, đ → d, lower case): FTS5's
-- own folding never turns đ into d. Prefix indexes make typing fast.
CREATE VIRTUAL TABLE dossier_fts USING fts5 (
  search_text,
  content = 'dossier',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);

CREATE TRIGGER dossier_fts_insert AFTER INSERT ON dossier BEGIN
  INSERT INTO dossier_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER dossier_fts_delete AFTER DELETE ON dossier BEGIN
  INSERT INTO dossier_fts (dossier_fts, rowid, search_text)
  VALUES ('delete', old.id, old.search_text);
END;

CREATE TRIGGER dossier_fts_update AFTER UPDATE OF search_text ON dossier BEGIN
  INSERT INTO dossier_fts (dossier_fts, rowid, search_text)
  VALUES ('delete', old.id, old.search_text);
  INSERT INTO dossier_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;

-- Every insert, update and delete of the register's data is recorded here by
-- triggers (made by the program from the tables' columns). Each entry's hash
-- covers the previous entry's hash, so an edited or removed entry shows.
CREATE TABLE audit (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  os_user    TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  old_values TEXT,
  new_values TEXT,
  prev_hash  TEXT,
  hash       TEXT NOT NULL
);

CREATE INDEX audit_row ON audit (table_name, row_id);

CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;
