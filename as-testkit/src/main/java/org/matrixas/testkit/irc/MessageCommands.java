package org.matrixas.testkit.irc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PRIVMSG and NOTICE. Text is relayed untouched (so CTCP such as ACTION passes through), channel messages
 * go to every member except the sender, and each accepted message is recorded for test assertions.
 * As RFC 1459 requires, NOTICE never triggers error replies, so bots cannot loop on each other. PRIVMSG to
 * {@code NickServ} goes to the {@link NickServ} service and is not recorded.
 */
final class MessageCommands {
    private final ServerState state;
    private final NickServ nickServ;

    MessageCommands(ServerState state) {
        this.state = state;
        this.nickServ = new NickServ(state);
    }

    void privmsg(ClientConnection c, IrcLine line) {
        relay(c, line, "PRIVMSG");
    }

    void notice(ClientConnection c, IrcLine line) {
        relay(c, line, "NOTICE");
    }

    private void relay(ClientConnection c, IrcLine line, String command) {
        boolean errors = "PRIVMSG".equals(command);
        if (line.param(0).isEmpty()) {
            if (errors) {
                state.numeric(c, "411", "No recipient given (" + command + ")");
            }
            return;
        }
        if (line.params().size() < 2 || line.param(1).isEmpty()) {
            if (errors) {
                state.numeric(c, "412", "No text to send");
            }
            return;
        }
        for (String target : line.param(0).split(",")) {
            if (!target.isEmpty()) {
                relayOne(c, command, target, line.param(1), errors);
            }
        }
    }

    private void relayOne(ClientConnection c, String command, String target, String text, boolean errors) {
        String canonical;
        List<ClientConnection> recipients = new ArrayList<>();
        if (ChannelCommands.isChannelName(target)) {
            Channel ch = state.channel(target);
            String problem = ch == null ? "403" : cannotSend(c, ch);
            if (problem != null) {
                if (errors) {
                    String why = ch == null ? "No such channel" : "Cannot send to channel";
                    state.numeric(c, problem, Wire.token(target), why);
                }
                return;
            }
            canonical = ch.name;
            ch.members().stream().filter(m -> m != c).forEach(recipients::add);
        } else if (NickServ.isService(target)) {
            if (errors) {
                nickServ.privmsg(c, text);
            }
            return;
        } else {
            ClientConnection to = state.findNick(target);
            if (to == null || !to.registered) {
                if (errors) {
                    state.numeric(c, "401", Wire.token(target), "No such nick/channel");
                }
                return;
            }
            if (errors && to.away != null) {
                state.numeric(c, "301", to.nick, to.away);
            }
            canonical = to.nick;
            recipients.add(to);
        }
        Instant now = state.now();
        state.record(new RelayedMessage(now, c.nick, canonical, command, text));
        state.event(recipients, Wire.text(c.prefix(), command, canonical, text), now);
    }

    /** Returns the 404 code when channel modes forbid this sender, or null when it may speak. */
    private static String cannotSend(ClientConnection c, Channel ch) {
        Channel.Member m = ch.member(c);
        if (m == null && ch.has('n')) {
            return "404";
        }
        if (ch.has('m') && (m == null || !(m.op || m.voice))) {
            return "404";
        }
        return null;
    }
}
