package org.strongroom.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SourceTrees;

/**
 * Filesystem boundaries: restores write under the restore roots only, which are not the source roots;
 * the server's own directories are neither sources nor targets, whatever the roots say (the test server's
 * roots include its own data directory, to show it); and only an admin may overwrite.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FileSystemBoundariesIT {

    /** A source root that is no restore root (pom.xml: STRONGROOM_SOURCE_ROOTS / STRONGROOM_RESTORE_ROOTS). */
    private static final Path SOURCES_ONLY = Path.of("target", "it-sources-only").toAbsolutePath();
    private static final Path SERVER_DATA = Path.of(System.getProperty("it.server.base"), "data");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    private record Backed(Cmk cmk, String vault, String point) {
        Api.Response restore(Api as, String body) {
            return as.post("/api/vaults/" + vault + "/items/files1/recoveryPoints/" + point + "/restore", body);
        }
    }

    private Backed backedUp() {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        assertEquals(201, cmk.admin().put("/api/vaults/" + vault + "/items/files1", "{\"workloadType\":\"Files\",\"source\":"
                + "{\"path\":\"" + SourceTrees.tree("bounds", 7) + "\"}}").status());
        assertEquals("Completed", cmk.awaitJob(cmk.admin().post("/api/vaults/" + vault + "/items/files1/backup", ""))
                .getString("status"));
        String point = cmk.admin().get("/api/vaults/" + vault + "/items/files1/recoveryPoints").json().getJsonArray("value")
                .getJsonObject(0).getString("id");
        return new Backed(cmk, vault, point);
    }

    private static String target(Path path) {
        return "{\"target\":{\"path\":\"" + path + "\"}}";
    }

    @Test
    void restoreTarget_underASourceRootThatIsNoRestoreRoot_isRefused() throws IOException {
        Backed backed = backedUp();
        Path there = Files.createDirectories(SOURCES_ONLY.resolve(Names.unique("restore")));
        Api.Response refused = backed.restore(backed.cmk().admin(), target(there));
        assertTrue(refused.isError(400, "UserErrorInvalidRestoreTarget"), refused.toString());
        assertTrue(refused.json().getString("message").contains("restore roots"), refused.toString());
        try (var written = Files.list(there)) {
            assertEquals(0, written.count());
        }
    }

    @Test
    void serverDirectories_areRefusedAsSources_whateverTheRootsSay() throws IOException {
        Cmk cmk = new Cmk(base);
        String vault = cmk.vault("westeurope");
        for (Path own : new Path[] {SERVER_DATA, SERVER_DATA.resolve("strongroom/store"), SERVER_DATA.getParent().resolve("configuration"),
                SERVER_DATA.getParent().getParent()}) {
            Api.Response refused = cmk.admin().put("/api/vaults/" + vault + "/items/" + Names.unique("own"),
                    "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + own + "\"}}");
            assertTrue(refused.isError(400, "UserErrorInvalidSource"), own + ": " + refused);
            assertTrue(refused.json().getString("message").contains("the server's own"), refused.toString());
        }
    }

    @Test
    void serverDirectories_areRefusedAsRestoreTargets_whateverTheRootsSay() {
        Backed backed = backedUp();
        for (Path own : new Path[] {SERVER_DATA.resolve(Names.unique("restored")), SERVER_DATA.getParent().resolve("deployments"),
                SERVER_DATA.getParent().resolve("configuration")}) {
            Api.Response refused = backed.restore(backed.cmk().admin(), target(own));
            assertTrue(refused.isError(400, "UserErrorInvalidRestoreTarget"), own + ": " + refused);
            assertTrue(refused.json().getString("message").contains("the server's own"), refused.toString());
            assertFalse(Files.exists(SERVER_DATA.resolve(own.getFileName())) && own.startsWith(SERVER_DATA), "nothing made");
        }
    }

    @Test
    void overwrite_isForAdminsOnly() {
        Backed backed = backedUp();
        Api operator = backed.cmk().admin().newUser("operator");
        Path out = SourceTrees.newDirectory("ow");
        Api.Response refused = backed.restore(operator, "{\"target\":{\"path\":\"" + out + "\"},\"overwrite\":true}");
        assertTrue(refused.isError(403, "Forbidden"), refused.toString());
        assertEquals("overwrite", refused.json().getString("target"));
        JsonObject plain = backed.cmk().awaitJob(backed.restore(operator, target(out)));
        assertEquals("Completed", plain.getString("status"), "an operator restores without overwrite: " + plain);
    }
}
