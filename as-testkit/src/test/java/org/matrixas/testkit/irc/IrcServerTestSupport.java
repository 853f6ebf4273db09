package org.matrixas.testkit.irc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared fixture: a fresh default server per test and clean-up of every client and server a test opens. */
abstract class IrcServerTestSupport {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger SYNC = new AtomicInteger();

    private final List<AutoCloseable> resources = new ArrayList<>();
    IrcServer server;

    @BeforeEach
    void startServer() {
        server = track(IrcServer.builder().build().start());
    }

    @AfterEach
    void closeResources() throws Exception {
        Collections.reverse(resources);
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    <T extends AutoCloseable> T track(T resource) {
        resources.add(resource);
        return resource;
    }

    IrcTestClient client(String nick, String... caps) {
        return track(IrcTestClient.connect(server.host(), server.port(), nick, caps));
    }

    /** Round-trips a PING: everything the server queued for {@code c} before it has then arrived. */
    static void sync(IrcTestClient c) {
        String token = "sync" + SYNC.incrementAndGet();
        c.sendRaw("PING " + token);
        c.awaitLine("PONG " + token, l -> "PONG".equals(l.command()) && token.equals(l.last()), TIMEOUT);
    }

    static IrcLine await(IrcTestClient c, String command) {
        return c.awaitParsed(command, l -> command.equals(l.command()), TIMEOUT);
    }

    static long count(IrcTestClient c, String command) {
        return c.received().stream().map(IrcLine::parse).filter(l -> command.equals(l.command())).count();
    }
}
