package org.matrixas.bridge.irc.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.json.Json;

class ModePowerLevelsTest {
    private static final UserId BOB = UserId.parse("@irc/_bob:hs");
    private static final ModePowerLevels LEVELS = new ModePowerLevels(Map.of("o", 50, "v", 1));

    private static ObjectNode content() {
        ObjectNode c = Json.object().put("users_default", 0);
        c.putObject("users").put("@bot:hs", 100).put("@admin:hs", 100);
        return c;
    }

    @Test
    void apply_opThenVoiceThenDeop_fallsBackToVoiceThenNothing() {
        ObjectNode c = content();
        assertTrue(LEVELS.apply(c, BOB, Set.of('o'), true, 100));
        assertEquals(50, ModePowerLevels.levelIn(c, BOB));
        assertFalse(LEVELS.apply(c, BOB, Set.of('o', 'v'), true, 100), "+v under +o changes nothing");
        assertTrue(LEVELS.apply(c, BOB, Set.of('v'), true, 100));
        assertEquals(1, ModePowerLevels.levelIn(c, BOB));
        assertTrue(LEVELS.apply(c, BOB, Set.of(), true, 100));
        assertFalse(c.get("users").has(BOB.toString()), "back at users_default: the entry goes");
    }

    @Test
    void apply_levelSetInMatrix_neverLowered() {
        ObjectNode c = content();
        UserId admin = UserId.parse("@admin:hs");
        assertFalse(LEVELS.apply(c, admin, Set.of(), true, 100), "at the bot's own level");
        c.with("users").put(BOB.toString(), 75);
        assertFalse(LEVELS.apply(c, BOB, Set.of('v'), true, 100), "75 is no mode's level");
        assertEquals(75, ModePowerLevels.levelIn(c, BOB));
    }

    @Test
    void apply_initialModes_onlyRaise() {
        ObjectNode c = content();
        c.with("users").put(BOB.toString(), 50);
        assertFalse(LEVELS.apply(c, BOB, Set.of('v'), false, 100));
        assertTrue(LEVELS.apply(c, UserId.parse("@irc/_carol:hs"), Set.of('v'), false, 100));
    }

    @Test
    void apply_unmappedModesAndCeiling_ignored() {
        ObjectNode c = content();
        assertFalse(LEVELS.apply(c, BOB, Set.of('x'), true, 100));
        ModePowerLevels owners = new ModePowerLevels(Map.of("q", 100));
        assertFalse(owners.apply(c, BOB, Set.of('q'), true, 100), "the bot cannot grant its own level");
    }

    @Test
    void applyModerated_voiceLevel_andBack() {
        ObjectNode c = content();
        assertTrue(LEVELS.applyModerated(c, true));
        assertEquals(1, c.get("events_default").asInt());
        assertFalse(LEVELS.applyModerated(c, true));
        assertTrue(LEVELS.applyModerated(c, false));
        assertEquals(0, c.get("events_default").asInt());
        assertEquals(10, new ModePowerLevels(Map.of("o", 50, "h", 10)).moderatedLevel());
    }
}
