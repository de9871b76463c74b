package org.strongroom.keyvault.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.strongroom.platform.KeyVaultUris;

/**
 * A key identifier: {@code {keyVaultUri}/keys/{name}} (versionless: the key's newest version) or
 * {@code .../keys/{name}/{version}} (one version), where the key vault URI is in either of the forms of
 * {@link KeyVaultUris}. Resolved by key vault, name and version.
 */
public record KeyId(String keyVault, String name, Optional<String> version) {

    private static final Pattern PATH_FORM = Pattern.compile(
            "/api/keyvaults/(" + KeyVault.NAME_PATTERN + ")(/keys/.*)");
    private static final Pattern KEY_PATH = Pattern.compile(
            "/keys/(" + KeyVaultKey.NAME_PATTERN + ")(?:/([0-9a-f]{32}))?/?");

    public static KeyId versioned(String keyVault, String name, String version) {
        return new KeyId(keyVault, name, Optional.of(version));
    }

    public static KeyId versionless(String keyVault, String name) {
        return new KeyId(keyVault, name, Optional.empty());
    }

    /**
     * Parses a key URI given by a client. In the vault host form the key vault is the host's first label,
     * in lower case: {@link KeyVaultUris#keyVaultOfHost}.
     *
     * @throws IllegalArgumentException if it is not a key URI of this server
     */
    public static KeyId parse(String uri, KeyVaultUris uris) {
        URI key;
        URI ours;
        try {
            key = new URI(uri);
            ours = new URI(uris.publicBaseUrl());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("'" + uri + "' is not a URI");
        }
        if (key.getScheme() == null || key.getHost() == null || key.getRawUserInfo() != null
                || key.getRawFragment() != null || key.getRawQuery() != null || key.getRawPath() == null) {
            throw new IllegalArgumentException("'" + uri + "' is not a key URI ({keyVaultUri}/keys/{name}[/{version}])");
        }
        if (uris.isVaultHost(key)) {
            return parseKeyPath(uri, uris.keyVaultOfHost(key.getHost()).orElseThrow(), key.getRawPath());
        }
        if (!key.getScheme().equalsIgnoreCase(ours.getScheme())
                || !key.getHost().toLowerCase(Locale.ROOT).equals(ours.getHost().toLowerCase(Locale.ROOT))
                || port(key) != port(ours)) {
            throw new IllegalArgumentException("'" + uri + "' is not a key of this server (" + uris.keyVault("{kv}") + ")");
        }
        String prefix = ours.getRawPath() == null ? "" : ours.getRawPath().replaceAll("/$", "");
        String path = key.getRawPath();
        Matcher matcher = PATH_FORM.matcher(path.startsWith(prefix) ? path.substring(prefix.length()) : "");
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + uri + "' is not a key URI ({keyVaultUri}/keys/{name}[/{version}])");
        }
        return parseKeyPath(uri, matcher.group(1), matcher.group(2));
    }

    private static KeyId parseKeyPath(String uri, String keyVault, String path) {
        Matcher matcher = KEY_PATH.matcher(path);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + uri + "' is not a key URI ({keyVaultUri}/keys/{name}[/{version}])");
        }
        return new KeyId(keyVault, matcher.group(1), Optional.ofNullable(matcher.group(2)));
    }

    public boolean isVersionless() {
        return version.isEmpty();
    }

    public KeyId versionless() {
        return versionless(keyVault, name);
    }

    /** The URI of this key: under {@link KeyVaultUris#keyVault}. */
    public String uri(KeyVaultUris uris) {
        return uris.keyVault(keyVault) + "/keys/" + name + version.map(v -> "/" + v).orElse("");
    }

    /** The URI of this key in each form the server answers to: {@link #uri} first, then the path form if that differs. */
    public List<String> uriForms(KeyVaultUris uris) {
        return Stream.of(uri(uris), uri(uris.withoutDomain())).distinct().toList();
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
