-- A job knows its subject, the resource it works on (vaults/v1, vaults/v1/items/files1), not vaults and
-- items: the jobs component is generic. Jobs recorded before keep what they worked on.
ALTER TABLE job ADD COLUMN subject VARCHAR(400);
UPDATE job SET subject = 'vaults/' || vault || COALESCE('/items/' || item, '') WHERE vault IS NOT NULL;
DROP INDEX job_vault_start_time_idx;
ALTER TABLE job DROP COLUMN vault;
ALTER TABLE job DROP COLUMN item;
CREATE INDEX job_subject_start_time_idx ON job (subject, start_time);
