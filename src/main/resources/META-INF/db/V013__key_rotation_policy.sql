-- A key's rotation policy (Azure Key Vault's): lifetime actions and the expiry time of new versions, as
-- JSON; none means the default (notify 30 days before expiry). near_expiry_notified: the version whose
-- near-expiry notice was given, so that the scheduler gives it once.
ALTER TABLE vault_key ADD COLUMN rotation_policy VARCHAR(2000);
ALTER TABLE vault_key ADD COLUMN rotation_policy_created TIMESTAMP WITH TIME ZONE;
ALTER TABLE vault_key ADD COLUMN rotation_policy_updated TIMESTAMP WITH TIME ZONE;
ALTER TABLE vault_key ADD COLUMN near_expiry_notified VARCHAR(32);
