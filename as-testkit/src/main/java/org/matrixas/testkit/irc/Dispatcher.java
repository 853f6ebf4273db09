package org.matrixas.testkit.irc;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Routes a parsed line to its handler and enforces the one rule every handler shares: before
 * registration only the registration commands are allowed (451 otherwise). Unknown commands get 421.
 */
final class Dispatcher {
    /** A command handler; runs with the {@link ServerState} lock held. */
    @FunctionalInterface
    interface Command {
        void run(ClientConnection c, IrcLine line);
    }

    private static final Set<String> BEFORE_REGISTRATION = Set.of("CAP", "AUTHENTICATE", "PASS", "NICK", "USER",
            "PING", "PONG", "QUIT");

    private final ServerState state;
    private final Map<String, Command> commands = new HashMap<>();

    Dispatcher(ServerState state) {
        this.state = state;
        SessionCommands session = new SessionCommands(state);
        CapCommand cap = new CapCommand(state, session);
        ChannelCommands channels = new ChannelCommands(state);
        MessageCommands messages = new MessageCommands(state);
        QueryCommands queries = new QueryCommands(state);
        ModeCommand mode = new ModeCommand(state);
        SaslCommand sasl = new SaslCommand(state);
        commands.put("CAP", cap::cap);
        commands.put("AUTHENTICATE", sasl::authenticate);
        commands.put("PASS", session::pass);
        commands.put("NICK", session::nick);
        commands.put("USER", session::user);
        commands.put("PING", session::ping);
        commands.put("PONG", session::pong);
        commands.put("QUIT", session::quit);
        commands.put("AWAY", session::away);
        commands.put("MOTD", session::motd);
        commands.put("JOIN", channels::join);
        commands.put("PART", channels::part);
        commands.put("KICK", channels::kick);
        commands.put("TOPIC", channels::topic);
        commands.put("NAMES", channels::names);
        commands.put("LIST", channels::list);
        commands.put("MODE", mode::mode);
        commands.put("PRIVMSG", messages::privmsg);
        commands.put("NOTICE", messages::notice);
        commands.put("WHO", queries::who);
        commands.put("WHOIS", queries::whois);
        commands.put("ISON", queries::ison);
        commands.put("USERHOST", queries::userhost);
    }

    void dispatch(ClientConnection c, IrcLine line) {
        Command command = commands.get(line.command());
        if (command == null) {
            state.numeric(c, "421", Wire.token(line.command()), "Unknown command");
        } else if (!c.registered && !BEFORE_REGISTRATION.contains(line.command())) {
            state.numeric(c, "451", "You have not registered");
        } else {
            command.run(c, line);
        }
    }
}
