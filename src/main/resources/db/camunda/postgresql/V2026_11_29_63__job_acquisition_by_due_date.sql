-- Job acquisition by due date (application.yaml: jobExecutorAcquireByDueDate, ensureJobDueDateNotNull;
-- docs/benchmarks.md B4; why a second Flyway history: docs/adr/0004). The acquisition query orders
-- by DUEDATE_ and stops at its page of jobs: with this index PostgreSQL walks the due jobs in order
-- instead of scanning every job of the table, most of them timers due weeks or months later.
CREATE INDEX IF NOT EXISTS raccroche_idx_job_duedate ON act_ru_job (duedate_);
ANALYZE act_ru_job;
