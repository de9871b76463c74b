-- The identity a vault's customer-managed key was assigned for (SPEC 18): after a tenant move the identity
-- is re-created, and the key must be assigned again, checked for the new identity, before backups and
-- restores use it. Vaults already on a customer-managed key are bound to the identity they have now.
ALTER TABLE vault ADD COLUMN key_principal_id VARCHAR(36);
UPDATE vault SET key_principal_id = identity_principal_id WHERE encryption_type = 'CustomerManaged';
