package org.strongroom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import org.strongroom.jobs.domain.JobRequest;

/** The JMS boundary: the body of a TextMessage an outside producer sends to jobRequests or keyUpdateRequests. */
class JobRequestFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void parse_refusesWithIllegalArgument(@NotNull String body) throws Exception {
        Untrusted.refusesOnlyWith(() -> JobRequest.parse(body), IllegalArgumentException.class);
    }
}
