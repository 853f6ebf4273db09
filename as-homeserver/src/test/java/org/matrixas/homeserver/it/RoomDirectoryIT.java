package org.matrixas.homeserver.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.homeserver.Homeserver;
import org.matrixas.protocol.client.CreateRoomRequest;
import org.matrixas.protocol.client.HomeserverClient;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.id.RoomId;

/** A room's visibility in the public room directory: {@code GET}/{@code PUT /directory/list/room/{roomId}}. */
class RoomDirectoryIT {
    @TempDir
    Path dir;
    private Homeserver hs;
    private HomeserverClient alice;
    private HomeserverClient bob;
    private String aliceToken;

    @BeforeEach
    void start() {
        hs = TestServers.start(dir);
        HomeserverClient anonymous = HomeserverClient.anonymous(hs.baseUrl());
        aliceToken = anonymous.registerUser("alice", "password1").accessToken();
        alice = HomeserverClient.create(hs.baseUrl(), aliceToken);
        bob = HomeserverClient.create(hs.baseUrl(), anonymous.registerUser("bob", "password1").accessToken());
    }

    @AfterEach
    void stop() {
        hs.close();
    }

    @Test
    void setRoomPublished_byCreator_listedThenUnlisted() {
        RoomId room = alice.createRoom(CreateRoomRequest.named("lobby").withPreset("public_chat"));
        assertFalse(alice.isRoomPublished(room), "rooms are private unless asked");

        alice.setRoomPublished(room, true);
        assertTrue(bob.isRoomPublished(room));
        alice.setRoomPublished(room, true);
        assertTrue(alice.isRoomPublished(room), "publishing twice is fine");

        alice.setRoomPublished(room, false);
        assertFalse(alice.isRoomPublished(room));
    }

    @Test
    void setRoomPublished_memberWithoutPower_forbidden() {
        RoomId room = alice.createRoom(CreateRoomRequest.named("lobby").withPreset("public_chat"));
        bob.join(room.toString());
        MatrixException e = assertThrows(MatrixException.class, () -> bob.setRoomPublished(room, true));
        assertEquals(403, e.httpStatus());
        assertFalse(alice.isRoomPublished(room));
    }

    @Test
    void visibility_unknownRoomOrBadValue_clearErrors() throws Exception {
        RoomId unknown = RoomId.parse("!nope:localhost");
        assertEquals(404, assertThrows(MatrixException.class, () -> alice.isRoomPublished(unknown)).httpStatus());
        RoomId room = alice.createRoom(CreateRoomRequest.named("lobby").withPreset("public_chat"));
        var answer = TestServers.call("PUT", hs.baseUrl() + "/_matrix/client/v3/directory/list/room/" + room,
                null, "{\"visibility\":\"public\"}");
        assertEquals(401, answer.status());
        var bad = TestServers.call("PUT", hs.baseUrl() + "/_matrix/client/v3/directory/list/room/" + room, aliceToken,
                "{\"visibility\":\"everyone\"}");
        assertEquals(400, bad.status());
        assertEquals("M_INVALID_PARAM", bad.errcode());
    }
}
