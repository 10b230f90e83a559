-- Tasklist at scale (docs/benchmarks.md, B5; why a second Flyway history: docs/adr/0004).
-- Every task list of an authenticated user joins ACT_RU_AUTHORIZATION filtered on
-- "PERMS_ & 2 = 2" (READ on a task) and "PERMS_ & 64 = 64" (READ_TASK on a process definition).
-- Without statistics on those expressions PostgreSQL guesses that 0.5 % of a group's
-- authorizations match (329 rows instead of 67,000 for a perimeter with 67,000 open tasks), then
-- scans the whole list of them for each task: "Tâches de mon périmètre" took 1 s for a page of 15.
-- With them it looks up each task's authorizations by RESOURCE_ID_ (existing index): 60 ms.
CREATE STATISTICS IF NOT EXISTS raccroche_stat_auth_perms ON (perms_ & 2), (perms_ & 64)
    FROM act_ru_authorization;
ANALYZE act_ru_authorization;
