package org.matrixas.protocol.namespace;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.matrixas.protocol.json.Json;

class NamespaceMatcherTest {
    private final NamespaceMatcher matcher = NamespaceMatcher.compile(new Namespaces(
            List.of(Namespace.exclusive("@irc\\.freenode\\.net/.*:hs"), Namespace.shared("@bot:hs")),
            List.of(Namespace.exclusive("#irc\\.freenode\\.net/.*:hs")),
            List.of()));

    @Test
    void matchesUser_wholeIdOnly_prefixOrSuffixDoesNotMatch() {
        assertTrue(matcher.matchesUser("@irc.freenode.net/_bob:hs"));
        assertFalse(matcher.matchesUser("x@irc.freenode.net/_bob:hs"));
        assertFalse(matcher.matchesUser("@irc.freenode.net/_bob:hs.evil"));
    }

    @Test
    void isExclusiveUser_sharedEntry_false() {
        assertTrue(matcher.matchesUser("@bot:hs"));
        assertFalse(matcher.isExclusiveUser("@bot:hs"));
        assertTrue(matcher.isExclusiveUser("@irc.freenode.net/x:hs"));
    }

    @Test
    void matchesAlias_channelAlias_exclusive() {
        assertTrue(matcher.isExclusiveAlias("#irc.freenode.net/#matrix:hs"));
        assertFalse(matcher.matchesRoom("!x:hs"));
    }

    @Test
    void compile_invalidRegex_namesKindAndRegex() {
        var e = assertThrows(InvalidNamespaceException.class, () -> NamespaceMatcher.compile(
                new Namespaces(List.of(), List.of(Namespace.shared("#(unclosed")), List.of())));
        assertTrue(e.getMessage().contains("aliases") && e.getMessage().contains("#(unclosed"), e.getMessage());
    }

    @Test
    void matchesUser_catastrophicBacktrackingPattern_finishesInLinearTime() {
        NamespaceMatcher evil = NamespaceMatcher.compile(
                new Namespaces(List.of(Namespace.exclusive("(a+)+$")), List.of(), List.of()));
        String hostile = "a".repeat(100_000) + "!";
        // A backtracking engine would not finish this in our lifetime; the bound only guards against a hang.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(evil.matchesUser(hostile)));
    }

    @Test
    void namespaceJson_bareStringAndObject_bothRead() throws Exception {
        Namespaces ns = Json.mapper().readValue(
                "{\"users\":[\"@a.*\",{\"exclusive\":true,\"regex\":\"@b.*\"}]}", Namespaces.class);
        assertFalse(ns.users().get(0).exclusive());
        assertTrue(ns.users().get(1).exclusive());
    }
}
