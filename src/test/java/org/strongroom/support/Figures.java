package org.strongroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the reliability tests measured, one line per test in target/reliability/{name}.txt (relative to
 * the project directory, which is the working directory of the test JVM and of the server that
 * Arquillian starts), for docs/reliability.md.
 */
public final class Figures {

    private Figures() {
    }

    public static void record(String name, String line) {
        try {
            Path file = Path.of("target", "reliability", name + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("[reliability] " + line);
    }
}
