package org.matrixas.bridge.irc.mapping;

import java.util.Objects;
import org.matrixas.bridge.irc.text.IrcNames;

/** An IRC nick on one bridged network. */
public record IrcUserRef(String network, String nick) {

    public IrcUserRef {
        Objects.requireNonNull(network, "network is null");
        if (!IrcNames.isNick(nick)) {
            throw new IllegalArgumentException("not an IRC nick: " + nick);
        }
    }
}
