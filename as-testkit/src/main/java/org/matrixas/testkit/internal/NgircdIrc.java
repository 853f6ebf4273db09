package org.matrixas.testkit.internal;

import java.time.Instant;
import java.util.Optional;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;
import org.matrixas.testkit.ngircd.NgircdServer;

/** {@link TestIrc} over a real ngircd process. */
final class NgircdIrc implements TestIrc, AutoCloseable {
    private final NgircdServer server;
    private final ClientsOf clients = new ClientsOf();

    NgircdIrc(int nickLen) {
        this.server = NgircdServer.start(nickLen);
    }

    @Override
    public String host() {
        return server.host();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public IrcMode mode() {
        return IrcMode.NGIRCD;
    }

    @Override
    public IrcTestClient connect(String nick) {
        return clients.connect(host(), port(), nick);
    }

    @Override
    public Optional<Instant> relayTime(String fromNick, String text) {
        return Optional.empty();
    }

    @Override
    public void restart() {
        server.restart();
    }

    @Override
    public void close() {
        clients.closeAll();
        server.close();
    }
}
