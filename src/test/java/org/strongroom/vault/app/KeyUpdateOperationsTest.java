package org.strongroom.vault.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.strongroom.backup.app.BackupOperations;
import org.strongroom.jobs.app.OperationRegistration;
import org.strongroom.jobs.domain.JobOperation;

/** Which queue outside producers send each operation's requests to: key updates only to the admins' one. */
class KeyUpdateOperationsTest {

    @Test
    void requestQueue_ofKeyUpdates_isTheAdminQueue() {
        Map<JobOperation, Optional<String>> requestQueues = Stream.of(new KeyUpdateOperations(), new BackupOperations())
                .flatMap(owner -> owner.registrations().stream())
                .collect(Collectors.toMap(OperationRegistration::operation, OperationRegistration::requestQueue));
        assertEquals(Optional.of("keyUpdateRequests"), requestQueues.get(KeyUpdateOperations.UPDATE_ENCRYPTION_KEY));
        assertEquals(Optional.of("keyUpdateRequests"), requestQueues.get(KeyUpdateOperations.CONFIGURE_ENCRYPTION));
        assertEquals(Optional.of("jobRequests"), requestQueues.get(BackupOperations.BACKUP));
    }
}
