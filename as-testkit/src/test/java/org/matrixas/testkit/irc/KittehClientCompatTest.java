package org.matrixas.testkit.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.engio.mbassy.listener.Handler;
import org.junit.jupiter.api.Test;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.element.MessageTag;
import org.kitteh.irc.client.library.event.channel.ChannelMessageEvent;
import org.kitteh.irc.client.library.event.channel.RequestedChannelJoinCompleteEvent;
import org.kitteh.irc.client.library.exception.KittehNagException;
import org.kitteh.irc.client.library.feature.auth.NickServ;
import org.kitteh.irc.client.library.feature.auth.SaslPlain;
import org.kitteh.irc.client.library.feature.sending.SingleDelaySender;

/**
 * The bridge talks to IRC through KICL, so the server is only useful if a real KICL client registers,
 * joins and exchanges messages with it without KICL reporting protocol problems.
 */
public class KittehClientCompatTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** Public because mbassador invokes handlers reflectively. */
    public static final class Events {
        final CompletableFuture<String> joined = new CompletableFuture<>();
        final BlockingQueue<ChannelMessageEvent> messages = new LinkedBlockingQueue<>();

        @Handler
        public void onJoin(RequestedChannelJoinCompleteEvent event) {
            joined.complete(event.getChannel().getName());
        }

        @Handler
        public void onMessage(ChannelMessageEvent event) {
            messages.add(event);
        }
    }

    @Test
    void kittehClient_joinsAndExchangesChannelMessages_withoutProtocolErrors() throws Exception {
        exchange(IrcServer.builder().build(), null);
    }

    @Test
    void kittehClient_withServerTime_parsesTimeTagFromClock() throws Exception {
        Instant fixed = Instant.parse("2026-01-02T03:04:05.678Z");
        exchange(IrcServer.builder().serverTime(true).clock(Clock.fixed(fixed, ZoneOffset.UTC)).build(), fixed);
    }

    @Test
    void kittehClient_withSaslPlain_loggedInAndStillExchanges() throws Exception {
        try (IrcServer server = IrcServer.builder().account("kitteh", "meow").build().start()) {
            Client kitteh = client(server);
            kitteh.getAuthManager().addProtocol(new SaslPlain(kitteh, "kitteh", "meow"));
            assertLoggedInAfterJoin(server, kitteh);
        }
    }

    @Test
    void kittehClient_withNickServ_identifiedAfterRegistration() throws Exception {
        try (IrcServer server = IrcServer.builder().account("kitteh", "meow").build().start()) {
            Client kitteh = client(server);
            kitteh.getAuthManager().addProtocol(NickServ.builder(kitteh).account("kitteh").password("meow").build());
            assertLoggedInAfterJoin(server, kitteh);
        }
    }

    private static Client client(IrcServer server) {
        return Client.builder().nick("kitteh")
                .server().host(server.host()).port(server.port(), Client.Builder.Server.SecurityType.INSECURE).then()
                .management().messageSendingQueueSupplier(SingleDelaySender.getSupplier(1)).then()
                .build();
    }

    private static void assertLoggedInAfterJoin(IrcServer server, Client kitteh) throws Exception {
        Events events = new Events();
        kitteh.getEventManager().registerEventListener(events);
        try {
            kitteh.connect();
            kitteh.addChannel("#auth");
            assertEquals("#auth", events.joined.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            // NickServ answers after registration, possibly after the JOIN: wait for the account.
            org.matrixas.testkit.Await.until("kitteh logged in", () -> server.accountOf("kitteh").isPresent(),
                    TIMEOUT);
            assertEquals(java.util.Optional.of("kitteh"), server.accountOf("kitteh"));
        } finally {
            kitteh.shutdown();
        }
    }

    /** KICL nags about plaintext connections on purpose; that is not a protocol problem of the server. */
    private static void recordProblem(List<Exception> problems, Exception e) {
        if (!(e instanceof KittehNagException)) {
            problems.add(e);
        }
    }

    private void exchange(IrcServer built, Instant expectedTime) throws Exception {
        List<Exception> problems = new CopyOnWriteArrayList<>();
        List<String> traffic = new CopyOnWriteArrayList<>();
        try (IrcServer server = built.start()) {
            Client kitteh = Client.builder().nick("kitteh")
                    .server().host(server.host()).port(server.port(), Client.Builder.Server.SecurityType.INSECURE).then()
                    .listeners().exception(e -> recordProblem(problems, e)).input(l -> traffic.add("<- " + l))
                    .output(l -> traffic.add("-> " + l)).then()
                    // KICL paces outgoing lines for real networks; on loopback that only slows the test.
                    .management().messageSendingQueueSupplier(SingleDelaySender.getSupplier(1)).then()
                    .build();
            Events events = new Events();
            kitteh.getEventManager().registerEventListener(events);
            try {
                kitteh.connect();
                kitteh.addChannel("#compat");
                assertEquals("#compat", events.joined.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), () -> "" + traffic);
                try (IrcTestClient alice = IrcTestClient.connect(server.host(), server.port(), "alice")) {
                    alice.join("#compat");
                    alice.privmsg("#compat", "hello kitteh");
                    ChannelMessageEvent received = events.messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    assertNotNull(received, () -> "KICL got no channel message; traffic: " + traffic);
                    assertEquals("alice", received.getActor().getNick());
                    assertEquals("hello kitteh", received.getMessage());
                    if (expectedTime != null) {
                        Instant time = received.getTag("time", MessageTag.Time.class)
                                .map(MessageTag.Time::getTime).orElse(null);
                        assertEquals(expectedTime, time, () -> "traffic: " + traffic);
                    }
                    received.getChannel().sendMessage("hello alice");
                    ReceivedMessage reply = alice.awaitPrivmsg("#compat", "hello alice"::equals, TIMEOUT);
                    assertEquals("kitteh", reply.fromNick());
                }
                assertTrue(server.channelMembers("#compat").contains("kitteh"));
                assertTrue(problems.isEmpty(), () -> "KICL reported " + problems + "; traffic: " + traffic);
            } finally {
                kitteh.shutdown();
            }
        }
    }
}
