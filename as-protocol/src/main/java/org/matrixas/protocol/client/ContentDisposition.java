package org.matrixas.protocol.client;

import java.util.Optional;
import org.matrixas.protocol.http.PercentCodec;

/** Reads the file name out of a {@code Content-Disposition} header (RFC 6266), for media downloads. */
final class ContentDisposition {
    private ContentDisposition() {
    }

    /** The file name of a {@code Content-Disposition} header: {@code filename*=utf-8''...} or {@code filename="..."}. */
    static Optional<String> fileName(String disposition) {
        Optional<String> star = parameter(disposition, "filename*");
        if (star.isPresent()) {
            String v = star.get();
            int q = v.indexOf("''");
            try {
                return Optional.of(PercentCodec.decode(q < 0 ? v : v.substring(q + 2)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return parameter(disposition, "filename");
    }

    private static Optional<String> parameter(String header, String name) {
        for (String part : header.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1).replace("\\\"", "\"");
                }
                return v.isEmpty() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
