package org.matrixas.testkit.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.IrcTls;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcTestClient;
import org.matrixas.testkit.ngircd.NgircdServer;
import org.matrixas.testkit.tls.TestCertificate;

/** {@link TestIrc} over a real ngircd process. */
final class NgircdIrc implements TestIrc, AutoCloseable {
    private final NgircdServer server;
    private final ClientsOf clients = new ClientsOf();

    private final IrcTls tls;

    /** @param tlsDir where the TLS certificate goes, or null for no TLS port */
    NgircdIrc(int nickLen, Path tlsDir) {
        if (tlsDir == null) {
            this.server = NgircdServer.start(nickLen);
            this.tls = null;
        } else {
            TestCertificate certificate = TestCertificate.create(tlsDir, "localhost", "127.0.0.1");
            this.server = NgircdServer.start(nickLen, certificate);
            this.tls = new IrcTls(server.host(), server.tlsPort().orElseThrow(), certificate.certificatePem());
        }
    }

    @Override
    public Optional<NgircdServer> ngircdServer() {
        return Optional.of(server);
    }

    @Override
    public Optional<IrcTls> tls() {
        return Optional.ofNullable(tls);
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
