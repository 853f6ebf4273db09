package org.matrixas.homeserver.txn;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One namespace kind (users, aliases or rooms) of every service, as a single matcher: which services own an ID,
 * as a bit set of their positions. Regexes are filed under their {@link LiteralPrefix}, so an ID is tested only
 * against the regexes whose prefix it starts with (and those without one), not against every service's.
 */
final class PrefixTable {
    private record Entry(Pattern pattern, int service) {
    }

    private final int services;
    private final Map<String, List<Entry>> byPrefix = new HashMap<>();
    private final List<Entry> unprefixed = new ArrayList<>();
    private final int[] lengths;

    /** {@code regexes.get(i)} are service i's regexes of this kind. */
    PrefixTable(List<List<String>> regexes) {
        this.services = regexes.size();
        TreeSet<Integer> lens = new TreeSet<>();
        for (int s = 0; s < regexes.size(); s++) {
            for (String regex : regexes.get(s)) {
                Entry e = new Entry(Pattern.compile(regex), s);
                String prefix = LiteralPrefix.of(regex);
                if (prefix.isEmpty()) {
                    unprefixed.add(e);
                } else {
                    byPrefix.computeIfAbsent(prefix, p -> new ArrayList<>()).add(e);
                    lens.add(prefix.length());
                }
            }
        }
        this.lengths = lens.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The services with a regex of this kind that matches the whole {@code id}, as a bit set. */
    long[] owners(String id) {
        long[] out = Masks.empty(services);
        for (int len : lengths) {
            if (len > id.length()) {
                break;
            }
            List<Entry> candidates = byPrefix.get(id.substring(0, len));
            if (candidates != null) {
                test(candidates, id, out);
            }
        }
        test(unprefixed, id, out);
        return out;
    }

    private static void test(List<Entry> entries, String id, long[] out) {
        for (Entry e : entries) {
            if (!Masks.contains(out, e.service()) && e.pattern().matches(id)) {
                Masks.set(out, e.service());
            }
        }
    }
}
