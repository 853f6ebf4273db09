package org.matrixas.bridge.irc.irc;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.Client.Builder.Server.SecurityType;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.kicl.FallbackLineDecoder;
import org.matrixas.bridge.irc.kicl.IrcThreads;
import org.matrixas.bridge.irc.kicl.KiclParts;

/**
 * The one place that builds KICL clients, for the bots and the puppets alike, all on the shared {@link IrcThreads}
 * (see {@code org.matrixas.bridge.irc.kicl}): a bot tracks its channels' members, a puppet only itself.
 */
@Singleton
public class IrcClientFactory {
    /** Whether a connection keeps channel state (the bot) or only knows itself (a puppet). */
    public enum Role { BOT, PUPPET }

    private final IrcThreads threads;

    @Inject
    public IrcClientFactory(IrcThreads threads) {
        this.threads = threads;
    }

    /**
     * A client for {@code network}, not yet connected.
     *
     * @param name a label for logs and thread names
     * @param ident the IRC user name (ident)
     */
    public Client create(NetworkConfig network, Role role, String name, String nick, String ident, String realName) {
        Client.Builder builder = Client.builder()
                .name(name)
                .nick(nick)
                .user(ident)
                .realName(realName)
                .server()
                .host(network.host())
                .port(network.port(), network.tls() ? SecurityType.SECURE : SecurityType.INSECURE)
                .then();
        return KiclParts.apply(builder, threads, network.flood(), role == Role.BOT,
                FallbackLineDecoder.hook(network.fallbackCharset())).build();
    }

    /** Completes once the lines {@code client} has queued so far are written to IRC ({@link IrcThreads#whenWritten}). */
    public CompletableFuture<Void> whenWritten(Client client) {
        return threads.whenWritten(client);
    }
}
