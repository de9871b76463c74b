package org.strongroom.keyvault;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strongroom.keyvault.KeyVaultClient.KeyVaultProperties;
import org.strongroom.keyvault.KeyVaultClient.ResolvedKey;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;

/** SPEC 5-9: each requirement on the key vault and the key refuses with its code when it does not hold. */
class KeyRequirementsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String PRINCIPAL = "principal-1";
    private static final KeyRequirements SEED = new KeyRequirements(false);
    private static final KeyRequirements LARGE_KEYS_ALLOWED = new KeyRequirements(true);

    private static final Set<String> ALL = Set.copyOf(KeyRequirements.PERMISSIONS);

    private static KeyVaultProperties keyVault(String region, boolean softDelete, boolean purgeProtection) {
        return new KeyVaultProperties("kv1", "https://kv1.vault.strongroom.local", region, "sub-1", softDelete, purgeProtection,
                "the test's key vault");
    }

    private static KeyVaultProperties goodKeyVault() {
        return keyVault("westeurope", true, true);
    }

    private static ResolvedKey key(String kty, int size, boolean enabled, Instant notBefore, Instant expires) {
        return new ResolvedKey("https://kv1.vault.strongroom.local/keys/k/v1", "https://kv1.vault.strongroom.local/keys/k", "v1",
                kty, size, enabled, notBefore, expires);
    }

    private static ResolvedKey rsa(int size) {
        return key("RSA", size, true, null, null);
    }

    private static void assertRefused(ErrorCode code, Runnable check) {
        StrongroomException refused = assertThrows(StrongroomException.class, check::run);
        assertEquals(code, refused.code());
        assertEquals("keyUri", refused.target());
    }

    @Test
    void keyVaultMeetingEveryRequirement_isAccepted() {
        assertDoesNotThrow(() -> SEED.checkKeyVault(goodKeyVault(), ALL, VaultName.of("v1"), "WestEurope", "sub-1", PRINCIPAL));
        assertDoesNotThrow(() -> SEED.checkKeyVault(goodKeyVault(), ALL, VaultName.of("v1"), "westeurope", null, PRINCIPAL),
                "without a subscription (automatic rotation) the one in force is kept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "list", "wrapKey", "unwrapKey"})
    void keyVault_withoutOneOfTheFourPermissions_isRefusedNamingIt(String withheld) {
        Set<String> granted = new LinkedHashSet<>(KeyRequirements.PERMISSIONS);
        granted.remove(withheld);
        StrongroomException refused = assertThrows(StrongroomException.class, () ->
                SEED.checkKeyVault(keyVault("westeurope", true, true), granted, VaultName.of("v1"), "westeurope", "sub-1", PRINCIPAL));
        assertEquals(ErrorCode.UserErrorKeyVaultPermissionsNotConfigured, refused.code());
        assertTrue(refused.getMessage().contains("key permissions [" + withheld + "]"), refused.getMessage());
    }

    @Test
    void keyVault_grantingNothing_isRefused() {
        assertRefused(ErrorCode.UserErrorKeyVaultPermissionsNotConfigured,
                () -> SEED.checkKeyVault(goodKeyVault(), Set.of(), VaultName.of("v1"), "westeurope", "sub-1", PRINCIPAL));
    }

    @Test
    void keyVault_withoutSoftDelete_orPurgeProtection_isRefused() {
        assertRefused(ErrorCode.UserErrorKeyVaultSoftDeleteNotEnabled,
                () -> SEED.checkKeyVault(keyVault("westeurope", false, true), ALL, VaultName.of("v1"), "westeurope", null, PRINCIPAL));
        assertRefused(ErrorCode.UserErrorKeyVaultPurgeProtectionNotEnabled,
                () -> SEED.checkKeyVault(keyVault("westeurope", true, false), ALL, VaultName.of("v1"), "westeurope", null, PRINCIPAL));
    }

    @Test
    void keyVault_inAnotherRegion_orSubscription_isRefused() {
        assertRefused(ErrorCode.UserErrorKeyVaultRegionMismatch,
                () -> SEED.checkKeyVault(goodKeyVault(), ALL, VaultName.of("v1"), "northeurope", "sub-1", PRINCIPAL));
        assertRefused(ErrorCode.UserErrorKeyVaultSubscriptionMismatch,
                () -> SEED.checkKeyVault(goodKeyVault(), ALL, VaultName.of("v1"), "westeurope", "sub-2", PRINCIPAL));
    }

    @Test
    void rsa2048_isAccepted_withOrWithoutTheLargeKeySetting() {
        assertDoesNotThrow(() -> SEED.checkKey(rsa(2048), NOW));
        assertDoesNotThrow(() -> LARGE_KEYS_ALLOWED.checkKey(rsa(2048), NOW));
        assertDoesNotThrow(() -> SEED.checkKey(key("RSA-HSM", 2048, true, null, null), NOW));
    }

    @ParameterizedTest
    @ValueSource(ints = {3072, 4096})
    void largeRsaKey_isRefusedByDefault_andAcceptedWithTheSetting(int size) {
        assertRefused(ErrorCode.UserErrorUnsupportedKeyType, () -> SEED.checkKey(rsa(size), NOW));
        assertDoesNotThrow(() -> LARGE_KEYS_ALLOWED.checkKey(rsa(size), NOW));
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 2047, 2049, 8192})
    void otherRsaSizes_areRefused_evenWithTheSetting(int size) {
        assertRefused(ErrorCode.UserErrorUnsupportedKeyType, () -> LARGE_KEYS_ALLOWED.checkKey(rsa(size), NOW));
    }

    @Test
    void ellipticCurveKey_isRefused() {
        assertRefused(ErrorCode.UserErrorUnsupportedKeyType, () -> LARGE_KEYS_ALLOWED.checkKey(key("EC", 256, true, null, null), NOW));
        assertRefused(ErrorCode.UserErrorUnsupportedKeyType, () -> SEED.checkKey(key("EC", 2048, true, null, null), NOW));
    }

    @Test
    void disabledKey_isRefused() {
        assertRefused(ErrorCode.UserErrorKeyDisabled, () -> SEED.checkKey(key("RSA", 2048, false, null, null), NOW));
    }

    @Test
    void expiredKey_isRefused_fromItsExpiryOn() {
        assertRefused(ErrorCode.UserErrorKeyExpired, () -> SEED.checkKey(key("RSA", 2048, true, null, NOW), NOW));
        assertDoesNotThrow(() -> SEED.checkKey(key("RSA", 2048, true, null, NOW.plusSeconds(1)), NOW));
    }

    @Test
    void keyNotYetValid_isRefused_untilItsStart() {
        assertRefused(ErrorCode.UserErrorKeyNotYetValid, () -> SEED.checkKey(key("RSA", 2048, true, NOW.plusSeconds(1), null), NOW));
        assertDoesNotThrow(() -> SEED.checkKey(key("RSA", 2048, true, NOW, null), NOW));
    }
}
