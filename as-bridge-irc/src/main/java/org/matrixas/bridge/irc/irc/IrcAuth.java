package org.matrixas.bridge.irc.irc;

import java.util.List;
import java.util.Optional;
import net.engio.mbassy.listener.Handler;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.event.client.ClientReceiveNumericEvent;
import org.kitteh.irc.client.library.feature.AuthManager;
import org.kitteh.irc.client.library.feature.auth.NickServ;
import org.kitteh.irc.client.library.feature.auth.SaslPlain;
import org.kitteh.irc.client.library.feature.filter.NumericFilter;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a connection logs into its services account when it has a password (the bot's {@code bot_password}, a
 * user's {@code !storepass}): with {@code sasl: true} SASL PLAIN during registration (KICL's {@link SaslPlain}),
 * otherwise {@code PRIVMSG NickServ :IDENTIFY account password} once registered (KICL's {@link NickServ}). The
 * account is the connection's nick. The password goes to KICL only; no log line here or in KICL carries it.
 */
public final class IrcAuth {
    private static final Logger LOG = LoggerFactory.getLogger(IrcAuth.class);

    private IrcAuth() {
    }

    /**
     * Replaces the client's authentication with one for {@code account} and {@code password} (none when the
     * password is empty); takes effect on the next connect.
     */
    static void configure(Client client, NetworkConfig network, String account, Optional<String> password) {
        AuthManager auth = client.getAuthManager();
        List.copyOf(auth.getProtocols()).forEach(auth::removeProtocol);
        if (password.isEmpty() || password.get().isEmpty()) {
            return;
        }
        auth.addProtocol(network.sasl() ? new SaslPlain(client, account, password.get())
                : NickServ.builder(client).account(account).password(password.get()).build());
    }

    /** How a login went, for logs and for the admin room: KICL calls these on the session's event thread. */
    public static final class Events {
        private final IrcSession session;

        Events(IrcSession session) {
            this.session = session;
        }

        /** RPL_LOGGEDIN: {@code <nick> <nick!user@host> <account> :text}. */
        @NumericFilter(900)
        @Handler
        public void onLoggedIn(ClientReceiveNumericEvent e) {
            List<String> p = e.getParameters();
            String account = p.size() >= 3 ? p.get(2) : "?";
            session.loggedIn(account);
            LOG.info("[{}] logged in as {}", session.label(), account);
        }

        /** ERR_NICKLOCKED, ERR_SASLFAIL, ERR_SASLTOOLONG: the password was refused or could not be sent. */
        @NumericFilter(902)
        @NumericFilter(904)
        @NumericFilter(905)
        @Handler
        public void onLoginFailed(ClientReceiveNumericEvent e) {
            LOG.warn("[{}] SASL login failed ({}): check the stored password", session.label(), e.getNumeric());
        }
    }
}
