package org.strongroom.jobs.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.strongroom.jobs.domain.JobOperation;

/** Job messages round-trip as JSON; malformed bodies are refused. */
class JobMessageTest {

    @Test
    void message_roundTripsAsJson() {
        JobMessage message = new JobMessage(UUID.randomUUID(), JobOperation.UpdateEncryptionKey);
        String json = message.toJson();
        assertEquals("{\"jobId\":\"" + message.jobId() + "\",\"operation\":\"UpdateEncryptionKey\"}", json);
        assertEquals(message, JobMessage.parse(json));
    }

    @Test
    void malformedBodies_areRefusedWithIllegalArgument() {
        for (String body : new String[] {null, "", "  ", "not json", "[1,2]", "{}", "{\"jobId\":42,\"operation\":\"Backup\"}",
                "{\"jobId\":\"not-a-uuid\",\"operation\":\"Backup\"}",
                "{\"jobId\":\"" + UUID.randomUUID() + "\",\"operation\":\"Explode\"}"}) {
            assertThrows(IllegalArgumentException.class, () -> JobMessage.parse(body), String.valueOf(body));
        }
    }
}
