package org.strongroom.activitylog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.UserTransaction;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.activitylog.app.ActivityHead;
import org.strongroom.activitylog.app.ActivityQueries;
import org.strongroom.activitylog.domain.WrittenHead;
import org.strongroom.activitylog.domain.WrittenHeads;
import org.strongroom.crypto.HashChain;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;

/**
 * Every change to a key vault, key or access policy is logged, in a chain keyed with a key outside the
 * database, whose head is written out to the store: whoever can write the database cannot alter, delete
 * or relink records unnoticed.
 */
@ExtendWith(ArquillianExtension.class)
class ActivityLogIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.strongroom().addClasses(Api.class, Api.Response.class, Names.class, KeyVaults.class);
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "java:jboss/datasources/StrongroomDS")
    DataSource database;

    @Inject
    UserTransaction transaction;

    @Inject
    ActivityQueries queries;

    @Inject
    ActivityHead activityHead;

    @Inject
    WrittenHeads writtenHeads;

    private List<JsonObject> records(String resource) {
        Api.Response answer = Api.admin(base).get("/api/activitylog?resource=" + resource);
        assertEquals(200, answer.status(), answer.toString());
        return answer.json().getJsonArray("value").getValuesAs(JsonObject.class);
    }

    private String makeChanges() {
        Api admin = Api.admin(base);
        String kv = Names.unique("kv");
        admin.put("/api/keyvaults/" + kv, KeyVaults.body(",\"purgeProtectionEnabled\":true"));
        admin.send("PATCH", "/api/keyvaults/" + kv, "{\"softDeleteEnabled\":false}", "application/json");
        admin.put("/api/keyvaults/" + kv + "/accessPolicies/" + UUID.randomUUID(), "{\"permissions\":{\"keys\":[\"get\"]}}");
        admin.post("/api/keyvaults/" + kv + "/keys/k/create", "{\"kty\":\"RSA\"}");
        admin.delete("/api/keyvaults/" + kv + "/keys/k");
        return kv;
    }

    @Test
    void changesAndRefusals_areLoggedWithCallerOperationResourceAndStatus() {
        String kv = makeChanges();
        List<JsonObject> records = records("keyvaults/" + kv);
        List<String> operations = records.stream().map(r -> r.getString("operation") + ":" + r.getString("status")).toList();
        assertEquals(List.of("DeleteKey:Succeeded", "CreateKey:Succeeded", "SetAccessPolicy:Succeeded",
                "UpdateKeyVault:Failed", "CreateKeyVault:Succeeded"), operations);
        JsonObject refused = records.get(3);
        assertEquals("admin", refused.getString("caller"));
        assertEquals("keyvaults/" + kv, refused.getString("resource"));
        assertTrue(refused.getString("details").startsWith("Conflict:"), refused.toString());
        assertEquals("keyvaults/" + kv + "/keys/k", records.get(0).getString("resource"));
    }

    @Test
    void everyRecordLinksToThePreviousOne_underTheChainKey_notAPlainSha256() {
        makeChanges();
        List<JsonObject> newestFirst = records("");
        for (int i = 0; i + 1 < newestFirst.size(); i++) {
            JsonObject record = newestFirst.get(i);
            JsonObject previous = newestFirst.get(i + 1);
            assertEquals(previous.getJsonNumber("sequence").longValue() + 1, record.getJsonNumber("sequence").longValue());
            assertEquals(previous.getString("hash"), record.getString("previousHash"));
            assertNotEquals(record.getString("hash"), HashChain.link(record.getString("previousHash"), Arrays.asList(
                    Long.toString(record.getJsonNumber("sequence").longValue()), record.getString("time"),
                    record.getString("caller"), record.getString("operation"), record.getString("resource"),
                    record.getString("status"), record.getString("details", null))), "whoever can write the database "
                    + "could recompute a plain SHA-256 link");
        }
        JsonObject verdict = verification();
        assertTrue(verdict.getBoolean("intact"), verdict.toString());
    }

    @Test
    void editedRecord_isReported() throws Exception {
        String kv = makeChanges();
        long sequence = records("keyvaults/" + kv).get(2).getJsonNumber("sequence").longValue();
        JsonObject verdict = tampered(c -> setDetails(c, sequence, "get,list,wrapKey,unwrapKey,purge"));
        assertFalse(verdict.getBoolean("intact"), verdict.toString());
        assertEquals(sequence, verdict.getJsonNumber("firstBrokenSequence").longValue());
        assertTrue(verdict.getString("finding").contains("#" + sequence + " has been altered"), verdict.toString());
        assertTrue(verification().getBoolean("intact"), "the edit was rolled back");
    }

    @Test
    void chainRecomputedWithoutTheKey_isReported() throws Exception {
        String kv = makeChanges();
        long sequence = records("keyvaults/" + kv).get(2).getJsonNumber("sequence").longValue();
        JsonObject verdict = tampered(c -> {
            setDetails(c, sequence, "get,list,wrapKey,unwrapKey,purge");
            relinkWithoutTheKey(c, sequence);
        });
        assertFalse(verdict.getBoolean("intact"), verdict.toString());
        assertEquals(sequence, verdict.getJsonNumber("firstBrokenSequence").longValue(), verdict.toString());
    }

    @Test
    void chainRecomputedAsIfFromBeforeChainKeys_isReportedByTheWrittenHead() throws Exception {
        makeChanges();
        assertTrue(activityHead.writeOut().isEmpty());
        JsonObject verdict = tampered(c -> {
            long end = chainEnd(c);
            execute(c, "UPDATE activity_chain SET keyed_from = " + end);
            relinkWithoutTheKey(c, 1);
        });
        assertFalse(verdict.getBoolean("intact"), verdict.toString());
        assertTrue(verdict.getString("finding").contains("the database has been rewritten"), verdict.toString());
    }

    @Test
    void deletedTail_isReportedByTheWrittenHead_whichIsNotWrittenOver() throws Exception {
        makeChanges();
        assertTrue(activityHead.writeOut().isEmpty());
        Optional<WrittenHead> written = writtenHeads.read();
        long end = written.orElseThrow().sequence();
        JsonObject verdict = tampered(c -> {
            execute(c, "DELETE FROM activity_record WHERE seq > " + (end - 2));
            execute(c, "UPDATE activity_chain SET last_sequence = " + (end - 2) + ", last_hash = (SELECT hash FROM "
                    + "activity_record WHERE seq = " + (end - 2) + ")");
            assertTrue(activityHead.writeOut().orElseThrow().contains("have been deleted"));
        });
        assertFalse(verdict.getBoolean("intact"), verdict.toString());
        assertEquals(end - 1, verdict.getJsonNumber("firstBrokenSequence").longValue(), verdict.toString());
        assertTrue(verdict.getString("finding").contains("records #" + (end - 1) + " to #" + end + " have been deleted"),
                verdict.toString());
        assertEquals(written, writtenHeads.read(), "the evidence stays");
    }

    @Test
    void deletedTail_isReportedByTheHeadInTheDatabase() throws Exception {
        makeChanges();
        JsonObject verdict = tampered(c -> execute(c, "DELETE FROM activity_record WHERE seq = " + chainEnd(c)));
        assertFalse(verdict.getBoolean("intact"), verdict.toString());
        assertTrue(verdict.getString("finding").contains("its head in the database says"), verdict.toString());
    }

    /**
     * Tampers with the log as a database writer would, checks it as the API does, and rolls the tampering
     * back: all in one transaction that holds the chain's head, so that nothing is appended meanwhile.
     */
    private JsonObject tampered(Tampering tampering) throws Exception {
        transaction.begin();
        try (Connection c = database.getConnection()) {
            execute(c, "SELECT last_sequence FROM activity_chain FOR UPDATE");
            tampering.apply(c);
            return Json.createReader(new StringReader(JsonbBuilder.create().toJson(queries.verify()))).readObject();
        } finally {
            transaction.rollback();
        }
    }

    @FunctionalInterface
    private interface Tampering {
        void apply(Connection c) throws Exception;
    }

    private JsonObject verification() {
        return Api.admin(base).get("/api/activitylog/verification").json();
    }

    private static long chainEnd(Connection c) throws Exception {
        try (PreparedStatement select = c.prepareStatement("SELECT last_sequence FROM activity_chain");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Links the records from {@code from} on anew with plain SHA-256, as anyone without the key can, and the head too. */
    private static void relinkWithoutTheKey(Connection c, long from) throws Exception {
        String previous = HashChain.GENESIS;
        if (from > 1) {
            try (PreparedStatement select = c.prepareStatement("SELECT hash FROM activity_record WHERE seq = ?")) {
                select.setLong(1, from - 1);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    previous = rs.getString(1);
                }
            }
        }
        try (PreparedStatement select = c.prepareStatement("SELECT seq, recorded_at, caller, operation, resource, status, "
                + "details FROM activity_record WHERE seq >= ? ORDER BY seq");
             PreparedStatement update = c.prepareStatement("UPDATE activity_record SET previous_hash = ?, hash = ? WHERE seq = ?")) {
            select.setLong(1, from);
            List<Object[]> relinked = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String hash = HashChain.link(previous, Arrays.asList(Long.toString(rs.getLong(1)),
                            rs.getObject(2, OffsetDateTime.class).toInstant().toString(), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                    relinked.add(new Object[] {previous, hash, rs.getLong(1)});
                    previous = hash;
                }
            }
            for (Object[] link : relinked) {
                update.setString(1, (String) link[0]);
                update.setString(2, (String) link[1]);
                update.setLong(3, (Long) link[2]);
                update.executeUpdate();
            }
        }
        execute(c, "UPDATE activity_chain SET last_hash = '" + previous + "'");
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static void setDetails(Connection c, long sequence, String details) throws Exception {
        try (PreparedStatement update = c.prepareStatement("UPDATE activity_record SET details = ? WHERE seq = ?")) {
            update.setString(1, details);
            update.setLong(2, sequence);
            assertEquals(1, update.executeUpdate());
        }
    }
}
