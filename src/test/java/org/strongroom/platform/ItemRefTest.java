package org.strongroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A protected item by its vault and name, checked once where it is made; an impossible name is an unknown item. */
class ItemRefTest {

    private static final VaultName V1 = VaultName.of("v1");

    @Test
    void itemRef_ofANameTheApiAllows_isKept() {
        assertEquals("files.1_a-b", ItemRef.of(V1, "files.1_a-b").item());
        assertEquals(V1, ItemRef.of(V1, "x").vault());
        assertEquals(100, ItemRef.of(V1, "a".repeat(100)).item().length());
    }

    @Test
    void itemRef_thatCouldLeaveItsDirectoryOrBreakAPath_isRefused() {
        for (String name : new String[] {"", ".", "..", "a/b", "../x", "a b", "a".repeat(101), "a\u0000"}) {
            assertThrows(IllegalArgumentException.class, () -> ItemRef.of(V1, name), name);
        }
    }

    @Test
    void requestedItem_whoseNameCannotExist_isAnUnknownItem() {
        StrongroomException refused = assertThrows(StrongroomException.class, () -> ItemRef.requested("v1", ".."));
        assertEquals(ErrorCode.NotFound, refused.code());
        assertEquals("vaults/v1/items/..", refused.target());
        assertEquals(ErrorCode.NotFound, assertThrows(StrongroomException.class, () -> ItemRef.requested("-/", "x")).code());
        assertEquals(ItemRef.of(V1, "files1"), ItemRef.requested("v1", "files1"));
    }
}
