package org.strongroom.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A key on a PKCS#11 token as RFC 7512 names it: {@code pkcs11:token=<label>;object=<label>}, values
 * percent-encoded. Other path attributes ({@code id}, {@code type}, {@code manufacturer}, ...) are allowed
 * and not needed; a query ({@code ?pin-value=...}) is refused — a PIN never travels in a key URI.
 */
public record Pkcs11Uri(String token, String object) {

    /** How the key URIs of a token begin: the token's origin, as a key vault URL is an https key's. */
    public static final String ORIGIN = "pkcs11:token=";

    /** The key URI, canonical: token and object only. */
    public String uri() {
        return ORIGIN + encode(token) + ";object=" + encode(object);
    }

    /** The key {@code uri} names, if it is a PKCS#11 URI with a token and an object and no query. */
    public static Optional<Pkcs11Uri> parse(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, "pkcs11:", 0, 7) || uri.contains("?") || uri.contains("#")) {
            return Optional.empty();
        }
        Map<String, String> attributes = new HashMap<>();
        for (String attribute : uri.substring(7).split(";", -1)) {
            int equals = attribute.indexOf('=');
            if (equals <= 0) {
                return Optional.empty();
            }
            String value;
            try {
                value = URLDecoder.decode(attribute.substring(equals + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (attributes.put(attribute.substring(0, equals), value) != null) {
                return Optional.empty();
            }
        }
        String token = attributes.get("token");
        String object = attributes.get("object");
        if (token == null || token.isEmpty() || object == null || object.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pkcs11Uri(token, object));
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
