-- Every user gets a principal id, as vault and disk-encryption-set identities have: key-vault access
-- policies name principals by id (separation of duties: no role passes a key vault's access policies).
-- Users created before this migration get theirs at the next start (UserAccounts.assignPrincipalIds).
ALTER TABLE app_user ADD COLUMN principal_id VARCHAR(36);
CREATE UNIQUE INDEX app_user_principal_id ON app_user (principal_id);
