-- Tags of a key version (Azure Key Vault's "tags": at most 15, names up to 512 characters, values up to
-- 256), as a JSON object of strings; none when null.
ALTER TABLE vault_key_version ADD COLUMN tags VARCHAR(16000);
