-- References an imported descriptor makes to an entry that does not exist yet: a person's team
-- (memberOf), a team's members or parent, a service's owner or dependencies. Each row belongs to
-- the entry that wrote the reference and goes with it; it turns into a real link as soon as an
-- import brings the target, whichever order sources arrive in.

CREATE TABLE catalog_pending_references (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id      BIGINT REFERENCES teams (id) ON DELETE CASCADE,
    person_id    BIGINT REFERENCES people (id) ON DELETE CASCADE,
    service_id   BIGINT REFERENCES services (id) ON DELETE CASCADE,
    relation     VARCHAR(20) NOT NULL,
    target_key   VARCHAR(63) NOT NULL,
    CONSTRAINT pending_references_one_holder CHECK (num_nonnulls(team_id, person_id, service_id) = 1),
    CONSTRAINT pending_references_relation CHECK (
        (relation IN ('parent', 'members') AND team_id IS NOT NULL)
        OR (relation = 'memberOf' AND person_id IS NOT NULL)
        OR (relation IN ('ownerTeam', 'ownerPerson', 'dependsOn') AND service_id IS NOT NULL)),
    CONSTRAINT pending_references_target_key_lower CHECK (target_key = lower(target_key))
);
CREATE INDEX pending_references_team ON catalog_pending_references (team_id);
CREATE INDEX pending_references_person ON catalog_pending_references (person_id);
CREATE INDEX pending_references_service ON catalog_pending_references (service_id);
CREATE INDEX pending_references_target ON catalog_pending_references (relation, target_key);
