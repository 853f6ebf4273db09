package org.matrixas.bridge.irc.admin;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.kitteh.irc.client.library.element.User;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.irc.BotConnections;
import org.matrixas.bridge.irc.irc.IrcRequests;
import org.matrixas.bridge.irc.irc.PuppetConnection;
import org.matrixas.bridge.irc.irc.Puppets;
import org.matrixas.bridge.irc.runtime.Timeouts;
import org.matrixas.bridge.irc.store.RoomMapping;
import org.matrixas.bridge.irc.store.RoomStore;
import org.matrixas.bridge.irc.text.IrcNames;
import org.matrixas.protocol.id.InvalidIdException;
import org.matrixas.protocol.id.UserId;

/** {@code !nick}, {@code !whois}, {@code !reconnect} and {@code !quit}: the user's connections themselves. */
@Singleton
final class ConnectionCommands {
    static final String NICK = "!nick [network] NewNick";
    static final String WHOIS = "!whois [network] nick|@user:server";
    static final String RECONNECT = "!reconnect [network]";
    private final NetworkArgs networks;
    private final Puppets puppets;
    private final BotConnections bots;
    private final RoomStore rooms;
    private final Memberships memberships;
    private final Timeouts timeouts;

    @Inject
    ConnectionCommands(BridgeConfig config, Puppets puppets, BotConnections bots, RoomStore rooms,
            Memberships memberships, Timeouts timeouts) {
        this.networks = new NetworkArgs(config);
        this.puppets = puppets;
        this.bots = bots;
        this.rooms = rooms;
        this.memberships = memberships;
        this.timeouts = timeouts;
    }

    String nick(UserId user, AdminCommand c) {
        NetworkArgs.Target t = networks.resolve(c, 1, 1, NICK);
        String wanted = t.args().get(0);
        if (!IrcNames.isNick(wanted)) {
            throw new AdminException(wanted + " is not a valid IRC nick (a letter or one of []\\`_^{|} first, then"
                    + " also digits and -).");
        }
        PuppetConnection p = puppets.ensure(user, null, t.network());
        int max = p.session().nickLength();
        if (wanted.length() > max) {
            throw new AdminException(wanted + " is longer than " + t.network() + " allows (" + max + ").");
        }
        String before = p.nick();
        String now = Waits.await(p.changeNick(wanted), timeouts.ircJoin(), "Changing your nick on " + t.network()
                + " from " + before + " to " + wanted);
        return "Your nick on " + t.network() + " is now " + now + " (it was " + before + ").";
    }

    String whois(UserId user, AdminCommand c) {
        NetworkArgs.Target t = networks.resolve(c, 1, 1, WHOIS);
        String who = t.args().get(0);
        String prefix = "";
        if (who.startsWith("@")) {
            UserId matrixUser = parseUser(who);
            PuppetConnection p = puppets.existing(t.network(), matrixUser).orElseThrow(() -> new AdminException(
                    matrixUser + " is not connected to " + t.network() + " through the bridge."));
            prefix = matrixUser + " is " + p.nick() + " on " + t.network() + ".\n";
            who = p.nick();
        } else if (!IrcNames.isNick(who)) {
            throw new AdminException(who + " is not a valid IRC nick.");
        }
        CompletableFuture<User> answer = IrcRequests.whois(bots.bot(t.network()).session(), who);
        return prefix + summary(Waits.await(answer, timeouts.ircJoin(), "WHOIS " + who + " on " + t.network()));
    }

    private static String summary(User u) {
        List<String> lines = new ArrayList<>();
        lines.add(u.getNick() + " is " + u.getUserString() + "@" + u.getHost()
                + u.getRealName().map(r -> " (" + r + ")").orElse(""));
        if (!u.getChannels().isEmpty()) {
            lines.add("channels: " + String.join(" ", u.getChannels()));
        }
        u.getServer().ifPresent(s -> lines.add("server: " + s));
        u.getAccount().ifPresent(a -> lines.add("logged in as " + a));
        u.getAwayMessage().ifPresent(a -> lines.add("away: " + a));
        u.getOperatorInformation().ifPresent(o -> lines.add("operator: " + o));
        return String.join("\n", lines);
    }

    String reconnect(UserId user, AdminCommand c) {
        NetworkArgs.Target t = networks.resolve(c, 0, 0, RECONNECT);
        Optional<CompletableFuture<Void>> again = puppets.reconnect(t.network(), user);
        PuppetConnection p;
        if (again.isEmpty()) {
            p = puppets.ensure(user, null, t.network());
        } else {
            // The session waits out its first back-off step before connecting again.
            Duration wait = timeouts.reconnectInitial().plus(timeouts.ircJoin());
            Waits.await(again.get(), wait, "Reconnecting to " + t.network());
            p = puppets.existing(t.network(), user).orElseThrow(() -> ChannelCommands.notConnected(t.network()));
        }
        return (again.isEmpty() ? "Connected to " : "Reconnected to ") + t.network() + " as " + p.nick()
                + p.session().account().map(a -> ", logged in as " + a).orElse("") + ".";
    }

    String quit(UserId user, AdminCommand c) {
        if (!c.args().isEmpty()) {
            throw new AdminException("Usage: !quit (it disconnects you from every network)");
        }
        List<String> quit = new ArrayList<>();
        for (String network : networks.all()) {
            if (puppets.disconnect(network, user, "Quit")) {
                quit.add(network);
            }
        }
        int removed = 0;
        for (RoomMapping room : rooms.all()) {
            if (memberships.isIn(room.room(), user)
                    && memberships.remove(room.room(), user, "disconnected from IRC with !quit")) {
                removed++;
            }
        }
        return (quit.isEmpty() ? "You were not connected to IRC" : "Disconnected from " + String.join(", ", quit))
                + "; removed you from " + removed + " bridged room" + (removed == 1 ? "" : "s")
                + ". Your stored nick and password stay; a message in a bridged room connects you again.";
    }

    private static UserId parseUser(String id) {
        try {
            return UserId.parse(id);
        } catch (InvalidIdException e) {
            throw new AdminException(id + " is not a Matrix user ID (" + e.getMessage() + ").");
        }
    }
}
