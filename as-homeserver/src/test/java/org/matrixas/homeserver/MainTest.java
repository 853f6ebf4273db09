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
    void run_help_exitsZero() {
        PrintStream old = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("--help"));
        } finally {
            System.setOut(old);
        }
    }

    @Test
    void run_missingConfigOption_exitsNonZero() {
        int[] code = new int[1];
        stderrOf(() -> code[0] = Main.run());
        assertTrue(code[0] != 0);
    }
}
