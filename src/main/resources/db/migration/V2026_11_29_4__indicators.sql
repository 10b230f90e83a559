-- Indicators: one reporting row per case, kept up to date from the pathway's events in the same
-- transaction; the quarterly snapshots (draft, then published and immutable); the objectives.
-- No personal data here: no name, INE, contact detail or birth date (the age band only), so the
-- counts stay the same when the retention job anonymises a young person.
CREATE SEQUENCE indicator_case_fact_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE indicator_case_fact (
    id                      BIGINT       NOT NULL PRIMARY KEY,
    case_number             VARCHAR(20)  NOT NULL,
    -- surrogate id of the young person: counts distinct young people, identifies nobody
    person_id               BIGINT       NOT NULL,
    perimeter_code          VARCHAR(32),
    origin                  VARCHAR(20),
    source                  VARCHAR(20),
    sex                     VARCHAR(1),
    age_band                VARCHAR(10)  NOT NULL,
    last_level              VARCHAR(20)  NOT NULL,
    leaving_reason          VARCHAR(200),
    leaving_date            DATE,
    detected_on             DATE         NOT NULL,
    first_contact_on        DATE,
    taken_in_charge_on      DATE,
    -- delays in days, computed when the milestone arrives (portable aggregates, no date arithmetic)
    days_to_first_contact   INT,
    days_to_taken_in_charge INT,
    one_year_checked_on     DATE,
    one_year_in_solution    BOOLEAN,
    one_year_solution_type  VARCHAR(30),
    closed_on               DATE,
    closure_reason          VARCHAR(30),
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_indicator_case_fact_case UNIQUE (case_number)
);
-- I1/I2 select by leaving date, I3 by first contact date.
CREATE INDEX ix_indicator_fact_leaving ON indicator_case_fact (leaving_date, perimeter_code, person_id);
CREATE INDEX ix_indicator_fact_first_contact ON indicator_case_fact (first_contact_on, perimeter_code, person_id);

CREATE SEQUENCE indicator_snapshot_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE indicator_snapshot (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    school_year          VARCHAR(9)    NOT NULL,
    quarter              VARCHAR(7)    NOT NULL,
    status               VARCHAR(10)   NOT NULL,
    -- the raw figures (département and each perimeter), JSON
    report_json          VARCHAR(1000000) NOT NULL,
    computed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    review_comment       VARCHAR(2000),
    reviewed_by          VARCHAR(64),
    published_at         TIMESTAMP WITH TIME ZONE,
    process_instance_id  VARCHAR(64)
);
CREATE INDEX ix_indicator_snapshot_quarter ON indicator_snapshot (school_year, quarter, status);

CREATE SEQUENCE indicator_objective_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE indicator_objective (
    id              BIGINT       NOT NULL PRIMARY KEY,
    school_year     VARCHAR(9)   NOT NULL,
    -- a perimeter code, or '*' for the whole département
    perimeter_code  VARCHAR(32)  NOT NULL,
    indicator       VARCHAR(30)  NOT NULL,
    kind            VARCHAR(10)  NOT NULL,
    target          NUMERIC(10, 1) NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_indicator_objective UNIQUE (school_year, perimeter_code, indicator)
);
