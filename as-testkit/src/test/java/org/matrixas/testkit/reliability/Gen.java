package org.matrixas.testkit.reliability;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

/**
 * Seeded generators for the fuzz tests: jqwik's arbitraries (strings over all of Unicode, edge-case biased
 * numbers) drawn with a {@link Random} the test seeds and prints, so a failing case is reproducible with
 * {@code -Dreliability.seed=}.
 */
final class Gen {
    private static final int GEN_SIZE = 1000;
    private static final RandomGenerator<String> ANY_STRING =
            Arbitraries.strings().all().ofMaxLength(40).generator(GEN_SIZE);
    private static final RandomGenerator<String> ASCII =
            Arbitraries.strings().ascii().ofMaxLength(30).generator(GEN_SIZE);
    private static final RandomGenerator<Long> LONGS = Arbitraries.longs().generator(GEN_SIZE);
    private static final Arbitrary<Double> DOUBLES = Arbitraries.doubles();
    private static final RandomGenerator<Double> DOUBLE_GEN = DOUBLES.generator(GEN_SIZE);
    final Random random;

    Gen(long seed) {
        this(new Random(seed));
    }

    /** Draws from jqwik's random source (inside a property). */
    Gen(Random random) {
        this.random = random;
    }

    String anyString() {
        return ANY_STRING.next(random).value();
    }

    String ascii() {
        return ASCII.next(random).value();
    }

    /** Printable ASCII only (what may stand in an HTTP header). */
    String printable() {
        return ascii().chars().filter(ch -> ch >= 0x21 && ch < 0x7f).collect(StringBuilder::new,
                StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    long anyLong() {
        return LONGS.next(random).value();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int min, int maxInclusive) {
        return min + random.nextInt(maxInclusive - min + 1);
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    @SafeVarargs
    final <T> T pick(T... from) {
        return from[random.nextInt(from.length)];
    }

    /** Any JSON value, nested up to {@code depth}, as text. */
    String jsonValue(int depth) {
        int kind = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> Long.toString(anyLong());
            case 3 -> {
                double d = DOUBLE_GEN.next(random).value();
                yield Double.isFinite(d) ? Double.toString(d) : pick("1e999", "-1e999", "123456789012345678901234567890");
            }
            case 4, 5 -> Rel.json(anyString());
            case 6 -> {
                StringBuilder sb = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append(jsonValue(depth - 1));
                }
                yield sb.append(']').toString();
            }
            default -> jsonObject(depth - 1, List.of());
        };
    }

    /** A JSON object with random keys, plus some of {@code knownFields} bound to values of any type. */
    String jsonObject(int depth, List<String> knownFields) {
        StringBuilder sb = new StringBuilder("{");
        int n = random.nextInt(4);
        boolean first = true;
        for (int i = 0; i < n; i++) {
            sb.append(first ? "" : ",").append(Rel.json(random.nextBoolean() ? anyString() : ascii())).append(':')
                    .append(jsonValue(depth));
            first = false;
        }
        for (String f : knownFields) {
            if (random.nextBoolean()) {
                sb.append(first ? "" : ",").append(Rel.json(f)).append(':').append(jsonValue(Math.max(0, depth)));
                first = false;
            }
        }
        return sb.append('}').toString();
    }

    /** Text that is not JSON. */
    String malformedJson() {
        return pick("{", "{\"a\":}", "{\"a\" 1}", "[1,2", "{'single':'quotes'}", "{\"a\":1,}", "nul", "tru",
                "{\"a\":\"unterminated}", "{\"a\":1}}", "<html></html>", "\u0000\u0001", "{\"a\":NaN}",
                "{\"a\":0x10}", "{\"a\":01}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\ud800\"",
                // The trailing comma keeps random text from closing into valid JSON (e.g. "{" + "}").
                "{" + ascii() + ",");
    }

    /** Nesting {@code depth} levels deep (arrays or objects). */
    String deep(int depth) {
        boolean arrays = random.nextBoolean();
        StringBuilder sb = new StringBuilder(depth * 6 + 10);
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append("1");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "]" : "}");
        }
        return arrays ? "{\"x\":" + sb + "}" : sb.toString();
    }

    /** Bytes that are not UTF-8, inside a JSON string. */
    byte[] invalidUtf8Json() {
        byte[] bad = pick(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80});
        byte[] head = "{\"body\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\",\"msgtype\":\"m.text\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bad, 0, out, head.length, bad.length);
        System.arraycopy(tail, 0, out, head.length + bad.length, tail.length);
        return out;
    }

    /** A path segment that is an ID of some kind, percent-encoded (or deliberately badly encoded). */
    String idSegment(String sigil, String valid) {
        return switch (random.nextInt(10)) {
            case 0, 1 -> enc(valid);
            case 2 -> enc(sigil + ascii() + ":localhost");
            case 3 -> enc(ascii());                                        // no sigil, maybe no colon
            case 4 -> enc(sigil + "x".repeat(between(250, 3000)) + ":localhost"); // over-long
            case 5 -> enc(sigil + anyString() + ":" + anyString());          // odd characters
            case 6 -> pick("%", "%z", "%zz", "%c3%28", "%ff%fe", "%e2%82", "%00", "%2", "%%", "%C0%AF", "%ED%A0%80");
            case 7 -> enc(sigil + "a:localhost") + pick("%", "%g1", "%c3");
            case 8 -> enc(sigil + ":");
            default -> enc(sigil + "\u0000\r\n" + ascii() + ":localhost");
        };
    }

    static String enc(String s) {
        return org.matrixas.protocol.http.PercentCodec.encode(s);
    }
}
