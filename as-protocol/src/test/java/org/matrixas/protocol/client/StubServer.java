package org.matrixas.protocol.client;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A loopback Undertow that records each request ("METHOD uri?query") and answers from a function of it, on the
 * I/O thread (the answers never block and request bodies are not read).
 */
final class StubServer implements AutoCloseable {
    /** A canned answer. */
    record Answer(int status, String contentType, byte[] body, String disposition) {
        static Answer json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Undertow undertow;

    StubServer(Function<HttpServerExchange, Answer> answers) {
        undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(ex -> {
            String q = ex.getQueryString();
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + (q.isEmpty() ? "" : "?" + q));
            String auth = ex.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            authorizations.add(auth == null ? "" : auth);
            Answer a = answers.apply(ex);
            ex.setStatusCode(a.status());
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, a.contentType());
            if (a.disposition() != null) {
                ex.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, a.disposition());
            }
            ex.getResponseSender().send(ByteBuffer.wrap(a.body()));
        }).build();
        undertow.start();
    }

    String url() {
        return "http://127.0.0.1:" + ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        undertow.stop();
    }
}
