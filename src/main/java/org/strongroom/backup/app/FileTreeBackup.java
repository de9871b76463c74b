package org.strongroom.backup.app;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongConsumer;

import org.strongroom.storage.domain.ChunkRef;
import org.strongroom.storage.domain.Manifest;
import org.strongroom.storage.domain.Manifest.Entry;
import org.strongroom.storage.domain.Manifest.EntryType;

/**
 * Backs up a directory tree: directories, regular files (content-defined chunks) and symbolic links
 * (recorded as links, never followed), each with its mode bits and modification time. A file whose size,
 * mtime, ctime and inode equal those of the previous recovery point is taken over from it unread; any
 * other is read only if it is still the file walked ({@link WalkedFile}). What cannot be read (a special
 * file, a permission error, a file replaced since the walk) is skipped with a warning; what cannot be
 * written to the store fails the backup, so that no recovery point silently lacks a file.
 */
final class FileTreeBackup {

    private final ChunkReader reader;

    /** A backup of trees cut with {@code chunker} (the vault's). */
    FileTreeBackup(FastCdc chunker) {
        this.reader = new ChunkReader(chunker);
    }

    /** One thing found in the tree, in path order. */
    private record Found(EntryType type, String path, WalkedFile file, SourceFile meta, String linkTarget) {
    }

    /** An entry to be: either complete, or a file whose chunks are still being stored. */
    private record Slot(Entry done, Found file, List<CompletableFuture<ChunkRef>> chunks, long bytes) {
    }

    /** The size of a small file read by a worker: known once its chunk is stored. */
    private static final long UNKNOWN = -1;

    List<Entry> run(Path root, ChunkPipeline pipeline, Map<String, Entry> previous, LongConsumer total,
                    List<String> warnings) throws IOException {
        List<Found> found = walk(root, warnings);
        total.accept(found.stream().filter(f -> f.type() == EntryType.FILE).mapToLong(f -> f.meta().size()).sum());
        List<Slot> slots = new ArrayList<>(found.size());
        for (Found f : found) {
            switch (f.type()) {
                case DIRECTORY -> slots.add(done(Entry.directory(f.path(), f.meta().mode(), f.meta().modifiedMillis())));
                case SYMLINK -> slots.add(done(Entry.symlink(f.path(), f.meta().mode(), f.meta().modifiedMillis(), f.linkTarget())));
                case FILE -> slots.add(file(f, pipeline, previous.get(f.path()), warnings));
            }
        }
        List<Entry> entries = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            if (slot == null) {
                continue;
            }
            if (slot.done() != null) {
                entries.add(slot.done());
                continue;
            }
            List<ChunkRef> refs = new ArrayList<>(slot.chunks().size());
            try {
                for (CompletableFuture<ChunkRef> chunk : slot.chunks()) {
                    refs.add(chunk.join());
                }
            } catch (CompletionException e) {
                if (e.getCause() instanceof UnreadableSource unreadable) {
                    warnings.add("skipped " + slot.file().path() + ": " + unreadable.getCause().getMessage());
                    continue;
                }
                throw e;
            }
            SourceFile meta = slot.file().meta();
            long bytes = slot.bytes() >= 0 ? slot.bytes() : refs.stream().mapToLong(ChunkRef::plainLength).sum();
            entries.add(Entry.file(slot.file().path(), meta.mode(), meta.modifiedMillis(), meta.changedMillis(),
                    meta.inode(), bytes, refs));
        }
        return entries;
    }

    private Slot file(Found f, ChunkPipeline pipeline, Entry earlier, List<String> warnings) {
        SourceFile meta = f.meta();
        if (earlier != null && earlier.type() == EntryType.FILE
                && meta.sameAs(earlier.size(), earlier.modifiedMillis(), earlier.changedMillis(), earlier.inode())) {
            pipeline.reused(earlier.size(), earlier.chunks().size());
            return done(earlier);
        }
        if (meta.size() > 0 && meta.size() <= FastCdc.MIN) {
            return new Slot(null, f, List.of(pipeline.submitSmallFile(f.file(), (int) meta.size())), UNKNOWN);
        }
        try {
            ChunkReader.Chunked chunked = reader.submit(f.file(), pipeline);
            return new Slot(null, f, chunked.chunks(), chunked.bytes());
        } catch (IOException e) {
            warnings.add("skipped " + f.path() + ": " + e.getMessage());
            return null;
        }
    }

    private static Slot done(Entry entry) {
        return new Slot(entry, null, null, 0);
    }

    private static List<Found> walk(Path root, List<String> warnings) throws IOException {
        List<Found> found = new ArrayList<>();
        Files.walkFileTree(root, Set.of(), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                found.add(new Found(EntryType.DIRECTORY, relative(root, dir), null, SourceFile.of(dir), null));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isSymbolicLink()) {
                    found.add(new Found(EntryType.SYMLINK, relative(root, file), null, SourceFile.of(file),
                            Files.readSymbolicLink(file).toString()));
                } else if (attrs.isRegularFile()) {
                    found.add(new Found(EntryType.FILE, relative(root, file), WalkedFile.of(file, attrs), SourceFile.of(file), null));
                } else {
                    warnings.add("skipped " + relative(root, file) + ": not a regular file, directory or link");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                warnings.add("skipped " + relative(root, file) + ": " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(Found::path));
        return found;
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace(java.io.File.separatorChar, '/');
    }
}
