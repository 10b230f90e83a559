-- The regional consolidation reads the facts of the young people who moved between départements
-- (origin TRANSFER, a few among hundreds of thousands) to count each of them once
-- (FigureQueries.countedTwice).
CREATE INDEX ix_case_fact_origin ON indicator_case_fact (origin, departement);
