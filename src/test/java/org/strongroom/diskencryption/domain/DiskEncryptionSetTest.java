package org.strongroom.diskencryption.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;

/** Disk encryption sets: an identity of their own, name rules, and a key that changes only within their region. */
class DiskEncryptionSetTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void newSet_getsAnIdentityOfItsOwn_inItsTenant() {
        DiskEncryptionSet set = new DiskEncryptionSet("des-1", "westeurope", "https://kv/keys/k", "tenant-1", T0);
        DiskEncryptionSet other = new DiskEncryptionSet("des-2", "westeurope", "https://kv/keys/k", "tenant-1", T0);
        assertNotEquals(set.principalId(), other.principalId());
        assertEquals(36, set.principalId().length());
        assertEquals(java.util.List.of("des-1", "westeurope", "https://kv/keys/k", "tenant-1", T0, T0),
                java.util.List.of(set.name(), set.region(), set.keyUri(), set.tenantId(), set.created(), set.updated()));
    }

    @Test
    void name_isTwoToFiftyLettersDigitsOrHyphens() {
        new DiskEncryptionSet("ab", "r", "k", "t", T0);
        new DiskEncryptionSet("a".repeat(50), "r", "k", "t", T0);
        for (String bad : new String[] {null, "a", "a".repeat(51), "a_b", "a b"}) {
            StrongroomException refused = assertThrows(StrongroomException.class, () -> new DiskEncryptionSet(bad, "r", "k", "t", T0));
            assertEquals("name", refused.target());
        }
    }

    @Test
    void key_changesWithinTheSameRegionOnly() {
        DiskEncryptionSet set = new DiskEncryptionSet("des-1", "westeurope", "https://kv/keys/k", "tenant-1", T0);
        set.changeKey("WestEurope", "https://kv/keys/k2", T0.plusSeconds(5));
        assertEquals("https://kv/keys/k2", set.keyUri());
        assertEquals(T0.plusSeconds(5), set.updated());
        StrongroomException refused = assertThrows(StrongroomException.class, () -> set.changeKey("northeurope", "k3", T0));
        assertEquals(ErrorCode.Conflict, refused.code());
        assertEquals("https://kv/keys/k2", set.keyUri());
    }
}
