package org.strongroom.activitylog.domain;

import java.time.Instant;

/**
 * A search over the log: {@code resource} matches the resource itself and everything below it
 * ({@code keyvaults/kv1} includes {@code keyvaults/kv1/keys/k1}); times bound inclusively. Newest first.
 */
public record ActivityQuery(String resource, Instant from, Instant to, int limit) {
}
