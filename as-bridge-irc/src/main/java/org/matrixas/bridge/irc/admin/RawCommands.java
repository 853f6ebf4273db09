package org.matrixas.bridge.irc.admin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.irc.PuppetConnection;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.text.IrcLines;
import org.matrixas.protocol.id.UserId;

/**
 * {@code !cmd [network] COMMAND [args]}: one raw IRC line through the user's own connection, as matrix-appservice-irc
 * offers it (e.g. a MODE on oneself, or on a channel where one is an operator). The server's answer is not shown.
 * Commands that would take the connection out of step with the bridge (registration, nick, channels, quitting)
 * and messages (which belong in the rooms) are refused with the command to use instead. The line is one line:
 * CR, LF and NUL are removed and it may not be longer than IRC allows.
 */
@Singleton
final class RawCommands {
    static final String CMD = "!cmd [network] COMMAND [arguments]";
    /** IRC's 512 bytes less CR LF. */
    private static final int MAX_BYTES = 510;
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("PASS", "it is part of logging in; use !storepass"),
            Map.entry("USER", "it is part of logging in; use !username"),
            Map.entry("CAP", "the bridge negotiates capabilities itself"),
            Map.entry("AUTHENTICATE", "use !storepass; the bridge logs in with SASL"),
            Map.entry("NICK", "use !nick, so the bridge keeps track of it"),
            Map.entry("JOIN", "use !join, so the channel gets its room"),
            Map.entry("PART", "use !part, so the room follows"),
            Map.entry("QUIT", "use !quit"),
            Map.entry("PRIVMSG", "say it in the channel's room or the user's PM room"),
            Map.entry("NOTICE", "send it as a notice in the channel's room"));
    private final NetworkArgs networks;
    private final Puppets puppets;

    @Inject
    RawCommands(BridgeConfig config, Puppets puppets) {
        this.networks = new NetworkArgs(config);
        this.puppets = puppets;
    }

    String cmd(UserId user, AdminCommand c) {
        NetworkArgs.Target t = networks.resolve(c, 1, Integer.MAX_VALUE, CMD);
        String line = IrcLines.sanitize(c.restAfter(t.consumed())).strip();
        String command = t.args().get(0).toUpperCase(Locale.ROOT);
        String why = REFUSED.get(command);
        if (why != null) {
            throw new AdminException("!cmd cannot send " + command + ": " + why + ".");
        }
        if (line.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new AdminException("That line is longer than IRC allows (" + MAX_BYTES + " bytes).");
        }
        PuppetConnection p = puppets.ensure(user, null, t.network());
        p.session().sendRaw(line);
        return "Sent to " + t.network() + " as " + p.nick() + ": " + line;
    }
}
