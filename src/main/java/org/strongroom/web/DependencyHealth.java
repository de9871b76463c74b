package org.strongroom.web;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * Health of what the server calls but does not need to take work — remote key managers: reported by
 * {@code GET /api/health} beside the checks, never deciding its status (a key manager that is away fails
 * the jobs that need it, with a code of their own, not the server). Components provide it as a CDI bean.
 */
public interface DependencyHealth {

    List<Dependency> dependencies();

    /**
     * One dependency: {@code status} {@code REACHABLE}, {@code UNREACHABLE} (its last call failed, or its
     * circuit is open) or {@code UNKNOWN} (not called since the server started); the latency of its last
     * answered call. Errors are shown to admins only, where the dependency is managed.
     */
    @JsonbPropertyOrder({"kind", "name", "status", "latencyMs"})
    record Dependency(String kind, String name, String status, Long latencyMs) {
    }
}
