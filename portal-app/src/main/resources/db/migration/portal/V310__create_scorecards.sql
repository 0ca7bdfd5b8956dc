-- Scorecards as living documents: one editable draft and immutable published versions each,
-- the stored result of every service per scorecard, re-evaluation runs and daily level counts.
-- A scorecard document is the engine's YAML form of the scorecard (levels, rules, applies-to).

CREATE SEQUENCE scorecards_seq INCREMENT BY 50;
CREATE TABLE scorecards (
    id            BIGINT PRIMARY KEY DEFAULT nextval('scorecards_seq'),
    key           VARCHAR(63)  NOT NULL UNIQUE,
    created_by    VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    archived_at   TIMESTAMPTZ,
    archived_by   VARCHAR(100)
);

CREATE TABLE scorecard_drafts (
    scorecard_id  BIGINT PRIMARY KEY REFERENCES scorecards (id),
    owner_team    VARCHAR(63),
    document      TEXT         NOT NULL,
    lock_version  BIGINT       NOT NULL DEFAULT 0,
    updated_by    VARCHAR(100) NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

CREATE TABLE scorecard_versions (
    scorecard_id   BIGINT        NOT NULL REFERENCES scorecards (id),
    number         INTEGER       NOT NULL CHECK (number > 0),
    owner_team     VARCHAR(63),
    document       TEXT          NOT NULL,
    note           VARCHAR(2000) NOT NULL,
    published_by   VARCHAR(100)  NOT NULL,
    published_at   TIMESTAMPTZ   NOT NULL,
    reverted_from  INTEGER,
    PRIMARY KEY (scorecard_id, number)
);

-- Published versions are history: the database refuses to change or remove them.
CREATE FUNCTION refuse_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'scorecard versions are immutable' USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER scorecard_versions_immutable BEFORE UPDATE OR DELETE ON scorecard_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_version_change();

CREATE TABLE scorecard_results (
    service_key     VARCHAR(63)  NOT NULL,
    scorecard_id    BIGINT       NOT NULL REFERENCES scorecards (id),
    version_number  INTEGER      NOT NULL,
    applicable      BOOLEAN      NOT NULL,
    level           VARCHAR(63),
    ready           BOOLEAN      NOT NULL,
    failing         INTEGER      NOT NULL,
    evaluation      JSONB        NOT NULL,
    evaluated_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (service_key, scorecard_id)
);
CREATE INDEX scorecard_results_scorecard ON scorecard_results (scorecard_id, level);

-- Services whose results must be recomputed; filled in the transaction that changed them.
CREATE TABLE stale_results (
    service_key  VARCHAR(63) PRIMARY KEY,
    marked_at    TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE evaluation_runs_seq INCREMENT BY 50;
CREATE TABLE evaluation_runs (
    id              BIGINT PRIMARY KEY DEFAULT nextval('evaluation_runs_seq'),
    scorecard_id    BIGINT       REFERENCES scorecards (id),
    version_number  INTEGER,
    reason          VARCHAR(200) NOT NULL,
    total           INTEGER      NOT NULL DEFAULT 0,
    done            INTEGER      NOT NULL DEFAULT 0,
    requested_at    TIMESTAMPTZ  NOT NULL,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    failure         VARCHAR(2000)
);
CREATE INDEX evaluation_runs_pending ON evaluation_runs (requested_at) WHERE started_at IS NULL;

CREATE TABLE level_snapshots (
    day           DATE        NOT NULL,
    scorecard_id  BIGINT      NOT NULL REFERENCES scorecards (id),
    level         VARCHAR(63) NOT NULL,
    services      INTEGER     NOT NULL,
    PRIMARY KEY (day, scorecard_id, level)
);
