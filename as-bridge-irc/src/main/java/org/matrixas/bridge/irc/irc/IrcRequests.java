package org.matrixas.bridge.irc.irc;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.element.User;
import org.kitteh.irc.client.library.event.client.ClientNegotiationCompleteEvent;
import org.kitteh.irc.client.library.event.client.ClientReceiveCommandEvent;
import org.kitteh.irc.client.library.event.client.ClientReceiveNumericEvent;
import org.kitteh.irc.client.library.event.user.WhoisEvent;
import org.kitteh.irc.client.library.feature.filter.CommandFilter;
import org.matrixas.bridge.irc.text.IrcNames;

/**
 * Requests whose answer comes back as later server lines: a nick change, a WHOIS, a reconnect. Each registers a
 * one-shot listener on the session's client for the answer and removes it once the future completes (callers
 * bound the wait; a listener whose wait timed out is removed when the caller cancels the future).
 */
public final class IrcRequests {
    /** ERR_NONICKNAMEGIVEN, ERRONEUSNICKNAME, NICKNAMEINUSE, NICKCOLLISION, UNAVAILRESOURCE, NICKTOOFAST, NONICKCHANGE, RESTRICTED. */
    private static final Set<Integer> NICK_ERRORS = Set.of(431, 432, 433, 436, 437, 438, 447, 484);

    private IrcRequests() {
    }

    /**
     * Changes the connection's nick; completes with the nick the server confirmed, or fails with the server's
     * reason (e.g. {@code Nickname is already in use (433)}), in which case the connection keeps its nick.
     */
    public static CompletableFuture<String> changeNick(IrcSession session, String nick) {
        Client client = session.client();
        String before = client.getNick();
        if (nick.equals(before)) {
            return CompletableFuture.completedFuture(before);
        }
        NickChange wait = new NickChange(client, before, nick);
        register(client, wait, wait.result);
        client.setNick(nick);
        return wait.result;
    }

    /** WHOIS {@code nick}; completes with what the server said, or fails with {@code No such nick}. */
    public static CompletableFuture<User> whois(IrcSession session, String nick) {
        Client client = session.client();
        Whois wait = new Whois(nick);
        register(client, wait, wait.result);
        client.commands().whois().target(nick).execute();
        return wait.result;
    }

    /** Quits with {@code reason} and connects again (after the session's back-off); completes once registered. */
    public static CompletableFuture<Void> reconnect(IrcSession session, String reason) {
        Client client = session.client();
        Registered wait = new Registered();
        register(client, wait, wait.result);
        client.reconnect(reason);
        return wait.result;
    }

    private static void register(Client client, Object listener, CompletableFuture<?> result) {
        client.getEventManager().registerEventListener(listener);
        result.whenComplete((r, e) -> client.getEventManager().unregisterEventListener(listener));
    }

    private static String reason(List<String> params, int numeric) {
        return (params.isEmpty() ? "refused" : params.get(params.size() - 1)) + " (" + numeric + ")";
    }

    /** Waits for the NICK echo or a nick error. Public for KICL's reflection. */
    public static final class NickChange {
        final CompletableFuture<String> result = new CompletableFuture<>();
        private final Client client;
        private final String before;
        private final String wanted;

        NickChange(Client client, String before, String wanted) {
            this.client = client;
            this.before = before;
            this.wanted = wanted;
        }

        @CommandFilter("NICK")
        @Handler
        public void onNick(ClientReceiveCommandEvent e) {
            if (e.getActor() instanceof User u && IrcNames.fold(u.getNick()).equals(IrcNames.fold(before))
                    && !e.getParameters().isEmpty()) {
                result.complete(e.getParameters().get(0));
            }
        }

        @Handler
        public void onNumeric(ClientReceiveNumericEvent e) {
            List<String> p = e.getParameters();
            boolean aboutWanted = p.size() < 3 || IrcNames.fold(p.get(1)).equals(IrcNames.fold(wanted));
            if (NICK_ERRORS.contains(e.getNumeric()) && aboutWanted && !result.isDone()) {
                client.setNick(before); // KICL would otherwise keep trying for the refused nick later
                result.completeExceptionally(new IrcException(wanted + ": " + reason(p, e.getNumeric())));
            }
        }
    }

    /** Waits for KICL's WHOIS summary or ERR_NOSUCHNICK / ERR_NOSUCHSERVER. Public for KICL's reflection. */
    public static final class Whois {
        final CompletableFuture<User> result = new CompletableFuture<>();
        private final String nick;

        Whois(String nick) {
            this.nick = nick;
        }

        @Handler
        public void onWhois(WhoisEvent e) {
            if (IrcNames.fold(e.getWhoisData().getNick()).equals(IrcNames.fold(nick))) {
                result.complete(e.getWhoisData());
            }
        }

        @Handler
        public void onNumeric(ClientReceiveNumericEvent e) {
            List<String> p = e.getParameters();
            if ((e.getNumeric() == 401 || e.getNumeric() == 402) && p.size() >= 2
                    && IrcNames.fold(p.get(1)).equals(IrcNames.fold(nick))) {
                result.completeExceptionally(new IrcException(nick + ": " + reason(p, e.getNumeric())));
            }
        }
    }

    /** Waits for the next registration. Public for KICL's reflection. */
    public static final class Registered {
        final CompletableFuture<Void> result = new CompletableFuture<>();

        @Handler
        public void onNegotiated(ClientNegotiationCompleteEvent e) {
            result.complete(null);
        }
    }
}
