package org.strongroom.storage.domain;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;

/**
 * Where a vault's backup data lives when it is not the server's store directory: an object store, chosen when
 * the vault is created and kept for its life. For {@code AzureBlob}: the account's blob endpoint, its name, the
 * container, and the account key sealed by the platform key (never shown again).
 */
public record VaultStore(VaultName vault, Type type, String endpoint, String accountName, String container,
                         byte[] sealedAccountKey) {

    /** The kinds of store a vault may have; {@code FileSystem} is the server's store directory. */
    public enum Type { FileSystem, AzureBlob }

    /** Azure's rule for container names: 3-63 lower-case letters, digits and single hyphens. */
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");

    public VaultStore {
        Objects.requireNonNull(vault);
        Objects.requireNonNull(type);
    }

    /**
     * Checks the settings of an object store as a request gives them: refusals are 400 with the field at fault
     * (under {@code storage.}).
     */
    public static void check(String endpoint, String accountName, String container, String accountKey) {
        if (endpoint == null || !endpoint.matches("https?://[^\\s/]+(/[^\\s]*)?") || !isUri(endpoint)) {
            throw invalid("storage.endpoint", "an absolute http(s) URL of the account's blob service, e.g. https://{account}.blob.core.windows.net");
        }
        if (accountName == null || !ACCOUNT.matcher(accountName).matches()) {
            throw invalid("storage.accountName", "3 to 24 lower-case letters and digits");
        }
        if (container == null || !CONTAINER.matcher(container).matches()) {
            throw invalid("storage.container", "3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit");
        }
        if (accountKey == null || accountKey.isBlank()) {
            throw invalid("storage.accountKey", "the account's shared key (base64)");
        }
    }

    private static boolean isUri(String value) {
        try {
            return URI.create(value).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static StrongroomException invalid(String target, String expected) {
        return StrongroomException.badRequest("'" + target + "' must be " + expected, target);
    }

    /** What the platform key seals the account key for: this vault's store alone. */
    public static String sealingContext(VaultName vault) {
        return "vaultStore:" + vault.value() + ":accountKey";
    }

    /** What a vault shows of its store: type and place, no secret. */
    public String describe() {
        return type + " " + endpoint + "/" + container;
    }
}
