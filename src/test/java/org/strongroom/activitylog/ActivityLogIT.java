package org.strongroom.activitylog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.strongroom.crypto.HashChain;
import org.strongroom.support.Api;
import org.strongroom.support.Deployments;
import org.strongroom.support.KeyVaults;
import org.strongroom.support.Names;

/** Every change to a key vault, key or access policy is logged, in a hash chain that exposes tampering. */
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
    void everyRecordLinksToThePreviousOne_andItsHashCoversItsFields() {
        makeChanges();
        List<JsonObject> newestFirst = records("");
        for (int i = 0; i + 1 < newestFirst.size(); i++) {
            JsonObject record = newestFirst.get(i);
            JsonObject previous = newestFirst.get(i + 1);
            assertEquals(previous.getJsonNumber("sequence").longValue() + 1, record.getJsonNumber("sequence").longValue());
            assertEquals(previous.getString("hash"), record.getString("previousHash"));
            assertEquals(record.getString("hash"), HashChain.link(record.getString("previousHash"), Arrays.asList(
                    Long.toString(record.getJsonNumber("sequence").longValue()), record.getString("time"),
                    record.getString("caller"), record.getString("operation"), record.getString("resource"),
                    record.getString("status"), record.getString("details", null))));
        }
        JsonObject verdict = Api.admin(base).get("/api/activitylog/verification").json();
        assertTrue(verdict.getBoolean("intact"), verdict.toString());
    }

    @Test
    void alteredStoredRecord_isDetected() throws Exception {
        String kv = makeChanges();
        long sequence = records("keyvaults/" + kv).get(2).getJsonNumber("sequence").longValue();
        String original = details(sequence);
        try {
            setDetails(sequence, "get,list,wrapKey,unwrapKey,purge");
            JsonObject verdict = Api.admin(base).get("/api/activitylog/verification").json();
            assertFalse(verdict.getBoolean("intact"), verdict.toString());
            assertEquals(sequence, verdict.getJsonNumber("firstBrokenSequence").longValue());
        } finally {
            setDetails(sequence, original);
        }
        assertTrue(Api.admin(base).get("/api/activitylog/verification").json().getBoolean("intact"));
    }

    private String details(long sequence) throws Exception {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT details FROM activity_record WHERE seq = ?")) {
            select.setLong(1, sequence);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void setDetails(long sequence, String details) throws Exception {
        try (Connection c = database.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE activity_record SET details = ? WHERE seq = ?")) {
            update.setString(1, details);
            update.setLong(2, sequence);
            assertEquals(1, update.executeUpdate());
        }
    }
}
