package org.matrixas.bridge.irc.runtime;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Locale;
import java.util.Map;
import org.matrixas.bridge.irc.config.LoggingConfig;
import org.slf4j.LoggerFactory;

/** Applies {@link LoggingConfig} to Logback (the levels only; appenders stay as {@code logback.xml} sets them). */
public final class LogLevels {

    private LogLevels() {
    }

    /** Sets the root level and each named logger's level; does nothing when SLF4J is not bound to Logback. */
    public static void apply(LoggingConfig config) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(level(config.level()));
        for (Map.Entry<String, String> e : config.loggers().entrySet()) {
            context.getLogger(e.getKey()).setLevel(level(e.getValue()));
        }
    }

    private static Level level(String name) {
        return Level.toLevel(name.toUpperCase(Locale.ROOT), Level.INFO);
    }
}
