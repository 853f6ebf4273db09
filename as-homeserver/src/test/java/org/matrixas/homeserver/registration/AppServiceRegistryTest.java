package org.matrixas.homeserver.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.account.Accounts;
import org.matrixas.homeserver.config.RegistrationApiConfig;
import org.matrixas.homeserver.store.Database;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;

class AppServiceRegistryTest {
    @TempDir
    Path dir;
    private final Namespaces ns = new Namespaces(List.of(Namespace.exclusive("@x_.*:hs")), List.of(), List.of());

    private AppServiceRegistry registry(Database db) {
        AppServiceRegistry r = new AppServiceRegistry(db, new Accounts(db, "hs"), new RegistrationApiConfig(List.of("t1")));
        r.load(List.of());
        return r;
    }

    @Test
    void register_defaults_idFromTokenDigestAndSenderUserCreated() {
        try (Database db = Database.open(dir)) {
            RegisteredService s = registry(db).register(new DraftRegistration("http://127.0.0.1:1", "t1", ns, null, null));
            assertTrue(s.id().matches("as_[0-9a-f]{16}"), s.id());
            assertEquals(s.id(), s.registration().senderLocalpart());
            assertTrue(new Accounts(db, "hs").exists(UserId.parse("@" + s.id() + ":hs")));
        }
    }

    @Test
    void register_again_sameIdFreshHsTokenAndSurvivesReload() {
        try (Database db = Database.open(dir)) {
            AppServiceRegistry r = registry(db);
            RegisteredService first = r.register(new DraftRegistration("http://127.0.0.1:1", "t1", ns, "bridge", "bot"));
            RegisteredService second = r.register(new DraftRegistration("http://127.0.0.1:2", "t1", ns, null, "bot"));
            assertEquals(first.id(), second.id());
            assertNotEquals(first.registration().hsToken(), second.registration().hsToken());
            RegisteredService reloaded = registry(db).byAsToken("t1").orElseThrow();
            assertEquals("http://127.0.0.1:2", reloaded.registration().url());
            assertEquals(second.registration().hsToken(), reloaded.registration().hsToken());
        }
    }

    @Test
    void register_badUrlOrLocalpart_invalidParam() {
        try (Database db = Database.open(dir)) {
            AppServiceRegistry r = registry(db);
            MatrixException e = assertThrows(MatrixException.class,
                    () -> r.register(new DraftRegistration("ftp://x", "t1", ns, null, null)));
            assertEquals("M_INVALID_PARAM", e.errcode());
            assertThrows(MatrixException.class,
                    () -> r.register(new DraftRegistration("http://x", "t1", ns, null, "Bad Bot")));
        }
    }

    @Test
    void unregister_registered_goneAfterReload() {
        try (Database db = Database.open(dir)) {
            AppServiceRegistry r = registry(db);
            r.register(new DraftRegistration("http://127.0.0.1:1", "t1", ns, null, null));
            assertTrue(r.unregister("t1"));
            assertTrue(registry(db).all().isEmpty());
            assertTrue(r.isPreauthorised("t1"));
            assertTrue(!r.isPreauthorised("t2"));
        }
    }
}
