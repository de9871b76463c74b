package org.strongroom.jobs.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.strongroom.jobs.domain.JobOperation;

/** Job messages round-trip as JSON; malformed bodies are refused. */
class JobMessageTest {

    @Test
    void message_roundTripsAsJson() {
        JobMessage message = new JobMessage(UUID.randomUUID(), JobOperation.of("UpdateEncryptionKey"));
        String json = message.toJson();
        assertEquals("{\"jobId\":\"" + message.jobId() + "\",\"operation\":\"UpdateEncryptionKey\"}", json);
        assertEquals(message, JobMessage.parse(json, JobMessageTest::known));
    }

    @Test
    void malformedBodies_areRefusedWithIllegalArgument() {
        for (String body : new String[] {null, "", "  ", "not json", "[1,2]", "{}", "{\"jobId\":42,\"operation\":\"Backup\"}",
                "{\"jobId\":\"not-a-uuid\",\"operation\":\"Backup\"}",
                "{\"jobId\":\"" + UUID.randomUUID() + "\",\"operation\":\"Explode\"}"}) {
            assertThrows(IllegalArgumentException.class, () -> JobMessage.parse(body, JobMessageTest::known), String.valueOf(body));
        }
    }

    /** The operations the server registered, as the listener looks them up. */
    private static Optional<JobOperation> known(String name) {
        return Set.of("Backup", "UpdateEncryptionKey").contains(name) ? Optional.of(JobOperation.of(name)) : Optional.empty();
    }
}
