package org.matrixas.testkit.bench;

import io.undertow.Undertow;

/**
 * The reference of {@code startup}: a JVM that starts a bare Undertow listener answering {@code GET /health}
 * with 200, started from the same kind of shaded jar. What the homeserver or the bridge needs beyond this is
 * their own start-up cost. Stops when killed.
 */
public final class HealthStub {
    private HealthStub() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Undertow.builder().addHttpListener(port, "127.0.0.1")
                .setHandler(exchange -> exchange.getResponseSender().send("{}"))
                .build().start();
    }
}
