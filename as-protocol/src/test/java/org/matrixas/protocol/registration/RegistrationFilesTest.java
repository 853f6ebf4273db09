package org.matrixas.protocol.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;

class RegistrationFilesTest {
    private static final String SYNAPSE_STYLE = """
            id: irc
            url: http://127.0.0.1:9000
            as_token: T_a
            hs_token: T_h
            sender_localpart: ircbot
            rate_limited: false
            protocols: [irc]
            receive_ephemeral: true
            de.sorunome.msc2409.push_ephemeral: true
            namespaces:
              users:
                - exclusive: true
                  regex: '@irc\\.freenode\\.net/.*:hs'
              aliases:
                - exclusive: true
                  regex: '#irc\\.freenode\\.net/.*:hs'
              rooms: []
            """;

    @Test
    void read_synapseStyleFile_allKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("irc.yaml");
        Files.writeString(file, SYNAPSE_STYLE);
        Registration r = RegistrationFiles.read(file);
        assertEquals("irc", r.id());
        assertEquals("http://127.0.0.1:9000", r.url());
        assertEquals("T_a", r.asToken());
        assertEquals("T_h", r.hsToken());
        assertEquals("ircbot", r.senderLocalpart());
        assertFalse(r.isRateLimited());
        assertEquals(List.of("irc"), r.protocols());
        assertTrue(r.isReceiveEphemeral());
        assertTrue(r.namespaces().users().get(0).exclusive());
        assertEquals("#irc\\.freenode\\.net/.*:hs", r.namespaces().aliases().get(0).regex());
    }

    @Test
    void write_thenRead_sameRegistration(@TempDir Path dir) throws Exception {
        Registration r = Registration.builder().id("x").url("http://h:1").asToken("a").hsToken("h")
                .senderLocalpart("bot").namespaces(new Namespaces(List.of(Namespace.exclusive("@x_.*:hs")),
                        List.of(), List.of())).rateLimited(false).protocols(List.of("irc")).build();
        Path file = dir.resolve("sub/reg.yaml");
        RegistrationFiles.write(r, file);
        assertEquals(r, RegistrationFiles.read(file));
    }

    @Test
    void read_missingHsToken_namesFileAndKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, SYNAPSE_STYLE.replace("hs_token: T_h\n", ""));
        InvalidRegistrationException e = assertThrows(InvalidRegistrationException.class, () -> RegistrationFiles.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("'hs_token'"), e.getMessage());
        assertEquals("hs_token", e.key());
    }

    @Test
    void read_badRegex_namesKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, SYNAPSE_STYLE.replace("regex: '@irc", "regex: '@(broken"));
        InvalidRegistrationException e = assertThrows(InvalidRegistrationException.class, () -> RegistrationFiles.read(file));
        assertTrue(e.getMessage().contains("@(broken"), e.getMessage());
        assertEquals("namespaces", e.key());
    }

    @Test
    void read_badUrl_namesKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, SYNAPSE_STYLE.replace("http://127.0.0.1:9000", "ftp://x"));
        InvalidRegistrationException e = assertThrows(InvalidRegistrationException.class, () -> RegistrationFiles.read(file));
        assertEquals("url", e.key());
    }

    @Test
    void read_nullUrl_meansNoPushes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.yaml");
        Files.writeString(file, SYNAPSE_STYLE.replace("url: http://127.0.0.1:9000", "url: null"));
        assertNull(RegistrationFiles.read(file).url());
    }

    @Test
    void toString_neverShowsTokens() throws Exception {
        Registration r = RegistrationFiles.parse(SYNAPSE_STYLE);
        assertFalse(r.toString().contains("T_a") || r.toString().contains("T_h"));
    }
}
