package org.strongroom.restore.domain;

import org.strongroom.platform.StrongroomException;

/**
 * Where a restore writes, as the request names it: another path, or — only when the request says so —
 * the item's original location. Never chosen by omission: a request without a target, or with a
 * misspelt one, must not aim a restore at live data.
 */
public record RestoreTarget(String path, boolean originalLocation) {

    /** What a refusal for existing files tells the caller to do. */
    public static final String OVERWRITE_HINT = "restore to another target.path, or (as an admin) add \"overwrite\": true to the "
            + "request body (beside \"target\") to replace those files with the recovery point's versions";

    public RestoreTarget {
        if (originalLocation && path != null) {
            throw StrongroomException.badRequest("Name either target.path or target.originalLocation, not both",
                    "target");
        }
        if (!originalLocation && (path == null || path.isBlank())) {
            throw StrongroomException.badRequest("target.path is required (the directory, or for a disk the image file, "
                    + "to write), unless target.originalLocation is true", "target.path");
        }
    }

    /** The target of a request; {@code originalLocation} absent counts as false. */
    public static RestoreTarget of(String path, Boolean originalLocation) {
        return new RestoreTarget(path, Boolean.TRUE.equals(originalLocation));
    }

    /** Refuses a request that names no target at all. */
    public static RestoreTarget required(RestoreTarget target) {
        if (target == null) {
            throw StrongroomException.badRequest("A restore names its target: \"target\": {\"path\": \"/restore/here\"} "
                    + "writes to another place; \"target\": {\"originalLocation\": true} writes back to the item's own "
                    + "source (existing files there are kept unless \"overwrite\": true)", "target");
        }
        return target;
    }
}
