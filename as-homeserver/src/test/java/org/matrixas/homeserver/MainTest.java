package org.matrixas.homeserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private static String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_badConfig_exitsNonZeroNamingFileAndKey() throws Exception {
        Path config = dir.resolve("hs.yaml");
        Files.writeString(config, "server_name: localhost\ndata_dir: d\nlisten: {prot: 1}\n");
        int[] code = new int[1];
        String err = stderrOf(() -> code[0] = Main.run("--config", config.toString()));
        assertEquals(Main.CONFIG_ERROR, code[0]);
        assertTrue(err.contains("hs.yaml") && err.contains("'listen.prot'"), err);
    }

    @Test
    void run_help_listsEveryOptionAndExitsZero() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("--help"));
        } finally {
            System.setOut(old);
        }
        String help = buf.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--config", "--check-config", "--help", "--version", "Exit status"}) {
            assertTrue(help.contains(option), option + " missing from:\n" + help);
        }
    }

    private int check(Path config, StringBuilder out, StringBuilder err) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.check(config, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        out.append(o.toString(StandardCharsets.UTF_8));
        err.append(e.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static final String REGISTRATION = """
            id: irc
            url: http://127.0.0.1:9000
            as_token: as-secret
            hs_token: hs-secret
            sender_localpart: ircbot
            namespaces:
              users: [{exclusive: true, regex: '@irc_.*'}]
            """;

    @Test
    void checkConfig_valid_printsOkAndTouchesNothing() throws Exception {
        Files.writeString(dir.resolve("irc.yaml"), REGISTRATION);
        Path config = dir.resolve("hs.yaml");
        Files.writeString(config, "server_name: localhost\ndata_dir: data\nlisten: {port: 1}\n"
                + "app_service_config_files: [irc.yaml]\n");
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        assertEquals(0, check(config, out, err));
        assertTrue(out.toString().startsWith("config OK: " + config) && out.toString().contains("irc"), out.toString());
        assertTrue(err.isEmpty(), err.toString());
        assertTrue(Files.notExists(dir.resolve("data")), "data_dir was created");
        assertTrue(out.indexOf("as-secret") < 0 && out.indexOf("hs-secret") < 0, out.toString());
    }

    @Test
    void checkConfig_badRegistrationFile_namesFileAndKeyExits2() throws Exception {
        Files.writeString(dir.resolve("irc.yaml"), REGISTRATION.replace("url: http://127.0.0.1:9000", "url: 5:x"));
        Path config = dir.resolve("hs.yaml");
        Files.writeString(config, "server_name: localhost\ndata_dir: data\napp_service_config_files: [irc.yaml]\n");
        StringBuilder err = new StringBuilder();
        assertEquals(Main.CONFIG_ERROR, check(config, new StringBuilder(), err));
        assertTrue(err.toString().contains("irc.yaml") && err.toString().contains("url"), err.toString());
        assertTrue(Files.notExists(dir.resolve("data")));
    }

    @Test
    void checkConfig_duplicateRegistration_namesBothFiles() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), REGISTRATION);
        Files.writeString(dir.resolve("b.yaml"), REGISTRATION.replace("as-secret", "other"));
        Path config = dir.resolve("hs.yaml");
        Files.writeString(config, "server_name: localhost\ndata_dir: data\napp_service_config_files: [a.yaml, b.yaml]\n");
        StringBuilder err = new StringBuilder();
        assertEquals(Main.CONFIG_ERROR, check(config, new StringBuilder(), err));
        assertTrue(err.toString().contains("b.yaml: 'id' irc is already used by") && err.toString().contains("a.yaml"),
                err.toString());
    }

    @Test
    void run_checkConfigWithUnknownKey_suggestsAndExits2() throws Exception {
        Path config = dir.resolve("hs.yaml");
        Files.writeString(config, "server_name: localhost\ndata_dir: d\nenable_registraton: true\n");
        int[] code = new int[1];
        String err = stderrOf(() -> code[0] = Main.run("--config", config.toString(), "--check-config"));
        assertEquals(Main.CONFIG_ERROR, code[0]);
        assertTrue(err.contains("unknown key 'enable_registraton' in " + config
                + "; did you mean 'enable_registration'?"), err);
    }

    @Test
    void run_missingConfigOption_exitsNonZero() {
        int[] code = new int[1];
        stderrOf(() -> code[0] = Main.run());
        assertTrue(code[0] != 0);
    }
}
