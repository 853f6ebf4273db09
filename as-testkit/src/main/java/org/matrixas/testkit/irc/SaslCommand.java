package org.matrixas.testkit.irc;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * {@code AUTHENTICATE} with the PLAIN mechanism (<a href="https://ircv3.net/specs/extensions/sasl-3.1">IRCv3
 * SASL</a>, <a href="https://www.rfc-editor.org/rfc/rfc4616">RFC 4616</a>): the client enables the {@code sasl}
 * capability, names the mechanism, the server answers {@code AUTHENTICATE +}, and the client sends
 * {@code authzid NUL authcid NUL password} in base64, in 400-byte chunks. The account is checked against
 * {@link Accounts}: 900 and 903 on success, 904 on failure, 906 when the client aborts, 907 when it is already
 * logged in, 908 (then 904) for another mechanism.
 */
final class SaslCommand {
    static final String MECHANISMS = "PLAIN";
    private static final int CHUNK = 400;
    /** The longest PLAIN payload accepted (base64), far above any real credential. */
    private static final int MAX_PAYLOAD = 4 * CHUNK;

    private final ServerState state;

    SaslCommand(ServerState state) {
        this.state = state;
    }

    void authenticate(ClientConnection c, IrcLine line) {
        String arg = line.param(0);
        if (arg.isEmpty()) {
            state.needMoreParams(c, "AUTHENTICATE");
        } else if (!c.hasCap(ServerState.CAP_SASL)) {
            state.numeric(c, "904", "SASL authentication failed: enable the sasl capability first");
        } else if ("*".equals(arg)) {
            c.saslPayload = null;
            state.numeric(c, "906", "SASL authentication aborted");
        } else if (c.saslPayload != null) {
            payload(c, arg);
        } else if (c.account != null) {
            state.numeric(c, "907", "You have already authenticated using SASL");
        } else if (MECHANISMS.equals(arg.toUpperCase(Locale.ROOT))) {
            c.saslPayload = new StringBuilder();
            state.send(c, Wire.line(null, "AUTHENTICATE", "+"));
        } else {
            state.numeric(c, "908", MECHANISMS, "are available SASL mechanisms");
            state.numeric(c, "904", "SASL authentication failed");
        }
    }

    private void payload(ClientConnection c, String chunk) {
        if (!"+".equals(chunk)) {
            c.saslPayload.append(chunk);
        }
        if (c.saslPayload.length() > MAX_PAYLOAD) {
            c.saslPayload = null;
            state.numeric(c, "905", "SASL message too long");
            return;
        }
        if (chunk.length() == CHUNK) {
            return; // a full chunk: more follows (or "+" ends it)
        }
        String encoded = c.saslPayload.toString();
        c.saslPayload = null;
        String account = check(encoded);
        if (account == null) {
            state.numeric(c, "904", "SASL authentication failed");
            return;
        }
        loggedIn(state, c, account);
        state.numeric(c, "903", "SASL authentication successful");
    }

    /** The account the PLAIN credentials log into, or null. */
    private String check(String encoded) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String[] parts = new String(raw, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return null;
        }
        String authzid = parts[0];
        String authcid = parts[1];
        if (!authzid.isEmpty() && !CaseMapping.same(authzid, authcid)) {
            return null; // no one may act for another account here
        }
        return state.config.accounts().login(authcid, parts[2]).orElse(null);
    }

    /** Marks {@code c} logged into {@code account} and tells it with 900 RPL_LOGGEDIN. */
    static void loggedIn(ServerState state, ClientConnection c, String account) {
        c.account = account;
        state.numeric(c, "900", c.prefix(), account, "You are now logged in as " + account);
    }
}
