package org.strongroom.keyvault.app;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.strongroom.platform.Meters;
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
            counter(operation, "ok").increment();
            return result;
        } catch (StrongroomException refused) {
            counter(operation, refused.code().name()).increment();
            throw refused;
        }
    }

    private Counter counter(String operation, String outcome) {
        return Meters.counter(registry, "strongroom.keyvault.operations", "Wrap and unwrap calls on the built-in key "
                + "vault's keys, over REST and from Strongroom's own jobs, by operation and outcome (ok, or the refusal's "
                + "error code)", null, "operation", operation, "outcome", outcome);
    }
}
