package org.strongroom.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.ManifestCodec;

/** The manifest decoder (what the recovery tool and the server read once a manifest is opened). */
class ManifestDecoderFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void decode_refusesWithIllegalArgument_andWhatItDecodesEncodesBackTheSame(byte[] bytes) throws Exception {
        Untrusted.refusesOnlyWith(() -> {
            Manifest manifest = ManifestCodec.decode(bytes);
            assertEquals(manifest, ManifestCodec.decode(ManifestCodec.encode(manifest)));
        }, IllegalArgumentException.class);
    }
}
