package org.matrixas.bridge.irc.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads a {@link BridgeConfig} from YAML. Unknown keys, wrong types and invalid values are errors naming the file
 * and the key; {@code data_dir} and {@code networks[].tls_ca_file} resolve against the config file's folder.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private ConfigLoader() {
    }

    /** Reads, resolves and validates the config at {@code file}. */
    public static BridgeConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), null, "cannot be read: " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        try {
            return parse(text, base);
        } catch (ConfigException e) {
            throw e.inFile(file.toString());
        }
    }

    /**
     * Reads and checks the config at {@code file} as running the bridge would ({@link ConfigValidator#validateForRun}),
     * without starting anything; every error names the file.
     */
    public static BridgeConfig check(Path file) {
        BridgeConfig config = load(file);
        try {
            return ConfigValidator.validateForRun(config);
        } catch (ConfigException e) {
            throw e.inFile(file.toString());
        }
    }

    /** Parses YAML text; relative paths resolve against {@code baseDir}. Errors name keys but no file. */
    public static BridgeConfig parse(String yaml, Path baseDir) {
        BridgeConfig config;
        try {
            config = YAML.readValue(yaml, BridgeConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(path(e), "is not a known key" + Suggestions.didYouMean(e.getPropertyName(),
                    e.getKnownPropertyIds()) + "; known keys here: " + known(e.getKnownPropertyIds()));
        } catch (MismatchedInputException e) {
            throw new ConfigException(path(e), "expected " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException syntax) {
                throw notYaml(syntax);
            }
            throw new ConfigException(path(e), "is invalid: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw notYaml(e);
        }
        if (config == null) {
            throw new ConfigException(null, "is empty; see the README for the keys");
        }
        List<NetworkConfig> networks = config.networks().stream()
                .map(n -> n.tlsCaFile() == null ? n : n.with(b -> b.tlsCaFile = resolve(baseDir, n.tlsCaFile())))
                .toList();
        return ConfigValidator.validate(config.withDataDir(resolve(baseDir, config.dataDir())).withNetworks(networks));
    }

    private static Path resolve(Path baseDir, Path path) {
        return path.isAbsolute() ? path : baseDir.resolve(path).normalize();
    }

    private static ConfigException notYaml(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return new ConfigException(null, "is not valid YAML" + where + ": " + firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "?" : new TreeSet<>(ids.stream().map(String::valueOf).toList()).stream()
                .collect(Collectors.joining(", "));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys";
        }
        return "a " + type.getSimpleName();
    }
}
