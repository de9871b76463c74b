package org.strongroom.platform;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A vault's name: 2 to 50 letters, digits or hyphens (API.md). Checked once, where it is made, so that
 * everything past that point — the database, the chunk store's directories, the activity log's resource
 * paths — takes it as it is.
 */
public record VaultName(String value) implements Comparable<VaultName> {

    /** The rule, for Bean Validation on the {@code PUT} that creates a vault. */
    public static final String PATTERN = "[a-zA-Z0-9-]{2,50}";

    private static final Pattern NAME = Pattern.compile(PATTERN);

    public VaultName {
        Objects.requireNonNull(value, "value");
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("A vault name is 2 to 50 letters, digits or hyphens, not '" + value + "'");
        }
    }

    /** The name in {@code value}; {@link IllegalArgumentException} when it is not one. */
    public static VaultName of(String value) {
        return new VaultName(value);
    }

    /** The name in {@code value}, if it is one. */
    public static Optional<VaultName> parse(String value) {
        return value != null && NAME.matcher(value).matches() ? Optional.of(new VaultName(value)) : Optional.empty();
    }

    /**
     * The vault a request names (a path parameter, a JMS request's {@code vault}): a text that cannot be a
     * vault's name names no vault, and is refused as an unknown one is, with 404.
     */
    public static VaultName requested(String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw StrongroomException.notFound("No vault named '" + value + "'", "vaults/" + value);
        }
        return new VaultName(value);
    }

    @Override
    public int compareTo(VaultName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
