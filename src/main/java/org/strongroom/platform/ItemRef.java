package org.strongroom.platform;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A protected item, by its vault and its name (1 to 100 letters, digits or {@code . _ -}, never {@code .}
 * or {@code ..}). Checked once, where it is made, so that the store's directories and the resource paths
 * built from it take it as it is.
 */
public record ItemRef(VaultName vault, String item) {

    /** The rule for an item's name, for the {@code PUT} that registers one. */
    public static final String NAME_PATTERN = "(?!\\.{1,2}$)[a-zA-Z0-9._-]{1,100}";

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    public ItemRef {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(item, "item");
        if (!NAME.matcher(item).matches()) {
            throw new IllegalArgumentException("An item name has 1 to 100 letters, digits or . _ -, not '" + item + "'");
        }
    }

    /** The item {@code item} of {@code vault}; {@link IllegalArgumentException} when the name cannot be one. */
    public static ItemRef of(VaultName vault, String item) {
        return new ItemRef(vault, item);
    }

    /** The item a request names by its vault's name and its own (a path's {@code {vault}} and {@code {item}}). */
    public static ItemRef requested(String vault, String item) {
        return requested(VaultName.requested(vault), item);
    }

    /** The item a request names: a name no item can have is an unknown item (404). */
    public static ItemRef requested(VaultName vault, String item) {
        if (item == null || !NAME.matcher(item).matches()) {
            throw StrongroomException.notFound("Vault '" + vault + "' has no item named '" + item + "'",
                    "vaults/" + vault + "/items/" + item);
        }
        return new ItemRef(vault, item);
    }

    @Override
    public String toString() {
        return vault + "/" + item;
    }
}
