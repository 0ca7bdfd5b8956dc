-- Every refused sign-in (password, API token, single sign-on), for the audit trail.
CREATE TABLE sign_in_failures (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    method          VARCHAR(20)  NOT NULL CHECK (method IN ('PASSWORD', 'TOKEN', 'SINGLE_SIGN_ON')),
    username        VARCHAR(200),
    client_address  VARCHAR(64)  NOT NULL,
    reason          VARCHAR(40)  NOT NULL
);
CREATE INDEX sign_in_failures_occurred_at ON sign_in_failures (occurred_at);

-- The current streak of failed password sign-ins per account name and per client address,
-- shared by every instance: a streak that reaches the limit locks sign-in until locked_until.
CREATE TABLE sign_in_throttles (
    subject_kind     VARCHAR(10)  NOT NULL CHECK (subject_kind IN ('ACCOUNT', 'CLIENT')),
    subject          VARCHAR(200) NOT NULL,
    failures         INTEGER      NOT NULL CHECK (failures > 0),
    last_failure_at  TIMESTAMPTZ  NOT NULL,
    locked_until     TIMESTAMPTZ,
    PRIMARY KEY (subject_kind, subject)
);
