package org.strongroom.fuzz;

import java.util.Optional;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import org.strongroom.jobs.domain.JobOperation;
import org.strongroom.jobs.domain.JobRequest;

/** The JMS boundary: the body of a TextMessage an outside producer sends to jobRequests or keyUpdateRequests. */
class JobRequestFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void parse_refusesWithIllegalArgument(@NotNull String body) throws Exception {
        Untrusted.refusesOnlyWith(() -> JobRequest.parse(body, JobRequestFuzzTest::known), IllegalArgumentException.class);
    }

    private static Optional<JobOperation> known(String name) {
        return Set.of("Backup", "UpdateEncryptionKey").contains(name) ? Optional.of(JobOperation.of(name)) : Optional.empty();
    }
}
