package org.matrixas.homeserver.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One YAML mapping of the config file, read key by key so that every error names the file, the full key and what
 * was expected. Keys it was not told about are refused when it is created.
 */
final class ConfigNode {
    private final String file;
    private final String prefix;
    private final JsonNode node;

    private ConfigNode(String file, String prefix, JsonNode node) {
        this.file = file;
        this.prefix = prefix;
        this.node = node;
    }

    /** A mapping with exactly these allowed keys; {@code prefix} is "" at the top level. */
    static ConfigNode of(String file, String prefix, JsonNode node, Set<String> allowed) {
        ConfigNode c = new ConfigNode(file, prefix, node);
        if (!node.isObject()) {
            throw c.error(prefix.isEmpty() ? "(file)" : prefix, "expected a mapping of keys to values");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ConfigException(file + ": unknown key '" + c.full(name) + "' (expected one of: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return c;
    }

    Optional<ConfigNode> child(String key, Set<String> allowed) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        return Optional.of(of(file, full(key), v, allowed));
    }

    String requiredString(String key) {
        return optionalString(key).orElseThrow(() -> error(full(key), "is required: expected a string"));
    }

    Optional<String> optionalString(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw error(full(key), "expected a string");
        }
        String s = v.asText();
        if (s.isBlank()) {
            throw error(full(key), "must not be empty");
        }
        return Optional.of(s);
    }

    boolean bool(String key, boolean dflt) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isBoolean()) {
            throw error(full(key), "expected true or false, was '" + v.asText() + "'");
        }
        return v.booleanValue();
    }

    long integer(String key, long dflt, long min, long max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw error(full(key), "expected an integer, was '" + v.asText() + "'");
        }
        long n = v.longValue();
        if (n < min || n > max) {
            throw error(full(key), "must be between " + min + " and " + max + ", was " + n);
        }
        return n;
    }

    List<String> stringList(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(full(key), "expected a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                throw error(full(key) + "[" + i + "]", "expected a non-empty string");
            }
            out.add(item.asText());
        }
        return out;
    }

    ConfigException error(String fullKey, String problem) {
        return new ConfigException(file + ": '" + fullKey + "' " + problem);
    }

    String full(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    String file() {
        return file;
    }
}
