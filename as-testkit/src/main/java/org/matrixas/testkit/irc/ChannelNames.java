package org.matrixas.testkit.irc;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** One NAMES round trip: the nicks in a channel, without their @/+ prefixes. */
final class ChannelNames {
    private ChannelNames() {
    }

    static Set<String> of(IrcTestClient client, String channel, Duration timeout) {
        client.sendRaw("NAMES " + channel);
        Set<String> nicks = new HashSet<>();
        while (true) {
            IrcLine line = client.awaitParsed("NAMES reply for " + channel,
                    l -> (l.command().equals("353") || l.command().equals("366"))
                            && l.params().stream().anyMatch(channel::equalsIgnoreCase), timeout);
            if (line.command().equals("366")) {
                return nicks;
            }
            for (String n : line.last().split(" ")) {
                if (!n.isEmpty()) {
                    nicks.add(n.replaceFirst("^[@+]+", ""));
                }
            }
        }
    }
}
