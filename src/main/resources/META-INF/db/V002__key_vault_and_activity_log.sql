-- The built-in key vault (key vaults, access policies, keys, key versions) and the activity log.

CREATE TABLE key_vault (
    name                       VARCHAR(24)  NOT NULL PRIMARY KEY,
    region                     VARCHAR(64)  NOT NULL,
    subscription_id            VARCHAR(64)  NOT NULL,
    resource_group             VARCHAR(90)  NOT NULL,
    soft_delete_enabled        BOOLEAN      NOT NULL,
    soft_delete_retention_days INTEGER      NOT NULL,
    purge_protection_enabled   BOOLEAN      NOT NULL,
    created                    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated                    TIMESTAMP WITH TIME ZONE NOT NULL,
    version                    BIGINT       NOT NULL
);

CREATE TABLE key_vault_access_policy (
    key_vault       VARCHAR(24)  NOT NULL REFERENCES key_vault (name) ON DELETE CASCADE,
    principal_id    VARCHAR(64)  NOT NULL,
    key_permissions VARCHAR(400) NOT NULL,
    PRIMARY KEY (key_vault, principal_id)
);

CREATE TABLE vault_key (
    id                 UUID         NOT NULL PRIMARY KEY,
    key_vault          VARCHAR(24)  NOT NULL REFERENCES key_vault (name),
    name               VARCHAR(127) NOT NULL,
    created            TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at         TIMESTAMP WITH TIME ZONE,
    scheduled_purge_at TIMESTAMP WITH TIME ZONE,
    row_version        BIGINT       NOT NULL,
    CONSTRAINT vault_key_name_unique UNIQUE (key_vault, name)
);

CREATE INDEX vault_key_purge_idx ON vault_key (scheduled_purge_at);

-- sealed_private_key: the PKCS#8 private key sealed by the platform master key (AES-256-GCM), see PlatformKey.
CREATE TABLE vault_key_version (
    id                 UUID         NOT NULL PRIMARY KEY,
    key_id             UUID         NOT NULL REFERENCES vault_key (id) ON DELETE CASCADE,
    version_id         VARCHAR(32)  NOT NULL,
    sequence           INTEGER      NOT NULL,
    kty                VARCHAR(16)  NOT NULL,
    key_size           INTEGER      NOT NULL,
    key_ops            VARCHAR(200) NOT NULL,
    enabled            BOOLEAN      NOT NULL,
    not_before         TIMESTAMP WITH TIME ZONE,
    expires            TIMESTAMP WITH TIME ZONE,
    created            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated            TIMESTAMP WITH TIME ZONE NOT NULL,
    modulus            BYTEA        NOT NULL,
    public_exponent    BYTEA        NOT NULL,
    sealed_private_key BYTEA        NOT NULL,
    row_version        BIGINT       NOT NULL,
    CONSTRAINT vault_key_version_unique UNIQUE (key_id, version_id)
);

CREATE TABLE activity_record (
    seq           BIGINT        NOT NULL PRIMARY KEY,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    caller        VARCHAR(100)  NOT NULL,
    operation     VARCHAR(100)  NOT NULL,
    resource      VARCHAR(400)  NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    details       VARCHAR(2000),
    hash          VARCHAR(64)   NOT NULL,
    previous_hash VARCHAR(64)   NOT NULL
);

CREATE INDEX activity_record_resource_idx ON activity_record (resource);
CREATE INDEX activity_record_time_idx ON activity_record (recorded_at);

-- The end of the hash chain; appending locks this row.
CREATE TABLE activity_chain (
    id            INTEGER     NOT NULL PRIMARY KEY,
    last_sequence BIGINT      NOT NULL,
    last_hash     VARCHAR(64) NOT NULL
);

INSERT INTO activity_chain (id, last_sequence, last_hash)
    VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
