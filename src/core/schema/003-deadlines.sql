-- Format 3: deadlines computed from the procedure, and the register's calendar.

-- A task is what the procedure's rules make of a dossier's events: one row
-- per rule and trigger (an event, or the n-th expiry of a mark), updated in
-- place when the events change, so a task keeps its id and its creation
-- time. The program fills the table after this step (ipd-store-tasks.c).
-- done_date IS NULL still means "open" to every reader: the list's next
-- deadline, the sidebar's filter, the agenda's partial index task_open_due.
-- Tasks are derived data: the audit log records the events they come from,
-- not the tasks (a change of rules rewrites thousands of them).
CREATE TABLE task_new (
  id               INTEGER PRIMARY KEY,
  dossier_id       INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  rule_id          TEXT NOT NULL,
  trigger_key      TEXT NOT NULL DEFAULT '',      -- 'event:<event id>' or 'expiry:<n>'
  trigger_event_id INTEGER REFERENCES event (id) ON DELETE CASCADE,
  role             TEXT,                          -- office, applicant, milestone, opportunity
  title            TEXT NOT NULL,                 -- English; shown translated
  citation         TEXT,
  state            TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'cancelled')),
  trigger_date     TEXT,
  due_date         TEXT NOT NULL,
  window_from      TEXT,                          -- renewal: the window opens
  grace_until      TEXT,                          -- renewal: the grace ends
  surcharge        INTEGER NOT NULL DEFAULT 0,    -- percent per month of grace
  completed_by     TEXT,                          -- the event type that completes it
  done_date        TEXT,                          -- the completing or cancelling event's date
  event_id         INTEGER REFERENCES event (id) ON DELETE SET NULL,   -- that event
  created_at       TEXT NOT NULL,
  UNIQUE (dossier_id, rule_id, trigger_key)
);

-- Rows of format 2 (none were made by a rule engine) are kept as history
-- when done; open ones are recomputed.
INSERT INTO task_new (id, dossier_id, rule_id, trigger_key, title, state, due_date, done_date,
                      event_id, created_at)
  SELECT id, dossier_id, rule_id, 'format2:' || id, title,
         CASE WHEN done_date IS NULL THEN 'open' ELSE 'done' END, due_date, done_date,
         event_id, created_at
  FROM task WHERE done_date IS NOT NULL;

DROP TABLE task;
ALTER TABLE task_new RENAME TO task;

-- The agenda reads it in due-date order and joins the dossier without
-- reading a task row it leaves out (a passed milestone, another officer's).
CREATE INDEX task_open_due ON task (due_date, role, dossier_id) WHERE done_date IS NULL;
-- (dossier_id, …) of the UNIQUE constraint serves a dossier's tasks.

-- Days off besides weekends: public holidays, and Saturdays worked to make
-- up a bridge day (off = 0). The register holds them, not each officer's
-- settings: everyone sharing a register must compute the same deadlines.
CREATE TABLE holiday (
  date TEXT PRIMARY KEY,        -- YYYY-MM-DD
  name TEXT NOT NULL,           -- English for the built-in ones (shown translated)
  off  INTEGER NOT NULL DEFAULT 1 CHECK (off IN (0, 1))
);
