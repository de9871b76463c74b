package org.strongroom.vault.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.platform.VaultName;

/**
 * A vault's rules (SPEC 1-4, 10-12, 18, 19) without a server: identity, key assignment and its job, no revert,
 * moves, the key bound to the identity it was assigned for.
 */
class VaultTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final String KEY_A = "http://sr/api/keyvaults/kv/keys/a/" + "a".repeat(32);
    private static final String KEY_B = "http://sr/api/keyvaults/kv/keys/b/" + "b".repeat(32);

    private static Vault vault() {
        return new Vault(VaultName.of("v1"), "westeurope", "sub-1", "rg-1", "tenant-1", new byte[] {9, 9}, T0);
    }

    /** A vault with an identity and customer-managed key A in force. */
    private static Vault cmkVault() {
        Vault vault = vault();
        vault.enableIdentity(UUID.randomUUID(), T0);
        UUID job = UUID.randomUUID();
        vault.keyUpdateRequested(job, KEY_A, "sub-k", InfrastructureEncryption.Enabled, T0);
        vault.completeKeyUpdate(job, KEY_A, KEY_A, false, new byte[] {1}, T0);
        vault.keyUpdateEnded(job, true, T0);
        return vault;
    }

    private static void assertRefused(ErrorCode code, Runnable action) {
        StrongroomException e = assertThrows(StrongroomException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
    }

    @Test
    void newVault_isPlatformManagedWithItsDataKeyUnderThePlatformKey() {
        Vault vault = vault();
        assertEquals(EncryptionAtRestType.PlatformManaged, vault.encryptionType());
        assertEquals(KeyUpdateStatus.NotStarted, vault.lastUpdateStatus());
        assertTrue(vault.dataKeyWrappedBy().isEmpty());
        assertEquals(IdentityType.None, vault.identity().type());
    }

    @Test
    void update_toAnotherRegion_isRefusedWithConflict() {
        StrongroomException e = assertThrows(StrongroomException.class,
                () -> vault().update("northeurope", "sub-1", "rg-1", T0));
        assertEquals(ErrorCode.Conflict, e.code());
        assertEquals("region", e.target());
    }

    @Test
    void update_toAnotherResourceGroupOrSubscription_isRefusedAsAMove() {
        assertEquals("resourceGroup", assertThrows(StrongroomException.class,
                () -> vault().update("westeurope", "sub-1", "rg-2", T0)).target());
        assertEquals("subscriptionId", assertThrows(StrongroomException.class,
                () -> vault().update("westeurope", "sub-2", "rg-1", T0)).target());
    }

    @Test
    void assignKey_withoutIdentity_isRefused() {
        assertRefused(ErrorCode.UserErrorManagedIdentityNotEnabled, () -> vault().checkKeyUpdateAllowed(null));
    }

    @Test
    void assignKey_whenVaultHadAnItemOrAttempt_isRefused() {
        Vault vault = vault();
        vault.enableIdentity(UUID.randomUUID(), T0);
        vault.itemRegistrationAttempted(T0);
        assertRefused(ErrorCode.UserErrorVaultHasProtectedItems, () -> vault.checkKeyUpdateAllowed(null));
    }

    @Test
    void firstAssignment_isRefusedAtCompletionIfAnItemAppearedMeanwhile() {
        Vault vault = vault();
        vault.enableIdentity(UUID.randomUUID(), T0);
        UUID job = UUID.randomUUID();
        vault.keyUpdateRequested(job, KEY_A, "sub-k", null, T0);
        vault.itemRegistrationAttempted(T0);
        assertRefused(ErrorCode.UserErrorVaultHasProtectedItems,
                () -> vault.completeKeyUpdate(job, KEY_A, KEY_A, false, new byte[] {1}, T0));
        assertEquals(EncryptionAtRestType.PlatformManaged, vault.encryptionType());
    }

    @Test
    void changingTheKey_isAllowedEvenWithItems() {
        Vault vault = cmkVault();
        vault.itemRegistrationAttempted(T0);
        assertFalse(vault.checkKeyUpdateAllowed(null));
    }

    @Test
    void secondKeyUpdate_whileOneRuns_isConflict() {
        Vault vault = cmkVault();
        vault.keyUpdateRequested(UUID.randomUUID(), KEY_B, "sub-k", null, T0);
        assertEquals(KeyUpdateStatus.InProgress, vault.lastUpdateStatus());
        assertRefused(ErrorCode.Conflict, () -> vault.keyUpdateRequested(UUID.randomUUID(), KEY_A, "sub-k", null, T0));
    }

    @Test
    void completedKeyUpdate_putsKeyAndWrappedDataKeyInForceTogether_andStaysPendingUntilItsJobEnds() {
        Vault vault = cmkVault();
        UUID job = UUID.randomUUID();
        vault.keyUpdateRequested(job, KEY_B, "sub-k2", null, T0);
        vault.completeKeyUpdate(job, KEY_B, KEY_B, false, new byte[] {2}, T0);
        assertEquals(KEY_B, vault.activeKeyId());
        assertEquals(KEY_B, vault.dataKeyWrappedBy().orElseThrow());
        assertArrayEquals(new byte[] {2}, vault.wrappedDataKey());
        assertEquals("sub-k2", vault.keyVaultSubscriptionId());
        assertEquals(KeyUpdateStatus.InProgress, vault.lastUpdateStatus());
        assertRefused(ErrorCode.Conflict, () -> vault.checkKeyUpdateAllowed(null));

        assertTrue(vault.keyUpdateEnded(job, true, T0));
        assertEquals(KeyUpdateStatus.Succeeded, vault.lastUpdateStatus());
        assertTrue(vault.pendingKeyUpdate().isEmpty());
        assertFalse(vault.checkKeyUpdateAllowed(null), "once its job has ended, the next update may start");
    }

    @Test
    void failedKeyUpdate_leavesThePreviousKeyInForce() {
        Vault vault = cmkVault();
        UUID job = UUID.randomUUID();
        vault.keyUpdateRequested(job, KEY_B, "sub-k", null, T0);
        assertFalse(vault.keyUpdateEnded(UUID.randomUUID(), false, T0), "another job's ending changes nothing");
        assertTrue(vault.pendingKeyUpdate().isPresent());
        assertTrue(vault.keyUpdateEnded(job, false, T0));
        assertEquals(KEY_A, vault.activeKeyId());
        assertArrayEquals(new byte[] {1}, vault.wrappedDataKey());
        assertEquals(KeyUpdateStatus.Failed, vault.lastUpdateStatus());
        assertTrue(vault.pendingKeyUpdate().isEmpty());
    }

    @Test
    void revertToPlatformManaged_onceCmk_isRefused() {
        vault().requirePlatformManagedRevertAllowed();
        assertRefused(ErrorCode.UserErrorCmkCannotBeReverted, () -> cmkVault().requirePlatformManagedRevertAllowed());
    }

    @Test
    void identityNone_whileCmk_isRefused_andOtherwiseAllowed() {
        assertRefused(ErrorCode.UserErrorIdentityInUse, () -> cmkVault().disableIdentity(T0));
        Vault plain = vault();
        plain.enableIdentity(UUID.randomUUID(), T0);
        plain.disableIdentity(T0);
        assertEquals(IdentityType.None, plain.identity().type());
    }

    @Test
    void enableIdentity_keepsAValidIdentity() {
        Vault vault = vault();
        assertTrue(vault.enableIdentity(UUID.randomUUID(), T0));
        String principal = vault.identity().principalId();
        assertFalse(vault.enableIdentity(UUID.randomUUID(), T0));
        assertEquals(principal, vault.identity().principalId());
        assertEquals("tenant-1", vault.identity().tenantId());
    }

    @Test
    void infrastructureEncryption_isChosenOnceAtFirstConfiguration() {
        Vault vault = cmkVault();
        assertEquals(InfrastructureEncryption.Enabled, vault.infrastructureEncryption());
        assertRefused(ErrorCode.Conflict, () -> vault.checkKeyUpdateAllowed(InfrastructureEncryption.Disabled));
        assertFalse(vault.checkKeyUpdateAllowed(InfrastructureEncryption.Enabled));
    }

    @Test
    void moveAcrossResourceGroupOrSubscription_ofCmkVault_isRefused() {
        assertRefused(ErrorCode.UserErrorCmkVaultMoveNotSupported, () -> cmkVault().move("rg-2", null, null, T0));
        assertRefused(ErrorCode.UserErrorCmkVaultMoveNotSupported, () -> cmkVault().move(null, "sub-2", null, T0));
        Vault plain = vault();
        plain.move("rg-2", "sub-2", null, T0);
        assertEquals("rg-2", plain.resourceGroup());
        assertEquals("sub-2", plain.subscriptionId());
    }

    @Test
    void tenantMove_invalidatesTheIdentity_untilItIsRecreated() {
        Vault vault = cmkVault();
        vault.move(null, null, "tenant-2", T0);
        assertFalse(vault.identityValid());
        assertRefused(ErrorCode.UserErrorIdentityInvalidAfterTenantMove, vault::requireUsableIdentity);
        assertRefused(ErrorCode.UserErrorIdentityInvalidAfterTenantMove, () -> vault.checkKeyUpdateAllowed(null));
        assertTrue(vault.enableIdentity(UUID.randomUUID(), T0));
        assertEquals("tenant-2", vault.identity().tenantId());
        vault.requireUsableIdentity();
    }

    @Test
    void keyInForce_afterTenantMove_isUsableOnlyOnceAssignedAgainForTheRecreatedIdentity() {
        Vault vault = cmkVault();
        String before = vault.requireIdentityOfTheKey();
        assertTrue(vault.keyAssignedFor(before));
        vault.move(null, null, "tenant-2", T0);
        assertRefused(ErrorCode.UserErrorIdentityInvalidAfterTenantMove, vault::requireIdentityOfTheKey);
        vault.enableIdentity(UUID.randomUUID(), T0);
        String recreated = vault.requireUsableIdentity();
        assertRefused(ErrorCode.UserErrorIdentityInvalidAfterTenantMove, vault::requireIdentityOfTheKey);
        assertFalse(vault.keyAssignedFor(recreated));

        UUID job = UUID.randomUUID();
        vault.keyUpdateRequested(job, KEY_A, "sub-k", null, T0);
        vault.completeKeyUpdate(job, KEY_A, KEY_A, false, new byte[] {1}, T0);
        vault.keyUpdateEnded(job, true, T0);
        assertEquals(recreated, vault.requireIdentityOfTheKey());
    }

    @Test
    void agentOrClassicWorkload_inCmkVault_isRefused() {
        assertRefused(ErrorCode.UserErrorWorkloadNotSupportedWithCmk, () -> cmkVault().requireWorkloadAllowed("Agent", true));
        cmkVault().requireWorkloadAllowed("Files", false);
        vault().requireWorkloadAllowed("Agent", true);
    }

    @Test
    void follows_onlyTheVersionlessKeyItWasAssigned() {
        Vault vault = vault();
        vault.enableIdentity(UUID.randomUUID(), T0);
        UUID job = UUID.randomUUID();
        String versionless = "http://sr/api/keyvaults/kv/keys/a";
        vault.keyUpdateRequested(job, versionless, "sub-k", null, T0);
        vault.completeKeyUpdate(job, versionless, KEY_A, true, new byte[] {1}, T0);
        assertTrue(vault.follows(versionless));
        assertTrue(vault.autoRotation());
        assertFalse(vault.follows("http://sr/api/keyvaults/kv/keys/b"));
        assertFalse(cmkVault().follows(KEY_A), "a pinned vault follows nothing");
    }

    @Test
    void moveToTheResourceGroupAndSubscriptionItIsIn_isNoMove_evenWithAKey() {
        Vault vault = cmkVault();
        vault.move("rg-1", "sub-1", null, T0);
        assertEquals(List.of("rg-1", "sub-1", "tenant-1"), List.of(vault.resourceGroup(), vault.subscriptionId(), vault.tenantId()));
        Vault plain = vault();
        plain.move(null, "sub-2", null, T0);
        assertEquals(List.of("rg-1", "sub-2"), List.of(plain.resourceGroup(), plain.subscriptionId()));
    }

    @Test
    void keyUpdateAllowed_saysWhetherItIsTheFirstConfiguration() {
        Vault first = vault();
        first.enableIdentity(UUID.randomUUID(), T0);
        assertTrue(first.checkKeyUpdateAllowed(InfrastructureEncryption.Enabled));
        assertFalse(cmkVault().checkKeyUpdateAllowed(null));
        Vault vault = cmkVault();
        assertEquals(List.of(VaultName.of("v1"), "westeurope", KEY_A, false), List.of(vault.name(), vault.region(), vault.keyUri(), vault.autoRotation()));
        assertFalse(vault.hadItem());
        assertEquals(List.of(T0, T0), List.of(vault.created(), vault.updated()));
    }
}
