-- Where each vault's backup data lives: on the server's store directory (no row), or in an object store
-- chosen when the vault is created. The account key is sealed by the platform key.
CREATE TABLE vault_store (
    vault                VARCHAR(50)   NOT NULL PRIMARY KEY,
    store_type           VARCHAR(16)   NOT NULL,
    endpoint             VARCHAR(500)  NOT NULL,
    account_name         VARCHAR(100)  NOT NULL,
    container            VARCHAR(63)   NOT NULL,
    sealed_account_key   BYTEA         NOT NULL
);
