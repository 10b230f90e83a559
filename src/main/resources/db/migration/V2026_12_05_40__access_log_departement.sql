-- The access log's département (issue #24; docs/security.md S34): a supervisor reads the entries of
-- their département, found by this column instead of a LIKE on the case number, which also hid
-- the reads of an import's rejected lines ("import:N") from the supervisor of its département.
-- Written with each entry from now on (AccessLogRecorder); the entries already written are given
-- theirs by V2026_12_05_43 (db/vendor/<database>: on PostgreSQL the table is append-only).
ALTER TABLE access_log ADD COLUMN departement VARCHAR(3);
CREATE INDEX ix_access_log_departement ON access_log (departement, read_at);
