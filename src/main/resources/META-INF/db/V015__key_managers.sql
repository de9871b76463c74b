-- Remote key managers: servers that speak Azure Key Vault's protocol (Azure Key Vault, Managed HSM, another
-- Strongroom), one registration per key vault URL, with the credential Strongroom signs in with there. A
-- client secret is kept sealed by the platform master key (PlatformKey), never in clear.
CREATE TABLE key_manager (
    name                 VARCHAR(63)   NOT NULL PRIMARY KEY,
    kind                 VARCHAR(32)   NOT NULL,
    key_vault_url        VARCHAR(300)  NOT NULL UNIQUE,
    region               VARCHAR(64)   NOT NULL,
    subscription_id      VARCHAR(64),
    credential_type      VARCHAR(32)   NOT NULL,
    tenant_id            VARCHAR(64),
    client_id            VARCHAR(64),
    sealed_client_secret BYTEA,
    authority_host       VARCHAR(300),
    trusted_certificates VARCHAR(20000),
    registered           TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version          BIGINT        NOT NULL
);
