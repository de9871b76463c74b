package org.strongroom.vault.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;

import org.strongroom.platform.StrongroomException;

/**
 * What a caller asks to assign as a vault's customer-managed key, checked once for every entry point (REST
 * {@code PUT .../encryption} and the JMS {@code keyUpdateRequests} queue alike): a key URI that can name a
 * key (absolute http(s), at most 400 characters), the key vault's subscription id, and optionally the
 * infrastructure encryption chosen at first configuration. Whether the key vault holds that key is the key
 * assignment job's to find out.
 */
public record KeyAssignmentInput(String keyUri, String keyVaultSubscriptionId, InfrastructureEncryption infrastructureEncryption) {

    public static final int MAX_KEY_URI = 400;

    /** The checked input; {@code BadRequest} naming the field that is missing or malformed. */
    public static KeyAssignmentInput of(String keyUri, String keyVaultSubscriptionId, String infrastructureEncryption) {
        return new KeyAssignmentInput(requireKeyUri(keyUri), requireSubscription(keyVaultSubscriptionId),
                infrastructure(infrastructureEncryption));
    }

    /**
     * The automatic rotation of a vault that follows {@code versionlessKeyUri} to its newest version: the key
     * vault subscription and infrastructure encryption in force are kept.
     */
    public static KeyAssignmentInput rotationTo(String versionlessKeyUri) {
        return new KeyAssignmentInput(versionlessKeyUri, null, null);
    }

    private static String requireKeyUri(String keyUri) {
        if (keyUri == null || keyUri.isBlank()) {
            throw StrongroomException.badRequest("keyUri is required: {keyVaultUri}/keys/{name}[/{version}]", "keyUri");
        }
        try {
            URI uri = new URI(keyUri);
            boolean web = uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
            boolean token = "pkcs11".equalsIgnoreCase(uri.getScheme()) && uri.isOpaque();
            if (keyUri.length() <= MAX_KEY_URI && uri.isAbsolute() && (web || token)) {
                return keyUri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw StrongroomException.badRequest("keyUri must be an absolute http(s) URI of a key, or a pkcs11: URI (RFC 7512), at most "
                + MAX_KEY_URI + " characters", "keyUri");
    }

    private static String requireSubscription(String subscriptionId) {
        if (subscriptionId == null || !subscriptionId.matches("[a-zA-Z0-9-]{1,64}")) {
            throw StrongroomException.badRequest("keyVaultSubscriptionId is required: the key vault's subscription id",
                    "keyVaultSubscriptionId");
        }
        return subscriptionId;
    }

    private static InfrastructureEncryption infrastructure(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InfrastructureEncryption.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw StrongroomException.badRequest("Unknown infrastructureEncryption '" + value + "'; one of "
                    + Arrays.toString(InfrastructureEncryption.values()), "infrastructureEncryption");
        }
    }
}
