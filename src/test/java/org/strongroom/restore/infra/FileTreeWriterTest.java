package org.strongroom.restore.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.storage.domain.ChunkId;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.Manifest.Entry;

/** Where and how a restore writes, on a real file system: the boundaries no recovery point can move. */
class FileTreeWriterTest {

    private static final byte[] CONTENT = "restored".getBytes(StandardCharsets.UTF_8);
    private static final ChunkRef CHUNK = new ChunkRef(new ChunkId(new byte[32]), UUID.randomUUID(), 0, 40, CONTENT.length);

    @TempDir
    Path scratch;

    private static Entry file(String path, int mode) {
        return Entry.file(path, mode, 1_700_000_000_000L, 0, 0, CONTENT.length, List.of(CHUNK));
    }

    private static FileTreeWriter.Result write(List<Entry> entries, Path target) {
        return FileTreeWriter.write(entries, target, false, "hint", ref -> CONTENT.clone(), (done, total) -> { }, Thread::new);
    }

    private static int mode(Path path) throws Exception {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    @Test
    void restore_neverSetsSetuidSetgidOrStickyBits() throws Exception {
        Path target = scratch.resolve("out");
        write(List.of(Entry.directory("shared", 01777, 1_700_000_000_000L), Entry.directory("group", 02775, 1_700_000_000_000L),
                file("tool", 04755), file("group/tool", 02755)), target);
        assertEquals(0777, mode(target.resolve("shared")));
        assertEquals(0775, mode(target.resolve("group")));
        assertEquals(0755, mode(target.resolve("tool")));
        assertEquals(0755, mode(target.resolve("group/tool")));
    }

    @Test
    void restore_throughALinkPlantedInTheTarget_writesNothingThere() throws Exception {
        Path target = Files.createDirectories(scratch.resolve("out"));
        Path elsewhere = Files.createDirectories(scratch.resolve("elsewhere"));
        Files.createSymbolicLink(target.resolve("docs"), elsewhere);
        StrongroomException refused = assertThrows(StrongroomException.class, () -> write(List.of(
                file("docs/passwd", 0644)), target));
        assertEquals(ErrorCode.UserErrorInvalidRestoreTarget, refused.code());
        assertTrue(refused.getMessage().contains("is a link"), refused.getMessage());
        try (var left = Files.list(elsewhere)) {
            assertEquals(0, left.count(), "nothing written through the link");
        }
    }

    @Test
    void restore_intoATargetThatIsALink_isRefused() throws Exception {
        Path real = Files.createDirectories(scratch.resolve("real"));
        Path link = Files.createSymbolicLink(scratch.resolve("link"), real);
        assertThrows(StrongroomException.class, () -> write(List.of(file("a", 0644)), link));
        assertFalse(Files.exists(real.resolve("a")));
    }
}
