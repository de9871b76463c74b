-- The last probe of a vault's key in force (KeyHealthProbe): Healthy or Warning, the warnings one per line,
-- and when it ran. One row per vault with a customer-managed key that was probed.
CREATE TABLE vault_key_health (
    vault_name VARCHAR(50)   NOT NULL PRIMARY KEY,
    status     VARCHAR(16)   NOT NULL,
    warnings   VARCHAR(4000) NOT NULL,
    checked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
