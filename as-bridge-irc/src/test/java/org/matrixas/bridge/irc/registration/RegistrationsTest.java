package org.matrixas.bridge.irc.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.bridge.irc.config.AppServiceConfig;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.HomeserverConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.protocol.namespace.NamespaceMatcher;
import org.matrixas.protocol.registration.Registration;
import org.matrixas.protocol.registration.RegistrationFiles;

class RegistrationsTest {
    private static final BridgeConfig CONFIG = BridgeConfig.of(
            HomeserverConfig.of("http://127.0.0.1:8008", "hsdomain.com"),
            new AppServiceConfig("127.0.0.1", 9000, null, "irc-bridge", "irc-bridge", "T_a", "T_h", false),
            Path.of("data"), List.of(NetworkConfig.of("irc.freenode.net", "127.0.0.1", 6667)));

    @TempDir
    Path dir;

    @Test
    void write_config_givesFileSynapseCanRead() throws Exception {
        Path file = dir.resolve("registration.yaml");
        Registrations.write(CONFIG, file);
        Registration r = RegistrationFiles.read(file);
        assertEquals("irc-bridge", r.id());
        assertEquals("http://127.0.0.1:9000", r.url());
        assertEquals("T_a", r.asToken());
        assertEquals("T_h", r.hsToken());
        assertEquals("irc-bridge", r.senderLocalpart());
        assertFalse(r.isRateLimited());
        assertEquals(List.of("irc"), r.protocols());
        NamespaceMatcher m = NamespaceMatcher.compile(r.namespaces());
        assertTrue(m.isExclusiveUser("@irc.freenode.net/_bob:hsdomain.com"));
        assertTrue(m.isExclusiveAlias("#irc.freenode.net/#matrix:hsdomain.com"));
        String yaml = Files.readString(file);
        assertTrue(yaml.contains("rate_limited: false"), yaml);
    }

    @Test
    void of_noHsToken_generatesRandomOne() {
        BridgeConfig noToken = CONFIG.withAppService(CONFIG.appservice().withHsToken(null));
        String a = Registrations.of(noToken).hsToken();
        String b = Registrations.of(noToken).hsToken();
        assertNotEquals(a, b);
        assertTrue(a.length() >= 40, a);
    }

    @Test
    void of_explicitUrl_isUsed() {
        AppServiceConfig as = new AppServiceConfig("0.0.0.0", 9000, "http://bridge:9000", "x", "bot", "a", "h", false);
        assertEquals("http://bridge:9000", Registrations.of(CONFIG.withAppService(as)).url());
    }
}
