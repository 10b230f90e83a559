-- Pre-aggregated indicator counts, so that a live report reads a few thousand small rows instead of
-- scanning the school year's facts. Kept in step with indicator_case_fact by CaseFactRecorder in the
-- transaction that changes the facts (atomic n = n + delta upserts, in key order); rebuilt from the
-- facts by IndicatorCounts.rebuild (at the first start after this migration: indicator_count_state
-- is empty). Only codes, dates and counts: no personal data, not even the person's surrogate id.
--
-- kind: LEAVER, TAKEN (distinct young people: a person counts once per cell, in the month of their
--   earliest case there), COHORT, SOLUTION (distinct young people per quarter of first contact),
--   CONTACT_DAYS, TAKEN_DAYS (per case: histogram of the delay in days, value = the number of days,
--   so that the median is exact).
CREATE TABLE indicator_count (
    kind          VARCHAR(12)  NOT NULL,
    -- start year of the school year of the leaving date; 0 for COHORT and SOLUTION
    school_year   INT          NOT NULL,
    -- first day of the month of the cell (leaving date, or the later of leaving date and milestone);
    -- first day of the quarter of the first contact for COHORT and SOLUTION
    period_start  DATE         NOT NULL,
    -- '*' = the département, else a perimeter code ('' = none)
    scope         VARCHAR(32)  NOT NULL,
    -- 'total', a breakdown dimension (source, sex, ageBand, lastLevel, leavingReason, solutionType),
    -- or 'days' for the delay histograms
    dimension     VARCHAR(20)  NOT NULL,
    -- the dimension's value ('' = none), or the delay in days
    dim_value     VARCHAR(200) NOT NULL,
    n             BIGINT       NOT NULL,
    CONSTRAINT pk_indicator_count PRIMARY KEY (kind, school_year, period_start, scope, dimension, dim_value)
);

-- One row once the counts have been built from the facts (absent: rebuild at the next start).
CREATE TABLE indicator_count_state (
    id        INT                      NOT NULL PRIMARY KEY,
    built_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    facts     BIGINT                   NOT NULL
);

-- The maintenance reads all the cases of the young people it touches.
CREATE INDEX ix_indicator_fact_person ON indicator_case_fact (person_id);
