package org.matrixas.bridge.irc.irc;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManagerFactory;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.Client.Builder.Server.SecurityType;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.bridge.irc.config.TrustedCertificates;
import org.matrixas.bridge.irc.kicl.FallbackLineDecoder;
import org.matrixas.bridge.irc.kicl.IrcThreads;
import org.matrixas.bridge.irc.kicl.KiclParts;

/**
 * The one place that builds KICL clients, for the bots and the puppets alike, all on the shared {@link IrcThreads}
 * (see {@code org.matrixas.bridge.irc.kicl}): a bot tracks its channels' members, a puppet only itself. A TLS
 * network trusts its {@code tls_ca_file} only (read once, shared by its connections), else the JVM's trust store.
 */
@Singleton
public class IrcClientFactory {
    /** Whether a connection keeps channel state (the bot) or only knows itself (a puppet). */
    public enum Role { BOT, PUPPET }

    private final IrcThreads threads;
    private final Map<Path, TrustManagerFactory> trust = new ConcurrentHashMap<>();

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
        Client.Builder.Server server = Client.builder()
                .name(name)
                .nick(nick)
                .user(ident)
                .realName(realName)
                .server()
                .host(network.host())
                .port(network.port(), network.tls() ? SecurityType.SECURE : SecurityType.INSECURE);
        if (network.tls() && network.tlsCaFile() != null) {
            server.secureTrustManagerFactory(trust.computeIfAbsent(network.tlsCaFile(), IrcClientFactory::load));
        }
        Client.Builder builder = server.then();
        return KiclParts.apply(builder, threads, network.flood(), role == Role.BOT,
                FallbackLineDecoder.hook(network.fallbackCharset())).build();
    }

    private static TrustManagerFactory load(Path caFile) {
        try {
            return TrustedCertificates.trustManagers(caFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tls_ca_file " + caFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("tls_ca_file " + caFile + " holds no usable certificate", e);
        }
    }

    /** Completes once the lines {@code client} has queued so far are written to IRC ({@link IrcThreads#whenWritten}). */
    public CompletableFuture<Void> whenWritten(Client client) {
        return threads.whenWritten(client);
    }
}
