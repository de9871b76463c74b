package org.strongroom.restore.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.transaction.Transactional;

import org.strongroom.jobs.app.JobSubmission;
import org.strongroom.jobs.domain.Job;
import org.strongroom.platform.Caller;
import org.strongroom.platform.ItemRef;
import org.strongroom.platform.ResourcePath;
import org.strongroom.protection.app.RecoveryPoints;

/** Starts the verification of a recovery point. */
@ApplicationScoped
public class Verifications {

    @Inject
    RecoveryPoints points;

    @Inject
    JobSubmission jobs;

    @Transactional
    public Job request(Caller caller, ItemRef item, String recoveryPoint) {
        String id = points.get(item, recoveryPoint).point().id().toString();
        return jobs.submit(RestoreOperations.VERIFY, ResourcePath.item(item), caller.name(),
                Json.createObjectBuilder().add("recoveryPoint", id).build().toString());
    }
}
