package org.matrixas.bridge.irc.admin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import org.matrixas.bridge.irc.irc.IrcException;
import org.matrixas.bridge.irc.runtime.BridgeVersion;
import org.matrixas.bridge.irc.store.StoreException;
import org.matrixas.protocol.error.MatrixException;
import org.matrixas.protocol.event.ClientEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one admin-room command and returns what the bot answers. Failures the user can act on become the answer;
 * an unexpected one is logged (never with the command's text, which may hold a password) and the user is told it
 * failed.
 */
@Singleton
final class AdminCommands {
    private static final Logger LOG = LoggerFactory.getLogger(AdminCommands.class);
    static final String HELP = String.join("\n",
            "Commands (the network may be left out when the bridge has only one):",
            ChannelCommands.JOIN + " — join an IRC channel and be invited to its room",
            ChannelCommands.PART + " — leave an IRC channel and its room",
            ConnectionCommands.NICK + " — change your IRC nick (kept across reconnects)",
            ConnectionCommands.WHOIS + " — who is that on IRC",
            ConnectionCommands.RECONNECT + " — reconnect (logs in with your stored password)",
            ChannelCommands.LISTROOMS + " — the channels you are in",
            PasswordCommands.STOREPASS + " — store your IRC account password (encrypted); the account is your nick",
            PasswordCommands.REMOVEPASS + " — forget it",
            UserNames.USERNAME + " — your IRC user name (ident), from the next connection (!reconnect)",
            RawCommands.CMD + " — send one raw IRC line through your connection (e.g. MODE); no answer is shown",
            "!quit — disconnect from every network and leave every bridged room",
            PlumbCommands.PLUMB + " — bridge an existing room to a channel (invite the bot into the room first;"
                    + " needs the power to change the room's power levels)",
            PlumbCommands.UNLINK + " — stop bridging it (whoever plumbed it, or a moderator of the room)",
            "!bridgeversion — the bridge's version",
            "!help — this list");
    private final ChannelCommands channels;
    private final ConnectionCommands connections;
    private final PasswordCommands passwords;
    private final UserNames userNames;
    private final PlumbCommands plumbing;
    private final RawCommands raw;

    @Inject
    AdminCommands(ChannelCommands channels, ConnectionCommands connections, PasswordCommands passwords,
            UserNames userNames, PlumbCommands plumbing, RawCommands raw) {
        this.raw = raw;
        this.userNames = userNames;
        this.plumbing = plumbing;
        this.channels = channels;
        this.connections = connections;
        this.passwords = passwords;
    }

    String run(ClientEvent e, AdminCommand c) {
        try {
            return dispatch(e, c);
        } catch (AdminException | IrcException ex) { // IrcException includes PuppetLimitException
            return ex.getMessage();
        } catch (MatrixException ex) {
            return "!" + c.name() + " failed: the homeserver said " + ex.getMessage();
        } catch (StoreException ex) {
            LOG.warn("admin command !{} of {} failed: {}", c.name(), e.sender(), ex.getMessage());
            return "!" + c.name() + " failed: the bridge cannot use its store; tell the bridge's operator (its log"
                    + " says why).";
        } catch (RuntimeException ex) {
            LOG.warn("admin command !{} of {} failed", c.name(), e.sender(), ex);
            return "!" + c.name() + " failed unexpectedly; the bridge's log has the details.";
        }
    }

    private String dispatch(ClientEvent e, AdminCommand c) {
        return switch (c.name()) {
            case "help" -> HELP;
            case "join" -> channels.join(e.sender(), c);
            case "part" -> channels.part(e.sender(), c);
            case "listrooms" -> channels.listRooms(e.sender(), c);
            case "nick" -> connections.nick(e.sender(), c);
            case "whois" -> connections.whois(e.sender(), c);
            case "reconnect" -> connections.reconnect(e.sender(), c);
            case "quit" -> connections.quit(e.sender(), c);
            case "storepass" -> passwords.storePass(e, c);
            case "removepass" -> passwords.removePass(e, c);
            case "username" -> userNames.userName(e.sender(), c);
            case "plumb" -> plumbing.plumb(e.sender(), c);
            case "unlink" -> plumbing.unlink(e.sender(), c);
            case "cmd" -> raw.cmd(e.sender(), c);
            case "bridgeversion" -> "as-bridge-irc " + BridgeVersion.get();
            default -> "Unknown command !" + c.name() + ". Send !help for the list.";
        };
    }
}
