package org.strongroom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import org.strongroom.crypto.PrivateKeys;

/** A PEM private key: imported over REST (PUT keys/{name}) and given to the recovery tool (--key). */
class PemKeyFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void readPem_refusesWithIllegalArgument(@NotNull String text) throws Exception {
        Untrusted.refusesOnlyWith(() -> PrivateKeys.readPem(text), IllegalArgumentException.class);
    }
}
