package org.matrixas.testkit;

import java.time.Instant;
import java.util.Optional;
import org.matrixas.testkit.irc.IrcServer;
import org.matrixas.testkit.irc.IrcTestClient;
import org.matrixas.testkit.ngircd.NgircdServer;
import org.matrixas.testkit.tls.TlsFront;

/** The IRC server of a {@link MatrixTest}: in-process or a real ngircd. */
public interface TestIrc {

    String host();

    int port();

    IrcMode mode();

    /** Connects and registers a raw IRC client as {@code nick}; the kit closes it when the test ends. */
    IrcTestClient connect(String nick);

    /**
     * When the server relayed {@code text} from {@code fromNick}, if it can tell (the in-process server records
     * it and sends it as the IRCv3 {@code server-time} tag; ngircd does not).
     */
    Optional<Instant> relayTime(String fromNick, String text);

    /**
     * The services account the client using {@code nick} is logged into ({@link MatrixTest#ircAccounts}); empty
     * when it is not logged in.
     *
     * @throws UnsupportedOperationException when the server cannot tell (ngircd has no services)
     */
    default Optional<String> accountOf(String nick) {
        throw new UnsupportedOperationException(mode() + " has no services accounts");
    }

    /**
     * The in-process server, for fault hooks such as {@link IrcServer#kill(String)} and
     * {@link IrcServer#netsplit(java.util.Collection)}; empty for ngircd.
     */
    default Optional<IrcServer> inProcessServer() {
        return Optional.empty();
    }

    /** The ngircd process (e.g. {@link NgircdServer#tlsNicks()}); empty for the in-process server. */
    default Optional<NgircdServer> ngircdServer() {
        return Optional.empty();
    }

    /**
     * The server's TLS listener, when the test asked for one ({@link MatrixTest#ircTls()}); {@link #host()},
     * {@link #port()} and {@link #connect} stay plain.
     */
    default Optional<IrcTls> tls() {
        return Optional.empty();
    }

    /**
     * The TLS front of the in-process server ({@link MatrixTest#ircTls()}), which counts the handshakes it
     * completed and refused; empty for ngircd and without TLS.
     */
    default Optional<TlsFront> tlsFront() {
        return Optional.empty();
    }

    /** Stops the server (every connection drops) and starts it again on the same port. */
    void restart();
}
