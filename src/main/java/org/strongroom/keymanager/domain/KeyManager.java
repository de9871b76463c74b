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
import org.strongroom.platform.Pkcs11Uri;
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

    /** The protocols a key manager may speak: Azure Key Vault's REST API, or PKCS#11 (an HSM's token). */
    public enum Kind { AzureKeyVault, Pkcs11 }

    /** How Strongroom signs in at the key manager. */
    public enum CredentialType {
        /** A service principal's (app registration's) client id and secret, at {@code authorityHost}. */
        ClientSecret,
        /**
         * The Azure SDK's {@code DefaultAzureCredential} chain: environment variables, workload identity,
         * managed identity of the machine — nothing stored here.
         */
        DefaultAzureCredential,
        /** A PKCS#11 token's user PIN. */
        Pin
    }

    /**
     * What an admin gives, apart from the secret (client secret or PIN). {@code AzureKeyVault}: the key vault
     * URL and credential. {@code Pkcs11}: the token's label, the module, the slot's index in its slot list,
     * and what the admin states of the keys' deletion protection (a token has no soft delete of its own).
     */
    public record Registration(Kind kind, String keyVaultUrl, String region, String subscriptionId,
                               CredentialType credentialType, String tenantId, String clientId, String authorityHost,
                               String trustedCertificates, Pkcs11 pkcs11) {

        public Registration(Kind kind, String keyVaultUrl, String region, String subscriptionId, CredentialType credentialType,
                            String tenantId, String clientId, String authorityHost, String trustedCertificates) {
            this(kind, keyVaultUrl, region, subscriptionId, credentialType, tenantId, clientId, authorityHost,
                    trustedCertificates, null);
        }
    }

    /** A PKCS#11 token's registration. */
    public record Pkcs11(String token, String modulePath, Integer slotListIndex, Boolean softDeleteEnabled,
                         Boolean purgeProtectionEnabled) {
    }

    private static final Pattern TOKEN_LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,31}");

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

    @Column(name = "module_path", length = 300)
    private String modulePath;

    @Column(name = "slot_list_index")
    private Integer slotListIndex;

    @Column(name = "soft_delete_stated")
    private Boolean softDeleteStated;

    @Column(name = "purge_protection_stated")
    private Boolean purgeProtectionStated;

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
            throw StrongroomException.badRequest("kind is required: AzureKeyVault or Pkcs11", "kind");
        }
        if (registration.kind() == Kind.Pkcs11) {
            updatePkcs11(registration, sealedClientSecret);
            return;
        }
        String url = normalisedKeyVaultUrl(registration.keyVaultUrl());
        if (registration.region() == null || !REGION.matcher(registration.region()).matches()) {
            throw StrongroomException.badRequest("region is required: the key vault's region, as vaults name theirs", "region");
        }
        optional(registration.subscriptionId(), "subscriptionId");
        if (registration.credentialType() == null || registration.credentialType() == CredentialType.Pin) {
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
        modulePath = null;
        slotListIndex = null;
        softDeleteStated = null;
        purgeProtectionStated = null;
    }

    private void updatePkcs11(Registration registration, byte[] sealedPin) {
        Pkcs11 token = registration.pkcs11() == null ? new Pkcs11(null, null, null, null, null) : registration.pkcs11();
        if (token.token() == null || !TOKEN_LABEL.matcher(token.token()).matches()) {
            throw StrongroomException.badRequest("token is required: the token's label (1-32 letters, digits, spaces, '.', '_', '-')",
                    "token");
        }
        if (token.modulePath() == null || !token.modulePath().startsWith("/") || token.modulePath().contains("\n")
                || token.modulePath().length() > 300) {
            throw StrongroomException.badRequest("modulePath is required: the absolute path of the token's PKCS#11 module, "
                    + "e.g. /usr/lib/softhsm/libsofthsm2.so", "modulePath");
        }
        if (token.slotListIndex() != null && (token.slotListIndex() < 0 || token.slotListIndex() > 1000)) {
            throw StrongroomException.badRequest("slotListIndex is the token's place in the module's slot list: 0 to 1000",
                    "slotListIndex");
        }
        if (registration.region() == null || !REGION.matcher(registration.region()).matches()) {
            throw StrongroomException.badRequest("region is required: where the token stands, as vaults name their regions", "region");
        }
        optional(registration.subscriptionId(), "subscriptionId");
        if (registration.credentialType() != CredentialType.Pin) {
            throw StrongroomException.badRequest("credential.type must be Pin for a PKCS#11 token", "credential.type");
        }
        byte[] pin = sealedPin != null ? sealedPin : credentialType == CredentialType.Pin ? sealedClientSecret : null;
        if (pin == null) {
            throw StrongroomException.badRequest("credential.pin is required: the token's user PIN", "credential.pin");
        }
        kind = Kind.Pkcs11;
        keyVaultUrl = Pkcs11Uri.ORIGIN + token.token();
        region = registration.region();
        subscriptionId = registration.subscriptionId();
        credentialType = CredentialType.Pin;
        tenantId = null;
        clientId = null;
        sealedClientSecret = pin;
        authorityHost = null;
        trustedCertificates = null;
        modulePath = token.modulePath();
        slotListIndex = token.slotListIndex() == null ? 0 : token.slotListIndex();
        softDeleteStated = Boolean.TRUE.equals(token.softDeleteEnabled());
        purgeProtectionStated = Boolean.TRUE.equals(token.purgeProtectionEnabled());
    }
    /** Whether {@code keyUri} names a key of this key manager: its scheme, host and port are the key vault URL's. */
    public boolean holds(URI keyUri) {
        return keyVaultUrl.equals(origin(keyUri));
    }

    /**
     * {@code https://host[:port]} of a URI, host in lower case, the default port left out; {@code pkcs11:token=...}
     * of a PKCS#11 URI; empty for any other.
     */
    public static String origin(URI uri) {
        if ("pkcs11".equalsIgnoreCase(uri.getScheme())) {
            return Pkcs11Uri.parse(uri.toString()).map(key -> Pkcs11Uri.ORIGIN + key.token()).orElse("");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return "";
        }
        int port = uri.getPort() == 443 ? -1 : uri.getPort();
        return "https://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
    }

    /** The context the secret (client secret or PIN) is sealed under: bound to this registration's name. */
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

    /** Where a client secret is turned into tokens: the registration's, else Microsoft Entra ID's; none for a token. */
    public String authorityHost() {
        return kind == Kind.Pkcs11 ? null : authorityHost == null ? AZURE_AUTHORITY : authorityHost;
    }

    public Optional<String> trustedCertificates() {
        return Optional.ofNullable(trustedCertificates);
    }

    /** For a PKCS#11 token: its module, slot index and the admin's statements; else empty. */
    public Optional<Pkcs11> pkcs11() {
        return kind != Kind.Pkcs11 ? Optional.empty() : Optional.of(new Pkcs11(keyVaultUrl.substring(Pkcs11Uri.ORIGIN.length()),
                modulePath, slotListIndex, softDeleteStated, purgeProtectionStated));
    }

    public Instant registered() {
        return registered;
    }

    /** Changes with every update: a connection made for an older version is made again. */
    public long version() {
        return version;
    }
}
