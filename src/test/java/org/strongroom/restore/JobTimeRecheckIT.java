package org.strongroom.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.protection.app.SourceLocations;
import org.strongroom.protection.domain.WorkloadType;
import org.strongroom.restore.app.RestoreTargets;
import org.strongroom.restore.domain.RestoreRequest;
import org.strongroom.support.Deployments;

/**
 * A job checks its source or target again when it runs: a link planted on the way since the request (or
 * the item's registration) stops it before anything is read or written.
 */
@ExtendWith(ArquillianExtension.class)
class JobTimeRecheckIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @Inject
    RestoreTargets targets;

    @Inject
    SourceLocations sources;

    /** A fresh directory under the first restore root (which is also a source root on the test server). */
    private static Path scratch() throws Exception {
        return Files.createDirectories(Path.of(System.getenv("STRONGROOM_RESTORE_ROOTS").split(":")[0])
                .resolve("recheck-" + UUID.randomUUID()));
    }

    @Test
    void restoreTarget_whoseWayChangedSinceTheRequest_isRefusedWhenTheJobRuns() throws Exception {
        Path scratch = scratch();
        Path way = Files.createDirectories(scratch.resolve("way"));
        Path checked = targets.check(WorkloadType.Files, way.resolve("out").toString(), false, false);
        RestoreRequest request = new RestoreRequest(UUID.randomUUID().toString(), checked.toString(), false, List.of(), false, null);
        targets.recheck(WorkloadType.Files, request);

        Path elsewhere = Files.createDirectories(scratch.resolve("elsewhere"));
        Files.delete(way);
        Files.createSymbolicLink(way, elsewhere);
        StrongroomException refused = assertThrows(StrongroomException.class, () -> targets.recheck(WorkloadType.Files, request));
        assertEquals(ErrorCode.UserErrorInvalidRestoreTarget, refused.code());
        assertTrue(refused.getMessage().contains("now leads to"), refused.getMessage());
    }

    @Test
    void source_whoseWayChangedSinceRegistration_isRefusedWhenTheBackupRuns() throws Exception {
        Path scratch = scratch();
        Path way = Files.createDirectories(scratch.resolve("way/data"));
        Path registered = sources.check(WorkloadType.Files, way.toString());
        sources.recheck(WorkloadType.Files, registered.toString());

        Path elsewhere = Files.createDirectories(scratch.resolve("elsewhere/data"));
        Files.delete(way);
        Files.delete(way.getParent());
        Files.createSymbolicLink(way.getParent(), elsewhere.getParent());
        StrongroomException refused = assertThrows(StrongroomException.class,
                () -> sources.recheck(WorkloadType.Files, registered.toString()));
        assertEquals(ErrorCode.UserErrorInvalidSource, refused.code());
        assertTrue(refused.getMessage().contains("now leads to"), refused.getMessage());
    }
}
