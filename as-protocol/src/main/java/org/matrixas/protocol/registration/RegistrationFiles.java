package org.matrixas.protocol.registration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;

/**
 * Reads and writes registration files in YAML (a superset of JSON, so JSON files read too), as Synapse and the
 * bridges that generate them do.
 */
public final class RegistrationFiles {
    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            // Synapse ignores keys it does not know (e.g. de.sorunome.msc2409.push_ephemeral); so do we.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RegistrationFiles() {
    }

    /** Reads one registration file; every error names the file and, where known, the key. */
    public static Registration read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (InvalidRegistrationException e) {
            throw new InvalidRegistrationException(file.toString(), e.key(), keyless(e), e);
        } catch (IOException e) {
            throw new InvalidRegistrationException(file.toString(), null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses YAML or JSON text. */
    public static Registration parse(String text) throws IOException {
        try {
            Registration r = YAML.readValue(text, Registration.class);
            if (r == null) {
                throw new InvalidRegistrationException("id", "is required: the file is empty");
            }
            return r;
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                if (iae instanceof InvalidRegistrationException ire) {
                    throw ire;
                }
                throw new InvalidRegistrationException(path(e), iae.getMessage());
            }
            throw new InvalidRegistrationException(path(e).isEmpty() ? "(file)" : path(e), e.getOriginalMessage());
        }
    }

    /** Writes a registration file atomically (a temporary file renamed into place). */
    public static void write(Registration registration, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".registration", ".tmp");
        try {
            YAML.writeValue(tmp.toFile(), registration);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static String toYaml(Registration registration) {
        try {
            return YAML.writeValueAsString(registration);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String keyless(InvalidRegistrationException e) {
        String m = e.getMessage();
        String prefix = "'" + e.key() + "' ";
        return e.key() != null && m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

}
