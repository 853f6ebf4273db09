package org.matrixas.bridge.irc.store;

import java.util.List;
import org.matrixas.bridge.irc.irc.IrcMessage;

/**
 * IRC channel lines read by the bot but not yet posted to Matrix. IRC never sends a line again, so the bot stores
 * each line as it reads it; a bridge killed before posting it posts it after the restart. Each line has a sequence
 * number that, with {@link #instance()}, makes the transaction IDs of its Matrix sends repeatable: a line posted
 * just before the kill is posted again under the same transaction ID, and the homeserver answers with the first
 * event instead of adding a second.
 */
public interface Inbox {

    /** Stores {@code message}; its sequence number. */
    long add(IrcMessage message);

    /** Marks the line as posted to every room it could be posted to. */
    void done(long seq);

    /** The lines not yet done, oldest first. */
    List<Entry> pending();

    /**
     * A random name of this database, made when it was created: a new database starts its sequence numbers again
     * and must not reuse an old one's transaction IDs.
     */
    String instance();

    /** A stored line and its sequence number. */
    record Entry(long seq, IrcMessage message) {
    }
}
