package uz.qaror.tools.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output file, written the one way every command writes its files:
 * <ul>
 * <li>only ever a regular file: a target that is a symbolic link, a folder, a device, a pipe or a socket is refused
 * before anything is written (renaming over {@code /dev/full} would replace the device);</li>
 * <li>under a lock, {@code NAME.lock} beside it ({@link FileChannel#tryLock()}), so that a second run aimed at
 * the same file fails at once and names the run that holds it; the lock file is removed at the end;</li>
 * <li>aside, as {@code NAME.partial}, moved into place in one atomic step once complete and synced, so that the
 * file appears whole or not at all, and an interrupted run leaves its partial for a resume;</li>
 * <li>with the mode ordinary tools give a new file: 0666 less the umask, for every command alike.</li>
 * </ul>
 * Writes to the partial ({@link #startPartial()}, {@link #continuePartial()}) throw on failure: a full disk is an
 * error, never a silent loss.
 */
public final class OutputFile implements AutoCloseable {

    /** Another run holds the lock of the same output. */
    public static final class Locked extends IOException {
        private static final long serialVersionUID = 1L;

        Locked(String message) {
            super(message);
        }
    }

    /** The output (or a file beside it) is not a regular file. */
    public static final class NotARegularFile extends IOException {
        private static final long serialVersionUID = 1L;

        NotARegularFile(String message) {
            super(message);
        }
    }

    /** Lock files held by runs in this process. */
    private static final Set<Path> HELD_PATHS = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path partial;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;
    private OutputStream stream;
    private boolean released;

    private OutputFile(Path target, Path lockFile, FileChannel lockChannel, FileLock lock) {
        this.target = target;
        this.partial = beside(target, ".partial");
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Checks the target and takes its lock. The partial file is not touched: {@link #startPartial()} begins a new
     * one, {@link #continuePartial()} appends to the one an interrupted run left.
     */
    public static OutputFile open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        requireRegularOrAbsent(absolute);
        Files.createDirectories(absolute.getParent());
        Path lockFile = beside(absolute, ".lock");
        requireRegularOrAbsent(lockFile);
        // POSIX drops every lock a process holds on a file when it closes any descriptor of it: a run in this
        // process is therefore told apart without opening the lock file at all.
        if (!HELD_PATHS.add(lockFile)) {
            throw locked(absolute, lockFile, "a run in this same process");
        }
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                Object opened = fileKey(lockFile);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    String holder = holderOf(channel);
                    channel.close();
                    throw locked(absolute, lockFile, holder);
                }
                // The run that held the lock removes its lock file before letting go: a lock taken on a file no
                // longer at the path (another run may have made a new one there since) is dropped, and tried again.
                if (opened != null && opened.equals(fileKey(lockFile))) {
                    String holder = "pid " + ProcessHandle.current().pid() + ", since " + Instant.now();
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(false);
                    return new OutputFile(absolute, lockFile, channel, lock);
                }
                lock.release();
                channel.close();
            }
            throw new Locked(absolute + ": another run keeps taking its lock " + lockFile + "; try again");
        } catch (IOException | RuntimeException e) {
            HELD_PATHS.remove(lockFile);
            throw e;
        }
    }

    private static Locked locked(Path target, Path lockFile, String holder) {
        return new Locked(target + " is being written by another run (" + holder + "); it holds the lock "
                + lockFile + ". Wait for it to end, or choose another output");
    }

    /** The identity of the file at a path (its inode), read without opening it; {@code null} when there is none. */
    private static Object fileKey(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Starts a new, empty partial file (an old one is removed). */
    public OutputStream startPartial() throws IOException {
        requireRegularOrAbsent(partial);
        Files.deleteIfExists(partial);
        channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return stream();
    }

    /** Appends to the partial file an interrupted run left (it must exist). */
    public OutputStream continuePartial() throws IOException {
        requireRegularOrAbsent(partial);
        channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS);
        return stream();
    }

    /** Whether an interrupted run left a partial file. */
    public boolean hasPartial() throws IOException {
        requireRegularOrAbsent(partial);
        return Files.exists(partial, LinkOption.NOFOLLOW_LINKS);
    }

    private OutputStream stream() {
        stream = Channels.newOutputStream(channel);
        return stream;
    }

    /** Closes the partial, syncs it and moves it into place; then lets the lock go. */
    public void commit() throws IOException {
        try {
            channel.force(true);
            channel.close();
            requireRegularOrAbsent(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            release();
        }
    }

    /** Closes the partial and keeps it for a resume; lets the lock go. Nothing once the lock is gone. */
    public void keep() throws IOException {
        end(false);
    }

    /** Closes and removes the partial (an output that cannot be resumed); lets the lock go. Nothing once it is gone. */
    public void discard() throws IOException {
        end(true);
    }

    private void end(boolean removePartial) throws IOException {
        if (released) {
            return;
        }
        try {
            if (channel != null) {
                channel.close();
            }
            if (removePartial) {
                Files.deleteIfExists(partial);
            }
        } finally {
            release();
        }
    }

    /** Keeps the partial, as {@link #keep()}, unless the file was committed or discarded. */
    @Override
    public void close() throws IOException {
        keep();
    }

    private void release() throws IOException {
        if (released) {
            return;
        }
        released = true;
        try {
            Files.deleteIfExists(lockFile);
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } finally {
                HELD_PATHS.remove(lockFile);
            }
        }
    }

    public Path target() {
        return target;
    }

    public Path partial() {
        return partial;
    }

    /** A file beside the partial ({@code NAME.partial} + suffix), checked to be a regular file or absent. */
    public Path besidePartial(String suffix) throws IOException {
        Path path = beside(partial, suffix);
        requireRegularOrAbsent(path);
        return path;
    }

    /** The partial file of a target, where an interrupted run left its records. */
    public static Path partialOf(Path target) {
        return beside(target.toAbsolutePath().normalize(), ".partial");
    }

    private static Path beside(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /** Refuses a path that exists as anything but a regular file; a symbolic link is not followed. */
    static void requireRegularOrAbsent(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        String what = attributes.isSymbolicLink() ? "a symbolic link" : attributes.isDirectory() ? "a folder"
                : attributes.isRegularFile() ? null : "not a regular file (a device, a pipe or a socket)";
        if (what != null) {
            throw new NotARegularFile(path + " is " + what + "; outputs are written only to regular files"
                    + (attributes.isSymbolicLink() ? ": name the file itself" : ""));
        }
    }

    private static String holderOf(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(200);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "a run that has just started" : text;
    }
}
