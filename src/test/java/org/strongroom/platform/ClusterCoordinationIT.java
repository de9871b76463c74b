package org.strongroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;

/**
 * What the servers of a cluster agree on through the database, seen from one server: a scheduled firing runs on
 * the first server to claim it only, and a user deleted or changed by another server is refused here at once
 * (its remembered credentials are checked against the user's row on every request). The two-node test is
 * ClusterIT.
 */
@ExtendWith(ArquillianExtension.class)
class ClusterCoordinationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Names.class);
    }

    @ArquillianResource
    URL base;

    @Inject
    ScheduledRuns runs;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    @Test
    void scheduledFiring_runsOnTheFirstServerToClaimIt_only() {
        String task = Names.unique("task-");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        assertTrue(runs.claim(task, minute), "the first server runs the firing");
        assertFalse(runs.claim(task, minute), "every other server skips it");
        assertTrue(runs.claim(task, minute.plus(1, ChronoUnit.MINUTES)), "the next firing is run again");
    }

    @Test
    void userDeletedByAnotherServer_isRefusedHereAtOnce_andAChangedOneIsCheckedAgain() throws Exception {
        Api admin = Api.admin(base);
        String name = Names.unique("user-");
        String password = "Cluster-Secret-" + name;
        assertEquals(201, admin.put("/api/users/" + name, "{\"password\":\"" + password + "\",\"roles\":[\"reader\"]}").status());
        Api user = Api.as(base, name, password);
        assertEquals(200, user.get("/api/me").status(), "signed in: the credentials are remembered");

        // Another server changes the user's roles (its row's version grows): checked again here, still signed in.
        update("UPDATE app_user SET version = version + 1 WHERE name = ?", name);
        assertEquals(200, user.get("/api/me").status());

        // Another server deletes the user, straight in the shared database: refused here at once.
        update("DELETE FROM app_user_role WHERE user_name = ?", name);
        update("DELETE FROM app_user WHERE name = ?", name);
        assertEquals(401, user.get("/api/me").status(), "a deleted user's remembered credentials no longer count");
    }

    private void update(String sql, String name) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, name);
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }
}
