package uz.qaror.server;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests the server takes at once: {@code threads} handled and {@code maxPending} waiting. A request
 * beyond them does not pile up: it goes to a small overflow pool, whose threads answer 503 with Retry-After at
 * once (health checks are still answered there, so that an orchestrator sees a busy server as alive). When the
 * overflow pool is full as well, the connection is closed unanswered, the last resort against a flood.
 */
final class Admission {

    /** A thread of the overflow pool: requests it runs are answered 503 unless they are health checks. */
    static final class OverflowThread extends Thread {
        OverflowThread(Runnable task, String name) {
            super(task, name);
            setDaemon(true);
        }
    }

    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor overflow;
    private final AtomicInteger inFlight = new AtomicInteger();

    Admission(int threads, int maxPending, ServerMetrics metrics) {
        AtomicInteger overflowCount = new AtomicInteger();
        this.overflow = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                task -> new OverflowThread(task, "qaror-overflow-" + overflowCount.incrementAndGet()),
                new ThreadPoolExecutor.AbortPolicy());
        AtomicInteger workerCount = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                maxPending == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(maxPending),
                task -> {
                    Thread thread = new Thread(task, "qaror-http-" + workerCount.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("the server is stopping");
                    }
                    metrics.overloaded();
                    overflow.execute(task);
                });
        workers.prestartAllCoreThreads();
        metrics.gauge("qaror.http.requests.active", "Requests being handled", inFlight::get);
        metrics.gauge("qaror.http.requests.queued", "Requests waiting for a thread", this::queued);
    }

    /** Where the HTTP server runs each request. */
    Executor executor() {
        return workers;
    }

    /** Whether the current request came in beyond the bound and is to be turned away. */
    static boolean overflowing() {
        return Thread.currentThread() instanceof OverflowThread;
    }

    void started() {
        inFlight.incrementAndGet();
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    /** Requests waiting for a thread. */
    int queued() {
        return workers.getQueue().size();
    }

    /** Requests whose handler is running. */
    int inFlight() {
        return inFlight.get();
    }

    /** Lets the requests already taken finish, within the timeout. */
    void shutdown(Duration timeout) {
        workers.shutdown();
        overflow.shutdown();
        try {
            if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
            overflow.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        overflow.shutdownNow();
    }
}
