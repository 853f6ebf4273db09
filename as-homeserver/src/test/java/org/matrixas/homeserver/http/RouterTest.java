package org.matrixas.homeserver.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.matrixas.protocol.error.MatrixException;

class RouterTest {
    private final Router router = new Router();

    RouterTest() {
        router.client("PUT", "/rooms/{roomId}/state/{type}/{stateKey?}", Router.Auth.USER, c -> "state");
        router.client("GET", "/rooms/{roomId}/joined_members", Router.Auth.USER, c -> "members");
    }

    private static String[] path(String p) {
        return p.substring(1).split("/", -1);
    }

    @Test
    void match_placeholdersAndEmptyStateKey_bound() {
        Router.Match m = router.match("PUT", path("/_matrix/client/v3/rooms/!r:hs/state/m.room.name/"));
        assertEquals("!r:hs", m.params().get("roomId"));
        assertEquals("", m.params().get("stateKey"));
        assertEquals("@u:hs", router.match("PUT", path("/_matrix/client/r0/rooms/!r:hs/state/m.room.member/@u:hs"))
                .params().get("stateKey"));
    }

    @Test
    void match_wrongMethodOrUnknownPath_405Or404() {
        MatrixException e = assertThrows(MatrixException.class,
                () -> router.match("POST", path("/_matrix/client/v3/rooms/!r:hs/joined_members")));
        assertEquals(405, e.httpStatus());
        assertEquals("M_UNRECOGNIZED", e.errcode());
        MatrixException nf = assertThrows(MatrixException.class,
                () -> router.match("GET", path("/_matrix/client/v3/rooms//joined_members")));
        assertEquals(404, nf.httpStatus());
    }
}
