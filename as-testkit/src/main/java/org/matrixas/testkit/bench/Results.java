package org.matrixas.testkit.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.matrixas.protocol.json.Json;

/** Prints rows as a table and writes them as {@code results.json}. */
final class Results {
    private Results() {
    }

    static void writeJson(List<Row> rows, Path file) throws IOException {
        ArrayNode array = Json.mapper().createArrayNode();
        rows.forEach(r -> array.add(r.toJson()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(array));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A Markdown table, the form BENCHMARKS.md keeps. */
    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| name | value | unit | reference | ratio | target | met |\n");
        b.append("|---|---:|---|---:|---:|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.name()).append(" | ").append(num(r.value())).append(" | ").append(r.unit())
                    .append(" | ").append(num(r.reference())).append(" | ").append(ratio(r.ratio())).append(" | ")
                    .append(r.target().description()).append(" | ").append(met(r)).append(" |\n");
        }
        return b.toString();
    }

    static String line(Row r) {
        String s = String.format(Locale.ROOT, "%-44s %12s %-9s ref %12s  ratio %7s  target %-32s %s", r.name(),
                num(r.value()), r.unit(), num(r.reference()), ratio(r.ratio()), r.target().description(), met(r));
        return r.note().isEmpty() ? s : s + "  (" + r.note() + ")";
    }

    private static String met(Row r) {
        if (r.value() == null) {
            return "n/a";
        }
        return r.met() == null ? "-" : r.met() ? "yes" : "NO";
    }

    static String num(Double v) {
        if (v == null) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String ratio(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
