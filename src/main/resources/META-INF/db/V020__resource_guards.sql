-- Multi-user authorization: resource guards, each owned by one user who set their own password; the
-- vaults bound to a guard; and the requests to run a critical operation on such a vault, approved by the
-- guard's owner for a limited time and used once.
ALTER TABLE app_user ADD COLUMN password_set_by_self BOOLEAN DEFAULT FALSE NOT NULL;
CREATE TABLE resource_guard (
    name     VARCHAR(50)  NOT NULL PRIMARY KEY,
    owner    VARCHAR(64)  NOT NULL,
    created  TIMESTAMP WITH TIME ZONE NOT NULL,
    version  BIGINT       NOT NULL
);
CREATE TABLE resource_guard_binding (
    vault    VARCHAR(50)  NOT NULL PRIMARY KEY,
    guard    VARCHAR(50)  NOT NULL REFERENCES resource_guard (name),
    bound    TIMESTAMP WITH TIME ZONE NOT NULL,
    bound_by VARCHAR(100) NOT NULL
);
CREATE TABLE resource_guard_request (
    id            UUID         NOT NULL PRIMARY KEY,
    guard         VARCHAR(50)  NOT NULL REFERENCES resource_guard (name),
    vault         VARCHAR(50)  NOT NULL,
    operation     VARCHAR(40)  NOT NULL,
    requested_by  VARCHAR(100) NOT NULL,
    justification VARCHAR(500),
    status        VARCHAR(16)  NOT NULL,
    requested     TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by    VARCHAR(64),
    decided       TIMESTAMP WITH TIME ZONE,
    expires       TIMESTAMP WITH TIME ZONE,
    used          TIMESTAMP WITH TIME ZONE,
    version       BIGINT       NOT NULL
);
CREATE INDEX resource_guard_request_vault ON resource_guard_request (vault, operation, requested_by);
