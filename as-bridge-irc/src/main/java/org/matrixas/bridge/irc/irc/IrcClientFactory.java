package org.matrixas.bridge.irc.irc;

import com.google.inject.Singleton;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.Client.Builder.Server.SecurityType;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that builds KICL clients, for the bots and the puppets alike. It keeps KICL's default thread
 * model (a shared Netty event loop, a sending thread per client); replacing that means changing only this class.
 */
@Singleton
public class IrcClientFactory {
    private static final Logger LOG = LoggerFactory.getLogger(IrcClientFactory.class);

    /**
     * A client for {@code network}, not yet connected.
     *
     * @param name a label for logs and thread names
     * @param ident the IRC user name (ident)
     */
    public Client create(NetworkConfig network, String name, String nick, String ident, String realName) {
        return Client.builder()
                .name(name)
                .nick(nick)
                .user(ident)
                .realName(realName)
                .server()
                .host(network.host())
                .port(network.port(), network.tls() ? SecurityType.SECURE : SecurityType.INSECURE)
                .then()
                .listeners()
                .exception(e -> LOG.debug("[{}] IRC client error", name, e))
                .then()
                .build();
    }
}
