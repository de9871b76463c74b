package org.strongroom.crypto;

import javax.crypto.spec.OAEPParameterSpec;

/**
 * The RSA encryption algorithms of the key-vault data plane's {@code encrypt} and {@code decrypt}
 * (JWA names). Key wrapping takes only the OAEP ones ({@link WrapAlgorithm}); {@code RSA1_5} (PKCS #1
 * v1.5) is here for clients that must, as Azure Key Vault offers it.
 */
public enum EncryptionAlgorithm {
    RSA_OAEP_256("RSA-OAEP-256", WrapAlgorithm.RSA_OAEP_256.parameters(), 32),
    RSA_OAEP("RSA-OAEP", WrapAlgorithm.RSA_OAEP.parameters(), 20),
    RSA1_5("RSA1_5", null, 0);

    private final String jwaName;
    private final OAEPParameterSpec parameters;
    private final int hashLength;

    EncryptionAlgorithm(String jwaName, OAEPParameterSpec parameters, int hashLength) {
        this.jwaName = jwaName;
        this.parameters = parameters;
        this.hashLength = hashLength;
    }

    public String jwaName() {
        return jwaName;
    }

    /** The algorithm of a JWA name; {@code IllegalArgumentException} naming the supported ones otherwise. */
    public static EncryptionAlgorithm of(String jwaName) {
        for (EncryptionAlgorithm algorithm : values()) {
            if (algorithm.jwaName.equals(jwaName)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Unsupported encryption algorithm '" + jwaName
                + "'; use RSA-OAEP-256, RSA-OAEP or RSA1_5");
    }

    /** The encryption a key-wrapping algorithm is. */
    public static EncryptionAlgorithm of(WrapAlgorithm wrapping) {
        return wrapping == WrapAlgorithm.RSA_OAEP_256 ? RSA_OAEP_256 : RSA_OAEP;
    }

    /** How many bytes one block under a key of {@code bits} can hold. */
    int maxPlaintextLength(int bits) {
        return bits / 8 - (parameters == null ? 11 : 2 * hashLength + 2);
    }

    String transformation() {
        return parameters == null ? "RSA/ECB/PKCS1Padding" : "RSA/ECB/OAEPPadding";
    }

    OAEPParameterSpec parameters() {
        return parameters;
    }
}
