package org.strongroom.jobs.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** An operation is its public name: equal by name, and only a name the API could show. */
class JobOperationTest {

    @Test
    void operations_ofTheSameName_areEqual() {
        assertEquals(JobOperation.of("Backup"), new JobOperation("Backup"));
        assertEquals("Backup", JobOperation.of("Backup").toString());
    }

    @Test
    void operation_withoutAPublicName_isRefused() {
        for (String name : new String[] {"", "backup", "Back up", "Backup1", "B", "A".repeat(33), "Back-up"}) {
            assertThrows(IllegalArgumentException.class, () -> JobOperation.of(name), name);
        }
        assertThrows(NullPointerException.class, () -> JobOperation.of(null));
    }
}
