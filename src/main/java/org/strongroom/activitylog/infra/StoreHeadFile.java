package org.strongroom.activitylog.infra;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.strongroom.activitylog.domain.WrittenHead;
import org.strongroom.activitylog.domain.WrittenHeads;
import org.strongroom.platform.Settings;

/**
 * The written head as a file in the chunk store ({@code activity-log-head.properties}): written under a
 * temporary name and renamed into place, so that it is always whole.
 */
@ApplicationScoped
public class StoreHeadFile implements WrittenHeads {

    static final String NAME = "activity-log-head.properties";

    @Inject
    Settings settings;

    @Override
    public void write(WrittenHead head) {
        Path file = settings.storeDirectory().resolve(NAME);
        String text = "format=1\nsequence=" + head.sequence() + "\nhash=" + head.hash() + "\nkeyedFrom="
                + head.keyedFrom() + "\nwritten=" + head.written()
                + "\nsignature=" + head.signature() + "\n";
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".tmp-activity-head", ".properties");
            Files.writeString(temporary, text, StandardCharsets.ISO_8859_1);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the activity log's head to " + file, e);
        }
    }

    @Override
    public Optional<WrittenHead> read() {
        Path file = settings.storeDirectory().resolve(NAME);
        try {
            Properties head = new Properties();
            head.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
            return Optional.of(new WrittenHead(Long.parseLong(head.getProperty("sequence")), head.getProperty("hash"),
                    Long.parseLong(head.getProperty("keyedFrom")), Instant.parse(head.getProperty("written")), head.getProperty("signature")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the activity log's head from " + file, e);
        } catch (RuntimeException e) {
            return Optional.of(new WrittenHead(-1, "", -1, Instant.EPOCH, "unreadable")); // found forged: not signed
        }
    }
}
