package org.matrixas.testkit.irc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pretend netsplits: users cut off from the rest of the network leave their channels with a server-pair QUIT
 * reason, and come back with JOINs when the split heals. Their own connections stay open and are told nothing, as
 * if they sat on the far side of the split. Every method runs under the {@link ServerState} lock.
 */
final class Netsplits {
    private final ServerState state;
    /** Split users and the channels (names) they were in. */
    private final Map<ClientConnection, List<String>> split = new LinkedHashMap<>();

    Netsplits(ServerState state) {
        this.state = state;
    }

    void split(Collection<String> nicks, String reason) {
        synchronized (state) {
            Set<ClientConnection> going = new LinkedHashSet<>();
            for (String nick : nicks) {
                ClientConnection c = state.findNick(nick);
                if (c == null || !c.registered || split.containsKey(c)) {
                    throw new IllegalArgumentException("no connected, unsplit user " + nick);
                }
                going.add(c);
            }
            for (ClientConnection c : going) {
                Set<ClientConnection> peers = state.peersOf(c, false);
                peers.removeAll(going);
                state.event(peers, Wire.text(c.prefix(), "QUIT", reason), state.now());
            }
            for (ClientConnection c : going) {
                List<String> names = new ArrayList<>();
                for (Channel ch : List.copyOf(c.channels)) {
                    names.add(ch.name);
                    state.leave(c, ch);
                }
                split.put(c, names);
            }
        }
    }

    /** Brings every split user still connected back into its channels; returns their nicks. */
    List<String> heal() {
        synchronized (state) {
            List<String> back = new ArrayList<>();
            for (Map.Entry<ClientConnection, List<String>> e : split.entrySet()) {
                ClientConnection c = e.getKey();
                if (c.ended) {
                    continue;
                }
                for (String name : e.getValue()) {
                    Channel ch = state.channel(name);
                    ch = ch == null ? state.createChannel(name) : ch;
                    ch.add(c, false);
                    c.channels.add(ch);
                    List<ClientConnection> others = new ArrayList<>(ch.members());
                    others.remove(c);
                    state.event(others, Wire.line(c.prefix(), "JOIN", ch.name), state.now());
                }
                back.add(c.nick);
            }
            split.clear();
            return back;
        }
    }

    void clear() {
        synchronized (state) {
            split.clear();
        }
    }
}
