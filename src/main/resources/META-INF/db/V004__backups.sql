-- Recovery points, and the index of each vault's chunk store (packs, chunks, which points use which packs).

CREATE TABLE recovery_point (
    id              UUID         NOT NULL PRIMARY KEY,
    vault           VARCHAR(50)  NOT NULL,
    item            VARCHAR(100) NOT NULL,
    job_id          UUID         NOT NULL,
    point_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    workload_type   VARCHAR(16)  NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    new_bytes       BIGINT       NOT NULL,
    stored_bytes    BIGINT       NOT NULL,
    chunk_count     INTEGER      NOT NULL,
    new_chunk_count INTEGER      NOT NULL,
    file_count      INTEGER      NOT NULL
);

CREATE INDEX recovery_point_item_idx ON recovery_point (vault, item, point_time);

CREATE TABLE stored_pack (
    id      UUID        NOT NULL PRIMARY KEY,
    vault   VARCHAR(50) NOT NULL,
    length  BIGINT      NOT NULL,
    created TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX stored_pack_vault_idx ON stored_pack (vault);

-- chunk_id: HMAC-SHA-256 of the plaintext under the vault's id key; reveals nothing without the data key.
CREATE TABLE stored_chunk (
    vault         VARCHAR(50) NOT NULL,
    chunk_id      BYTEA       NOT NULL,
    pack_id       UUID        NOT NULL,
    pack_offset   BIGINT      NOT NULL,
    stored_length INTEGER     NOT NULL,
    plain_length  INTEGER     NOT NULL,
    PRIMARY KEY (vault, chunk_id, pack_id)
);

CREATE INDEX stored_chunk_pack_idx ON stored_chunk (pack_id);

CREATE TABLE recovery_point_pack (
    recovery_point_id UUID NOT NULL,
    pack_id           UUID NOT NULL,
    PRIMARY KEY (recovery_point_id, pack_id)
);

CREATE INDEX recovery_point_pack_pack_idx ON recovery_point_pack (pack_id);

-- What a job works on beyond vault and item (e.g. the recovery point to verify), as JSON.
ALTER TABLE job ADD COLUMN parameters VARCHAR(4000);

-- Requests from JMS producers (idempotent by request id per queue) and the replies they wait for.
CREATE TABLE job_request (
    request_queue VARCHAR(32)  NOT NULL,
    request_id    VARCHAR(200) NOT NULL,
    job_id        UUID         NOT NULL,
    created       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_queue, request_id)
);

CREATE TABLE job_reply (
    id             UUID         NOT NULL PRIMARY KEY,
    job_id         UUID         NOT NULL,
    reply_to       VARCHAR(400) NOT NULL,
    correlation_id VARCHAR(200),
    created        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX job_reply_job_idx ON job_reply (job_id);
