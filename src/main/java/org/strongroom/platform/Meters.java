package org.strongroom.platform;

import java.lang.reflect.Field;
import java.util.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Registers Strongroom's counters with a description, which Prometheus shows as the metric's HELP text.
 *
 * <p>Why not simply {@code Counter.builder(...).register(registry)}: the registry WildFly 39.0.1 gives a
 * deployment ({@code ApplicationRegistry}) forwards {@code registry.counter(name, tags)} to the server's
 * registry but keeps builder registrations to itself, where no endpoint sees them; later WildFly versions
 * forward them too (they override {@code newCounter}). On such a registry the counter is registered on the
 * server's registry it wraps, with the deployment tag that registry would have added — exactly the meter
 * {@code registry.counter(name, tags)} makes, plus its description. Elsewhere the builder is used as is.
 */
public final class Meters {

    private static final Logger LOG = Logger.getLogger(Meters.class.getName());
    private static final String DEPLOYMENT_TAG = "WF_DEPLOYMENT";

    private Meters() {
    }

    /** The counter {@code name} with {@code tags} (key, value, ...), described by {@code description}. */
    public static Counter counter(MeterRegistry registry, String name, String description, String baseUnit, String... tags) {
        Counter.Builder counter = Counter.builder(name).description(description).baseUnit(baseUnit).tags(tags);
        Target target = target(registry);
        if (target.deployment() != null) {
            counter.tag(DEPLOYMENT_TAG, target.deployment());
        }
        return counter.register(target.registry());
    }

    private record Target(MeterRegistry source, MeterRegistry registry, String deployment) {
    }

    /** The last registry looked at: a deployment has one. */
    private static volatile Target last;

    private static Target target(MeterRegistry registry) {
        Target known = last;
        if (known != null && known.source() == registry) {
            return known;
        }
        Target found = find(registry);
        last = found;
        return found;
    }

    private static Target find(MeterRegistry registry) {
        if (!registry.getClass().getName().endsWith(".ApplicationRegistry") || forwardsBuilders(registry.getClass())) {
            return new Target(registry, registry, null);
        }
        try {
            return new Target(registry, (MeterRegistry) field(registry, "parentRegistry"), (String) field(registry, "deploymentName"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning(() -> "Metrics are registered without their descriptions: " + e);
            return new Target(registry, registry, null);
        }
    }

    private static boolean forwardsBuilders(Class<?> type) {
        try {
            type.getDeclaredMethod("newCounter", Meter.Id.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
