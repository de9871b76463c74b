package org.strongroom.restore.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import org.strongroom.crypto.IntegrityException;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.StrongroomException;
import org.strongroom.restore.domain.RestorePaths;
import org.strongroom.storage.domain.BlobReader;
import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.infra.DirectWriter;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.Manifest.Entry;
import org.strongroom.storage.domain.Manifest.EntryType;

/**
 * Writes a {@code Files} recovery point, or selected paths of it, as plaintext under a target directory
 * (SPEC 16: the target's own encryption applies): contents, permission bits (never setuid, setgid or
 * sticky, whatever the recovery point says), modification times, symbolic links (as links, never
 * followed). Nothing is written through a link found in the target: every directory on the way to a
 * restored file must be a real directory. Used by the {@code Restore} job and by the offline recovery tool.
 *
 * <p>Nothing is written before everything checks out: first every collision with existing files is
 * found (refused unless {@code overwrite}); then every file is decrypted and authenticated into a staging
 * directory inside the target ({@code .strongroom-restore-…}) and given its mode and time there; only then
 * are files renamed into place, links and directories created, and the directories' modes and times
 * applied (last, deepest first). A
 * chunk that fails authentication, or any other failure before that point, leaves the target as it was.
 *
 * <p>Longer than 300 lines on purpose: every write of a restore to a real file system (directories, files,
 * links, modes, overwrite) with its link-safety checks side by side, so that none is missed.
 */
public final class FileTreeWriter {

    private static final String STAGING_PREFIX = ".strongroom-restore-";
    /** Files from this size (FastCDC's smallest chunk) are written with {@code O_DIRECT}. */
    private static final long DIRECT_FROM = 256 * 1024;

    /** The permission bits a restore sets: rwx for owner, group and others; never setuid, setgid or sticky. */
    static final int PERMISSIONS = 0777;

    private record Place(Entry entry, Path path) {
    }

    /** What was restored. */
    public record Result(int files, int directories, int links, long bytes) {
    }

    private FileTreeWriter() {
    }

