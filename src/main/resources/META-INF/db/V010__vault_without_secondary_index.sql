-- The vault row is locked and rewritten by every key request, key-update job and item registration, often
-- by many transactions at once. Under that load H2 2.2's MVStore lost an entry of this secondary index
-- ("Row not found when trying to delete from index VAULT_FOLLOWING_IDX", an internal error 90112), and
-- every later update of that vault failed (ConcurrencyIT, once). The index served only the auto-rotation
-- lookup of the vaults that follow a key, a scan of one small table; without it the vault table has only
-- its primary key, which an update never deletes from.
DROP INDEX vault_following_idx;
