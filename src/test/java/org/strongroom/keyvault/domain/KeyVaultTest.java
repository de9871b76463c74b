package org.strongroom.keyvault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/** Key vaults: soft delete and purge protection (irreversible), retention bounds, access policies per principal. */
class KeyVaultTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private static KeyVault keyVault(Boolean softDelete, Integer days, Boolean purgeProtection) {
        return KeyVault.create("kv1", "westeurope", "sub-1", "rg-1", softDelete, days, purgeProtection, T0);
    }

    private static void assertRefused(ErrorCode code, String target, Runnable action) {
        StrongroomException e = assertThrows(StrongroomException.class, action::run);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(target, e.target());
    }

    @Test
    void create_withTheAuthorityHostsName_isRefused() {
        for (String name : new String[] {"login", "LOGIN"}) {
            assertRefused(ErrorCode.BadRequest, "name", () -> KeyVault.create(name, "westeurope", "sub-1", "rg-1", null, null, null, T0));
        }
    }

    @Test
    void create_defaultsToSoftDeleteFor90DaysWithoutPurgeProtection() {
        KeyVault kv = keyVault(null, null, null);
        assertTrue(kv.softDeleteEnabled());
        assertEquals(90, kv.softDeleteRetentionDays());
        assertFalse(kv.purgeProtectionEnabled());
        assertEquals("Recoverable+Purgeable", kv.recoveryLevel());
    }

    @Test
    void softDelete_cannotBeTurnedOff_is409() {
        assertRefused(ErrorCode.Conflict, "softDeleteEnabled", () -> keyVault(true, null, null).changeProtection(false, null, T0));
    }

    @Test
    void purgeProtection_cannotBeTurnedOff_is409() {
        assertRefused(ErrorCode.Conflict, "purgeProtectionEnabled",
                () -> keyVault(true, null, true).changeProtection(null, false, T0));
    }

    @Test
    void protection_canBeTurnedOnLater() {
        KeyVault kv = keyVault(false, null, null);
        assertEquals("Purgeable", kv.recoveryLevel());
        kv.changeProtection(true, true, T0);
        assertTrue(kv.softDeleteEnabled() && kv.purgeProtectionEnabled());
        assertEquals("Recoverable", kv.recoveryLevel());
        kv.changeProtection(true, true, T0);
    }

    @Test
    void purgeProtection_withoutSoftDelete_isRefused() {
        assertRefused(ErrorCode.BadRequest, "purgeProtectionEnabled", () -> keyVault(false, null, true));
        assertRefused(ErrorCode.BadRequest, "purgeProtectionEnabled",
                () -> keyVault(false, null, null).changeProtection(null, true, T0));
    }

    @Test
    void retentionDays_outside7to90_areRefused() {
        assertRefused(ErrorCode.BadRequest, "softDeleteRetentionDays", () -> keyVault(true, 6, null));
        assertRefused(ErrorCode.BadRequest, "softDeleteRetentionDays", () -> keyVault(true, 91, null));
        assertEquals("CustomizedRecoverable+Purgeable", keyVault(true, 7, null).recoveryLevel());
    }

    @Test
    void update_cannotChangeRegionRetentionOrTurnProtectionOff() {
        KeyVault kv = keyVault(true, 30, true);
        assertRefused(ErrorCode.Conflict, "region", () -> kv.update("northeurope", "sub-1", "rg-1", null, null, null, T0));
        assertRefused(ErrorCode.Conflict, "resourceGroup", () -> kv.update("westeurope", "sub-1", "rg-2", null, null, null, T0));
        assertRefused(ErrorCode.Conflict, "softDeleteRetentionDays", () -> kv.update("westeurope", "sub-1", "rg-1", null, 60, null, T0));
        assertRefused(ErrorCode.Conflict, "purgeProtectionEnabled", () -> kv.update("westeurope", "sub-1", "rg-1", null, null, false, T0));
        kv.update("westeurope", "sub-1", "rg-1", true, 30, true, T0);
    }

    @Test
    void accessPolicy_grantsExactlyItsPermissions_andCanBeReplacedOrRemoved() {
        KeyVault kv = keyVault(true, null, true);
        String principal = "5c1f0e2a-9b2d-4f7c-8e1a-3b6d0f9e8c7a";
        assertTrue(kv.permissionsOf(principal).isEmpty());
        kv.setAccessPolicy(principal, EnumSet.of(KeyPermission.GET, KeyPermission.WRAP_KEY), T0);
        assertEquals(Set.of(KeyPermission.GET, KeyPermission.WRAP_KEY), kv.permissionsOf(principal));
        kv.setAccessPolicy(principal, EnumSet.of(KeyPermission.UNWRAP_KEY), T0);
        assertEquals(Set.of(KeyPermission.UNWRAP_KEY), kv.permissionsOf(principal));
        assertEquals(1, kv.accessPolicies().size());
        kv.removeAccessPolicy(principal, T0);
        assertTrue(kv.permissionsOf(principal).isEmpty());
        assertRefused(ErrorCode.NotFound, "keyvaults/kv1/accessPolicies/" + principal, () -> kv.removeAccessPolicy(principal, T0));
    }

    @Test
    void accessPolicy_forMalformedPrincipal_isRefused() {
        assertRefused(ErrorCode.BadRequest, "principalId",
                () -> keyVault(true, null, null).setAccessPolicy("no spaces allowed", EnumSet.of(KeyPermission.GET), T0));
    }

    @Test
    void keyPermission_wireNames_roundTrip_andUnknownAreRefused() {
        for (KeyPermission permission : KeyPermission.values()) {
            assertEquals(permission, KeyPermission.of(permission.wireName()));
        }
        assertEquals(KeyPermission.IMPORT, KeyPermission.of("import"));
        assertThrows(IllegalArgumentException.class, () -> KeyPermission.of("WrapKey"));
    }

    @Test
    void accessPolicies_arePerPrincipal_replacedNotMerged_andRemovedOneByOne() {
        KeyVault kv = keyVault(true, 7, true);
        String alice = java.util.UUID.randomUUID().toString();
        String bob = java.util.UUID.randomUUID().toString();
        kv.setAccessPolicy(alice, java.util.EnumSet.of(KeyPermission.GET, KeyPermission.WRAP_KEY), T0);
        kv.setAccessPolicy(bob, java.util.EnumSet.of(KeyPermission.UNWRAP_KEY), T0);
        kv.setAccessPolicy(alice, java.util.EnumSet.of(KeyPermission.LIST), T0);
        assertEquals(java.util.EnumSet.of(KeyPermission.LIST), kv.permissionsOf(alice));
        assertEquals(java.util.EnumSet.of(KeyPermission.UNWRAP_KEY), kv.permissionsOf(bob));
        kv.removeAccessPolicy(alice, T0);
        assertTrue(kv.permissionsOf(alice).isEmpty());
        assertEquals(java.util.EnumSet.of(KeyPermission.UNWRAP_KEY), kv.permissionsOf(bob), "only alice's policy went");
        assertRefused(ErrorCode.NotFound, "keyvaults/kv1/accessPolicies/" + alice, () -> kv.removeAccessPolicy(alice, T0));
        assertEquals("CustomizedRecoverable", kv.recoveryLevel());
        assertEquals(java.util.List.of("kv1", "westeurope", "sub-1", "rg-1"),
                java.util.List.of(kv.name(), kv.region(), kv.subscriptionId(), kv.resourceGroup()));
    }

    @Test
    void retention_isSevenToNinetyDays() {
        assertEquals(7, keyVault(true, 7, null).softDeleteRetentionDays());
        assertEquals(90, keyVault(true, 90, null).softDeleteRetentionDays());
        assertRefused(ErrorCode.BadRequest, "softDeleteRetentionDays", () -> keyVault(true, 6, null));
        assertRefused(ErrorCode.BadRequest, "softDeleteRetentionDays", () -> keyVault(true, 91, null));
        assertFalse(keyVault(false, null, null).softDeleteEnabled());
    }
}
