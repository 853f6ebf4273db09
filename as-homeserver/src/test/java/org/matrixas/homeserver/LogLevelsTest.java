package org.matrixas.homeserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.matrixas.homeserver.config.LoggingConfig;
import org.slf4j.LoggerFactory;

class LogLevelsTest {
    private static final String NAME = "org.matrixas.homeserver.txn.LogLevelsTestProbe";
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Level rootBefore = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel();

    @AfterEach
    void restore() {
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(rootBefore);
        context.getLogger(NAME).setLevel(null);
    }

    @Test
    void apply_rootAndLogger_setOnLogback() {
        LogLevels.apply(new LoggingConfig(Optional.of("error"), Map.of(NAME, "debug")));
        Logger probe = context.getLogger(NAME);
        assertEquals(Level.DEBUG, probe.getLevel());
        assertTrue(LoggerFactory.getLogger(NAME).isDebugEnabled());
        assertEquals(Level.ERROR, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
    }

    @Test
    void apply_nothingSet_levelsUntouched() {
        LogLevels.apply(LoggingConfig.DEFAULT);
        assertEquals(rootBefore, context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel());
        assertEquals(null, context.getLogger(NAME).getLevel());
    }
}
