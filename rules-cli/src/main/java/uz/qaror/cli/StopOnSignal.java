package uz.qaror.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns SIGTERM and SIGINT into a clean stop of a long command. Both start the JVM's shutdown; its hook asks the
 * command to stop and waits while the command writes what it has whole, says how to continue and lets go
 * ({@link #close()}). Should the command not get there in time (blocked reading a silent pipe), the hook says how to
 * continue itself: what was flushed is whole records, and a resume drops a record cut short.
 */
final class StopOnSignal implements AutoCloseable {

    private static final long WAIT_SECONDS = 30;
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean signalled;

    /**
     * @param stop        asks the command to stop (from the hook's thread)
     * @param ifStillBusy run by the hook when the command did not finish in time
     */
    StopOnSignal(Runnable stop, Runnable ifStillBusy) {
        hook = new Thread(() -> {
            signalled = true;
            stop.run();
            try {
                if (!done.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    ifStillBusy.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "qaror-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether a signal asked to stop. */
    boolean signalled() {
        return signalled;
    }

    /** The command is done with its outputs: the JVM may end. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (a signal): the hook is running and now returns
        }
    }

    /** The command line to run again, quoted for a POSIX shell, with {@code extra} added when not there yet. */
    static String commandLine(List<String> arguments, String extra) {
        Stream<String> words = Stream.concat(Stream.of("qaror"), arguments.stream());
        if (!arguments.contains(extra)) {
            words = Stream.concat(words, Stream.of(extra));
        }
        return words.map(StopOnSignal::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
