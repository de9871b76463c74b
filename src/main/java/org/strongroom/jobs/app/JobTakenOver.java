package org.strongroom.jobs.app;

import java.util.UUID;

/**
 * Stops a run whose job another runner took over (this runner's lease ran out while it was alive) or that ended
 * meanwhile: the run reports nothing more, and its message is not delivered again.
 */
public final class JobTakenOver extends RuntimeException {

    JobTakenOver(UUID jobId) {
        super("job " + jobId + " ended or was taken over by another runner while this one ran it", null, false, false);
    }
}
