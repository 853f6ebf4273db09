package org.matrixas.testkit.internal;

import java.time.Instant;
import java.util.Optional;
import org.matrixas.testkit.IrcMode;
import org.matrixas.testkit.TestIrc;
import org.matrixas.testkit.irc.IrcServer;
import org.matrixas.testkit.irc.IrcTestClient;
import org.matrixas.testkit.irc.RelayedMessage;

/** {@link TestIrc} over the in-process server, with server-time on so relay times are exact. */
final class InProcessIrc implements TestIrc, AutoCloseable {
    private final IrcServer server;
    private final ClientsOf clients = new ClientsOf();

    /** @param accounts services accounts as {@code name:password} */
    InProcessIrc(int nickLen, String... accounts) {
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
    }

    IrcServer server() {
        return server;
    }

    @Override
    public Optional<IrcServer> inProcessServer() {
        return Optional.of(server);
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
        server.close();
    }
}
