package org.matrixas.testkit.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Channels, messaging, modes and queries between real clients over loopback sockets. */
class IrcServerChannelTest extends IrcServerTestSupport {

    @Test
    void nick_changeAfterRegistration_broadcastToChannelPeersOnce() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#a");
        alice.join("#b");
        bob.join("#a");
        bob.join("#b");
        bob.nick("robert");
        assertEquals("robert", bob.nick());
        IrcLine seen = alice.awaitParsed("NICK", l -> "NICK".equals(l.command()), TIMEOUT);
        assertEquals("bob", seen.nick());
        assertEquals("robert", seen.param(0));
        sync(alice);
        assertEquals(1, count(alice, "NICK"));
        assertEquals(Set.of("alice", "robert"), server.channelMembers("#a"));
        assertTrue(server.isConnected("robert"));
        assertFalse(server.isConnected("bob"));
    }

    @Test
    void join_secondClient_bothSeeJoinAndNamesShowFirstJoinerAsOp() {
        IrcTestClient alice = client("alice");
        alice.join("#room");
        assertEquals("@alice", await(alice, "353").param(3));
        IrcTestClient bob = client("bob");
        bob.join("#Room");
        assertEquals("@alice bob", await(bob, "353").param(3));
        assertEquals("#room", await(bob, "366").param(1));
        IrcLine joined = alice.awaitParsed("bob JOIN", l -> "JOIN".equals(l.command()) && "bob".equals(l.nick()),
                TIMEOUT);
        assertEquals("#room", joined.param(0));
        assertEquals(Set.of("alice", "bob"), server.channelMembers("#ROOM"));
    }

    @Test
    void join_multipleChannelsWithKeys_joinsAllAndEnforcesKey() {
        IrcTestClient alice = client("alice");
        alice.sendRaw("JOIN #one,#two");
        alice.awaitParsed("JOIN #two", l -> "JOIN".equals(l.command()) && "#two".equals(l.param(0)), TIMEOUT);
        alice.sendRaw("MODE #one +k secret");
        IrcTestClient bob = client("bob");
        bob.sendRaw("JOIN #one wrong");
        assertEquals("#one", await(bob, "475").param(1));
        bob.sendRaw("JOIN #one secret");
        await(bob, "366");
        assertEquals(Set.of("alice", "bob"), server.channelMembers("#one"));
    }

    @Test
    void part_member_broadcastToChannelAndEmptyChannelDisappears() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        bob.sendRaw("PART #room :bye now");
        IrcLine part = alice.awaitParsed("PART", l -> "PART".equals(l.command()), TIMEOUT);
        assertEquals("bob", part.nick());
        assertEquals("bye now", part.param(1));
        alice.part("#room");
        assertEquals(Set.of(), server.channelMembers("#room"));
    }

    @Test
    void quit_peerInTwoSharedChannels_seesQuitExactlyOnce() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        for (String ch : List.of("#a", "#b")) {
            alice.join(ch);
            bob.join(ch);
        }
        bob.quit("gone fishing");
        IrcLine quit = await(alice, "QUIT");
        assertEquals("bob", quit.nick());
        assertEquals("Quit: gone fishing", quit.param(0));
        sync(alice);
        assertEquals(1, count(alice, "QUIT"));
        assertEquals(1, server.connectionCount());
        assertFalse(bob.isConnected());
    }

    @Test
    void privmsg_toChannel_reachesOtherMembersButNotSender() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        IrcTestClient carol = client("carol");
        IrcTestClient outsider = client("dave");
        for (IrcTestClient c : List.of(alice, bob, carol)) {
            c.join("#room");
        }
        alice.privmsg("#room", "hello everyone");
        ReceivedMessage atBob = bob.awaitPrivmsg("#room", "hello everyone"::equals, TIMEOUT);
        assertEquals("alice", atBob.fromNick());
        carol.awaitPrivmsg("#room", "hello everyone"::equals, TIMEOUT);
        sync(alice);
        sync(outsider);
        assertEquals(0, count(alice, "PRIVMSG"));
        assertEquals(0, count(outsider, "PRIVMSG"));
        RelayedMessage relayed = server.messages().get(0);
        assertEquals(List.of("alice", "#room", "PRIVMSG", "hello everyone"),
                List.of(relayed.fromNick(), relayed.target(), relayed.command(), relayed.text()));
    }

    @Test
    void privmsg_toNick_deliveredPrivatelyAndMissingNickGets401() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.privmsg("BOB", "psst");
        ReceivedMessage m = bob.awaitPrivmsg("bob", "psst"::equals, TIMEOUT);
        assertEquals("alice", m.fromNick());
        alice.privmsg("nobody", "hello?");
        assertEquals("nobody", await(alice, "401").param(1));
        alice.notice("bob", "a notice");
        bob.awaitNotice("bob", "a notice"::equals, TIMEOUT);
        alice.notice("nobody", "silent");
        sync(alice);
        assertEquals(1, count(alice, "401"), "NOTICE must never trigger an error reply");
    }

    @Test
    void privmsg_ctcpAction_passesThroughUnchanged() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        String action = "\u0001ACTION waves\u0001";
        alice.privmsg("#room", action);
        assertEquals(action, bob.awaitPrivmsg("#room", t -> true, TIMEOUT).text());
    }

    @Test
    void privmsg_fromNonMemberToNoExternalChannel_gets404() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.privmsg("#room", "let me in");
        assertEquals("#room", await(bob, "404").param(1));
        bob.privmsg("#nowhere", "anyone?");
        await(bob, "403");
        sync(alice);
        assertEquals(0, count(alice, "PRIVMSG"));
    }

    @Test
    void topic_setByOp_broadcastStoredAndSentToLaterJoiners() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        alice.sendRaw("TOPIC #room :Welcome to the room");
        IrcLine topic = await(bob, "TOPIC");
        assertEquals(List.of("#room", "Welcome to the room"), topic.params());
        assertEquals(Optional.of("Welcome to the room"), server.topic("#room"));
        IrcTestClient carol = client("carol");
        carol.join("#room");
        assertEquals("Welcome to the room", await(carol, "332").param(2));
        assertEquals("alice", await(carol, "333").param(2));
        carol.sendRaw("TOPIC #room");
        await(carol, "332");
    }

    @Test
    void topic_setByNonOpOnProtectedChannel_gets482() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        bob.sendRaw("TOPIC #room :mine now");
        assertEquals("#room", await(bob, "482").param(1));
        assertEquals(Optional.empty(), server.topic("#room"));
    }

    @Test
    void kick_byOp_removesTargetAndBroadcasts() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        alice.sendRaw("KICK #room bob :behave");
        IrcLine kick = await(bob, "KICK");
        assertEquals(List.of("#room", "bob", "behave"), kick.params());
        await(alice, "KICK");
        assertEquals(Set.of("alice"), server.channelMembers("#room"));
    }

    @Test
    void kick_byNonOp_gets482AndTargetStays() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        bob.sendRaw("KICK #room alice");
        await(bob, "482");
        assertEquals(Set.of("alice", "bob"), server.channelMembers("#room"));
    }

    @Test
    void mode_plusOByOp_broadcastAndVisibleInWho() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        alice.sendRaw("MODE #room +o bob");
        IrcLine mode = await(bob, "MODE");
        assertEquals(List.of("#room", "+o", "bob"), mode.params());
        bob.sendRaw("WHO #room");
        List<String> statuses = new ArrayList<>();
        statuses.add(await(bob, "352").param(6));
        statuses.add(await(bob, "352").param(6));
        assertEquals(List.of("H@", "H@"), statuses);
        await(bob, "315");
        bob.sendRaw("MODE #room -o+v alice alice");
        alice.awaitLine("MODE -o+v", l -> l.params().equals(List.of("#room", "-o+v", "alice", "alice")), TIMEOUT);
    }

    @Test
    void mode_byNonOpOrUnknown_isRejected() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        alice.join("#room");
        bob.join("#room");
        bob.sendRaw("MODE #room +m");
        await(bob, "482");
        alice.sendRaw("MODE #room +z");
        assertEquals("z", await(alice, "472").param(1));
        alice.sendRaw("MODE #room +ml 5");
        await(alice, "MODE");
        alice.sendRaw("MODE #room");
        assertEquals(List.of("alice", "#room", "+mntl", "5"), await(alice, "324").params());
        bob.privmsg("#room", "moderated?");
        await(bob, "404");
    }

    @Test
    void mode_userModeOnSelf_isEchoed() {
        IrcTestClient alice = client("alice");
        alice.sendRaw("MODE alice +i");
        assertEquals(List.of("alice", "+i"), await(alice, "MODE").params());
        alice.sendRaw("MODE alice");
        assertEquals("+i", await(alice, "221").param(1));
    }

    @Test
    void queries_whoisIsonUserhostAwayListMotd_answerAsSpecified() {
        IrcTestClient alice = client("alice");
        IrcTestClient bob = client("bob");
        bob.join("#room");
        alice.sendRaw("WHOIS bob");
        assertEquals("bob", await(alice, "311").param(1));
        assertEquals("@#room", await(alice, "319").param(2));
        assertEquals("irc.test", await(alice, "312").param(2));
        await(alice, "318");
        alice.sendRaw("WHOIS ghost");
        assertEquals("ghost", await(alice, "401").param(1));
        await(alice, "318");
        alice.sendRaw("ISON bob ghost ALICE");
        assertEquals("bob alice", await(alice, "303").param(1));
        bob.sendRaw("AWAY :lunch");
        await(bob, "306");
        alice.sendRaw("USERHOST bob");
        assertTrue(await(alice, "302").param(1).startsWith("bob=-bob@"));
        alice.privmsg("bob", "there?");
        assertEquals("lunch", await(alice, "301").param(2));
        alice.sendRaw("LIST");
        await(alice, "321");
        assertEquals(List.of("alice", "#room", "1", ""), await(alice, "322").params());
        await(alice, "323");
        alice.sendRaw("WHO bob");
        assertEquals("bob", await(alice, "352").param(5));
        alice.sendRaw("MOTD");
        await(alice, "422");
    }

    @Test
    void manyClients_joinOneChannel_namesSplitAcrossLinesAndAllReceiveMessage() {
        List<IrcTestClient> clients = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            IrcTestClient c = client("puppet" + i);
            c.join("#crowd");
            clients.add(c);
        }
        IrcTestClient late = client("late");
        late.join("#crowd");
        await(late, "366"); // join() returns on the JOIN echo; the NAMES burst follows it
        long namesLines = late.received().stream().map(IrcLine::parse).filter(l -> "353".equals(l.command())).count();
        assertTrue(namesLines > 1, "151 nicks cannot fit one 512-byte line");
        late.privmsg("#crowd", "hello crowd");
        for (IrcTestClient c : clients) {
            c.awaitPrivmsg("#crowd", "hello crowd"::equals, TIMEOUT);
        }
        assertEquals(151, server.channelMembers("#crowd").size());
    }
}
