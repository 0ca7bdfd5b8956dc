-- The audit trail: who did what to which object, when, with the object before and after. Rows are
-- written in the transaction of the change they describe (refusals such as failed sign-ins in
-- their own), and never changed or removed afterwards.
CREATE TABLE audit_events (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     TIMESTAMPTZ   NOT NULL,
    actor           VARCHAR(200)  NOT NULL,
    actor_kind      VARCHAR(10)   NOT NULL CHECK (actor_kind IN ('PERSON', 'TOKEN', 'SYSTEM', 'ANONYMOUS')),
    token_id        BIGINT,
    action          VARCHAR(63)   NOT NULL,
    object_type     VARCHAR(30)   NOT NULL,
    object_id       VARCHAR(200),
    before          JSONB,
    after           JSONB,
    request_id      VARCHAR(64),
    client_address  VARCHAR(64),
    summary         VARCHAR(500)  NOT NULL
);

-- The filters of the audit page and API; each ends with id, the order events are listed in.
CREATE INDEX audit_events_object ON audit_events (object_type, lower(object_id), id);
CREATE INDEX audit_events_actor ON audit_events (lower(actor), id);
CREATE INDEX audit_events_action ON audit_events (action varchar_pattern_ops, id);
CREATE INDEX audit_events_occurred_at ON audit_events (occurred_at);

-- Append-only: the database refuses to change, remove or empty the trail, whoever asks.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_events_never_emptied BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
