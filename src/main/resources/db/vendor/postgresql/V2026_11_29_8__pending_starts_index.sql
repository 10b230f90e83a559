-- The import's pathway phase reads the cases still waiting for their pathway, oldest first, 2,000
-- at a time (CaseService.pendingStarts): "process_instance_id IS NULL ... ORDER BY created_at,
-- case_number". PostgreSQL cannot read "IS NULL" in order from an index on process_instance_id: it
-- sorted every pending case for each page, 50 ms a page with 237,000 pending (benchmarks.md, B3).
-- A partial index holds exactly the pending cases, in that order: 1 ms a page. (H2, for small
-- volumes, sorts.)
CREATE INDEX ix_support_case_pending_start ON support_case (created_at, case_number)
    WHERE process_instance_id IS NULL;
