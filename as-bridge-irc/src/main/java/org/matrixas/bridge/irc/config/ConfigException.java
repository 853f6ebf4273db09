package org.matrixas.bridge.irc.config;

import java.util.Optional;

/**
 * A configuration that cannot be used. The message names the file (when the config came from one), the key
 * (as a path such as {@code networks[0].port}) and what was expected.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String key;
    private final String problem;

    public ConfigException(String key, String problem) {
        this(null, key, problem, null);
    }

    ConfigException(String file, String key, String problem, Throwable cause) {
        super(format(file, key, problem), cause);
        this.file = file;
        this.key = key;
        this.problem = problem;
    }

    private static String format(String file, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (key != null && !key.isEmpty()) {
            sb.append("'").append(key).append("' ");
        }
        return sb.append(problem).toString();
    }

    /** The same problem, now naming the file it was read from. */
    ConfigException inFile(String fileName) {
        return new ConfigException(fileName, key, problem, this);
    }

    /** The file at fault, when the config was read from one. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** The key at fault, e.g. {@code networks[0].port}; empty when the file as a whole is at fault. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
