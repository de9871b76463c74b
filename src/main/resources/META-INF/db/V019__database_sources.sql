-- PostgreSQL items: the user their database is dumped as, and its password sealed by the platform master
-- key (PlatformKey) for the item, never in clear. The database itself is the item's source_path (a JDBC URL).
ALTER TABLE protected_item ADD COLUMN source_user VARCHAR(63);
ALTER TABLE protected_item ADD COLUMN sealed_source_password BYTEA;
