package org.matrixas.testkit.irc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The services accounts of the test network: names (matched with the server's case mapping) and passwords. Both
 * SASL PLAIN and NickServ IDENTIFY check against these. Immutable once built.
 */
final class Accounts {
    private final Map<String, String[]> byFoldedName;

    private Accounts(Map<String, String[]> byFoldedName) {
        this.byFoldedName = Map.copyOf(byFoldedName);
    }

    static Accounts none() {
        return new Accounts(Map.of());
    }

    /** A copy with {@code name} (replacing an account of the same folded name) added. */
    Accounts with(String name, String password) {
        Map<String, String[]> next = new LinkedHashMap<>(byFoldedName);
        next.put(CaseMapping.fold(name), new String[] {name, password});
        return new Accounts(next);
    }

    /** The account's name as configured when {@code password} is its password; empty otherwise. */
    Optional<String> login(String name, String password) {
        String[] account = byFoldedName.get(CaseMapping.fold(name));
        if (account == null) {
            return Optional.empty();
        }
        // Constant time, as a real services package would compare; a test of timing should not pass by accident.
        boolean ok = MessageDigest.isEqual(account[1].getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        return ok ? Optional.of(account[0]) : Optional.empty();
    }

    boolean isEmpty() {
        return byFoldedName.isEmpty();
    }
}
