package org.strongroom.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Figures;
import org.strongroom.support.SourceTrees;

/**
 * Revocation reaches a running job: taking {@code unwrapKey} from the vault's identity while a backup
 * runs stops it with the key's code after at most one re-check (every 64 MiB here, docs/operations.md),
 * instead of letting it run to its end on the data key it unwrapped at its start. Measures the lag.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RevocationIT {

    private static final long SOURCE_BYTES = 16L * 1024 * 1024 * 1024;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    @Test
    void unwrapKeyRevokedDuringABackup_stopsItWithTheKeysCode_withinOneRecheck() throws Exception {
        Cmk cmk = new Cmk(base);
        Cmk.Setup setup = cmk.cmkVault();
        Path source = SourceTrees.newDirectory("revocation");
        try (RandomAccessFile sparse = new RandomAccessFile(source.resolve("disk-sized.img").toFile(), "rw")) {
            sparse.setLength(SOURCE_BYTES); // all zeros, no disk space: read fast, stored once
        }
        String item = cmk.filesItem(setup.vault(), "big", source);
        Api.Response started = cmk.admin().post(item + "/backup", "{}");
        assertEquals(202, started.status(), started.toString());
        String job = started.header("Location");
        JsonObject running = Await.until(() -> cmk.admin().get(job).json(),
                j -> !"InProgress".equals(j.getString("status")) || j.getJsonObject("progress").getJsonNumber("bytesDone").longValue() > 0,
                "the backup to make progress");
        assertEquals("InProgress", running.getString("status"), "the backup must still run when the key is revoked: " + running);

        cmk.grant(setup.keyVault(), setup.principal(), "\"get\",\"list\",\"wrapKey\"");
        Instant revoked = Instant.now();
        long doneAtRevocation = cmk.admin().get(job).json().getJsonObject("progress").getJsonNumber("bytesDone").longValue();
        JsonObject ended = cmk.awaitJob(started);

        assertEquals("Failed", ended.getString("status"), ended.toString());
        assertEquals("UserErrorKeyVaultPermissionsNotConfigured", ended.getJsonObject("error").getString("code"));
        long doneAtEnd = ended.getJsonObject("progress").getJsonNumber("bytesDone").longValue();
        assertTrue(doneAtEnd < SOURCE_BYTES, "stopped before the end: " + doneAtEnd + " of " + SOURCE_BYTES);
        Duration lag = Duration.between(revoked, Instant.parse(ended.getString("endTime")));
        assertTrue(cmk.admin().get(item + "/recoveryPoints").json().getJsonArray("value").isEmpty(), "no recovery point");
        Figures.record("revocation-lag", "unwrapKey revoked during a backup (re-check every 64 MiB): the job failed with "
                + "UserErrorKeyVaultPermissionsNotConfigured " + lag.toMillis() + " ms after the revocation, "
                + Math.max(0, (doneAtEnd - doneAtRevocation) / (1024 * 1024)) + " MiB further (progress is written once a second), "
                + "at " + doneAtEnd / (1024 * 1024) + " of " + SOURCE_BYTES / (1024 * 1024) + " MiB; no recovery point");
    }
}
