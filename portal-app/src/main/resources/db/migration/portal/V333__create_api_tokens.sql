-- API tokens for automation. Only the SHA-256 of a secret is kept; secret_hint is its first
-- characters, shown so that people recognise their tokens.
CREATE SEQUENCE api_tokens_seq INCREMENT BY 50;
CREATE TABLE api_tokens (
    id               BIGINT PRIMARY KEY DEFAULT nextval('api_tokens_seq'),
    user_account_id  BIGINT       NOT NULL REFERENCES user_accounts (id) ON DELETE CASCADE,
    name             VARCHAR(100) NOT NULL,
    secret_hash      VARCHAR(64)  NOT NULL UNIQUE CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
    secret_hint      VARCHAR(16)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    created_by       VARCHAR(63)  NOT NULL,
    expires_at       TIMESTAMPTZ,
    last_used_at     TIMESTAMPTZ,
    revoked_at       TIMESTAMPTZ,
    revoked_by       VARCHAR(63),
    CONSTRAINT api_tokens_revoked_by_someone CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX api_tokens_user_account ON api_tokens (user_account_id);

CREATE TABLE api_token_scopes (
    api_token_id  BIGINT      NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
    scope         VARCHAR(40) NOT NULL,
    PRIMARY KEY (api_token_id, scope)
);
