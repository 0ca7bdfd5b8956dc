-- The catalog's text search matches a service's name, title, description and system. Lower-casing
-- four columns of every row on every search cost most of a search at 10,000 services; the database
-- keeps them lower-cased in one column instead (the fields are separated by a line break, which no
-- search term holds). Tags are lower-case already and are searched where they are.
ALTER TABLE services ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    lower(name || E'\n' || coalesce(title, '') || E'\n' || coalesce(description, '') || E'\n' || coalesce(system, ''))
) STORED;
