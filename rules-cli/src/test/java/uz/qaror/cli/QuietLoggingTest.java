package uz.qaror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;

/** The command line's logging, configured in code as its logback.xml configured it. */
class QuietLoggingTest {

    @Test
    void quietOnStandardErrorWithTheServersLifeEvents() {
        LoggerContext context = new LoggerContext();
        assertThat(new QuietLogging(resource -> false).configure(context))
                .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.ERROR);
        Appender<ILoggingEvent> appender = root.getAppender("STDERR");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<ILoggingEvent>) appender).getTarget()).isEqualTo("System.err");
        assertThat(appender.isStarted()).isTrue();
        assertThat(context.getLogger("org.drools.mvel.MVELConstraint").getLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("uz.qaror.server").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("uz.qaror.DecisionEngine").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.drools.compiler").getEffectiveLevel()).isEqualTo(Level.ERROR);
    }

    @Test
    void aConfigurationFileGivenOrOnTheClasspathWins() {
        for (String file : List.of("logback.xml", "logback-test.xml")) {
            LoggerContext context = new LoggerContext();
            assertThat(new QuietLogging(file::equals).configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        }
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/qaror/logback.xml");
        try {
            assertThat(new QuietLogging(resource -> false).configure(new LoggerContext()))
                    .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    @Test
    void eachLineIsWhatThePatternOfTheOldConfigurationWrote() {
        LoggerContext context = new LoggerContext();
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern("%-5level %logger{36} - %msg%n");
        pattern.start();
        LogLineLayout layout = new LogLineLayout();
        layout.setContext(context);
        layout.start();
        Logger shortName = context.getLogger("uz.qaror.server.DecisionServer");
        Logger longName = context.getLogger("org.drools.compiler.kie.builder.impl.KieContainerImpl");
        Exception nested = new IllegalStateException("broken", new java.io.IOException("disk full"));
        List<ILoggingEvent> events = List.of(
                new LoggingEvent("x", shortName, Level.INFO, "listening on {}:{}", null,
                        new Object[] {"127.0.0.1", 8080}),
                new LoggingEvent("x", longName, Level.WARN, "a warning", null, null),
                new LoggingEvent("x", longName, Level.ERROR, "failed: {}", nested, new Object[] {"service x"}),
                new LoggingEvent("x", shortName, Level.DEBUG, "", null, null));
        for (ILoggingEvent event : events) {
            assertThat(layout.doLayout(event)).isEqualTo(pattern.doLayout(event));
        }
    }
}
