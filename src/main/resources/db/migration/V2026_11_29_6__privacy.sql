-- Data protection: the access log (every read of a young person's personal data: who, when,
-- which case, from where, through which surface) and the record of erasures. Append-only in the
-- application; on PostgreSQL a trigger refuses updates and deletes (db/vendor/postgresql).
CREATE SEQUENCE access_log_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE access_log (
    id              BIGINT NOT NULL PRIMARY KEY,
    read_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id         VARCHAR(64)  NOT NULL,
    -- the case number (business key) read, or "instance:<id>" for an instance without one
    case_number     VARCHAR(64),
    surface         VARCHAR(40)  NOT NULL,
    remote_address  VARCHAR(64)
);
CREATE INDEX ix_access_log_case ON access_log (case_number, read_at);
CREATE INDEX ix_access_log_user ON access_log (user_id, read_at);
CREATE INDEX ix_access_log_read_at ON access_log (read_at);

CREATE SEQUENCE personal_data_erasure_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE personal_data_erasure (
    id              BIGINT NOT NULL PRIMARY KEY,
    erased_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    person_id       BIGINT        NOT NULL,
    case_numbers    VARCHAR(2000) NOT NULL,
    -- RETENTION (the nightly job) or WITHDRAWAL (an administrator, on an objection)
    cause           VARCHAR(20)   NOT NULL,
    requested_by    VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_personal_data_erasure_person ON personal_data_erasure (person_id);
