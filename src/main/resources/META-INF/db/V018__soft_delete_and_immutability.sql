-- Soft delete of backup data: per vault its state (Enabled, Disabled, AlwaysOn) and retention days
-- (14-180); per item when it was soft-deleted and when its data is purged. Immutability of a vault:
-- Disabled, Unlocked (in force, reversible) or Locked (for good).
ALTER TABLE vault ADD COLUMN soft_delete_state VARCHAR(16) DEFAULT 'Enabled' NOT NULL;
ALTER TABLE vault ADD COLUMN soft_delete_retention_days INTEGER DEFAULT 14 NOT NULL;
ALTER TABLE vault ADD COLUMN immutability VARCHAR(16) DEFAULT 'Disabled' NOT NULL;
ALTER TABLE protected_item ADD COLUMN deleted_time TIMESTAMP WITH TIME ZONE;
ALTER TABLE protected_item ADD COLUMN purge_time TIMESTAMP WITH TIME ZONE;
