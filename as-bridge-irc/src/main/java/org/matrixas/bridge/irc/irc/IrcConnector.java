package org.matrixas.bridge.irc.irc;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.Client.Builder.Server.SecurityType;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.kicl.IrcThreads;
import org.matrixas.bridge.irc.runtime.Backoff;

/**
 * Puppet connections outside a running bridge, for benchmarks and load drivers: the same clients and sessions the
 * bridge makes, either with the bridge's shared thread model or with KICL's defaults for comparison. Closing it
 * closes every session it made and then its threads.
 *
 * <pre>{@code
 * try (IrcConnector c = IrcConnector.create(IrcConnector.Model.SHARED)) {
 *     IrcSession s = c.connectPuppet(NetworkConfig.of("bench", "127.0.0.1", 6667), "p1");
 *     s.awaitReady(Duration.ofSeconds(30));
 *     s.joinAsync("#load").join();
 * }
 * }</pre>
 */
public final class IrcConnector implements AutoCloseable {
    /** Which thread model the connections use. */
    public enum Model { SHARED, KICL_DEFAULTS }

    private final Model model;
    private final IrcThreads threads;
    private final Reconnects reconnects;
    private final IrcClientFactory factory;
    private final List<IrcSession> sessions = new CopyOnWriteArrayList<>();

    private IrcConnector(Model model) {
        this.model = model;
        this.threads = IrcThreads.create(1);
        this.reconnects = new Reconnects(threads.scheduler(), 20);
        this.factory = new IrcClientFactory(threads);
    }

    public static IrcConnector create(Model model) {
        return new IrcConnector(Objects.requireNonNull(model, "model is null"));
    }

    /** Starts connecting a puppet with {@code nick} to {@code network}; does not wait. */
    public IrcSession connectPuppet(NetworkConfig network, String nick) {
        Client client = model == Model.SHARED
                ? factory.create(network, IrcClientFactory.Role.PUPPET, "puppet-" + nick, nick, "matrix", nick)
                : Client.builder().name("puppet-" + nick).nick(nick).user("matrix").realName(nick).server()
                        .host(network.host())
                        .port(network.port(), network.tls() ? SecurityType.SECURE : SecurityType.INSECURE)
                        .then().build();
        IrcSession session = new IrcSession(network.domain() + "/" + nick, client,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)), reconnects);
        sessions.add(session);
        session.start();
        return session;
    }

    @Override
    public void close() {
        sessions.forEach(IrcSession::close);
        sessions.clear();
        threads.close();
    }
}
