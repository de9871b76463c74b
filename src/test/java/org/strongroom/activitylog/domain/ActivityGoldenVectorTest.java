package org.strongroom.activitylog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.strongroom.crypto.HashChain;
import org.strongroom.crypto.KeyMaterial;
import org.strongroom.crypto.PlatformKey;
import org.strongroom.golden.ByTheDoc;
import org.strongroom.golden.GoldenVectors;

/**
 * The activity-log links and the written head's signature of the golden vectors
 * (src/test/resources/golden/activity-log.properties, written from docs/format.md): Strongroom's records,
 * appended under the chain key derived from the golden platform keystore, must carry exactly those links.
 */
class ActivityGoldenVectorTest {

    private static final Properties GOLDEN = GoldenVectors.properties(GoldenVectors.directory().resolve("activity-log.properties"));

    private static ChainLinks chainKeyOfTheGoldenKeystore() {
        KeyMaterial key = PlatformKey.fromKeyStore(GoldenVectors.directory().resolve("platform-master-key.p12"),
                GoldenVectors.PLATFORM_KEYSTORE_PASSWORD.toCharArray()).derive("activity-log/chain");
        return (previous, fields) -> HashChain.link(key, previous, fields);
    }

    private static ActivityRecord append(ActivityChainHead head, ChainLinks links, List<String> fields) {
        return ActivityRecord.append(head, links, Instant.parse(fields.get(1)), fields.get(2), fields.get(3), fields.get(4),
                ActivityStatus.valueOf(fields.get(5)), fields.get(6));
    }

    @Test
    void appendedRecords_carryTheGoldenLinks() throws Exception {
        ChainLinks links = chainKeyOfTheGoldenKeystore();
        ActivityChainHead head = ActivityRecordTest.genesis();
        ActivityRecord first = append(head, links, GoldenVectors.RECORD_1);
        ActivityRecord second = append(head, links, GoldenVectors.RECORD_2);
        assertEquals(GoldenVectors.RECORD_1, first.hashedFields());
        assertEquals(GoldenVectors.RECORD_2, second.hashedFields());
        assertEquals(GOLDEN.getProperty("link1"), first.hash());
        assertEquals(GOLDEN.getProperty("link2"), second.hash());
        assertEquals(GOLDEN.getProperty("link1"), second.previousHash());

        WrittenHead written = WrittenHead.sign(head, Instant.parse(GoldenVectors.HEAD_WRITTEN), links);
        assertEquals(GOLDEN.getProperty("headSignature"), written.signature());
    }

    @Test
    void linksFromBeforeChainKeys_areTheGoldenSha256Links() {
        assertEquals(GOLDEN.getProperty("unkeyedLink1"), HashChain.link(HashChain.GENESIS, GoldenVectors.RECORD_1));
        assertEquals(GOLDEN.getProperty("unkeyedLink1"), ByTheDoc.unkeyedActivityLink(HashChain.GENESIS, GoldenVectors.RECORD_1));
    }
}
