package org.matrixas.testkit.irc;

import java.util.Set;

/**
 * Commands about a client's own session: registration (PASS, NICK, USER and the welcome burst),
 * keep-alive, AWAY, MOTD and QUIT.
 */
final class SessionCommands {
    static final String VERSION = "as-testkit-irc-1";
    private static final int USER_LEN = 10;
    private static final String SPECIALS = "[]\\`_^{|}";

    private final ServerState state;

    SessionCommands(ServerState state) {
        this.state = state;
    }

    void pass(ClientConnection c, IrcLine line) {
        if (c.registered) {
            state.numeric(c, "462", "You may not reregister");
        }
        // Before registration the password is accepted and ignored: the test network is open.
    }

    /**
     * Nicks longer than NICKLEN are truncated to NICKLEN (as many servers do) and the client learns its
     * effective nick from 001 or the NICK echo; only then is validity and uniqueness checked.
     */
    void nick(ClientConnection c, IrcLine line) {
        String requested = line.param(0);
        if (requested.isEmpty()) {
            state.numeric(c, "431", "No nickname given");
            return;
        }
        int max = state.config.nickLen();
        String nick = requested.length() > max ? requested.substring(0, max) : requested;
        if (!isValidNick(nick)) {
            state.numeric(c, "432", Wire.token(requested), "Erroneous nickname");
            return;
        }
        if (NickServ.isService(nick)) {
            state.numeric(c, "432", Wire.token(requested), "Reserved for services");
            return;
        }
        if (nick.equals(c.nick)) {
            return;
        }
        ClientConnection holder = state.findNick(nick);
        if (holder != null && holder != c) {
            state.numeric(c, "433", nick, "Nickname is already in use");
            return;
        }
        if (!c.registered) {
            state.claimNick(c, nick);
            tryCompleteRegistration(c);
            return;
        }
        String oldPrefix = c.prefix();
        Set<ClientConnection> audience = state.peersOf(c, true);
        state.claimNick(c, nick);
        state.event(audience, Wire.text(oldPrefix, "NICK", nick), state.now());
    }

    void user(ClientConnection c, IrcLine line) {
        if (c.registered) {
            state.numeric(c, "462", "You may not reregister");
            return;
        }
        if (line.params().size() < 4) {
            state.needMoreParams(c, "USER");
            return;
        }
        c.user = sanitizeUser(line.param(0));
        c.realName = line.param(3);
        tryCompleteRegistration(c);
    }

    void ping(ClientConnection c, IrcLine line) {
        if (line.params().isEmpty()) {
            state.numeric(c, "409", "No origin specified");
            return;
        }
        String server = state.config.serverName();
        state.send(c, Wire.text(server, "PONG", server, line.param(0)));
    }

    void pong(ClientConnection c, IrcLine line) {
        // The server never pings on its own, so a PONG carries no information worth acting on.
    }

    void quit(ClientConnection c, IrcLine line) {
        String reason = line.param(0);
        String message = reason.isEmpty() ? "Client Quit" : "Quit: " + reason;
        state.endSession(c, message, true);
        state.send(c, Wire.text(null, "ERROR", "Closing Link: " + c.host + " (" + message + ")"));
        c.requestClose(ClientConnection.CloseMode.AFTER_FLUSH, message);
    }

    void away(ClientConnection c, IrcLine line) {
        String text = line.param(0);
        if (text.isEmpty()) {
            c.away = null;
            state.numeric(c, "305", "You are no longer marked as being away");
        } else {
            c.away = text;
            state.numeric(c, "306", "You have been marked as being away");
        }
    }

    void motd(ClientConnection c, IrcLine line) {
        sendMotd(c);
    }

    private void sendMotd(ClientConnection c) {
        if (state.config.motd().isEmpty()) {
            state.numeric(c, "422", "MOTD File is missing");
            return;
        }
        state.numeric(c, "375", "- " + state.config.serverName() + " Message of the Day - ");
        state.config.motd().forEach(text -> state.numeric(c, "372", "- " + text));
        state.numeric(c, "376", "End of /MOTD command.");
    }

    /** Registration completes once NICK and USER are known and any CAP negotiation has ended. */
    void tryCompleteRegistration(ClientConnection c) {
        if (c.registered || c.nick == null || c.user == null || c.capNegotiating) {
            return;
        }
        c.registered = true;
        welcome(c);
    }

    /** KICL treats the client as connected on 004 and reads ISUPPORT from 005, so both must be exact. */
    private void welcome(ClientConnection c) {
        ServerConfig cfg = state.config;
        state.numeric(c, "001", "Welcome to the " + cfg.networkName() + " Internet Relay Chat Network "
                + c.prefix());
        state.numeric(c, "002", "Your host is " + cfg.serverName() + ", running version " + VERSION);
        state.numeric(c, "003", "This server was created " + state.createdAt);
        state.numericTokens(c, "004", cfg.serverName(), VERSION, "iow", "biklmnostv");
        state.numeric(c, "005", "NETWORK=" + cfg.networkName(), "NICKLEN=" + cfg.nickLen(),
                "CHANNELLEN=" + ChannelCommands.CHANNEL_LEN, "TOPICLEN=" + ChannelCommands.TOPIC_LEN,
                "CHANTYPES=#&", "PREFIX=(ov)@+", "CHANMODES=b,k,l,imnst", "CASEMAPPING=rfc1459",
                "are supported by this server");
        sendMotd(c);
    }

    static boolean isValidNick(String nick) {
        if (nick.isEmpty() || !(isLetter(nick.charAt(0)) || SPECIALS.indexOf(nick.charAt(0)) >= 0)) {
            return false;
        }
        for (int i = 1; i < nick.length(); i++) {
            char ch = nick.charAt(i);
            if (!isLetter(ch) && !(ch >= '0' && ch <= '9') && ch != '-' && SPECIALS.indexOf(ch) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    /** Usernames end up inside every prefix, so only characters that cannot break a prefix survive. */
    private static String sanitizeUser(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length() && sb.length() < USER_LEN; i++) {
            char ch = raw.charAt(i);
            if (isLetter(ch) || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
                sb.append(ch);
            }
        }
        return sb.length() == 0 ? "user" : sb.toString();
    }
}
