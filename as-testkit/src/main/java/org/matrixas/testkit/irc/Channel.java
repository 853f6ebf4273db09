package org.matrixas.testkit.irc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One channel's state. Not thread-safe: it is only touched while holding the {@link ServerState} lock,
 * which keeps membership, modes and the broadcasts derived from them consistent.
 */
final class Channel {
    /** Per-member status; mutable because +o/+v toggle it in place. */
    static final class Member {
        boolean op;
        boolean voice;

        String prefix() {
            return op ? "@" : voice ? "+" : "";
        }
    }

    final String name;
    final Instant created;
    private final Map<ClientConnection, Member> members = new LinkedHashMap<>();
    /** Simple flag modes from CHANMODES type D; new channels start +nt like most networks. */
    final Set<Character> flags = new TreeSet<>(Set.of('n', 't'));
    final Set<String> bans = new LinkedHashSet<>();
    String key;
    int limit;
    String topic;
    String topicSetBy;
    Instant topicSetAt;

    Channel(String name, Instant created) {
        this.name = name;
        this.created = created;
    }

    Member member(ClientConnection c) {
        return members.get(c);
    }

    boolean contains(ClientConnection c) {
        return members.containsKey(c);
    }

    void add(ClientConnection c, boolean op) {
        Member m = new Member();
        m.op = op;
        members.put(c, m);
    }

    void remove(ClientConnection c) {
        members.remove(c);
    }

    Collection<ClientConnection> members() {
        return members.keySet();
    }

    Set<Map.Entry<ClientConnection, Member>> entries() {
        return members.entrySet();
    }

    int size() {
        return members.size();
    }

    boolean has(char flag) {
        return flags.contains(flag);
    }

    boolean isBanned(ClientConnection c) {
        String mask = CaseMapping.fold(c.prefix());
        return bans.stream().anyMatch(b -> globMatches(CaseMapping.fold(b), mask));
    }

    /** The parameters for 324: the mode letters, then k/l arguments as separate parameters. */
    List<String> modeParams() {
        StringBuilder modes = new StringBuilder("+");
        List<String> params = new ArrayList<>();
        params.add("");
        flags.forEach(modes::append);
        if (key != null) {
            modes.append('k');
            params.add(key);
        }
        if (limit > 0) {
            modes.append('l');
            params.add(Integer.toString(limit));
        }
        params.set(0, modes.toString());
        return params;
    }

    /** IRC ban masks use {@code *} and {@code ?}; iterative matching avoids regex escaping pitfalls. */
    static boolean globMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
