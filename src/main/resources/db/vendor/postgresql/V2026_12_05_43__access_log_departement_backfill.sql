-- The département of the access log entries written before V2026_12_05_40 (PostgreSQL). The table
-- is append-only (V2026_11_29_61): its trigger is set aside for this one backfill, in the
-- migration's transaction, and set back before it commits; nothing else changes any entry.
ALTER TABLE access_log DISABLE TRIGGER access_log_append_only;

-- A case number says the département it was given in (<year>-<département>-<6 digits>); a case
-- that moves to another département gets a new number there.
UPDATE access_log
   SET departement = SUBSTRING(case_number, 6, LENGTH(case_number) - 12)
 WHERE case_number LIKE '____-%-______'
   AND LENGTH(case_number) BETWEEN 14 AND 15;

-- The reads of an import's rejected lines: the import's département.
UPDATE access_log
   SET departement = (SELECT b.departement FROM import_batch b
                       WHERE CONCAT('import:', b.id) = access_log.case_number)
 WHERE case_number LIKE 'import:%';

-- Anything else stays without a département: administrators only.

ALTER TABLE access_log ENABLE TRIGGER access_log_append_only;
