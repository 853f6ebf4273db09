package org.matrixas.bridge.irc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matrixas.bridge.irc.irc.IrcMessage;
import org.matrixas.bridge.irc.mapping.ChannelRef;

class SqliteInboxTest {
    private static final ChannelRef CHAN = new ChannelRef("irc.example.org", "#Chan");

    @TempDir
    Path dir;

    @Test
    void lines_pendingInOrderUntilDone_surviveReopen_sameInstance() {
        IrcMessage first = line("Bob", "first", IrcMessage.Kind.MESSAGE);
        IrcMessage second = line("Carol", "waves ünïcode", IrcMessage.Kind.ACTION);
        IrcMessage third = line("Bob", "notice", IrcMessage.Kind.NOTICE);
        String instance;
        long seqOfFirst;
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            Inbox inbox = new SqliteInbox(s, Clock.systemUTC());
            instance = inbox.instance();
            seqOfFirst = inbox.add(first);
            long seqOfSecond = inbox.add(second);
            inbox.add(third);
            assertTrue(seqOfSecond > seqOfFirst);
            inbox.done(seqOfSecond);
        }
        try (SqliteStore s = SqliteStore.open(dir, Clock.systemUTC())) {
            Inbox inbox = new SqliteInbox(s, Clock.systemUTC());
            assertEquals(instance, inbox.instance(), "the instance name is the database's, kept across starts");
            List<Inbox.Entry> pending = inbox.pending();
            assertEquals(List.of(first, third), pending.stream().map(Inbox.Entry::message).toList(),
                    "every field kept, oldest first, the done line left out");
            assertEquals(seqOfFirst, pending.get(0).seq());
            long next = inbox.add(first);
            assertTrue(next > pending.get(1).seq(), "sequence numbers are never reused");
        }
    }

    @Test
    void newDatabase_newInstanceName() {
        String one;
        try (SqliteStore s = SqliteStore.open(dir.resolve("one"), Clock.systemUTC())) {
            one = new SqliteInbox(s, Clock.systemUTC()).instance();
        }
        try (SqliteStore s = SqliteStore.open(dir.resolve("two"), Clock.systemUTC())) {
            assertNotEquals(one, new SqliteInbox(s, Clock.systemUTC()).instance(),
                    "a new database must not repeat an old one's transaction IDs");
        }
    }

    private static IrcMessage line(String nick, String text, IrcMessage.Kind kind) {
        return new IrcMessage(CHAN, nick, text, Instant.ofEpochMilli(1_700_000_000_123L), kind);
    }
}
