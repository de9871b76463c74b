package org.strongroom.activitylog.app;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.domain.ActivityChainHead;
import org.strongroom.activitylog.domain.ActivityRepository;
import org.strongroom.activitylog.domain.WrittenHead;
import org.strongroom.activitylog.domain.WrittenHeads;
import org.strongroom.platform.Timestamps;

/**
 * Writes the chain's head out of the database's reach: to the store ({@link WrittenHeads}) and to the
 * server log, signed under the chain key, whenever it has moved. A head that the chain contradicts (a
 * deleted or rewritten tail) is never overwritten: it stays as the evidence that verification reports.
 */
@ApplicationScoped
public class ActivityHead {

    private static final Logger LOG = Logger.getLogger(ActivityHead.class.getName());

    @Inject
    ActivityRepository records;

    @Inject
    WrittenHeads writtenHeads;

    @Inject
    ChainKey chainKey;

    private volatile String lastReported;

    /** At start: keys the chain from its end if it is not keyed yet (a chain from before chain keys), and writes out its head. */
    @Transactional
    public void keyAndWriteOut() {
        records.lockHead().keyFromHere();
        writeOut();
    }

    /**
     * Writes out the head if it has moved since last written, unless the chain contradicts the head last
     * written; returns what was found then.
     */
    @Transactional
    public Optional<String> writeOut() {
        ActivityChainHead head = records.head();
        if (head.keyedFrom() == null) {
            return Optional.empty(); // not keyed yet: keyAndWriteOut comes first
        }
        Optional<WrittenHead> last = writtenHeads.read();
        if (last.isPresent()) {
            WrittenHead written = last.get();
            Optional<String> contradiction = written.contradiction(chainKey, head.keyedFrom(), head.lastSequence(),
                    records.hashAt(written.sequence())).map(WrittenHead.Contradiction::finding);
            if (contradiction.isPresent()) {
                if (!contradiction.get().equals(lastReported)) {
                    lastReported = contradiction.get();
                    LOG.severe(() -> "The activity log has been tampered with: " + lastReported + ". The head in "
                            + "the store is kept as evidence and not written over; see docs/operations.md");
                }
                return contradiction;
            }
            if (written.standsAt(head)) {
                return Optional.empty();
            }
        }
        WrittenHead now = WrittenHead.sign(head, Timestamps.now(), chainKey);
        writtenHeads.write(now);
        lastReported = null;
        LOG.info(() -> "Activity log head: record #" + now.sequence() + " link " + now.hash() + " (keyed after #"
                + now.keyedFrom() + "), signed " + now.signature());
        return Optional.empty();
    }
}
