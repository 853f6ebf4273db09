package org.matrixas.testkit.irc;

import java.time.Clock;
import java.util.List;

/**
 * The validated, immutable settings of an {@link IrcServer}; a record so restarts reuse them verbatim.
 * {@code accounts} are the services accounts clients may log into (SASL PLAIN or NickServ).
 */
record ServerConfig(String host, int port, String serverName, String networkName, int nickLen,
                    boolean serverTime, Clock clock, int ioThreads, List<String> motd, Accounts accounts) {
}
