-- Young people and their cases (support episodes), and the milestones of each case.
-- Ids from a sequence, 50 at a time, so that imports batch their inserts.
CREATE SEQUENCE young_person_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE young_person (
    id               BIGINT NOT NULL PRIMARY KEY,
    ine              VARCHAR(11),
    last_name        VARCHAR(100) NOT NULL,
    first_name       VARCHAR(100) NOT NULL,
    -- normalised "last|first" (case, accents, hyphens, spaces folded), for matching
    name_key         VARCHAR(210) NOT NULL,
    sex              VARCHAR(1),
    birth_date       DATE         NOT NULL,
    address          VARCHAR(300),
    postal_code      VARCHAR(5),
    commune_code     VARCHAR(5),
    commune_name     VARCHAR(100),
    phone            VARCHAR(30),
    email            VARCHAR(200),
    legal_guardian   VARCHAR(200),
    guardian_phone   VARCHAR(30),
    anonymised       BOOLEAN      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_young_person_ine UNIQUE (ine)
);
CREATE INDEX ix_young_person_match ON young_person (name_key, birth_date);
CREATE INDEX ix_young_person_birth_date ON young_person (birth_date);

-- Next case number per school year and département (no gaps needed, no reuse).
CREATE TABLE case_number_counter (
    school_year_start INT        NOT NULL,
    departement       VARCHAR(3) NOT NULL,
    last_value        BIGINT     NOT NULL,
    PRIMARY KEY (school_year_start, departement)
);

CREATE TABLE support_case (
    case_number            VARCHAR(20)  NOT NULL PRIMARY KEY,
    person_id              BIGINT       NOT NULL REFERENCES young_person (id),
    perimeter_code         VARCHAR(32),
    status                 VARCHAR(20)  NOT NULL,
    closure_reason         VARCHAR(30),
    origin                 VARCHAR(20)  NOT NULL,
    source                 VARCHAR(20),
    detected_on            DATE         NOT NULL,
    leaving_date           DATE,
    leaving_reason         VARCHAR(200),
    last_training          VARCHAR(200),
    last_level             VARCHAR(20),
    uai                    VARCHAR(8),
    justice_follow_up      BOOLEAN      NOT NULL,
    referent_partner_code  VARCHAR(32),
    process_instance_id    VARCHAR(64),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_support_case_person ON support_case (person_id);
CREATE INDEX ix_support_case_perimeter_status ON support_case (perimeter_code, status);

-- Reporting milestones, written as the process passes them (the indicators read these).
-- Ids from a sequence, 50 at a time, so that imports batch their inserts.
CREATE SEQUENCE case_milestone_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE case_milestone (
    id              BIGINT NOT NULL PRIMARY KEY,
    case_number     VARCHAR(20)  NOT NULL REFERENCES support_case (case_number),
    milestone       VARCHAR(30)  NOT NULL,
    occurred_on     DATE         NOT NULL,
    perimeter_code  VARCHAR(32),
    partner_code    VARCHAR(32),
    solution_type   VARCHAR(30),
    in_solution     BOOLEAN,
    closure_reason  VARCHAR(30),
    detail          VARCHAR(200),
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_case_milestone_case ON case_milestone (case_number);
CREATE INDEX ix_case_milestone_kind_date ON case_milestone (milestone, occurred_on);
