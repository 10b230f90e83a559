-- The pending starts no longer include the cases whose start failed (they wait for a supervisor's
-- retry): the partial index holds exactly what CaseIntake's queue reads.
DROP INDEX IF EXISTS ix_support_case_pending_start;
CREATE INDEX ix_support_case_pending_start ON support_case (created_at, case_number)
    WHERE process_instance_id IS NULL AND start_failed_at IS NULL;
