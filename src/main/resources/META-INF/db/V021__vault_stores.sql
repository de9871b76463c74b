-- Where each vault's backup data lives: on the server's store directory (no row), or in an object store
-- chosen when the vault is created. In common words for both services: account is Azure's account name or S3's
-- access key ID, container is Azure's container or S3's bucket, region is S3's (null for Azure). The secret
-- (account key, secret access key) is sealed by the platform key.
CREATE TABLE vault_store (
    vault                VARCHAR(50)   NOT NULL PRIMARY KEY,
    store_type           VARCHAR(16)   NOT NULL,
    endpoint             VARCHAR(500)  NOT NULL,
    region               VARCHAR(32),
    account              VARCHAR(128)  NOT NULL,
    container            VARCHAR(63)   NOT NULL,
    sealed_secret        BYTEA         NOT NULL
);
