package org.matrixas.testkit.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.matrixas.protocol.json.Json;

/**
 * One figure of a benchmark run, one line of {@code results.json}. {@code ratio} is always {@code value /
 * reference}: for a throughput higher is better, for a latency or a cost it says how many times the floor it is.
 *
 * @param value the measured figure; null when the benchmark could not run (see {@code note})
 * @param reference the same quantity for the reference measured in the same run; null when there is none
 * @param met whether the target is met; null when the row has no target or no value
 * @param note why a value is missing, or what the figure depends on; printed, not written to JSON
 */
public record Row(String name, Double value, String unit, Double reference, Double ratio, Target target,
        Boolean met, String note) {

    public Row {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(unit, "unit is null");
        Objects.requireNonNull(target, "target is null");
        note = note == null ? "" : note;
    }

    /** A measured figure: the ratio and whether the target is met are derived here. */
    public static Row of(String name, double value, String unit, Double reference, Target target) {
        Double ratio = reference == null || reference == 0 ? null : value / reference;
        return new Row(name, value, unit, reference, ratio, target, target.met(value, ratio).orElse(null), "");
    }

    /** A figure that could not be measured in this run, with the reason. */
    public static Row unavailable(String name, String unit, Target target, String why) {
        return new Row(name, null, unit, null, null, target, null, why);
    }

    public Row withNote(String newNote) {
        return new Row(name, value, unit, reference, ratio, target, met, newNote);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("name", name);
        putNumber(o, "value", value);
        o.put("unit", unit);
        putNumber(o, "reference", reference);
        putNumber(o, "ratio", ratio == null ? null : Math.round(ratio * 1000) / 1000.0);
        if (target.isNone()) {
            o.putNull("target");
        } else {
            o.put("target", target.description());
        }
        if (met == null) {
            o.putNull("met");
        } else {
            o.put("met", met);
        }
        return o;
    }

    private static void putNumber(ObjectNode o, String key, Double v) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
