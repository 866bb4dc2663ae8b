package uz.qaror.server;

import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;

/**
 * Serves until SIGTERM or SIGINT, then stops gracefully and returns, so that the process exits with 0 after a
 * clean stop. The JVM's default for these signals runs the shutdown hooks and exits 143 or 130, which reads as
 * a failure to a supervisor; {@code sun.misc.Signal} (the supported way, module jdk.unsupported) lets the
 * server finish its requests and flush its decision log first.
 */
public final class StopSignals {

    private StopSignals() {
    }

    /** Blocks until a stop signal or a {@link QarorServer#close()}, then closes the server. */
    public static void serveUntilStopped(QarorServer server) throws InterruptedException {
        CountDownLatch signalled = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> signalled.countDown());
        Signal.handle(new Signal("INT"), signal -> signalled.countDown());
        Thread watcher = new Thread(() -> {
            try {
                server.awaitClose();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            signalled.countDown();
        }, "qaror-stop");
        watcher.setDaemon(true);
        watcher.start();
        signalled.await();
        server.close();
    }
}
