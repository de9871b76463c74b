package org.strongroom.keyvault.app;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

import org.strongroom.platform.StrongroomException;

/**
 * Key-vault cryptographic operations as Prometheus sees them: {@code strongroom_keyvault_operations_total}
 * by operation ({@code wrapKey}, {@code unwrapKey}) and outcome ({@code ok}, or the refusal's code, e.g.
 * {@code Forbidden}, {@code KeyDisabled}) — over REST and from Strongroom's own jobs alike.
 */
@ApplicationScoped
public class KeyVaultMetrics {

    @Inject
    MeterRegistry registry;

    <T> T count(String operation, Supplier<T> call) {
        try {
            T result = call.get();
            registry.counter("strongroom.keyvault.operations", "operation", operation, "outcome", "ok").increment();
            return result;
        } catch (StrongroomException refused) {
            registry.counter("strongroom.keyvault.operations", "operation", operation, "outcome", refused.code().name())
                    .increment();
            throw refused;
        }
    }
}
