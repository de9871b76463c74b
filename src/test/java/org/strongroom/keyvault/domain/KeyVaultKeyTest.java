package org.strongroom.keyvault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/**
 * Keys and versions: the newest is current, deleted keys recover, disabled, expired, not-yet-valid versions and
 * operations outside key_ops are refused, a refused update changes nothing.
 */
class KeyVaultKeyTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(2047).add(BigInteger.valueOf(12345));
    private static final BigInteger E = BigInteger.valueOf(65537);

    private static KeyVersion addVersion(KeyVaultKey key, String id, KeyAttributes attributes) {
        return key.addVersion(id, MODULUS, E, new byte[] {1}, null, attributes, T0);
    }

    private static void assertRefused(ErrorCode code, Runnable action) {
        StrongroomException e = assertThrows(StrongroomException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
    }

    @Test
    void newestVersion_isTheCurrentOne() {
        KeyVaultKey key = new KeyVaultKey("kv1", "k1", T0);
        addVersion(key, "a".repeat(32), KeyAttributes.NONE);
        KeyVersion second = addVersion(key, "b".repeat(32), KeyAttributes.NONE);
        assertEquals(second, key.current());
        assertEquals(2, second.sequence());
        assertEquals(2048, second.keySize());
        assertTrue(key.version("a".repeat(32)).isPresent());
    }

    @Test
    void deletedKey_keepsItsVersions_refusesNewOnes_andRecovers() {
        KeyVaultKey key = new KeyVaultKey("kv1", "k1", T0);
        addVersion(key, "a".repeat(32), KeyAttributes.NONE);
        key.softDelete(T0, Duration.ofDays(7));
        assertTrue(key.isDeleted());
        assertEquals(T0.plus(Duration.ofDays(7)), key.scheduledPurgeAt().orElseThrow());
        assertRefused(ErrorCode.Conflict, () -> addVersion(key, "b".repeat(32), KeyAttributes.NONE));
        key.recover();
        assertFalse(key.isDeleted());
        assertEquals(1, key.versions().size());
        assertRefused(ErrorCode.Conflict, key::recover);
    }

    @Test
    void disabledVersion_refusesUseWithKeyDisabled() {
        KeyVersion version = addVersion(new KeyVaultKey("kv1", "k1", T0), "a".repeat(32), new KeyAttributes(false, null, null));
        assertRefused(ErrorCode.KeyDisabled, () -> version.requireUsable("wrapKey", T0));
    }

    @Test
    void expiredVersion_refusesUseWithKeyExpired() {
        KeyVersion version = addVersion(new KeyVaultKey("kv1", "k1", T0), "a".repeat(32),
                new KeyAttributes(true, null, T0.plusSeconds(60)));
        version.requireUsable("wrapKey", T0.plusSeconds(59));
        assertRefused(ErrorCode.KeyExpired, () -> version.requireUsable("wrapKey", T0.plusSeconds(60)));
    }

    @Test
    void versionBeforeItsNotBefore_refusesUseWithKeyNotYetValid() {
        KeyVersion version = addVersion(new KeyVaultKey("kv1", "k1", T0), "a".repeat(32),
                new KeyAttributes(true, T0.plusSeconds(60), null));
        assertRefused(ErrorCode.KeyNotYetValid, () -> version.requireUsable("unwrapKey", T0));
        version.requireUsable("unwrapKey", T0.plusSeconds(60));
    }

    @Test
    void operationOutsideKeyOps_isForbidden() {
        KeyVersion version = new KeyVaultKey("kv1", "k1", T0).addVersion("a".repeat(32), MODULUS, E, new byte[] {1},
                Set.of("wrapKey"), KeyAttributes.NONE, T0);
        version.requireUsable("wrapKey", T0);
        assertRefused(ErrorCode.Forbidden, () -> version.requireUsable("unwrapKey", T0));
    }

    @Test
    void update_reportsReEnabling_andKeepsUnsetAttributes() {
        KeyVersion version = addVersion(new KeyVaultKey("kv1", "k1", T0), "a".repeat(32),
                new KeyAttributes(true, null, T0.plusSeconds(600)));
        assertFalse(version.update(new KeyAttributes(false, null, null), null, T0));
        assertTrue(version.update(new KeyAttributes(true, null, null), null, T0));
        assertEquals(T0.plusSeconds(600), version.expires());
    }

    @Test
    void notBeforeAfterExpiry_andUnknownOperations_areRefused() {
        KeyVaultKey key = new KeyVaultKey("kv1", "k1", T0);
        assertRefused(ErrorCode.BadRequest, () -> addVersion(key, "a".repeat(32),
                new KeyAttributes(true, T0.plusSeconds(10), T0)));
        assertRefused(ErrorCode.BadRequest, () -> key.addVersion("b".repeat(32), MODULUS, E, new byte[] {1},
                Set.of("launchMissiles"), KeyAttributes.NONE, T0));
    }

    @Test
    void update_changesOnlyWhatItNames_andChecksTheNewWindow() {
        KeyVersion version = addVersion(new KeyVaultKey("kv1", "k1", T0), "a".repeat(32), new KeyAttributes(false, null, null));
        assertFalse(version.update(new KeyAttributes(null, T0.plusSeconds(5), T0.plusSeconds(50)), Set.of("wrapKey"), T0));
        assertFalse(version.enabled(), "unset enabled stays as it was");
        assertEquals(T0.plusSeconds(5), version.notBefore());
        assertEquals(T0.plusSeconds(50), version.expires());
        assertEquals(Set.of("wrapKey"), version.operations());
        assertRefused(ErrorCode.BadRequest, () -> version.update(new KeyAttributes(null, T0.plusSeconds(60), null), Set.of("sign"), T0));
        assertEquals(T0.plusSeconds(5), version.notBefore(), "a refused update changes nothing");
        assertEquals(Set.of("wrapKey"), version.operations());
        assertTrue(version.update(new KeyAttributes(true, null, null), null, T0));
        assertTrue(version.enabled());
        assertEquals("keyvault/kv1/keys/k1/" + "a".repeat(32), version.sealingContext());
        assertEquals(List.of(MODULUS, E, "RSA"), List.of(version.modulus(), version.publicExponent(), version.kty()));
    }

    @Test
    void deletedKey_cannotBeDeletedAgain_andNamesItself() {
        KeyVaultKey key = new KeyVaultKey("kv1", "k1", T0);
        addVersion(key, "a".repeat(32), KeyAttributes.NONE);
        key.softDelete(T0, Duration.ofDays(7));
        assertRefused(ErrorCode.Conflict, () -> key.softDelete(T0, Duration.ofDays(7)));
        assertEquals(List.of("kv1", "k1"), List.of(key.keyVault(), key.name()));
        assertEquals(java.util.Optional.of(T0), key.deletedAt());
        assertTrue(key.version("c".repeat(32)).isEmpty());
    }

    @Test
    void tags_areKeptPerVersion_replacedByAnUpdateThatGivesThem_andKeptByOneThatDoesNot() {
        KeyVersion version = addVersion(new KeyVaultKey("kv1", "k1", T0), "a".repeat(32),
                new KeyAttributes(true, null, null, java.util.Map.of("owner", "backup-team", "env", "prod")));
        assertEquals(java.util.Map.of("env", "prod", "owner", "backup-team"), version.tags());
        version.update(new KeyAttributes(false, null, null), null, T0);
        assertEquals(2, version.tags().size(), "an update without tags keeps them");
        version.update(new KeyAttributes(null, null, null, java.util.Map.of("env", "test")), null, T0);
        assertEquals(java.util.Map.of("env", "test"), version.tags());
        version.update(new KeyAttributes(null, null, null, java.util.Map.of()), null, T0);
        assertEquals(java.util.Map.of(), version.tags(), "empty tags clear them");
    }

    @Test
    void tags_beyondAzureKeyVaultsLimits_areRefused() {
        java.util.Map<String, String> sixteen = new java.util.HashMap<>();
        for (int i = 0; i < 16; i++) {
            sixteen.put("t" + i, "v");
        }
        assertRefused(ErrorCode.BadRequest, () -> new KeyAttributes(null, null, null, sixteen));
        assertRefused(ErrorCode.BadRequest, () -> new KeyAttributes(null, null, null, java.util.Map.of("", "v")));
        assertRefused(ErrorCode.BadRequest, () -> new KeyAttributes(null, null, null, java.util.Map.of("n".repeat(513), "v")));
        assertRefused(ErrorCode.BadRequest, () -> new KeyAttributes(null, null, null, java.util.Map.of("n", "v".repeat(257))));
    }
}
