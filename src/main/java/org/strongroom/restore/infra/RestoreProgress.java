package org.strongroom.restore.infra;

/** Reports the bytes a restore has written so far, of its total. */
@FunctionalInterface
public interface RestoreProgress {

    void update(long bytesDone, long bytesTotal);
}
