package org.matrixas.testkit.bench;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The reference server: a bare Undertow handler that reads the whole request body and answers 200 with a fixed
 * JSON body, on the IO thread, touching nothing else. Whatever the real server does beyond this is its cost.
 */
final class BareServer implements AutoCloseable {
    /** A valid answer to both a send ({@code event_id}) and a transaction push (any JSON object). */
    static final String ANSWER = "{\"event_id\":\"$bare:bench.local\"}";
    private final Undertow server;

    private BareServer(Undertow server) {
        this.server = server;
    }

    static BareServer start() {
        byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
        Undertow u = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange ->
                exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
                    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    ex.getResponseSender().send(ByteBuffer.wrap(answer));
                })).build();
        u.start();
        return new BareServer(u);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
