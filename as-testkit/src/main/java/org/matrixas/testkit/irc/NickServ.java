package org.matrixas.testkit.irc;

import java.util.Locale;

/**
 * A minimal NickServ: {@code PRIVMSG NickServ :IDENTIFY [account] password} logs the sender into an
 * {@link Accounts} account (the sender's nick when no account is named), answered with a NOTICE (Atheme's wording) from
 * {@code NickServ} and, on success, 900 RPL_LOGGEDIN as services-backed networks send it. The nick is reserved;
 * what is said to NickServ is never recorded in {@link IrcServer#messages()} (it carries passwords).
 */
final class NickServ {
    static final String NICK = "NickServ";
    private static final String PREFIX = NICK + "!" + NICK + "@services.";

    private final ServerState state;

    NickServ(ServerState state) {
        this.state = state;
    }

    static boolean isService(String target) {
        return CaseMapping.same(target, NICK);
    }

    void privmsg(ClientConnection c, String text) {
        String[] words = text.trim().split(" +");
        switch (words[0].toUpperCase(Locale.ROOT)) {
            case "IDENTIFY" -> identify(c, text);
            case "HELP" -> reply(c, "Commands: IDENTIFY [account] password");
            default -> reply(c, "Unknown command " + words[0] + ". Try HELP.");
        }
    }

    /** {@code IDENTIFY password} for the sender's nick, or {@code IDENTIFY account password...} (spaces kept). */
    private void identify(ClientConnection c, String text) {
        String[] parts = text.trim().split(" +", 3);
        if (parts.length < 2) {
            reply(c, "Syntax: IDENTIFY [account] password");
            return;
        }
        String account = parts.length == 3 ? parts[1] : c.nick;
        String password = parts[parts.length - 1];
        String loggedIn = state.config.accounts().login(account, password).orElse(null);
        if (loggedIn == null) {
            reply(c, "Invalid password for " + account + ".");
            return;
        }
        SaslCommand.loggedIn(state, c, loggedIn);
        // Atheme's wording, the account in bold: KICL's NickServ support parses it.
        reply(c, "You are now identified for \u0002" + loggedIn + "\u0002.");
    }

    private void reply(ClientConnection c, String text) {
        state.send(c, Wire.text(PREFIX, "NOTICE", c.nickOrStar(), text));
    }
}
