package uz.qaror.cli;

import java.util.function.Predicate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The command line's logging, set in code rather than read from a {@code logback.xml}: Logback's XML configuration
 * took about a tenth of a cold {@code qaror evaluate} (an XML parser loaded and run for ten lines). Quiet by default,
 * since Drools logs INFO lines on every build ({@code --verbose} lowers the level); errors on stderr; the server's
 * life events (listening, ready, reloaded, stopped). A configuration file still wins where one is given
 * ({@code -Dlogback.configurationFile}) or found on the classpath ({@code logback.xml}, {@code logback-test.xml}).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class QuietLogging extends ContextAwareBase implements Configurator {

    private final Predicate<String> onClasspath;

    /** The configurator Logback finds as a service. */
    public QuietLogging() {
        this(resource -> QuietLogging.class.getClassLoader().getResource(resource) != null);
    }

    QuietLogging(Predicate<String> onClasspath) {
        this.onClasspath = onClasspath;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || onClasspath.test("logback-test.xml")
                || onClasspath.test("logback.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogLineLayout layout = new LogLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.ERROR);
        root.addAppender(stderr);
        context.getLogger("org.drools.mvel.MVELConstraint").setLevel(Level.ERROR);
        context.getLogger("uz.qaror.server").setLevel(Level.INFO);
        // A --prebuilt jar that no longer covers a service (edited since): the operator's fast start is gone
        context.getLogger("uz.qaror.DecisionEngine").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
