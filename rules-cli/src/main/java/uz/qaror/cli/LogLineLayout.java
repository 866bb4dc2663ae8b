package uz.qaror.cli;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * One log line as Logback's pattern {@code %-5level %logger{36} - %msg%n} writes it, followed by the stack trace of
 * an exception logged with it. Written out rather than parsed from the pattern: {@code PatternLayout} defines some
 * fifty converters when its class loads, a cost every cold start of {@code qaror} would pay for a log that is
 * usually silent.
 */
final class LogLineLayout extends LayoutBase<ILoggingEvent> {

    private static final int LEVEL_WIDTH = 5;
    private static final int LOGGER_LENGTH = 36;

    private final TargetLengthBasedClassNameAbbreviator abbreviator =
            new TargetLengthBasedClassNameAbbreviator(LOGGER_LENGTH);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        String level = event.getLevel().toString();
        line.append(level);
        line.append(" ".repeat(Math.max(0, LEVEL_WIDTH - level.length())));
        line.append(' ').append(abbreviator.abbreviate(event.getLoggerName()));
        line.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown));
        }
        return line.toString();
    }
}
