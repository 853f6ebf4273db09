package org.matrixas.bridge.irc.irc;

import java.util.function.Consumer;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.event.client.ClientNegotiationCompleteEvent;
import org.kitteh.irc.client.library.event.client.NickRejectedEvent;
import org.matrixas.bridge.irc.mapping.PuppetNickTemplate;
import org.matrixas.bridge.irc.text.IrcLines;
import org.matrixas.protocol.id.UserId;

/**
 * The IRC connection that speaks for one Matrix user on one network. Text is split into lines and cleaned by
 * {@link IrcLines} before it reaches KICL, so Matrix content can never become a second IRC command.
 */
public final class PuppetConnection implements AutoCloseable {
    private final UserId user;
    private final IrcSession session;
    private final int nickLength;
    private final Consumer<String> onNick;

    PuppetConnection(UserId user, IrcSession session, int nickLength, Consumer<String> onNick) {
        this.user = user;
        this.session = session;
        this.nickLength = nickLength;
        this.onNick = onNick;
    }

    void start() {
        session.start(new Events());
    }

    public UserId user() {
        return user;
    }

    public IrcSession session() {
        return session;
    }

    public String nick() {
        return session.nick();
    }

    /** Says {@code text} in {@code target} as PRIVMSG, CTCP ACTION or NOTICE, one IRC message per line. */
    public void say(String target, IrcMessage.Kind kind, String text) {
        for (String line : IrcLines.split(text)) {
            switch (kind) {
                case MESSAGE -> session.client().sendMultiLineMessage(target, line);
                case NOTICE -> session.client().sendMultiLineNotice(target, line);
                case ACTION -> session.client().sendCtcpMessage(target, "ACTION " + line);
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
        }
    }

    @Override
    public void close() {
        session.close();
    }

    /** KICL calls these on its event thread. Public for KICL's reflection. */
    public final class Events {
        @Handler
        public void onNickRejected(NickRejectedEvent e) {
            e.setNewNick(PuppetNickTemplate.fallback(e.getAttemptedNick(), nickLength));
        }

        @Handler
        public void onNegotiated(ClientNegotiationCompleteEvent e) {
            onNick.accept(session.nick());
        }
    }
}
