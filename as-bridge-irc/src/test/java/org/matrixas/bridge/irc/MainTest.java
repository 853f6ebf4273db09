package org.matrixas.bridge.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.protocol.registration.RegistrationFiles;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void generateRegistration_validConfig_writesFileAndExitsZero() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                homeserver: { url: http://127.0.0.1:8008, domain: hsdomain.com }
                appservice: { as_token: T_a, register_via_api: true }
                networks:
                  - { domain: irc.freenode.net, host: 127.0.0.1, channels: ["#matrix"] }
                """);
        Path out = dir.resolve("out/registration.yaml");
        assertEquals(0, Main.run("--config", config.toString(), "--generate-registration", out.toString()));
        Registration r = RegistrationFiles.read(out);
        assertEquals("T_a", r.asToken());
        assertFalse(r.hsToken().isBlank());
        assertEquals("http://127.0.0.1:9000", r.url());
        assertEquals(2, r.namespaces().users().size());
    }

    @Test
    void run_badConfig_exitsWithConfigError() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "homeserver: { url: http://x, domain: hs.org, extra: 1 }\n");
        assertEquals(Main.CONFIG_ERROR, Main.run("--config", config.toString(), "--generate-registration",
                dir.resolve("r.yaml").toString()));
        assertFalse(Files.exists(dir.resolve("r.yaml")));
    }

    @Test
    void run_noConfigOption_isUsageError() {
        assertTrue(Main.run() != 0);
    }
}
