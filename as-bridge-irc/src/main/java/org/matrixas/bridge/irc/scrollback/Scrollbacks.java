package org.matrixas.bridge.irc.scrollback;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.mapping.ChannelRef;

/**
 * The scroll-back buffers of every channel the bot is in, keyed by network and case-folded channel. A buffer
 * idle for longer than its max age holds nothing worth keeping, so the cache drops it.
 */
@Singleton
public final class Scrollbacks {
    private final BridgeConfig config;
    private final Clock clock;
    private final Cache<String, ScrollbackBuffer> buffers;

    @Inject
    public Scrollbacks(BridgeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        long maxAgeSeconds = config.networks().stream().mapToLong(n -> n.scrollback().maxAge().toSeconds()).max()
                .orElse(0);
        this.buffers = Caffeine.newBuilder()
                .expireAfterAccess(java.time.Duration.ofSeconds(Math.max(1, maxAgeSeconds)))
                .executor(Runnable::run)
                .build();
    }

    public void record(IrcMessage line) {
        buffer(line.channel()).add(line);
    }

    /** The channel's recent lines, oldest first. */
    public List<IrcMessage> recent(ChannelRef channel) {
        ScrollbackBuffer b = buffers.getIfPresent(key(channel));
        return b == null ? List.of() : b.snapshot();
    }

    private ScrollbackBuffer buffer(ChannelRef channel) {
        return buffers.get(key(channel), k -> {
            NetworkConfig n = config.network(channel.network()).orElseThrow();
            return new ScrollbackBuffer(n.scrollback().maxMessages(), n.scrollback().maxAge(), clock);
        });
    }

    private static String key(ChannelRef channel) {
        return channel.network() + " " + channel.key();
    }
}
