-- Accounts of people and automation that sign in to the portal, with their roles.
-- A user's catalog identity is the person of the same name (case-insensitive).

CREATE SEQUENCE user_accounts_seq INCREMENT BY 50;
CREATE TABLE user_accounts (
    id             BIGINT PRIMARY KEY DEFAULT nextval('user_accounts_seq'),
    username       VARCHAR(63)  NOT NULL,
    username_key   VARCHAR(63)  NOT NULL UNIQUE,
    display_name   VARCHAR(200),
    password_hash  VARCHAR(200),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT user_accounts_username_key_matches CHECK (username_key = lower(username))
);

CREATE TABLE user_account_roles (
    user_account_id  BIGINT      NOT NULL REFERENCES user_accounts (id) ON DELETE CASCADE,
    role             VARCHAR(30) NOT NULL CHECK (role IN ('VIEWER', 'RELEASE_MANAGER', 'SRE', 'ADMIN')),
    PRIMARY KEY (user_account_id, role)
);
