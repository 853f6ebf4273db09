package org.matrixas.bridge.irc.admin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.store.PasswordStore;
import org.matrixas.protocol.event.ClientEvent;

/**
 * {@code !storepass} and {@code !removepass}. The password is everything after the command (and the network, if
 * named), spaces included; it is stored encrypted, the command message is redacted when the homeserver allows it,
 * and no reply or log line repeats it. It is used from the next connection on ({@code !reconnect}).
 */
@Singleton
final class PasswordCommands {
    static final String STOREPASS = "!storepass [network] password";
    static final String REMOVEPASS = "!removepass [network]";
    private final PasswordStore passwords;
    private final NetworkArgs networks;
    private final AdminReplies replies;
    private final BridgeConfig config;

    @Inject
    PasswordCommands(PasswordStore passwords, BridgeConfig config, AdminReplies replies) {
        this.passwords = passwords;
        this.networks = new NetworkArgs(config);
        this.replies = replies;
        this.config = config;
    }

    String storePass(ClientEvent e, AdminCommand c) {
        // Redact first: whatever happens next, the password should not stay in the room.
        boolean redacted = replies.redact(e.roomId(), e.eventId(), "contains a password");
        String removal = redacted ? " I removed your message that contained it."
                : " I could not remove your message that contains it (I may lack the power to redact here):"
                + " please delete (redact) it yourself.";
        NetworkArgs.Target t;
        try {
            t = networks.resolve(c, 1, Integer.MAX_VALUE, STOREPASS);
        } catch (AdminException ex) {
            throw new AdminException(ex.getMessage() + removal);
        }
        String password = c.restAfter(t.consumed());
        passwords.putPassword(t.network(), e.sender(), password);
        String how = config.network(t.network()).orElseThrow().sasl() ? "SASL" : "NickServ";
        return "Password stored (encrypted) for " + t.network() + "; your connection logs in with it (" + how
                + ", account: your nick) from the next connect: send !reconnect" + (networks.all().size() > 1
                ? " " + t.network() : "") + " to use it now." + removal;
    }

    String removePass(ClientEvent e, AdminCommand c) {
        NetworkArgs.Target t = networks.resolve(c, 0, 0, REMOVEPASS);
        return passwords.removePassword(t.network(), e.sender())
                ? "Password for " + t.network() + " removed. Your current connection stays as it is."
                : "You had no password stored for " + t.network() + ".";
    }
}
