package org.strongroom.activitylog.app;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.strongroom.activitylog.domain.ActivityQuery;
import org.strongroom.activitylog.domain.ActivityRecord;
import org.strongroom.activitylog.domain.ActivityRepository;

/** Reads the log and checks its chain. */
@ApplicationScoped
public class ActivityQueries {

    private static final int PAGE = 1000;

    @Inject
    ActivityRepository records;

    /** The outcome of a chain check: intact, or the first record that does not follow its predecessor. */
    public record Verification(boolean intact, long records, Long firstBrokenSequence) {
    }

    @Transactional
    public List<ActivityRecord> search(ActivityQuery query) {
        return records.search(query);
    }

    /** Walks the whole chain from the first record; stops at the first broken link. */
    @Transactional
    public Verification verify() {
        ActivityRecord previous = null;
        long count = 0;
        long after = 0;
        List<ActivityRecord> page;
        do {
            page = records.after(after, PAGE);
            for (ActivityRecord record : page) {
                if (!record.follows(previous)) {
                    return new Verification(false, count, record.sequence());
                }
                previous = record;
                count++;
            }
            after = previous == null ? after : previous.sequence();
        } while (page.size() == PAGE);
        return new Verification(true, count, null);
    }
}
