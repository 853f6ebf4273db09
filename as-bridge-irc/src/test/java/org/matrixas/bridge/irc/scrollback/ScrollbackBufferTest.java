package org.matrixas.bridge.irc.scrollback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.mapping.ChannelRef;

class ScrollbackBufferTest {
    private static final ChannelRef CHAN = new ChannelRef("irc.example.org", "#matrix");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void add_overCount_dropsOldest() {
        ScrollbackBuffer b = new ScrollbackBuffer(3, Duration.ofHours(1), Clock.fixed(T0, ZoneOffset.UTC));
        for (int i = 0; i < 5; i++) {
            b.add(line("m" + i, T0));
        }
        assertEquals(List.of("m2", "m3", "m4"), b.snapshot().stream().map(IrcMessage::text).toList());
    }

    @Test
    void snapshot_olderThanMaxAge_dropped() {
        MutableClock clock = new MutableClock(T0);
        ScrollbackBuffer b = new ScrollbackBuffer(100, Duration.ofSeconds(60), clock);
        b.add(line("old", T0));
        clock.now = T0.plusSeconds(30);
        b.add(line("new", clock.now));
        clock.now = T0.plusSeconds(61);
        assertEquals(List.of("new"), b.snapshot().stream().map(IrcMessage::text).toList());
        clock.now = T0.plusSeconds(200);
        assertEquals(0, b.size());
    }

    @Test
    void add_zeroMaxMessages_keepsNothing() {
        ScrollbackBuffer b = new ScrollbackBuffer(0, Duration.ofHours(1), Clock.fixed(T0, ZoneOffset.UTC));
        b.add(line("x", T0));
        assertEquals(0, b.size());
    }

    @Test
    void snapshot_keepsNickTextTimeAndOrder() {
        ScrollbackBuffer b = new ScrollbackBuffer(10, Duration.ofHours(1), Clock.fixed(T0, ZoneOffset.UTC));
        IrcMessage first = line("hello?", T0.minusSeconds(5));
        IrcMessage second = new IrcMessage(CHAN, "Carol", "waves", T0, IrcMessage.Kind.ACTION);
        b.add(first);
        b.add(second);
        assertEquals(List.of(first, second), b.snapshot());
    }

    private static IrcMessage line(String text, Instant at) {
        return new IrcMessage(CHAN, "Bob", text, at, IrcMessage.Kind.MESSAGE);
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
