package org.strongroom.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Activity-log links: deterministic, length-prefixed (field boundaries and nulls unambiguous), keyed links
 * unlike plain SHA-256.
 */
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

    @Test
    void keyedLink_dependsOnTheKey_andIsNotThePlainSha256() {
        List<String> fields = List.of("admin", "CreateKey", "Succeeded");
        String keyed = HashChain.link(KeyMaterial.copyOf(new byte[32]), HashChain.GENESIS, fields);
        assertEquals(64, keyed.length());
        assertEquals(keyed, HashChain.link(KeyMaterial.copyOf(new byte[32]), HashChain.GENESIS, fields));
        byte[] other = new byte[32];
        other[0] = 1;
        assertNotEquals(keyed, HashChain.link(KeyMaterial.copyOf(other), HashChain.GENESIS, fields));
        assertNotEquals(keyed, HashChain.link(HashChain.GENESIS, fields), "a writer without the key cannot compute it");
    }
}
