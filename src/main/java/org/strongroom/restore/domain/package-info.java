/**
 * What a restore may ask for, checked once where it is made: the selected paths (relative, inside the
 * backed-up tree, at most a thousand — {@link org.strongroom.restore.domain.RestorePaths}), one target
 * (a path or the item's original location — {@link org.strongroom.restore.domain.RestoreTarget}), and the
 * request as its job carries it ({@link org.strongroom.restore.domain.RestoreRequest}).
 *
 * <p>Plain values with their rules; depends only on {@code platform} (error codes) and Jakarta JSON.
 */
package org.strongroom.restore.domain;
