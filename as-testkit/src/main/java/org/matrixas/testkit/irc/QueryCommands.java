package org.matrixas.testkit.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Read-only queries about other users: WHO, WHOIS, ISON and USERHOST. */
final class QueryCommands {
    private static final int USERHOST_MAX = 5;

    private final ServerState state;

    QueryCommands(ServerState state) {
        this.state = state;
    }

    /** Plain RFC WHO (352/315); WHOX is not advertised, so KICL sends {@code WHO #chan} after joining. */
    void who(ClientConnection c, IrcLine line) {
        String mask = line.param(0);
        if (mask.isEmpty()) {
            state.numeric(c, "315", "*", "End of /WHO list.");
            return;
        }
        if (ChannelCommands.isChannelName(mask)) {
            Channel ch = state.channel(mask);
            if (ch != null && (!ch.has('s') || ch.contains(c))) {
                for (Map.Entry<ClientConnection, Channel.Member> e : ch.entries()) {
                    whoReply(c, ch.name, e.getKey(), e.getValue().prefix());
                }
            }
        } else {
            ClientConnection target = state.findNick(mask);
            if (target != null && target.registered) {
                whoReply(c, "*", target, "");
            }
        }
        state.numeric(c, "315", Wire.token(mask), "End of /WHO list.");
    }

    private void whoReply(ClientConnection c, String channel, ClientConnection who, String prefix) {
        String status = (who.away == null ? "H" : "G") + prefix;
        state.numeric(c, "352", channel, who.user, who.host, state.config.serverName(), who.nick, status,
                "0 " + who.realName);
    }

    void whois(ClientConnection c, IrcLine line) {
        String targets = line.last();
        if (targets.isEmpty()) {
            state.numeric(c, "431", "No nickname given");
            return;
        }
        for (String nick : targets.split(",")) {
            ClientConnection who = state.findNick(nick);
            if (who == null || !who.registered) {
                state.numeric(c, "401", Wire.token(nick), "No such nick/channel");
                state.numeric(c, "318", Wire.token(nick), "End of /WHOIS list.");
            } else {
                whoisReply(c, who);
            }
        }
    }

    private void whoisReply(ClientConnection c, ClientConnection who) {
        state.numeric(c, "311", who.nick, who.user, who.host, "*", who.realName);
        List<String> channels = new ArrayList<>();
        for (Channel ch : who.channels) {
            if (!ch.has('s') || ch.contains(c)) {
                channels.add(ch.member(who).prefix() + ch.name);
            }
        }
        if (!channels.isEmpty()) {
            state.numeric(c, "319", who.nick, String.join(" ", channels));
        }
        state.numeric(c, "312", who.nick, state.config.serverName(), state.config.networkName() + " test server");
        if (who.away != null) {
            state.numeric(c, "301", who.nick, who.away);
        }
        if (who.account != null) {
            state.numeric(c, "330", who.nick, who.account, "is logged in as");
        }
        state.numeric(c, "318", who.nick, "End of /WHOIS list.");
    }

    /** ISON takes nicks as separate parameters or as one trailing list; both forms are common. */
    void ison(ClientConnection c, IrcLine line) {
        if (line.params().isEmpty()) {
            state.needMoreParams(c, "ISON");
            return;
        }
        List<String> online = new ArrayList<>();
        for (String param : line.params()) {
            for (String nick : param.split(" ")) {
                ClientConnection who = nick.isEmpty() ? null : state.findNick(nick);
                if (who != null && who.registered) {
                    online.add(who.nick);
                }
            }
        }
        state.numeric(c, "303", String.join(" ", online));
    }

    void userhost(ClientConnection c, IrcLine line) {
        if (line.params().isEmpty()) {
            state.needMoreParams(c, "USERHOST");
            return;
        }
        List<String> replies = new ArrayList<>();
        for (String nick : line.params().subList(0, Math.min(USERHOST_MAX, line.params().size()))) {
            ClientConnection who = state.findNick(nick);
            if (who != null && who.registered) {
                replies.add(who.nick + "=" + (who.away == null ? "+" : "-") + who.user + "@" + who.host);
            }
        }
        state.numeric(c, "302", String.join(" ", replies));
    }
}
