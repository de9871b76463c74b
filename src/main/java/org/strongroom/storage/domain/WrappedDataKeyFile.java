package org.strongroom.storage.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Properties;

/**
 * The vault's wrapped data key as the store keeps it ({@code data-key.properties}), so that the store
 * plus the KEK's private key (or the platform keystore) suffice for offline recovery:
 * <pre>
 *   format=1
 *   vault=vault1
 *   wrappedBy=https://.../keys/backup-key/5c1f...   (a KEK version), or platform
 *   algorithm=RSA-OAEP-256                            (or platform-seal-v1)
 *   wrappedDataKey=&lt;base64&gt;
 *   infrastructureEncryption=Enabled|Disabled
 * </pre>
 * Kept current on every key update; a stale file still holds a valid wrapping of the same data key.
 */
public record WrappedDataKeyFile(String vault, String wrappedBy, String algorithm, byte[] wrappedDataKey,
                          boolean infrastructureEncryption) {

    public static final String PLATFORM = "platform";
    public static final String RSA_OAEP_256 = "RSA-OAEP-256";
    public static final String PLATFORM_SEAL = "platform-seal-v1";

    public boolean wrappedByPlatform() {
        return PLATFORM.equals(wrappedBy);
    }

    public String toText() {
        Properties properties = new Properties();
        properties.setProperty("format", "1");
        properties.setProperty("vault", vault);
        properties.setProperty("wrappedBy", wrappedBy);
        properties.setProperty("algorithm", algorithm);
        properties.setProperty("wrappedDataKey", Base64.getEncoder().encodeToString(wrappedDataKey));
        properties.setProperty("infrastructureEncryption", infrastructureEncryption ? "Enabled" : "Disabled");
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "Strongroom vault data key, wrapped; see docs/format.md");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static WrappedDataKeyFile parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"1".equals(properties.getProperty("format"))) {
            throw new IllegalArgumentException("Not a format-1 data-key file");
        }
        return new WrappedDataKeyFile(required(properties, "vault"), required(properties, "wrappedBy"),
                required(properties, "algorithm"), Base64.getDecoder().decode(required(properties, "wrappedDataKey")),
                "Enabled".equals(properties.getProperty("infrastructureEncryption")));
    }

    private static String required(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("The data-key file lacks '" + name + "'");
        }
        return value;
    }
}
