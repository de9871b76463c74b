package org.strongroom.restore.domain;

import org.strongroom.platform.StrongroomException;

/**
 * Where a restore writes, as the request names it: another path (a database, for a database), or — only when
 * the request says so — the item's original location. Never chosen by omission: a request without a target, or with a
 * misspelt one, must not aim a restore at live data.
 */
public record RestoreTarget(String path, String database, boolean originalLocation) {

    /** What a refusal for existing files tells the caller to do. */
    public static final String OVERWRITE_HINT = "restore to another target.path, or (as an admin) add \"overwrite\": true to the "
            + "request body (beside \"target\") to replace those files with the recovery point's versions";

    public RestoreTarget {
        int named = (path != null ? 1 : 0) + (database != null ? 1 : 0) + (originalLocation ? 1 : 0);
        if (named > 1) {
            throw StrongroomException.badRequest("Name one of target.path, target.database or target.originalLocation",
                    "target");
        }
        if (named == 0 || (path != null && path.isBlank())) {
            throw StrongroomException.badRequest("target.path is required (the directory, or for a disk the image file, "
                    + "to write; for a database target.database), unless target.originalLocation is true", "target.path");
        }
    }

    /** The target of a request; {@code originalLocation} absent counts as false. */
    public static RestoreTarget of(String path, String database, Boolean originalLocation) {
        return new RestoreTarget(path, database, Boolean.TRUE.equals(originalLocation));
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
