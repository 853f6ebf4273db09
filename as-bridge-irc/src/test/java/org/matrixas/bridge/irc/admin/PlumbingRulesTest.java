package org.matrixas.bridge.irc.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

/** The rules of {@code !username} and of the power levels {@code !plumb} and {@code !unlink} ask for. */
class PlumbingRulesTest {
    private static final UserId ALICE = UserId.parse("@alice:hs.org");
    private static final UserId BOB = UserId.parse("@bob:hs.org");

    @Test
    void validate_userNames_lowercaseIdentCharsUpToTen() {
        assertEquals("alice", UserNames.validate("alice"));
        assertEquals("a1-b_c.d", UserNames.validate("a1-b_c.d"));
        assertEquals("0123456789", UserNames.validate("0123456789"));
        for (String bad : new String[] {"Alice", "al ice", "al@ice", "-alice", ".x", "a!b", "ünï", "a~b"}) {
            AdminException e = assertThrows(AdminException.class, () -> UserNames.validate(bad), bad);
            assertTrue(e.getMessage().startsWith(bad + " is not a valid IRC user name"), e.getMessage());
        }
        AdminException tooLong = assertThrows(AdminException.class, () -> UserNames.validate("abcdefghijk"));
        assertTrue(tooLong.getMessage().contains("at most 10"), tooLong.getMessage());
    }

    @Test
    void roomPowers_listedUsersDefaultsAndStateLevels() {
        ObjectNode content = Json.object().put("users_default", 5).put("state_default", 60);
        content.putObject("users").put(ALICE.toString(), 100);
        content.putObject("events").put("m.room.power_levels", 90);
        RoomPowers p = new RoomPowers(Optional.of(content), Optional.empty());
        assertEquals(100, p.levelOf(ALICE));
        assertEquals(5, p.levelOf(BOB));
        assertEquals(90, p.plumbLevel());
        assertEquals(60, p.stateLevel("m.room.topic"));

        RoomPowers sparse = new RoomPowers(Optional.of(Json.object()), Optional.empty());
        assertEquals(0, sparse.levelOf(ALICE), "users_default is 0 when absent");
        assertEquals(50, sparse.plumbLevel(), "state_default is 50 when absent");
    }

    @Test
    void roomPowers_withoutPowerLevelsEvent_creatorHas100() {
        RoomPowers p = new RoomPowers(Optional.empty(), Optional.of(ALICE));
        assertEquals(100, p.levelOf(ALICE));
        assertEquals(0, p.levelOf(BOB));
        assertEquals(50, p.plumbLevel());
    }
}
