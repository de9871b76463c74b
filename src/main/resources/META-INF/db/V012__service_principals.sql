-- Service principals: applications that sign in with a client secret at the token endpoint and use keys
-- through access policies that name their principal id. The secret is kept as a bcrypt hash only; its
-- first three characters stay as a hint, as Azure shows them.
CREATE TABLE service_principal (
    app_id         VARCHAR(36)  NOT NULL PRIMARY KEY,
    principal_id   VARCHAR(36)  NOT NULL UNIQUE,
    display_name   VARCHAR(120) NOT NULL UNIQUE,
    secret_hash    VARCHAR(100) NOT NULL,
    secret_hint    VARCHAR(8)   NOT NULL,
    secret_expires TIMESTAMP WITH TIME ZONE NOT NULL,
    created        TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version    BIGINT       NOT NULL
);

-- The keys that sign access tokens (RS256): the public parts, and the PKCS#8 private key sealed by the
-- platform master key (PlatformKey). Every server of a cluster signs with the newest and checks with any.
CREATE TABLE token_signing_key (
    key_id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    modulus            BYTEA        NOT NULL,
    public_exponent    BYTEA        NOT NULL,
    sealed_private_key BYTEA        NOT NULL,
    created            TIMESTAMP WITH TIME ZONE NOT NULL
);
