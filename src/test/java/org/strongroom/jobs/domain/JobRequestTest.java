package org.strongroom.jobs.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** JMS job requests: what an outside producer may send, and every malformed request refused as one. */
class JobRequestTest {

    private static final Set<String> KNOWN = Set.of("Backup", "UpdateEncryptionKey", "ConfigureEncryption");

    /** Parses as the server does, knowing the operations registered there. */
    static JobRequest parse(String body) {
        return JobRequest.parse(body, name -> KNOWN.contains(name) ? Optional.of(JobOperation.of(name)) : Optional.empty());
    }

    @Test
    void parse_ofABackupRequest_readsItsFields() {
        JobRequest request = parse(
                "{\"operation\":\"Backup\",\"vault\":\"v1\",\"item\":\"files1\",\"requestId\":\"r-17\",\"requestedBy\":\"nightly\"}");
        assertEquals(JobOperation.of("Backup"), request.operation());
        assertEquals("v1", request.vault());
        assertEquals("files1", request.item());
        assertEquals("r-17", request.requestId());
        assertEquals("nightly", request.requestedBy());
    }

    @Test
    void parse_ofAKeyUpdateRequest_keepsTheOperationFields() {
        JobRequest request = parse("{\"operation\":\"UpdateEncryptionKey\",\"vault\":\"v1\",\"requestId\":\"k1\","
                + "\"keyUri\":\"https://kv/keys/k/1\",\"keyVaultSubscriptionId\":\"s\"}");
        assertEquals("https://kv/keys/k/1", request.field("keyUri"));
        assertNull(request.item());
        assertNull(request.field("infrastructureEncryption"));
    }

    @Test
    void parse_ofMalformedJson_isRefusedWithAReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse("{\"operation\": \"Backup\", this"));
        assertTrue(e.getMessage().contains("not a JSON object"));
        assertThrows(IllegalArgumentException.class, () -> parse("[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> parse(" "));
    }

    @Test
    void parse_withoutRequestId_isRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"operation\":\"Backup\",\"vault\":\"v1\",\"item\":\"files1\"}"));
        assertTrue(e.getMessage().contains("requestId"));
    }

    @Test
    void parse_ofUnknownOperation_isRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> parse("{\"operation\":\"Format\",\"vault\":\"v1\",\"requestId\":\"r\"}"));
        assertTrue(e.getMessage().contains("Format"));
    }

    @Test
    void parse_ofNonStringMember_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> parse("{\"operation\":\"Backup\",\"vault\":\"v1\",\"item\":7,\"requestId\":\"r\"}"));
    }

    @Test
    void parse_ofRequestIdWithSpacesOrTooLong_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> parse("{\"operation\":\"Backup\",\"vault\":\"v1\",\"requestId\":\"a b\"}"));
        assertThrows(IllegalArgumentException.class,
                () -> parse("{\"operation\":\"Backup\",\"vault\":\"v1\",\"requestId\":\"" + "r".repeat(201) + "\"}"));
    }

    @Test
    void deeplyNestedRequest_isRefusedLikeAnyMalformedOne() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> parse(deep));
        assertTrue(refused.getMessage().contains("not a usable JSON object"), refused.getMessage());
    }
}
