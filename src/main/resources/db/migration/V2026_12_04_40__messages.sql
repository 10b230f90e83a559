-- Messages (issue 21, docs/specification.md §9): the SMS and e-mails sent to a young person, their
-- legal guardian, a partner or a coordinator. The content is part of the case record: it is erased
-- with the person (pathway.PersonErased), never logged.
CREATE SEQUENCE message_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE message (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    -- null for a coordinator's daily digest, which is about no case
    case_number         VARCHAR(20),
    -- SMS or EMAIL
    channel             VARCHAR(10)   NOT NULL,
    -- YOUNG_PERSON, GUARDIAN, PARTNER, COORDINATOR
    recipient_kind      VARCHAR(20)   NOT NULL,
    -- the partner's code or the coordinator's user id (no personal data of the young person)
    recipient_ref       VARCHAR(64),
    template            VARCHAR(40)   NOT NULL,
    -- E.164 telephone number or e-mail address
    address             VARCHAR(320)  NOT NULL,
    subject             VARCHAR(200),
    body                VARCHAR(8000) NOT NULL,
    -- QUEUED, DEFERRED, SENDING (handed to the provider, outcome not yet recorded), SENT, FAILED
    status              VARCHAR(12)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          VARCHAR(64),
    -- the day (in raccroche.messages.time-zone) the message counts in for the daily limit
    created_on          DATE          NOT NULL,
    scheduled_for       TIMESTAMP WITH TIME ZONE,
    sent_at             TIMESTAMP WITH TIME ZONE,
    failed_at           TIMESTAMP WITH TIME ZONE,
    -- French reason shown to users; never an address nor the content
    failure             VARCHAR(500),
    attempts            INTEGER       DEFAULT 0 NOT NULL,
    -- given to the provider (SMTP Message-ID, the SMS provider's tag): one message, one sending
    idempotency_key     VARCHAR(64)   NOT NULL,
    provider            VARCHAR(20),
    provider_reference  VARCHAR(100),
    -- the secret of the unsubscribe link of an e-mail
    unsubscribe_token   VARCHAR(64),
    -- the Task_ContactYoungPerson open when the message went: recorded as a contact attempt
    contact_task_id     VARCHAR(64),
    process_instance_id VARCHAR(64),
    CONSTRAINT uk_message_idempotency UNIQUE (idempotency_key),
    CONSTRAINT uk_message_unsubscribe UNIQUE (unsubscribe_token)
);
CREATE INDEX ix_message_case ON message (case_number, created_at);
CREATE INDEX ix_message_created ON message (created_at);

-- The daily limit (raccroche.messages.daily-limit-per-case): one counter per case and day, raised
-- by a conditional update so that two concurrent requests never both take the last place.
CREATE TABLE message_daily_count (
    case_number  VARCHAR(20) NOT NULL,
    count_day    DATE        NOT NULL,
    sent         INTEGER     NOT NULL,
    CONSTRAINT pk_message_daily_count PRIMARY KEY (case_number, count_day)
);

-- "STOP": an address whose owner asked for no more messages (SMS reply or unsubscribe link). The
-- address itself is not kept, only its keyed hash (HMAC-SHA-256 with
-- raccroche.messages.opt-out-secret): enough to refuse the next message, nothing to read back.
-- Kept after the case's erasure: the objection outlives the record.
CREATE SEQUENCE message_opt_out_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE message_opt_out (
    id            BIGINT      NOT NULL PRIMARY KEY,
    channel       VARCHAR(10) NOT NULL,
    address_hash  VARCHAR(64) NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- SMS_REPLY or UNSUBSCRIBE_LINK
    source        VARCHAR(20) NOT NULL,
    CONSTRAINT uk_message_opt_out UNIQUE (channel, address_hash)
);
