package org.strongroom.activitylog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.strongroom.crypto.HashChain;

class ActivityRecordTest {

    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123456Z");

    private static ActivityChainHead genesis() throws Exception {
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
        ActivityRecord first = ActivityRecord.append(head, T0, "admin", "CreateKeyVault", "keyvaults/kv1",
                ActivityStatus.Succeeded, null);
        ActivityRecord second = ActivityRecord.append(head, T0, "admin", "CreateKey", "keyvaults/kv1/keys/k1",
                ActivityStatus.Failed, "Forbidden: no");
        assertEquals(1, first.sequence());
        assertEquals(HashChain.GENESIS, first.previousHash());
        assertEquals(first.hash(), second.previousHash());
        assertTrue(first.follows(null));
        assertTrue(second.follows(first));
    }

    @Test
    void alteredRecord_breaksTheChain() throws Exception {
        ActivityChainHead head = genesis();
        ActivityRecord first = ActivityRecord.append(head, T0, "admin", "CreateKeyVault", "keyvaults/kv1",
                ActivityStatus.Succeeded, "softDelete=true");
        set(first, "details", "softDelete=false");
        assertFalse(first.follows(null));
    }

    @Test
    void removedRecord_breaksTheChain() throws Exception {
        ActivityChainHead head = genesis();
        ActivityRecord first = ActivityRecord.append(head, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        ActivityRecord.append(head, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        ActivityRecord third = ActivityRecord.append(head, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        assertFalse(third.follows(first));
    }
}
