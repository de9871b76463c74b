package org.strongroom.activitylog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The chain's head as the server last wrote it out, where whoever can write the database cannot rewrite
 * it (the chunk store, and the server log): a deleted or rewritten tail is found by comparing the chain
 * with it. Signed under the chain key, so that it cannot be forged either.
 */
public record WrittenHead(long sequence, String hash, long keyedFrom, Instant written, String signature) {

    private static final String SIGNED = "strongroom written activity head";

    /** A head signed under {@code key}. */
    public static WrittenHead sign(ActivityChainHead head, Instant written, ChainLinks key) {
        long keyedFrom = Objects.requireNonNull(head.keyedFrom(), "the chain is keyed before its head is written out");
        return new WrittenHead(head.lastSequence(), head.lastHash(), keyedFrom, written,
                key.link(SIGNED, fields(head.lastSequence(), head.lastHash(), keyedFrom, written)));
    }

    /** Whether this head is the one {@code head} stands at: nothing new to write out. */
    public boolean standsAt(ActivityChainHead head) {
        return sequence == head.lastSequence() && hash.equals(head.lastHash()) && Objects.equals(keyedFrom, head.keyedFrom());
    }

    /**
     * What the chain as the database holds it contradicts in this head, if anything: a signature that
     * does not hold, a chain keyed from elsewhere, a chain ending before this head (a deleted tail), or
     * another record where this head's was (a rewritten chain).
     *
     * @param chainKeyedFrom   where the database's chain says links become keyed
     * @param chainEnd         the last record the database holds
     * @param hashAtSequence   the link of the database's record at {@link #sequence()}, if it has one
     */
    public Optional<Contradiction> contradiction(ChainLinks key, Long chainKeyedFrom, long chainEnd,
                                          Optional<String> hashAtSequence) {
        String when = "the head written out at " + written;
        if (!signature.equals(key.link(SIGNED, fields(sequence, hash, keyedFrom, written)))) {
            return Optional.of(new Contradiction(null, "The activity log's head in the store is not signed with the "
                    + "chain key: it has been forged or damaged"));
        }
        if (!Objects.equals(chainKeyedFrom, keyedFrom)) {
            long first = chainKeyedFrom == null ? keyedFrom + 1 : Math.min(chainKeyedFrom, keyedFrom) + 1;
            return Optional.of(new Contradiction(first, "The chain is keyed after record #" + chainKeyedFrom
                    + " in the database, but after #" + keyedFrom + " by " + when + ": the database has been rewritten"));
        }
        if (chainEnd < sequence) {
            return Optional.of(new Contradiction(chainEnd + 1, "The chain ends at record #" + chainEnd + ", but " + when
                    + " reached #" + sequence + ": records #" + (chainEnd + 1) + " to #" + sequence + " have been deleted"));
        }
        if (sequence > 0 && !hashAtSequence.map(hash::equals).orElse(false)) {
            return Optional.of(new Contradiction(sequence, "Record #" + sequence + " is not the one " + when
                    + " ended with: the chain has been rewritten"));
        }
        return Optional.empty();
    }

    /** What was found, and the first record it concerns ({@code null} for none). */
    public record Contradiction(Long firstSequence, String finding) {
    }

    private static List<String> fields(long sequence, String hash, long keyedFrom, Instant written) {
        return List.of(Long.toString(sequence), hash, Long.toString(keyedFrom), written.toString());
    }
}
