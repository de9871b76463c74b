-- Disk encryption sets (they seal restored disks, SPEC 15), and the set a Disk item's source disk uses.

CREATE TABLE disk_encryption_set (
    name         VARCHAR(50)  NOT NULL PRIMARY KEY,
    region       VARCHAR(64)  NOT NULL,
    key_uri      VARCHAR(400) NOT NULL,
    principal_id VARCHAR(36)  NOT NULL UNIQUE,
    tenant_id    VARCHAR(64)  NOT NULL,
    created      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated      TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT       NOT NULL
);

ALTER TABLE protected_item ADD COLUMN source_disk_encryption_set VARCHAR(50) REFERENCES disk_encryption_set (name);
