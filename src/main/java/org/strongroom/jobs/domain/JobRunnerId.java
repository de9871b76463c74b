package org.strongroom.jobs.domain;

import java.util.Objects;

/**
 * Who runs a job: the server node (stable across restarts) and the boot of its application (new on
 * every start). A job claimed by an earlier boot of the same node was cut off by a crash or restart.
 */
public record JobRunnerId(String node, String boot) {

    public JobRunnerId {
        Objects.requireNonNull(node);
        Objects.requireNonNull(boot);
        if (node.contains("/") || boot.contains("/")) {
            throw new IllegalArgumentException("node and boot must not contain '/'");
        }
    }

    public static JobRunnerId parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Not a runner id: " + text);
        }
        return new JobRunnerId(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return node + "/" + boot;
    }
}
