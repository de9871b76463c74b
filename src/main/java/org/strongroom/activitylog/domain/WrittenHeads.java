package org.strongroom.activitylog.domain;

import java.util.Optional;

/** Where the chain's head is written out, out of the database's reach. */
public interface WrittenHeads {

    void write(WrittenHead head);

    /** The head last written; empty before the first. */
    Optional<WrittenHead> read();
}
