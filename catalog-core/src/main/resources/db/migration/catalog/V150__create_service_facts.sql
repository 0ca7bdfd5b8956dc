-- Facts that integrations push about a service (coverage, vulnerabilities, SLOs...), one row per
-- fact, each with the time it was last reported and by whom.

CREATE TABLE service_facts (
    service_id   BIGINT        NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    name         VARCHAR(63)   NOT NULL,
    value        JSONB         NOT NULL,
    reported_at  TIMESTAMPTZ   NOT NULL,
    reported_by  VARCHAR(100)  NOT NULL,
    PRIMARY KEY (service_id, name)
);
