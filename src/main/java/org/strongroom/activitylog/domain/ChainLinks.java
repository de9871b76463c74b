package org.strongroom.activitylog.domain;

import java.util.List;

/**
 * How records are linked into the chain: a keyed MAC over the previous link and the record's fields,
 * under a key kept with the platform key, not in the database — so that whoever can write the database
 * cannot write links that hold.
 */
public interface ChainLinks {

    /** The link of a record with {@code fields} after the link {@code previous}. */
    String link(String previous, List<String> fields);
}
