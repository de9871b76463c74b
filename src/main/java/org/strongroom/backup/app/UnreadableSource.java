package org.strongroom.backup.app;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A source file that could not be read on a worker thread: the file is skipped with a warning. Only
 * this — never a failure to write the store, which fails the backup — makes a file a skipped one.
 */
final class UnreadableSource extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    UnreadableSource(IOException cause) {
        super(cause);
    }
}
