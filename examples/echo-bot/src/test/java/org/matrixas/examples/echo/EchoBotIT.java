package org.matrixas.examples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.event.ClientEvent;
import org.matrixas.protocol.id.RoomId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.Namespaces;
import org.matrixas.testkit.MatrixClient;
import org.matrixas.testkit.MatrixTest;
import org.matrixas.testkit.TestHomeserver;

@MatrixTest
class EchoBotIT {
    private static final Namespaces NAMESPACES = new Namespaces(List.of(Namespace.exclusive("@echo:localhost")),
            List.of(Namespace.exclusive("#echo-.*:localhost")), List.of());

    @Test
    void joinAlias_thenSpeak_botEchoes(TestHomeserver hs) {
        hs.startAppService("echo", NAMESPACES, client -> new EchoBot(client, "echo"));

        MatrixClient alice = hs.registerUser("alice");
        RoomId room = alice.join("#echo-lobby:localhost");
        alice.sendText(room, "hello");

        ClientEvent echo = alice.awaitText(room, "echo: hello", Duration.ofSeconds(15));
        assertEquals("@echo:localhost", echo.sender().toString());
    }
}
