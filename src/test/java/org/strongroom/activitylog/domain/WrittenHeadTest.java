package org.strongroom.activitylog.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strongroom.crypto.HashChain;
import org.strongroom.crypto.KeyMaterial;

/**
 * The head written out of the database's reach: signed with the chain key, and what each chain that contradicts
 * it says (deleted tail, rewritten chain, moved keying).
 */
class WrittenHeadTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static WrittenHead writtenAtThirdRecord() throws Exception {
        ActivityChainHead head = ActivityRecordTest.genesis();
        for (int i = 0; i < 3; i++) {
            ActivityRecord.append(head, ActivityRecordTest.KEY, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        }
        return WrittenHead.sign(head, T0, ActivityRecordTest.KEY);
    }

    private static Optional<WrittenHead.Contradiction> check(WrittenHead written, Long keyedFrom, long end, String hashThere) {
        return written.contradiction(ActivityRecordTest.KEY, keyedFrom, end, Optional.ofNullable(hashThere));
    }

    @Test
    void chainThatExtendsTheWrittenHead_contradictsNothing() throws Exception {
        WrittenHead written = writtenAtThirdRecord();
        assertTrue(check(written, 0L, 3, written.hash()).isEmpty());
        assertTrue(check(written, 0L, 9, written.hash()).isEmpty());
    }

    @Test
    void chainEndingBeforeTheWrittenHead_isADeletedTail() throws Exception {
        WrittenHead.Contradiction found = check(writtenAtThirdRecord(), 0L, 1, null).orElseThrow();
        assertEquals(2L, found.firstSequence());
        assertTrue(found.finding().contains("records #2 to #3 have been deleted"), found.finding());
    }

    @Test
    void otherRecordWhereTheWrittenHeadWas_isARewrittenChain() throws Exception {
        WrittenHead.Contradiction found = check(writtenAtThirdRecord(), 0L, 5, "b".repeat(64)).orElseThrow();
        assertEquals(3L, found.firstSequence());
        assertTrue(found.finding().contains("rewritten"), found.finding());
    }

    @Test
    void chainKeyedFromElsewhere_isARewrittenDatabase() throws Exception {
        WrittenHead written = writtenAtThirdRecord();
        WrittenHead.Contradiction found = check(written, 2L, 3, written.hash()).orElseThrow();
        assertEquals(1L, found.firstSequence());
        assertTrue(check(written, null, 3, written.hash()).isPresent(), "a chain made unkeyed again");
    }

    @Test
    void headNotSignedWithTheChainKey_isForged() throws Exception {
        WrittenHead written = writtenAtThirdRecord();
        WrittenHead forged = new WrittenHead(written.sequence() - 1, written.hash(), written.keyedFrom(), written.written(),
                written.signature());
        assertTrue(check(forged, 0L, 3, written.hash()).orElseThrow().finding().contains("not signed"));
        WrittenHead signedWithoutKey = new WrittenHead(3, written.hash(), 0, T0,
                HashChain.link("strongroom written activity head", java.util.List.of("3", written.hash(), "0", T0.toString())));
        assertTrue(check(signedWithoutKey, 0L, 3, written.hash()).isPresent());
        assertTrue(written.contradiction((previous, fields) -> HashChain.link(KeyMaterial.copyOf(new byte[32]), previous,
                fields), 0L, 3, Optional.of(written.hash())).isPresent(), "another key");
    }

    @Test
    void writtenHead_standsAtTheHeadItWasWrittenFrom_only() throws Exception {
        ActivityChainHead head = ActivityRecordTest.genesis();
        ActivityRecord.append(head, ActivityRecordTest.KEY, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        WrittenHead written = WrittenHead.sign(head, T0, ActivityRecordTest.KEY);
        assertTrue(written.standsAt(head));
        ActivityRecord.append(head, ActivityRecordTest.KEY, T0, "a", "op", "r", ActivityStatus.Succeeded, null);
        assertFalse(written.standsAt(head), "the chain moved on");
    }

    @Test
    void chainEndingExactlyAtTheWrittenHead_isIntact_andAChainKeyedLaterNamesTheFirstRecordConcerned() throws Exception {
        WrittenHead written = writtenAtThirdRecord();
        assertTrue(check(written, 0L, 3, written.hash()).isEmpty());
        assertEquals(3L, check(written, 0L, 2, null).orElseThrow().firstSequence());
        assertEquals(1L, check(written, null, 3, written.hash()).orElseThrow().firstSequence(),
                "a chain made unkeyed again is wrong from the first keyed record on");
        assertEquals(1L, check(written, 5L, 9, written.hash()).orElseThrow().firstSequence());
    }
}
