-- A search for a word that few services hold reads only those services: trigram indexes answer
-- "contains" patterns (LIKE '%word%'). pg_trgm ships with PostgreSQL; since PostgreSQL 13 the
-- owner of a database may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX services_search_text_trigrams ON services USING gin (search_text gin_trgm_ops);
CREATE INDEX service_tags_tag_trigrams ON service_tags USING gin (tag gin_trgm_ops);
