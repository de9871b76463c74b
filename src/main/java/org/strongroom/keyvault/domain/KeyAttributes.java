package org.strongroom.keyvault.domain;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.strongroom.platform.StrongroomException;

/**
 * What a request sets on a key version: its attributes and its tags; {@code null} means "not given".
 * Tags follow Azure Key Vault's limits: at most 15, names of 1 to 512 characters, values of at most 256.
 */
public record KeyAttributes(Boolean enabled, Instant notBefore, Instant expires, Map<String, String> tags) {

    public static final KeyAttributes NONE = new KeyAttributes(null, null, null);

    static final int MAX_TAGS = 15;

    public KeyAttributes {
        if (tags != null) {
            if (tags.size() > MAX_TAGS) {
                throw StrongroomException.badRequest("A key has at most " + MAX_TAGS + " tags, not " + tags.size(), "tags");
            }
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (tag.getKey().isEmpty() || tag.getKey().length() > 512 || tag.getValue() == null
                        || tag.getValue().length() > 256) {
                    throw StrongroomException.badRequest("A tag's name has 1 to 512 characters and its value at most 256 ("
                            + "tag '" + tag.getKey().substring(0, Math.min(40, tag.getKey().length())) + "')", "tags");
                }
            }
            tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
        }
    }

    /** Attributes without tags. */
    public KeyAttributes(Boolean enabled, Instant notBefore, Instant expires) {
        this(enabled, notBefore, expires, null);
    }
}
