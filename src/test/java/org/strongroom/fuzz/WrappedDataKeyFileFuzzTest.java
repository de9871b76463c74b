package org.strongroom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

import org.strongroom.storage.domain.WrappedDataKeyFile;

/** A vault's data-key file in the store (data-key.properties), as the recovery tool reads it. */
class WrappedDataKeyFileFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void parse_refusesWithIllegalArgument(@NotNull String text) throws Exception {
        Untrusted.refusesOnlyWith(() -> WrappedDataKeyFile.parse(text), IllegalArgumentException.class);
    }
}
