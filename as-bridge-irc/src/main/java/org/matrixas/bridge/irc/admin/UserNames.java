package org.matrixas.bridge.irc.admin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.regex.Pattern;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.store.UserNameStore;
import org.matrixas.protocol.id.UserId;

/**
 * {@code !username}: the IRC user name (ident, the {@code user} of {@code nick!user@host}) of the user's puppet on a
 * network, as matrix-appservice-irc offers it. The user name goes to the server only when a connection registers,
 * so it is used from the next connection on; {@code !reconnect} makes one now. Only what every server accepts is
 * taken (<a href="https://datatracker.ietf.org/doc/html/rfc2812#section-2.3.1">RFC 2812</a> allows more, but servers
 * cut and mangle): lowercase letters, digits, {@code - _ .}, starting with a letter or digit, at most
 * {@value #MAX_LENGTH} characters (the usual {@code USERLEN}).
 */
@Singleton
final class UserNames {
    static final String USERNAME = "!username [network] name";
    static final int MAX_LENGTH = 10;
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private final NetworkArgs networks;
    private final UserNameStore store;
    private final Puppets puppets;

    @Inject
    UserNames(BridgeConfig config, UserNameStore store, Puppets puppets) {
        this.networks = new NetworkArgs(config);
        this.store = store;
        this.puppets = puppets;
    }

    String userName(UserId user, AdminCommand c) {
        NetworkArgs.Target t = networks.resolve(c, 1, 1, USERNAME);
        String name = validate(t.args().get(0));
        store.putUserName(t.network(), user, name);
        String saved = "Your IRC user name on " + t.network() + " is now " + name;
        return puppets.existing(t.network(), user).map(p -> p.ident().equals(name)
                ? saved + " (your connection uses it already)."
                : saved + " from your next connection: send !reconnect" + (networks.all().size() > 1
                        ? " " + t.network() : "") + " to reconnect with it now.")
                .orElse(saved + "; you connect with it.");
    }

    /** {@code name} if every IRC server takes it as a user name; otherwise says what is wrong. */
    static String validate(String name) {
        if (!VALID.matcher(name).matches()) {
            throw new AdminException(name + " is not a valid IRC user name: use lowercase letters, digits, -, _"
                    + " and . (starting with a letter or digit).");
        }
        if (name.length() > MAX_LENGTH) {
            throw new AdminException(name + " is too long for an IRC user name (at most " + MAX_LENGTH
                    + " characters).");
        }
        return name;
    }
}
