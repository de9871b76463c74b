package org.strongroom.crypto;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA-256 (RFC 5869) with an empty salt: separate keys for separate purposes from one secret. */
public final class Hkdf {

    private Hkdf() {
    }

    /** {@code length} bytes derived from {@code secret} for {@code info}. */
    public static KeyMaterial derive(KeyMaterial secret, String info, int length) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret.bytes(), null, info.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[length];
        hkdf.generateBytes(out, 0, length);
        return KeyMaterial.wrap(out);
    }
}
