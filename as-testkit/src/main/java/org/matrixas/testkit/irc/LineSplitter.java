package org.matrixas.testkit.irc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a client's byte stream into lines. CR and LF both terminate a line (so CRLF, bare LF and bare CR
 * all work), NUL bytes are dropped because they cannot be relayed, and bytes are decoded as UTF-8 with
 * replacement so invalid input can never throw. Lines longer than the IRC limits are reported rather
 * than buffered without bound.
 */
final class LineSplitter {
    /** Tags (4096) plus body (512), rounded up; beyond this we stop buffering and discard to EOL. */
    static final int MAX_BUFFERED = 8192;
    private static final int MAX_TAG_BYTES = 4096;

    /** Receives each complete line; {@code tooLong} means the content must be rejected, not parsed. */
    @FunctionalInterface
    interface Sink {
        void line(String text, boolean tooLong);
    }

    // Starts small because a few thousand idle puppets must not each pin 8 KiB.
    private byte[] buf = new byte[256];
    private int len;
    private boolean overflow;

    void feed(ByteBuffer in, Sink sink) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n' || b == '\r') {
                emit(sink);
            } else if (b != 0) {
                append(b);
            }
        }
    }

    private void append(byte b) {
        if (len == buf.length) {
            if (len >= MAX_BUFFERED) {
                overflow = true;
                return;
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_BUFFERED, len * 2));
        }
        buf[len++] = b;
    }

    private void emit(Sink sink) {
        if (len > 0 || overflow) {
            boolean tooLong = overflow || tooLong();
            sink.line(new String(buf, 0, len, StandardCharsets.UTF_8), tooLong);
        }
        len = 0;
        overflow = false;
        if (buf.length > 1024) {
            buf = new byte[256];
        }
    }

    private boolean tooLong() {
        int tagBytes = 0;
        if (buf[0] == '@') {
            while (tagBytes < len && buf[tagBytes] != ' ') {
                tagBytes++;
            }
            tagBytes++;
        }
        return tagBytes > MAX_TAG_BYTES || len - tagBytes > Wire.MAX_BODY_BYTES;
    }
}
