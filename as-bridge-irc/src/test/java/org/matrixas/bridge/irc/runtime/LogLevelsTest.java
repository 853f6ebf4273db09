package org.matrixas.bridge.irc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.LoggingConfig;
import org.slf4j.LoggerFactory;

class LogLevelsTest {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Level rootBefore = context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel();

    @AfterEach
    void restore() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(rootBefore);
        context.getLogger("org.matrixas.test.a").setLevel(null);
    }

    @Test
    void apply_rootAndNamedLoggers_setOnLogback() {
        LogLevels.apply(new LoggingConfig("warn", Map.of("org.matrixas.test.a", "TRACE")));
        assertEquals(Level.WARN, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(Level.TRACE, context.getLogger("org.matrixas.test.a").getLevel());
        assertEquals(Level.WARN, context.getLogger("org.matrixas.test.b").getEffectiveLevel());
    }
}
