package org.matrixas.bridge.irc.irc;

import org.matrixas.protocol.id.UserId;

/**
 * Receives what IRC users say privately to a Matrix user's puppet (PRIVMSG, NOTICE, CTCP ACTION to its nick).
 * Called on KICL's thread: do not block.
 */
public interface IrcPrivateMessageListener {

    void onPrivateMessage(String network, UserId matrixUser, String fromNick, IrcMessage.Kind kind, String text);
}
