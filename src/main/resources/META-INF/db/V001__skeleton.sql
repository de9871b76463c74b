-- Users, vaults and jobs: the walking skeleton.
-- Written in the SQL that H2 2.x and PostgreSQL share. Never edit a released script; add a new one.

CREATE TABLE app_user (
    name            VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(100) NOT NULL,
    created         TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE TABLE app_user_role (
    user_name       VARCHAR(64)  NOT NULL REFERENCES app_user (name) ON DELETE CASCADE,
    role_name       VARCHAR(16)  NOT NULL,
    PRIMARY KEY (user_name, role_name)
);

CREATE TABLE vault (
    name            VARCHAR(50)  NOT NULL PRIMARY KEY,
    region          VARCHAR(64)  NOT NULL,
    subscription_id VARCHAR(64)  NOT NULL,
    resource_group  VARCHAR(90)  NOT NULL,
    created         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated         TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE TABLE job (
    id               UUID         NOT NULL PRIMARY KEY,
    operation        VARCHAR(32)  NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    vault            VARCHAR(100),
    item             VARCHAR(200),
    requested_by     VARCHAR(100),
    start_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    end_time         TIMESTAMP WITH TIME ZONE,
    progress_percent INTEGER      NOT NULL,
    bytes_done       BIGINT       NOT NULL,
    bytes_total      BIGINT       NOT NULL,
    error_code       VARCHAR(64),
    error_message    VARCHAR(2000),
    runner           VARCHAR(200),
    heartbeat        TIMESTAMP WITH TIME ZONE,
    attempts         INTEGER      NOT NULL,
    last_failure     VARCHAR(2000),
    version          BIGINT       NOT NULL
);

CREATE INDEX job_start_time_idx ON job (start_time);
CREATE INDEX job_vault_start_time_idx ON job (vault, start_time);
CREATE INDEX job_status_idx ON job (status);
