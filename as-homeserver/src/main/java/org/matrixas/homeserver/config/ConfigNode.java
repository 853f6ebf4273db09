package org.matrixas.homeserver.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.matrixas.protocol.config.KeySuggestions;

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
                throw c.unknownKey(name, allowed);
            }
        }
        return c;
    }

    /**
     * "unknown key 'enable_registraton' in FILE; did you mean 'enable_registration'?" when a known key is a likely
     * typo of it (edit distance), else the list of the keys this section knows.
     */
    private ConfigException unknownKey(String name, Set<String> allowed) {
        Optional<String> near = KeySuggestions.closest(name, allowed);
        String head = "unknown key '" + full(name) + "' in " + file + "; ";
        return new ConfigException(near.map(k -> head + "did you mean '" + full(k) + "'?")
                .orElseGet(() -> head + "expected one of: " + String.join(", ", new TreeSet<>(allowed))));
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

    /** A mapping of free-form keys (such as logger names) to strings; empty when absent. */
    java.util.Map<String, String> stringMap(String key) {
        JsonNode v = node.get(key);
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw error(full(key), "expected a mapping of names to values");
        }
        Iterator<java.util.Map.Entry<String, JsonNode>> fields = v.fields();
        while (fields.hasNext()) {
            java.util.Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getValue().isTextual()) {
                throw error(full(key) + "." + f.getKey(), "expected a string");
            }
            out.put(f.getKey(), f.getValue().asText());
        }
        return out;
    }

    /** A log level (trace, debug, info, warn, error, off), in any case; the error names the key. */
    String level(String key, String value) {
        String l = value.toLowerCase(java.util.Locale.ROOT);
        if (!LoggingConfig.LEVELS.contains(l)) {
            Optional<String> near = KeySuggestions.closest(l, LoggingConfig.LEVELS);
            throw error(full(key), "is not a log level: '" + value + "'"
                    + near.map(n -> "; did you mean '" + n + "'?").orElse("; expected one of: "
                    + String.join(", ", new TreeSet<>(LoggingConfig.LEVELS))));
        }
        return l;
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
