package org.strongroom.platform;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields a request may carry. A field the request does not know is refused, never ignored: a typo
 * such as {@code "targetPath"} for {@code "target"} must not quietly change what the request does. The
 * refusal names the unknown field and the known field it most likely meant.
 */
public final class KnownFields {

    /**
     * Words people bring from the cloud APIs they know, mapped to Strongroom's: Azure Resource Manager
     * calls a region {@code location}.
     */
    private static final Map<String, String> SYNONYMS = Map.of(
            "location", "region",
            "subscription", "subscriptionId",
            "keyid", "keyUri",
            "kid", "keyUri",
            "keyurl", "keyUri");

    private final List<String> names;

    private KnownFields(Collection<String> names) {
        this.names = names.stream().sorted().toList();
    }

    public static KnownFields of(Collection<String> names) {
        return new KnownFields(names);
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    /**
     * Refuses {@code name} unless it is known. {@code where} says where it stood (e.g. {@code target.}
     * for a field of the nested object {@code target}; empty at the top level), {@code what} names the
     * message (e.g. "the request body").
     */
    public void require(String where, String name, String what) {
        if (!contains(name)) {
            throw unknown(where, name, what);
        }
    }

    /** The refusal of an unknown field, with the known field it most likely meant. */
    public StrongroomException unknown(String where, String name, String what) {
        String field = where + name;
        String hint = likelyMeant(name).map(meant -> "; did you mean '" + where + meant + "'?").orElse(".");
        return StrongroomException.badRequest("Unknown field '" + field + "' in " + what + hint + " Known fields"
                + (where.isEmpty() ? "" : " of '" + where.substring(0, where.length() - 1) + "'") + ": "
                + String.join(", ", names), field);
    }

    /**
     * The known field {@code name} most likely stands for: a synonym, the same name in other case, a
     * known name it contains or that contains it (e.g. {@code targetPath} → {@code target}), or one a
     * couple of typing errors away.
     */
    public Optional<String> likelyMeant(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String synonym = SYNONYMS.get(lower);
        if (synonym != null && names.contains(synonym)) {
            return Optional.of(synonym);
        }
        Optional<String> sameLetters = names.stream().filter(known -> known.equalsIgnoreCase(name)).findFirst();
        if (sameLetters.isPresent()) {
            return sameLetters;
        }
        Optional<String> containing = names.stream()
                .filter(known -> known.length() >= 3 && lower.length() >= 3)
                .filter(known -> lower.contains(known.toLowerCase(Locale.ROOT)) || known.toLowerCase(Locale.ROOT).contains(lower))
                .max(Comparator.comparingInt(String::length));
        if (containing.isPresent()) {
            return containing;
        }
        int allowed = Math.max(1, Math.min(3, lower.length() / 3));
        return names.stream()
                .filter(known -> distance(lower, known.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt(known -> distance(lower, known.toLowerCase(Locale.ROOT))));
    }

    /** Levenshtein distance, counting a swap of two neighbouring letters as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
