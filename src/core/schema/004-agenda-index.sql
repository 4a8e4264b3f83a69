-- Format 4: the agenda reads the task table alone.
--
-- A task carries copies of what the agenda filters and sorts on from its
-- dossier: the officer, the kind, whether it is live (not in the trash) and
-- the name's sort key. The program writes them with each new task
-- (ipd-store-tasks.c); the triggers below follow every later change of the
-- dossier, whichever code makes it (a save, the trash, a new collator).
ALTER TABLE task ADD COLUMN dossier_officer TEXT;
ALTER TABLE task ADD COLUMN dossier_kind TEXT;
ALTER TABLE task ADD COLUMN dossier_live INTEGER NOT NULL DEFAULT 1;
ALTER TABLE task ADD COLUMN dossier_sort_key BLOB;

UPDATE task SET (dossier_officer, dossier_kind, dossier_live, dossier_sort_key) =
  (SELECT d.officer, d.kind, d.deleted_at IS NULL, d.sort_key FROM dossier d WHERE d.id = task.dossier_id);

CREATE TRIGGER task_follows_dossier AFTER UPDATE OF officer, kind, deleted_at, sort_key ON dossier
  WHEN NEW.officer IS NOT OLD.officer OR NEW.kind IS NOT OLD.kind
    OR (NEW.deleted_at IS NULL) IS NOT (OLD.deleted_at IS NULL) OR NEW.sort_key IS NOT OLD.sort_key
BEGIN
  UPDATE task SET dossier_officer = NEW.officer, dossier_kind = NEW.kind,
                  dossier_live = NEW.deleted_at IS NULL, dossier_sort_key = NEW.sort_key
    WHERE dossier_id = NEW.id;
END;

-- The agenda's pages come in this index's order (due date, then name) and
-- its counts read nothing else: every column they filter on is here, even
-- done_date (always NULL here, but SQLite reads the table for a column of
-- the query that the index lacks).
DROP INDEX task_open_due;
CREATE INDEX task_agenda ON task (due_date, dossier_sort_key, dossier_live, role, dossier_officer,
                                  dossier_kind, done_date) WHERE done_date IS NULL;
-- What is overdue, without the passed milestones and opportunities (tens
-- of thousands in a large register, never done: nobody has to act on them).
CREATE INDEX task_agenda_overdue ON task (due_date, dossier_sort_key, dossier_live, role, dossier_officer,
                                          dossier_kind, done_date)
  WHERE done_date IS NULL AND ifnull (role, '') NOT IN ('milestone', 'opportunity');
