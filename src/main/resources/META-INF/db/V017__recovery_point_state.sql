-- A recovery point's state: Available, or Corrupt after a Verify or Restore met data that did not check
-- out (state_reason says what); state_time is when a Verify or Restore last decided it.
ALTER TABLE recovery_point ADD COLUMN state VARCHAR(16) DEFAULT 'Available' NOT NULL;
ALTER TABLE recovery_point ADD COLUMN state_reason VARCHAR(1000);
ALTER TABLE recovery_point ADD COLUMN state_time TIMESTAMP WITH TIME ZONE;
