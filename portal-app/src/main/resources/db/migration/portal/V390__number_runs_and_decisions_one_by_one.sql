-- Gate decisions and re-evaluation runs are inserted by SQL, one at a time: their ids are shown to
-- people ("decision 2"), so they count up by one instead of jumping by 50.
ALTER SEQUENCE readiness_decisions_seq INCREMENT BY 1;
ALTER SEQUENCE evaluation_runs_seq INCREMENT BY 1;
