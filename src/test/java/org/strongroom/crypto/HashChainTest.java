package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class HashChainTest {

    @Test
    void link_isDeterministicHexSha256() {
        String hash = HashChain.link(HashChain.GENESIS, List.of("a", "b"));
        assertEquals(64, hash.length());
        assertEquals(hash, HashChain.link(HashChain.GENESIS, List.of("a", "b")));
    }

    @Test
    void changedFieldOrPreviousHash_changesTheLink() {
        String hash = HashChain.link(HashChain.GENESIS, List.of("admin", "CreateKey", "Succeeded"));
        assertNotEquals(hash, HashChain.link(HashChain.GENESIS, List.of("admin", "CreateKey", "Failed")));
        assertNotEquals(hash, HashChain.link("1".repeat(64), List.of("admin", "CreateKey", "Succeeded")));
    }

    @Test
    void fieldBoundaries_andNulls_areUnambiguous() {
        assertNotEquals(HashChain.link(HashChain.GENESIS, List.of("ab", "c")),
                HashChain.link(HashChain.GENESIS, List.of("a", "bc")));
        assertNotEquals(HashChain.link(HashChain.GENESIS, Arrays.asList("x", null)),
                HashChain.link(HashChain.GENESIS, List.of("x", "")));
    }
}
