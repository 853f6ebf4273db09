package org.matrixas.bridge.irc.mapping;

import java.util.Objects;
import org.matrixas.bridge.irc.text.IrcNames;

/**
 * An IRC channel on one bridged network, e.g. ({@code irc.freenode.net}, {@code #matrix}).
 *
 * @param network the network's {@code domain} from the config
 * @param channel the channel name as written
 */
public record ChannelRef(String network, String channel) {

    public ChannelRef {
        Objects.requireNonNull(network, "network is null");
        if (!IrcNames.isChannel(channel)) {
            throw new IllegalArgumentException("not an IRC channel name: " + channel);
        }
    }

    /** The case-folded channel name, for keys. */
    public String key() {
        return IrcNames.fold(channel);
    }

    /** Whether both name the same channel, whatever the case. */
    public boolean sameChannel(ChannelRef other) {
        return network.equals(other.network) && key().equals(other.key());
    }
}
