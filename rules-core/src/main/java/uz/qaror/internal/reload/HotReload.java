package uz.qaror.internal.reload;

import java.io.Closeable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

import uz.qaror.Diagnostic;
import uz.qaror.ReloadEvent;
import uz.qaror.RulesException;
import uz.qaror.internal.build.CompiledService;
import uz.qaror.internal.build.ServiceCompiler;
import uz.qaror.internal.catalog.CatalogSource;
import uz.qaror.internal.catalog.ServiceFiles;

/**
 * Keeps an engine's compiled services in step with its rules folder. When a service's files change, its rules
 * are compiled on the watcher's thread, never on a request's; once they compile, the new {@link CompiledService}
 * replaces the old one in the engine's map in one step. A decision takes its service from the map once, so it
 * runs wholly on the old or wholly on the new version; the old one is then unreferenced and collected (the
 * classic KnowledgeBuilder registers KieBases nowhere else). An edit that does not compile leaves the previous
 * version serving and is reported, with its diagnostics, to the listener and by {@link #problems()}.
 */
public final class HotReload implements Closeable {

    /** Quiet time before a change is compiled: editors save a file in several writes. */
    static final long DEBOUNCE_MILLIS = 250;

    private final CatalogSource source;
    private final ConcurrentMap<String, CompletableFuture<CompiledService>> services;
    private final Consumer<ReloadEvent> listener;
    private final ConcurrentMap<String, List<Diagnostic>> problems = new ConcurrentHashMap<>();
    private final FolderWatcher watcher;

    public HotReload(CatalogSource source, ConcurrentMap<String, CompletableFuture<CompiledService>> services,
                     Consumer<ReloadEvent> listener) {
        this.source = source;
        this.services = services;
        this.listener = listener == null ? event -> { } : listener;
        this.watcher = new FolderWatcher(source.root(), DEBOUNCE_MILLIS, this::reload);
        this.watcher.start();
    }

    /** The diagnostics of each service whose latest edit does not compile (its previous version serves). */
    public Map<String, List<Diagnostic>> problems() {
        return Map.copyOf(problems);
    }

    void reload(Set<String> changed) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : changed) {
            if (id.equals(FolderWatcher.ALL)) {
                // Shared parameters: every service already compiled may read them; the others compile on first
                // use from the files as they are then.
                ids.addAll(services.keySet());
            } else {
                ids.add(id);
            }
        }
        for (String id : ids) {
            reloadOne(id);
        }
    }

    private void reloadOne(String id) {
        if (!source.hasService(id)) {
            services.remove(id);
            problems.remove(id);
            tell(new ReloadEvent(id, null, false, List.of()));
            return;
        }
        // The version is the hash of exactly the bytes compiled: the files are read once, then hashed, parsed and
        // compiled from memory (ServiceFiles), so no edit can slip between a version and its rules.
        long changesBefore = watcher.changes(id);
        String state = null;
        String version = null;
        try {
            ServiceFiles files = source.files(id);
            version = files.version();
            state = version;
            CompiledService fresh = ServiceCompiler.compile(source.readService(id, files));
            if (changedSince(id, state)) {
                // The files changed while compiling: this version is already stale. The watcher has seen the
                // change and reloads once the folder is quiet again. (Files back at the bytes compiled are not
                // stale: those rules serve, whatever happened in between.)
                return;
            }
            services.put(id, CompletableFuture.completedFuture(fresh));
            problems.remove(id);
        } catch (RuntimeException e) {
            // Rules that do not compile, or a file removed or half-written as it was read (an editor truncates,
            // then writes). A state that does not last through a quiet period is no broken edit: the next reload
            // sees what the editor saved. The files may even be back to the bytes read by then (truncated and
            // written again, truncated again): the watcher's count of changes tells.
            if (changedAfterQuiet(id, state == null ? unreadable(e) : state, changesBefore)) {
                return;
            }
            failed(id, version, source.diagnosticsOf(id, e));
            return;
        }
        tell(new ReloadEvent(id, version, true, List.of()));
    }

    /** Whether the service's files are no longer in {@code state} (a version, or the failure to read them). */
    private boolean changedSince(String id, String state) {
        String now;
        try {
            now = source.files(id).version();
        } catch (RuntimeException e) {
            now = unreadable(e);
        }
        return !now.equals(state);
    }

    /**
     * Whether the files were touched since the watcher had counted {@code changesBefore} changes, as seen after a
     * quiet period, or are no longer in {@code state} (true when interrupted: closing).
     */
    private boolean changedAfterQuiet(String id, String state, long changesBefore) {
        try {
            Thread.sleep(DEBOUNCE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return watcher.changes(id) != changesBefore || changedSince(id, state);
    }

    private static String unreadable(RuntimeException e) {
        return "unreadable: " + e.getMessage();
    }

    private void tell(ReloadEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // The embedder's listener failing must not stop the watching.
        }
    }

    private void failed(String id, String version, List<Diagnostic> diagnostics) {
        CompletableFuture<CompiledService> current = services.get(id);
        boolean serving = current != null && current.isDone() && !current.isCompletedExceptionally();
        if (!serving) {
            // No good version to keep: applications get RULES_BROKEN with these diagnostics.
            services.put(id, CompletableFuture.failedFuture(new RulesException(
                    "service '" + id + "' cannot be built", diagnostics)));
        }
        problems.put(id, List.copyOf(diagnostics));
        tell(new ReloadEvent(id, version, false, diagnostics));
    }

    @Override
    public void close() {
        watcher.close();
    }
}
