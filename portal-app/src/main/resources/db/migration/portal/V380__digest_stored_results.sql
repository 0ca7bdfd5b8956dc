-- A stored result keeps a digest of its rules: a re-evaluation that finds the same rules updates the
-- result's version, time and level in place instead of rewriting the rules. Results stored before
-- have none and are written whole once more. Room is left on each page for those in-place updates.
ALTER TABLE scorecard_results ADD COLUMN digest BYTEA;
ALTER TABLE scorecard_results SET (fillfactor = 70);
