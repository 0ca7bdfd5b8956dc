-- Service accounts authenticate only with API tokens; single sign-on accounts are known by their
-- provider's issuer and subject. Neither has a password.
ALTER TABLE user_accounts
    ADD COLUMN kind         VARCHAR(10) NOT NULL DEFAULT 'PERSON' CHECK (kind IN ('PERSON', 'SERVICE')),
    ADD COLUMN sso_issuer   VARCHAR(500),
    ADD COLUMN sso_subject  VARCHAR(255),
    ADD CONSTRAINT user_accounts_sso_identity UNIQUE (sso_issuer, sso_subject),
    ADD CONSTRAINT user_accounts_sso_complete CHECK ((sso_issuer IS NULL) = (sso_subject IS NULL)),
    ADD CONSTRAINT user_accounts_service_without_password
        CHECK (kind <> 'SERVICE' OR (password_hash IS NULL AND sso_subject IS NULL)),
    ADD CONSTRAINT user_accounts_sso_without_password CHECK (sso_subject IS NULL OR password_hash IS NULL);
