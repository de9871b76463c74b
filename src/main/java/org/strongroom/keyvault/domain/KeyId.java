package org.strongroom.keyvault.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key identifier: {@code {base}/api/keyvaults/{kv}/keys/{name}} (versionless: the key's newest version)
 * or {@code .../keys/{name}/{version}} (one version). Resolved by key vault, name and version; the
 * scheme, host and port must be this server's public base URL.
 */
public record KeyId(String keyVault, String name, Optional<String> version) {

    private static final Pattern PATH = Pattern.compile(
            "/api/keyvaults/(" + KeyVault.NAME_PATTERN + ")/keys/(" + KeyVaultKey.NAME_PATTERN + ")(?:/([0-9a-f]{32}))?/?");

    public static KeyId versioned(String keyVault, String name, String version) {
        return new KeyId(keyVault, name, Optional.of(version));
    }

    public static KeyId versionless(String keyVault, String name) {
        return new KeyId(keyVault, name, Optional.empty());
    }

    /**
     * Parses a key URI given by a client.
     *
     * @throws IllegalArgumentException if it is not a key URI of this server
     */
    public static KeyId parse(String uri, String base) {
        URI key;
        URI ours;
        try {
            key = new URI(uri);
            ours = new URI(base);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("'" + uri + "' is not a URI");
        }
        if (key.getScheme() == null || key.getHost() == null
                || !key.getScheme().equalsIgnoreCase(ours.getScheme())
                || !key.getHost().toLowerCase(Locale.ROOT).equals(ours.getHost().toLowerCase(Locale.ROOT))
                || port(key) != port(ours) || key.getRawUserInfo() != null || key.getRawFragment() != null
                || key.getRawQuery() != null) {
            throw new IllegalArgumentException("'" + uri + "' is not a key of this server (" + base + ")");
        }
        String prefix = ours.getRawPath() == null ? "" : ours.getRawPath().replaceAll("/$", "");
        String path = key.getRawPath();
        if (path == null || !path.startsWith(prefix)) {
            throw new IllegalArgumentException("'" + uri + "' is not a key URI");
        }
        Matcher matcher = PATH.matcher(path.substring(prefix.length()));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + uri + "' is not a key URI ({keyVaultUri}/keys/{name}[/{version}])");
        }
        return new KeyId(matcher.group(1), matcher.group(2), Optional.ofNullable(matcher.group(3)));
    }

    public boolean isVersionless() {
        return version.isEmpty();
    }

    public KeyId versionless() {
        return versionless(keyVault, name);
    }

    /** The URI of this key on a server at {@code base}. */
    public String uri(String base) {
        return keyVaultUri(base, keyVault) + "/keys/" + name + version.map(v -> "/" + v).orElse("");
    }

    public static String keyVaultUri(String base, String keyVault) {
        return base + "/api/keyvaults/" + keyVault;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
