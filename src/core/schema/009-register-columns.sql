-- Format 9: a dossier's address and products as the registers print them.
--
-- The register of applications printed each row's applicant address and
-- products (Nice classes with their goods, else a GI's products) from
-- subqueries over the dossier's parties and classes: half the time the
-- store took for a register of 100 000 dossiers (0.5 of 1.1 s). They are
-- kept in the row, as applicant_name is, by ipd_store_refresh_search() on
-- every save of the dossier and every change of one of its parties; the
-- step's function fills them in for the dossiers already there. Derived,
-- so not in the audit log (unaudited_columns in ipd-store-audit.c): the
-- dossier's audit triggers, which name the columns they log, stay as
-- they are.
ALTER TABLE dossier ADD COLUMN applicant_address TEXT;
ALTER TABLE dossier ADD COLUMN products_text TEXT;
