package org.strongroom.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Names;
import org.strongroom.support.S3Proxy;
import org.strongroom.support.SourceTrees;
import org.strongroom.support.StandaloneServer;

/**
 * Two Strongroom servers in a cluster (standalone-full-ha, JGroups over TCP on loopback, clustered brokers),
 * sharing a PostgreSQL database and an S3 bucket (S3Proxy), as docs/scaling.md sets them up: a user deleted on
 * one node is refused on the other at once; twenty backups spread over both nodes, one node SIGKILLed while it
 * runs some — every job ends, the killed node's jobs taken over by the other, and every point verifies; the
 * scheduled backups of an item fire once a minute across the cluster, not once per node.
 *
 * <p>Runs in the PostgreSQL pass (mvn verify -Ppostgresql), whose database server the nodes share; skipped in
 * the default pass, which has no database two servers can share.
 */
class ClusterIT {

    private static final int BACKUPS = 20;
    private static final int NODE_A = 600;
    private static final int NODE_B = 700;
    private static final String DATABASE = "strongroom_cluster";

    @Test
    void twoNodes_shareJobsAndUsers_takeOverAKilledNodesJobs_andFireSchedulesOnce() throws Exception {
        String itUrl = System.getenv("STRONGROOM_DB_URL");
        assumeTrue(itUrl != null && itUrl.startsWith("jdbc:postgresql:"),
                "the cluster's nodes share a PostgreSQL database: this test runs in the PostgreSQL pass (mvn verify -Ppostgresql)");
        assumeTrue(S3Proxy.available(), "S3Proxy is not in target/s3proxy (mvn generate-test-resources copies it from Maven Central)");
        String clusterUrl = itUrl.substring(0, itUrl.lastIndexOf('/') + 1) + DATABASE;
        try (Connection c = DriverManager.getConnection(itUrl, System.getenv("STRONGROOM_DB_USER"), System.getenv("STRONGROOM_DB_PASSWORD"));
             Statement statement = c.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        Path shared = SourceTrees.newDirectory("cluster-shared");
        Map<String, String> environment = new HashMap<>(Map.of(
                "STRONGROOM_DB_DRIVER", "postgresql", "STRONGROOM_DB_URL", clusterUrl,
                "STRONGROOM_DB_USER", System.getenv("STRONGROOM_DB_USER"), "STRONGROOM_DB_PASSWORD", System.getenv("STRONGROOM_DB_PASSWORD"),
                "STRONGROOM_CLUSTER_MEMBERS", "127.0.0.1[" + (7600 + NODE_A) + "],127.0.0.1[" + (7600 + NODE_B) + "]",
                "STRONGROOM_CLUSTER_PASSWORD", "cluster-it-Secret-42",
                "STRONGROOM_MASTER_KEYSTORE", shared.resolve("platform-master-key.p12").toString(),
                "STRONGROOM_MASTER_KEYSTORE_PASSWORD", "cluster-it-keystore-42",
                "STRONGROOM_TENANT_ID", "5f1a0c2e-0000-4000-8000-00000000c105",
                "STRONGROOM_JOB_LEASE_SECONDS", "20"));
        environment.put("STRONGROOM_TIMERS", "on");
        try (S3Proxy s3 = S3Proxy.start();
             StandaloneServer a = StandaloneServer.clusterNode("node-a", NODE_A, environment);
             StandaloneServer b = StandaloneServer.clusterNode("node-b", NODE_B, environment)) {
            Api onA = Api.admin(a.base());
            Api onB = Api.admin(b.base());

            // A user deleted on node A is refused on node B at once, though B remembered its credentials.
            String name = Names.unique("user-");
            assertEquals(201, onA.put("/api/users/" + name, "{\"password\":\"Cluster-User-" + name + "\",\"roles\":[\"reader\"]}").status());
            Api userOnB = Api.as(b.base(), name, "Cluster-User-" + name);
            assertEquals(200, userOnB.get("/api/me").status());
            assertEquals(204, onA.delete("/api/users/" + name).status());
            assertEquals(401, userOnB.get("/api/me").status(), "node B refuses the user node A deleted, at once");

            // Vaults in one S3 bucket; an item backed up every minute by the schedulers of both nodes.
            String bucket = Names.unique("cluster-");
            String vault = Names.unique("vault-");
            assertEquals(201, onA.put("/api/vaults/" + vault, "{\"region\":\"westeurope\",\"subscriptionId\":\"sub\",\"resourceGroup\":\"rg\","
                    + "\"storage\":" + s3.storage(bucket) + "}").status());
            Path scheduledTree = SourceTrees.tree("cluster-scheduled", 5);
            assertEquals(201, onB.put("/api/vaults/" + vault + "/items/scheduled", "{\"workloadType\":\"Files\",\"source\":{\"path\":\""
                    + scheduledTree + "\"},\"policy\":{\"schedule\":\"* * * * *\"}}").status());
            // It fires once a minute across both nodes: its first firing is awaited while both run (a quick run of
            // the rest can end before the next minute begins).
            Await.until(() -> scheduledBackups(clusterUrl, vault), fired -> !fired.isEmpty(),
                    "the item's schedule to fire on one of the nodes", Duration.ofMinutes(2));

            // Twenty backups, requested on both nodes in turn (as a load balancer would).
            List<String> items = new ArrayList<>();
            for (int i = 0; i < BACKUPS; i++) {
                Path tree = SourceTrees.newDirectory("cluster-" + i);
                SourceTrees.write(tree.resolve("data.bin"), SourceTrees.bytes(new Random(i), 6_000_000));
                String item = "/api/vaults/" + vault + "/items/files" + i;
                assertEquals(201, onA.put(item, "{\"workloadType\":\"Files\",\"source\":{\"path\":\"" + tree + "\"}}").status());
                items.add(item);
            }
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < BACKUPS; i++) {
                Api.Response accepted = (i % 2 == 0 ? onA : onB).post(items.get(i) + "/backup", "{}");
                assertEquals(202, accepted.status(), accepted.toString());
                jobs.add(accepted.json().getString("id"));
            }

            // Node B is killed once it runs some of them.
            List<String> onNodeB = Await.until(() -> runningOn(clusterUrl, "node-b"), running -> !running.isEmpty(),
                    "node B to run a backup", Duration.ofMinutes(2));
            b.kill();
            Instant killed = Instant.now();

            int takenOver = 0;
            for (String id : jobs) {
                JsonObject job = Await.until(() -> onA.get("/api/jobs/" + id).json(), j -> !"InProgress".equals(j.getString("status")),
                        "backup job " + id + " to end", Duration.ofMinutes(5));
                assertEquals("Completed", job.getString("status"), job.toString());
                String runner = (String) jobColumn(clusterUrl, id, "runner");
                if (onNodeB.contains(id) && runner.startsWith("node-a/")) {
                    takenOver++;
                    assertTrue(((Number) jobColumn(clusterUrl, id, "attempts")).intValue() > 1, "node A ran again what node B had begun");
                }
            }
            Instant ended = Instant.now();
            assertTrue(takenOver > 0, "node A took over the backups node B was running when it was killed: " + onNodeB);
            System.out.println("[cluster] " + BACKUPS + " backups on two nodes, node B killed at " + killed + " running " + onNodeB.size()
                    + "; " + takenOver + " of those taken over by node A; all ended " + ended);

            for (String item : items) {
                String point = onA.get(item + "/recoveryPoints").json().getJsonArray("value").getJsonObject(0).getString("id");
                String verification = onA.post(item + "/recoveryPoints/" + point + "/verify", "").json().getString("id");
                JsonObject done = Await.until(() -> onA.get("/api/jobs/" + verification).json(),
                        j -> !"InProgress".equals(j.getString("status")), "verification of " + item);
                assertEquals("Completed", done.getString("status"), done.toString());
            }

            // The schedules fired once per minute across both nodes: never two scheduled backups of the item in one minute.
            List<Instant> scheduled = scheduledBackups(clusterUrl, vault);
            assertEquals(scheduled.size(), scheduled.stream().map(t -> t.truncatedTo(ChronoUnit.MINUTES)).distinct().count(),
                    "one scheduled backup per minute: " + scheduled);
        }
    }

