package org.strongroom.restore.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.strongroom.platform.StrongroomException;

/**
 * The {@code paths} of a restore request: relative, "/"-separated paths inside the backed-up tree, as
 * the recovery point names them ("docs/a.txt", "docs"). Normalised here; whether they exist in the
 * point is checked when the job reads its manifest.
 */
public final class RestorePaths {

    /** At most this many paths in one request. */
    public static final int MAX_PATHS = 1000;

    private RestorePaths() {
    }

    /** The normalised paths, without duplicates; a refusal (target {@code paths}) names a bad one. */
    public static List<String> normalise(List<String> paths) {
        if (paths == null) {
            return List.of();
        }
        if (paths.size() > MAX_PATHS) {
            throw StrongroomException.badRequest("At most " + MAX_PATHS + " paths in one restore", "paths");
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String path : paths) {
            normalised.add(normalise(path));
        }
        return new ArrayList<>(normalised);
    }

    private static String normalise(String path) {
        if (path == null || path.isBlank() || path.length() > 4096) {
            throw StrongroomException.badRequest("Each of paths is a non-empty path inside the backed-up tree", "paths");
        }
        String trimmed = path.replaceAll("/+", "/");
        if (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        for (String segment : trimmed.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0) {
                throw StrongroomException.badRequest("'" + path + "' is not a path inside the backed-up tree "
                        + "(relative to its root, without . or ..)", "paths");
            }
        }
        return trimmed;
    }

    /** Whether {@code entry} is {@code selected} or lies inside it. */
    public static boolean covers(String selected, String entry) {
        return entry.equals(selected) || entry.startsWith(selected + "/");
    }
}
