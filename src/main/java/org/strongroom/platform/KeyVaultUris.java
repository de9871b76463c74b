package org.strongroom.platform;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where key vaults answer, and so what their URIs and key ids look like. Two forms:
 * <ul>
 *   <li>the <em>vault host</em> form, Azure Key Vault's: each key vault at the root of a host of its own under
 *       the key vault domain, {@code https://{kv}.{domain}[:port]}, whose keys are {@code .../keys/{name}/{version}}
 *       — the only form the Azure SDKs can use. Key vault URIs and key ids take it whenever a domain is set;</li>
 *   <li>the <em>path</em> form, {@code {publicBaseUrl}/api/keyvaults/{kv}}, which stays for HTTP Basic clients
 *       and curl, and which key ids take when no domain is set.</li>
 * </ul>
 * Both forms of a key id name the same key, so ids given out before a domain was set keep working.
 */
public record KeyVaultUris(String publicBaseUrl, Optional<String> domain, int port) {

    /** What a key vault's name may be (Azure's rule): 3 to 24 letters, digits and hyphens, a letter first, no hyphen last. */
    public static final String KEY_VAULT_NAME = "[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]";

    public static KeyVaultUris of(Settings settings) {
        return new KeyVaultUris(settings.publicBaseUrl(), settings.keyVaultDomain(), settings.keyVaultPort());
    }

    /** The URI of key vault {@code name}, in the vault host form when there is a domain. */
    public String keyVault(String name) {
        return domain.map(d -> "https://" + name.toLowerCase(Locale.ROOT) + "." + d + portSuffix())
                .orElseGet(() -> publicBaseUrl + "/api/keyvaults/" + name);
    }

    /** These addresses in the path form only, as before a key vault domain was set. */
    public KeyVaultUris withoutDomain() {
        return new KeyVaultUris(publicBaseUrl, Optional.empty(), port);
    }

    /** The first label of the authority's host ({@link #authority()}), which no key vault can have. */
    public static final String AUTHORITY_LABEL = "login";

    /**
     * The key vault whose host {@code host} is (a {@code Host} header or a URI's host, port left out): the
     * first label of a name directly under the domain, lower case; empty for any other host, and for the
     * authority's.
     */
    public Optional<String> keyVaultOfHost(String host) {
        if (domain.isEmpty() || host == null) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        String suffix = "." + domain.get();
        if (!name.endsWith(suffix)) {
            return Optional.empty();
        }
        String label = name.substring(0, name.length() - suffix.length());
        return label.matches(KEY_VAULT_NAME) && !label.equals(AUTHORITY_LABEL) ? Optional.of(label) : Optional.empty();
    }

    /**
     * The authority that issues tokens for the key vaults, as the Bearer challenge names it (its tenant
     * appended): {@code https://login.{domain}[:port]}. Empty without a domain.
     */
    public Optional<String> authority() {
        return domain.map(d -> "https://" + AUTHORITY_LABEL + "." + d + portSuffix());
    }

    /**
     * The resource that access tokens for the key vaults are for (their audience): {@code https://{domain}},
     * or the public URL when there is no domain.
     */
    public String resource() {
        return domain.map(d -> "https://" + d).orElse(publicBaseUrl);
    }

    /** Whether {@code uri} has the scheme, host and port of a key vault's vault host form. */
    public boolean isVaultHost(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) && keyVaultOfHost(uri.getHost()).isPresent()
                && (uri.getPort() == -1 ? 443 : uri.getPort()) == port;
    }

    private String portSuffix() {
        return port == 443 ? "" : ":" + port;
    }
}
