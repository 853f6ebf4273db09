package org.matrixas.bridge.irc.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;
import org.matrixas.bridge.irc.mapping.ChannelRef;
import org.matrixas.protocol.id.RoomId;

/**
 * Keeps recent room lookups in memory (every bridged line does one), keyed by network and folded channel, and by
 * room ID. Writes go through and refresh both.
 */
final class CachingRoomStore implements RoomStore {
    private final RoomStore delegate;
    private final Cache<String, Optional<RoomMapping>> byChannel = Caffeine.newBuilder().maximumSize(10_000)
            .executor(Runnable::run).build();
    private final Cache<RoomId, Optional<RoomMapping>> byRoom = Caffeine.newBuilder().maximumSize(10_000)
            .executor(Runnable::run).build();

    CachingRoomStore(RoomStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<RoomMapping> byChannel(ChannelRef channel) {
        return byChannel.get(key(channel), k -> delegate.byChannel(channel));
    }

    @Override
    public Optional<RoomMapping> byRoom(RoomId room) {
        return byRoom.get(room, delegate::byRoom);
    }

    @Override
    public synchronized void put(RoomMapping mapping) {
        delegate.byChannel(mapping.channel()).ifPresent(old -> byRoom.invalidate(old.room()));
        delegate.byRoom(mapping.room()).ifPresent(old -> byChannel.invalidate(key(old.channel())));
        delegate.put(mapping);
        byChannel.put(key(mapping.channel()), Optional.of(mapping));
        byRoom.put(mapping.room(), Optional.of(mapping));
    }

    @Override
    public List<RoomMapping> all() {
        return delegate.all();
    }

    private static String key(ChannelRef c) {
        return c.network() + " " + c.key();
    }
}