    private static Connection database(String url) throws Exception {
        return DriverManager.getConnection(url, System.getenv("STRONGROOM_DB_USER"), System.getenv("STRONGROOM_DB_PASSWORD"));
    }

    /** The jobs a runner of {@code node} holds and runs now. */
    private static List<String> runningOn(String url, String node) {
        try (Connection c = database(url);
             PreparedStatement select = c.prepareStatement("SELECT id FROM job WHERE status = 'InProgress' AND runner LIKE ?")) {
            select.setString(1, node + "/%");
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1).toString());
                }
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A column of the job {@code job}'s row, as the database holds it. */
    private static Object jobColumn(String url, String job, String column) throws Exception {
        try (Connection c = database(url); PreparedStatement select = c.prepareStatement("SELECT " + column + " FROM job WHERE id = ?")) {
            select.setObject(1, UUID.fromString(job));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getObject(1);
            }
        }
    }

    /** When each scheduled backup of the item {@code scheduled} started (requested by the system). */
    private static List<Instant> scheduledBackups(String url, String vault) {
        try (Connection c = database(url); PreparedStatement select = c.prepareStatement(
                "SELECT start_time FROM job WHERE operation = 'Backup' AND requested_by = 'system' AND subject LIKE ? ORDER BY start_time")) {
            select.setString(1, "%" + vault + "%scheduled");
            List<Instant> times = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    times.add(rows.getTimestamp(1).toInstant());
                }
            }
            return times;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
