package org.matrixas.homeserver.registration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.protocol.registration.Registration;

class ExclusivityTest {
    static RegisteredService service(String id, Namespaces ns) {
        return RegisteredService.of(Registration.builder().id(id).url("http://127.0.0.1:1").asToken(id + "-as")
                .hsToken(id + "-hs").senderLocalpart(id + "bot").namespaces(ns).build(), "hs", "test");
    }

    private final RegisteredService irc = service("irc", new Namespaces(List.of(Namespace.exclusive("@irc_.*:hs")),
            List.of(Namespace.exclusive("#irc_.*:hs")), List.of()));
    private final RegisteredService shared = service("shared", new Namespaces(List.of(Namespace.shared("@s_.*:hs")),
            List.of(Namespace.shared("#s_.*:hs")), List.of()));
    private final List<RegisteredService> all = List.of(irc, shared);

    @Test
    void checkUser_humanInExclusiveNamespace_exclusive() {
        MatrixException e = assertThrows(MatrixException.class,
                () -> Exclusivity.checkUser(all, UserId.parse("@irc_bob:hs"), null));
        assertEquals("M_EXCLUSIVE", e.errcode());
        assertThrows(MatrixException.class, () -> Exclusivity.checkUser(all, UserId.parse("@ircbot:hs"), null));
        assertDoesNotThrow(() -> Exclusivity.checkUser(all, UserId.parse("@s_bob:hs"), null));
        assertDoesNotThrow(() -> Exclusivity.checkUser(all, UserId.parse("@alice:hs"), null));
    }

    @Test
    void checkUser_serviceOutsideOwnNamespace_exclusive() {
        assertDoesNotThrow(() -> Exclusivity.checkUser(all, UserId.parse("@irc_bob:hs"), irc));
        assertThrows(MatrixException.class, () -> Exclusivity.checkUser(all, UserId.parse("@alice:hs"), irc));
        assertThrows(MatrixException.class, () -> Exclusivity.checkUser(all, UserId.parse("@irc_bob:hs"), shared));
    }

    @Test
    void checkAlias_bothDirections() {
        assertThrows(MatrixException.class, () -> Exclusivity.checkAlias(all, RoomAlias.parse("#irc_x:hs"), null));
        assertDoesNotThrow(() -> Exclusivity.checkAlias(all, RoomAlias.parse("#s_x:hs"), null));
        assertDoesNotThrow(() -> Exclusivity.checkAlias(all, RoomAlias.parse("#irc_x:hs"), irc));
        assertThrows(MatrixException.class, () -> Exclusivity.checkAlias(all, RoomAlias.parse("#other:hs"), irc));
    }
}