    /**
     * The entries to restore: the whole tree when {@code paths} is empty, else each selected path with
     * everything inside it and the directories above it. A path the recovery point does not hold is
     * refused ({@code NotFound}, target {@code paths}).
     */
    public static List<Entry> select(Manifest manifest, List<String> paths) {
        if (paths.isEmpty()) {
            return manifest.entries();
        }
        Set<String> known = manifest.entries().stream().map(Entry::path).collect(Collectors.toSet());
        List<String> missing = paths.stream().filter(p -> !known.contains(p)).toList();
        if (!missing.isEmpty()) {
            throw new StrongroomException(ErrorCode.NotFound, "The recovery point holds no " + String.join(", ", missing),
                    "paths");
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String path : paths) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                wanted.add(path.substring(0, slash));
            }
        }
        return manifest.entries().stream()
                .filter(e -> !e.path().isEmpty())
                .filter(e -> wanted.contains(e.path()) || paths.stream().anyMatch(p -> RestorePaths.covers(p, e.path())))
                .toList();
    }

    /**
     * Restores {@code entries} under {@code target}, reading file contents through {@code chunks} (called
     * from several threads of {@code threads} at once). Existing files are refused unless {@code overwrite};
     * the refusal ends with {@code overwriteHint}, which says how the caller's user allows it.
     */
    public static Result write(List<Entry> entries, Path target, boolean overwrite, String overwriteHint,
                               Function<ChunkRef, byte[]> chunks, RestoreProgress progress, ThreadFactory threads) {
        List<Place> places = places(entries, target);
        refuseCollisions(places, overwrite, overwriteHint);
        long total = entries.stream().filter(e -> e.type() == EntryType.FILE).mapToLong(Entry::size).sum();
        try {
            Files.createDirectories(target);
            requireNoLink(target);
            Path staging = Files.createTempDirectory(target, STAGING_PREFIX);
            Map<Entry, Path> staged;
            try {
                staged = stage(entries, staging, chunks, progress, total, threads);
            } catch (RuntimeException | IOException e) {
                deleteTree(staging);
                throw e;
            }
            return putInPlace(places, staged, staging, overwrite, total);
        } catch (IOException e) {
            throw new UncheckedIOException("Restoring to " + target + " failed: " + e.getMessage(), e);
        }
    }

    private static List<Place> places(List<Entry> entries, Path target) {
        List<Place> places = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            Path place = entry.path().isEmpty() ? target : target.resolve(entry.path()).normalize();
            if (!place.startsWith(target)) {
                throw new StrongroomException(ErrorCode.DataIntegrityError, "The recovery point names a path outside "
                        + "its tree: " + entry.path(), "recoveryPoint");
            }
            places.add(new Place(entry, place));
        }
        return places;
    }

    private static void refuseCollisions(List<Place> places, boolean overwrite, String overwriteHint) {
        List<String> existing = new ArrayList<>();
        for (Place place : places) {
            Path path = place.path();
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            if (place.entry().type() == EntryType.DIRECTORY) {
                if (!directory) {
                    throw exists(path + " exists and is not a directory (the recovery point has a directory there)");
                }
            } else if (directory) {
                throw exists(path + " is a directory (the recovery point has a " + place.entry().type().name().toLowerCase()
                        + " there)");
            } else if (!overwrite) {
                existing.add(path.toString());
            }
        }
        if (!existing.isEmpty()) {
            throw exists(existing.size() + " file(s) of the restore exist at the target, e.g. "
                    + String.join(", ", existing.subList(0, Math.min(3, existing.size()))) + "; " + overwriteHint);
        }
    }

    private static StrongroomException exists(String message) {
        return new StrongroomException(ErrorCode.UserErrorRestoreTargetExists, message, "target.path");
    }

    /**
     * Decrypts every file into the staging directory, a file per task, on
     * {@link BlobReader#parallelReaders()} workers. Files are staged in a subdirectory per directory of the
     * tree, not all in one: creating files in one directory of tens of thousands serialises the workers on
     * its lock and costs the file system more per file.
     */
    private static Map<Entry, Path> stage(List<Entry> entries, Path staging, Function<ChunkRef, byte[]> chunks,
                                          RestoreProgress progress, long total, ThreadFactory threads) throws IOException {
        Map<Entry, Path> staged = new IdentityHashMap<>();
        Map<String, Path> shards = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.type() == EntryType.FILE) {
                String parent = entry.path().contains("/") ? entry.path().substring(0, entry.path().lastIndexOf('/')) : "";
                Path shard = shards.get(parent);
                if (shard == null) {
                    shard = Files.createDirectory(staging.resolve(Integer.toString(shards.size())));
                    shards.put(parent, shard);
                }
                staged.put(entry, shard.resolve(Integer.toString(staged.size())));
            }
        }
        AtomicLong done = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(BlobReader.parallelReaders(), threads);
        try {
            List<Future<?>> writes = new ArrayList<>(staged.size());
            for (Entry entry : entries) {
                Path file = staged.get(entry);
                if (file != null) {
                    writes.add(workers.submit(() -> {
                        stageFile(entry, file, chunks, bytes -> progress.update(done.addAndGet(bytes), total));
                        return null;
                    }));
                }
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Restore interrupted", e);
        } finally {
            Workers.stopAndWait(workers);
        }
        return staged;
    }

    /**
     * Files of a chunk or more are written past the page cache ({@link DirectWriter}): a restore does not
     * evict the host's cached data for them, and on our machines copying into the page cache was the
     * dearest part of writing them (docs/benchmarks.md). Smaller files, whose cost is their creation, are
     * written as usual (O_DIRECT measured slower for them in the whole restore). The file's mode and time
     * are set here, on the worker, while it is still staged: the rename into place keeps both, and the
     * job's single thread then only renames.
     */
    private static void stageFile(Entry entry, Path file, Function<ChunkRef, byte[]> chunks, LongConsumer written)
            throws IOException {
        try (OutputStream out = entry.size() >= DIRECT_FROM ? DirectWriter.create(file)
                : Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (ChunkRef ref : entry.chunks()) {
                out.write(chunk(entry, ref, chunks));
                written.accept(ref.plainLength());
            }
            if (out instanceof DirectWriter direct) {
                direct.finish(false);
            }
        }
        Files.setAttribute(file, "unix:mode", entry.mode() & PERMISSIONS, LinkOption.NOFOLLOW_LINKS);
        setTime(file, entry.modifiedMillis());
    }

    /** The chunk's plaintext; one that does not check out names the file it belongs to. */
    private static byte[] chunk(Entry entry, ChunkRef ref, Function<ChunkRef, byte[]> chunks) {
        try {
            return chunks.apply(ref);
        } catch (IntegrityException e) {
            throw new IntegrityException("File " + entry.path() + ": " + e.getMessage());
        }
    }

    private static Result putInPlace(List<Place> places, Map<Entry, Path> staged, Path staging, boolean overwrite,
                                     long total) throws IOException {
        int files = 0;
        int links = 0;
        Path target = staging.getParent();
        Set<Path> made = new HashSet<>();
        List<Place> directories = new ArrayList<>();
        for (Place place : places) {
            if (place.entry().type() == EntryType.DIRECTORY) {
                directoriesWithoutLinks(target, place.path(), made);
                directories.add(place);
            }
        }
        for (Place place : places) {
            Entry entry = place.entry();
            Path path = place.path();
            if (entry.type() == EntryType.FILE) {
                directoriesWithoutLinks(target, path.getParent(), made);
                Files.move(staged.get(entry), path, overwrite
                        ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE}
                        : new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE});
                files++;
            } else if (entry.type() == EntryType.SYMLINK) {
                directoriesWithoutLinks(target, path.getParent(), made);
                if (overwrite) {
                    Files.deleteIfExists(path);
                }
                Files.createSymbolicLink(path, Path.of(entry.linkTarget()));
                setTime(path, entry.modifiedMillis());
                links++;
            }
        }
        deleteTree(staging);
        setDirectoryAttributes(directories);
        return new Result(files, directories.size(), links, total);
    }

    /** Modes and times of directories last, deepest first, so writing into them did not change their times. */
    private static void setDirectoryAttributes(List<Place> directories) throws IOException {
        directories.sort(Comparator.comparingInt((Place d) -> d.path().getNameCount()).reversed());
        for (Place directory : directories) {
            Files.setAttribute(directory.path(), "unix:mode", directory.entry().mode() & PERMISSIONS, LinkOption.NOFOLLOW_LINKS);
            setTime(directory.path(), directory.entry().modifiedMillis());
        }
    }

    /**
     * Makes {@code directory} and the directories between it and {@code target}, each a real directory:
     * one found to be a link (planted in the target since the restore was checked) stops the restore
     * before anything is written through it.
     */
    private static void directoriesWithoutLinks(Path target, Path directory, Set<Path> made) throws IOException {
        if (made.contains(directory)) {
            return;
        }
        if (!directory.equals(target)) {
            directoriesWithoutLinks(target, directory.getParent(), made);
            try {
                Files.createDirectory(directory);
            } catch (FileAlreadyExistsException exists) {
                // checked below
            }
        }
        requireNoLink(directory);
        made.add(directory);
    }

    private static void requireNoLink(Path directory) {
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new StrongroomException(ErrorCode.UserErrorInvalidRestoreTarget, directory + (Files.isSymbolicLink(directory)
                    ? " is a link: a restore writes nothing through a link in its target" : " is not a directory"),
                    "target.path");
        }
    }

    /** Sets the modification time without following a link (left as created where the system cannot). */
    private static void setTime(Path path, long millis) {
        try {
            Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(FileTime.fromMillis(millis), null, null);
        } catch (IOException | UnsupportedOperationException e) {
            if (!Files.isSymbolicLink(path)) {
                throw new UncheckedIOException(new IOException("Cannot set the time of " + path + ": " + e.getMessage(), e));
            }
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    try {
                        Files.delete(dir);
                    } catch (DirectoryNotEmptyException ignored) {
                        // left for the operator; never expected
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // the staging directory stays; its name says what it is
        }
    }
}
