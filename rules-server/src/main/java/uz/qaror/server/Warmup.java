package uz.qaror.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uz.qaror.DecisionEngine;
import uz.qaror.ReloadEvent;
import uz.qaror.RulesException;

/**
 * Compiles the catalog's services one after another on a background thread, so that the first application of a
 * service does not wait for its compilation, and says when the server is ready: as soon as one service compiles
 * (the others follow; an application to one not yet compiled compiles it on the spot). A catalog where no
 * service compiles is never ready. With a watched folder, a reload that applies makes its service ready too.
 */
final class Warmup {

    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    /** What the warm-up has done so far, for {@code /health/ready}. */
    record State(int total, int compiled, List<String> failed, boolean done) {
        boolean ready() {
            return compiled > 0;
        }
    }

    private final DecisionEngine engine;
    private final List<String> ids;
    private final Set<String> compiled = ConcurrentHashMap.newKeySet();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private final Consumer<State> onReady;
    private final java.util.concurrent.atomic.AtomicBoolean announced = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean done;
    private volatile boolean stopping;

    /** Prepares the warm-up; {@code onReady} is called once, when the first service compiles. */
    Warmup(DecisionEngine engine, Consumer<State> onReady) {
        this.engine = engine;
        this.ids = engine.serviceIds();
        this.onReady = onReady;
        this.thread = new Thread(this::run, "qaror-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Starts compiling, one service after another. */
    void start() {
        thread.start();
    }

    private void run() {
        long started = System.nanoTime();
        for (String id : ids) {
            if (stopping) {
                return;
            }
            try {
                engine.prepare(id);
                compiled.add(id);
                failed.remove(id);
            } catch (RulesException e) {
                failed.add(id);
                LOG.warn("service {} does not compile and cannot decide: {}", id, e.getMessage());
            } catch (RuntimeException e) {
                failed.add(id);
                LOG.warn("service {} cannot be read: {}", id, e.toString());
            }
            announceOnce();
        }
        done = true;
        LOG.info("{} of {} services compiled in {} ms{}", compiled.size(), ids.size(),
                (System.nanoTime() - started) / 1_000_000,
                failed.isEmpty() ? "" : "; not compiling: " + String.join(", ", failed));
    }

    /** Takes note of a reload of a watched folder. */
    void reloaded(ReloadEvent event) {
        if (event.applied()) {
            compiled.add(event.service());
            failed.remove(event.service());
            announceOnce();
        }
    }

    private void announceOnce() {
        if (!compiled.isEmpty() && announced.compareAndSet(false, true)) {
            onReady.accept(state());
        }
    }

    State state() {
        return new State(ids.size(), compiled.size(), failed.stream().sorted().toList(), done);
    }

    /**
     * Stops after the service being compiled. Not by interrupting: an interrupt during a read closes the channel
     * of the catalog's jar, which every later read would then find closed.
     */
    void stop() {
        stopping = true;
    }
}
