package org.matrixas.testkit.irc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * IRCv3 capability negotiation: {@code server-time} (when enabled) and {@code sasl} (PLAIN only, see
 * {@link SaslCommand}). Clients such as KICL always negotiate, and registration must wait for {@code CAP END}
 * once they have started. {@code CAP LS 302} gets capability values ({@code sasl=PLAIN}).
 */
final class CapCommand {
    private final ServerState state;
    private final SessionCommands session;

    CapCommand(ServerState state, SessionCommands session) {
        this.state = state;
        this.session = session;
    }

    void cap(ClientConnection c, IrcLine line) {
        String sub = line.param(0).toUpperCase(Locale.ROOT);
        switch (sub) {
            case "LS" -> {
                holdRegistration(c);
                boolean values = line.param(1).matches("\\d{1,6}") && Integer.parseInt(line.param(1)) >= 302;
                List<String> offered = new ArrayList<>();
                for (String cap : supported()) {
                    offered.add(values && cap.equals(ServerState.CAP_SASL) ? cap + "=" + SaslCommand.MECHANISMS : cap);
                }
                reply(c, "LS", String.join(" ", offered));
            }
            case "LIST" -> reply(c, "LIST", String.join(" ", c.caps));
            case "REQ" -> request(c, line.param(1).trim());
            case "END" -> {
                if (c.capNegotiating) {
                    c.capNegotiating = false;
                    session.tryCompleteRegistration(c);
                }
            }
            default -> state.numeric(c, "410", Wire.token(sub), "Invalid CAP command");
        }
    }

    /**
     * Requests are atomic, as the spec demands: if every capability named is known the whole set is
     * ACKed and applied, otherwise the whole set is NAKed and nothing changes.
     */
    private void request(ClientConnection c, String wanted) {
        holdRegistration(c);
        List<String> tokens = wanted.isEmpty() ? List.of() : Arrays.asList(wanted.split(" +"));
        List<String> known = supported();
        boolean acceptable = !tokens.isEmpty()
                && tokens.stream().allMatch(t -> known.contains(t.startsWith("-") ? t.substring(1) : t));
        if (!acceptable) {
            reply(c, "NAK", wanted);
            return;
        }
        for (String t : tokens) {
            if (t.startsWith("-")) {
                c.caps.remove(t.substring(1));
            } else {
                c.caps.add(t);
            }
        }
        reply(c, "ACK", wanted);
    }

    private static void holdRegistration(ClientConnection c) {
        if (!c.registered) {
            c.capNegotiating = true;
        }
    }

    private List<String> supported() {
        List<String> caps = new ArrayList<>();
        if (state.config.serverTime()) {
            caps.add(ServerState.CAP_SERVER_TIME);
        }
        caps.add(ServerState.CAP_SASL);
        return caps;
    }

    private void reply(ClientConnection c, String sub, String text) {
        state.send(c, Wire.text(state.config.serverName(), "CAP", c.nickOrStar(), sub, text));
    }
}
