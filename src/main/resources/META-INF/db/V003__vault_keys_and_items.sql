-- Customer-managed keys for vaults (identity, encryption settings, pending key update, wrapped data key)
-- and protected items. One column per ALTER: the form H2 and PostgreSQL share.

ALTER TABLE vault ADD COLUMN tenant_id VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE vault ADD COLUMN identity_type VARCHAR(16) DEFAULT 'None' NOT NULL;
ALTER TABLE vault ADD COLUMN identity_principal_id VARCHAR(36);
ALTER TABLE vault ADD COLUMN identity_tenant_id VARCHAR(64);
ALTER TABLE vault ADD COLUMN encryption_type VARCHAR(24) DEFAULT 'PlatformManaged' NOT NULL;
ALTER TABLE vault ADD COLUMN key_uri VARCHAR(400);
ALTER TABLE vault ADD COLUMN active_key_id VARCHAR(400);
ALTER TABLE vault ADD COLUMN auto_rotation BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE vault ADD COLUMN key_vault_subscription_id VARCHAR(64);
ALTER TABLE vault ADD COLUMN infrastructure_encryption VARCHAR(16) DEFAULT 'Disabled' NOT NULL;
ALTER TABLE vault ADD COLUMN last_update_status VARCHAR(16) DEFAULT 'NotStarted' NOT NULL;
ALTER TABLE vault ADD COLUMN pending_job_id UUID;
ALTER TABLE vault ADD COLUMN pending_key_uri VARCHAR(400);
ALTER TABLE vault ADD COLUMN pending_key_vault_subscription_id VARCHAR(64);
ALTER TABLE vault ADD COLUMN pending_infrastructure_encryption VARCHAR(16);
-- The vault data key (AES-256), sealed by the platform key or wrapped (RSA-OAEP-256) by the KEK in data_key_wrapped_by.
ALTER TABLE vault ADD COLUMN wrapped_data_key BYTEA;
ALTER TABLE vault ADD COLUMN data_key_wrapped_by VARCHAR(400);
ALTER TABLE vault ADD COLUMN had_item BOOLEAN DEFAULT FALSE NOT NULL;

CREATE INDEX vault_following_idx ON vault (key_uri);

CREATE TABLE protected_item (
    id                          UUID          NOT NULL PRIMARY KEY,
    vault                       VARCHAR(50)   NOT NULL REFERENCES vault (name),
    name                        VARCHAR(100)  NOT NULL,
    workload_type               VARCHAR(16)   NOT NULL,
    source_path                 VARCHAR(1000),
    policy_schedule             VARCHAR(100),
    policy_retention_days       INTEGER,
    policy_instant_restore_days INTEGER       NOT NULL,
    protection_state            VARCHAR(24)   NOT NULL,
    last_backup_time            TIMESTAMP WITH TIME ZONE,
    last_backup_status          VARCHAR(64),
    created                     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated                     TIMESTAMP WITH TIME ZONE NOT NULL,
    version                     BIGINT        NOT NULL,
    CONSTRAINT protected_item_name_unique UNIQUE (vault, name)
);
