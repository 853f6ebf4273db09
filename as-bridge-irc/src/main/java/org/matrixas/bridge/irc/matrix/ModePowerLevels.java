package org.matrixas.bridge.irc.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.matrixas.protocol.id.UserId;

/**
 * The arithmetic between IRC member modes and a room's {@code m.room.power_levels} content, after the network's
 * {@code mode_power_levels}. A member's level is that of its highest mode. A mode raises a level; losing a mode
 * lowers it to the next mode still held (or the room's {@code users_default}), but only a level that a mode grants:
 * a level set in Matrix (an admin's 100, say) stays. Levels at or above the bot's own are never touched, since the
 * homeserver would refuse the change.
 */
final class ModePowerLevels {
    private final Map<Character, Integer> levels = new TreeMap<>();

    ModePowerLevels(Map<String, Integer> modePowerLevels) {
        modePowerLevels.forEach((mode, level) -> {
            if (mode.length() == 1 && level != null) {
                levels.put(mode.charAt(0), level);
            }
        });
    }

    /** The level that holding {@code modes} grants: the highest of theirs, or 0 when none is mapped. */
    int levelOf(Set<Character> modes) {
        return modes.stream().filter(levels::containsKey).mapToInt(levels::get).max().orElse(0);
    }

    /** Whether {@code letter} is a member mode the network maps to a level. */
    boolean maps(char letter) {
        return levels.containsKey(letter);
    }

    /** The {@code events_default} of a moderated (+m) room: voice's level, else the lowest positive one, else 1. */
    int moderatedLevel() {
        Integer voice = levels.get('v');
        if (voice != null && voice > 0) {
            return voice;
        }
        return levels.values().stream().filter(l -> l > 0).mapToInt(Integer::intValue).min().orElse(1);
    }

    /**
     * Sets the level of {@code user}, who now holds {@code modes}, in {@code content}.
     *
     * @param mayLower false for modes learnt on joining: they cannot tell a lost mode from a level set in Matrix
     * @param ceiling the bot's own level
     * @return whether {@code content} changed
     */
    boolean apply(ObjectNode content, UserId user, Set<Character> modes, boolean mayLower, int ceiling) {
        int usersDefault = content.path("users_default").asInt(0);
        ObjectNode users = content.has("users") && content.get("users").isObject() ? (ObjectNode) content.get("users")
                : content.putObject("users");
        JsonNode now = users.get(user.toString());
        int current = now != null && now.canConvertToInt() ? now.asInt() : usersDefault;
        int target = Math.max(levelOf(modes), usersDefault);
        if (current >= ceiling || target >= ceiling || target == current) {
            return false;
        }
        if (target < current && (!mayLower || !levels.containsValue(current))) {
            return false;
        }
        if (target == usersDefault) {
            users.remove(user.toString());
        } else {
            users.put(user.toString(), target);
        }
        return true;
    }

    /** Sets {@code events_default} for a moderated room or back to 0; returns whether it changed. */
    boolean applyModerated(ObjectNode content, boolean moderated) {
        int target = moderated ? moderatedLevel() : 0;
        if (content.path("events_default").asInt(0) == target) {
            return false;
        }
        content.put("events_default", target);
        return true;
    }

    /** The level of {@code user} in {@code content}. */
    static int levelIn(ObjectNode content, UserId user) {
        JsonNode level = content.path("users").get(user.toString());
        return level != null && level.canConvertToInt() ? level.asInt() : content.path("users_default").asInt(0);
    }
}
