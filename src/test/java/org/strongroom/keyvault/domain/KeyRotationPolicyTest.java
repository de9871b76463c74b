package org.strongroom.keyvault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/** Rotation policies: Azure's limits, when their actions are due, and what new versions' expiry is. */
class KeyRotationPolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static KeyRotationPolicy policy(String expiry, String[]... actions) {
        return KeyRotationPolicy.of(List.of(actions), expiry);
    }

    private static KeyVersion version(Instant created, Instant expires) {
        KeyVaultKey key = new KeyVaultKey("kv1", "k", created);
        return key.addVersion("0123456789abcdef0123456789abcdef", BigInteger.valueOf(3233), BigInteger.valueOf(65537), new byte[] {1},
                null, new KeyAttributes(null, null, expires), created);
    }

    private static void assertRefused(String target, Runnable parse) {
        StrongroomException refused = assertThrows(StrongroomException.class, parse::run);
        assertEquals(ErrorCode.BadRequest, refused.code(), refused.getMessage());
        assertEquals(target, refused.target());
    }

    @Test
    void rotateAfterCreate_isDueThatLongAfterTheVersionWasCreated() {
        KeyRotationPolicy policy = policy("P1Y", new String[] {"rotate", "P90D", null});
        KeyVersion version = version(T0, null);
        assertFalse(policy.due(KeyRotationPolicy.Action.ROTATE, version, T0.plus(Duration.ofDays(89))));
        assertTrue(policy.due(KeyRotationPolicy.Action.ROTATE, version, T0.plus(Duration.ofDays(90))));
        assertEquals(Instant.parse("2027-12-01T00:00:00Z"), policy.expiryOf(T0));
    }

    @Test
    void beforeExpiry_isDueThatLongBeforeTheVersionExpires_andNeverWithoutExpiry() {
        KeyRotationPolicy policy = policy(null, new String[] {"Rotate", null, "P30D"}, new String[] {"Notify", null, "P7D"});
        KeyVersion expiring = version(T0, T0.plus(Duration.ofDays(100)));
        assertFalse(policy.due(KeyRotationPolicy.Action.ROTATE, expiring, T0.plus(Duration.ofDays(69))));
        assertTrue(policy.due(KeyRotationPolicy.Action.ROTATE, expiring, T0.plus(Duration.ofDays(70))));
        assertTrue(policy.due(KeyRotationPolicy.Action.NOTIFY, expiring, T0.plus(Duration.ofDays(93))));
        assertFalse(policy.due(KeyRotationPolicy.Action.ROTATE, version(T0, null), T0.plus(Duration.ofDays(3650))));
        assertNull(policy.expiryOf(T0));
    }

    @Test
    void defaultPolicy_notifies30DaysBeforeExpiry_andNeverRotates() {
        KeyVersion expiring = version(T0, T0.plus(Duration.ofDays(40)));
        assertTrue(KeyRotationPolicy.DEFAULT.due(KeyRotationPolicy.Action.NOTIFY, expiring, T0.plus(Duration.ofDays(10))));
        assertFalse(KeyRotationPolicy.DEFAULT.due(KeyRotationPolicy.Action.ROTATE, expiring, T0.plus(Duration.ofDays(3650))));
    }

    @Test
    void storedPolicy_readsBackTheSame() {
        KeyRotationPolicy policy = policy("P2Y", new String[] {"Rotate", "P18M", null}, new String[] {"Notify", null, "P30D"});
        assertEquals(policy, KeyRotationPolicy.fromJson(policy.toJson()));
        assertEquals(Period.ofMonths(18), KeyRotationPolicy.fromJson(policy.toJson()).lifetimeActions().get(0).timeAfterCreate());
    }

    @Test
    void triggersShorterThan7Days_orExpiryShorterThan28Days_areRefused() {
        assertRefused("lifetimeActions[0].trigger.timeAfterCreate", () -> policy(null, new String[] {"Rotate", "P6D", null}));
        assertRefused("lifetimeActions[0].trigger.timeBeforeExpiry", () -> policy("P1Y", new String[] {"Notify", null, "P1D"}));
        assertRefused("attributes.expiryTime", () -> policy("P27D", new String[] {"Rotate", "P7D", null}));
        assertRefused("attributes.expiryTime", () -> policy("P30D", new String[] {"Rotate", null, "P30D"}));
    }

    @Test
    void actionsWithoutOrWithTwoTriggers_twiceTheSameType_unknownTypes_orBadDurations_areRefused() {
        assertRefused("lifetimeActions[0].trigger", () -> policy(null, new String[] {"Rotate", null, null}));
        assertRefused("lifetimeActions[0].trigger", () -> policy(null, new String[] {"Rotate", "P30D", "P30D"}));
        assertRefused("lifetimeActions[1]", () -> policy(null, new String[] {"Rotate", "P30D", null}, new String[] {"Rotate", "P60D", null}));
        assertRefused("lifetimeActions[0].action.type", () -> policy(null, new String[] {"Delete", "P30D", null}));
        assertRefused("lifetimeActions[0].trigger.timeAfterCreate", () -> policy(null, new String[] {"Rotate", "PT30H", null}));
        assertRefused("lifetimeActions[0].trigger.timeAfterCreate", () -> policy(null, new String[] {"Rotate", "thirty days", null}));
    }
}
