package org.strongroom.activitylog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.strongroom.crypto.HashChain;
import org.strongroom.crypto.KeyMaterial;

/**
 * The activity chain as the domain appends it: records link, any change or reordering breaks a link, fields are
 * clipped to their columns.
 */
class ActivityRecordTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123456Z");

    /** A chain key for the test: HMAC-SHA-256 under 32 bytes of 7. */
    static final ChainLinks KEY = (previous, fields) -> HashChain.link(KeyMaterial.copyOf(filled(7)), previous, fields);

    static byte[] filled(int value) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) value);
        return key;
    }

    static ActivityChainHead genesis() throws Exception {
        Constructor<ActivityChainHead> constructor = ActivityChainHead.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        ActivityChainHead head = constructor.newInstance();
        head.advance(0, HashChain.GENESIS);
        return head;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    @Test
    void appendedRecords_formAnIntactChain() throws Exception {
        ActivityChainHead head = genesis();
        ActivityRecord first = ActivityRecord.append(head, KEY, T0, "admin", "CreateKeyVault", "keyvaults/kv1",
                ActivityStatus.Succeeded, null);
        ActivityRecord second = ActivityRecord.append(head, KEY, T0, "admin", "CreateKey", "keyvaults/kv1/keys/k1",
                ActivityStatus.Failed, "Forbidden: no");
        assertEquals(1, first.sequence());
        assertEquals(HashChain.GENESIS, first.previousHash());
        assertEquals(first.hash(), second.previousHash());
        assertTrue(first.follows(null, KEY));
        assertTrue(second.follows(first, KEY));
    }

    @Test
    void alteredRecord_breaksTheChain() throws Exception {
        ActivityChainHead head = genesis();
        ActivityRecord first = ActivityRecord.append(head, KEY, T0, "admin", "CreateKeyVault", "keyvaults/kv1",
                ActivityStatus.Succeeded, "softDelete=true");
        set(first, "details", "softDelete=false");
        assertFalse(first.follows(null, KEY));
    }

    @Test
    void removedRecord_breaksTheChain() throws Exception {
        ActivityChainHead head = genesis();
        ActivityRecord first = ActivityRecord.append(head, KEY, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        ActivityRecord.append(head, KEY, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        ActivityRecord third = ActivityRecord.append(head, KEY, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        assertFalse(third.follows(first, KEY));
    }

    @Test
    void appendedRecords_areLinkedUnderTheChainKey_soThatPlainSha256DoesNotHold() throws Exception {
        ActivityChainHead head = genesis();
        ActivityRecord first = ActivityRecord.append(head, KEY, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        assertEquals(0L, head.keyedFrom());
        assertTrue(head.keyedAt(1));
        assertFalse(first.follows(null, HashChain::link), "a plain SHA-256 link would be recomputable without the key");
        ChainLinks otherKey = (previous, fields) -> HashChain.link(KeyMaterial.copyOf(filled(8)), previous, fields);
        assertFalse(first.follows(null, otherKey));
    }

    @Test
    void chainFromBeforeChainKeys_isKeyedFromItsEnd_andKeepsItsRecordsAsTheyWere() throws Exception {
        ActivityChainHead head = genesis();
        head.advance(41, "a".repeat(64));
        assertNull(head.keyedFrom());
        assertFalse(head.keyedAt(41));
        ActivityRecord next = ActivityRecord.append(head, KEY, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        assertEquals(41L, head.keyedFrom(), "records up to #41 keep their plain links");
        assertFalse(head.keyedAt(41));
        assertTrue(head.keyedAt(42));
        assertEquals("a".repeat(64), next.previousHash(), "the first keyed link covers the last plain one");
    }

    @Test
    void appendedRecord_keepsItsFields_clippedToTheirColumns() throws Exception {
        ActivityChainHead head = genesis();
        Instant time = Instant.parse("2026-12-01T10:00:00Z");
        ActivityRecord exact = ActivityRecord.append(head, KEY, time, "c".repeat(100), "o".repeat(100), "r".repeat(400),
                ActivityStatus.Failed, "d".repeat(ActivityRecord.MAX_DETAILS));
        assertEquals(java.util.List.of(time, "c".repeat(100), "o".repeat(100), "r".repeat(400), ActivityStatus.Failed,
                "d".repeat(ActivityRecord.MAX_DETAILS)), java.util.List.of(exact.time(), exact.caller(), exact.operation(),
                exact.resource(), exact.status(), exact.details()));
        ActivityRecord over = ActivityRecord.append(head, KEY, time, "c".repeat(101), "op", "res", ActivityStatus.Succeeded,
                "d".repeat(ActivityRecord.MAX_DETAILS + 1));
        assertEquals("c".repeat(99) + "…", over.caller());
        assertEquals(ActivityRecord.MAX_DETAILS, over.details().length());
        assertTrue(over.details().endsWith("…"));
    }

    @Test
    void verification_isIntactWithoutFinding_orBrokenWithOne() {
        assertEquals(new Verification(true, 3, null, null), Verification.intact(3));
        assertEquals(new Verification(false, 3, 2L, "edited"), Verification.broken(3, 2L, "edited"));
    }
}
