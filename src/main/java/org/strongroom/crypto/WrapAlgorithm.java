package org.strongroom.crypto;

import java.security.spec.MGF1ParameterSpec;

import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSA key-wrapping algorithms, named as key vaults name them (JWA, RFC 7518).
 *
 * <p>The OAEP parameters are always passed explicitly: the JDK's transformation name
 * "OAEPWithSHA-256AndMGF1Padding" means MGF1 with SHA-1, which is not RSA-OAEP-256.
 */
public enum WrapAlgorithm {
    /** OAEP with SHA-256 and MGF1-SHA-256; the default. */
    RSA_OAEP_256("RSA-OAEP-256", new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT)),
    /** OAEP with SHA-1 and MGF1-SHA-1, for clients that need it. */
    RSA_OAEP("RSA-OAEP", new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1,
            PSource.PSpecified.DEFAULT));

    private final String jwaName;
    private final OAEPParameterSpec parameters;

    WrapAlgorithm(String jwaName, OAEPParameterSpec parameters) {
        this.jwaName = jwaName;
        this.parameters = parameters;
    }

    public String jwaName() {
        return jwaName;
    }

    OAEPParameterSpec parameters() {
        return parameters;
    }

    /** The algorithm of a JWA name, e.g. "RSA-OAEP-256"; {@code IllegalArgumentException} if unsupported. */
    public static WrapAlgorithm of(String jwaName) {
        for (WrapAlgorithm algorithm : values()) {
            if (algorithm.jwaName.equals(jwaName)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Unsupported key-wrapping algorithm '" + jwaName
                + "'; use RSA-OAEP-256 or RSA-OAEP");
    }
}
