package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.mapping.NetworkMapping;
import org.matrixas.bridge.irc.store.PlumbedRoom;
import org.matrixas.bridge.irc.store.PlumbedRoomStore;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.store.RoomStore;
import org.matrixas.protocol.id.RoomId;

/**
 * Every room a channel is bridged into: its dynamic room (created on an alias query, kept in the {@link RoomStore})
 * the existing rooms of its fixed mappings ({@code networks[].mappings}) and the rooms plumbed at runtime
 * ({@code !plumb}, kept in the {@link PlumbedRoomStore}). A fixed or plumbed room's {@link RoomMapping} carries
 * the channel's alias from the template, which the bridge never binds to that room.
 */
@Singleton
public final class BridgedRooms {
    private final RoomStore rooms;
    private final Mappings mappings;
    private final PlumbedRoomStore plumbed;

    @Inject
    BridgedRooms(RoomStore rooms, Mappings mappings, PlumbedRoomStore plumbed) {
        this.rooms = rooms;
        this.mappings = mappings;
        this.plumbed = plumbed;
    }

    /** The dynamic room first, then the fixed rooms, then the plumbed ones; each room once. */
    public List<RoomMapping> byChannel(ChannelRef channel) {
        List<RoomMapping> out = new ArrayList<>();
        Optional<RoomMapping> dynamic = rooms.byChannel(channel);
        dynamic.ifPresent(out::add);
        NetworkMapping network = mappings.network(channel.network());
        for (RoomId room : network.fixed().rooms(channel.channel())) {
            if (dynamic.isEmpty() || !dynamic.get().room().equals(room)) {
                out.add(new RoomMapping(channel, room, network.aliasFor(channel.channel())));
            }
        }
        for (PlumbedRoom p : plumbed.plumbedRooms(channel)) {
            if (out.stream().noneMatch(m -> m.room().equals(p.room()))) {
                out.add(new RoomMapping(channel, p.room(), network.aliasFor(channel.channel())));
            }
        }
        return out;
    }

    /** The channel {@code room} is bridged to, dynamically, by a fixed mapping or plumbed. */
    public Optional<RoomMapping> byRoom(RoomId room) {
        Optional<RoomMapping> dynamic = rooms.byRoom(room);
        if (dynamic.isPresent()) {
            return dynamic;
        }
        // A plumbed room of a network since removed from the config is not bridged.
        return mappings.fixedChannelOf(room).or(() -> plumbed.plumbedRoom(room).map(PlumbedRoom::channel)
                .filter(c -> mappings.networks().stream().anyMatch(n -> n.network().equals(c.network()))))
                .map(c -> new RoomMapping(c, room, mappings.network(c.network()).aliasFor(c.channel())));
    }
}
