package org.matrixas.testkit.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.matrixas.testkit.irc.IrcTestClient;

/** The raw IRC clients a test opened through a {@link org.matrixas.testkit.TestIrc}, closed with it. */
final class ClientsOf {
    private final List<IrcTestClient> clients = new CopyOnWriteArrayList<>();

    IrcTestClient connect(String host, int port, String nick) {
        IrcTestClient client = IrcTestClient.connect(host, port, nick);
        clients.add(client);
        return client;
    }

    void closeAll() {
        clients.forEach(IrcTestClient::close);
        clients.clear();
    }
}
