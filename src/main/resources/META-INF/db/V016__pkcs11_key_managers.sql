-- PKCS#11 tokens as key managers: the module and the token's place in its slot list, and what the admin
-- states of the keys' deletion protection (a token has no soft delete of its own). The PIN is kept like a
-- client secret: sealed by the platform master key.
ALTER TABLE key_manager ADD COLUMN module_path VARCHAR(300);
ALTER TABLE key_manager ADD COLUMN slot_list_index INTEGER;
ALTER TABLE key_manager ADD COLUMN soft_delete_stated BOOLEAN;
ALTER TABLE key_manager ADD COLUMN purge_protection_stated BOOLEAN;
