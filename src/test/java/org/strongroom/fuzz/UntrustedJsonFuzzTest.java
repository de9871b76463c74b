package org.strongroom.fuzz;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.web.StrictJsonInput;

/** The REST JSON boundary: every request body passes StrictJsonInput before it is bound. */
class UntrustedJsonFuzzTest {

    /** A body type with nesting, a list of records and renamed-free fields, like the API's request records. */
    record Target(String path, Boolean originalLocation) {
    }

    record Body(Target target, List<String> paths, Boolean overwrite, List<Target> more) {
    }

    @FuzzTest(maxDuration = "5s")
    void check_refusesWithBadRequest(byte[] body) throws Exception {
        Untrusted.refusesOnlyWith(() -> {
            try {
                StrictJsonInput.check(body, Body.class);
            } catch (StrongroomException refused) {
                if (refused.code() != ErrorCode.BadRequest) {
                    throw new AssertionError("refused with " + refused.code(), refused);
                }
                throw refused;
            }
        }, StrongroomException.class);
    }
}
