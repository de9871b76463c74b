package org.strongroom.jobs.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** JMS job requests: what an outside producer may send, and every malformed request refused as one. */
class JobRequestTest {

    @Test
    void parse_ofABackupRequest_readsItsFields() {
        JobRequest request = JobRequest.parse(
                "{\"operation\":\"Backup\",\"vault\":\"v1\",\"item\":\"files1\",\"requestId\":\"r-17\",\"requestedBy\":\"nightly\"}");
        assertEquals(JobOperation.Backup, request.operation());
        assertEquals("v1", request.vault());
        assertEquals("files1", request.item());
        assertEquals("r-17", request.requestId());
        assertEquals("nightly", request.requestedBy());
    }

    @Test
    void parse_ofAKeyUpdateRequest_keepsTheOperationFields() {
        JobRequest request = JobRequest.parse("{\"operation\":\"UpdateEncryptionKey\",\"vault\":\"v1\",\"requestId\":\"k1\","
                + "\"keyUri\":\"https://kv/keys/k/1\",\"keyVaultSubscriptionId\":\"s\"}");
        assertEquals("https://kv/keys/k/1", request.field("keyUri"));
        assertNull(request.item());
        assertNull(request.field("infrastructureEncryption"));
    }

    @Test
    void parse_ofMalformedJson_isRefusedWithAReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> JobRequest.parse("{\"operation\": \"Backup\", this"));
        assertTrue(e.getMessage().contains("not a JSON object"));
        assertThrows(IllegalArgumentException.class, () -> JobRequest.parse("[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> JobRequest.parse(" "));
    }

    @Test
    void parse_withoutRequestId_isRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> JobRequest.parse("{\"operation\":\"Backup\",\"vault\":\"v1\",\"item\":\"files1\"}"));
        assertTrue(e.getMessage().contains("requestId"));
    }

    @Test
    void parse_ofUnknownOperation_isRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> JobRequest.parse("{\"operation\":\"Format\",\"vault\":\"v1\",\"requestId\":\"r\"}"));
        assertTrue(e.getMessage().contains("Format"));
    }

    @Test
    void parse_ofNonStringMember_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> JobRequest.parse("{\"operation\":\"Backup\",\"vault\":\"v1\",\"item\":7,\"requestId\":\"r\"}"));
    }

    @Test
    void parse_ofRequestIdWithSpacesOrTooLong_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> JobRequest.parse("{\"operation\":\"Backup\",\"vault\":\"v1\",\"requestId\":\"a b\"}"));
        assertThrows(IllegalArgumentException.class,
                () -> JobRequest.parse("{\"operation\":\"Backup\",\"vault\":\"v1\",\"requestId\":\"" + "r".repeat(201) + "\"}"));
    }

    @Test
    void requestQueue_ofKeyUpdates_isTheAdminQueue() {
        assertEquals("keyUpdateRequests", JobOperation.UpdateEncryptionKey.requestQueue());
        assertEquals("keyUpdateRequests", JobOperation.ConfigureEncryption.requestQueue());
        assertEquals("jobRequests", JobOperation.Backup.requestQueue());
    }

    @Test
    void deeplyNestedRequest_isRefusedLikeAnyMalformedOne() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> JobRequest.parse(deep));
        assertTrue(refused.getMessage().contains("not a usable JSON object"), refused.getMessage());
    }
}
