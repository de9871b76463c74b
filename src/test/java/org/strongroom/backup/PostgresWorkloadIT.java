package org.strongroom.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.support.Api;
import org.strongroom.support.Await;
import org.strongroom.support.Cmk;
import org.strongroom.support.Deployments;
import org.strongroom.support.Names;
import org.strongroom.support.SourceDatabases;

/**
 * The PostgreSQL workload against the test run's PostgreSQL server: a database of several tables, a large
 * object and a grant to a role is dumped while a writer commits to it, restored into a new database and
 * compared row by row; the second point stores little that is new; a restore never replaces a database
 * without an admin's overwrite; a dump that fails leaves no point. Runs in the PostgreSQL pass, as a client
 * of the server (REST, and psql for the databases); skipped, saying so, in the other.
 */
@ExtendWith(ArquillianExtension.class)
class PostgresWorkloadIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.strongroom();
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void onlyInThePostgresqlPass() {
        SourceDatabases.assumePostgresqlPass();
    }

    /** A database of several tables, a large object, a ledger with its running total, and a grant to {@code reader}. */
    private static String shop(String reader) {
        String db = Names.unique("shop").replace('-', '_').toLowerCase();
        SourceDatabases.create(db);
        SourceDatabases.sql(db, """
                CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, email text, since date);
                INSERT INTO customers SELECT i, 'customer ' || i, 'c' || i || '@example.test', date '2020-01-01' + i
                  FROM generate_series(1, 2000) i;
                CREATE TABLE orders (id bigint PRIMARY KEY, customer int REFERENCES customers, total numeric(12,2),
                  lines jsonb, photo bytea);
                INSERT INTO orders SELECT i, 1 + i % 2000, i * 1.25, jsonb_build_object('sku', 'S' || i, 'qty', i % 7),
                  decode(md5(i::text), 'hex') FROM generate_series(1, 150000) i;
                CREATE INDEX orders_customer ON orders (customer);
                CREATE TABLE documents (name text PRIMARY KEY, content oid);
                INSERT INTO documents VALUES ('manual', lo_from_bytea(0, convert_to(repeat('the manual, page by page. ', 40000), 'UTF8')));
                CREATE TABLE ledger (id bigserial PRIMARY KEY, amount int NOT NULL);
                CREATE TABLE balance (total bigint NOT NULL, entries bigint NOT NULL);
                INSERT INTO balance VALUES (0, 0);
                CREATE ROLE READER NOLOGIN;
                GRANT SELECT ON customers TO READER;
                """.replace("READER", reader));
        return db;
    }

    /** Commits to the ledger and its balance in one transaction each, until killed. */
    private static Process writer(String db) {
        return SourceDatabases.start(db, "DO $$ BEGIN FOR i IN 1..1000000 LOOP "
                + "INSERT INTO ledger (amount) VALUES (i % 100); "
                + "UPDATE balance SET total = total + i % 100, entries = entries + 1; COMMIT; "
                + "PERFORM pg_sleep(0.002); END LOOP; END $$");
    }

    private static String register(Api admin, String vault, String item, String db, String user) {
        String path = "/api/vaults/" + vault + "/items/" + item;
        Api.Response registered = admin.put(path, "{\"workloadType\":\"PostgreSQL\",\"source\":{\"jdbcUrl\":\""
                + SourceDatabases.jdbcUrl(db) + "\",\"user\":\"" + user + "\",\"password\":\"" + SourceDatabases.PASSWORD + "\"}}");
        assertEquals(201, registered.status(), registered.toString());
        return path;
    }

    /** A table's rows, in key order, as one digest. */
    private static String rows(String db, String table) {
        return SourceDatabases.value(db, "SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY t::text)) FROM " + table + " t");
    }

    @Test
    void database_dumpedWhileWritten_isRestoredIntoANewDatabase_rowByRow_withItsLargeObjectAndRoles() throws Exception {
        String reader = Names.unique("reader").replace('-', '_').toLowerCase();
        String db = shop(reader);
        String restored = db + "_r";
        try {
            Cmk cmk = new Cmk(base);
            Api admin = cmk.admin();
            String item = register(admin, cmk.vault("westeurope"), "shop", db, SourceDatabases.USER);
            JsonObject source = admin.get(item).json().getJsonObject("source");
            assertEquals(SourceDatabases.jdbcUrl(db), source.getString("jdbcUrl"));
            assertTrue(source.getBoolean("passwordSet"));
            assertFalse(source.containsKey("password"), "the password is never shown again");

            Process writing = writer(db);
            try {
                Await.until(() -> Long.parseLong(SourceDatabases.value(db, "SELECT entries FROM balance")), n -> n > 20,
                        "the writer to commit");
                JsonObject backup = cmk.backup(item);
                assertEquals("Completed", backup.getString("status"), backup.toString());
            } finally {
                writing.destroy();
                writing.waitFor();
                SourceDatabases.disconnectAll(db);
            }
            String point = cmk.newestPoint(item);
            // The role exists only through the grant: dropped, a restore must create it again.
            SourceDatabases.sql(db, "REVOKE ALL ON customers FROM " + reader + "; DROP ROLE " + reader);

            JsonObject restore = cmk.awaitJob(admin.post(item + "/recoveryPoints/" + point + "/restore",
                    "{\"target\":{\"database\":\"" + restored + "\"}}"));
            assertEquals("CompletedWithWarnings", restore.getString("status"), restore.toString());
            assertTrue(restore.getString("warning").contains("role " + reader), restore.toString());

            for (String table : List.of("customers", "orders", "documents")) {
                assertEquals(rows(db, table), rows(restored, table), table + " row by row");
            }
            assertEquals(SourceDatabases.value(db, "SELECT md5(lo_get(content)) FROM documents"),
                    SourceDatabases.value(restored, "SELECT md5(lo_get(content)) FROM documents"), "the large object");
            assertEquals("t", SourceDatabases.value(restored, "SELECT total = (SELECT sum(amount) FROM ledger) AND entries = "
                    + "(SELECT count(*) FROM ledger) FROM balance"), "one consistent snapshot of ledger and balance");
            long entries = Long.parseLong(SourceDatabases.value(restored, "SELECT count(*) FROM ledger"));
            assertTrue(entries > 20, "the writes committed before the dump are in it: " + entries);
            assertEquals(SourceDatabases.value(db, "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM ledger t WHERE id <= "
                    + SourceDatabases.value(restored, "SELECT max(id) FROM ledger")),
                    SourceDatabases.value(restored, "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM ledger t"),
                    "the restored ledger is the source's as it stood");
            assertEquals("t", SourceDatabases.value(restored, "SELECT has_table_privilege('" + reader + "', 'customers', 'SELECT')"),
                    "the grant came back, to the role the restore created");
            assertEquals("f", SourceDatabases.value("postgres", "SELECT rolcanlogin FROM pg_roles WHERE rolname = '" + reader + "'"));

            JsonObject second = cmk.backup(item);
            assertEquals("Completed", second.getString("status"));
            JsonObject newest = admin.get(item + "/recoveryPoints").json().getJsonArray("value").getJsonObject(0);
            assertNotEquals(point, newest.getString("id"));
            assertTrue(newest.getJsonNumber("newBytes").longValue() * 4 < newest.getJsonNumber("sizeBytes").longValue(),
                    "the unchanged tables deduplicate: " + newest);
        } finally {
            SourceDatabases.drop(db);
            SourceDatabases.drop(restored);
            SourceDatabases.sql("postgres", "DROP ROLE IF EXISTS " + reader);
        }
    }

    @Test
    void restoreOverAnExistingDatabase_needsAnAdminsOverwrite_andThenReplacesIt_andADroppedOneComesBack() throws Exception {
        String reader = Names.unique("reader").replace('-', '_').toLowerCase();
        String db = shop(reader);
        try {
            Cmk cmk = new Cmk(base);
            Api admin = cmk.admin();
            String item = register(admin, cmk.vault("westeurope"), "orders", db, SourceDatabases.USER);
            assertEquals("Completed", cmk.backup(item).getString("status"));
            String point = cmk.newestPoint(item);
            String before = rows(db, "orders");
            SourceDatabases.sql(db, "DELETE FROM orders WHERE id > 100");
            String restore = item + "/recoveryPoints/" + point + "/restore";

            Api.Response refused = admin.post(restore, "{\"target\":{\"originalLocation\":true}}");
            assertTrue(refused.isError(409, "UserErrorRestoreTargetExists"), refused.toString());
            Api.Response operator = admin.newUser("operator").post(restore, "{\"target\":{\"originalLocation\":true},\"overwrite\":true}");
            assertTrue(operator.isError(403, "Forbidden"), operator.toString());
            Api.Response badName = admin.post(restore, "{\"target\":{\"database\":\"x; DROP DATABASE postgres\"}}");
            assertTrue(badName.isError(400, "UserErrorInvalidRestoreTarget"), badName.toString());
            Api.Response path = admin.post(restore, "{\"target\":{\"path\":\"/tmp/x\"}}");
            assertTrue(path.isError(400, "UserErrorInvalidRestoreTarget"), path.toString());

            JsonObject replaced = cmk.awaitJob(admin.post(restore, "{\"target\":{\"originalLocation\":true},\"overwrite\":true}"));
            assertEquals("Completed", replaced.getString("status"), replaced.toString());
            assertEquals(before, rows(db, "orders"), "the original database is the recovery point's again");
            assertEquals(List.of(), SourceDatabases.sql("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'strongroom_restore_%'"),
                    "no staging database is left");

            SourceDatabases.drop(db); // the disaster: the database is gone; its own place needs no overwrite
            JsonObject recreated = cmk.awaitJob(admin.post(restore, "{\"target\":{\"originalLocation\":true}}"));
            assertEquals("Completed", recreated.getString("status"), recreated.toString());
            assertEquals(before, rows(db, "orders"));
        } finally {
            SourceDatabases.drop(db);
            SourceDatabases.sql("postgres", "DROP ROLE IF EXISTS " + reader);
        }
    }

    @Test
    void aDumpThatFails_leavesNoRecoveryPoint_andAnUnreachableDatabaseIsRefusedAtRegistration() throws Exception {
        String reader = Names.unique("reader").replace('-', '_').toLowerCase();
        String app = Names.unique("app").replace('-', '_').toLowerCase();
        String db = shop(reader);
        try {
            SourceDatabases.sql(db, "CREATE ROLE " + app + " LOGIN PASSWORD '" + SourceDatabases.PASSWORD + "'; "
                    + "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + app + "; "
                    + "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO " + app + "; "
                    + "GRANT SELECT ON LARGE OBJECT " + SourceDatabases.value(db, "SELECT content FROM documents") + " TO " + app);
            Cmk cmk = new Cmk(base);
            Api admin = cmk.admin();
            String vault = cmk.vault("westeurope");
            Api.Response missing = admin.put("/api/vaults/" + vault + "/items/ghost", "{\"workloadType\":\"PostgreSQL\","
                    + "\"source\":{\"host\":\"127.0.0.1\",\"database\":\"no_such_database_here\",\"user\":\"postgres\"}}");
            assertTrue(missing.isError(400, "UserErrorInvalidSource"), missing.toString());
            assertTrue(missing.json().getString("message").contains("no_such_database_here"), missing.toString());
            assertEquals(404, admin.get("/api/vaults/" + vault + "/items/ghost").status(), "nothing registered");

            String item = register(admin, vault, "app", db, app);
            SourceDatabases.sql(db, "REVOKE SELECT ON orders FROM " + app);
            JsonObject failed = cmk.backup(item);
            assertEquals("Failed", failed.getString("status"), failed.toString());
            assertEquals("UserErrorInvalidSource", failed.getJsonObject("error").getString("code"));
            assertTrue(failed.getJsonObject("error").getString("message").contains("orders"), failed.toString());
            assertEquals(0, admin.get(item + "/recoveryPoints").json().getJsonArray("value").size(), "no recovery point");
        } finally {
            SourceDatabases.drop(db);
            SourceDatabases.sql("postgres", "DROP ROLE IF EXISTS " + reader + "; DROP ROLE IF EXISTS " + app);
        }
    }
}
