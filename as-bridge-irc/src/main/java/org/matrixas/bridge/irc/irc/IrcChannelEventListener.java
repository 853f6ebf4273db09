package org.matrixas.bridge.irc.irc;

/** Receives membership and topic changes the bots see. Called on KICL's thread: do not block. */
public interface IrcChannelEventListener {

    void onChannelEvent(IrcChannelEvent event);
}
