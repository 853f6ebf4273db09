package org.matrixas.testkit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a figure must reach: bounds on the value and on the ratio to the reference, all of which must hold.
 * {@link #none()} for figures reported only to show how something grows.
 */
public final class Target {
    private final List<Bound> bounds;

    private Target(List<Bound> bounds) {
        this.bounds = List.copyOf(bounds);
    }

    public static Target none() {
        return new Target(List.of());
    }

    /** value ≥ min. */
    public static Target atLeast(double min, String unit) {
        return none().andAtLeast(min, unit);
    }

    /** value &lt; max. */
    public static Target below(double max, String unit) {
        return new Target(List.of(new Bound(false, false, false, max, "< " + fmt(max) + " " + unit)));
    }

    /** value ≤ max. */
    public static Target atMost(double max, String unit) {
        return new Target(List.of(new Bound(false, false, true, max, "<= " + fmt(max) + " " + unit)));
    }

    /** ratio ≥ min. */
    public static Target ratioAtLeast(double min) {
        return new Target(List.of(new Bound(true, true, true, min, "ratio >= " + fmt(min))));
    }

    public Target andAtLeast(double min, String unit) {
        List<Bound> b = new ArrayList<>(bounds);
        b.add(new Bound(false, true, true, min, ">= " + fmt(min) + " " + unit));
        return new Target(b);
    }

    public boolean isNone() {
        return bounds.isEmpty();
    }

    /** Empty when there is nothing to judge (no bounds, or a ratio bound without a reference). */
    Optional<Boolean> met(double value, Double ratio) {
        if (bounds.isEmpty()) {
            return Optional.empty();
        }
        boolean all = true;
        for (Bound b : bounds) {
            if (b.onRatio && ratio == null) {
                return Optional.empty();
            }
            all &= b.holds(b.onRatio ? ratio : value);
        }
        return Optional.of(all);
    }

    public String description() {
        return bounds.isEmpty() ? "-" : String.join(" and ", bounds.stream().map(Bound::text).toList());
    }

    @Override
    public String toString() {
        return description();
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** lower: value ≥ limit; otherwise value &lt; limit, or ≤ when inclusive. */
    private record Bound(boolean onRatio, boolean lower, boolean inclusive, double limit, String text) {
        boolean holds(double v) {
            if (lower) {
                return v >= limit;
            }
            return inclusive ? v <= limit : v < limit;
        }
    }
}
