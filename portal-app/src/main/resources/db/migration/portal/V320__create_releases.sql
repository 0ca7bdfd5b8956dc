-- Releases of services, and the immutable readiness decisions that the gate records.

CREATE SEQUENCE releases_seq INCREMENT BY 50;
CREATE TABLE releases (
    id                BIGINT PRIMARY KEY DEFAULT nextval('releases_seq'),
    service_key       VARCHAR(63)   NOT NULL,
    version           VARCHAR(100)  NOT NULL,
    commit_sha        VARCHAR(64),
    environment       VARCHAR(63),
    facts             JSONB         NOT NULL DEFAULT '{}',
    created_by        VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL,
    verdict           VARCHAR(10)   CHECK (verdict IN ('READY', 'BLOCKED')),
    verdict_at        TIMESTAMPTZ,
    CONSTRAINT releases_version_per_service UNIQUE (service_key, version)
);
CREATE INDEX releases_recent ON releases (created_at DESC);
CREATE INDEX releases_service_recent ON releases (service_key, created_at DESC);

CREATE SEQUENCE readiness_decisions_seq INCREMENT BY 50;
CREATE TABLE readiness_decisions (
    id            BIGINT PRIMARY KEY DEFAULT nextval('readiness_decisions_seq'),
    release_id    BIGINT        NOT NULL REFERENCES releases (id),
    verdict       VARCHAR(10)   NOT NULL CHECK (verdict IN ('READY', 'BLOCKED')),
    decided_at    TIMESTAMPTZ   NOT NULL,
    requested_by  VARCHAR(100)  NOT NULL,
    snapshot      JSONB         NOT NULL
);
CREATE INDEX readiness_decisions_release ON readiness_decisions (release_id, decided_at DESC);

-- A decision is the record of why a release was allowed to ship, or not: never changed, never removed.
CREATE FUNCTION refuse_decision_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'readiness decisions are immutable' USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER readiness_decisions_immutable BEFORE UPDATE OR DELETE ON readiness_decisions
    FOR EACH ROW EXECUTE FUNCTION refuse_decision_change();
