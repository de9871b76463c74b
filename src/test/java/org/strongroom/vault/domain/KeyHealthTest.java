package org.strongroom.vault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.strongroom.keyvault.KeyRequirements;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.platform.VaultName;

/** What the key health probe warns of, ahead of a failing backup; and that a report changes only with its findings. */
class KeyHealthTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Set<String> ALL = Set.copyOf(KeyRequirements.PERMISSIONS);

    private static ResolvedKey key(boolean enabled, Instant notBefore, Instant expires) {
        return new ResolvedKey("https://kv1.vault.strongroom.local/keys/k/v1", "https://kv1.vault.strongroom.local/keys/k", "v1",
                "RSA", 2048, enabled, notBefore, expires);
    }

    @Test
    void aUsableKey_withEveryPermission_givesNoWarning() {
        assertEquals(List.of(), KeyHealth.warningsFor(key(true, null, NOW.plus(Duration.ofDays(31))), ALL, NOW));
    }

    @Test
    void expiryWithin30Days_expired_disabled_notYetValid_andAMissingPermission_areEachAWarning() {
        assertTrue(KeyHealth.warningsFor(key(true, null, NOW.plus(Duration.ofDays(29))), ALL, NOW).get(0).contains("within 30 days"));
        assertTrue(KeyHealth.warningsFor(key(true, null, NOW), ALL, NOW).get(0).contains("UserErrorKeyExpired"));
        assertTrue(KeyHealth.warningsFor(key(false, null, null), ALL, NOW).get(0).contains("UserErrorKeyDisabled"));
        assertTrue(KeyHealth.warningsFor(key(true, NOW.plusSeconds(60), null), ALL, NOW).get(0).contains("UserErrorKeyNotYetValid"));
        List<String> missing = KeyHealth.warningsFor(key(true, null, null), Set.of("get", "list", "unwrapKey"), NOW);
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).contains("[wrapKey]"), missing.get(0));
    }

    @Test
    void record_saysWhetherTheFindingsChanged() {
        KeyHealth health = new KeyHealth(VaultName.of("v1"), NOW);
        assertFalse(health.record(List.of(), NOW));
        assertTrue(health.record(List.of("a", "b"), NOW));
        assertEquals(KeyHealth.Status.Warning, health.status());
        assertEquals(List.of("a", "b"), health.warnings());
        assertFalse(health.record(List.of("a", "b"), NOW.plusSeconds(1)));
        assertTrue(health.record(List.of(), NOW));
        assertEquals(KeyHealth.Status.Healthy, health.status());
    }
}
