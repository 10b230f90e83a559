-- Indicators per département (issue #24): facts, counts, snapshots and objectives carry the
-- département. Existing rows belong to the département of their perimeter, else to the one in the
-- case number (<year>-<département>-<number>); snapshots and the département-wide objectives ('*')
-- to the deployment's département (raccroche.departement, the Flyway placeholder below).

ALTER TABLE indicator_case_fact ADD COLUMN departement VARCHAR(3);
UPDATE indicator_case_fact SET departement =
    (SELECT p.departement FROM perimeter p WHERE p.code = indicator_case_fact.perimeter_code)
    WHERE perimeter_code IS NOT NULL;
-- The year has four digits; a département code two (69, 2A) or three (971).
UPDATE indicator_case_fact SET departement =
    CASE WHEN SUBSTRING(case_number, 8, 1) = '-' THEN SUBSTRING(case_number, 6, 2)
         ELSE SUBSTRING(case_number, 6, 3) END
    WHERE departement IS NULL;
ALTER TABLE indicator_case_fact ALTER COLUMN departement SET NOT NULL;

-- The counts are derived: emptied here, rebuilt from the facts (with their département) at the next
-- start (IndicatorCountsStartup, as after V2026_11_29_7). scope '*' now means the whole département
-- of the row.
DELETE FROM indicator_count;
DELETE FROM indicator_count_state;
ALTER TABLE indicator_count ADD COLUMN departement VARCHAR(3) NOT NULL;
ALTER TABLE indicator_count DROP CONSTRAINT pk_indicator_count;
ALTER TABLE indicator_count ADD CONSTRAINT pk_indicator_count
    PRIMARY KEY (departement, kind, school_year, period_start, scope, dimension, dim_value);

-- One snapshot per département and quarter.
ALTER TABLE indicator_snapshot ADD COLUMN departement VARCHAR(3);
UPDATE indicator_snapshot SET departement = '${default_departement}';
ALTER TABLE indicator_snapshot ALTER COLUMN departement SET NOT NULL;
CREATE INDEX ix_indicator_snapshot_departement
    ON indicator_snapshot (departement, school_year, quarter, status);

-- Objectives per département ('*' in departement and perimeter_code: the region's objective, set by
-- the regional steering group).
ALTER TABLE indicator_objective ADD COLUMN departement VARCHAR(3);
UPDATE indicator_objective SET departement =
    (SELECT p.departement FROM perimeter p WHERE p.code = indicator_objective.perimeter_code)
    WHERE perimeter_code <> '*';
UPDATE indicator_objective SET departement = '${default_departement}' WHERE departement IS NULL;
ALTER TABLE indicator_objective ALTER COLUMN departement SET NOT NULL;
ALTER TABLE indicator_objective DROP CONSTRAINT uq_indicator_objective;
ALTER TABLE indicator_objective ADD CONSTRAINT uq_indicator_objective
    UNIQUE (school_year, departement, perimeter_code, indicator);
