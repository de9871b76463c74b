package org.strongroom.keymanager.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.strongroom.crypto.TrustAnchors;
import org.strongroom.platform.StrongroomException;

/**
 * A remote key manager as an admin registered it: the key vault at {@code keyVaultUrl} (a server speaking
 * Azure Key Vault's protocol), where it stands (region, subscription: the protocol's data plane does not
 * tell them, so the registration does), and how Strongroom signs in there. A key URI belongs to the
 * registration whose key vault URL has its scheme, host and port. The client secret is kept sealed by the
 * platform master key ({@link #sealingContext()}); this class never sees it in clear.
 */
@Entity
@Table(name = "key_manager")
public class KeyManager {

    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String AZURE_AUTHORITY = "https://login.microsoftonline.com";

    /** The protocols a remote key manager may speak. */
    public enum Kind { AzureKeyVault }

    /** How Strongroom signs in at the key manager. */
    public enum CredentialType {
        /** A service principal's (app registration's) client id and secret, at {@code authorityHost}. */
        ClientSecret,
        /**
         * The Azure SDK's {@code DefaultAzureCredential} chain: environment variables, workload identity,
         * managed identity of the machine — nothing stored here.
         */
        DefaultAzureCredential
    }

    /** What an admin gives, apart from the client secret. */
    public record Registration(Kind kind, String keyVaultUrl, String region, String subscriptionId,
                               CredentialType credentialType, String tenantId, String clientId, String authorityHost,
                               String trustedCertificates) {
    }

    @Id
    @Column(length = 63)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Kind kind;

    @Column(name = "key_vault_url", nullable = false, length = 300, unique = true)
    private String keyVaultUrl;

    @Column(nullable = false, length = 64)
    private String region;

    @Column(name = "subscription_id", length = 64)
    private String subscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "credential_type", nullable = false, length = 32)
    private CredentialType credentialType;

    @Column(name = "tenant_id", length = 64)
    private String tenantId;

    @Column(name = "client_id", length = 64)
    private String clientId;

    @Column(name = "sealed_client_secret")
    private byte[] sealedClientSecret;

    @Column(name = "authority_host", length = 300)
    private String authorityHost;

    @Column(name = "trusted_certificates", length = 20000)
    private String trustedCertificates;

    @Column(nullable = false)
    private Instant registered;

    @Version
    @Column(name = "row_version")
    private long version;

    protected KeyManager() {
    }

    /**
     * A new registration; {@code sealedClientSecret} is the client secret sealed under {@link #sealingContext(String)},
     * required for {@code ClientSecret}.
     */
    public static KeyManager register(String name, Registration registration, byte[] sealedClientSecret, Instant now) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw StrongroomException.badRequest("A key manager name is 1-63 letters, digits and hyphens, starting with a "
                    + "letter or digit", "name");
        }
        KeyManager created = new KeyManager();
        created.name = name;
        created.registered = now;
        created.update(registration, sealedClientSecret);
        return created;
    }

    /**
     * Replaces the registration; a {@code null} {@code sealedClientSecret} keeps the secret there is (when the
     * credential stays a client secret).
     */
    public void update(Registration registration, byte[] sealedClientSecret) {
        if (registration.kind() == null) {
            throw StrongroomException.badRequest("kind is required: AzureKeyVault", "kind");
        }
        String url = normalisedKeyVaultUrl(registration.keyVaultUrl());
        if (registration.region() == null || !REGION.matcher(registration.region()).matches()) {
            throw StrongroomException.badRequest("region is required: the key vault's region, as vaults name theirs", "region");
        }
        optional(registration.subscriptionId(), "subscriptionId");
        if (registration.credentialType() == null) {
            throw StrongroomException.badRequest("credential.type is required: ClientSecret or DefaultAzureCredential",
                    "credential.type");
        }
        byte[] secret = sealedClientSecret;
        if (registration.credentialType() == CredentialType.ClientSecret) {
            required(registration.tenantId(), "credential.tenantId");
            required(registration.clientId(), "credential.clientId");
            if (secret == null && (credentialType != CredentialType.ClientSecret || sealedClientSecret() == null)) {
                throw StrongroomException.badRequest("credential.clientSecret is required for a ClientSecret credential",
                        "credential.clientSecret");
            }
            if (secret == null) {
                secret = this.sealedClientSecret;
            }
        } else {
            optional(registration.tenantId(), "credential.tenantId");
            optional(registration.clientId(), "credential.clientId");
            if (secret != null) {
                throw StrongroomException.badRequest("A DefaultAzureCredential takes no client secret", "credential.clientSecret");
            }
        }
        if (registration.trustedCertificates() != null && !registration.trustedCertificates().isBlank()) {
            try {
                TrustAnchors.parse(registration.trustedCertificates());
            } catch (IllegalArgumentException e) {
                throw StrongroomException.badRequest("trustedCertificates: " + e.getMessage(), "trustedCertificates");
            }
        }
        String authority = registration.authorityHost() == null ? null : normalisedHttpsUrl(registration.authorityHost(),
                "credential.authorityHost");
        kind = registration.kind();
        keyVaultUrl = url;
        region = registration.region();
        subscriptionId = registration.subscriptionId();
        credentialType = registration.credentialType();
        tenantId = registration.tenantId();
        clientId = registration.clientId();
        this.sealedClientSecret = secret;
        authorityHost = authority;
        trustedCertificates = registration.trustedCertificates() == null || registration.trustedCertificates().isBlank()
                ? null : registration.trustedCertificates();
    }

    /** Whether {@code keyUri} names a key of this key manager: its scheme, host and port are the key vault URL's. */
    public boolean holds(URI keyUri) {
        return keyVaultUrl.equals(origin(keyUri));
    }

    /** {@code https://host[:port]} of a URI, host in lower case, the default port left out; empty if it is no https URI. */
    public static String origin(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return "";
        }
        int port = uri.getPort() == 443 ? -1 : uri.getPort();
        return "https://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
    }

    /** The context the client secret is sealed under: bound to this registration's name. */
    public static String sealingContext(String name) {
        return "keyManager:" + name + ":clientSecret";
    }

    public String sealingContext() {
        return sealingContext(name);
    }

    private static String normalisedKeyVaultUrl(String url) {
        return normalisedHttpsUrl(url, "keyVaultUrl");
    }

    private static String normalisedHttpsUrl(String url, String target) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || origin(uri).isEmpty() || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw StrongroomException.badRequest(target + " must be an https URL with a host and no path, e.g. "
                    + "https://contoso.vault.azure.net", target);
        }
        return origin(uri);
    }

    private static void required(String value, String target) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw StrongroomException.badRequest(target + " is required: 1-64 letters, digits, '.', '_' or '-'", target);
        }
    }

    private static void optional(String value, String target) {
        if (value != null) {
            required(value, target);
        }
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public String keyVaultUrl() {
        return keyVaultUrl;
    }

    public String region() {
        return region;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public CredentialType credentialType() {
        return credentialType;
    }

    public String tenantId() {
        return tenantId;
    }

    public String clientId() {
        return clientId;
    }

    public byte[] sealedClientSecret() {
        return sealedClientSecret;
    }

    /** Where a client secret is turned into tokens: the registration's, else Microsoft Entra ID's. */
    public String authorityHost() {
        return authorityHost == null ? AZURE_AUTHORITY : authorityHost;
    }

    public Optional<String> trustedCertificates() {
        return Optional.ofNullable(trustedCertificates);
    }

    public Instant registered() {
        return registered;
    }

    /** Changes with every update: a connection made for an older version is made again. */
    public long version() {
        return version;
    }
}
