package org.matrixas.protocol.namespace;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compiled {@link Namespaces}: answers whether an ID falls in a namespace, and whether exclusively.
 *
 * <p>Patterns are compiled with RE2J, whose matching time is linear in the input, so a hostile registration
 * such as {@code (a+)+$} cannot stall the homeserver. A regex must match the whole ID.
 */
public final class NamespaceMatcher {
    private final List<Compiled> users;
    private final List<Compiled> aliases;
    private final List<Compiled> rooms;

    private NamespaceMatcher(List<Compiled> users, List<Compiled> aliases, List<Compiled> rooms) {
        this.users = users;
        this.aliases = aliases;
        this.rooms = rooms;
    }

    /**
     * Compiles every regex.
     *
     * @throws InvalidNamespaceException naming the namespace kind and the regex that does not compile
     */
    public static NamespaceMatcher compile(Namespaces namespaces) {
        Objects.requireNonNull(namespaces, "namespaces is null");
        return new NamespaceMatcher(compile("users", namespaces.users()), compile("aliases", namespaces.aliases()),
                compile("rooms", namespaces.rooms()));
    }

    private static List<Compiled> compile(String kind, List<Namespace> entries) {
        List<Compiled> out = new ArrayList<>(entries.size());
        for (Namespace ns : entries) {
            try {
                out.add(new Compiled(Pattern.compile(ns.regex()), ns.exclusive()));
            } catch (PatternSyntaxException e) {
                throw new InvalidNamespaceException(kind, ns.regex(), e.getDescription());
            }
        }
        return List.copyOf(out);
    }

    public boolean matchesUser(String userId) {
        return find(users, userId, false);
    }

    public boolean isExclusiveUser(String userId) {
        return find(users, userId, true);
    }

    public boolean matchesAlias(String alias) {
        return find(aliases, alias, false);
    }

    public boolean isExclusiveAlias(String alias) {
        return find(aliases, alias, true);
    }

    public boolean matchesRoom(String roomId) {
        return find(rooms, roomId, false);
    }

    public boolean isExclusiveRoom(String roomId) {
        return find(rooms, roomId, true);
    }

    private static boolean find(List<Compiled> list, String id, boolean exclusiveOnly) {
        for (Compiled c : list) {
            if ((!exclusiveOnly || c.exclusive) && c.pattern.matches(id)) {
                return true;
            }
        }
        return false;
    }

    private record Compiled(Pattern pattern, boolean exclusive) {
    }
}
