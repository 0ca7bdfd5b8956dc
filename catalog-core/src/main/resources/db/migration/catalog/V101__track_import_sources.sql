-- Catalog as code: every imported team, person and service remembers the source it came from
-- (a name the caller gives, e.g. a repository) and the values that source last wrote.
-- A hand edit since then shows as a difference between the row and imported_values.
-- Entries created by hand have neither.

ALTER TABLE teams
    ADD COLUMN import_source    VARCHAR(200),
    ADD COLUMN imported_values  JSONB,
    ADD CONSTRAINT teams_imported_from_source CHECK (imported_values IS NULL OR import_source IS NOT NULL);
CREATE INDEX teams_import_source ON teams (import_source);

ALTER TABLE people
    ADD COLUMN import_source    VARCHAR(200),
    ADD COLUMN imported_values  JSONB,
    ADD CONSTRAINT people_imported_from_source CHECK (imported_values IS NULL OR import_source IS NOT NULL);
CREATE INDEX people_import_source ON people (import_source);

ALTER TABLE services
    ADD COLUMN import_source    VARCHAR(200),
    ADD COLUMN imported_values  JSONB,
    ADD CONSTRAINT services_imported_from_source CHECK (imported_values IS NULL OR import_source IS NOT NULL);
CREATE INDEX services_import_source ON services (import_source);
