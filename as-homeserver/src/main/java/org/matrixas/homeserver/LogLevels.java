package org.matrixas.homeserver;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.matrixas.homeserver.config.LoggingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@code logging:} from the config to Logback; a JVM with another SLF4J backend gets a warning instead. */
final class LogLevels {
    private static final Logger LOG = LoggerFactory.getLogger(LogLevels.class);

    private LogLevels() {
    }

    static void apply(LoggingConfig config) {
        if (config.isEmpty()) {
            return;
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            LOG.warn("'logging' is set but the logging backend is not Logback ({}); levels not applied",
                    LoggerFactory.getILoggerFactory().getClass().getName());
            return;
        }
        config.level().ifPresent(l -> context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(l)));
        config.loggers().forEach((name, l) -> context.getLogger(name).setLevel(Level.toLevel(l)));
        LOG.info("log levels applied: root {}, {} loggers", config.level().orElse("unchanged"), config.loggers().size());
    }
}
