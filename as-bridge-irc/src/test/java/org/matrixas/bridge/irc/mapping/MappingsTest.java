package org.matrixas.bridge.irc.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.matrixas.bridge.irc.config.AppServiceConfig;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.HomeserverConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;
import org.matrixas.protocol.id.RoomAlias;
import org.matrixas.protocol.id.UserId;
import org.matrixas.protocol.namespace.Namespace;
import org.matrixas.protocol.namespace.NamespaceMatcher;
import org.matrixas.protocol.namespace.Namespaces;

class MappingsTest {
    static final BridgeConfig CONFIG = BridgeConfig.of(HomeserverConfig.of("http://127.0.0.1:8008", "hsdomain.com"),
            AppServiceConfig.of("T_a", "T_h"), Path.of("data"),
            List.of(NetworkConfig.of("irc.freenode.net", "127.0.0.1", 6667),
                    NetworkConfig.of("irc.example.org", "127.0.0.1", 6668)));
    private final Mappings mappings = new Mappings(CONFIG);
    private final NamespaceMatcher matcher = NamespaceMatcher.compile(mappings.namespaces());

    @Test
    void namespaces_areExclusiveAndCoverEveryNetworkAndTheBot() {
        Namespaces ns = mappings.namespaces();
        assertEquals(3, ns.users().size());
        assertEquals(2, ns.aliases().size());
        assertTrue(ns.users().stream().allMatch(Namespace::exclusive));
        assertTrue(ns.aliases().stream().allMatch(Namespace::exclusive));
        assertEquals(List.of(), ns.rooms());
    }

    @ParameterizedTest
    @ValueSource(strings = {"@irc.freenode.net/_bob:hsdomain.com", "@irc.freenode.net/=5b_bob=5d:hsdomain.com",
        "@irc.example.org/alice:hsdomain.com", "@irc-bridge:hsdomain.com"})
    void userNamespace_matchesOurUsers(String user) {
        assertTrue(matcher.isExclusiveUser(user));
        assertTrue(java.util.regex.Pattern.compile(regexes(mappings.namespaces().users())).matcher(user).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"@irc.freenode.net/_bob:other.com", "@irc.freenode.net/:hsdomain.com",
        "@irc.freenode.net/Bob:hsdomain.com", "@ircXfreenodeXnet/bob:hsdomain.com", "@xirc.freenode.net/bob:hsdomain.com",
        "@irc.freenode.net/bob:hsdomainXcom", "@alice:hsdomain.com", "@irc-bridge2:hsdomain.com",
        "@irc.freenode.net/bob:hsdomain.com:8448"})
    void userNamespace_rejectsOthers(String user) {
        assertFalse(matcher.matchesUser(user));
        assertFalse(java.util.regex.Pattern.compile(regexes(mappings.namespaces().users())).matcher(user).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#irc.freenode.net/#matrix:hsdomain.com", "#irc.example.org/&local:hsdomain.com",
        "#irc.freenode.net/#a[b]{c}^:hsdomain.com"})
    void aliasNamespace_matchesOurAliases(String alias) {
        assertTrue(matcher.isExclusiveAlias(alias));
        assertTrue(mappings.channelOf(RoomAlias.parse(alias)).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"#irc.freenode.net/#matrix:other.com", "#irc.freenode.net/matrix:hsdomain.com",
        "#irc.freenode.net/:hsdomain.com", "#ircXfreenode.net/#matrix:hsdomain.com", "#matrix:hsdomain.com"})
    void aliasNamespace_rejectsOthers(String alias) {
        assertFalse(matcher.matchesAlias(alias));
    }

    @Test
    void isBridgeUser_botAndVirtualUsers_true() {
        assertTrue(mappings.isBridgeUser(UserId.parse("@irc-bridge:hsdomain.com")));
        assertTrue(mappings.isBridgeUser(UserId.parse("@irc.example.org/anything:hsdomain.com")));
        assertFalse(mappings.isBridgeUser(UserId.parse("@alice:hsdomain.com")));
    }

    @Test
    void channelOf_findsTheRightNetwork() {
        assertEquals("irc.example.org",
                mappings.channelOf(RoomAlias.parse("#irc.example.org/#x:hsdomain.com")).orElseThrow().network());
        assertEquals("irc.freenode.net",
                mappings.nickOf(UserId.parse("@irc.freenode.net/_bob:hsdomain.com")).orElseThrow().network());
    }

    private static String regexes(List<Namespace> list) {
        return String.join("|", list.stream().map(n -> "(?:" + n.regex() + ")").toList());
    }
}
