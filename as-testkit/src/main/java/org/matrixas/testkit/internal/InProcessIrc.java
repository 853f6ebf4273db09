package org.matrixas.testkit.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.IrcTls;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcServer;
import org.matrixas.testkit.irc.IrcTestClient;
import org.matrixas.testkit.irc.RelayedMessage;
import org.matrixas.testkit.tls.TestCertificate;
import org.matrixas.testkit.tls.TlsFront;

/**
 * {@link TestIrc} over the in-process server, with server-time on so relay times are exact, and optionally a
 * {@link TlsFront} before it.
 */
final class InProcessIrc implements TestIrc, AutoCloseable {
    private final IrcServer server;
    private final ClientsOf clients = new ClientsOf();
    private final TlsFront front;
    private final IrcTls tls;

    /**
     * @param tlsDir where the TLS certificate goes, or null for no TLS
     * @param accounts services accounts as {@code name:password}
     */
    InProcessIrc(int nickLen, Path tlsDir, String... accounts) {
        IrcServer.Builder builder = IrcServer.builder().port(0).nickLen(nickLen).serverTime(true);
        for (String account : accounts) {
            int colon = account.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("@MatrixTest(ircAccounts) entries are name:password, not "
                        + account.replaceAll(".", "*"));
            }
            builder.account(account.substring(0, colon), account.substring(colon + 1));
        }
        this.server = builder.build().start();
        if (tlsDir == null) {
            front = null;
            tls = null;
            return;
        }
        try {
            TestCertificate certificate = TestCertificate.create(tlsDir, "localhost", "127.0.0.1");
            front = TlsFront.start(certificate, server.host(), server.port());
            tls = new IrcTls(front.host(), front.port(), certificate.certificatePem());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    IrcServer server() {
        return server;
    }

    @Override
    public Optional<IrcServer> inProcessServer() {
        return Optional.of(server);
    }

    @Override
    public Optional<IrcTls> tls() {
        return Optional.ofNullable(tls);
    }

    @Override
    public Optional<TlsFront> tlsFront() {
        return Optional.ofNullable(front);
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
        return IrcMode.IN_PROCESS;
    }

    @Override
    public IrcTestClient connect(String nick) {
        return clients.connect(host(), port(), nick);
    }

    @Override
    public Optional<Instant> relayTime(String fromNick, String text) {
        return server.messages().stream()
                .filter(m -> m.fromNick().equals(fromNick) && m.text().equals(text))
                .map(RelayedMessage::time)
                .findFirst();
    }

    @Override
    public Optional<String> accountOf(String nick) {
        return server.accountOf(nick);
    }

    @Override
    public void restart() {
        server.stop();
        server.start();
    }

    @Override
    public void close() {
        clients.closeAll();
        if (front != null) {
            front.close();
        }
        server.close();
    }
}
