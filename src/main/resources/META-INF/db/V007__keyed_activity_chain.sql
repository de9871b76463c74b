-- The activity log's links become keyed (HMAC-SHA-256 under a key kept with the platform key, outside
-- the database). keyed_from is the last record linked with plain SHA-256, as before: records after it are
-- keyed. NULL until the server first starts with chain keys and keys the chain from its end
-- (ActivityHead.keyAndWriteOut); the records before stay as they were, covered by the first keyed link.
ALTER TABLE activity_chain ADD COLUMN keyed_from BIGINT;
