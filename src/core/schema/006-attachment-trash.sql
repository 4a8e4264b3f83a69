-- Format 6: a document knows its pages and can go to the trash.
--
-- page_count is the number of pages of a PDF as read when it was attached
-- (NULL: not a PDF, or one that cannot be read). deleted_at puts a
-- document in the trash; its bytes stay in blob, so that it can come back.
-- The audit triggers of attachment name its columns: they are dropped
-- here and made again, with the new columns, after this file.
DROP TRIGGER IF EXISTS audit_attachment_insert;
DROP TRIGGER IF EXISTS audit_attachment_update;
DROP TRIGGER IF EXISTS audit_attachment_delete;

ALTER TABLE attachment ADD COLUMN page_count INTEGER CHECK (page_count IS NULL OR page_count > 0);
ALTER TABLE attachment ADD COLUMN deleted_at TEXT;
