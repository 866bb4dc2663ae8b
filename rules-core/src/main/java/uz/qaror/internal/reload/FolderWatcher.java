package uz.qaror.internal.reload;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a rules folder ({@code services/} with every service folder below it, {@code parameters/} and
 * {@code calendar.yaml}) and reports which services changed, once the folder has been quiet for the debounce
 * time: editors write a file several times (and some replace it through a temporary file), and one compile per
 * save is enough. A change in {@code parameters/} or the calendar reports {@link #ALL}.
 *
 * <p>Events are read on one daemon thread and the quiet sets handed to {@code onChange} on another, one at a time,
 * so that changes go on being counted ({@link #changes(String)}) while a reload runs: a reload can tell whether
 * what it read was touched again, even when the files went back to the same bytes. {@link #close()} stops both.
 */
final class FolderWatcher implements Closeable {

    /** Reported when a shared parameter file changed: every service may read it. */
    static final String ALL = "*";

    private final Path root;
    private final WatchService watchService;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final long debounceMillis;
    private final Consumer<Set<String>> onChange;
    private final ConcurrentMap<String, Long> changeCounts = new ConcurrentHashMap<>();
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "qaror-rules-reload");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread thread;

    FolderWatcher(Path root, long debounceMillis, Consumer<Set<String>> onChange) {
        this.root = root.toAbsolutePath().normalize();
        this.debounceMillis = debounceMillis;
        this.onChange = onChange;
        try {
            this.watchService = this.root.getFileSystem().newWatchService();
            register(this.root);
            registerTree(this.root.resolve("services"));
            registerTree(this.root.resolve("parameters"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch rules folder " + root, e);
        }
        this.thread = new Thread(this::run, "qaror-rules-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching; separate from the constructor so that the owner is complete before any callback. */
    void start() {
        thread.start();
    }

    /**
     * How many changes were seen for the service so far (its own and the shared files'). Every change counted
     * after a reload began is also pending, so another reload follows it once the folder is quiet.
     */
    long changes(String service) {
        return changeCounts.getOrDefault(service, 0L) + changeCounts.getOrDefault(ALL, 0L);
    }

    private void seen(Set<String> pending, String service) {
        pending.add(service);
        changeCounts.merge(service, 1L, Long::sum);
    }

    private void registerTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(dir)) {
            for (Path each : dirs.filter(Files::isDirectory).toList()) {
                register(each);
            }
        }
    }

    private void register(Path dir) throws IOException {
        keys.put(dir.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
    }

    private void run() {
        Set<String> pending = new LinkedHashSet<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = pending.isEmpty() ? watchService.take()
                        : watchService.poll(debounceMillis, TimeUnit.MILLISECONDS);
                if (key == null) {
                    // Quiet for the debounce time: the edit is complete.
                    Set<String> changed = Set.copyOf(pending);
                    pending.clear();
                    reloads.execute(() -> onChange.accept(changed));
                    continue;
                }
                Path dir = keys.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == OVERFLOW || dir == null) {
                        seen(pending, ALL);
                        continue;
                    }
                    Path changed = dir.resolve((Path) event.context());
                    if (event.kind() == ENTRY_CREATE && Files.isDirectory(changed)) {
                        try {
                            registerTree(changed);
                        } catch (IOException e) {
                            seen(pending, ALL); // a folder that vanished at once; the reload will see
                        }
                    }
                    String service = serviceOf(changed);
                    if (service != null) {
                        seen(pending, service);
                    }
                }
                if (!key.reset()) {
                    keys.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The service a changed path belongs to, {@link #ALL} for parameters and the calendar, null otherwise. */
    private String serviceOf(Path changed) {
        Path relative = root.relativize(changed);
        String first = relative.getName(0).toString();
        if (first.equals("parameters") || (relative.getNameCount() == 1 && first.equals("calendar.yaml"))) {
            return ALL;
        }
        if (first.equals("services") && relative.getNameCount() >= 2) {
            String service = relative.getName(1).toString();
            // Tests do not change what a service decides.
            return relative.getNameCount() >= 3 && relative.getName(2).toString().equals("tests") ? null : service;
        }
        return null;
    }

    @Override
    public void close() {
        thread.interrupt();
        reloads.shutdownNow();
        try {
            watchService.close();
            thread.join(5_000);
            reloads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
