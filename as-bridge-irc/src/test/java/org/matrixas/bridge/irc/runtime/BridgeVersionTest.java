package org.matrixas.bridge.irc.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BridgeVersionTest {

    @Test
    void get_buildFilledInTheProjectVersion() {
        String v = BridgeVersion.get();
        assertTrue(v.matches("\\d+\\.\\d+\\.\\d+.*"), "a version like 0.1.0-SNAPSHOT, not " + v);
    }
}
