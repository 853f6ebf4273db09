package org.matrixas.bridge.irc.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.matrixas.bridge.irc.config.AppServiceConfig;
import org.matrixas.bridge.irc.config.BridgeConfig;
import org.matrixas.bridge.irc.config.HomeserverConfig;
import org.matrixas.bridge.irc.config.NetworkConfig;

class AdminCommandTest {

    @Test
    void parse_commandLines_nameLowerCasedArgsSplitRestKept() {
        AdminCommand c = AdminCommand.parse("  !JOIN  irc.example.org   #chan key ").orElseThrow();
        assertEquals("join", c.name());
        assertEquals(List.of("irc.example.org", "#chan", "key"), c.args());
        assertEquals("irc.example.org   #chan key", c.rest());
        assertEquals(Optional.empty(), AdminCommand.parse("hello"));
        assertEquals(Optional.empty(), AdminCommand.parse("! join"));
        assertEquals(Optional.empty(), AdminCommand.parse("!"));
        assertEquals(List.of(), AdminCommand.parse("!help").orElseThrow().args());
    }

    @Test
    void restAfter_keepsInnerSpacesOfAPassword() {
        AdminCommand c = AdminCommand.parse("!storepass irc.example.org  my  secret pass").orElseThrow();
        assertEquals("my  secret pass", c.restAfter(1));
        assertEquals("irc.example.org  my  secret pass", c.restAfter(0));
    }

    @Test
    void networkArgs_oneNetwork_optional() {
        NetworkArgs one = new NetworkArgs(config("irc.example.org"));
        NetworkArgs.Target named = one.resolve(cmd("!join irc.example.org #a"), 1, 2, "usage");
        assertEquals(new NetworkArgs.Target("irc.example.org", List.of("#a"), 1), named);
        NetworkArgs.Target implied = one.resolve(cmd("!join #a key"), 1, 2, "usage");
        assertEquals(new NetworkArgs.Target("irc.example.org", List.of("#a", "key"), 0), implied);
        AdminException tooMany = assertThrows(AdminException.class,
                () -> one.resolve(cmd("!join #a key extra"), 1, 2, "!join [network] #channel [key]"));
        assertEquals("Usage: !join [network] #channel [key]", tooMany.getMessage());
    }

    @Test
    void networkArgs_severalNetworks_required() {
        NetworkArgs two = new NetworkArgs(config("a.example.org", "b.example.org"));
        assertEquals("b.example.org", two.resolve(cmd("!nick b.example.org Nick"), 1, 1, "u").network());
        AdminException which = assertThrows(AdminException.class,
                () -> two.resolve(cmd("!nick Nick"), 1, 1, "!nick [network] NewNick"));
        assertTrue(which.getMessage().startsWith("Which network? Usage: !nick [network] NewNick"), which.getMessage());
        assertTrue(which.getMessage().contains("a.example.org, b.example.org"), which.getMessage());
        assertEquals(List.of("a.example.org", "b.example.org"), two.all());
    }

    @Test
    void networkArgs_networkNameAsOnlyArgument_isTheArgument() {
        // "!storepass irc.example.org" stores that text as the password rather than failing: a lone argument
        // is never taken as the network when the command needs one more.
        NetworkArgs one = new NetworkArgs(config("irc.example.org"));
        assertEquals(0, one.resolve(cmd("!storepass irc.example.org"), 1, Integer.MAX_VALUE, "u").consumed());
    }

    private static AdminCommand cmd(String line) {
        return AdminCommand.parse(line).orElseThrow();
    }

    private static BridgeConfig config(String... domains) {
        List<NetworkConfig> networks = java.util.Arrays.stream(domains)
                .map(d -> NetworkConfig.of(d, "127.0.0.1", 6667)).toList();
        return BridgeConfig.of(HomeserverConfig.of("http://127.0.0.1:8008", "localhost"),
                AppServiceConfig.of("as", null), Path.of("data"), networks);
    }
}
