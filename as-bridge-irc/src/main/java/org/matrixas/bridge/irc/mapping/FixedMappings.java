package org.matrixas.bridge.irc.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.matrixas.bridge.irc.config.ChannelMapping;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.id.RoomId;

/**
 * The fixed mappings of one network ({@code networks[].mappings}): each channel's existing rooms and key, and
 * each room's channel. Channels match case-insensitively; a room listed under two channels belongs to the first.
 * Like matrix-appservice-irc's {@code mappings} (its
 * <a href="https://github.com/matrix-org/matrix-appservice-irc/blob/develop/config.sample.yaml">sample config</a>),
 * the rooms exist already; the bridge joins them and creates nothing.
 */
public final class FixedMappings {
    private final String network;
    private final Map<String, ChannelMapping> byChannel = new LinkedHashMap<>();
    private final Map<RoomId, String> channelByRoom = new LinkedHashMap<>();

    FixedMappings(NetworkConfig config) {
        this.network = config.domain();
        for (ChannelMapping m : config.mappings()) {
            byChannel.putIfAbsent(IrcNames.fold(m.channel()), m);
            for (String room : m.rooms()) {
                channelByRoom.putIfAbsent(RoomId.parse(room), m.channel());
            }
        }
    }

    /** The rooms {@code channel} is bridged into by config (none when it has no fixed mapping). */
    public List<RoomId> rooms(String channel) {
        ChannelMapping m = byChannel.get(IrcNames.fold(channel));
        if (m == null) {
            return List.of();
        }
        List<RoomId> out = new ArrayList<>();
        for (String room : m.rooms()) {
            RoomId id = RoomId.parse(room);
            if (channelByRoom.get(id).equals(m.channel())) {
                out.add(id);
            }
        }
        return out;
    }

    /** The channel a fixed room is bridged to. */
    public Optional<ChannelRef> channelOf(RoomId room) {
        return Optional.ofNullable(channelByRoom.get(room)).map(c -> new ChannelRef(network, c));
    }

    /** Every fixed room with its channel, in config order. */
    public Map<RoomId, ChannelRef> all() {
        Map<RoomId, ChannelRef> out = new LinkedHashMap<>();
        channelByRoom.forEach((room, channel) -> out.put(room, new ChannelRef(network, channel)));
        return out;
    }

    /** The channels with a fixed mapping, as written in the config. */
    public List<String> channels() {
        return byChannel.values().stream().map(ChannelMapping::channel).toList();
    }

    /** The key ({@code MODE +k}) to join {@code channel} with, or null when none is set. */
    public String key(String channel) {
        ChannelMapping m = byChannel.get(IrcNames.fold(channel));
        return m == null ? null : m.key();
    }

    /** The key ({@code MODE +k}) to join {@code channel} with on {@code network}, or null when none is set. */
    public static String keyOf(NetworkConfig network, String channel) {
        String folded = IrcNames.fold(channel);
        return network.mappings().stream().filter(m -> IrcNames.fold(m.channel()).equals(folded) && m.key() != null)
                .map(ChannelMapping::key).findFirst().orElse(null);
    }
}
