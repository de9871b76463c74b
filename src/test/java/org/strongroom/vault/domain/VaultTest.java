package org.strongroom.vault.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

class VaultTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private static Vault vault() {
        return new Vault("v1", "westeurope", "sub-1", "rg-1", T0);
    }

    @Test
    void update_withSameValues_isAccepted() {
        Vault vault = vault();
        vault.update("westeurope", "sub-1", "rg-1", T0.plusSeconds(1));
        assertEquals(T0.plusSeconds(1), vault.updated());
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
        StrongroomException rg = assertThrows(StrongroomException.class,
                () -> vault().update("westeurope", "sub-1", "rg-2", T0));
        assertEquals("resourceGroup", rg.target());
        StrongroomException sub = assertThrows(StrongroomException.class,
                () -> vault().update("westeurope", "sub-2", "rg-1", T0));
        assertEquals("subscriptionId", sub.target());
        assertEquals(ErrorCode.Conflict, sub.code());
    }
}
