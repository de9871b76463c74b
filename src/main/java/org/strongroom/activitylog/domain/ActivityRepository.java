package org.strongroom.activitylog.domain;

import java.util.List;
import java.util.Optional;

/** Where the log is kept. Callers run inside a transaction. */
public interface ActivityRepository {

    /** The chain head, locked until the transaction ends. */
    ActivityChainHead lockHead();

    /** The chain head as it stands, not locked. */
    ActivityChainHead head();

    /** The link of the record with {@code sequence}, if there is one. */
    Optional<String> hashAt(long sequence);

    void add(ActivityRecord record);

    List<ActivityRecord> search(ActivityQuery query);

    /** Records with sequence numbers above {@code after}, ascending, at most {@code limit}. */
    List<ActivityRecord> after(long after, int limit);
}
