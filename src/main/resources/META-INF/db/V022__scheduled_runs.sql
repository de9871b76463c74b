-- Scheduled work runs once per firing across the servers of a cluster: the first server to record a firing
-- (task, fire time) runs it, the others find the row and skip it. The row also says which node ran it.
CREATE TABLE scheduled_run (
    task       VARCHAR(64)  NOT NULL,
    fire_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    node       VARCHAR(200) NOT NULL,
    claimed    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (task, fire_time)
);
