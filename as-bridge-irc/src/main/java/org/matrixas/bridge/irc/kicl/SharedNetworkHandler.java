package org.matrixas.bridge.irc.kicl;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.function.Consumer;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.defaults.feature.network.JavaResolver;
import org.kitteh.irc.client.library.defaults.feature.network.NettyConnection;
import org.kitteh.irc.client.library.feature.network.ClientConnection;
import org.kitteh.irc.client.library.feature.network.NetworkHandler;
import org.kitteh.irc.client.library.feature.network.Resolver;

/**
 * Connects KICL clients on the bridge's own event loop group instead of KICL's process-wide one, so that the
 * bridge decides its size and stops it on close. KICL's {@link NettyConnection} still builds the pipeline (line
 * framing, TLS, ping); {@code pipelineHook} may adjust it afterwards (e.g. the input decoder).
 */
final class SharedNetworkHandler implements NetworkHandler {
    private final IrcThreads threads;
    private final Consumer<io.netty.channel.Channel> pipelineHook;
    private volatile Resolver resolver = new JavaResolver();

    SharedNetworkHandler(IrcThreads threads, Consumer<io.netty.channel.Channel> pipelineHook) {
        this.threads = threads;
        this.pipelineHook = pipelineHook;
    }

    @Override
    public ClientConnection connect(Client.WithManagement client) {
        Bootstrap bootstrap = new Bootstrap()
                .channel(NioSocketChannel.class)
                .group(threads.loop())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // KICL's connection adds its handlers once the future exists.
                    }
                })
                .option(ChannelOption.TCP_NODELAY, true);
        String host = client.getServerAddress().getHost();
        int port = client.getServerAddress().getPort();
        InetSocketAddress remote;
        try {
            remote = new InetSocketAddress(resolver.getAddress(host), port);
        } catch (UnknownHostException e) {
            remote = InetSocketAddress.createUnresolved(host, port);
        }
        ChannelFuture future = bootstrap.connect(remote, client.getBindAddress());
        NettyConnection connection = new NettyConnection(client, future, c -> { });
        // KICL builds its pipeline in a listener on the same future, added first, so it runs before this one.
        future.addListener(f -> {
            if (f.isSuccess()) {
                pipelineHook.accept(future.channel());
            }
        });
        return connection;
    }

    @Override
    public Resolver getResolver() {
        return resolver;
    }

    @Override
    public void setResolver(Resolver resolver) {
        this.resolver = resolver;
    }
}
