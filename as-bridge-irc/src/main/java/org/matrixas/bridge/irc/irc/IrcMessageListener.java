package org.matrixas.bridge.irc.irc;

/** Receives the channel lines the bots see (never the bridge's own lines). Called on KICL's thread: do not block. */
public interface IrcMessageListener {

    void onMessage(IrcMessage message);
}
