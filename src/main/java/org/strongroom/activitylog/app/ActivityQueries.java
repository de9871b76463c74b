package org.strongroom.activitylog.app;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.domain.ActivityChainHead;
import org.strongroom.activitylog.domain.ActivityQuery;
import org.strongroom.activitylog.domain.ActivityRecord;
import org.strongroom.activitylog.domain.ActivityRepository;
import org.strongroom.activitylog.domain.Verification;
import org.strongroom.activitylog.domain.WrittenHead;
import org.strongroom.activitylog.domain.WrittenHeads;

/** Reads the log and checks its chain. */
@ApplicationScoped
public class ActivityQueries {

    private static final int PAGE = 1000;

    @Inject
    ActivityRepository records;

    @Inject
    WrittenHeads writtenHeads;

    @Inject
    ChainKey chainKey;

    @Transactional
    public List<ActivityRecord> search(ActivityQuery query) {
        return records.search(query);
    }

    /**
     * Walks the whole chain from the first record, each link checked under the chain key (plain SHA-256
     * up to where keying began), and stops at the first broken link; then compares the end of the chain
     * with the chain head in the database and with the head last written out to the store. The written
     * head is read first and the database's head next, so that records appended meanwhile only extend
     * what is compared.
     */
    @Transactional
    public Verification verify() {
        Optional<WrittenHead> written = writtenHeads.read();
        ActivityChainHead head = records.head();
        ActivityRecord previous = null;
        String hashAtHead = null;
        String hashAtWritten = null;
        long count = 0;
        List<ActivityRecord> page;
        do {
            page = records.after(previous == null ? 0 : previous.sequence(), PAGE);
            for (ActivityRecord record : page) {
                if (!record.follows(previous, chainKey.linksAt(head, record.sequence()))) {
                    return Verification.broken(count, record.sequence(), "Record #" + record.sequence()
                            + " has been altered, or does not follow record #" + (record.sequence() - 1)
                            + ": its link does not hold");
                }
                if (record.sequence() == head.lastSequence()) {
                    hashAtHead = record.hash();
                }
                if (written.isPresent() && record.sequence() == written.get().sequence()) {
                    hashAtWritten = record.hash();
                }
                previous = record;
                count++;
            }
        } while (page.size() == PAGE);
        long end = previous == null ? 0 : previous.sequence();
        if (head.lastSequence() > 0 && !head.lastHash().equals(hashAtHead)) {
            return headRowContradicted(head, end, count);
        }
        Optional<String> writtenHash = Optional.ofNullable(hashAtWritten);
        Optional<WrittenHead.Contradiction> contradiction = written.flatMap(writtenHead -> writtenHead.contradiction(
                chainKey, head.keyedFrom(), end, writtenHash));
        if (contradiction.isPresent()) {
            return Verification.broken(count, contradiction.get().firstSequence(), contradiction.get().finding());
        }
        return Verification.intact(count);
    }

    /** The head row in the database does not name the chain's last record: a deleted tail, or a rewrite. */
    private static Verification headRowContradicted(ActivityChainHead head, long end, long count) {
        if (end < head.lastSequence()) {
            return Verification.broken(count, end + 1, "The chain ends at record #" + end + ", but its head in the database says #"
                    + head.lastSequence() + ": the records after #" + end + " have been deleted");
        }
        return Verification.broken(count, head.lastSequence(), "The chain's head in the database is not its record #"
                + head.lastSequence() + ": it has been rewritten");
    }
}
