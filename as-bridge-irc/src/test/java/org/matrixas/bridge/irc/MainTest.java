package org.matrixas.bridge.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
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
    void checkConfig_validConfig_printsOkAndExitsZeroWithoutStarting() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                homeserver: { url: http://127.0.0.1:8008, domain: hsdomain.com }
                appservice: { as_token: T_a, hs_token: T_h, port: 1 }
                networks:
                  - { domain: irc.freenode.net, host: 127.0.0.1, port: 1 }
                """);
        Output out = capture(() -> Main.run("--config", config.toString(), "--check-config"));
        assertEquals(0, out.code(), out.err());
        assertTrue(out.out().startsWith("config OK: " + config + ": homeserver http://127.0.0.1:8008"), out.out());
        assertTrue(out.out().contains("1 network (irc.freenode.net at 127.0.0.1:1)"), out.out());
        // Port 1 cannot be bound without root and nothing answers IRC there: a real start would have failed.
        assertFalse(Files.exists(dir.resolve("data")), "--check-config must not open the database");
    }

    @Test
    void checkConfig_unknownKey_exitsTwoNamingFileKeyAndSuggestion() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                homeserver: { url: http://127.0.0.1:8008, domain: hsdomain.com }
                appservice: { as_token: T_a, hs_token: T_h, sender_localprat: bot }
                networks: [{ domain: irc.freenode.net, host: 127.0.0.1 }]
                """);
        Output out = capture(() -> Main.run("--config", config.toString(), "--check-config"));
        assertEquals(Main.CONFIG_ERROR, out.code());
        assertTrue(out.err().contains(config + ": 'appservice.sender_localprat' is not a known key (did you mean "
                + "'sender_localpart'?)"), out.err());
        assertEquals("", out.out());
    }

    @Test
    void checkConfig_missingHsToken_exitsTwoNamingKey() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, """
                homeserver: { url: http://127.0.0.1:8008, domain: hsdomain.com }
                appservice: { as_token: T_a }
                networks: [{ domain: irc.freenode.net, host: 127.0.0.1 }]
                """);
        Output out = capture(() -> Main.run("--config", config.toString(), "--check-config"));
        assertEquals(Main.CONFIG_ERROR, out.code());
        assertTrue(out.err().contains(config + ": 'appservice.hs_token' is required"), out.err());
    }

    @Test
    void help_listsEveryOption() {
        Output out = capture(() -> Main.run("--help"));
        assertEquals(0, out.code());
        for (String option : new String[] {"--config", "--generate-registration", "--check-config", "--help",
                "--version"}) {
            assertTrue(out.out().contains(option), option + " missing from:\n" + out.out());
        }
    }

    private record Output(int code, String out, String err) {
    }

    private static Output capture(IntSupplier run) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = run.getAsInt();
            return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void run_noConfigOption_isUsageError() {
        assertTrue(Main.run() != 0);
    }
}
