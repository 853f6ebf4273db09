package org.matrixas.bridge.irc.matrix;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.bridge.irc.mapping.Mappings;
import org.matrixas.bridge.irc.mapping.NetworkMapping;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.store.RoomStore;
import org.matrixas.protocol.id.RoomId;

/**
 * Every room a channel is bridged into: its dynamic room (created on an alias query, kept in the {@link RoomStore})
 * and the existing rooms of its fixed mappings ({@code networks[].mappings}). A fixed room's {@link RoomMapping}
 * carries the channel's alias from the template, which the bridge never binds to that room.
 */
@Singleton
public final class BridgedRooms {
    private final RoomStore rooms;
    private final Mappings mappings;

    @Inject
    BridgedRooms(RoomStore rooms, Mappings mappings) {
        this.rooms = rooms;
        this.mappings = mappings;
    }

    /** The dynamic room first, then the fixed rooms; each room once. */
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
        return out;
    }

    /** The channel {@code room} is bridged to, dynamically or by a fixed mapping. */
    public Optional<RoomMapping> byRoom(RoomId room) {
        Optional<RoomMapping> dynamic = rooms.byRoom(room);
        if (dynamic.isPresent()) {
            return dynamic;
        }
        return mappings.fixedChannelOf(room).map(c -> new RoomMapping(c, room,
                mappings.network(c.network()).aliasFor(c.channel())));
    }
}
