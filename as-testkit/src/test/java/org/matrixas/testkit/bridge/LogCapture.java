package org.matrixas.testkit.bridge;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Records every log event of this JVM while open, with the bridge's, as-protocol's and KICL's loggers turned up
 * to TRACE, so a test can assert that a secret never reached a log line (message, arguments or exception).
 */
final class LogCapture implements AutoCloseable {
    private static final List<String> VERBOSE = List.of("org.matrixas.bridge", "org.matrixas.protocol",
            "org.kitteh");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Map<String, Level> before = new HashMap<>();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
        for (String name : VERBOSE) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            before.put(name, l.getLevel());
            l.setLevel(Level.TRACE);
        }
    }

    /** How many events were recorded. */
    int size() {
        synchronized (appender.list) {
            return appender.list.size();
        }
    }

    /** Whether any recorded line, argument or exception message contains {@code text}. */
    boolean contains(String text) {
        synchronized (appender.list) {
            for (ILoggingEvent e : appender.list) {
                if (e.getFormattedMessage().contains(text) || String.valueOf(e.getMessage()).contains(text)
                        || throwableContains(e.getThrowableProxy(), text)) {
                    return true;
                }
                for (Object arg : e.getArgumentArray() == null ? new Object[0] : e.getArgumentArray()) {
                    if (String.valueOf(arg).contains(text)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean throwableContains(IThrowableProxy t, String text) {
        for (IThrowableProxy p = t; p != null; p = p.getCause()) {
            if (String.valueOf(p.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        before.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }
}
