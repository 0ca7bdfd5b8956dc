-- A stored result is always written and read whole, never searched inside: kept as json text, it
-- skips the conversion to jsonb's binary form on every write and back on every read, which was most
-- of what a full re-evaluation of the catalog cost the database. Compressed with lz4 where the
-- server is built with it (PostgreSQL 14 and later, usually); pglz otherwise.
ALTER TABLE scorecard_results ALTER COLUMN evaluation TYPE json USING evaluation::json;

DO $$
BEGIN
    EXECUTE 'ALTER TABLE scorecard_results ALTER COLUMN evaluation SET COMPRESSION lz4';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'stored results stay compressed with pglz: %', SQLERRM;
END;
$$;
