package org.matrixas.bridge.irc.irc;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.event.client.ClientNegotiationCompleteEvent;
import org.kitteh.irc.client.library.event.client.NickRejectedEvent;
import org.kitteh.irc.client.library.event.user.PrivateCtcpQueryEvent;
import org.kitteh.irc.client.library.event.user.PrivateMessageEvent;
import org.kitteh.irc.client.library.event.user.PrivateNoticeEvent;
import org.kitteh.irc.client.library.event.user.UserNickChangeEvent;
import org.matrixas.bridge.irc.mapping.PuppetNickTemplate;
import org.matrixas.bridge.irc.text.IrcLines;
import org.matrixas.protocol.id.UserId;

/**
 * The IRC connection that speaks for one Matrix user on one network. Text is split into lines and cleaned by
 * {@link IrcLines} before it reaches KICL, so Matrix content can never become a second IRC command. What IRC users
 * say privately to the puppet goes to the {@link IrcPrivateMessageListener}.
 */
public final class PuppetConnection implements AutoCloseable {
    private final UserId user;
    private final String network;
    private final IrcSession session;
    private final int nickLength;
    private final Consumer<String> onNick;
    private final IrcPrivateMessageListener privateMessages;
    private final Supplier<CompletableFuture<Void>> written;
    private final String ident;

    PuppetConnection(UserId user, String network, IrcSession session, String ident, int nickLength,
            Consumer<String> onNick, IrcPrivateMessageListener privateMessages,
            Supplier<CompletableFuture<Void>> written) {
        this.ident = ident;
        this.written = written;
        this.user = user;
        this.network = network;
        this.session = session;
        this.nickLength = nickLength;
        this.onNick = onNick;
        this.privateMessages = privateMessages;
    }

    void start() {
        session.start(new Events());
    }

    public UserId user() {
        return user;
    }

    public String network() {
        return network;
    }

    public IrcSession session() {
        return session;
    }

    public String nick() {
        return session.nick();
    }

    /** The IRC user name (ident) the connection registered with. */
    public String ident() {
        return ident;
    }

    /** The channels the puppet is in now, sorted. */
    public List<String> channels() {
        return session.client().getChannels().stream().map(c -> c.getName()).sorted().toList();
    }

    /** Changes the puppet's nick ({@link IrcRequests#changeNick}) and remembers it for the next connection. */
    public java.util.concurrent.CompletableFuture<String> changeNick(String newNick) {
        return IrcRequests.changeNick(session, newNick).thenApply(actual -> {
            onNick.accept(actual);
            return actual;
        });
    }

    /** Says {@code text} in {@code target} as PRIVMSG, CTCP ACTION or NOTICE, one IRC message per line. */
    public void say(String target, IrcMessage.Kind kind, String text) {
        sayLines(target, kind, IrcLines.split(text, IrcLines.payloadLimit(nick(), target,
                kind == IrcMessage.Kind.ACTION)));
    }

    /**
     * Says each of {@code lines} as one IRC message; each must already be clean ({@link IrcLines}) and short
     * enough; it is sanitised again here, so a line can never carry a second command. The lines wait in the
     * connection's flood-paced queue: the future completes once they are written to IRC, and fails if the
     * connection is shut down first.
     */
    public CompletableFuture<Void> sayLines(String target, IrcMessage.Kind kind, List<String> lines) {
        session.touch();
        session.say(target, kind, lines);
        return written.get();
    }

    @Override
    public void close() {
        session.close();
    }

    /** Quits with {@code reason}. */
    void close(String reason) {
        session.close(reason);
    }

    /** KICL calls these on its event thread. Public for KICL's reflection. */
    public final class Events {
        @Handler
        public void onNickRejected(NickRejectedEvent e) {
            // Once registered a refusal answers a nick change (!nick), which reports it: keep the nick we have.
            e.setNewNick(session.isConnected() ? session.nick()
                    : PuppetNickTemplate.fallback(e.getAttemptedNick(), nickLength));
        }

        @Handler
        public void onNegotiated(ClientNegotiationCompleteEvent e) {
            onNick.accept(session.nick());
        }

        /** A nick changed after registration (a new display name) is stored like the first one. */
        @Handler
        public void onNickChange(UserNickChangeEvent e) {
            if (session.client().isUser(e.getOldUser()) || session.client().isUser(e.getNewUser())) {
                onNick.accept(e.getNewUser().getNick());
            }
        }

        @Handler
        public void onPrivateMessage(PrivateMessageEvent e) {
            if (e.isToClient()) {
                privateMessages.onPrivateMessage(network, user, e.getActor().getNick(), IrcMessage.Kind.MESSAGE,
                        e.getMessage());
            }
        }

        @Handler
        public void onPrivateNotice(PrivateNoticeEvent e) {
            if (e.isToClient()) {
                privateMessages.onPrivateMessage(network, user, e.getActor().getNick(), IrcMessage.Kind.NOTICE,
                        e.getMessage());
            }
        }

        @Handler
        public void onPrivateCtcp(PrivateCtcpQueryEvent e) {
            if (e.isToClient() && e.getMessage().startsWith("ACTION ")) {
                privateMessages.onPrivateMessage(network, user, e.getActor().getNick(), IrcMessage.Kind.ACTION,
                        e.getMessage().substring(7));
            }
        }
    }
}
