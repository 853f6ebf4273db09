package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A fixed mapping: one IRC channel bridged into one or more existing Matrix rooms, whatever the alias template
 * says. The bot joins the channel at start (with {@code key} when the channel is {@code +k}) and invites nobody:
 * the rooms already exist and are managed by their own admins.
 *
 * @param channel the IRC channel, e.g. {@code #project} (required)
 * @param rooms room IDs ({@code !opaque:server}) the channel is bridged into (at least one)
 * @param key the channel key ({@code MODE +k}) to join with, or null
 */
public record ChannelMapping(String channel, List<String> rooms, String key) {
    public ChannelMapping {
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }

    @JsonCreator
    static ChannelMapping fromYaml(@JsonProperty("channel") String channel, @JsonProperty("rooms") List<String> rooms,
            @JsonProperty("key") String key) {
        return new ChannelMapping(channel, rooms, key);
    }
}
