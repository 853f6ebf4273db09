package org.matrixas.bridge.irc.irc;

/** Receives membership, topic and mode changes the bots see. Called on KICL's thread: do not block. */
public interface IrcChannelEventListener {

    void onChannelEvent(IrcChannelEvent event);

    /** A change of channel or member modes, or the modes learnt on joining; ignored unless overridden. */
    default void onModeChange(IrcModeChange change) {
    }
}
