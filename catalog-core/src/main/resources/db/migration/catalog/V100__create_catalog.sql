-- The service catalog: teams, people, services and what connects them.
-- Names follow Backstage's rule and are unique without regard to case (name_key = lower(name)).

CREATE SEQUENCE teams_seq INCREMENT BY 50;
CREATE TABLE teams (
    id            BIGINT PRIMARY KEY DEFAULT nextval('teams_seq'),
    name          VARCHAR(63)  NOT NULL,
    name_key      VARCHAR(63)  NOT NULL UNIQUE,
    display_name  VARCHAR(200),
    email         VARCHAR(320),
    chat_channel  VARCHAR(200),
    description   VARCHAR(2000),
    parent_id     BIGINT REFERENCES teams (id),
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT teams_name_key_matches CHECK (name_key = lower(name))
);

CREATE SEQUENCE people_seq INCREMENT BY 50;
CREATE TABLE people (
    id            BIGINT PRIMARY KEY DEFAULT nextval('people_seq'),
    name          VARCHAR(63)  NOT NULL,
    name_key      VARCHAR(63)  NOT NULL UNIQUE,
    display_name  VARCHAR(200),
    email         VARCHAR(320),
    chat          VARCHAR(200),
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT people_name_key_matches CHECK (name_key = lower(name))
);

CREATE TABLE team_members (
    team_id    BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    person_id  BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, person_id)
);
CREATE INDEX team_members_person ON team_members (person_id);

CREATE SEQUENCE services_seq INCREMENT BY 50;
CREATE TABLE services (
    id               BIGINT PRIMARY KEY DEFAULT nextval('services_seq'),
    name             VARCHAR(63)   NOT NULL,
    name_key         VARCHAR(63)   NOT NULL UNIQUE,
    title            VARCHAR(200),
    description      VARCHAR(4000),
    owner_team_id    BIGINT REFERENCES teams (id),
    owner_person_id  BIGINT REFERENCES people (id),
    owner_reference  VARCHAR(300),
    tier             INTEGER CHECK (tier BETWEEN 1 AND 4),
    lifecycle        VARCHAR(63),
    system           VARCHAR(200),
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    CONSTRAINT services_name_key_matches CHECK (name_key = lower(name)),
    CONSTRAINT services_one_owner CHECK (owner_team_id IS NULL OR owner_person_id IS NULL)
);
CREATE INDEX services_owner_team ON services (owner_team_id);
CREATE INDEX services_owner_person ON services (owner_person_id);

CREATE TABLE service_tags (
    service_id  BIGINT      NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    tag         VARCHAR(63) NOT NULL,
    PRIMARY KEY (service_id, tag)
);
CREATE INDEX service_tags_tag ON service_tags (tag);

CREATE TABLE service_links (
    service_id  BIGINT        NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    position    INTEGER       NOT NULL,
    type        VARCHAR(20)   NOT NULL,
    url         VARCHAR(2000) NOT NULL,
    title       VARCHAR(200),
    PRIMARY KEY (service_id, position)
);

CREATE TABLE service_dependencies (
    service_id     BIGINT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    depends_on_id  BIGINT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    PRIMARY KEY (service_id, depends_on_id),
    CONSTRAINT service_dependencies_not_self CHECK (service_id <> depends_on_id)
);
CREATE INDEX service_dependencies_depends_on ON service_dependencies (depends_on_id);
