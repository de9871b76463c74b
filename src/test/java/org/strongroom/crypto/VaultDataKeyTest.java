package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The chunking table is derived from the vault data key: the same key gives the same table, another key another. */
class VaultDataKeyTest {

    @Test
    void chunkBoundaryTable_isDerivedFromTheDataKey_sameKeySameTable_otherKeyOtherTable() {
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        second[0] = 1;
        try (KeyMaterial a = KeyMaterial.copyOf(first); KeyMaterial b = KeyMaterial.copyOf(first); KeyMaterial c = KeyMaterial.copyOf(second);
             VaultDataKey one = VaultDataKey.of("v1", a, null);
             VaultDataKey again = VaultDataKey.of("v1", b, null);
             VaultDataKey other = VaultDataKey.of("v1", c, null)) {
            assertEquals(256, one.chunkBoundaryTable().length);
            assertArrayEquals(one.chunkBoundaryTable(), again.chunkBoundaryTable());
            assertFalse(Arrays.equals(one.chunkBoundaryTable(), other.chunkBoundaryTable()));
            assertEquals(256, Arrays.stream(one.chunkBoundaryTable()).distinct().count(), "256 different words");
        }
    }
}
