package org.strongroom.storage.domain;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;

/**
 * Where a vault's backup data lives when it is not the server's store directory: an object store, chosen when
 * the vault is created and kept for its life. In each service's own words: for {@code AzureBlob} the account's
 * blob endpoint, the account name ({@code account}), the container and the account key; for {@code S3} the
 * endpoint, the region, the access key ID ({@code account}), the bucket ({@code container}) and the secret access
 * key. The key ({@code secret}) is sealed by the platform key and never shown again.
 */
public record VaultStore(VaultName vault, Type type, String endpoint, String region, String account, String container,
                         byte[] sealedSecret) {

    /** The kinds of store a vault may have; {@code FileSystem} is the server's store directory. */
    public enum Type { FileSystem, AzureBlob, S3 }

    /** The region an S3 store is signed for when the request names none (what MinIO and S3Proxy expect). */
    public static final String DEFAULT_S3_REGION = "us-east-1";

    /** Azure's rule for container names: 3-63 lower-case letters, digits and single hyphens. */
    private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");
    private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");
    /** S3's rule for bucket names: 3-63 lower-case letters, digits, dots and hyphens, a letter or digit at each end. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\S{1,128}");

    public VaultStore {
        Objects.requireNonNull(vault);
        Objects.requireNonNull(type);
    }

    /**
     * Checks the settings of an object store as a request gives them: refusals are 400 with the field at fault
     * (under {@code storage.}, named as the service names it).
     */
    public static void check(Type type, String endpoint, String region, String account, String container, String secret) {
        boolean azure = type == Type.AzureBlob;
        if (endpoint == null || !endpoint.matches("https?://[^\\s/]+(/[^\\s]*)?") || !isUri(endpoint)) {
            throw invalid("storage.endpoint", azure ? "an absolute http(s) URL of the account's blob service, e.g. https://{account}.blob.core.windows.net"
                    : "an absolute http(s) URL of the S3 service, e.g. https://s3.eu-west-1.amazonaws.com");
        }
        if (azure) {
            require(account != null && ACCOUNT.matcher(account).matches(), "storage.accountName", "3 to 24 lower-case letters and digits");
            require(container != null && CONTAINER.matcher(container).matches(), "storage.container",
                    "3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit");
            require(secret != null && !secret.isBlank(), "storage.accountKey", "the account's shared key (base64)");
        } else {
            require(region != null && REGION.matcher(region).matches(), "storage.region", "an S3 region such as eu-west-1 (us-east-1 when absent)");
            require(container != null && BUCKET.matcher(container).matches() && !container.contains(".."), "storage.bucket",
                    "3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit");
            require(account != null && ACCESS_KEY_ID.matcher(account).matches(), "storage.accessKeyId", "the access key ID, without spaces");
            require(secret != null && !secret.isBlank(), "storage.secretAccessKey", "the secret access key of the access key ID");
        }
    }

    private static void require(boolean holds, String target, String expected) {
        if (!holds) {
            throw invalid(target, expected);
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

    /** What the platform key seals the store's key for: this vault's store alone. */
    public static String sealingContext(VaultName vault) {
        return "vaultStore:" + vault.value() + ":secret";
    }

    /** What a vault shows of its store: type and place, no secret. */
    public String describe() {
        return type + " " + endpoint + "/" + container;
    }
}
